/* SPDX-License-Identifier: MIT */
/*
 * svc/svc.h: the register's operations, called by both front ends (CLI
 * now, HTTP later); they hold no business logic of their own.  Every
 * operation that changes an incident validates first, then runs in one
 * write transaction that updates the state and appends the hash-chained
 * event, so the state always agrees with the log and a failure leaves
 * nothing half-written.
 *
 * Errors: the return value is the category; `struct svc_err` carries the
 * detail (field problems, or one message) for the boundary to report.
 */
#ifndef BREACHKIT_SVC_H
#define BREACHKIT_SVC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "base/arena.h"
#include "base/buf.h"
#include "doc/tmpl.h"
#include "model/facts.h"
#include "model/record.h"
#include "model/regime.h"
#include "store/store.h"

struct svc_err {
	struct field_errors fe;
	char msg[512];
};

/* Who acts, when, on which register. */
struct svc {
	struct store *st;
	const char *actor;
	int64_t now;
	struct arena *a;    /* lives as long as the svc */
	const char *prefix; /* reference prefix: svc_prefix() */
	size_t regimes_n;
	struct regime regimes[16]; /* parsed once per svc */
	bool regimes_loaded;
};

/* Settings a register is created with. */
struct register_init {
	const char *org;
	const char *prefix;
	const char *timezone;
};

