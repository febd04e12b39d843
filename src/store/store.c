/* SPDX-License-Identifier: MIT */
/*
 * store/store.c: open/close/transactions and the typed store_*() calls,
 * written once on top of the backend vtable and the statement table.  No
 * business logic lives here: the callers (svc/) decide, the store records.
 */
#include "base/base.h"

#include "base/xalloc.h"
#include "model/facts.h"
#include "store/store.h"
#include "store/store_int.h"

enum { MIGRATIONS_MAX = 64 };

struct store {
	const struct backend *be;
	void *h;
	int version;
	int newest;
	char msg[512];
	struct arena *scratch; /* rows passed to callbacks */
};

#define B (st->be)
#define H (st->h)

static enum err
st_fail(struct store *st)
{
	snprintf(st->msg, sizeof(st->msg), "%s", B->errmsg(H));
	return B->last_err(H) == ERR_OK ? ERR_DB : B->last_err(H);
}

enum err
store_open(
    const char *path, enum store_mode mode, struct store **out, char **errmsg)
{
	struct migration m[MIGRATIONS_MAX];
	struct store *st = xcalloc(1, sizeof(*st));
	size_t n;
	enum err rc;

	*errmsg = NULL;
	st->be = &backend_sqlite;
	n = migrations_get(st->be->dialect, m, nitems(m));
	st->newest = n > 0 ? m[n - 1].version : 0;
	rc = B->open(path, (int)mode, st->newest, &st->h, errmsg);
	if (rc != ERR_OK)
		goto fail;
	st->version = B->schema_version(H);
	for (size_t i = 0; i < n; i++) {
		if (m[i].version <= st->version)
			continue;
		rc = B->migrate(H, &m[i]);
		if (rc != ERR_OK) {
			*errmsg = xasprintf("%s: migration %s failed: %s", path,
			    m[i].name, B->errmsg(H));
			goto fail;
		}
		st->version = m[i].version;
	}
	rc = B->prepare_all(H);
	if (rc != ERR_OK) {
		*errmsg = xasprintf("%s: %s", path, B->errmsg(H));
		goto fail;
	}
	st->scratch = arena_new();
	*out = st;
	return ERR_OK;
fail:
	if (st->h != NULL)
		B->close(H);
	free(st);
	return rc;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	B->close(H);
	arena_free(st->scratch);
	free(st);
}

const char *
store_errmsg(const struct store *st)
{
	return st->msg;
}

void
store_schema_version(const struct store *st, int *have, int *newest)
{
	*have = st->version;
	*newest = st->newest;
}

enum err
store_begin_write(struct store *st)
{
	return B->begin(H, true) == ERR_OK ? ERR_OK : st_fail(st);
}

enum err
store_begin_read(struct store *st)
{
	return B->begin(H, false) == ERR_OK ? ERR_OK : st_fail(st);
}

enum err
store_commit(struct store *st)
{
	return B->commit(H) == ERR_OK ? ERR_OK : st_fail(st);
}

void
store_rollback(struct store *st)
{
	B->rollback(H);
}

/* ---- helpers ----------------------------------------------------------- */

static void
bind_time(struct store *st, enum stmt s, int idx, int64_t t)
{
	if (t == TIME_UNKNOWN)
		B->bind_null(H, s, idx);
	else
		B->bind_i64(H, s, idx, t);
}

static int64_t
col_time(struct store *st, enum stmt s, int col)
{
	return B->col_null(H, s, col) ? TIME_UNKNOWN : B->col_i64(H, s, col);
}

static const char *
col_str(struct store *st, enum stmt s, int col, struct arena *a)
{
	const char *v = B->col_text(H, s, col);

	return v != NULL ? arena_strdup(a, v) : NULL;
}

static void
col_hex(struct store *st, enum stmt s, int col, char out[SHA256_HEX])
{
	const char *v = B->col_text(H, s, col);

	snprintf(out, SHA256_HEX, "%s", v != NULL ? v : "");
}

/* Step a statement that returns no row or one row we ignore. */
static enum err
run(struct store *st, enum stmt s)
{
	enum step r = B->step(H, s);
	enum err rc = r == STEP_ERR ? st_fail(st) : ERR_OK;

	B->reset(H, s);
	return rc;
}

/* Step a statement that RETURNING one id. */
static enum err
run_id(struct store *st, enum stmt s, int64_t *id)
{
	enum step r = B->step(H, s);
	enum err rc = ERR_OK;

	if (r == STEP_ROW)
		*id = B->col_i64(H, s, 0);
	else
		rc = r == STEP_ERR ? st_fail(st) : ERR_INTERNAL;
	B->reset(H, s);
	return rc;
}

/*
 * Collect rows of `s` into a growing arena array of `size`-byte elements,
 * filling each with `read`.
 */
typedef void (*row_reader)(struct store *, enum stmt, struct arena *, void *);

static enum err
collect(struct store *st, enum stmt s, struct arena *a, size_t size,
    row_reader read, void **out, size_t *n)
{
	enum step r;
	size_t cap = 8;
	char *v = arena_allocarray(a, cap, size);

	*n = 0;
	while ((r = B->step(H, s)) == STEP_ROW) {
		if (*n == cap) {
			char *w = arena_allocarray(a, cap * 2, size);

			memcpy(w, v, cap * size);
			v = w;
			cap *= 2;
		}
		read(st, s, a, v + (*n)++ * size);
	}
	B->reset(H, s);
	*out = v;
	return r == STEP_ERR ? st_fail(st) : ERR_OK;
}

/* Step `s` for at most one row read by `read` into `out`. */
static enum err
get_one(
    struct store *st, enum stmt s, struct arena *a, row_reader read, void *out)
{
	enum step r = B->step(H, s);
	enum err rc = ERR_NOTFOUND;

	if (r == STEP_ROW) {
		read(st, s, a, out);
		rc = ERR_OK;
	} else if (r == STEP_ERR) {
		rc = st_fail(st);
	}
	B->reset(H, s);
	return rc;
}

/* ---- settings, refseq, regimes ------------------------------------------ */

/* One text column of the row whose key is `key`; ERR_NOTFOUND if none. */
static enum err
get_text_by_key(struct store *st, enum stmt s, const char *key, struct arena *a,
    const char **out)
{
	enum step r;
	enum err rc = ERR_NOTFOUND;

	B->bind_text(H, s, 1, key);
	r = B->step(H, s);
	if (r == STEP_ROW) {
		*out = col_str(st, s, 0, a);
		rc = ERR_OK;
	} else if (r == STEP_ERR) {
		rc = st_fail(st);
	}
	B->reset(H, s);
	return rc;
}

enum err
store_setting_get(
    struct store *st, const char *key, struct arena *a, const char **out)
{
	return get_text_by_key(st, STMT_SETTING_GET, key, a, out);
}

enum err
store_setting_set(struct store *st, const char *key, const char *value)
{
	B->bind_text(H, STMT_SETTING_SET, 1, key);
	B->bind_text(H, STMT_SETTING_SET, 2, value);
	return run(st, STMT_SETTING_SET);
}

enum err
store_setting_del(struct store *st, const char *key)
{
	B->bind_text(H, STMT_SETTING_DEL, 1, key);
	return run(st, STMT_SETTING_DEL);
}

enum err
store_refseq_next(
    struct store *st, const char *prefix, int64_t year, int64_t *out)
{
	B->bind_text(H, STMT_REFSEQ_NEXT, 1, prefix);
	B->bind_i64(H, STMT_REFSEQ_NEXT, 2, year);
	return run_id(st, STMT_REFSEQ_NEXT, out);
}

