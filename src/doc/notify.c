/* SPDX-License-Identifier: MIT */
/*
 * doc/notify.c: the field catalogue of the authority notification and
 * notify_build(), which lays an incident out in an authority's order and
 * words.  Pure: no I/O, no clock (the time comes in `in->now`).
 *
 * Each catalogue entry turns what the register holds into one value, in
 * the authority's language, and says how sure it is: a value; an explicit
 * "unknown" (the fact is recorded as not known); not held (nothing was
 * recorded); or not applicable (e.g. the case reference of an initial
 * notification).  Only "not held" (and "unknown" where the authority does
 * not accept it) can make a required field missing; nothing is ever
 * printed blank.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "doc/notify.h"

enum vstate { V_VALUE, V_UNKNOWN, V_ABSENT, V_NA };

struct ctx {
	const struct notify_input *in;
	const struct facts *f;
	struct arena *a;
	bool de;
};

typedef enum vstate (*value_fn)(const struct ctx *, const char **);

struct entry {
	const char *key;
	value_fn fn;
	const char *source; /* where the value is recorded */
};

#define L(c, g, e) ((c)->de ? (g) : (e))

/* ---- formatting helpers -------------------------------------------- */

static const char *
unknown(const struct ctx *c)
{
	return L(c, "unbekannt", "unknown");
}

static const char *
when(const struct ctx *c, int64_t t)
{
	char s[ISO_LEN];

	clock_format_human(t, s);
	return arena_strdup(c->a, s);
}

static const char *
tri_text(const struct ctx *c, enum tri t)
{
	if (t == TRI_YES)
		return L(c, "ja", "yes");
	if (t == TRI_NO)
		return L(c, "nein", "no");
	return unknown(c);
}

/* "a, b, c" of the labels of `set`; "none" for a known empty set. */
static const char *
set_text(const struct ctx *c, const char *enum_name, const struct set *s)
{
	struct buf b;
	const char *r;
	unsigned n = enum_count(enum_name);

	if (!s->known)
		return NULL;
	if (s->bits == 0)
		return L(c, "keine", "none");
	buf_init(&b, 1 << 16);
	for (unsigned i = 0; i < n; i++) {
		if (set_has(s, i))
			buf_printf(&b, "%s%s", b.len ? ", " : "",
			    enum_label(enum_name, i, c->de));
	}
	r = arena_strdup(c->a, buf_cstr(&b));
	buf_release(&b);
	return r;
}

static const char *
list_text(const struct ctx *c, const struct strlist *l)
{
	struct buf b;
	const char *r;

	if (!l->known)
		return NULL;
	if (l->n == 0)
		return L(c, "keine", "none");
	buf_init(&b, 1 << 16);
	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", l->v[i]);
	r = arena_strdup(c->a, buf_cstr(&b));
	buf_release(&b);
	return r;
}

/* `main` then, if given, `extra` on a new line. */
static const char *
join(const struct ctx *c, const char *main, const char *extra)
{
	if (extra == NULL || *extra == '\0')
		return main;
	if (main == NULL)
		return extra;
	return arena_printf(c->a, "%s\n%s", main, extra);
}

static enum vstate
text_value(const char *s, const char **out)
{
	*out = s;
	return s != NULL && *s != '\0' ? V_VALUE : V_ABSENT;
}

static enum vstate
time_value(const struct ctx *c, int64_t t, const char **out)
{
	if (t == TIME_UNKNOWN) {
		*out = unknown(c);
		return V_UNKNOWN;
	}
	*out = when(c, t);
	return V_VALUE;
}

static enum vstate
tri_value(const struct ctx *c, enum tri t, const char **out)
{
	*out = tri_text(c, t);
	return t == TRI_UNKNOWN ? V_UNKNOWN : V_VALUE;
}

static enum vstate
set_value(const struct ctx *c, const char *enum_name, const struct set *s,
    const char *text, const char **out)
{
	const char *v = set_text(c, enum_name, s);

	if (v == NULL && (text == NULL || *text == '\0')) {
		*out = unknown(c);
		return V_UNKNOWN;
	}
	*out = join(c, v, text);
	return V_VALUE;
}

static enum vstate
count_value(const struct ctx *c, int64_t n, bool estimate, const char **out)
{
	if (n == COUNT_UNKNOWN) {
		*out = L(c, "noch nicht bekannt", "not yet known");
		return V_UNKNOWN;
	}
	*out = arena_printf(c->a, "%lld%s", (long long)n,
	    !estimate ? "" : L(c, " (geschätzt)", " (estimate)"));
	return V_VALUE;
}

/* ---- A. notification ----------------------------------------------- */

