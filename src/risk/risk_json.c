/* SPDX-License-Identifier: MIT */
/*
 * risk/risk_json.c: an assessment as JSON with the stable keys of
 * docs/assessment.md, and the rendering of the reason table (English and
 * German, one "{}" argument each).
 */
#include "base/base.h"

#include <inttypes.h>

#include "risk/risk_int.h"

static const struct {
	const char *key;
	enum reason_arg arg;
	const char *en;
	const char *de;
	const char *cite;
} reasons[R__MAX] = {
#define X(e, k, a, en, de, c) { k, a, en, de, c },
	REASON_LIST(X)
#undef X
};

static const char *const level_names[RISK__MAX] = { "none", "risk", "high" };
static const char *const grade_names[GRADE__MAX] = { "none", "borderline",
	"risk", "high" };
static const char *const band_names[BAND__MAX] = { "low", "medium", "high",
	"very_high" };
static const char *const band_en[BAND__MAX] = { "low", "medium", "high",
	"very high" };
static const char *const band_de[BAND__MAX] = { "niedrig", "mittel", "hoch",
	"sehr hoch" };

const char *
risk_level_name(enum risk_level l)
{
	return l < RISK__MAX ? level_names[l] : "?";
}

const char *
enisa_band_name(enum enisa_band b)
{
	return b < BAND__MAX ? band_names[b] : "?";
}

const char *
reason_key(enum reason_id id)
{
	return id < R__MAX ? reasons[id].key : "";
}

bool
assessment_has_reason(const struct assessment *a, const char *key)
{
	for (size_t i = 0; i < a->reasons_n; i++) {
		if (strcmp(reasons[a->reasons[i].id].key, key) == 0)
			return true;
	}
	return false;
}

/* The text of reason `r` in one language, with its argument filled in. */
static json_t *
render(const struct risk_reason *r, bool de)
{
	const char *t = de ? reasons[r->id].de : reasons[r->id].en;
	const char *hole = strstr(t, "{}"), *arg = "";
	char num[24], out[1024];

	switch (reasons[r->id].arg) {
	case RA_DATA:
		arg = enum_label("data_category", (unsigned)r->arg, de);
		break;
	case RA_SECTOR:
		arg = enum_label("sector", (unsigned)r->arg, de);
		break;
	case RA_CRIT:
		arg = enum_label("criticality", (unsigned)r->arg, de);
		break;
	case RA_COUNT:
		snprintf(num, sizeof(num), "%" PRId64, r->arg);
		arg = num;
		break;
	case RA_BAND:
		arg = r->arg >= 0 && r->arg < BAND__MAX
		          ? (de ? band_de : band_en)[r->arg]
		          : "?";
		break;
	case RA_NONE:
		break;
	}
	if (hole == NULL)
		return json_string(t);
	snprintf(
	    out, sizeof(out), "%.*s%s%s", (int)(hole - t), t, arg, hole + 2);
	return json_string(out);
}

static json_t *
reason_json(const struct risk_reason *r)
{
	return json_pack("{s:s, s:o, s:o, s:s}", "id", reasons[r->id].key, "en",
	    render(r, false), "de", render(r, true), "cite",
	    reasons[r->id].cite);
}

static json_t *
notify_json(enum notify n)
{
	if (n == NOTIFY_BORDERLINE)
		return json_string("borderline");
	return json_boolean(n == NOTIFY_YES);
}

static json_t *
art34_json(enum art34 e)
{
	static const char *const names[ART34__MAX] = { NULL, "a", "b", "c" };

	return e > ART34_NONE && e < ART34__MAX ? json_string(names[e])
	                                        : json_null();
}

static json_t *
dim_json(const struct risk_dim *d)
{
	json_t *aff;

	if (d->affected == AFFECTED_ASSUMED)
		aff = json_string("assumed");
	else
		aff = json_boolean(d->affected == AFFECTED_YES);
	return json_pack("{s:o, s:i, s:i, s:i, s:s}", "affected", aff,
	    "severity", d->severity, "likelihood", d->likelihood, "score",
	    d->score, "level", grade_names[d->grade]);
}

