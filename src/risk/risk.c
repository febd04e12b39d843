/* SPDX-License-Identifier: MIT */
/*
 * risk/risk.c: risk_assess(): the legal recommendation (edpb.c), the ENISA
 * severity beside it (enisa.c), where the two part ways, and would_change:
 * the engine re-run over the other values of each unknown or still
 * developing fact, reporting the values that change the recommendation.
 */
#include "base/base.h"

#include "risk/risk_int.h"

static const char *const fact_paths[RF__MAX] = {
#define X(e, p) p,
	RISK_FACT_LIST(X)
#undef X
};

const char *
risk_fact_path(enum risk_fact f)
{
	return f < RF__MAX ? fact_paths[f] : "?";
}

void
note(struct assessment *a, enum reason_id id, int64_t arg)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->reasons_n; i++) {
		if (a->reasons[i].id == id && a->reasons[i].arg == arg)
			return;
	}
	/* The table has room for every reason at once; see the tests. */
	if (a->reasons_n == nitems(a->reasons))
		return;
	a->reasons[a->reasons_n].id = (uint16_t)id;
	a->reasons[a->reasons_n].arg = arg;
	a->reasons_n++;
}

void
note_unknown(struct assessment *a, enum risk_fact f)
{
	if (a != NULL)
		a->unknown |= (uint64_t)1 << f;
}

/* A tri-state fact to vary; `develops` facts are tried NO -> YES too. */
struct tri_alt {
	enum risk_fact id;
	size_t off;
	bool develops;
};

#define TA(id, m, d)                             \
	{                                        \
		id, offsetof(struct facts, m), d \
	}

static const struct tri_alt tri_alts[] = {
	TA(RF_CONF, confidentiality, false),
	TA(RF_INTEG, integrity, false),
	TA(RF_AVAIL, availability, false),
	TA(RF_KEY, key_compromised, true),
	TA(RF_PSEUDONYMISED, pseudonymised, false),
	TA(RF_BACKUP, backup_available, false),
	TA(RF_EXFILTRATED, exfiltrated, true),
	TA(RF_PUBLIC, already_public, false),
	TA(RF_MISUSE, misuse_observed, true),
	TA(RF_NEUTRALISED, neutralised, true),
	TA(RF_DISPROPORTIONATE, disproportionate_effort, true),
	TA(RF_CONTACT, contact_available, false),
	TA(RF_EEA, eea_establishment, false),
	TA(RF_ART3_2, art3_2, false),
};

/* An enum fact to vary when unknown; `widen` ones also when known. */
struct enum_alt {
	enum risk_fact id;
	size_t off;
	const char *ename;
	bool widen;
};

#define EA(id, m, e, w)                             \
	{                                           \
		id, offsetof(struct facts, m), e, w \
	}

static const struct enum_alt enum_alts[] = {
	EA(RF_INTENT, intent, "intent", false),
	EA(RF_ENCRYPTION, encryption, "encryption", false),
	EA(RF_RECIPIENTS, recipients, "recipients", true),
	EA(RF_PASSWORDS, password_storage, "password_storage", false),
	EA(RF_CRITICALITY, system_criticality, "criticality", false),
};

/*
 * Re-run the legal engine on `g` (a copy of the facts with one value
 * changed) and record the change if the recommendation moves.
 */
static void
try_alt(const struct facts *g, const struct verdict *base, struct assessment *a,
    struct risk_change *c)
{
	struct verdict v;

	if (a->changes_n == nitems(a->changes))
		return;
	edpb_assess(g, &v, NULL);
	if (v.level == base->level && v.notify == base->notify &&
	    v.communicate == base->communicate &&
	    v.public_notice == base->public_notice)
		return;
	c->level = v.level;
	c->notify = v.notify;
	c->communicate = v.communicate;
	c->public_notice = v.public_notice;
	a->changes[a->changes_n++] = *c;
}

