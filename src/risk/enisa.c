/* SPDX-License-Identifier: MIT */
/*
 * risk/enisa.c: the ENISA 2013 severity, SE = DPC x EI + CB, beside the
 * legal recommendation as documentation.  EI and CB are whole quarters, so
 * SE is exact and the half-open bands need no floating point.  The
 * unintelligibility of encrypted data is deliberately not part of SE
 * (approach (a) of docs/assessment.md): the legal assessment weighs it, and
 * counting it here too would count the same protection twice.
 */
#include "base/base.h"

#include "risk/risk_int.h"

#define NONE_CAT ENISA_CAT__MAX

/*
 * The ENISA category of each data category.  Credentials have none of
 * their own: they take the category of what they unlock (unlock_cat).
 */
static const enum enisa_cat data_cat[DATA__MAX] = {
	[DATA_CONTACT] = ENISA_CAT_SIMPLE,
	[DATA_IDENTITY] = ENISA_CAT_SIMPLE,
	[DATA_ID_DOCUMENT] = ENISA_CAT_SIMPLE,
	[DATA_NATIONAL_ID] = ENISA_CAT_SIMPLE,
	[DATA_CREDENTIALS] = NONE_CAT,
	[DATA_FINANCIAL] = ENISA_CAT_FINANCIAL,
	[DATA_BANK] = ENISA_CAT_FINANCIAL,
	[DATA_CARD] = ENISA_CAT_FINANCIAL,
	[DATA_ORDER] = ENISA_CAT_BEHAVIOURAL,
	[DATA_LOCATION] = ENISA_CAT_BEHAVIOURAL,
	[DATA_BEHAVIOURAL] = ENISA_CAT_BEHAVIOURAL,
	[DATA_COMMUNICATION] = ENISA_CAT_BEHAVIOURAL,
	[DATA_EMPLOYMENT] = ENISA_CAT_SIMPLE,
	[DATA_EDUCATION] = ENISA_CAT_SIMPLE,
	[DATA_IMAGES] = ENISA_CAT_SIMPLE,
	[DATA_RACIAL] = ENISA_CAT_SENSITIVE,
	[DATA_POLITICAL] = ENISA_CAT_SENSITIVE,
	[DATA_RELIGIOUS] = ENISA_CAT_SENSITIVE,
	[DATA_UNION] = ENISA_CAT_SENSITIVE,
	[DATA_GENETIC] = ENISA_CAT_SENSITIVE,
	[DATA_BIOMETRIC] = ENISA_CAT_SENSITIVE,
	[DATA_HEALTH] = ENISA_CAT_SENSITIVE,
	[DATA_SEX] = ENISA_CAT_SENSITIVE,
	[DATA_CRIMINAL] = ENISA_CAT_SENSITIVE,
	[DATA_CHILDREN] = ENISA_CAT_SIMPLE,
	[DATA_OTHER] = ENISA_CAT_SIMPLE,
};

/* Same service and admin access open the data already listed. */
static const enum enisa_cat unlock_cat[UNLOCK__MAX] = {
	[UNLOCK_SAME] = NONE_CAT,
	[UNLOCK_EMAIL] = ENISA_CAT_BEHAVIOURAL,
	[UNLOCK_FINANCIAL] = ENISA_CAT_FINANCIAL,
	[UNLOCK_HEALTH] = ENISA_CAT_SENSITIVE,
	[UNLOCK_ADMIN] = NONE_CAT,
	[UNLOCK_OTHER] = ENISA_CAT_FINANCIAL,
};

static unsigned
bit(enum enisa_cat c)
{
	return 1u << c;
}

