/* SPDX-License-Identifier: MIT */
/*
 * doc/letter.h: the Art. 34(2) letter to one affected person, in German
 * (formal "Sie") or English, as a complete Internet message.
 *
 * The people come from a CSV list (subjects_header, subject_from_row):
 * id, name, email, language (de/en), categories (';'-separated values of
 * the data_category taxonomy, docs/facts.md; empty means the incident's
 * categories).  Every field is checked before it can reach a letter: a
 * name with CR or LF is refused (no header injection), an address must be
 * a plain ASCII addr-spec, an unknown language or category is named.
 *
 * Speed (docs/letters.md): everything that is the same for every letter
 * is rendered once per (language, category set, has-name) through the
 * letter templates and kept quoted-printable-encoded; only the lines that
 * hold the person's name are rendered per letter, so a letter costs a few
 * memcpy()s, one short encoding and one SHA-256 for its Message-ID.  The
 * cache holds at most LETTER_CACHE_MAX entries, so memory does not grow
 * with the number of letters.
 */
#ifndef BREACHKIT_LETTER_H
#define BREACHKIT_LETTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "base/buf.h"
#include "base/err.h"
#include "doc/csv.h"
#include "doc/tmpl.h"
#include "model/facts.h"

enum {
	LETTER_ID_MAX = 64,
	LETTER_NAME_MAX = 200,
	LETTER_KEY_LEN = 33, /* 32 hex + NUL */
	LETTER_MSGID_MAX = 400,
	LETTER_CACHE_MAX = 1024,
	LETTER_MAX = 256 << 10 /* bytes of one rendered message */
};

/* One affected person; strings are borrowed from the CSV row. */
struct subject {
	const char *id;
	const char *name; /* "" when not given */
	const char *email;
	bool german;
	uint64_t cats; /* bits of enum data_cat; 0: the incident's */
	int64_t row;
};

/* Column of each field in the list (-1: absent). */
struct subjects_cols {
	int id, name, email, lang, cats;
	size_t n;
};

/* Find the columns in the header row; ERR_INVAL naming what is missing. */
/* With `cats_optional`, the categories column may be absent (letters
 * --affected: the categories come from the affected list). */
enum err subjects_header(const struct csv_row *, struct subjects_cols *,
    bool cats_optional, char *why, size_t why_len);
/*
 * Check one row and fill `out` (borrowing the row's strings).  ERR_INVAL
 * with `why` naming the column and the problem ("column email: not an
 * e-mail address"); the value itself is never echoed (it may be personal
 * data).
 */
enum err subject_from_row(const struct subjects_cols *, const struct csv_row *,
    struct subject *out, char *why, size_t why_len);

/* The controller's details (register settings); see letter_org_missing. */
struct letter_org {
	const char *org_name, *org_address, *org_website, *org_channels;
	const char *dpo_name, *dpo_email, *dpo_phone, *dpo_address;
	const char *mail_from;
};

/*
 * The settings a letter needs that `o` lacks, as "org_name, dpo_email";
 * "" when complete.
 */
void letter_org_missing(const struct letter_org *o, char *out, size_t len);
/* The facts a letter needs that `f` lacks (same form). */
void letter_facts_missing(const struct facts *f, char *out, size_t len);

/* Templates by language: [0] English, [1] German. */
struct letter_tmpls {
	const struct tmpl *subject[2]; /* mailhdr */
	const struct tmpl *body[2];    /* text */
};

struct letter_cfg {
	const char *ref; /* the incident's reference */
	const struct facts *facts;
	const struct letter_org *org;
	const struct letter_tmpls *t;
	int64_t date_at; /* the Date header of the batch */
	bool crlf;       /* CRLF (EML, SMTP) or LF (mbox) */
};

struct letter_gen;

/* The configuration is copied; `facts` and the templates are borrowed. */
enum err letter_gen_new(const struct letter_cfg *, struct letter_gen **out,
    char *why, size_t why_len);
void letter_gen_free(struct letter_gen *);
/*
 * Append the message for `s` to `out` (on failure `out` is left as it
 * was).  `key` receives the stable key of (incident, person): the
 * Message-ID is <letter.KEY@domain of mail_from>, the same on every run.
 * No line of the message starts with "From " or ">" (see mail_qp), so it
 * goes into an mbox as it is.
 */
enum err letter_render(struct letter_gen *, const struct subject *s,
    struct buf *out, char key[LETTER_KEY_LEN], char *why, size_t why_len);
/* The Message-ID of `key` (without angle brackets). */
void letter_msgid(
    const struct letter_gen *, const char *key, char *out, size_t len);
/* The stable key of (incident reference, subject id). */
void letter_key(const char *ref, const char *id, char out[LETTER_KEY_LEN]);
/*
 * An example view model of the body template (every key a template may
 * use), for checking an edited letter template (tmpl_check_vars).
 * New reference.
 */
json_t *letter_view_example(void);
/* Letters rendered and cache entries built (for the benchmark notes). */
void letter_gen_stats(
    const struct letter_gen *, size_t *rendered, size_t *cached);

#endif
