/* SPDX-License-Identifier: MIT */
/*
 * model/facts.h: what is known about an incident, as a typed struct, and the
 * one validator that turns outside JSON into it.  Unknown is a value of its
 * own everywhere: TRI_UNKNOWN, the *_UNKNOWN enum values, TIME_UNKNOWN,
 * COUNT_UNKNOWN, and sets/lists with known == false.
 *
 * The field table in facts.c is the single source of the JSON names, the
 * validation, the canonical JSON, the JSON Schema and docs/facts.md.
 */
#ifndef BREACHKIT_FACTS_H
#define BREACHKIT_FACTS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "model/enums.h"
#include "model/record.h"

#define TIME_UNKNOWN  INT64_MIN
#define COUNT_UNKNOWN (-1)

enum tri { TRI_UNKNOWN = 0, TRI_NO, TRI_YES };

#define X(e, s, en, de) ROLE_##e,
enum role { ROLE_LIST(X) ROLE__MAX };
#undef X
#define X(e, s, en, de) TEXT_LANG_##e,
enum text_lang { TEXT_LANG_LIST(X) TEXT_LANG__MAX };
#undef X
#define X(e, s, en, de) SECTOR_##e,
enum sector { SECTOR_LIST(X) SECTOR__MAX };
#undef X
#define X(e, s, en, de) DISCOVERY_##e,
enum discovery { DISCOVERY_LIST(X) DISCOVERY__MAX };
#undef X
#define X(e, s, en, de) BTYPE_##e,
enum breach_type { BREACH_TYPE_LIST(X) BTYPE__MAX };
#undef X
#define X(e, s, en, de) INTENT_##e,
enum intent { INTENT_LIST(X) INTENT__MAX };
#undef X
#define X(e, s, en, de) ORIGIN_##e,
enum origin { ORIGIN_LIST(X) ORIGIN__MAX };
#undef X
#define X(e, s, en, de) ATTACK_##e,
enum attack { ATTACK_LIST(X) ATTACK__MAX };
#undef X
#define X(e, s, en, de) DATA_##e,
enum data_cat { DATA_CAT_LIST(X) DATA__MAX };
#undef X
#define X(e, s, en, de) SUBJ_##e,
enum subject_cat { SUBJECT_CAT_LIST(X) SUBJ__MAX };
#undef X
#define X(e, s, en, de) ENC_##e,
enum encryption { ENCRYPTION_LIST(X) ENC__MAX };
#undef X
#define X(e, s, en, de) PW_##e,
enum pwstore { PWSTORE_LIST(X) PW__MAX };
#undef X
#define X(e, s, en, de) RCPT_##e,
enum recipients { RECIPIENTS_LIST(X) RCPT__MAX };
#undef X
#define X(e, s, en, de) UNLOCK_##e,
enum unlocks { UNLOCKS_LIST(X) UNLOCK__MAX };
#undef X
#define X(e, s, en, de) IDENT_##e,
enum ident { IDENT_LIST(X) IDENT__MAX };
#undef X
#define X(e, s, en, de) CRIT_##e,
enum criticality { CRITICALITY_LIST(X) CRIT__MAX };
#undef X
#define X(e, s, en, de) CONSEQ_##e,
enum conseq { CONSEQ_LIST(X) CONSEQ__MAX };
#undef X

/* A set of enum values; known == false means "not known yet". */
struct set {
	uint64_t bits;
	bool known;
};

/* A list of short strings (countries, processors, regimes). */
struct strlist {
	size_t n;
	const char **v;
	bool known;
};

/*
 * ENISA 2013 DPC adjustments (ENISA, Recommendations for a methodology of
 * the assessment of severity of personal data breaches, Assessment Table 1):
 * a contextual factor that moves the basic score of one data category, with
 * the reason the DPO gives.  Raising factors take 0..max, lowering factors
 * min..0, where [min, max] is the category's range: simple 0..+3,
 * behavioural -1..+2, financial -2..+1, sensitive -3..0.
 *
 * X(NAME, "json", "English label", "German label")
 */
#define ENISA_CAT_LIST(X)                                                    \
	X(SIMPLE, "simple", "simple data", "einfache Daten")                 \
	X(BEHAVIOURAL, "behavioural", "behavioural data", "Verhaltensdaten") \
	X(FINANCIAL, "financial", "financial data", "Finanzdaten")           \
	X(SENSITIVE, "sensitive", "sensitive data", "sensible Daten")