/* The categories present; unknown data is taken as financial. */
static unsigned
categories(const struct facts *f, struct assessment *a)
{
	unsigned p = 0;

	if (!f->data.known) {
		note_unknown(a, RF_DATA);
		return bit(ENISA_CAT_FINANCIAL);
	}
	for (unsigned c = 0; c < DATA__MAX; c++) {
		if (!set_has(&f->data, c))
			continue;
		if (data_cat[c] != NONE_CAT) {
			p |= bit(data_cat[c]);
			continue;
		}
		if (!f->credentials_unlock.known) {
			note_unknown(a, RF_UNLOCK);
			p |= bit(ENISA_CAT_FINANCIAL);
			continue;
		}
		for (unsigned u = 0; u < UNLOCK__MAX; u++) {
			if (set_has(&f->credentials_unlock, u) &&
			    unlock_cat[u] != NONE_CAT)
				p |= bit(unlock_cat[u]);
		}
	}
	return p != 0 ? p : bit(ENISA_CAT_SIMPLE);
}

static bool
has_explicit(const struct facts *f, enum enisa_cat c, enum enisa_factor fac)
{
	if (!f->enisa_adj.known)
		return false;
	for (size_t i = 0; i < f->enisa_adj.n; i++) {
		if (f->enisa_adj.v[i].category == c &&
		    f->enisa_adj.v[i].factor == fac)
			return true;
	}
	return false;
}

/*
 * An automatic adjustment derived from other facts: only for a category
 * present and never where the DPO gave one for the same category and
 * factor (an explicit delta 0 cancels it).
 */
static void
auto_adj(const struct facts *f, struct enisa_result *e, enum enisa_cat c,
    enum enisa_factor fac, int delta, enum reason_id why, int64_t arg)
{
	struct enisa_adj_out *o;

	if ((e->present & bit(c)) == 0 || has_explicit(f, c, fac) ||
	    e->adj_n == nitems(e->adj))
		return;
	o = &e->adj[e->adj_n++];
	o->category = c;
	o->factor = fac;
	o->delta = delta;
	o->automatic = true;
	o->applied = true;
	o->why.id = why;
	o->why.arg = arg;
}

static void
dpc(const struct facts *f, struct enisa_result *e, struct assessment *a)
{
	int sec = risk_sensitive_sector(f), sum[ENISA_CAT__MAX] = { 0 };

	e->present = categories(f, a);
	for (size_t i = 0; f->enisa_adj.known && i < f->enisa_adj.n &&
	                   e->adj_n < ENISA_ADJ_MAX;
	     i++) {
		const struct enisa_adjustment *in = &f->enisa_adj.v[i];
		struct enisa_adj_out *o = &e->adj[e->adj_n++];

		o->category = in->category;
		o->factor = in->factor;
		o->delta = in->delta;
		o->reason = in->reason;
		o->applied = (e->present & bit(in->category)) != 0;
	}
	if (risk_has_vulnerable(f))
		auto_adj(f, e, ENISA_CAT_SIMPLE, ENISA_F_SUBJECTS, 1,
		    R_AUTO_SUBJECTS, 0);
	if (sec >= 0) {
		auto_adj(f, e, ENISA_CAT_SIMPLE, ENISA_F_CONTROLLER, 2,
		    R_AUTO_SECTOR, sec);
		auto_adj(f, e, ENISA_CAT_BEHAVIOURAL, ENISA_F_CONTROLLER, 2,
		    R_AUTO_SECTOR, sec);
	}
	if (f->already_public == TRI_YES) {
		auto_adj(f, e, ENISA_CAT_BEHAVIOURAL, ENISA_F_PUBLIC, -1,
		    R_AUTO_PUBLIC, 0);
		auto_adj(f, e, ENISA_CAT_SENSITIVE, ENISA_F_PUBLIC, -3,
		    R_AUTO_PUBLIC, 0);
	}
	for (size_t i = 0; i < e->adj_n; i++) {
		if (e->adj[i].applied)
			sum[e->adj[i].category] += e->adj[i].delta;
	}
	e->dpc = 0;
	for (unsigned c = 0; c < ENISA_CAT__MAX; c++) {
		int v = enisa_cat_base(c) + sum[c];

		if ((e->present & bit(c)) == 0)
			continue;
		v = v < 1 ? 1 : v > 4 ? 4 : v;
		e->cat_value[c] = v;
		if (v >= e->dpc) {
			e->dpc = v;
			e->base_category = c;
		}
	}
	e->base = enisa_cat_base(e->base_category);
}

