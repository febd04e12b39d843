/* SPDX-License-Identifier: MIT */
/*
 * store/store.h: the typed register API.  One interface, SQLite behind it
 * today and PostgreSQL later; nothing here is SQLite-specific.
 *
 * Strings in results live in the caller's arena.  A store handle is used by
 * one thread at a time.  Writes happen inside store_begin_write() ...
 * store_commit(); there is no nesting.
 */
#ifndef BREACHKIT_STORE_H
#define BREACHKIT_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "model/record.h"

struct store;

enum store_mode {
	STORE_EXISTING, /* open a register; refuse anything else */
	STORE_CREATE,   /* create a new register; refuse an existing file */
	STORE_MEMORY    /* a private in-memory register (tests) */
};

/*
 * Open the register at `path`, checking that it is ours and not from a
 * newer version before anything is written, then bring its schema up to
 * date.  On failure *errmsg (caller frees) says what is wrong.
 */
enum err store_open(
    const char *path, enum store_mode, struct store **out, char **errmsg);
/* NULL is a no-op. */
void store_close(struct store *);
/* Detail of the last error on this handle. */
const char *store_errmsg(const struct store *);
/* Schema version of the open register and the newest this build knows. */
void store_schema_version(const struct store *, int *have, int *newest);

enum err store_begin_write(struct store *);
enum err store_begin_read(struct store *);
enum err store_commit(struct store *);
/* Safe to call when no transaction is open. */
void store_rollback(struct store *);

/* ERR_NOTFOUND when the key is not set. */
enum err store_setting_get(
    struct store *, const char *key, struct arena *, const char **out);
enum err store_setting_set(struct store *, const char *key, const char *value);

enum err store_setting_del(struct store *, const char *key);

/* The next sequence number of (prefix, year), starting at 1. */
enum err store_refseq_next(
    struct store *, const char *prefix, int64_t year, int64_t *out);
/* Highest sequence number issued for every (prefix, year). */
typedef enum err (*refseq_cb)(
    void *, const char *prefix, int64_t year, int64_t last);
enum err store_refseq_each(struct store *, refseq_cb, void *);

enum err store_regime_put(struct store *, const char *id, const char *body,
    int64_t at, const char *actor);
enum err store_regime_get(
    struct store *, const char *id, struct arena *, const char **body);
typedef enum err (*regime_cb)(void *, const char *id, const char *body);
enum err store_regime_each(struct store *, struct arena *, regime_cb, void *);

/* Sets in->id. */
enum err store_incident_insert(struct store *, struct incident *in);
/* Rewrites every mutable column of in->id. */
enum err store_incident_update(struct store *, const struct incident *in);
enum err store_incident_get(
    struct store *, int64_t id, struct arena *, struct incident *out);
enum err store_incident_get_by_ref(
    struct store *, const char *ref, struct arena *, struct incident *out);

struct incident_filter {
	int status;      /* -1 any, else enum incident_status */
	int64_t limit;   /* <= 0: no limit */
	bool with_facts; /* fill incident.facts */
};
/*
 * Call `cb` for each incident in id order.  `a` is reset by the caller as
 * it sees fit; rows' strings live in a scratch arena valid during the
 * callback only.
 */
typedef enum err (*incident_cb)(void *, const struct incident *);
enum err store_incident_each(
    struct store *, const struct incident_filter *, incident_cb, void *);

/*
 * The register columns of an incident (model/facts_reg.c): insert or
 * replace.  Callers write them in the transaction that writes the facts.
 */
enum err store_incident_reg_put(
    struct store *, int64_t incident_id, const struct incident_reg *);
/* ERR_NOTFOUND when the incident has none; strings in `a`. */
enum err store_incident_reg_get(struct store *, int64_t incident_id,
    struct arena *, struct incident_reg *out);

/* One incident of the register with everything the export shows. */
struct register_row {
	const struct incident *in;      /* facts only if asked for */
	const struct incident_reg *reg; /* NULL: the incident has none */
	const struct obligation *obl;   /* by id; incident_ref filled */
	size_t obl_n;
	const struct decision *dec; /* by id */
	size_t dec_n;
};
typedef enum err (*register_cb)(void *, const struct register_row *);
/*
 * Every incident in id order with its register columns (and facts if
 * `with_facts`), obligations and decisions.  The three are read as
 * streams in incident order side by side, so memory holds one incident's
 * rows at a time; they are valid during the call only.  Run it inside
 * store_begin_read() so that the streams see one snapshot.
 */