static const char *
phase_label(const struct authority *au, enum phase p)
{
	static const char *const de[PHASE__MAX] = {
		"Erstmeldung (Art. 33 Abs. 1 DSGVO)",
		"Folgemeldung (Ergänzung nach Art. 33 Abs. 4 DSGVO)",
		"Abschließende Meldung (Art. 33 Abs. 4 DSGVO)",
		("Rücknahme: keine Verletzung des Schutzes personenbezogener "
		 "Daten"),
	};
	static const char *const en[PHASE__MAX] = {
		"Initial notification (Art. 33(1) GDPR)",
		"Follow-up notification (Art. 33(4) GDPR)",
		"Final notification (Art. 33(4) GDPR)",
		"Withdrawal: not a personal data breach",
	};

	if (au->phase_labels[p] != NULL)
		return au->phase_labels[p];
	return au->german ? de[p] : en[p];
}

static enum vstate
v_type(const struct ctx *c, const char **out)
{
	(void)c;
	*out = NULL; /* filled by notify_build: needs the authority */
	return V_VALUE;
}

static enum vstate
v_case_ref(const struct ctx *c, const char **out)
{
	if (c->in->phase == PHASE_INITIAL)
		return V_NA;
	if (c->in->case_ref == NULL || *c->in->case_ref == '\0')
		return V_ABSENT;
	*out = c->in->initial_at == TIME_UNKNOWN
	           ? c->in->case_ref
	           : arena_printf(c->a,
	                 L(c, "%s (Erstmeldung vom %s)",
	                     "%s (initial notification of %s)"),
	                 c->in->case_ref, when(c, c->in->initial_at));
	return V_VALUE;
}

/* Who submitted the initial notification (follow-up and later). */
static enum vstate
v_filed_by(const struct ctx *c, const char **out)
{
	if (c->in->phase == PHASE_INITIAL)
		return V_NA;
	if (c->in->filed_by == NULL || *c->in->filed_by == '\0')
		return V_ABSENT;
	*out = c->in->filed_by_contact != NULL
	           ? arena_printf(c->a, "%s (%s)", c->in->filed_by,
	                 c->in->filed_by_contact)
	           : c->in->filed_by;
	return V_VALUE;
}

static enum vstate
v_late(const struct ctx *c, const char **out)
{
	if (!c->in->has_deadline) {
		*out = unknown(c);
		return V_UNKNOWN;
	}
	*out = c->in->late ? arena_printf(c->a,
	                         L(c, "ja (Frist: %s)", "yes (deadline: %s)"),
	                         when(c, c->in->due_at))
	                   : arena_printf(c->a,
	                         L(c, "nein (Frist: %s)", "no (deadline: %s)"),
	                         when(c, c->in->due_at));
	return V_VALUE;
}

static enum vstate
v_delay(const struct ctx *c, const char **out)
{
	if (!c->in->late)
		return V_NA;
	return text_value(c->in->delay_reason, out);
}

static enum vstate
v_withdrawal(const struct ctx *c, const char **out)
{
	if (c->in->phase != PHASE_WITHDRAWN)
		return V_NA;
	if (c->in->breach_decision != 0)
		return V_ABSENT;
	return text_value(c->in->breach_rationale, out);
}

/* ---- B. parties ---------------------------------------------------- */

static enum vstate
v_org_name(const struct ctx *c, const char **out)
{
	return text_value(c->in->org_name, out);
}

static enum vstate
v_org_address(const struct ctx *c, const char **out)
{
	return text_value(c->in->org_address, out);
}

static enum vstate
v_org_website(const struct ctx *c, const char **out)
{
	return text_value(c->in->org_website, out);
}

static enum vstate
v_role(const struct ctx *c, const char **out)
{
	*out = enum_label("role", c->f->role, c->de);
	return c->f->role == ROLE_UNKNOWN ? V_UNKNOWN : V_VALUE;
}

static enum vstate
v_dpo_name(const struct ctx *c, const char **out)
{
	return text_value(c->in->dpo_name, out);
}

static enum vstate
v_dpo_email(const struct ctx *c, const char **out)
{
	return text_value(c->in->dpo_email, out);
}

static enum vstate
v_dpo_phone(const struct ctx *c, const char **out)
{
	return text_value(c->in->dpo_phone, out);
}

static enum vstate
v_dpo_address(const struct ctx *c, const char **out)
{
	return text_value(c->in->dpo_address, out);
}

static enum vstate
v_rep_name(const struct ctx *c, const char **out)
{
	return text_value(c->f->reporter_name, out);
}

static enum vstate
v_rep_function(const struct ctx *c, const char **out)
{
	return text_value(c->f->reporter_function, out);
}

static enum vstate
v_rep_email(const struct ctx *c, const char **out)
{
	return text_value(c->f->reporter_email, out);
}

static enum vstate
v_rep_phone(const struct ctx *c, const char **out)
{
	return text_value(c->f->reporter_phone, out);
}

static enum vstate
v_processors(const struct ctx *c, const char **out)
{
	*out = list_text(c, &c->f->processors);
	if (*out == NULL)
		return V_ABSENT;
	return V_VALUE;
}

/* ---- C. timeline --------------------------------------------------- */

static enum vstate
v_from(const struct ctx *c, const char **out)
{
	return time_value(c, c->f->occurred_from, out);
}

