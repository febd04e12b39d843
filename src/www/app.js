// breachkit: a little vanilla JavaScript, no build step.  Pages work
// without it; this adds the live countdowns and the wizard's live
// recommendation.  The CSP allows scripts from this origin only.
'use strict';

// "2 d 03:04:05": the seconds tick, so a running clock is seen running.
function bkHuman(secs) {
	const d = Math.floor(secs / 86400), h = Math.floor(secs % 86400 / 3600);
	const m = Math.floor(secs % 3600 / 60), s = secs % 60;
	const p = (x) => String(x).padStart(2, '0');
	return (d > 0 ? d + ' d ' : '') + p(h) + ':' + p(m) + ':' + p(s);
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

// ---- the intake wizard: the recommendation updates as facts are entered --
// The form carries the draft saved so far (data-draft); the fields of the
// step on screen (data-kind) are laid over it the way the server reads
// the form (ui_wizard.c), and the result goes to POST /api/v1/assess.

function bkSetPath(facts, path, v) {
	const dot = path.indexOf('.');
	if (dot < 0) {
		if (v === undefined) delete facts[path]; else facts[path] = v;
		return;
	}
	const head = path.slice(0, dot), tail = path.slice(dot + 1);
	if (v === undefined) {
		if (facts[head]) {
			delete facts[head][tail];
			if (Object.keys(facts[head]).length === 0) delete facts[head];
		}
		return;
	}
	if (typeof facts[head] !== 'object' || facts[head] === null)
		facts[head] = {};
	facts[head][tail] = v;
}

function bkFormFacts(form) {
	let facts;
	try {
		facts = JSON.parse(form.dataset.draft || '{}');
	} catch (e) {
		facts = {};
	}
	const seen = new Set();
	for (const el of form.querySelectorAll('[data-kind]')) {
		const path = el.name;
		if (seen.has(path)) continue;
		seen.add(path);
		const all = Array.from(form.elements).filter((x) => x.name === path);
		let v;
		switch (el.dataset.kind) {
		case 'text': case 'dur':
			v = el.value === '' ? undefined : el.value;
			break;
		case 'long':
			v = el.value === '' ? undefined : el.value.replace(/\r\n/g, '\n');
			break;
		case 'tri': {
			const c = all.find((x) => x.checked);
			v = !c || c.value === 'unknown' ? undefined : c.value === 'yes';
			break;
		}
		case 'enum':
			v = el.value === '' || el.value === 'unknown' ? undefined : el.value;
			break;
		case 'set': {
			const on = all.filter((x) => x.checked).map((x) => x.value);
			v = on.includes('unknown') ? undefined : on;
			break;
		}
		case 'count':
			v = el.value === '' ? undefined : Number(el.value);
			if (v !== undefined && (!Number.isInteger(v) || v < 0)) v = undefined;
			break;
		case 'flag':
			v = el.checked ? true : undefined;
			break;
		case 'time':
			v = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(el.value)
			    ? el.value + ':00' + (form.dataset.offset || 'Z') : undefined;
			break;
		case 'codes': {
			const c = el.value.split(/[\s,]+/).filter((x) => x !== '');
			v = c.length ? c.map((x) => x.toUpperCase()) : undefined;
			break;
		}
		}
		bkSetPath(facts, path, v);
	}
	if (typeof facts.title !== 'string' || facts.title === '')
		facts.title = 'draft';
	return facts;
}

function bkEl(tag, text, cls) {
	const e = document.createElement(tag);
	if (text !== undefined) e.textContent = text;
	if (cls) e.className = cls;
	return e;
}

// The same box as h_assessment() (ui_case.c), built with textContent only.
function bkRenderAssessment(box, as, de) {
	const t = (en, ger) => (de ? ger : en);
	const lvl = as.risk_level === 'high' ? t('high risk', 'hohes Risiko')
	    : as.risk_level === 'risk' ? t('risk', 'Risiko')
	    : t('unlikely to result in a risk', 'voraussichtlich kein Risiko');
	const yes = t('yes', 'ja'), no = t('no', 'nein');
	box.replaceChildren();
	const p = bkEl('p');
	p.append(bkEl('strong', t('Recommendation', 'Empfehlung') + ':'), ' ',
	    bkEl('span', lvl, 'level'));
	box.append(p);
	const ul = bkEl('ul');
	const li1 = bkEl('li', t('Notify the supervisory authority (Art. 33)',
	    'Meldung an die Aufsichtsbehörde (Art. 33)') + ': ');
	li1.append(bkEl('strong', as.notify_authority === true ? yes
	    : typeof as.notify_authority === 'string'
	    ? t('borderline', 'Grenzfall') : no));
	const li2 = bkEl('li', t('Tell the people affected (Art. 34)',
	    'Benachrichtigung der Betroffenen (Art. 34)') + ': ');
	li2.append(bkEl('strong', as.communicate_subjects === true ? yes : no));
	ul.append(li1, li2);
	box.append(ul);
	const det = bkEl('details');
	det.open = true;
	det.append(bkEl('summary', t('Reasons', 'Begründung')));
	const ol = bkEl('ol', undefined, 'reasons');
	for (const r of as.reasons || []) {
		const li = bkEl('li', (de ? r.de : r.en) + ' ');
		li.append(bkEl('cite', r.cite || ''));
		ol.append(li);
	}
	det.append(ol);
	box.append(det);
	if ((as.would_change || []).length) {
		const d2 = bkEl('details');
		d2.append(bkEl('summary', t('Facts that would change it',
		    'Fakten, die die Empfehlung ändern würden')));
		const u2 = bkEl('ul');
		for (const w of as.would_change) {
			const li = bkEl('li');
			li.append(bkEl('code', w.fact), ' = ',
			    bkEl('code', JSON.stringify(w.value)),
			    ': ' + (de ? w.effect_de : w.effect));
			u2.append(li);
		}
		d2.append(u2);
		box.append(d2);
	}
	if ((as.unknown_facts || []).length)
		box.append(bkEl('p', t('Unknown, weighed conservatively',
		    'Unbekannt, vorsichtig gewertet') + ': ' +
		    as.unknown_facts.join(', '), 'unknown'));
}

function bkWizard(form) {
	const box = document.getElementById('recommendation');
	if (!box) return;
	const de = form.dataset.lang !== 'en';
	let timer = null, seq = 0;
	const update = async () => {
		const mine = ++seq;
		try {
			const r = await fetch('/api/v1/assess', {
				method: 'POST',
				credentials: 'same-origin',
				headers: { 'Content-Type': 'application/json',
				    'X-CSRF-Token': bkCsrf() },
				body: JSON.stringify(bkFormFacts(form)),
			});
			const j = await r.json();
			if (mine !== seq) return;
			if (r.ok) {
				bkRenderAssessment(box, j, de);
				box.dataset.state = 'live';
			} else {
				box.replaceChildren(bkEl('p', (de
				    ? 'Keine Empfehlung: ' : 'No recommendation: ') +
				    ((j.error && j.error.fields || []).map((f) =>
				    f.field + ': ' + f.problem).join('; ') ||
				    (j.error && j.error.message) || r.status)));
				box.dataset.state = 'invalid';
			}
		} catch (e) {
			/* the server-side box stays */
		}
	};
	const soon = () => {
		clearTimeout(timer);
		timer = setTimeout(update, 250);
	};
	form.addEventListener('input', soon);
	form.addEventListener('change', soon);
}

// ---- the incident page: attachments go up as the raw body ---------------
// POST /incidents/{ref}/attachments?name=... with Content-Type
// application/octet-stream and the X-CSRF-Token header (ui_case.c).

function bkUpload(form) {
	const status = form.querySelector('.upload-status');
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const input = form.querySelector('input[type="file"]');
		const f = input && input.files && input.files[0];
		if (!f) {
			status.textContent = form.dataset.none || 'Choose a file.';
			return;
		}
		status.textContent = form.dataset.busy || '…';
		const r = await fetch(form.dataset.action + '?name=' +
		    encodeURIComponent(f.name), {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'Content-Type': 'application/octet-stream',
			    'X-CSRF-Token': bkCsrf() },
			body: f,
		});
		if (r.ok) {
			window.location.reload();
			return;
		}
		let msg = String(r.status);
		try {
			const j = await r.json();
			msg = (j.error && j.error.message) || msg;
		} catch (e) { /* not JSON */ }
		status.textContent = msg;
	});
	form.hidden = false;
}

document.addEventListener('DOMContentLoaded', () => {
	if (document.querySelector('[data-due]')) {
		bkTick();
		setInterval(bkTick, 1000);
	}
	const w = document.getElementById('wizard');
	if (w) bkWizard(w);
	for (const u of document.querySelectorAll('form.upload')) bkUpload(u);
	if (window.bkInit) window.bkInit();
});