enum err
store_refseq_each(struct store *st, refseq_cb cb, void *arg)
{
	enum stmt s = STMT_REFSEQ_EACH;
	enum step r;
	enum err rc = ERR_OK;

	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW)
		rc = cb(arg, B->col_text(H, s, 0), B->col_i64(H, s, 1),
		    B->col_i64(H, s, 2));
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

enum err
store_regime_put(struct store *st, const char *id, const char *body, int64_t at,
    const char *actor)
{
	enum stmt s = STMT_REGIME_PUT;

	B->bind_text(H, s, 1, id);
	B->bind_text(H, s, 2, body);
	B->bind_i64(H, s, 3, at);
	B->bind_text(H, s, 4, actor);
	return run(st, s);
}

enum err
store_regime_get(
    struct store *st, const char *id, struct arena *a, const char **body)
{
	return get_text_by_key(st, STMT_REGIME_GET, id, a, body);
}

enum err
store_regime_each(struct store *st, struct arena *a, regime_cb cb, void *arg)
{
	enum stmt s = STMT_REGIME_EACH;
	enum step r;
	enum err rc = ERR_OK;

	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW)
		rc = cb(arg, col_str(st, s, 0, a), col_str(st, s, 1, a));
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

/* ---- incidents ---------------------------------------------------------- */

enum err
store_incident_insert(struct store *st, struct incident *in)
{
	enum stmt s = STMT_INCIDENT_INSERT;

	B->bind_text(H, s, 1, in->ref);
	B->bind_text(H, s, 2, in->title);
	B->bind_text(H, s, 3, incident_status_names[in->status]);
	bind_time(st, s, 4, in->discovered_at);
	bind_time(st, s, 5, in->aware_at);
	B->bind_i64(H, s, 6, in->created_at);
	B->bind_i64(H, s, 7, in->updated_at);
	bind_time(st, s, 8, in->closed_at);
	B->bind_text(H, s, 9, in->facts);
	B->bind_i64(H, s, 10, in->event_n);
	B->bind_text(H, s, 11, in->head_hash);
	return run_id(st, s, &in->id);
}

enum err
store_incident_update(struct store *st, const struct incident *in)
{
	enum stmt s = STMT_INCIDENT_UPDATE;
	enum err rc;

	B->bind_text(H, s, 1, in->title);
	B->bind_text(H, s, 2, incident_status_names[in->status]);
	bind_time(st, s, 3, in->discovered_at);
	bind_time(st, s, 4, in->aware_at);
	B->bind_i64(H, s, 5, in->updated_at);
	bind_time(st, s, 6, in->closed_at);
	B->bind_text(H, s, 7, in->facts);
	B->bind_i64(H, s, 8, in->event_n);
	B->bind_text(H, s, 9, in->head_hash);
	B->bind_i64(H, s, 10, in->id);
	rc = run(st, s);
	if (rc == ERR_OK && B->changes(H) != 1)
		rc = ERR_NOTFOUND;
	return rc;
}

static void
read_incident(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct incident *in = p;
	int k;

	in->id = B->col_i64(H, s, 0);
	in->ref = col_str(st, s, 1, a);
	in->title = col_str(st, s, 2, a);
	k = name_lookup(
	    incident_status_names, INCIDENT__MAX, B->col_text(H, s, 3));
	in->status = k < 0 ? INCIDENT_OPEN : (enum incident_status)k;
	in->discovered_at = col_time(st, s, 4);
	in->aware_at = col_time(st, s, 5);
	in->created_at = B->col_i64(H, s, 6);
	in->updated_at = B->col_i64(H, s, 7);
	in->closed_at = col_time(st, s, 8);
	in->event_n = B->col_i64(H, s, 9);
	col_hex(st, s, 10, in->head_hash);
	in->facts = col_str(st, s, 11, a);
}

enum err
store_incident_get(
    struct store *st, int64_t id, struct arena *a, struct incident *out)
{
	B->bind_i64(H, STMT_INCIDENT_GET, 1, id);
	return get_one(st, STMT_INCIDENT_GET, a, read_incident, out);
}

enum err
store_incident_get_by_ref(
    struct store *st, const char *ref, struct arena *a, struct incident *out)
{
	B->bind_text(H, STMT_INCIDENT_GET_REF, 1, ref);
	return get_one(st, STMT_INCIDENT_GET_REF, a, read_incident, out);
}

enum err
store_incident_each(struct store *st, const struct incident_filter *f,
    incident_cb cb, void *arg)
{
	enum stmt s =
	    f->with_facts ? STMT_INCIDENT_EACH_FACTS : STMT_INCIDENT_EACH;
	enum step r;
	enum err rc = ERR_OK;
	struct arena *a = arena_new();

	/* The status column is TEXT: compare it with the name, not the
	 * enum's number (a STRICT table never equates 1 and 'closed'). */
	B->bind_i64(H, s, 1, f->status);
	if (f->status >= 0 && f->status < INCIDENT__MAX)
		B->bind_text(H, s, 2, incident_status_names[f->status]);
	else
		B->bind_null(H, s, 2);
	B->bind_i64(H, s, 3, f->limit > 0 ? f->limit : -1);
	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW) {
		struct incident in;

		read_incident(st, s, a, &in);
		rc = cb(arg, &in);
		arena_free(a);
		a = arena_new();
	}
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	arena_free(a);
	return rc;
}

/* ---- events ------------------------------------------------------------- */

enum err
store_event_append(struct store *st, const struct event *ev)
{
	enum stmt s = STMT_EVENT_APPEND;

	B->bind_i64(H, s, 1, ev->incident_id);
	B->bind_i64(H, s, 2, ev->seq);
	B->bind_i64(H, s, 3, ev->at);
	B->bind_text(H, s, 4, ev->actor);
	B->bind_text(H, s, 5, ev->kind);
	B->bind_text(H, s, 6, ev->payload);
	B->bind_text(H, s, 7, ev->payload_digest);
	B->bind_text(H, s, 8, ev->prev_hash);
	B->bind_text(H, s, 9, ev->hash);
	return run(st, s);
}

enum err
store_event_each(struct store *st, int64_t incident_id, event_cb cb, void *arg)
{
	enum stmt s = STMT_EVENT_EACH;
	enum step r;
	enum err rc = ERR_OK;

	B->bind_i64(H, s, 1, incident_id);
	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW) {
		struct event ev;
		const char *p;

		ev.incident_id = B->col_i64(H, s, 0);
		ev.seq = B->col_i64(H, s, 1);
		ev.at = B->col_i64(H, s, 2);
		ev.actor = B->col_text(H, s, 3);
		ev.kind = B->col_text(H, s, 4);
		p = B->col_text(H, s, 5);
		ev.payload = p != NULL ? p : "";
		col_hex(st, s, 6, ev.payload_digest);
		ev.erased = B->col_i64(H, s, 7) != 0;
		col_hex(st, s, 8, ev.prev_hash);
		col_hex(st, s, 9, ev.hash);
		if (ev.actor == NULL)
			ev.actor = "";
		if (ev.kind == NULL)
			ev.kind = "";
		rc = cb(arg, &ev);
	}
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

enum err
store_event_erase(
    struct store *st, int64_t incident_id, int64_t seq, const char *payload)
{
	enum stmt s = STMT_EVENT_ERASE;
	enum err rc;

	B->bind_text(H, s, 1, payload);
	B->bind_i64(H, s, 2, incident_id);
	B->bind_i64(H, s, 3, seq);
	rc = run(st, s);
	if (rc == ERR_OK && B->changes(H) != 1)
		rc = ERR_NOTFOUND;
	return rc;
}

/* ---- obligations ------------------------------------------------------- */