void svc_err_clear(struct svc_err *);
void svc_err_msg(struct svc_err *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Bind `s` to an open store; reads nothing (settings are read when
 * needed, so a read of the API costs no settings query). */
enum err svc_begin(struct svc *s, struct store *st, const char *actor,
    int64_t now, struct svc_err *);
void svc_end(struct svc *s);
/* The reference prefix setting ("BK" if unset), read once per svc. */
enum err svc_prefix(struct svc *, const char **out, struct svc_err *);

/* Settings and the built-in regimes of a new register. */
enum err svc_register_init(
    struct svc *, const struct register_init *, struct svc_err *);
/* The display time zone stored in the register (NULL if unset). */
const char *svc_timezone(struct store *, struct arena *);

/* Find an incident by reference ("ACME-2026-0007") or numeric id. */
enum err svc_resolve(struct svc *, const char *id, struct arena *,
    struct incident *out, struct svc_err *);

/*
 * The whole incident `id` as JSON: its row, facts, obligations, decisions,
 * attachments and, with `history`, every event (a new reference in *out;
 * `in` is filled, strings in s->a).  Read-only.
 */
enum err svc_incident_view(struct svc *, const char *id, bool history,
    struct incident *in, json_t **out, struct svc_err *);
/*
 * The same document without the history, as compact JSON text appended to
 * `out`: byte for byte the dump of svc_incident_view()'s, made without
 * parsing the stored facts into a tree (the API's single-incident read).
 */
enum err svc_incident_view_text(struct svc *, const char *id,
    struct incident *in, struct buf *out, struct svc_err *);

/* Parse the stored canonical facts of `in` into `f` (strings in a). */
enum err svc_facts_load(struct svc *, const struct incident *in,
    struct arena *a, struct facts *f, struct svc_err *);

/* Create an incident from a facts document; *ref_out is in s->a. */
enum err svc_incident_create(struct svc *, const char *json, size_t len,
    const char **ref_out, struct svc_err *);
/*
 * Create one incident per JSONL line, all in one transaction: any bad line
 * (named with its number) and nothing is written.
 */
enum err svc_incident_import(
    struct svc *, FILE *, size_t *count, struct svc_err *);
/* Apply an RFC 7396 merge patch to the facts; `reason` may be NULL. */
enum err svc_incident_edit(struct svc *, const char *id, const char *patch,
    size_t len, const char *reason, struct svc_err *);
enum err svc_incident_close(struct svc *, const char *id, bool close,
    const char *reason, struct svc_err *);
enum err svc_note(
    struct svc *, const char *id, const char *text, struct svc_err *);
enum err svc_attach(struct svc *, const char *id, const char *name,
    const void *data, size_t len, struct svc_err *);
/*
 * Erase personal data when its retention ends: the facts at `paths`
 * (text values) and, with `notes`, the text of every note, in the current
 * state and in every event payload.  The chain stays intact.
 */
enum err svc_erase(struct svc *, const char *id, const char *const *paths,
    size_t paths_n, bool notes, const char *reason, struct svc_err *);

struct decide_req {
	enum topic topic;
	bool outcome;
	char exception; /* 'a', 'b', 'c' or 0 */
	const char *rationale;
};
enum err svc_decide(
    struct svc *, const char *id, const struct decide_req *, struct svc_err *);

struct file_req {
	const char *recipient; /* or NULL with obligation_id */
	int64_t obligation_id; /* 0: find by recipient */
	enum phase phase;
	int64_t filed_at;
	const char *case_ref;
	const char *delay_reason;
	const char *filed_by;         /* who submitted it, or NULL */
	const char *filed_by_contact; /* their e-mail or phone, or NULL */
};
enum err svc_file(struct svc *, const char *id, const struct file_req *,
    bool *late_out, struct svc_err *);

struct obligation_req {
	const char *recipient;
	const char *label;
	const char *article;
	int64_t due_at;
};
/* A free contractual obligation (e.g. a customer contract's 24 hours). */
enum err svc_obligation_add(struct svc *, const char *id,
    const struct obligation_req *, struct svc_err *);

/* Validate and store a regime document (new or replacing one). */
enum err svc_regime_load(struct svc *, const char *json, size_t len,
    const char **id_out, struct svc_err *);

/* The risk engine's assessment of `f` as JSON (docs/assessment.md). */
json_t *svc_assess_facts(const struct facts *f);
/*
 * Assess incident `id`; record a new version when the facts or the result
 * differ from the latest.  *out is the result (new reference).
 */
enum err svc_assess(struct svc *, const char *id, json_t **out,
    int64_t *version, bool *recorded, struct svc_err *);

/*
 * Set (value non-NULL) or unset a register setting; unknown keys and bad
 * values are refused (ERR_INVAL) before anything is written.
 */
enum err svc_setting_set(
    struct svc *, const char *key, const char *value, struct svc_err *);
/*
 * Set or unset (value NULL) several settings in one transaction: every
 * key and value is checked first (one field error each) and nothing is
 * written unless all are good.
 */
enum err svc_settings_set_many(struct svc *, const char *const *keys,
    const char *const *values, size_t n, struct svc_err *);
/* Every known setting: [{key, value|null, meaning}] (new reference). */
json_t *svc_settings_json(struct svc *);

struct authority;
struct notify_doc;
/*
 * The Art. 33 notification of incident `id` to `au` in `phase`
 * (doc/notify.h), laid out in `out` (strings in `a`).  `delay_reason`
 * (may be NULL) gives the reasons for a late notification that is not
 * filed yet.  ERR_OK even when required fields are missing: the caller
 * checks out->missing_n.  Read-only.
 */
enum err svc_notify(struct svc *, const char *id, const struct authority *au,
    enum phase phase, const char *delay_reason, struct arena *a,
    struct notify_doc *out, struct svc_err *);

/*
 * Authority files (svc/authority.c, docs/notify.md): the built-in ones and
 * corrected or additional ones stored in the register, versioned like
 * template overrides.  svc_authority_get parses the file in use for
 * `code` (the newest stored version, else the built-in file; *version is
 * 0 for a built-in file never overridden).  ERR_NOTFOUND: no such code.
 */
enum err svc_authority_get(struct svc *, const char *code, struct arena *,
    struct authority *out, int64_t *version, struct svc_err *);
/* The JSON text of the file in use (strings in the arena or static). */
enum err svc_authority_source(struct svc *, const char *code, struct arena *,
    const char **json, size_t *len, int64_t *version, struct svc_err *);
/* Validate (authority_parse; problems in e->fe) and store a new version
 * for the file's code. */
enum err svc_authority_load(struct svc *, const char *json, size_t len,
    const char **code, int64_t *version, struct svc_err *);
/* Record a return to the built-in file (ERR_CONFLICT if none is stored). */
enum err svc_authority_reset(
    struct svc *, const char *code, int64_t *version, struct svc_err *);
/* [{version, source, sha256, created_at, actor}] oldest first. */
enum err svc_authority_history(
    struct svc *, const char *code, json_t **out, struct svc_err *);
/* [{code, short_name, source, version, problem?}]: built-ins, then the
 * codes only the register has. */
json_t *svc_authority_list(struct svc *);

/*
 * Letters to the data subjects (Art. 34; svc/letters.c, docs/letters.md):
 * one letter per row of a CSV list, written as EML files or an mbox, or
 * delivered over SMTP with a send log that makes a batch resumable.
 */
enum letters_out { LETTERS_EML, LETTERS_MBOX, LETTERS_SMTP };
/* What to do with letters whose delivery is in doubt after a crash. */
enum letters_doubt { DOUBT_REPORT, DOUBT_SENT, DOUBT_RESEND };
struct letters_req {
	const char *id; /* the incident */
	FILE *subjects; /* the CSV list (borrowed) */
	enum letters_out out;
	const char *target; /* directory, mbox or URL */
	bool dry_run;       /* render and check only */
	double rate;        /* letters per second; 0: any */
	enum letters_doubt doubt;
	bool file;              /* file the Art. 34 obligation */
	const char *smtp_ca;    /* PEM CA bundle to trust, or NULL */
	bool smtp_tls_optional; /* STARTTLS optional (loopback only) */
	/* `subjects` is the controller's contact export (id, name, email,
	 * language): letters go to the incident's affected list only, with
	 * the categories found for each person (docs/subjects.md). */
	bool affected;
};
/* One row of the per-recipient report; no address, no name. */
struct letters_item {
	int64_t row;
	const char *id;     /* NULL when the row had none */
	const char *status; /* written, sent, already_sent, ... */
	const char *detail; /* problem, file, or NULL */
	const char *message_id;
};
typedef void (*letters_cb)(void *, const struct letters_item *);
struct letters_sum {
	size_t rows, invalid, written, sent, already, failed, in_doubt;
	size_t would, german, english;
	size_t no_contact; /* --affected: listed, but not in the export */
	bool filed;
};
enum err svc_letters(struct svc *, const struct letters_req *, letters_cb,
    void *, struct letters_sum *, struct svc_err *);
/* Example views of the letter templates (template kinds letter-body and
 * letter-subject; new references). */
json_t *svc_letter_example_body(bool german);
json_t *svc_letter_example_subject(bool german);

/*
 * The intake wizard's drafts (svc/draft.c), per account.  A draft obeys
 * every facts rule but the required title; one with problems is not
 * saved (ERR_INVAL, e->fe names the fields).  *id == 0 starts a new
 * one.  Loading gives the facts (new reference); submitting creates the
 * incident and deletes the draft in one transaction.  ERR_NOTFOUND for
 * a draft that is not the account's.
 */
enum { DRAFT_MAX = 1024 * 1024, DRAFT_STEP_MAX = 16 };
/* Check only: every problem but a missing title into e->fe. */
enum err svc_draft_check(struct svc *, const json_t *facts, struct svc_err *);
enum err svc_draft_save(struct svc *, int64_t account_id, int64_t *id,
    int64_t step, const json_t *facts, struct svc_err *);
enum err svc_draft_load(struct svc *, int64_t account_id, int64_t id,
    json_t **facts, int64_t *step, struct svc_err *);
enum err svc_draft_delete(
    struct svc *, int64_t account_id, int64_t id, struct svc_err *);
enum err svc_draft_submit(struct svc *, int64_t account_id, int64_t id,
    const char **ref_out, struct svc_err *);

/*
 * The subject index (svc/subjects.c, docs/subjects.md): import the
 * controller's CSV (id + email/phone/iban/customer_no) as keyed hashes.
 * Each bad row is passed to `cb` (row number, column or NULL, problem;
 * never the value); any bad row and nothing is written (ERR_INVAL).
 */
typedef void (*subjects_row_cb)(
    void *, int64_t row, const char *column, const char *problem);
struct subjects_sum {
	size_t rows, subjects, identifiers, bad;
	size_t by_kind[5]; /* enum match_kind */
};
enum err svc_subjects_import(struct svc *, FILE *, subjects_row_cb, void *,
    struct subjects_sum *, struct svc_err *);
/* {index, imported_at, subjects, identifiers, phone_region}; new ref. */
json_t *svc_subjects_status(struct svc *, struct svc_err *);

struct scan_opts;
struct scan_result;
/*
 * Attach a scan result (scan_result_json: categories, counts, estimates,
 * columns, masked samples) to incident `id` as a "scan" event.
 */
enum err svc_scan_record(
    struct svc *, const char *id, const json_t *scan, struct svc_err *);

/*
 * Match leak files against the subject index (svc/match.c): scan each
 * file in the limited child, hash its identifiers here with the index's
 * keys, and record on incident `id` the scan ("scan" event), the affected
 * subjects with the categories of their records ("affected" event) and
 * subjects.count in the facts.  `res` receives the scan result.
 */
struct match_req {
	const char *id;
	char *const *files;
	size_t files_n;
	const struct scan_opts *opts; /* ident fields are set by svc_match */
	bool dry_run;                 /* report only; record nothing */
};
struct match_sum {
	uint64_t identifiers, candidates, matched, unmatched;
	size_t indexed, affected, affected_total;
	bool partial, estimate;
	double load_s, scan_s;
};
/* The affected subjects of a match, sorted by id. */
struct match_row {
	const char *ref; /* the subject's id (UTF-8) */
	uint32_t found;  /* categories of their records: 1 << enum scan_cat */
	uint8_t by;      /* how they were matched: 1 << enum match_kind */
};
struct match_affected {
	struct match_row *rows;
	size_t n;
	struct arena *a; /* the refs */
};
void match_affected_release(struct match_affected *);
/*
 * `head` (a non-empty object, consumed) with the list as its last member
 * "affected", as text: byte for byte what json_dumps() writes of the tree
 * with JSON_PRESERVE_ORDER and JSON_COMPACT (indent 0: the event) or
 * JSON_INDENT(indent) (the CLI's --json).  The list is written out, not
 * built as a tree: for 400,000 subjects the tree took longer than the
 * lookups.  Free with free().
 */
char *match_affected_json(
    json_t *head, const struct match_affected *, int indent);
/* "by" or "found" bits as a JSON array of names, the same way. */
enum err match_names_put(
    struct buf *b, uint32_t bits, bool found, int indent, int depth);
enum err svc_match(struct svc *, const struct match_req *,
    struct scan_result *res, struct match_affected *affected,
    struct match_sum *, struct svc_err *);
/*
 * The affected subjects of incident `in` (the union of its "affected"
 * events): an object {id: {"by": [...], "found": [...]}}; new reference.
 */
enum err svc_affected_load(
    struct svc *, const struct incident *in, json_t **out, struct svc_err *);

/* Seed the fictional demo incidents (init --demo). */
enum err svc_demo_seed(struct svc *, size_t *count, struct svc_err *);

/* verify: one problem per incident (the first bad event). */
typedef void (*verify_cb)(
    void *, const char *ref, int64_t seq, const char *problem);
/*
 * Checks every chain and replays every log against the stored state;
 * with `against` (an earlier `export --format json`), also that every
 * incident it lists still holds the head it had then.  Returns ERR_OK and
 * *bad = number of problems.
 */
enum err svc_verify(struct store *, const json_t *against, verify_cb, void *,
    size_t *checked, size_t *bad, struct svc_err *);

/* verify of one incident's chain and state: *problem is NULL when it
 * holds, else the first problem (in s->a) at event *seq. */
enum err svc_verify_incident(struct svc *, const char *id, const char **problem,
    int64_t *seq, struct svc_err *);

/* The Art. 33(5) register. */
enum err svc_export(
    struct store *, FILE *, bool json, int64_t now, struct svc_err *);

/* `breachkit serve` (http/): parsed by the CLI, run by http_serve(). */
struct serve_opts {
	const char *db;
	const char *listen; /* HOST:PORT */
	int threads;        /* 0: one per CPU */
	bool tls;           /* behind TLS or a trusted TLS proxy */
	bool public_intake; /* the account-less report form */
	size_t max_body;    /* bytes; 0: 1 MiB */
	int busy_ms;        /* a write waits for another; 0: 5000 */
};
typedef int (*serve_fn)(const struct serve_opts *);

/* ---- accounts, sessions and API tokens (svc/account.c, docs/web.md) ---- */

enum urole {
	UROLE_ADMIN,
	UROLE_DPO,
	UROLE_EDITOR,
	UROLE_VIEWER,
	UROLE_REPORTER,
	UROLE__MAX
};
extern const char *const urole_names[UROLE__MAX];
/* -1 when `s` is no role. */
int urole_parse(const char *s);

#define TOKEN_LEN      43 /* base64url of 32 bytes */
#define TOKEN_MAX      64
#define TOKEN_HASH_HEX 65
#define TOKEN_PREFIX   "bk_"

/* Create an account; the password is stored as an Argon2id string. */
enum err svc_account_add(struct svc *, const char *name, const char *role,
    const char *password, const char *lang, struct svc_err *);
struct account_change {
	const char *role;     /* NULL: keep */
	const char *password; /* NULL: keep */
	int disable;          /* -1 keep, 0 enable, 1 disable */
	bool unlock;          /* clear failed logins and the lock */
};
/* A new password, role or disabling also ends the account's sessions. */
enum err svc_account_change(struct svc *, const char *name,
    const struct account_change *, struct svc_err *);
struct login_tokens {
	char session[TOKEN_MAX]; /* the cookie value; only its hash is kept */
	char csrf[TOKEN_MAX];
};
/*
 * Check a password and start a session.  ERR_AUTH for a wrong name or
 * password (one message for both), ERR_PERM while the account is locked
 * after five failures in a row.
 */
enum err svc_login(struct svc *, const char *name, const char *password,
    struct account *out, struct login_tokens *, struct svc_err *);
/* The account and CSRF token of a live session; ERR_AUTH otherwise. */
enum err svc_session_get(struct store *, const char *token, int64_t now,
    struct arena *, struct account *out, const char **csrf);
enum err svc_logout(struct store *, const char *token);
/* A new API token for account `name`; shown once, only its hash kept. */
enum err svc_token_create(struct svc *, const char *name, const char *label,
    char token[TOKEN_MAX], int64_t *id, struct svc_err *);
/* The account of a live API token; ERR_AUTH otherwise. */
enum err svc_token_get(
    struct store *, const char *token, struct arena *, struct account *out);
enum err svc_token_revoke(struct svc *, int64_t id, struct svc_err *);
/* A random 20-character password (demo and new accounts). */
void svc_password_new(char out[TOKEN_MAX]);

/* ---- document templates and the documents built from them ---------------
 * (svc/template.c, svc/notice.c; docs/templates.md).  A template KIND has a
 * name, an output type and an example view model whose keys are the
 * variables it may use.  The template in use for (kind, language) is the
 * newest override stored in the register or, without one, the built-in
 * file src/doc/templates/KIND.LANG.mustache.  Overrides are checked before
 * they are stored: they must parse, name only known variables, and render
 * the example. */

struct template_kind {
	const char *name; /* "notice-html" */
	enum tmpl_type type;
	const char *summary;
	/* The example view (the allowed names); new reference. */
	json_t *(*example)(bool german);
};

/* Every kind, in a fixed order. */
const struct template_kind *svc_template_kinds(size_t *n);
/* The kind called `name`, or NULL. */
const struct template_kind *svc_template_kind(const char *name);
/* "de" and "en"; NULL for any other language. */
const char *svc_template_lang(const char *lang);

/*
 * The template in use for (kind, lang): its source in `a`, and the
 * override's version (0: built-in).  ERR_INVAL for an unknown kind or
 * language (message in e).
 */
enum err svc_template_source(struct svc *, const char *kind, const char *lang,
    struct arena *a, const char **src, int64_t *version, struct svc_err *);
/*
 * Parse the template in use (built-ins are trusted, overrides are not).
 * The caller frees *out with tmpl_free().
 */
enum err svc_template_load(struct svc *, const char *kind, const char *lang,
    struct tmpl **out, struct svc_err *);
/*
 * Check and store an override: it must parse, name only variables of its
 * kind (ERR_INVAL listing the allowed ones) and render the example.
 * *version is the new version.
 */
enum err svc_template_set(struct svc *, const char *kind, const char *lang,
    const char *src, size_t len, int64_t *version, struct svc_err *);
/* Record a return to the built-in template as a new version. */
enum err svc_template_reset(struct svc *, const char *kind, const char *lang,
    int64_t *version, struct svc_err *);
/* [{version, source, sha256, created_at, actor}] oldest first. */
enum err svc_template_history(struct svc *, const char *kind, const char *lang,
    json_t **out, struct svc_err *);
/* [{kind, type, lang, source, version, summary}] for every kind/lang. */
json_t *svc_template_list(struct svc *);
/*
 * Built-in partials: {{> name}} is src/doc/templates/_name.mustache.  A
 * tmpl_partial_fn over a `struct partials` the caller releases.
 */
struct partials {
	size_t n;
	const char *name[16];
	struct tmpl *t[16];
};
const struct tmpl *svc_template_partial(void *partials, const char *name);
void svc_partials_release(struct partials *);

/* The documents of svc/notice.c. */
enum notice_kind { NOTICE_PUBLIC, NOTICE_CONTROLLER, NOTICE_REGISTER };
struct notice_req {
	const char *id;
	enum notice_kind kind;
	bool german;
	bool html; /* public notice only */
};
/*
 * Render the document into `out`.  Settings the document needs and the
 * register lacks are listed in e (ERR_INVAL) before anything is rendered.
 */
enum err svc_notice(
    struct svc *, const struct notice_req *, struct buf *out, struct svc_err *);
/* The kind of template a notice uses. */
const char *svc_notice_template(const struct notice_req *);
/* Example views of the notice kinds (svc/notice.c; new references). */
json_t *svc_notice_example_public(bool german);
json_t *svc_notice_example_controller(bool german);
json_t *svc_notice_example_register(bool german);

#endif