static enum vstate
v_to(const struct ctx *c, const char **out)
{
	if (c->f->ongoing == TRI_YES) {
		*out = L(c, "dauert noch an", "still ongoing");
		return V_VALUE;
	}
	return time_value(c, c->f->occurred_to, out);
}

static enum vstate
v_ongoing(const struct ctx *c, const char **out)
{
	return tri_value(c, c->f->ongoing, out);
}

static enum vstate
v_discovered(const struct ctx *c, const char **out)
{
	return time_value(c, c->f->discovered_at, out);
}

static enum vstate
v_aware(const struct ctx *c, const char **out)
{
	return time_value(c, c->f->aware_at, out);
}

static enum vstate
v_discovery(const struct ctx *c, const char **out)
{
	const char *t = c->f->discovery_text;

	if (c->f->discovery == DISCOVERY_UNKNOWN && (t == NULL || !*t)) {
		*out = unknown(c);
		return V_UNKNOWN;
	}
	*out = join(c,
	    c->f->discovery == DISCOVERY_UNKNOWN
	        ? NULL
	        : enum_label("discovery", c->f->discovery, c->de),
	    t);
	return V_VALUE;
}

static enum vstate
v_processor_informed(const struct ctx *c, const char **out)
{
	if (c->f->processor_informed_at == TIME_UNKNOWN)
		return V_ABSENT;
	return time_value(c, c->f->processor_informed_at, out);
}

/* ---- D. nature ----------------------------------------------------- */

static enum vstate
v_title(const struct ctx *c, const char **out)
{
	return text_value(c->f->title, out);
}

static enum vstate
v_description(const struct ctx *c, const char **out)
{
	return text_value(c->f->description, out);
}

static enum vstate
v_btype(const struct ctx *c, const char **out)
{
	*out = enum_label("breach_type", c->f->breach_type, c->de);
	return c->f->breach_type == BTYPE_UNKNOWN ? V_UNKNOWN : V_VALUE;
}

static enum vstate
v_cia(const struct ctx *c, const char **out)
{
	const struct facts *f = c->f;

	*out = arena_printf(c->a,
	    L(c,
	        "Vertraulichkeit: %s\nIntegrität: "
	        "%s\nVerfügbarkeit: %s",
	        "Confidentiality: %s\nIntegrity: %s\n"
	        "Availability: %s"),
	    tri_text(c, f->confidentiality), tri_text(c, f->integrity),
	    tri_text(c, f->availability));
	return f->confidentiality == TRI_UNKNOWN &&
	               f->integrity == TRI_UNKNOWN &&
	               f->availability == TRI_UNKNOWN
	           ? V_UNKNOWN
	           : V_VALUE;
}

static enum vstate
v_cause(const struct ctx *c, const char **out)
{
	const struct facts *f = c->f;

	*out = arena_printf(c->a,
	    L(c,
	        "Absicht: %s\nUrsprung: %s\nAngriff: "
	        "%s\nCybervorfall: %s",
	        "Intent: %s\nOrigin: %s\nAttack: %s\n"
	        "Cyber incident: %s"),
	    enum_label("intent", f->intent, c->de),
	    enum_label("origin", f->origin, c->de),
	    enum_label("attack", f->attack, c->de),
	    tri_text(c, f->cyber_incident));
	return f->intent == INTENT_UNKNOWN && f->origin == ORIGIN_UNKNOWN &&
	               f->attack == ATTACK_UNKNOWN &&
	               f->cyber_incident == TRI_UNKNOWN
	           ? V_UNKNOWN
	           : V_VALUE;
}

static enum vstate
v_recipients(const struct ctx *c, const char **out)
{
	const struct facts *f = c->f;

	*out = join(c,
	    arena_printf(c->a,
	        L(c,
	            "Empfänger: %s\nDaten "
	            "abgeflossen: %s\nBereits öffentlich: %s\nMissbrauch beobachtet: "
	            "%s",
	            "Recipients: %s\nData copied out: %s\nAlready public: %s\n"
	            "Misuse observed: %s"),
	        enum_label("recipients", f->recipients, c->de),
	        tri_text(c, f->exfiltrated), tri_text(c, f->already_public),
	        tri_text(c, f->misuse_observed)),
	    f->recipients_text);
	return f->recipients == RCPT_UNKNOWN && f->recipients_text == NULL &&
	               f->exfiltrated == TRI_UNKNOWN
	           ? V_UNKNOWN
	           : V_VALUE;
}

/* ---- E/F. data and subjects ---------------------------------------- */

static enum vstate
v_data(const struct ctx *c, const char **out)
{
	return set_value(c, "data_category", &c->f->data, c->f->data_text, out);
}