static void
bind_obligation_state(
    struct store *st, enum stmt s, int i, const struct obligation *o)
{
	B->bind_i64(H, s, i++, o->anchor_at);
	B->bind_i64(H, s, i++, o->due_at);
	B->bind_text(H, s, i++, obl_status_names[o->status]);
	B->bind_text(
	    H, s, i++, o->phase == PHASE_NONE ? NULL : phase_names[o->phase]);
	bind_time(st, s, i++, o->filed_at);
	B->bind_text(H, s, i++, o->case_ref);
	B->bind_i64(H, s, i++, o->late);
	B->bind_text(H, s, i++, o->delay_reason);
	B->bind_text(H, s, i++, o->rationale);
	B->bind_text(H, s, i++, o->decided_by);
	bind_time(st, s, i, o->decided_at);
}

enum err
store_obligation_insert(struct store *st, struct obligation *o)
{
	enum stmt s = STMT_OBLIGATION_INSERT;

	B->bind_i64(H, s, 1, o->incident_id);
	B->bind_text(H, s, 2, o->regime);
	B->bind_text(H, s, 3, o->rule);
	B->bind_text(H, s, 4, o->recipient);
	B->bind_text(H, s, 5, o->label);
	B->bind_text(H, s, 6, o->article);
	B->bind_text(H, s, 7, obl_kind_names[o->kind]);
	B->bind_i64(H, s, 8, o->anchor_at);
	B->bind_i64(H, s, 9, o->due_at);
	B->bind_text(H, s, 10, obl_status_names[o->status]);
	B->bind_text(
	    H, s, 11, o->phase == PHASE_NONE ? NULL : phase_names[o->phase]);
	bind_time(st, s, 12, o->filed_at);
	B->bind_text(H, s, 13, o->case_ref);
	B->bind_i64(H, s, 14, o->late);
	B->bind_text(H, s, 15, o->delay_reason);
	B->bind_text(H, s, 16, o->rationale);
	B->bind_text(H, s, 17, o->decided_by);
	bind_time(st, s, 18, o->decided_at);
	B->bind_i64(H, s, 19, o->created_at);
	return run_id(st, s, &o->id);
}

enum err
store_obligation_update(struct store *st, const struct obligation *o)
{
	enum stmt s = STMT_OBLIGATION_UPDATE;
	enum err rc;

	bind_obligation_state(st, s, 1, o);
	B->bind_i64(H, s, 12, o->id);
	rc = run(st, s);
	if (rc == ERR_OK && B->changes(H) != 1)
		rc = ERR_NOTFOUND;
	return rc;
}

static void
read_obligation(
    struct store *st, enum stmt s, struct arena *a, struct obligation *o)
{
	int k;

	o->id = B->col_i64(H, s, 0);
	o->incident_id = B->col_i64(H, s, 1);
	o->regime = col_str(st, s, 2, a);
	o->rule = col_str(st, s, 3, a);
	o->recipient = col_str(st, s, 4, a);
	o->label = col_str(st, s, 5, a);
	o->article = col_str(st, s, 6, a);
	k = name_lookup(obl_kind_names, KIND__MAX, B->col_text(H, s, 7));
	o->kind = k < 0 ? KIND_DEADLINE : (enum obl_kind)k;
	o->anchor_at = B->col_i64(H, s, 8);
	o->due_at = B->col_i64(H, s, 9);
	k = name_lookup(obl_status_names, OBL__MAX, B->col_text(H, s, 10));
	o->status = k < 0 ? OBL_OPEN : (enum obl_status)k;
	k = name_lookup(phase_names, PHASE__MAX, B->col_text(H, s, 11));
	o->phase = k < 0 ? PHASE_NONE : (enum phase)k;
	o->filed_at = col_time(st, s, 12);
	o->case_ref = col_str(st, s, 13, a);
	o->late = B->col_i64(H, s, 14) != 0;
	o->delay_reason = col_str(st, s, 15, a);
	o->rationale = col_str(st, s, 16, a);
	o->decided_by = col_str(st, s, 17, a);
	o->decided_at = col_time(st, s, 18);
	o->created_at = B->col_i64(H, s, 19);
	o->incident_ref = col_str(st, s, 20, a);
}

static void
read_obligation_row(struct store *st, enum stmt s, struct arena *a, void *p)
{
	read_obligation(st, s, a, p);
}

enum err
store_obligation_list(struct store *st, int64_t incident_id, struct arena *a,
    struct obligation **out, size_t *n)
{
	B->bind_i64(H, STMT_OBLIGATION_LIST, 1, incident_id);
	return collect(st, STMT_OBLIGATION_LIST, a, sizeof(**out),
	    read_obligation_row, (void **)out, n);
}

static enum err
obligation_each(struct store *st, enum stmt s, obligation_cb cb, void *arg)
{
	enum step r;
	enum err rc = ERR_OK;

	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW) {
		struct obligation o;

		read_obligation(st, s, st->scratch, &o);
		rc = cb(arg, &o);
		arena_free(st->scratch);
		st->scratch = arena_new();
	}
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

enum err
store_obligation_each_open(struct store *st, obligation_cb cb, void *arg)
{
	return obligation_each(st, STMT_OBLIGATION_EACH_OPEN, cb, arg);
}

/* ---- filings and decisions --------------------------------------------- */

enum err
store_filing_insert(struct store *st, struct filing *f)
{
	enum stmt s = STMT_FILING_INSERT;

	B->bind_i64(H, s, 1, f->obligation_id);
	B->bind_text(H, s, 2, phase_names[f->phase]);
	B->bind_i64(H, s, 3, f->filed_at);
	B->bind_text(H, s, 4, f->case_ref);
	B->bind_i64(H, s, 5, f->late);
	B->bind_text(H, s, 6, f->delay_reason);
	B->bind_text(H, s, 7, f->actor);
	B->bind_i64(H, s, 8, f->recorded_at);
	B->bind_text(H, s, 9, f->filed_by);
	B->bind_text(H, s, 10, f->filed_by_contact);
	return run_id(st, s, &f->id);
}

static void
read_filing(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct filing *f = p;
	int k;

	f->id = B->col_i64(H, s, 0);
	f->obligation_id = B->col_i64(H, s, 1);
	k = name_lookup(phase_names, PHASE__MAX, B->col_text(H, s, 2));
	f->phase = k < 0 ? PHASE_INITIAL : (enum phase)k;
	f->filed_at = B->col_i64(H, s, 3);
	f->case_ref = col_str(st, s, 4, a);
	f->late = B->col_i64(H, s, 5) != 0;
	f->delay_reason = col_str(st, s, 6, a);
	f->actor = col_str(st, s, 7, a);
	f->recorded_at = B->col_i64(H, s, 8);
	f->filed_by = col_str(st, s, 9, a);
	f->filed_by_contact = col_str(st, s, 10, a);
}

enum err
store_filing_list(struct store *st, int64_t obligation_id, struct arena *a,
    struct filing **out, size_t *n)
{
	B->bind_i64(H, STMT_FILING_LIST, 1, obligation_id);
	return collect(st, STMT_FILING_LIST, a, sizeof(**out), read_filing,
	    (void **)out, n);
}

enum err
store_decision_insert(struct store *st, struct decision *d)
{
	enum stmt s = STMT_DECISION_INSERT;
	char ex[2] = { d->exception, '\0' };

	B->bind_i64(H, s, 1, d->incident_id);
	B->bind_text(H, s, 2, topic_names[d->topic]);
	B->bind_i64(H, s, 3, d->outcome);
	B->bind_text(H, s, 4, d->exception ? ex : NULL);
	B->bind_text(H, s, 5, d->rationale);
	B->bind_text(H, s, 6, d->actor);
	B->bind_i64(H, s, 7, d->decided_at);
	return run_id(st, s, &d->id);
}