static void
vary_tri(
    const struct facts *f, const struct verdict *base, struct assessment *a)
{
	for (size_t i = 0; i < nitems(tri_alts); i++) {
		const struct tri_alt *t = &tri_alts[i];
		enum tri now = *(const enum tri *)((const char *)f + t->off);

		for (enum tri alt = TRI_NO; alt <= TRI_YES; alt++) {
			struct facts g = *f;
			struct risk_change c = { .fact = t->id,
				.kind = RV_BOOL,
				.b = alt == TRI_YES };

			if (alt == now)
				continue;
			if (now != TRI_UNKNOWN &&
			    !(t->develops && now == TRI_NO && alt == TRI_YES))
				continue;
			*(enum tri *)((char *)&g + t->off) = alt;
			try_alt(&g, base, a, &c);
		}
	}
}

static void
vary_enum(
    const struct facts *f, const struct verdict *base, struct assessment *a)
{
	for (size_t i = 0; i < nitems(enum_alts); i++) {
		const struct enum_alt *e = &enum_alts[i];
		int now = *(const int *)((const char *)f + e->off);
		unsigned n = enum_count(e->ename);

		if (now != 0 && !e->widen)
			continue;
		for (unsigned v = (unsigned)now + 1; v < n; v++) {
			struct facts g = *f;
			struct risk_change c = { .fact = e->id,
				.kind = RV_STRING,
				.s = enum_json_name(e->ename, v) };

			*(int *)((char *)&g + e->off) = (int)v;
			try_alt(&g, base, a, &c);
		}
	}
}

/* Restore time and what credentials unlock, when unknown. */
static void
vary_other(
    const struct facts *f, const struct verdict *base, struct assessment *a)
{
	static const struct {
		int64_t s;
		const char *iso;
	} restores[] = { { INT64_C(43200), "PT12H" },
		{ INT64_C(1209600), "P14D" } };

	if (f->restore_s < 0 && f->backup_available == TRI_YES) {
		for (size_t i = 0; i < nitems(restores); i++) {
			struct facts g = *f;
			struct risk_change c = { .fact = RF_RESTORE,
				.kind = RV_STRING,
				.s = restores[i].iso };

			g.restore_s = restores[i].s;
			try_alt(&g, base, a, &c);
		}
	}
	if (set_has(&f->data, DATA_CREDENTIALS) &&
	    !f->credentials_unlock.known) {
		struct facts g = *f;
		struct risk_change c = { .fact = RF_UNLOCK,
			.kind = RV_LIST,
			.s =
			    enum_json_name("credentials_unlock", UNLOCK_SAME) };

		g.credentials_unlock.known = true;
		g.credentials_unlock.bits = (uint64_t)1 << UNLOCK_SAME;
		try_alt(&g, base, a, &c);
	}
}

/* ENISA's band read with the common practitioner convention (not ENISA). */
static enum risk_level
band_level(enum enisa_band b)
{
	if (b == BAND_LOW)
		return RISK_NONE;
	return b == BAND_MEDIUM ? RISK_RISK : RISK_HIGH;
}

void
risk_assess(const struct facts *f, struct assessment *a)
{
	struct verdict v;
	enum risk_level implied;

	memset(a, 0, sizeof(*a));
	edpb_assess(f, &v, a);
	a->is_breach = v.is_breach;
	a->gdpr_applies = v.gdpr_applies;
	a->level = v.level;
	a->notify = v.notify;
	a->notify_controller = v.is_breach && f->role == ROLE_PROCESSOR;
	a->communicate = v.communicate;
	a->art34 = v.art34;
	a->public_notice = v.public_notice;
	a->conf = v.conf;
	a->integ = v.integ;
	a->avail = v.avail;
	a->subjects_n = f->subjects_n < 0 ? COUNT_UNKNOWN : f->subjects_n;
	a->subjects_n_estimate = f->subjects_n_estimate;

	enisa_assess(f, &a->enisa, v.is_breach ? a : NULL);
	implied = band_level(a->enisa.band);
	if (v.is_breach && implied != v.level) {
		if (implied < v.level)
			a->enisa_vs_legal.id = R_ENISA_LOWER;
		else
			a->enisa_vs_legal.id = v.unintelligible
			                           ? R_ENISA_HIGHER_ENC
			                           : R_ENISA_HIGHER;
		a->enisa_vs_legal.arg = a->enisa.band;
	}

	vary_tri(f, &v, a);
	vary_enum(f, &v, a);
	vary_other(f, &v, a);
}