static enum vstate
v_special(const struct ctx *c, const char **out)
{
	static const unsigned special[] = { DATA_RACIAL, DATA_POLITICAL,
		DATA_RELIGIOUS, DATA_UNION, DATA_GENETIC, DATA_BIOMETRIC,
		DATA_HEALTH, DATA_SEX, DATA_CRIMINAL };
	struct set s = { 0, true };

	if (!c->f->data.known) {
		*out = unknown(c);
		return V_UNKNOWN;
	}
	for (size_t i = 0; i < nitems(special); i++) {
		if (set_has(&c->f->data, special[i]))
			s.bits |= 1ull << special[i];
	}
	*out = s.bits == 0 ? L(c, "nein", "no")
	                   : arena_printf(c->a, L(c, "ja: %s", "yes: %s"),
	                         set_text(c, "data_category", &s));
	return V_VALUE;
}

static enum vstate
v_records(const struct ctx *c, const char **out)
{
	return count_value(c, c->f->records_n, c->f->records_n_estimate, out);
}

static enum vstate
v_protection(const struct ctx *c, const char **out)
{
	const struct facts *f = c->f;

	*out = arena_printf(c->a,
	    L(c,
	        "Verschlüsselung: %s\nSchlüssel "
	        "kompromittiert: %s\nPseudonymisiert: %s\nPasswörter: %s\n"
	        "Sicherung vorhanden: %s",
	        "Encryption: %s\nKey compromised: %s\n"
	        "Pseudonymised: %s\nPasswords: %s\nBackup available: %s"),
	    enum_label("encryption", f->encryption, c->de),
	    tri_text(c, f->key_compromised), tri_text(c, f->pseudonymised),
	    enum_label("password_storage", f->password_storage, c->de),
	    tri_text(c, f->backup_available));
	if (f->restore_s != COUNT_UNKNOWN) {
		char d[DUR_LEN];

		duration_human(f->restore_s, d);
		*out = arena_printf(c->a, "%s\n%s: %s", *out,
		    L(c, "Wiederherstellungszeit", "Time to restore"), d);
	}
	return f->encryption == ENC_UNKNOWN &&
	               f->pseudonymised == TRI_UNKNOWN &&
	               f->password_storage == PW_UNKNOWN &&
	               f->backup_available == TRI_UNKNOWN
	           ? V_UNKNOWN
	           : V_VALUE;
}

static enum vstate
v_subjects(const struct ctx *c, const char **out)
{
	return set_value(
	    c, "subject_category", &c->f->subjects, c->f->subjects_text, out);
}

static enum vstate
v_subjects_n(const struct ctx *c, const char **out)
{
	return count_value(c, c->f->subjects_n, c->f->subjects_n_estimate, out);
}

static enum vstate
v_countries(const struct ctx *c, const char **out)
{
	*out = list_text(c, &c->f->countries);
	if (*out == NULL) {
		*out = unknown(c);
		return V_UNKNOWN;
	}
	return V_VALUE;
}

static enum vstate
v_jurisdiction(const struct ctx *c, const char **out)
{
	const struct facts *f = c->f;
	const char *ms = list_text(c, &f->member_states);

	*out = arena_printf(c->a,
	    L(c,
	        "Grenzüberschreitende Verarbeitung: "
	        "%s\nBetroffene Mitgliedstaaten: %s\nFederführende Behörde: %s\n"
	        "Zuständige Behörde: %s",
	        "Cross-border processing: %s\nMember "
	        "states concerned: %s\nLead authority: %s\nCompetent authority: "
	        "%s"),
	    tri_text(c, f->cross_border), ms ? ms : unknown(c),
	    f->lead_authority ? f->lead_authority : unknown(c),
	    f->competent_authority ? f->competent_authority : unknown(c));
	return f->cross_border == TRI_UNKNOWN && ms == NULL &&
	               f->lead_authority == NULL &&
	               f->competent_authority == NULL
	           ? V_UNKNOWN
	           : V_VALUE;
}

/* ---- G. consequences and risk -------------------------------------- */

static enum vstate
v_conseq_likely(const struct ctx *c, const char **out)
{
	return set_value(
	    c, "consequence", &c->f->conseq_likely, c->f->conseq_text, out);
}

static enum vstate
v_conseq_occurred(const struct ctx *c, const char **out)
{
	const char *v = set_text(c, "consequence", &c->f->conseq_occurred);

	if (v == NULL) {
		*out = unknown(c);
		return V_UNKNOWN;
	}
	*out = v;
	return V_VALUE;
}

static const char *
decision_text(const struct ctx *c, int d, const char *rationale)
{
	if (d < 0)
		return NULL;
	return arena_printf(c->a, "%s: %s",
	    d ? L(c, "ja", "yes") : L(c, "nein", "no"),
	    rationale ? rationale : "");
}