static void
read_decision(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct decision *d = p;
	const char *ex;
	int k;

	d->id = B->col_i64(H, s, 0);
	d->incident_id = B->col_i64(H, s, 1);
	k = name_lookup(topic_names, TOPIC__MAX, B->col_text(H, s, 2));
	d->topic = k < 0 ? TOPIC_BREACH : (enum topic)k;
	d->outcome = B->col_i64(H, s, 3) != 0;
	ex = B->col_text(H, s, 4);
	d->exception = ex != NULL ? ex[0] : 0;
	d->rationale = col_str(st, s, 5, a);
	d->actor = col_str(st, s, 6, a);
	d->decided_at = B->col_i64(H, s, 7);
}

enum err
store_decision_list(struct store *st, int64_t incident_id, struct arena *a,
    struct decision **out, size_t *n)
{
	B->bind_i64(H, STMT_DECISION_LIST, 1, incident_id);
	return collect(st, STMT_DECISION_LIST, a, sizeof(**out), read_decision,
	    (void **)out, n);
}

/* ---- register columns and the register stream --------------------------- */

static void
bind_opt_i64(struct store *st, enum stmt s, int idx, int64_t v, int64_t none)
{
	if (v == none)
		B->bind_null(H, s, idx);
	else
		B->bind_i64(H, s, idx, v);
}

enum err
store_incident_reg_put(
    struct store *st, int64_t incident_id, const struct incident_reg *r)
{
	enum stmt s = STMT_INCIDENT_REG_PUT;

	B->bind_i64(H, s, 1, incident_id);
	B->bind_text(H, s, 2, r->role);
	bind_time(st, s, 3, r->occurred_from);
	bind_time(st, s, 4, r->occurred_to);
	bind_opt_i64(st, s, 5, r->confidentiality, -1);
	bind_opt_i64(st, s, 6, r->integrity, -1);
	bind_opt_i64(st, s, 7, r->availability, -1);
	B->bind_text(H, s, 8, r->breach_type);
	B->bind_text(H, s, 9, r->data_categories);
	B->bind_text(H, s, 10, r->subject_categories);
	bind_opt_i64(st, s, 11, r->subjects, -1);
	B->bind_i64(H, s, 12, r->subjects_estimate);
	bind_opt_i64(st, s, 13, r->records, -1);
	B->bind_text(H, s, 14, r->consequences_likely);
	B->bind_text(H, s, 15, r->consequences);
	B->bind_text(H, s, 16, r->measures_taken);
	return run(st, s);
}

static int64_t
col_opt_i64(struct store *st, enum stmt s, int col, int64_t none)
{
	return B->col_null(H, s, col) ? none : B->col_i64(H, s, col);
}

/*
 * The register columns starting at column `c` (REG_COLS).  With an arena
 * the strings are copied, else borrowed until the statement steps on.
 * False if the row has none (a LEFT JOIN without a match).
 */
static bool
read_reg(struct store *st, enum stmt s, int c, struct arena *a,
    struct incident_reg *r)
{
#define STR(i) \
	(a != NULL ? col_str(st, s, c + (i), a) : B->col_text(H, s, c + (i)))
	if (B->col_null(H, s, c + 10))
		return false;
	r->role = STR(0);
	r->occurred_from = col_time(st, s, c + 1);
	r->occurred_to = col_time(st, s, c + 2);
	r->confidentiality = (int)col_opt_i64(st, s, c + 3, -1);
	r->integrity = (int)col_opt_i64(st, s, c + 4, -1);
	r->availability = (int)col_opt_i64(st, s, c + 5, -1);
	r->breach_type = STR(6);
	r->data_categories = STR(7);
	r->subject_categories = STR(8);
	r->subjects = col_opt_i64(st, s, c + 9, -1);
	r->subjects_estimate = B->col_i64(H, s, c + 10) != 0;
	r->records = col_opt_i64(st, s, c + 11, -1);
	r->consequences_likely = STR(12);
	r->consequences = STR(13);
	r->measures_taken = STR(14);
#undef STR
	return true;
}

enum err
store_incident_reg_get(struct store *st, int64_t incident_id, struct arena *a,
    struct incident_reg *out)
{
	enum stmt s = STMT_INCIDENT_REG_GET;
	enum step r;
	enum err rc = ERR_NOTFOUND;

	B->bind_i64(H, s, 1, incident_id);
	r = B->step(H, s);
	if (r == STEP_ROW && read_reg(st, s, 0, a, out))
		rc = ERR_OK;
	else if (r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

/* A statement read in incident order alongside the incidents. */
struct stream {
	enum stmt s;
	enum step r;
};

/*
 * The rows of `c` whose incident (column 1) is `id`, into an arena array.
 * Rows of an incident that does not exist are skipped.
 */
static enum err
gather(struct store *st, struct stream *c, int64_t id, struct arena *a,
    size_t size, row_reader read, void **out, size_t *n)
{
	size_t cap = 0;
	char *v = NULL;

	*n = 0;
	while (c->r == STEP_ROW && B->col_i64(H, c->s, 1) < id)
		c->r = B->step(H, c->s);
	while (c->r == STEP_ROW && B->col_i64(H, c->s, 1) == id) {
		if (*n == cap) {
			char *w = arena_allocarray(a, cap ? cap * 2 : 4, size);

			if (cap > 0)
				memcpy(w, v, cap * size);
			v = w;
			cap = cap ? cap * 2 : 4;
		}
		read(st, c->s, a, v + (*n)++ * size);
		c->r = B->step(H, c->s);
	}
	*out = v;
	return c->r == STEP_ERR ? st_fail(st) : ERR_OK;
}

enum err
store_register_each(
    struct store *st, bool with_facts, register_cb cb, void *arg)
{
	enum stmt s =
	    with_facts ? STMT_REGISTER_EACH_FACTS : STMT_REGISTER_EACH;
	struct stream obl = { STMT_OBLIGATION_BY_INCIDENT, STEP_DONE };
	struct stream dec = { STMT_DECISION_BY_INCIDENT, STEP_DONE };
	struct arena *a = arena_new();
	enum err rc = ERR_OK;
	enum step r = STEP_DONE;

	obl.r = B->step(H, obl.s);
	dec.r = B->step(H, dec.s);
	if (obl.r == STEP_ERR || dec.r == STEP_ERR)
		rc = st_fail(st);
	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW) {
		struct incident in;
		struct incident_reg reg;
		struct obligation *ov = NULL;
		struct decision *dv = NULL;
		struct register_row row = { .in = &in };

		/* Borrowed: valid until `s` steps on, after the callback. */
		in.id = B->col_i64(H, s, 0);
		in.ref = B->col_text(H, s, 1);
		in.title = B->col_text(H, s, 2);
		in.status = name_lookup(incident_status_names, INCIDENT__MAX,
		                B->col_text(H, s, 3)) == INCIDENT_CLOSED
		                ? INCIDENT_CLOSED
		                : INCIDENT_OPEN;
		in.discovered_at = col_time(st, s, 4);
		in.aware_at = col_time(st, s, 5);
		in.created_at = B->col_i64(H, s, 6);
		in.updated_at = B->col_i64(H, s, 7);
		in.closed_at = col_time(st, s, 8);
		in.event_n = B->col_i64(H, s, 9);
		col_hex(st, s, 10, in.head_hash);
		in.facts = B->col_text(H, s, 11);
		if (read_reg(st, s, 12, NULL, &reg))
			row.reg = &reg;
		rc = gather(st, &obl, in.id, a, sizeof(*ov),
		    read_obligation_row, (void **)&ov, &row.obl_n);
		if (rc == ERR_OK)
			rc = gather(st, &dec, in.id, a, sizeof(*dv),
			    read_decision, (void **)&dv, &row.dec_n);
		if (rc != ERR_OK)
			break;
		for (size_t i = 0; ov != NULL && i < row.obl_n; i++)
			ov[i].incident_ref = in.ref;
		row.obl = ov;
		row.dec = dv;
		rc = cb(arg, &row);
		if (row.obl_n + row.dec_n > 0) {
			arena_free(a);
			a = arena_new();
		}
	}
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	B->reset(H, obl.s);
	B->reset(H, dec.s);
	arena_free(a);
	return rc;
}

/* ---- attachments -------------------------------------------------------- */

enum err
store_attachment_insert(
    struct store *st, struct attachment *at, const void *data, size_t len)
{
	enum stmt s = STMT_ATTACHMENT_INSERT;