/* The raising factors come first; see enisa_factor_raises(). */
#define ENISA_FACTOR_LIST(X)                                              \
	X(VOLUME, "volume", "volume of data for the same person",         \
	    "Datenmenge zur selben Person")                               \
	X(CONTROLLER, "controller_characteristics",                       \
	    "special characteristics of the controller",                  \
	    "besondere Merkmale des Verantwortlichen")                    \
	X(SUBJECTS, "subject_characteristics",                            \
	    "special characteristics of the individuals",                 \
	    "besondere Merkmale der betroffenen Personen")                \
	X(INVALID, "invalid_or_inaccurate", "data invalid or inaccurate", \
	    "Daten ungültig oder unrichtig")                              \
	X(PUBLIC, "publicly_available",                                   \
	    "publicly available before the "                              \
	    "breach",                                                     \
	    "vor der Verletzung öffentlich verfügbar")                    \
	X(NO_INSIGHT, "no_substantial_insight",                           \
	    "no substantial insight "                                     \
	    "into the category",                                          \
	    "kein wesentlicher Einblick in die "                          \
	    "Kategorie")

#define X(e, s, en, de) ENISA_CAT_##e,
enum enisa_cat { ENISA_CAT_LIST(X) ENISA_CAT__MAX };
#undef X
#define X(e, s, en, de) ENISA_F_##e,
enum enisa_factor { ENISA_FACTOR_LIST(X) ENISA_F__MAX };
#undef X

enum { ENISA_ADJ_MAX = 24, ENISA_REASON_MAX = 500 };

struct enisa_adjustment {
	enum enisa_cat category;
	enum enisa_factor factor;
	int delta;
	const char *reason;
};

/* known == false: not given (the engine applies only its own). */
struct enisa_adjustments {
	size_t n;
	struct enisa_adjustment *v;
	bool known;
};

/* ENISA's basic score of a category (1..4) and its adjustment range. */
int enisa_cat_base(enum enisa_cat);
int enisa_cat_min(enum enisa_cat);
int enisa_cat_max(enum enisa_cat);
/* True for volume and the controller's and individuals' characteristics. */
bool enisa_factor_raises(enum enisa_factor);

struct facts {
	const char *title;
	const char *description;
	enum role role;
	const char *reporter_name;
	const char *reporter_function;
	const char *reporter_email;
	const char *reporter_phone;
	struct set sectors; /* enum sector */
	enum criticality system_criticality;

	/* timeline */
	int64_t discovered_at;
	int64_t aware_at;
	int64_t occurred_from;
	int64_t occurred_to;
	enum tri ongoing;
	enum discovery discovery;
	const char *discovery_text;
	int64_t processor_informed_at;

	/* nature and cause */
	enum tri confidentiality;
	enum tri integrity;
	enum tri availability;
	enum breach_type breach_type;
	enum intent intent;
	enum origin origin;
	enum attack attack;
	enum tri cyber_incident;

	/* data and subjects */
	struct set data; /* enum data_cat */
	const char *data_text;
	struct set identifiers; /* enum ident */
	struct set subjects;    /* enum subject_cat */
	const char *subjects_text;
	int64_t subjects_n;
	bool subjects_n_estimate;
	int64_t records_n;
	bool records_n_estimate;
	struct strlist countries;
	enum tri contact_available;
	enum tri disproportionate_effort;

	/* protection before the breach */
	enum encryption encryption;
	enum tri key_compromised;
	enum tri pseudonymised;
	enum pwstore password_storage;
	struct set credentials_unlock; /* enum unlocks */
	enum tri backup_available;
	int64_t restore_s; /* COUNT_UNKNOWN if unknown */

	/* exposure */
	enum tri exfiltrated;
	enum recipients recipients;
	const char *recipients_text;
	enum tri already_public;
	enum tri misuse_observed;

	/* consequences and measures */
	struct set conseq_likely;   /* enum conseq */
	struct set conseq_occurred; /* enum conseq */
	const char *conseq_text;
	const char *measures_taken;
	const char *measures_planned;
	const char *measures_prevent;
	enum tri neutralised; /* Art. 34(3)(b) */
	const char *neutralised_text;
	enum tri law_enforcement_delay;
	enum tri police_report;
	const char *other_authorities;

	/* The texts documents quote, in German and English (texts.*_de,
	 * texts.*_en; NULL when not given), indexed by enum facts_text:
	 * a letter in English quotes the English one, else the entered
	 * text (facts_text). */
	const char *text_de[4];
	const char *text_en[4];
	enum text_lang text_lang; /* the language the texts were entered in */

	/* jurisdiction */
	enum tri eea_establishment;
	enum tri art3_2;
	enum tri cross_border;
	struct strlist member_states;
	const char *lead_authority;
	const char *competent_authority;