static enum vstate
v_risk(const struct ctx *c, const char **out)
{
	const char *lvl, *d, *s = NULL;

	lvl =
	    json_string_value(json_object_get(c->in->assessment, "risk_level"));
	if (lvl != NULL) {
		const char *t =
		    str_eq(lvl, "high")   ? L(c, "voraussichtlich hohes Risiko",
		                                "likely high risk")
		    : str_eq(lvl, "risk") ? L(c, "Risiko", "risk")
		                          : L(c, "voraussichtlich kein Risiko",
		                                "unlikely to result "
		                                "in a risk");

		s = arena_printf(c->a,
		    L(c,
		        "%s (Risikobewertung, Version "
		        "%lld)",
		        "%s (risk assessment, version %lld)"),
		    t, (long long)c->in->assessment_version);
	}
	d = decision_text(
	    c, c->in->authority_decision, c->in->authority_rationale);
	if (d != NULL)
		d = arena_printf(c->a,
		    L(c,
		        "Entscheidung über die Meldung an "
		        "die Aufsichtsbehörde: %s",
		        "Decision to notify the "
		        "supervisory authority: %s"),
		    d);
	if (s == NULL && d == NULL)
		return V_ABSENT;
	*out = join(c, s, d);
	return V_VALUE;
}

static enum vstate
v_risk_reasons(const struct ctx *c, const char **out)
{
	const json_t *r = json_object_get(c->in->assessment, "reasons");
	struct buf b;
	size_t i;
	json_t *it;

	if (json_array_size(r) == 0)
		return V_ABSENT;
	buf_init(&b, 1 << 18);
	json_array_foreach (r, i, it) {
		const char *t =
		    json_string_value(json_object_get(it, c->de ? "de" : "en"));
		const char *cite =
		    json_string_value(json_object_get(it, "cite"));

		if (t != NULL)
			buf_printf(&b, "%s- %s%s%s%s", b.len ? "\n" : "", t,
			    cite ? " [" : "", cite ? cite : "",
			    cite ? "]" : "");
	}
	*out = arena_strdup(c->a, buf_cstr(&b));
	buf_release(&b);
	return **out ? V_VALUE : V_ABSENT;
}

/* ---- H. measures --------------------------------------------------- */

static enum vstate
v_taken(const struct ctx *c, const char **out)
{
	return text_value(c->f->measures_taken, out);
}

static enum vstate
v_planned(const struct ctx *c, const char **out)
{
	return text_value(c->f->measures_planned, out);
}

static enum vstate
v_prevent(const struct ctx *c, const char **out)
{
	return text_value(c->f->measures_prevent, out);
}

static enum vstate
v_other_auth(const struct ctx *c, const char **out)
{
	return text_value(c->f->other_authorities, out);
}

static enum vstate
v_police(const struct ctx *c, const char **out)
{
	return tri_value(c, c->f->police_report, out);
}

/* ---- I. communication to the data subjects ------------------------- */

static enum vstate
v_comm(const struct ctx *c, const char **out)
{
	const struct notify_input *in = c->in;
	const json_t *rec;

	if (in->subjects_decision > 0) {
		*out = join(c,
		    L(c,
		        "Ja, die betroffenen Personen werden "
		        "benachrichtigt (Art. 34 Abs. 1 DSGVO).",
		        "Yes, the data "
		        "subjects are informed (Art. 34(1) GDPR)."),
		    in->subjects_rationale);
		return V_VALUE;
	}
	if (in->subjects_decision == 0) {
		const char *ex =
		    in->subjects_exception == 0
		        ? L(c, "Nein.", "No.")
		        : arena_printf(c->a,
		              L(c,
		                  "Nein: "
		                  "Ausnahme nach Art. 34 Abs. 3 lit. %c DSGVO%s.",
		                  "No: "
		                  "exception under Art. 34(3)(%c) GDPR%s."),
		              in->subjects_exception,
		              in->subjects_exception == 'c'
		                  ? L(c,
		                        "; stattdessen öffentliche Bekanntmachung",
		                        "; a public communication instead")
		                  : "");

		*out = join(c, ex, in->subjects_rationale);
		return V_VALUE;
	}
	rec = json_object_get(in->assessment, "communicate_subjects");
	*out =
	    rec == NULL
	        ? L(c, "noch nicht entschieden", "not decided yet")
	        : arena_printf(c->a,
	              L(c,
	                  "noch nicht "
	                  "entschieden (Empfehlung der Risikobewertung: %s)",
	                  "not decided "
	                  "yet (the risk assessment recommends: %s)"),
	              json_is_true(rec) ? L(c, "benachrichtigen", "communicate")
	                                : L(c,
	                                      "nicht "
	                                      "benachrichtigen",
	                                      "do not communicate"));
	return V_UNKNOWN;
}