	B->bind_i64(H, s, 1, at->incident_id);
	B->bind_text(H, s, 2, at->name);
	B->bind_i64(H, s, 3, at->size);
	B->bind_text(H, s, 4, at->sha256);
	B->bind_blob(H, s, 5, data, len);
	B->bind_i64(H, s, 6, at->added_at);
	B->bind_text(H, s, 7, at->actor);
	return run_id(st, s, &at->id);
}

static void
read_attachment(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct attachment *at = p;

	at->id = B->col_i64(H, s, 0);
	at->incident_id = B->col_i64(H, s, 1);
	at->name = col_str(st, s, 2, a);
	at->size = B->col_i64(H, s, 3);
	col_hex(st, s, 4, at->sha256);
	at->added_at = B->col_i64(H, s, 5);
	at->actor = col_str(st, s, 6, a);
}

enum err
store_attachment_list(struct store *st, int64_t incident_id, struct arena *a,
    struct attachment **out, size_t *n)
{
	B->bind_i64(H, STMT_ATTACHMENT_LIST, 1, incident_id);
	return collect(st, STMT_ATTACHMENT_LIST, a, sizeof(**out),
	    read_attachment, (void **)out, n);
}

enum err
store_attachment_content(struct store *st, int64_t id, struct arena *a,
    const void **data, size_t *len)
{
	enum stmt s = STMT_ATTACHMENT_CONTENT;
	enum step r;
	enum err rc = ERR_NOTFOUND;

	B->bind_i64(H, s, 1, id);
	r = B->step(H, s);
	if (r == STEP_ROW) {
		const void *p = B->col_blob(H, s, 0, len);
		void *copy = arena_alloc(a, *len + 1);

		if (*len > 0)
			memcpy(copy, p, *len);
		*data = copy;
		rc = ERR_OK;
	} else if (r == STEP_ERR) {
		rc = st_fail(st);
	}
	B->reset(H, s);
	return rc;
}

/* ---- assessments ------------------------------------------------------- */

enum err
store_assessment_insert(struct store *st, struct assessment_rec *r)
{
	enum stmt s = STMT_ASSESSMENT_INSERT;

	B->bind_i64(H, s, 1, r->incident_id);
	B->bind_i64(H, s, 2, r->version);
	B->bind_text(H, s, 3, r->facts_digest);
	B->bind_text(H, s, 4, r->result);
	B->bind_text(H, s, 5, r->result_digest);
	B->bind_i64(H, s, 6, r->created_at);
	B->bind_text(H, s, 7, r->actor);
	return run_id(st, s, &r->id);
}

static void
read_assessment(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct assessment_rec *r = p;

	r->id = B->col_i64(H, s, 0);
	r->incident_id = B->col_i64(H, s, 1);
	r->version = B->col_i64(H, s, 2);
	col_hex(st, s, 3, r->facts_digest);
	r->result = col_str(st, s, 4, a);
	col_hex(st, s, 5, r->result_digest);
	r->created_at = B->col_i64(H, s, 6);
	r->actor = col_str(st, s, 7, a);
}

enum err
store_assessment_list(struct store *st, int64_t incident_id, struct arena *a,
    struct assessment_rec **out, size_t *n)
{
	B->bind_i64(H, STMT_ASSESSMENT_LIST, 1, incident_id);
	return collect(st, STMT_ASSESSMENT_LIST, a, sizeof(**out),
	    read_assessment, (void **)out, n);
}

/* ---- the send log of letters --------------------------------------- */

enum err
store_letter_get(struct store *st, int64_t incident_id, const char *key,
    struct arena *a, struct letter_log *out)
{
	enum stmt s = STMT_LETTER_GET;
	enum step r;
	enum err rc = ERR_NOTFOUND;