	struct strlist processors;
	struct strlist regimes;

	/* ENISA DPC adjustments chosen by the DPO ("enisa.adjustments"). */
	struct enisa_adjustments enisa_adj;
};

/* One field-level problem: "timeline.aware_at": "before discovered_at". */
struct field_error {
	char field[96];
	char problem[160];
};

enum { FIELD_ERRORS_MAX = 32 };

struct field_errors {
	size_t n;
	size_t dropped;
	struct field_error v[FIELD_ERRORS_MAX];
};

void field_errors_add(struct field_errors *, const char *field, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));
/* "field: problem" lines, for the CLI. */
void field_errors_print(const struct field_errors *, FILE *);
/* {"error":{"code":"invalid","fields":[...]}} */
json_t *field_errors_json(const struct field_errors *);

/* All unknown. */
void facts_init(struct facts *);
/*
 * Validate a facts document and fill `out`; strings live in `a`.  `now`
 * bounds times (nothing may lie in the future).  Every problem found is
 * added to `fe`; ERR_INVAL if there was any.
 */
enum err facts_from_json(const json_t *, int64_t now, struct arena *a,
    struct facts *out, struct field_errors *fe);
/* Parse + validate bytes (size-capped, duplicate keys refused). */
enum err facts_parse(const char *s, size_t len, int64_t now, struct arena *a,
    struct facts *out, json_t **json_out, struct field_errors *fe);
/* The canonical JSON of `f`: unknown facts are omitted.  New reference. */
json_t *facts_to_json(const struct facts *);
/* The same with times in UTC: the stored form, independent of the
 * display zone. */
json_t *facts_to_json_utc(const struct facts *);
/*
 * The stored facts text (the compact dump of facts_to_json_utc()) as the
 * compact dump of facts_to_json() would read, every time in the display
 * zone, appended to `out` without building a tree: the single-incident
 * read of the API is served this way (docs/design.md, "The read path").
 * Keys, types and enum values are checked against the field table as
 * they pass.  ERR_INVAL, with `out` as it was, when the text is not in
 * that canonical form; the caller then parses it (facts_parse()).
 */
enum err facts_stored_to_local(const char *s, size_t len, struct buf *out);
/*
 * Is member `key` of group `group` (group_len 0: the top level) one of the
 * date-time fields of the facts?  Names are `*_len` bytes, not
 * NUL-terminated: the export asks with the keys of the stored text.
 */
bool facts_is_time(
    const char *group, size_t group_len, const char *key, size_t key_len);
/* JSON Schema (draft 2020-12) of the facts document.  New reference. */
json_t *facts_schema(void);
/* The Markdown field reference for docs/facts.md. */
void facts_doc_markdown(struct buf *);

/* True for an EEA member state code ("DE"). */
bool facts_is_eea_country(const char *);

/* Predicates the engines and the CLI share. */
bool set_has(const struct set *, unsigned bit);
const char *enum_json_name(const char *enum_name, unsigned v);
const char *enum_label(const char *enum_name, unsigned v, bool german);
/* Number of values of the named enum, or 0. */
unsigned enum_count(const char *enum_name);

/*
 * RFC 7396 JSON merge patch: apply `patch` to a copy of `target` and
 * return the result (new reference).
 */
json_t *json_merge_patch(const json_t *target, const json_t *patch);
/* The merge patch that turns `from` into `to` (new reference). */
json_t *json_merge_diff(const json_t *from, const json_t *to);

/*
 * The register columns of canonical facts `f` (model/facts_reg.c); strings
 * are copied into `a`.
 */
void facts_reg(const json_t *f, struct arena *a, struct incident_reg *out);
/* The name of the first column in which `a` and `b` differ, or NULL. */
const char *facts_reg_diff(
    const struct incident_reg *a, const struct incident_reg *b);
/* The texts with a German and an English variant. */
enum facts_text {
	FTEXT_DESCRIPTION,
	FTEXT_CONSEQUENCES,
	FTEXT_MEASURES_TAKEN,
	FTEXT_MEASURES_PLANNED,
	FTEXT__MAX
};
/* "description", "consequences.text", ... (the entered texts' paths). */
extern const char *const facts_text_paths[FTEXT__MAX];
/*
 * The text `t` for a document in German or English: the variant of that
 * language when given, else the entered text (then *as_entered is set
 * when there is one and texts.lang does not say it is in the document's
 * language).  NULL when there is none.
 */
const char *facts_text(
    const struct facts *, enum facts_text t, bool german, bool *as_entered);

#endif