static enum vstate
v_comm_details(const struct ctx *c, const char **out)
{
	const char *s = NULL;

	if (c->in->subjects_notified_at != TIME_UNKNOWN)
		s = arena_printf(c->a,
		    L(c, "Benachrichtigt am %s", "Informed on %s"),
		    when(c, c->in->subjects_notified_at));
	if (c->f->law_enforcement_delay == TRI_YES)
		s = join(c, s,
		    L(c,
		        "Auf Ersuchen der Strafverfolgungsbehörden "
		        "zurückgestellt (ErwG 88 DSGVO).",
		        "Delayed at the request "
		        "of law enforcement (Recital 88 GDPR)."));
	if (c->f->neutralised == TRI_YES)
		s = join(c, s,
		    arena_printf(c->a, "%s%s%s",
		        L(c,
		            "Nachträgliche Maßnahmen, durch die das hohe "
		            "Risiko aller Wahrscheinlichkeit nach nicht mehr "
		            "besteht (Art. 34 Abs. 3 lit. b DSGVO)",
		            "Measures taken afterwards ensure that the high "
		            "risk is no longer likely to materialise "
		            "(Art. 34(3)(b) GDPR)"),
		        c->f->neutralised_text ? ": " : ".",
		        c->f->neutralised_text ? c->f->neutralised_text : ""));
	if (c->f->disproportionate_effort == TRI_YES)
		s = join(c, s,
		    L(c,
		        "Eine individuelle Benachrichtigung wäre mit "
		        "unverhältnismäßigem Aufwand verbunden (Art. 34 Abs. 3 "
		        "lit. c DSGVO).",
		        "Individual communication would involve "
		        "disproportionate effort (Art. 34(3)(c) GDPR)."));
	if (c->f->contact_available == TRI_NO)
		s = join(c, s,
		    L(c,
		        "Keine Kontaktdaten der betroffenen "
		        "Personen vorhanden.",
		        "No contact details of the data "
		        "subjects are held."));
	*out = s;
	return s != NULL ? V_VALUE : V_ABSENT;
}

/* ---- the catalogue ------------------------------------------------- */

#define FACT(p)    "facts " p " (breachkit incident edit)"
#define SETTING(k) "setting " k " (breachkit settings set " k ")"

static const struct entry catalogue[] = {
	{ "notification.type", v_type, "--phase" },
	{ "notification.case_ref", v_case_ref,
	    "the authority's case "
	    "reference of the initial filing (breachkit file ID --to authority "
	    "--phase initial --case-ref REF)" },
	{ "notification.filed_by", v_filed_by,
	    "who submitted the initial "
	    "notification (breachkit file ID --to authority --phase initial "
	    "--by NAME --by-contact EMAIL)" },
	{ "notification.late", v_late,
	    "the Art. 33 obligation (timeline."
	    "aware_at)" },
	{ "notification.delay_reasons", v_delay,
	    "the reasons for the delay "
	    "(notify --delay-reason TEXT, or breachkit file --delay-reason)" },
	{ "notification.withdrawal_reason", v_withdrawal,
	    "a decision that "
	    "it is not a breach (breachkit decide ID breach no --rationale "
	    "TEXT)" },
	{ "controller.name", v_org_name, SETTING("org_name") },
	{ "controller.address", v_org_address, SETTING("org_address") },
	{ "controller.website", v_org_website, SETTING("org_website") },
	{ "controller.role", v_role, FACT("role") },
	{ "dpo.name", v_dpo_name, SETTING("dpo_name") },
	{ "dpo.email", v_dpo_email, SETTING("dpo_email") },
	{ "dpo.phone", v_dpo_phone, SETTING("dpo_phone") },
	{ "dpo.address", v_dpo_address, SETTING("dpo_address") },
	{ "reporter.name", v_rep_name, FACT("reporter.name") },
	{ "reporter.function", v_rep_function, FACT("reporter.function") },
	{ "reporter.email", v_rep_email, FACT("reporter.email") },
	{ "reporter.phone", v_rep_phone, FACT("reporter.phone") },
	{ "processors", v_processors, FACT("processors") },
	{ "timeline.occurred_from", v_from, FACT("timeline.occurred_from") },
	{ "timeline.occurred_to", v_to, FACT("timeline.occurred_to") },
	{ "timeline.ongoing", v_ongoing, FACT("timeline.ongoing") },
	{ "timeline.discovered_at", v_discovered,
	    FACT("timeline.discovered_at") },
	{ "timeline.aware_at", v_aware, FACT("timeline.aware_at") },
	{ "timeline.discovery", v_discovery, FACT("timeline.discovery") },
	{ "timeline.processor_informed_at", v_processor_informed,
	    FACT("timeline.processor_informed_at") },
	{ "nature.title", v_title, FACT("title") },
	{ "nature.description", v_description, FACT("description") },
	{ "nature.type", v_btype, FACT("nature.type") },
	{ "nature.cia", v_cia,
	    FACT("nature.confidentiality/integrity/"
	         "availability") },
	{ "nature.cause", v_cause, FACT("cause") },
	{ "nature.recipients", v_recipients, FACT("exposure") },
	{ "data.categories", v_data, FACT("data.categories") },
	{ "data.special", v_special, FACT("data.categories") },
	{ "data.records", v_records, FACT("subjects.records") },
	{ "protection.measures", v_protection, FACT("protection") },
	{ "subjects.categories", v_subjects, FACT("subjects.categories") },
	{ "subjects.count", v_subjects_n, FACT("subjects.count") },
	{ "subjects.countries", v_countries, FACT("subjects.countries") },
	{ "jurisdiction", v_jurisdiction, FACT("jurisdiction") },
	{ "consequences.likely", v_conseq_likely, FACT("consequences.likely") },
	{ "consequences.occurred", v_conseq_occurred,
	    FACT("consequences.occurred") },
	{ "risk.level", v_risk,
	    "an assessment (breachkit assess ID) or a "
	    "decision (breachkit decide ID authority ...)" },
	{ "risk.reasons", v_risk_reasons,
	    "an assessment (breachkit assess "
	    "ID)" },
	{ "measures.taken", v_taken, FACT("measures.taken") },
	{ "measures.planned", v_planned, FACT("measures.planned") },
	{ "measures.prevent", v_prevent, FACT("measures.prevent") },
	{ "measures.other_authorities", v_other_auth,
	    FACT("measures.other_authorities") },
	{ "measures.police_report", v_police, FACT("measures.police_report") },
	{ "communication.decision", v_comm,
	    "a decision (breachkit decide ID "
	    "subjects yes|no)" },
	{ "communication.details", v_comm_details,
	    "a filing to the data "
	    "subjects (breachkit file ID --to subjects)" },
};