	B->bind_i64(H, s, 1, incident_id);
	B->bind_text(H, s, 2, key);
	r = B->step(H, s);
	if (r == STEP_ROW) {
		memset(out, 0, sizeof(*out));
		out->incident_id = incident_id;
		out->key = arena_strdup(a, key);
		out->message_id = arena_strdup(a, B->col_text(H, s, 0));
		out->state = arena_strdup(a, B->col_text(H, s, 1));
		out->attempts = B->col_i64(H, s, 2);
		out->updated_at = B->col_i64(H, s, 3);
		out->detail = B->col_null(H, s, 4)
		                  ? NULL
		                  : arena_strdup(a, B->col_text(H, s, 4));
		rc = ERR_OK;
	} else if (r == STEP_ERR) {
		rc = st_fail(st);
	}
	B->reset(H, s);
	return rc;
}

enum err
store_letter_put(struct store *st, const struct letter_log *l)
{
	enum stmt s = STMT_LETTER_PUT;

	B->bind_i64(H, s, 1, l->incident_id);
	B->bind_text(H, s, 2, l->key);
	B->bind_text(H, s, 3, l->message_id);
	B->bind_text(H, s, 4, l->state);
	B->bind_i64(H, s, 5, l->attempts);
	B->bind_i64(H, s, 6, l->updated_at);
	if (l->detail != NULL)
		B->bind_text(H, s, 7, l->detail);
	else
		B->bind_null(H, s, 7);
	return run(st, s);
}

enum err
store_letter_doubt(struct store *st, int64_t incident_id, int64_t *n)
{
	enum err rc;

	B->bind_i64(H, STMT_LETTER_DOUBT, 1, incident_id);
	rc = run(st, STMT_LETTER_DOUBT);
	*n = rc == ERR_OK ? B->changes(H) : 0;
	return rc;
}

enum err
store_checkpoint(struct store *st)
{
	return B->checkpoint(H) == ERR_OK ? ERR_OK : st_fail(st);
}

void
store_autocheckpoint(struct store *st, int pages)
{
	B->autocheckpoint(H, pages);
}

void
store_busy_timeout(struct store *st, int ms)
{
	B->busy_timeout(H, ms);
}

void
store_mmap(struct store *st, int64_t bytes)
{
	B->mmap(H, bytes);
}

enum err
store_backup(struct store *st, const char *path)
{
	enum err rc = B->backup(H, path);

	if (rc != ERR_OK)
		snprintf(st->msg, sizeof(st->msg), "%s", B->errmsg(H));
	return rc;
}

/* ---- versioned documents: template overrides, authority files ---------- */

/*
 * Bind the version's body, sha256, created_at and actor to the insert `s`
 * from parameter `idx` on (its key comes before), step it and read back
 * the RETURNING id, version.
 */
static enum err
version_insert(struct store *st, enum stmt s, int idx, struct version_rec *v)
{
	enum step r;
	enum err rc = ERR_OK;

	if (v->body != NULL)
		B->bind_text(H, s, idx, v->body);
	else
		B->bind_null(H, s, idx);
	if (v->sha256 != NULL)
		B->bind_text(H, s, idx + 1, v->sha256);
	else
		B->bind_null(H, s, idx + 1);
	B->bind_i64(H, s, idx + 2, v->created_at);
	B->bind_text(H, s, idx + 3, v->actor);
	r = B->step(H, s);
	if (r == STEP_ROW) {
		v->id = B->col_i64(H, s, 0);
		v->version = B->col_i64(H, s, 1);
	} else {
		rc = r == STEP_ERR ? st_fail(st) : ERR_INTERNAL;
	}
	B->reset(H, s);
	return rc;
}

/* Read the version of a row "id, key..., version, body, ..." (version at `col`). */
static void
version_read(struct store *st, enum stmt s, int col, struct arena *a,
    struct version_rec *v)
{
	v->id = B->col_i64(H, s, 0);
	v->version = B->col_i64(H, s, col);
	v->body = col_str(st, s, col + 1, a);
	v->sha256 = col_str(st, s, col + 2, a);
	v->created_at = B->col_i64(H, s, col + 3);
	v->actor = col_str(st, s, col + 4, a);
}

enum err
store_template_insert(struct store *st, struct template_rec *t)
{
	enum stmt s = STMT_TEMPLATE_INSERT;

	B->bind_text(H, s, 1, t->kind);
	B->bind_text(H, s, 2, t->lang);
	B->bind_text(H, s, 3, t->kind);
	B->bind_text(H, s, 4, t->lang);
	return version_insert(st, s, 5, &t->v);
}

static void
read_template(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct template_rec *t = p;

	t->kind = col_str(st, s, 1, a);
	t->lang = col_str(st, s, 2, a);
	version_read(st, s, 3, a, &t->v);
}

enum err
store_template_active(struct store *st, const char *kind, const char *lang,
    struct arena *a, struct template_rec *out)
{
	B->bind_text(H, STMT_TEMPLATE_ACTIVE, 1, kind);
	B->bind_text(H, STMT_TEMPLATE_ACTIVE, 2, lang);
	return get_one(st, STMT_TEMPLATE_ACTIVE, a, read_template, out);
}

enum err
store_template_history(struct store *st, const char *kind, const char *lang,
    struct arena *a, struct template_rec **out, size_t *n)
{
	B->bind_text(H, STMT_TEMPLATE_HISTORY, 1, kind);
	B->bind_text(H, STMT_TEMPLATE_HISTORY, 2, lang);
	return collect(st, STMT_TEMPLATE_HISTORY, a, sizeof(**out),
	    read_template, (void **)out, n);
}

enum err
store_authority_insert(struct store *st, struct authority_rec *r)
{
	B->bind_text(H, STMT_AUTHORITY_INSERT, 1, r->code);
	B->bind_text(H, STMT_AUTHORITY_INSERT, 2, r->code);
	return version_insert(st, STMT_AUTHORITY_INSERT, 3, &r->v);
}

static void
read_authority(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct authority_rec *r = p;

	r->code = col_str(st, s, 1, a);
	version_read(st, s, 2, a, &r->v);
}

enum err
store_authority_active(struct store *st, const char *code, struct arena *a,
    struct authority_rec *out)
{
	B->bind_text(H, STMT_AUTHORITY_ACTIVE, 1, code);
	return get_one(st, STMT_AUTHORITY_ACTIVE, a, read_authority, out);
}

enum err
store_authority_history(struct store *st, const char *code, struct arena *a,
    struct authority_rec **out, size_t *n)
{
	B->bind_text(H, STMT_AUTHORITY_HISTORY, 1, code);
	return collect(st, STMT_AUTHORITY_HISTORY, a, sizeof(**out),
	    read_authority, (void **)out, n);
}

enum err
store_authority_newest(
    struct store *st, struct arena *a, struct authority_rec **out, size_t *n)
{
	return collect(st, STMT_AUTHORITY_NEWEST, a, sizeof(**out),
	    read_authority, (void **)out, n);
}

/* ---- accounts, sessions, tokens, reads, drafts -------------------------- */

static void
read_account_at(
    struct store *st, enum stmt s, int c, struct arena *a, struct account *o)
{
	o->id = B->col_i64(H, s, c);
	o->name = col_str(st, s, c + 1, a);
	o->role = col_str(st, s, c + 2, a);
	o->pw_hash = col_str(st, s, c + 3, a);
	o->failed = B->col_i64(H, s, c + 4);
	o->locked_until = B->col_i64(H, s, c + 5);
	o->disabled = B->col_i64(H, s, c + 6) != 0;
	o->lang = col_str(st, s, c + 7, a);
	o->created_at = B->col_i64(H, s, c + 8);
}

static void
read_account(struct store *st, enum stmt s, struct arena *a, void *p)
{
	read_account_at(st, s, 0, a, p);
}

enum err
store_account_insert(struct store *st, struct account *ac)
{
	enum stmt s = STMT_ACCOUNT_INSERT;

	B->bind_text(H, s, 1, ac->name);
	B->bind_text(H, s, 2, ac->role);
	B->bind_text(H, s, 3, ac->pw_hash);
	B->bind_text(H, s, 4, ac->lang != NULL ? ac->lang : "de");
	B->bind_i64(H, s, 5, ac->created_at);
	return run_id(st, s, &ac->id);
}

enum err
store_account_get(
    struct store *st, int64_t id, struct arena *a, struct account *out)
{
	B->bind_i64(H, STMT_ACCOUNT_GET, 1, id);
	return get_one(st, STMT_ACCOUNT_GET, a, read_account, out);
}

enum err
store_account_get_by_name(
    struct store *st, const char *name, struct arena *a, struct account *out)
{
	B->bind_text(H, STMT_ACCOUNT_GET_NAME, 1, name);
	return get_one(st, STMT_ACCOUNT_GET_NAME, a, read_account, out);
}

enum err
store_account_update(struct store *st, const struct account *ac)
{
	enum stmt s = STMT_ACCOUNT_UPDATE;
	enum err rc;

	B->bind_text(H, s, 1, ac->role);
	B->bind_text(H, s, 2, ac->pw_hash);
	B->bind_i64(H, s, 3, ac->failed);
	B->bind_i64(H, s, 4, ac->locked_until);
	B->bind_i64(H, s, 5, ac->disabled ? 1 : 0);
	B->bind_text(H, s, 6, ac->lang);
	B->bind_i64(H, s, 7, ac->id);
	rc = run(st, s);
	if (rc == ERR_OK && B->changes(H) != 1)
		rc = ERR_NOTFOUND;
	return rc;
}

enum err
store_account_list(
    struct store *st, struct arena *a, struct account **out, size_t *n)
{
	return collect(st, STMT_ACCOUNT_LIST, a, sizeof(**out), read_account,
	    (void **)out, n);
}

enum err
store_session_insert(struct store *st, const char *token_hash,
    int64_t account_id, const char *csrf, int64_t created_at,
    int64_t expires_at)
{
	enum stmt s = STMT_SESSION_INSERT;

	B->bind_text(H, s, 1, token_hash);
	B->bind_i64(H, s, 2, account_id);
	B->bind_text(H, s, 3, csrf);
	B->bind_i64(H, s, 4, created_at);
	B->bind_i64(H, s, 5, expires_at);
	return run(st, s);
}

enum err
store_session_get(struct store *st, const char *token_hash, struct arena *a,
    struct account *acc, const char **csrf, int64_t *expires_at)
{
	enum stmt s = STMT_SESSION_GET;
	enum step r;
	enum err rc = ERR_NOTFOUND;