enum err store_register_each(
    struct store *, bool with_facts, register_cb, void *);

enum err store_event_append(struct store *, const struct event *);
typedef enum err (*event_cb)(void *, const struct event *);
/* Events of one incident in seq order; strings valid during the call. */
enum err store_event_each(
    struct store *, int64_t incident_id, event_cb, void *);
/* Replace the payload of an event and mark it erased (erasure only). */
enum err store_event_erase(
    struct store *, int64_t incident_id, int64_t seq, const char *payload);

/* Sets o->id. */
enum err store_obligation_insert(struct store *, struct obligation *o);
enum err store_obligation_update(struct store *, const struct obligation *o);
/* Obligations of one incident, in id order, into an arena array. */
enum err store_obligation_list(struct store *, int64_t incident_id,
    struct arena *, struct obligation **out, size_t *n);
/* Open obligations of all open incidents by due time; strings valid
 * during the call; incident_ref is filled. */
typedef enum err (*obligation_cb)(void *, const struct obligation *);
enum err store_obligation_each_open(struct store *, obligation_cb, void *);

enum err store_filing_insert(struct store *, struct filing *f);
enum err store_filing_list(struct store *, int64_t obligation_id,
    struct arena *, struct filing **out, size_t *n);

enum err store_decision_insert(struct store *, struct decision *d);
enum err store_decision_list(struct store *, int64_t incident_id,
    struct arena *, struct decision **out, size_t *n);

enum err store_attachment_insert(
    struct store *, struct attachment *, const void *data, size_t len);
enum err store_attachment_list(struct store *, int64_t incident_id,
    struct arena *, struct attachment **out, size_t *n);
/* The content of attachment `id`, copied into `a`. */
enum err store_attachment_content(
    struct store *, int64_t id, struct arena *, const void **data, size_t *len);

/* Sets a->id. */
enum err store_assessment_insert(struct store *, struct assessment_rec *a);
/* All versions of one incident's assessment, oldest first. */
enum err store_assessment_list(struct store *, int64_t incident_id,
    struct arena *, struct assessment_rec **out, size_t *n);

/*
 * One version of a document that the register keeps versioned (template
 * overrides, authority files): rows are only added, the newest version of
 * a key is the one in use, and a NULL body records a return to the
 * built-in document.
 */
struct version_rec {
	int64_t id;
	int64_t version;    /* 1, 2, ... per key */
	const char *body;   /* NULL: the built-in one */
	const char *sha256; /* of body; NULL with it */
	int64_t created_at;
	const char *actor;
};

/* Template overrides, keyed by (kind, lang). */
struct template_rec {
	const char *kind;
	const char *lang;
	struct version_rec v;
};
/* Sets t->v.id and t->v.version (the next one of its kind and language). */
enum err store_template_insert(struct store *, struct template_rec *t);
/* The newest version; ERR_NOTFOUND when there is none. */
enum err store_template_active(struct store *, const char *kind,
    const char *lang, struct arena *, struct template_rec *out);
/* Every version, oldest first. */
enum err store_template_history(struct store *, const char *kind,
    const char *lang, struct arena *, struct template_rec **out, size_t *n);

/* Authority files stored in the register, keyed by code. */
struct authority_rec {
	const char *code;
	struct version_rec v; /* body: the JSON */
};
/* Sets r->v.id and r->v.version (the next one of its code). */
enum err store_authority_insert(struct store *, struct authority_rec *r);
/* The newest version of `code`; ERR_NOTFOUND when there is none. */
enum err store_authority_active(struct store *, const char *code,
    struct arena *, struct authority_rec *out);
/* Every version of `code`, oldest first. */
enum err store_authority_history(struct store *, const char *code,
    struct arena *, struct authority_rec **out, size_t *n);
/* The newest version of every stored code, by code. */
enum err store_authority_newest(
    struct store *, struct arena *, struct authority_rec **out, size_t *n);

/*
 * The send log of letters (svc/letters.c): one entry per incident and
 * person, keyed by letter_key() (a hash; no personal data).  state is
 * "sending", "handed", "sent", "failed" or "in_doubt".
 */
struct letter_log {
	int64_t incident_id;
	const char *key;
	const char *message_id;
	const char *state;
	int64_t attempts;
	int64_t updated_at;
	const char *detail; /* NULL or what the relay said */
};
/* ERR_NOTFOUND when the letter has no entry; strings in `a`. */
enum err store_letter_get(struct store *, int64_t incident_id, const char *key,
    struct arena *a, struct letter_log *out);