static const struct entry *
entry_find(const char *key)
{
	for (size_t i = 0; i < nitems(catalogue); i++) {
		if (strcmp(catalogue[i].key, key) == 0)
			return &catalogue[i];
	}
	return NULL;
}

bool
notify_key_known(const char *key)
{
	return key != NULL && entry_find(key) != NULL;
}

/* Required by law whatever the file says (Art. 33(1), 33(4)). */
static bool
legally_required(const char *key, const struct notify_input *in)
{
	if (str_eq(key, "notification.delay_reasons"))
		return in->late;
	if (str_eq(key, "notification.case_ref"))
		return in->phase != PHASE_INITIAL;
	if (str_eq(key, "notification.withdrawal_reason"))
		return in->phase == PHASE_WITHDRAWN;
	return false;
}

static void
missing_add(struct notify_doc *nd, struct arena *a, const struct entry *e,
    const struct auth_field *f, size_t cap)
{
	if (nd->missing == NULL)
		nd->missing = arena_allocarray(a, cap, sizeof(*nd->missing));
	nd->missing[nd->missing_n].key = e->key;
	nd->missing[nd->missing_n].label = f->label;
	nd->missing[nd->missing_n].source = e->source;
	nd->missing_n++;
}

/* No risk by the decision, else by the latest assessment. */
static bool
risk_none(const struct notify_input *in)
{
	const char *lvl;

	if (in->authority_decision >= 0)
		return in->authority_decision == 0;
	lvl = json_string_value(json_object_get(in->assessment, "risk_level"));
	return lvl != NULL && str_eq(lvl, "none");
}

static void
add_notes(
    const struct authority *au, const struct notify_input *in, struct doc *d)
{
	struct doc_section *s;
	bool blocked = au->no_risk_blocked && risk_none(in);

	if (au->notes_n == 0 && au->labels_verified && !blocked)
		return;
	s = doc_section_add(
	    d, au->german ? "Hinweise zum Ausfüllen (nicht Teil des Formulars)"
	                  : "Notes for filling in the form (not part of the "
	                    "form)");
	if (blocked)
		doc_para_add(d, s,
		    arena_printf(d->a,
		        au->german
		            ? "Achtung: Nach der Risikobewertung führt die "
		              "Verletzung voraussichtlich nicht zu einem "
		              "Risiko. Das Formular von %s lässt eine Meldung "
		              "mit kein bzw. nur geringem Risiko nicht zu. "
		              "Eine solche Verletzung ist nicht meldepflichtig "
		              "(Art. 33 Abs. 1 DSGVO), muss aber mit Begründung "
		              "intern dokumentiert werden (Art. 33 Abs. 5 "
		              "DSGVO)."
		            : "Warning: according to the risk assessment the "
		              "breach is unlikely to result in a risk. The form "
		              "of %s does not accept a notification with no or "
		              "low risk. Such a breach need not be notified "
		              "(Art. 33(1) GDPR) but must be documented with "
		              "the reasoning (Art. 33(5) GDPR).",
		        au->short_name));
	for (size_t i = 0; i < au->notes_n; i++)
		doc_para_add(d, s, au->notes[i]);
	if (!au->labels_verified)
		doc_para_add(d, s,
		    au->labels_note != NULL ? au->labels_note
		    : au->german ? "Die Feldbezeichnungen dieses Formulars "
		                   "sind nicht bestätigt."
		                 : "The field labels of this form are not "
		                   "verified.");
}

void
notify_build(const struct authority *au, const struct notify_input *in,
    struct arena *a, struct notify_doc *out)
{
	struct ctx c = { in, in->f, a, au->german };
	size_t total = 0;
	char now[ISO_LEN];