	B->bind_text(H, s, 1, token_hash);
	r = B->step(H, s);
	if (r == STEP_ROW) {
		*csrf = col_str(st, s, 0, a);
		*expires_at = B->col_i64(H, s, 1);
		read_account_at(st, s, 2, a, acc);
		rc = ERR_OK;
	} else if (r == STEP_ERR) {
		rc = st_fail(st);
	}
	B->reset(H, s);
	return rc;
}

enum err
store_session_delete(
    struct store *st, const char *token_hash, int64_t all_of_account)
{
	enum stmt s = STMT_SESSION_DELETE;

	B->bind_text(H, s, 1, token_hash != NULL ? token_hash : "");
	B->bind_i64(H, s, 2, all_of_account != 0 ? 1 : 0);
	B->bind_i64(H, s, 3, all_of_account);
	return run(st, s);
}

enum err
store_session_purge(struct store *st, int64_t now)
{
	B->bind_i64(H, STMT_SESSION_PURGE, 1, now);
	return run(st, STMT_SESSION_PURGE);
}

enum err
store_token_insert(struct store *st, const char *token_hash, int64_t account_id,
    const char *label, int64_t created_at, int64_t *id)
{
	enum stmt s = STMT_TOKEN_INSERT;

	B->bind_text(H, s, 1, token_hash);
	B->bind_i64(H, s, 2, account_id);
	B->bind_text(H, s, 3, label);
	B->bind_i64(H, s, 4, created_at);
	return run_id(st, s, id);
}

enum err
store_token_get(struct store *st, const char *token_hash, struct arena *a,
    struct account *acc)
{
	B->bind_text(H, STMT_TOKEN_GET, 1, token_hash);
	return get_one(st, STMT_TOKEN_GET, a, read_account, acc);
}

enum err
store_token_revoke(struct store *st, int64_t id, int64_t at)
{
	enum err rc;

	B->bind_i64(H, STMT_TOKEN_REVOKE, 1, at);
	B->bind_i64(H, STMT_TOKEN_REVOKE, 2, id);
	rc = run(st, STMT_TOKEN_REVOKE);
	if (rc == ERR_OK && B->changes(H) != 1)
		rc = ERR_NOTFOUND;
	return rc;
}

static void
read_token(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct token_info *t = p;

	t->id = B->col_i64(H, s, 0);
	t->account = col_str(st, s, 1, a);
	t->label = col_str(st, s, 2, a);
	t->created_at = B->col_i64(H, s, 3);
	t->revoked_at = B->col_null(H, s, 4) ? 0 : B->col_i64(H, s, 4);
}

enum err
store_token_list(
    struct store *st, struct arena *a, struct token_info **out, size_t *n)
{
	return collect(
	    st, STMT_TOKEN_LIST, a, sizeof(**out), read_token, (void **)out, n);
}

enum err
store_access_insert(struct store *st, const struct access_rec *r)
{
	enum stmt s = STMT_ACCESS_INSERT;

	B->bind_i64(H, s, 1, r->incident_id);
	B->bind_i64(H, s, 2, r->at);
	B->bind_text(H, s, 3, r->actor);
	B->bind_text(H, s, 4, r->what);
	return run(st, s);
}

static void
read_access(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct access_rec *r = p;

	r->at = B->col_i64(H, s, 0);
	r->actor = col_str(st, s, 1, a);
	r->what = col_str(st, s, 2, a);
}

enum err
store_access_list(struct store *st, int64_t incident_id, int64_t limit,
    struct arena *a, struct access_rec **out, size_t *n)
{
	enum err rc;

	B->bind_i64(H, STMT_ACCESS_LIST, 1, incident_id);
	B->bind_i64(H, STMT_ACCESS_LIST, 2, limit > 0 ? limit : -1);
	rc = collect(st, STMT_ACCESS_LIST, a, sizeof(**out), read_access,
	    (void **)out, n);
	for (size_t i = 0; rc == ERR_OK && i < *n; i++)
		(*out)[i].incident_id = incident_id;
	return rc;
}

enum err
store_draft_put(struct store *st, int64_t *id, int64_t account_id,
    const char *facts, int64_t step, int64_t at)
{
	enum stmt s = *id == 0 ? STMT_DRAFT_INSERT : STMT_DRAFT_PUT;
	enum err rc;

	if (*id == 0) {
		B->bind_i64(H, s, 1, account_id);
		B->bind_text(H, s, 2, facts);
		B->bind_i64(H, s, 3, step);
		B->bind_i64(H, s, 4, at);
		return run_id(st, s, id);
	}
	B->bind_text(H, s, 1, facts);
	B->bind_i64(H, s, 2, step);
	B->bind_i64(H, s, 3, at);
	B->bind_i64(H, s, 4, *id);
	B->bind_i64(H, s, 5, account_id);
	rc = run(st, s);
	if (rc == ERR_OK && B->changes(H) != 1)
		rc = ERR_NOTFOUND;
	return rc;
}

enum err
store_draft_get(struct store *st, int64_t id, int64_t account_id,
    struct arena *a, const char **facts, int64_t *step)
{
	enum stmt s = STMT_DRAFT_GET;
	enum step r;
	enum err rc = ERR_NOTFOUND;

	B->bind_i64(H, s, 1, id);
	B->bind_i64(H, s, 2, account_id);
	r = B->step(H, s);
	if (r == STEP_ROW) {
		*facts = col_str(st, s, 0, a);
		*step = B->col_i64(H, s, 1);
		rc = ERR_OK;
	} else if (r == STEP_ERR) {
		rc = st_fail(st);
	}
	B->reset(H, s);
	return rc;
}

enum err
store_draft_delete(struct store *st, int64_t id, int64_t account_id)
{
	B->bind_i64(H, STMT_DRAFT_DELETE, 1, id);
	B->bind_i64(H, STMT_DRAFT_DELETE, 2, account_id);
	return run(st, STMT_DRAFT_DELETE);
}

enum err
store_incident_page(
    struct store *st, const struct incident_page *p, incident_cb cb, void *arg)
{
	enum stmt s = STMT_INCIDENT_PAGE;
	enum step r;
	enum err rc = ERR_OK;
	struct arena *a = arena_new();

	B->bind_i64(H, s, 1, p->status);
	if (p->status >= 0 && p->status < INCIDENT__MAX)
		B->bind_text(H, s, 2, incident_status_names[p->status]);
	else
		B->bind_null(H, s, 2);
	/* A plain upper bound, so that a page deep in the register is a range
	 * of the rowid and not a scan from the newest incident down. */
	B->bind_i64(H, s, 3, p->before > 0 ? p->before : INT64_MAX);
	for (int i = 0; i < 2; i++) {
		const char *v = i == 0 ? p->q : p->creator;

		if (v != NULL) {
			B->bind_text(H, s, 4 + 2 * i, v);
			B->bind_text(H, s, 5 + 2 * i, v);
		} else {
			B->bind_null(H, s, 4 + 2 * i);
			B->bind_null(H, s, 5 + 2 * i);
		}
	}
	B->bind_i64(H, s, 8, p->limit > 0 ? p->limit : -1);
	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW) {
		struct incident in;

		read_incident(st, s, a, &in);
		rc = cb(arg, &in);
		arena_free(a);
		a = arena_new();
	}
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	arena_free(a);
	return rc;
}

enum err
store_incident_creator(
    struct store *st, int64_t id, struct arena *a, const char **actor)
{
	enum stmt s = STMT_INCIDENT_CREATOR;
	enum step r;
	enum err rc = ERR_NOTFOUND;

	B->bind_i64(H, s, 1, id);
	r = B->step(H, s);
	if (r == STEP_ROW) {
		*actor = col_str(st, s, 0, a);
		rc = ERR_OK;
	} else if (r == STEP_ERR) {
		rc = st_fail(st);
	}
	B->reset(H, s);
	return rc;
}

/* ---- the intake wizard's drafts and the dashboard charts ---------------- */

