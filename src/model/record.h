/* SPDX-License-Identifier: MIT */
/*
 * model/record.h: the register's records (incident, event, obligation,
 * filing, decision, attachment) as plain structs.  Strings are borrowed
 * from whoever filled the struct (usually an arena); see the producer.
 */
#ifndef BREACHKIT_RECORD_H
#define BREACHKIT_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "base/hash.h"

#define INCIDENT_STATUS_LIST(X) X(OPEN, "open") X(CLOSED, "closed")
#define OBL_STATUS_LIST(X)              \
	X(OPEN, "open")                 \
	X(NOT_REQUIRED, "not_required") \
	X(FILED, "filed")               \
	X(WITHDRAWN, "withdrawn")
#define PHASE_LIST(X)         \
	X(INITIAL, "initial") \
	X(FOLLOWUP, "follow-up") X(FINAL, "final") X(WITHDRAWN, "withdrawn")
#define OBL_KIND_LIST(X) \
	X(DEADLINE, "deadline") X(UNDUE, "undue_delay") X(CONTRACT, "contract")
#define TOPIC_LIST(X) \
	X(BREACH, "breach") X(AUTHORITY, "authority") X(SUBJECTS, "subjects")

#define X(e, s) INCIDENT_##e,
enum incident_status { INCIDENT_STATUS_LIST(X) INCIDENT__MAX };
#undef X
#define X(e, s) OBL_##e,
enum obl_status { OBL_STATUS_LIST(X) OBL__MAX };
#undef X
#define X(e, s) PHASE_##e,
enum phase { PHASE_LIST(X) PHASE__MAX, PHASE_NONE = -1 };
#undef X
#define X(e, s) KIND_##e,
enum obl_kind { OBL_KIND_LIST(X) KIND__MAX };
#undef X
#define X(e, s) TOPIC_##e,
enum topic { TOPIC_LIST(X) TOPIC__MAX };
#undef X

extern const char *const incident_status_names[INCIDENT__MAX];
extern const char *const obl_status_names[OBL__MAX];
extern const char *const phase_names[PHASE__MAX];
extern const char *const obl_kind_names[KIND__MAX];
extern const char *const topic_names[TOPIC__MAX];
/* Index of `s` in `names[n]`, or -1. */
int name_lookup(const char *const *names, int n, const char *s);

struct incident {
	int64_t id;
	const char *ref;
	const char *title;
	enum incident_status status;
	int64_t discovered_at; /* TIME_UNKNOWN if unknown */
	int64_t aware_at;
	int64_t created_at;
	int64_t updated_at;
	int64_t closed_at; /* TIME_UNKNOWN if open */
	const char *facts; /* canonical facts JSON */
	int64_t event_n;
	char head_hash[SHA256_HEX];
};

/*
 * The register's columns that come from the facts (what the CSV export
 * shows), kept next to the incident row so that the register can be read
 * without parsing every facts document.  facts_reg() derives them from
 * the canonical facts; verify checks that they still agree.  Lists are
 * the values joined with ';' ("" for a known empty list); NULL, -1 and
 * TIME_UNKNOWN (facts.h) mean unknown.
 */
struct incident_reg {
	const char *role;
	int64_t occurred_from;
	int64_t occurred_to;
	int confidentiality; /* -1 unknown, 0 no, 1 yes */
	int integrity;
	int availability;
	const char *breach_type;
	const char *data_categories;
	const char *subject_categories;
	int64_t subjects; /* -1 unknown */
	bool subjects_estimate;
	int64_t records; /* -1 unknown */
	const char *consequences_likely;
	const char *consequences;
	const char *measures_taken;
};

struct event {
	int64_t incident_id;
	int64_t seq; /* 1, 2, ... */
	int64_t at;
	const char *actor;
	const char *kind;
	const char *payload; /* JSON text */
	char payload_digest[SHA256_HEX];
	bool erased;
	char prev_hash[SHA256_HEX];
	char hash[SHA256_HEX];
};

struct obligation {
	int64_t id;
	int64_t incident_id;
	const char *incident_ref; /* filled by listings only */
	const char *regime;
	const char *rule;
	const char *recipient;
	const char *label;
	const char *article;
	enum obl_kind kind;
	int64_t anchor_at;
	int64_t due_at;
	enum obl_status status;
	enum phase phase; /* PHASE_NONE until filed */
	int64_t filed_at; /* TIME_UNKNOWN until filed */
	const char *case_ref;
	bool late;
	const char *delay_reason;
	const char *rationale;
	const char *decided_by;
	int64_t decided_at; /* TIME_UNKNOWN if none */
	int64_t created_at;
};

struct filing {
	int64_t id;
	int64_t obligation_id;
	enum phase phase;
	int64_t filed_at;
	const char *case_ref;
	bool late;
	const char *delay_reason;
	const char *actor;
	int64_t recorded_at;
	const char *filed_by;         /* who submitted it, or NULL */
	const char *filed_by_contact; /* their e-mail or phone, or NULL */
};

struct decision {
	int64_t id;
	int64_t incident_id;
	enum topic topic;
	bool outcome;
	char exception; /* 'a', 'b', 'c' or 0 */
	const char *rationale;
	const char *actor;
	int64_t decided_at;
};

struct assessment_rec {
	int64_t id;
	int64_t incident_id;
	int64_t version; /* 1, 2, ... per incident */
	char facts_digest[SHA256_HEX];
	const char *result; /* the engine's JSON */
	char result_digest[SHA256_HEX];
	int64_t created_at;
	const char *actor;
};

struct attachment {
	int64_t id;
	int64_t incident_id;
	const char *name;
	int64_t size;
	char sha256[SHA256_HEX];
	int64_t added_at;
	const char *actor;
};

#endif