static json_t *
adj_json(const struct enisa_adj_out *o)
{
	json_t *j = json_pack("{s:s, s:s, s:i, s:b, s:b}", "category",
	    enum_json_name("enisa_category", o->category), "factor",
	    enum_json_name("enisa_factor", o->factor), "delta", o->delta,
	    "automatic", o->automatic, "applied", o->applied);

	if (o->automatic) {
		json_object_set_new(j, "reason", render(&o->why, false));
		json_object_set_new(j, "reason_de", render(&o->why, true));
		json_object_set_new(
		    j, "cite", json_string(reasons[o->why.id].cite));
	} else {
		json_object_set_new(j, "reason",
		    o->reason != NULL ? json_string(o->reason) : json_null());
	}
	return j;
}

static json_t *
enisa_json(const struct enisa_result *e)
{
	json_t *adj = json_array(), *cats = json_array(), *dpc;

	for (size_t i = 0; i < e->adj_n; i++)
		json_array_append_new(adj, adj_json(&e->adj[i]));
	for (unsigned c = 0; c < ENISA_CAT__MAX; c++) {
		if (e->present & (1u << c))
			json_array_append_new(cats,
			    json_pack("{s:s, s:i, s:i}", "category",
			        enum_json_name("enisa_category", c), "base",
			        enisa_cat_base(c), "value", e->cat_value[c]));
	}
	dpc = json_pack("{s:s, s:i, s:o, s:o, s:i}", "base_category",
	    enum_json_name("enisa_category", e->base_category), "base", e->base,
	    "categories", cats, "adjustments", adj, "value", e->dpc);
	return json_pack("{s:o, s:f, s:{s:f, s:f, s:f, s:f, s:f}, s:f, s:s}",
	    "dpc", dpc, "ei", e->ei_q / 4.0, "cb", "confidentiality",
	    e->cb_conf_q / 4.0, "integrity", e->cb_integ_q / 4.0,
	    "availability", e->cb_avail_q / 4.0, "malicious",
	    e->cb_malicious_q / 4.0, "total",
	    (e->cb_conf_q + e->cb_integ_q + e->cb_avail_q + e->cb_malicious_q) /
	        4.0,
	    "se", e->se_q / 4.0, "band", band_names[e->band]);
}

static json_t *
vs_json(const struct assessment *a)
{
	if (a->enisa_vs_legal.id == R_NIL)
		return json_null();
	return json_pack("{s:s, s:s, s:s, s:o, s:o, s:s}", "id",
	    reasons[a->enisa_vs_legal.id].key, "enisa_band",
	    band_names[a->enisa.band], "legal_risk_level",
	    level_names[a->level], "en", render(&a->enisa_vs_legal, false),
	    "de", render(&a->enisa_vs_legal, true), "cite",
	    reasons[a->enisa_vs_legal.id].cite);
}

static void
join(char *buf, size_t sz, const char *part)
{
	size_t n = strlen(buf);

	snprintf(buf + n, sz - n, "%s%s", n > 0 ? "; " : "", part);
}