/*
 * EI in quarters.  Several identifiers: the highest level they support
 * together (a name with a date of birth or an address is maximum).
 */
static int
ei(const struct facts *f, struct assessment *a)
{
	static const enum ident sig[] = { IDENT_NAME, IDENT_EMAIL,
		IDENT_ADDRESS, IDENT_PHONE, IDENT_ID_NUMBER, IDENT_PHOTO };
	static const enum ident lim[] = { IDENT_DOB, IDENT_CUSTOMER_NO,
		IDENT_USERNAME, IDENT_IP, IDENT_DEVICE };
	const struct set *s = &f->identifiers;
	int nsig = 0, q;
	bool anylim = false;

	if (!s->known) {
		note_unknown(a, RF_IDENTIFIERS);
		return 4;
	}
	for (size_t i = 0; i < nitems(sig); i++)
		nsig += set_has(s, sig[i]);
	for (size_t i = 0; i < nitems(lim); i++)
		anylim = anylim || set_has(s, lim[i]);
	if (nsig >= 2 || (set_has(s, IDENT_NAME) && anylim))
		q = 4;
	else if (nsig == 1)
		q = 3;
	else
		q = anylim ? 2 : 1;
	if (f->pseudonymised == TRI_YES && q > 1)
		q--;
	return q;
}

/* CB: each element 0, 1 or 2 quarters; malice 2.  Total 0..8. */
static void
cb(const struct facts *f, struct enisa_result *e, struct assessment *a)
{
	enum intent in = risk_intent(f, a);
	bool deliberate = in != INTENT_ACCIDENTAL;

	if (f->confidentiality != TRI_NO) {
		if (f->misuse_observed == TRI_YES ||
		    f->recipients == RCPT_PUBLIC ||
		    f->recipients == RCPT_UNKNOWN)
			e->cb_conf_q = 2;
		else if (f->recipients == RCPT_UNIDENTIFIED)
			e->cb_conf_q =
			    f->exfiltrated == TRI_YES || deliberate ? 2 : 0;
		else if (f->recipients == RCPT_KNOWN ||
		         f->recipients == RCPT_TRUSTED)
			e->cb_conf_q = 1;
		if (f->recipients == RCPT_UNKNOWN)
			note_unknown(a, RF_RECIPIENTS);
	}
	if (f->integrity != TRI_NO &&
	    (f->misuse_observed == TRI_YES || deliberate))
		e->cb_integ_q = f->backup_available == TRI_YES ? 1 : 2;
	if (f->availability != TRI_NO) {
		if (f->backup_available != TRI_YES)
			e->cb_avail_q = 2;
		else
			e->cb_avail_q = f->restore_s > 86400 ? 1 : 0;
		if (f->backup_available == TRI_UNKNOWN)
			note_unknown(a, RF_BACKUP);
	}
	e->cb_malicious_q = deliberate ? 2 : 0;
}

void
enisa_assess(
    const struct facts *f, struct enisa_result *e, struct assessment *a)
{
	int cbq;

	memset(e, 0, sizeof(*e));
	dpc(f, e, a);
	e->ei_q = ei(f, a);
	cb(f, e, a);
	cbq = e->cb_conf_q + e->cb_integ_q + e->cb_avail_q + e->cb_malicious_q;
	assert(cbq >= 0 && cbq <= 8);
	e->se_q = e->dpc * e->ei_q + cbq;
	if (e->se_q < 8)
		e->band = BAND_LOW;
	else if (e->se_q < 12)
		e->band = BAND_MEDIUM;
	else
		e->band = e->se_q < 16 ? BAND_HIGH : BAND_VERY_HIGH;
}
