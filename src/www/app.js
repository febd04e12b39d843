// breachkit: a little vanilla JavaScript, no build step.  Pages work
// without it; this adds the live countdowns and the wizard's live
// recommendation.  The CSP allows scripts from this origin only.
'use strict';

function bkHuman(secs, lang) {
	const d = Math.floor(secs / 86400), h = Math.floor(secs % 86400 / 3600);
	const m = Math.floor(secs % 3600 / 60), s = secs % 60;
	if (d > 0) return d + ' d ' + h + ' h';
	if (h > 0) return h + ' h ' + m + ' min';
	return m + ' min ' + s + ' s';
}

function bkTick() {
	const now = Math.floor(Date.now() / 1000);
	for (const el of document.querySelectorAll('[data-due]')) {
		const due = parseInt(el.dataset.due, 10);
		const de = el.dataset.lang !== 'en';
		const left = due - now;
		if (left < 0) {
			el.classList.add('overdue');
			el.textContent = (de ? 'überfällig seit ' : 'overdue by ') +
			    bkHuman(-left);
		} else {
			el.textContent = bkHuman(left) + (de ? ' verbleibend' : ' left');
		}
	}
}

function bkCsrf() {
	const m = document.querySelector('meta[name="csrf"]');
	return m ? m.content : '';
}

document.addEventListener('DOMContentLoaded', () => {
	if (document.querySelector('[data-due]')) {
		bkTick();
		setInterval(bkTick, 1000);
	}
	if (window.bkInit) window.bkInit();
});