	memset(out, 0, sizeof(*out));
	out->auth = au;
	out->phase = in->phase;
	for (size_t i = 0; i < au->n; i++)
		total += au->v[i].n;
	clock_format_human(in->now, now);
	doc_init(&out->doc, a,
	    au->german
	        ? "Meldung einer Verletzung des "
	          "Schutzes personenbezogener Daten (Art. 33 DSGVO)"
	        : "Notification of a personal data breach (Art. 33 GDPR)",
	    au->german);
	out->doc.ref = in->ref;
	out->doc.generated = arena_strdup(a, now);
	out->doc.generated_at = in->now;
	doc_meta_add(&out->doc,
	    arena_printf(a, "%s: %s", au->german ? "An" : "To", au->name));
	doc_meta_add(&out->doc, arena_printf(a, "%s: %s \xe2\x80\x93 %s",
	                            au->german ? "Vorfall" : "Incident",
	                            in->ref, in->f->title ? in->f->title : ""));
	doc_meta_add(&out->doc,
	    arena_printf(a, "%s: %s",
	        au->german ? "Art der Meldung" : "Type of notification",
	        phase_label(au, in->phase)));
	doc_meta_add(&out->doc, arena_printf(a, "%s: %s",
	                            au->german ? "Erzeugt" : "Generated", now));
	add_notes(au, in, &out->doc);
	for (size_t i = 0; i < au->n; i++) {
		const struct auth_section *as = &au->v[i];
		struct doc_section *ds = NULL;

		for (size_t k = 0; k < as->n; k++) {
			const struct auth_field *f = &as->v[k];
			const struct entry *e = entry_find(f->key);
			const char *v = NULL;
			enum vstate st;
			bool req;

			if (e == NULL)
				BUG("authority field outside the catalogue");
			st = e->fn(&c, &v);
			if (e->fn == v_type)
				v = phase_label(au, in->phase);
			req = (f->required & (1u << in->phase)) != 0 ||
			      legally_required(f->key, in);
			if (st == V_NA)
				continue;
			if (req && (st == V_ABSENT ||
			               (st == V_UNKNOWN && !f->unknown_ok))) {
				missing_add(out, a, e, f, total);
				continue;
			}
			if (st == V_ABSENT || v == NULL)
				continue;
			if (ds == NULL)
				ds = doc_section_add(&out->doc, as->title);
			doc_field_add(&out->doc, ds, f->key, f->label, v);
		}
	}
}

json_t *
notify_json(const struct notify_doc *nd)
{
	const struct doc *d = &nd->doc;
	json_t *j, *secs, *miss, *notes;
	char iso[ISO_LEN];

	iso8601_format(d->generated_at, iso);
	secs = json_array();
	notes = json_array();
	for (size_t i = 0; i < d->n; i++) {
		json_t *fields = json_array();

		for (size_t k = 0; k < d->v[i].n; k++) {
			const struct doc_item *it = &d->v[i].v[k];

			if (it->kind == DOC_PARA)
				json_array_append_new(
				    notes, json_string(it->text));
			if (it->kind != DOC_FIELD || nd->missing_n > 0)
				continue;
			json_array_append_new(
			    fields, json_pack("{s:s, s:s, "
			                      "s:s}",
			                "key", it->key, "label", it->label,
			                "value", it->text));
		}
		if (json_array_size(fields) > 0)
			json_array_append_new(
			    secs, json_pack("{s:s, s:o}", "title",
			              d->v[i].title, "fields", fields));
		else
			json_decref(fields);
	}
	miss = json_array();
	for (size_t i = 0; i < nd->missing_n; i++)
		json_array_append_new(
		    miss, json_pack("{s:s, s:s, s:s}", "key",
		              nd->missing[i].key, "label", nd->missing[i].label,
		              "source", nd->missing[i].source));
	j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:o, s:o, s:o}",
	    "authority", nd->auth->code, "authority_name", nd->auth->name,
	    "language", nd->auth->german ? "de" : "en", "phase",
	    phase_names[nd->phase], "incident", d->ref ? d->ref : "",
	    "generated_at", iso, "labels_verified", nd->auth->labels_verified,
	    "notes", notes, "sections", secs, "missing", miss);
	return j;
}

void
notify_missing_text(const struct notify_doc *nd, struct buf *out)
{
	buf_printf(out, "%s requires:", nd->auth->short_name);
	for (size_t i = 0; i < nd->missing_n; i++)
		buf_printf(out, "\n  - %s [%s]: record %s",
		    nd->missing[i].label, nd->missing[i].key,
		    nd->missing[i].source);
}

const char *const notify_fmt_names[FMT__MAX] = { "text", "md", "html", "json",
	"pdf" };

enum err
notify_render(const struct notify_doc *nd, enum notify_fmt fmt, struct buf *out)
{
	char *s;
	enum err rc;

	switch (fmt) {
	case FMT_TEXT:
		return doc_render_text(&nd->doc, out);
	case FMT_MD:
		return doc_render_md(&nd->doc, out);
	case FMT_HTML:
		return doc_render_html(&nd->doc, out);
	case FMT_PDF:
		return doc_render_pdf(&nd->doc, out);
	case FMT_JSON: {
		json_t *j = notify_json(nd);

		s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(j);
		if (s == NULL)
			return ERR_INTERNAL;
		rc = buf_printf(out, "%s\n", s);
		free(s);
		return rc;
	}
	default:
		BUG("format");
	}
}
