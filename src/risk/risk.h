/* SPDX-License-Identifier: MIT */
/*
 * risk/risk.h: the risk engine.  Pure: facts in, assessment out, no I/O,
 * no allocation, no global state; thread-safe.  The legal recommendation
 * (is it a breach, risk level, Art. 33 and 34) follows EDPB Guidelines
 * 9/2022; the ENISA 2013 severity is computed beside it as documentation
 * and never feeds the legal result.  docs/assessment.md describes every
 * rule and every output key.
 */
#ifndef BREACHKIT_RISK_H
#define BREACHKIT_RISK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "model/facts.h"

/* Bumped whenever a rule changes, so stored assessments can be compared. */
#define RISK_RULES_VERSION 1

enum risk_level { RISK_NONE, RISK_RISK, RISK_HIGH, RISK__MAX };

/* Art. 33(1): notify the supervisory authority. */
enum notify { NOTIFY_NO, NOTIFY_BORDERLINE, NOTIFY_YES, NOTIFY__MAX };

/* The Art. 34(3) ground that relieves individual communication. */
enum art34 { ART34_NONE, ART34_A, ART34_B, ART34_C, ART34__MAX };

/* Per-dimension grade: borderline is a risk at the lower edge. */
enum grade { GRADE_NONE, GRADE_BORDERLINE, GRADE_RISK, GRADE_HIGH, GRADE__MAX };

enum enisa_band { BAND_LOW, BAND_MEDIUM, BAND_HIGH, BAND_VERY_HIGH, BAND__MAX };

/* Whether a dimension was affected; ASSUMED when the fact was unknown. */
enum affected { AFFECTED_NO, AFFECTED_YES, AFFECTED_ASSUMED };

/*
 * The facts the engine reads, by their path in the facts document.  Used
 * for unknown_facts and would_change.
 */
#define RISK_FACT_LIST(X)                                       \
	X(ROLE, "role")                                         \
	X(SECTORS, "sectors")                                   \
	X(CRITICALITY, "system_criticality")                    \
	X(CONF, "nature.confidentiality")                       \
	X(INTEG, "nature.integrity")                            \
	X(AVAIL, "nature.availability")                         \
	X(INTENT, "cause.intent")                               \
	X(DATA, "data.categories")                              \
	X(IDENTIFIERS, "data.identifiers")                      \
	X(SUBJECTS, "subjects.categories")                      \
	X(COUNT, "subjects.count")                              \
	X(CONTACT, "subjects.contact_available")                \
	X(DISPROPORTIONATE, "subjects.disproportionate_effort") \
	X(ENCRYPTION, "protection.encryption")                  \
	X(KEY, "protection.key_compromised")                    \
	X(PSEUDONYMISED, "protection.pseudonymised")            \
	X(PASSWORDS, "protection.password_storage")             \
	X(UNLOCK, "protection.credentials_unlock")              \
	X(BACKUP, "protection.backup_available")                \
	X(RESTORE, "protection.restore_time")                   \
	X(EXFILTRATED, "exposure.exfiltrated")                  \
	X(RECIPIENTS, "exposure.recipients")                    \
	X(PUBLIC, "exposure.already_public")                    \
	X(MISUSE, "exposure.misuse_observed")                   \
	X(NEUTRALISED, "measures.neutralise_high_risk")         \
	X(EEA, "jurisdiction.eea_establishment")                \
	X(ART3_2, "jurisdiction.art3_2")

#define X(e, p) RF_##e,
enum risk_fact { RISK_FACT_LIST(X) RF__MAX };
#undef X

enum {
	RISK_REASONS_MAX = 48,
	RISK_CHANGES_MAX = 24,
	RISK_ENISA_ADJ_MAX = ENISA_ADJ_MAX + 6
};

/* Severity x likelihood of one dimension (confidentiality, ...). */
struct risk_dim {
	enum affected affected;
	int severity;   /* 0..8 */
	int likelihood; /* 0..8 */
	int score;      /* severity * likelihood, 0..64 */
	enum grade grade;
};

/* A reason: an entry of the reason table, with one argument. */
struct risk_reason {
	uint16_t id;
	int64_t arg;
};

/* One DPC adjustment: explicit (from the facts) or automatic. */
struct enisa_adj_out {
	enum enisa_cat category;
	enum enisa_factor factor;
	int delta;
	bool automatic;
	bool applied;           /* false: no data of this category */
	const char *reason;     /* explicit: borrowed from the facts */
	struct risk_reason why; /* automatic: the reason table entry */
};

/* ENISA 2013: SE = DPC x EI + CB.  EI and CB are held in quarters. */
struct enisa_result {
	unsigned present; /* bit per enum enisa_cat */
	int cat_value[ENISA_CAT__MAX];
	enum enisa_cat base_category;
	int base;
	int dpc;
	size_t adj_n;
	struct enisa_adj_out adj[RISK_ENISA_ADJ_MAX];
	int ei_q; /* 1..4: 0.25..1.0 */
	int cb_conf_q, cb_integ_q, cb_avail_q, cb_malicious_q;
	int se_q; /* DPC x EI + CB, in quarters */
	enum enisa_band band;
};

/* What one alternative value of one fact would change. */
struct risk_change {
	enum risk_fact fact;
	enum { RV_BOOL, RV_STRING, RV_LIST } kind;
	bool b;
	const char *s; /* RV_STRING and the one item of RV_LIST */
	enum risk_level level;
	enum notify notify;
	bool communicate;
	bool public_notice;
};

struct assessment {
	bool is_breach;
	bool gdpr_applies;
	enum risk_level level;
	enum notify notify;
	bool notify_controller; /* Art. 33(2): we are the processor */
	bool communicate;
	enum art34 art34;
	bool public_notice;
	struct risk_dim conf, integ, avail;
	struct enisa_result enisa;
	struct risk_reason enisa_vs_legal; /* id 0: they agree */
	uint64_t unknown;                  /* bit per enum risk_fact */
	int64_t subjects_n;                /* COUNT_UNKNOWN if unknown */
	bool subjects_n_estimate;
	size_t reasons_n;
	struct risk_reason reasons[RISK_REASONS_MAX];
	size_t changes_n;
	struct risk_change changes[RISK_CHANGES_MAX];
};

/*
 * Assess `f` into `out`.  Never fails and always fills every field; facts
 * that are unknown are weighed conservatively (in doubt, notify) and listed
 * in out->unknown.  Strings in `out` are static or borrowed from `f`
 * (explicit ENISA adjustment reasons): keep `f` alive while using `out`.
 */
void risk_assess(const struct facts *f, struct assessment *out);

/*
 * The assessment as JSON with the stable keys of docs/assessment.md.  New
 * reference; aborts only on out-of-memory, like jansson's callers
 * everywhere.
 */
json_t *assessment_to_json(const struct assessment *);

/* True if the assessment carries the reason with stable id `key`. */
bool assessment_has_reason(const struct assessment *, const char *key);

/* The facts-document path of `f` ("protection.key_compromised"). */
const char *risk_fact_path(enum risk_fact f);

/* Stable JSON names: "none"/"risk"/"high", "low".."very_high", ... */
const char *risk_level_name(enum risk_level);
const char *enisa_band_name(enum enisa_band);

#endif