/* "notifying the authority would not be required; ..." in en and de. */
static json_t *
change_json(const struct risk_change *c, const struct assessment *a)
{
	static const char *const lvl_en[RISK__MAX] = {
		"the breach would be unlikely to result in a risk",
		"the breach would be likely to result in a risk",
		"the breach would be likely to result in a high risk"
	};
	static const char *const lvl_de[RISK__MAX] = {
		"die Verletzung führte voraussichtlich nicht zu einem Risiko",
		"die Verletzung führte voraussichtlich zu einem Risiko",
		"die Verletzung führte voraussichtlich zu einem hohen Risiko"
	};
	static const char *const ntf_en[NOTIFY__MAX] = {
		"notifying the authority would not be required",
		"notifying the authority would be a borderline call",
		"notifying the authority would be required"
	};
	static const char *const ntf_de[NOTIFY__MAX] = {
		"die Meldung an die Behörde wäre nicht erforderlich",
		"die Meldung an die Behörde wäre ein Grenzfall",
		"die Meldung an die Behörde wäre erforderlich"
	};
	char en[512] = "", de[512] = "";
	json_t *chg = json_object(), *val;

	if (c->level != a->level) {
		join(en, sizeof(en), lvl_en[c->level]);
		join(de, sizeof(de), lvl_de[c->level]);
		json_object_set_new(
		    chg, "risk_level", json_string(level_names[c->level]));
	}
	if (c->notify != a->notify) {
		join(en, sizeof(en), ntf_en[c->notify]);
		join(de, sizeof(de), ntf_de[c->notify]);
		json_object_set_new(
		    chg, "notify_authority", notify_json(c->notify));
	}
	if (c->communicate != a->communicate) {
		join(en, sizeof(en),
		    c->communicate
		        ? "communicating to the people affected would be "
		          "required"
		        : "communicating to the people affected would not be "
		          "required");
		join(de, sizeof(de),
		    c->communicate
		        ? "die Benachrichtigung der Betroffenen wäre "
		          "erforderlich"
		        : "die Benachrichtigung der Betroffenen wäre nicht "
		          "erforderlich");
		json_object_set_new(
		    chg, "communicate_subjects", json_boolean(c->communicate));
	}
	if (c->public_notice != a->public_notice) {
		join(en, sizeof(en),
		    c->public_notice
		        ? "a public communication would be required instead"
		        : "no public communication would be required");
		join(de, sizeof(de),
		    c->public_notice
		        ? "stattdessen wäre eine öffentliche Bekanntmachung "
		          "erforderlich"
		        : "eine öffentliche Bekanntmachung wäre nicht "
		          "erforderlich");
		json_object_set_new(
		    chg, "public_notice", json_boolean(c->public_notice));
	}
	if (c->kind == RV_BOOL)
		val = json_boolean(c->b);
	else if (c->kind == RV_LIST)
		val = json_pack("[s]", c->s);
	else
		val = json_string(c->s);
	return json_pack("{s:s, s:o, s:s, s:s, s:o}", "fact",
	    risk_fact_path(c->fact), "value", val, "effect", en, "effect_de",
	    de, "changes", chg);
}

static json_t *
subjects_json(const struct assessment *a)
{
	struct risk_reason r = { R_NSUBJ_UNKNOWN, 0 };

	if (a->subjects_n >= 0) {
		r.id = R_NSUBJ_KNOWN;
		r.arg = a->subjects_n;
	}
	return json_pack("{s:o, s:b, s:o, s:o}", "count",
	    a->subjects_n >= 0 ? json_integer(a->subjects_n) : json_null(),
	    "is_estimate", a->subjects_n_estimate, "en", render(&r, false),
	    "de", render(&r, true));
}

json_t *
assessment_to_json(const struct assessment *a)
{
	json_t *rs = json_array(), *wc = json_array(), *uk = json_array();

	for (size_t i = 0; i < a->reasons_n; i++)
		json_array_append_new(rs, reason_json(&a->reasons[i]));
	for (size_t i = 0; i < a->changes_n; i++)
		json_array_append_new(wc, change_json(&a->changes[i], a));
	for (unsigned f = 0; f < RF__MAX; f++) {
		if (a->unknown & ((uint64_t)1 << f))
			json_array_append_new(
			    uk, json_string(risk_fact_path(f)));
	}
	return json_pack("{s:i, s:b, s:s, s:o, s:b, s:b, s:o, s:b, "
	                 "s:{s:o, s:o, s:o}, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "rules_version", RISK_RULES_VERSION, "is_breach", a->is_breach,
	    "risk_level", level_names[a->level], "notify_authority",
	    notify_json(a->notify), "notify_controller", a->notify_controller,
	    "communicate_subjects", a->communicate, "art34_exception",
	    art34_json(a->art34), "public_notice", a->public_notice,
	    "dimensions", "confidentiality", dim_json(&a->conf), "integrity",
	    dim_json(&a->integ), "availability", dim_json(&a->avail), "enisa",
	    enisa_json(&a->enisa), "enisa_vs_legal", vs_json(a), "reasons", rs,
	    "would_change", wc, "unknown_facts", uk, "number_of_subjects",
	    subjects_json(a));
}