/* Insert or replace the entry of (incident_id, key). */
enum err store_letter_put(struct store *, const struct letter_log *);
/* Every "handed" entry of the incident becomes "in_doubt"; *n of them. */
enum err store_letter_doubt(struct store *, int64_t incident_id, int64_t *n);

/* Consistent online copy of the register to `path` and of its access log
 * to `path`-access (neither may exist). */
enum err store_backup(struct store *, const char *path);
/*
 * Copy what the write-ahead log holds into the register file as far as
 * no reader needs it (SQLite's passive checkpoint).  The server runs this
 * in a thread of its own and turns the automatic one off in its workers
 * (store_autocheckpoint(st, 0)), so that no request waits for the
 * checkpoint's fsync.  store_autocheckpoint(st, n): after a commit that
 * leaves at least n pages in the log (0: never; SQLite's default 1000).
 */
enum err store_checkpoint(struct store *);
void store_autocheckpoint(struct store *, int pages);
/*
 * How long a write waits for another writer before it fails with ERR_BUSY
 * (ms > 0; the default is 5000).  The server's recorder tries a batch three
 * times, so a read is answered 503 after about three times this
 * (`serve --busy-timeout`, docs/web.md).
 */
void store_busy_timeout(struct store *, int ms);
/*
 * Read the register through a memory map of up to `bytes` (0: off, the
 * default).  For the server's readers only: it saves a copy per page read,
 * but an I/O error of the disk then ends the process (SIGBUS) instead of
 * failing the request.  It pays because the reads the server records go
 * to the access log's own file, so the register's map stays valid.
 */
void store_mmap(struct store *, int64_t bytes);

/* ---- accounts, sessions, tokens, reads, drafts (the web front end) ---- */

struct account {
	int64_t id;
	const char *name;
	const char *role;    /* admin, dpo, editor, viewer, reporter */
	const char *pw_hash; /* Argon2id string */
	int64_t failed;      /* failed logins in a row */
	int64_t locked_until;
	bool disabled;
	const char *lang; /* de, en */
	int64_t created_at;
};
/* Sets a->id; ERR_CONFLICT when the name is taken. */
enum err store_account_insert(struct store *, struct account *a);
enum err store_account_get(
    struct store *, int64_t id, struct arena *, struct account *out);
enum err store_account_get_by_name(
    struct store *, const char *name, struct arena *, struct account *out);
/* Rewrites role, pw_hash, failed, locked_until, disabled and lang. */
enum err store_account_update(struct store *, const struct account *a);
enum err store_account_list(
    struct store *, struct arena *, struct account **out, size_t *n);

/* Sessions are keyed by the hash of their token, never the token. */
enum err store_session_insert(struct store *, const char *token_hash,
    int64_t account_id, const char *csrf, int64_t created_at,
    int64_t expires_at);
/* ERR_NOTFOUND when absent; expiry is the caller's to check. */
enum err store_session_get(struct store *, const char *token_hash,
    struct arena *, struct account *acc, const char **csrf,
    int64_t *expires_at);
/* Delete one session, or with all_of_account != 0 every session of it. */
enum err store_session_delete(
    struct store *, const char *token_hash, int64_t all_of_account);
enum err store_session_purge(struct store *, int64_t now);

/* API tokens (hash only).  Sets *id. */
enum err store_token_insert(struct store *, const char *token_hash,
    int64_t account_id, const char *label, int64_t created_at, int64_t *id);
/* The account of a live token; ERR_NOTFOUND when absent or revoked. */
enum err store_token_get(struct store *, const char *token_hash, struct arena *,
    struct account *acc);
enum err store_token_revoke(struct store *, int64_t id, int64_t at);
struct token_info {
	int64_t id;
	const char *account;
	const char *label;
	int64_t created_at;
	int64_t revoked_at; /* 0: live */
};
enum err store_token_list(
    struct store *, struct arena *, struct token_info **out, size_t *n);

/* The record of reads of an incident (append-only). */
struct access_rec {
	int64_t incident_id;
	int64_t at;
	const char *actor;
	const char *what;
};
enum err store_access_insert(struct store *, const struct access_rec *);
/* The newest `limit` reads, newest first. */
enum err store_access_list(struct store *, int64_t incident_id, int64_t limit,
    struct arena *, struct access_rec **out, size_t *n);