static void
read_draft(struct store *st, enum stmt s, struct arena *a, void *p)
{
	struct draft_info *d = p;

	d->id = B->col_i64(H, s, 0);
	d->step = B->col_i64(H, s, 1);
	d->updated_at = B->col_i64(H, s, 2);
	d->title = col_str(st, s, 3, a);
}

enum err
store_draft_list(struct store *st, int64_t account_id, int64_t limit,
    struct arena *a, struct draft_info **out, size_t *n)
{
	B->bind_i64(H, STMT_DRAFT_LIST, 1, account_id);
	B->bind_i64(H, STMT_DRAFT_LIST, 2, limit > 0 ? limit : -1);
	return collect(
	    st, STMT_DRAFT_LIST, a, sizeof(**out), read_draft, (void **)out, n);
}

enum err
store_chart_event_max(struct store *st, int64_t *rowid)
{
	enum stmt s = STMT_CHART_EVENT_MAX;
	enum step r = B->step(H, s);
	enum err rc = ERR_OK;

	if (r == STEP_ROW)
		*rowid = B->col_i64(H, s, 0);
	else
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

static enum err
chart_rows(struct store *st, enum stmt s, chart_incident_cb cb, void *arg)
{
	enum step r;
	enum err rc = ERR_OK;

	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW)
		rc = cb(arg, B->col_i64(H, s, 0), B->col_i64(H, s, 1),
		    B->col_i64(H, s, 2) == 1, B->col_i64(H, s, 3) == 1,
		    B->col_i64(H, s, 4) == 1);
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

enum err
store_chart_incidents(struct store *st, chart_incident_cb cb, void *arg)
{
	return chart_rows(st, STMT_CHART_ALL, cb, arg);
}

enum err
store_chart_incident(
    struct store *st, int64_t id, chart_incident_cb cb, void *arg)
{
	B->bind_i64(H, STMT_CHART_ONE, 1, id);
	return chart_rows(st, STMT_CHART_ONE, cb, arg);
}

enum err
store_chart_changed(
    struct store *st, int64_t after, int64_t upto, chart_id_cb cb, void *arg)
{
	enum stmt s = STMT_CHART_CHANGED;
	enum step r;
	enum err rc = ERR_OK;

	B->bind_i64(H, s, 1, after);
	B->bind_i64(H, s, 2, upto);
	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW)
		rc = cb(arg, B->col_i64(H, s, 0));
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

enum err
store_chart_delays(
    struct store *st, int64_t since, chart_delay_cb cb, void *arg)
{
	enum stmt s = STMT_CHART_DELAYS;
	enum step r;
	enum err rc = ERR_OK;

	B->bind_i64(H, s, 1, since);
	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW)
		rc = cb(arg, B->col_i64(H, s, 0), B->col_i64(H, s, 1));
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

/* ---- the subject index --------------------------------------------------- */

enum err
store_subject_secret_get(
    struct store *st, struct arena *a, struct subject_secret *out)
{
	enum stmt s = STMT_SUBJECT_SECRET_GET;
	enum step r;
	enum err rc = ERR_NOTFOUND;
	const void *p;
	size_t len;

	r = B->step(H, s);
	if (r == STEP_ROW) {
		memset(out, 0, sizeof(*out));
		p = B->col_blob(H, s, 0, &len);
		if (p == NULL || len != sizeof(out->secret)) {
			snprintf(st->msg, sizeof(st->msg),
			    "the subject index secret is damaged");
			rc = ERR_INTERNAL;
		} else {
			memcpy(out->secret, p, len);
			out->created_at = B->col_i64(H, s, 1);
			out->phone_region = col_str(st, s, 2, a);
			out->subjects = B->col_i64(H, s, 3);
			out->identifiers = B->col_i64(H, s, 4);
			rc = ERR_OK;
		}
	} else if (r == STEP_ERR) {
		rc = st_fail(st);
	}
	B->reset(H, s);
	return rc;
}

enum err
store_subject_secret_put(struct store *st, const struct subject_secret *k)
{
	enum stmt s = STMT_SUBJECT_SECRET_PUT;

	B->bind_blob(H, s, 1, k->secret, sizeof(k->secret));
	B->bind_i64(H, s, 2, k->created_at);
	B->bind_text(H, s, 3, k->phone_region);
	B->bind_i64(H, s, 4, k->subjects);
	B->bind_i64(H, s, 5, k->identifiers);
	return run(st, s);
}

enum err
store_subject_clear(struct store *st)
{
	enum err rc = run(st, STMT_SUBJECT_PACK_CLEAR);

	if (rc == ERR_OK)
		rc = run(st, STMT_SUBJECT_REF_PACK_CLEAR);
	if (rc == ERR_OK)
		rc = run(st, STMT_SUBJECT_CLEAR);
	return rc;
}

enum err
store_subject_insert(struct store *st, const char *ref, int64_t *id)
{
	B->bind_text(H, STMT_SUBJECT_INSERT, 1, ref);
	return run_id(st, STMT_SUBJECT_INSERT, id);
}

enum err
store_subject_pack_insert(struct store *st, const void *data, size_t n)
{
	enum stmt s = STMT_SUBJECT_PACK_INSERT;

	B->bind_i64(H, s, 1, (int64_t)n);
	B->bind_blob(H, s, 2, data, n * 32);
	return run(st, s);
}

enum err
store_subject_pack_each(struct store *st, subject_pack_cb cb, void *arg)
{
	enum stmt s = STMT_SUBJECT_PACK_EACH;
	enum step r;
	enum err rc = ERR_OK;

	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW) {
		int64_t n = B->col_i64(H, s, 0);
		size_t len;
		const void *d = B->col_blob(H, s, 1, &len);

		if (d == NULL || n <= 0 || len != (size_t)n * 32) {
			snprintf(st->msg, sizeof(st->msg),
			    "a subject index block is damaged");
			rc = ERR_INTERNAL;
			break;
		}
		rc = cb(arg, d, (size_t)n);
	}
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

enum err
store_subject_each(struct store *st, subject_cb cb, void *arg)
{
	enum stmt s = STMT_SUBJECT_EACH;
	enum step r;
	enum err rc = ERR_OK;

	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW) {
		const char *ref = B->col_text(H, s, 1);

		rc = cb(arg, B->col_i64(H, s, 0), ref != NULL ? ref : "");
	}
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}

enum err
store_subject_ref_pack_insert(
    struct store *st, int64_t first, size_t n, const char *data, size_t len)
{
	enum stmt s = STMT_SUBJECT_REF_PACK_INSERT;

	B->bind_i64(H, s, 1, first);
	B->bind_i64(H, s, 2, (int64_t)n);
	B->bind_blob(H, s, 3, data, len);
	return run(st, s);
}

enum err
store_subject_ref_pack_each(struct store *st, subject_ref_pack_cb cb, void *arg)
{
	enum stmt s = STMT_SUBJECT_REF_PACK_EACH;
	enum step r;
	enum err rc = ERR_OK;

	while (rc == ERR_OK && (r = B->step(H, s)) == STEP_ROW) {
		int64_t first = B->col_i64(H, s, 0), n = B->col_i64(H, s, 1);
		size_t len;
		const void *d = B->col_blob(H, s, 2, &len);

		if (d == NULL || first < 1 || n < 1 || len == 0) {
			snprintf(st->msg, sizeof(st->msg),
			    "a block of subject ids is damaged");
			rc = ERR_INTERNAL;
			break;
		}
		rc = cb(arg, first, (size_t)n, d, len);
	}
	if (rc == ERR_OK && r == STEP_ERR)
		rc = st_fail(st);
	B->reset(H, s);
	return rc;
}
