/* SPDX-License-Identifier: MIT */
/*
 * doc/notify.h: the Art. 33 notification to a supervisory authority.
 *
 * An authority is data (authorities/<code>.json, embedded; a corrected
 * copy can be given at run time): its name, language, the order of its
 * form's sections, the label of each field, which fields it requires and
 * notes for the person filling the form in.  notify_build() is pure: it
 * takes what the register holds about an incident (struct notify_input,
 * assembled by svc/notify.c) and lays it out in the authority's order
 * and words as a `struct doc` (doc/doc.h), listing the required fields
 * the incident lacks instead of leaving them blank.
 *
 * Field keys are a fixed catalogue (notify_key_known); the files choose
 * among them.  The catalogue, with the source of each value, is in
 * docs/notify.md.
 */
#ifndef BREACHKIT_NOTIFY_H
#define BREACHKIT_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "base/arena.h"
#include "base/err.h"
#include "doc/doc.h"
#include "model/facts.h"
#include "model/record.h"

enum {
	AUTHORITY_JSON_MAX = 64 << 10, /* bytes of one authority file */
	AUTH_SECTIONS_MAX = 16,
	AUTH_FIELDS_MAX = 48, /* per section */
	AUTH_NOTES_MAX = 8
};

struct auth_field {
	const char *key; /* from the catalogue */
	const char *label;
	unsigned required; /* bit per enum phase */
	bool unknown_ok;   /* "unknown" is an answer */
};

struct auth_section {
	const char *title;
	size_t n;
	struct auth_field *v;
};

struct authority {
	const char *code; /* "nrw" */
	const char *name;
	const char *short_name; /* "LDI NRW" */
	bool german;
	const char *form; /* URL of the form */
	bool labels_verified;
	bool no_risk_blocked; /* the form refuses "no risk" */
	const char *labels_note;
	const char *phase_labels[PHASE__MAX]; /* NULL: default */
	size_t notes_n;
	const char *notes[AUTH_NOTES_MAX];
	size_t n;
	struct auth_section *v;
};

/* True for a key of the field catalogue ("controller.name"). */
bool notify_key_known(const char *key);

/*
 * Validate an authority document into `out` (strings in `a`).  Problems
 * go to `fe` with their paths ("sections[2].fields[0].key"); ERR_INVAL if
 * there is any.
 */
enum err authority_parse(const char *json, size_t len, struct arena *a,
    struct authority *out, struct field_errors *fe);
/*
 * The built-in authority `code` (nrw, by, bw, bfdi, en).  ERR_NOTFOUND if
 * there is none; ERR_INVAL (with `fe`) if the embedded file is bad.
 */
enum err authority_builtin(const char *code, struct arena *a,
    struct authority *out, struct field_errors *fe);
/* The embedded text of built-in authority `code`; false if none. */
bool authority_builtin_source(const char *code, const char **json, size_t *len);
/* The codes of the built-in authorities, NULL-terminated. */
extern const char *const authority_codes[];

/* What the register holds about one incident, for its notification. */
struct notify_input {
	const char *ref;
	const struct facts *f;
	int64_t now; /* generation time */
	enum phase phase;

	/* settings (NULL when not set) */
	const char *org_name, *org_address, *org_website;
	const char *dpo_name, *dpo_email, *dpo_phone;
	const char *dpo_address;

	/* the obligation to notify the authority and its filings */
	bool has_deadline;
	int64_t due_at;
	int64_t initial_at;   /* TIME_UNKNOWN: not filed */
	const char *case_ref; /* the authority's reference */
	bool late;
	const char *delay_reason;
	const char *filed_by; /* who submitted the initial one, or NULL */
	const char *filed_by_contact;

	/* decisions: -1 none, 0 no, 1 yes (the latest of each topic) */
	int breach_decision;
	const char *breach_rationale;
	int authority_decision;
	const char *authority_rationale;
	int subjects_decision;
	char subjects_exception; /* 'a'..'c' or 0 */
	const char *subjects_rationale;
	int64_t subjects_notified_at; /* TIME_UNKNOWN */

	/* the latest assessment (docs/assessment.md), or NULL */
	const json_t *assessment;
	int64_t assessment_version;
};

struct notify_missing {
	const char *key;
	const char *label;
	const char *source; /* where to record it */
};

struct notify_doc {
	const struct authority *auth;
	enum phase phase;
	struct doc doc;
	size_t missing_n;
	struct notify_missing *missing;
};

/*
 * Lay out the notification of `in` for `auth`.  Always fills `out`; when
 * a required field has no value, out->missing lists it (and the document
 * must not be used).  Strings live in `a`.  Times are shown in the
 * display zone (clock_set_zone).
 */
void notify_build(const struct authority *auth, const struct notify_input *in,
    struct arena *a, struct notify_doc *out);
/*
 * {authority, authority_name, language, phase, incident, generated_at,
 * labels_verified, notes[], sections[{title, fields[{key, label,
 * value}]}], missing[{key, label, source}]}; with missing fields the
 * sections are empty.  New reference.
 */
json_t *notify_json(const struct notify_doc *);
enum notify_fmt { FMT_TEXT, FMT_MD, FMT_HTML, FMT_JSON, FMT_PDF, FMT__MAX };
extern const char *const notify_fmt_names[FMT__MAX];
/* Render the notification in `fmt` (JSON pretty-printed) into `out`. */
enum err notify_render(
    const struct notify_doc *, enum notify_fmt fmt, struct buf *out);
/* "LDI NRW requires: Label (source), ..." into `out`. */
void notify_missing_text(const struct notify_doc *, struct buf *out);

#endif