/* Intake drafts of one account.  *id == 0 inserts and sets it. */
enum err store_draft_put(struct store *, int64_t *id, int64_t account_id,
    const char *facts, int64_t step, int64_t at);
enum err store_draft_get(struct store *, int64_t id, int64_t account_id,
    struct arena *, const char **facts, int64_t *step);
enum err store_draft_delete(struct store *, int64_t id, int64_t account_id);
struct draft_info {
	int64_t id;
	int64_t step;
	int64_t updated_at;
	const char *title; /* NULL until one is entered */
};
/* The newest `limit` drafts of an account, newest first. */
enum err store_draft_list(struct store *, int64_t account_id, int64_t limit,
    struct arena *, struct draft_info **out, size_t *n);

/*
 * The dashboard charts (http/ui_chart.c).  The newest event's row number
 * (every change to an incident appends one); each incident's time of
 * awareness (else discovery, else recording) and whether it is a
 * confidentiality, integrity or availability breach (1 yes, 0 no or
 * unknown), for all incidents, for one, or the ids of the incidents with
 * events in (after, upto]; and filed authority notifications since
 * `since` by whole hours from the deadline's anchor (awareness) to the
 * filing.
 */
enum err store_chart_event_max(struct store *, int64_t *rowid);
typedef enum err (*chart_incident_cb)(
    void *, int64_t id, int64_t at, int conf, int integ, int avail);
enum err store_chart_incidents(struct store *, chart_incident_cb, void *);
enum err store_chart_incident(
    struct store *, int64_t id, chart_incident_cb, void *);
typedef enum err (*chart_id_cb)(void *, int64_t id);
enum err store_chart_changed(
    struct store *, int64_t after, int64_t upto, chart_id_cb, void *);
typedef enum err (*chart_delay_cb)(void *, int64_t hours, int64_t n);
enum err store_chart_delays(
    struct store *, int64_t since, chart_delay_cb, void *);

/*
 * One page of incidents, newest first: those with id < before (0: from
 * the newest), of `status` (-1 any), whose reference or title contains
 * `q` (NULL: any; case-insensitive), recorded by `creator` (NULL: any).
 */
struct incident_page {
	int status;
	int64_t before;
	const char *q;
	const char *creator;
	int64_t limit;
};
enum err store_incident_page(
    struct store *, const struct incident_page *, incident_cb, void *);
/* The actor of an incident's first event. */
enum err store_incident_creator(
    struct store *, int64_t id, struct arena *, const char **actor);

/*
 * The subject index (docs/subjects.md): keyed hashes of our data subjects'
 * identifiers, never the identifiers.  Writes run in the caller's write
 * transaction, so a re-import replaces everything or nothing.
 */
struct subject_secret {
	unsigned char secret[32];
	int64_t created_at;
	const char *phone_region;
	int64_t subjects, identifiers;
};
/* ERR_NOTFOUND when there is no index yet; strings in `a`. */
enum err store_subject_secret_get(
    struct store *, struct arena *a, struct subject_secret *out);
enum err store_subject_secret_put(
    struct store *, const struct subject_secret *);
/* Remove every subject, ref block and identifier. */
enum err store_subject_clear(struct store *);
/* The row id of subject `ref`, created when new. */
enum err store_subject_insert(struct store *, const char *ref, int64_t *id);
/* A block of `n` packed identifiers (n * 32 bytes; scan/matcher.h). */
enum err store_subject_pack_insert(struct store *, const void *data, size_t n);
/* Every block in order; `data` valid during the call. */
typedef enum err (*subject_pack_cb)(void *, const void *data, size_t n);
enum err store_subject_pack_each(struct store *, subject_pack_cb, void *);
/* Every subject by row id; `ref` valid during the call. */
typedef enum err (*subject_cb)(void *, int64_t id, const char *ref);
enum err store_subject_each(struct store *, subject_cb, void *);
/* The refs of subjects first .. first + n - 1 in one block: `len` bytes,
 * each ref ended by a NUL (store/schema/sqlite/0010_subject_ref.sql). */
enum err store_subject_ref_pack_insert(
    struct store *, int64_t first, size_t n, const char *data, size_t len);
/* Every block in order; `data` valid during the call, not checked. */
typedef enum err (*subject_ref_pack_cb)(
    void *, int64_t first, size_t n, const char *data, size_t len);
enum err store_subject_ref_pack_each(
    struct store *, subject_ref_pack_cb, void *);

#endif
