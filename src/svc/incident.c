/* SPDX-License-Identifier: MIT */
/*
 * svc/incident.c: creating, importing, editing, closing incidents; notes,
 * attachments and erasure.  Each validates before it opens the write
 * transaction and records an event for every change.
 */
#include "base/base.h"

#include "base/buf.h"
#include "base/clock.h"
#include "base/hash.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "model/json_out.h"
#include "svc/svc_int.h"

/* Validated facts ready to be stored. */
struct parsed {
	struct facts f;
	json_t *canon; /* facts_to_json_utc() */
	char *text;    /* dump of canon */
};

static void
parsed_release(struct parsed *p)
{
	json_decref(p->canon);
	free(p->text);
	p->canon = NULL;
	p->text = NULL;
}

static enum err
parse_facts_json(struct svc *s, const json_t *j, struct arena *a,
    struct parsed *p, struct svc_err *e)
{
	enum err rc;

	rc = facts_from_json(j, s->now, a, &p->f, &e->fe);
	if (rc != ERR_OK)
		return rc;
	p->canon = facts_to_json_utc(&p->f);
	p->text = json_dumps(p->canon, DUMP_FLAGS);
	if (p->text == NULL)
		BUG("json_dumps");
	return ERR_OK;
}

/* Insert a validated incident; runs inside the caller's transaction. */
static enum err
create_one(
    struct svc *s, struct parsed *p, const char **ref_out, struct svc_err *e)
{
	struct incident in;
	int64_t seq, year = clock_year(s->now);
	enum err rc;
	const char *prefix = NULL;
	char *ref;

	rc = svc_prefix(s, &prefix, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_refseq_next(s->st, prefix, year, &seq);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "numbering", e);
	ref = arena_printf(
	    s->a, "%s-%lld-%04lld", prefix, (long long)year, (long long)seq);
	memset(&in, 0, sizeof(in));
	in.ref = ref;
	in.title = p->f.title;
	in.status = INCIDENT_OPEN;
	in.discovered_at = p->f.discovered_at;
	in.aware_at = p->f.aware_at;
	in.created_at = s->now;
	in.updated_at = s->now;
	in.closed_at = TIME_UNKNOWN;
	in.facts = p->text;
	in.event_n = 0;
	snprintf(in.head_hash, sizeof(in.head_hash), "%s", chain_genesis);
	rc = store_incident_insert(s->st, &in);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "creating the incident", e);
	rc = svc_incident_facts(s, &in, p->canon, p->text, e);
	if (rc != ERR_OK)
		return rc;
	rc = svc_event(s, &in, "created",
	    json_pack("{s:s, s:O}", "ref", ref, "facts", p->canon), e);
	if (rc == ERR_OK)
		rc = svc_reconcile(s, &in, &p->f, e);
	if (rc == ERR_OK)
		rc = svc_incident_save(s, &in, e);
	if (rc == ERR_OK && ref_out != NULL)
		*ref_out = ref;
	return rc;
}

enum err
svc_incident_create(struct svc *s, const char *json, size_t len,
    const char **ref_out, struct svc_err *e)
{
	return svc_incident_create_also(s, json, len, NULL, NULL, ref_out, e);
}

enum err
svc_incident_create_also(struct svc *s, const char *json, size_t len,
    enum err (*also)(struct svc *, void *, struct svc_err *), void *arg,
    const char **ref_out, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct parsed p = { 0 };
	json_t *j = NULL;
	enum err rc;

	rc = facts_parse(json, len, s->now, a, &p.f, &j, &e->fe);
	if (rc == ERR_OK)
		rc = parse_facts_json(s, j, a, &p, e);
	if (rc != ERR_OK)
		goto out;
	rc = store_begin_write(s->st);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "creating the incident", e);
		goto out;
	}
	rc = create_one(s, &p, ref_out, e);
	if (rc == ERR_OK && also != NULL)
		rc = also(s, arg, e);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		if (e->msg[0] == '\0' && e->fe.n == 0)
			svc_store_err(s, rc, "creating the incident", e);
		store_rollback(s->st);
	}
out:
	json_decref(j);
	parsed_release(&p);
	arena_free(a);
	return rc;
}

/* Read one line of at most IMPORT_LINE_MAX bytes; false at EOF. */
static bool
read_line(FILE *fp, struct buf *b, bool *too_long)
{
	char chunk[8192];
	bool any = false;

	buf_reset(b);
	*too_long = false;
	while (fgets(chunk, sizeof(chunk), fp) != NULL) {
		size_t n = strlen(chunk);

		any = true;
		if (!*too_long && buf_append(b, chunk, n) != ERR_OK)
			*too_long = true;
		if (n > 0 && chunk[n - 1] == '\n')
			break;
	}
	while (b->len > 0 &&
	       (b->p[b->len - 1] == '\n' || b->p[b->len - 1] == '\r'))
		b->p[--b->len] = '\0';
	return any;
}

enum err
svc_incident_import(struct svc *s, FILE *fp, size_t *count, struct svc_err *e)
{
	struct buf line;
	size_t lineno = 0;
	enum err rc;
	bool too_long;

	*count = 0;
	buf_init(&line, IMPORT_LINE_MAX);
	rc = store_begin_write(s->st);
	if (rc != ERR_OK) {
		buf_release(&line);
		return svc_store_err(s, rc, "import", e);
	}
	while (read_line(fp, &line, &too_long)) {
		struct arena *a = arena_new();
		struct parsed p = { 0 };
		json_t *j = NULL;

		lineno++;
		if (too_long) {
			svc_err_msg(e, "line %zu: longer than %d bytes", lineno,
			    IMPORT_LINE_MAX);
			rc = ERR_INVAL;
		} else if (line.len == 0) {
			arena_free(a);
			continue;
		} else {
			rc = facts_parse(
			    line.p, line.len, s->now, a, &p.f, &j, &e->fe);
			if (rc == ERR_OK)
				rc = parse_facts_json(s, j, a, &p, e);
			if (rc == ERR_OK)
				rc = create_one(s, &p, NULL, e);
			if (rc != ERR_OK && e->msg[0] == '\0')
				svc_err_msg(e, "line %zu", lineno);
			else if (rc != ERR_OK) {
				char tmp[sizeof(e->msg)];

				snprintf(tmp, sizeof(tmp), "line %zu: %s",
				    lineno, e->msg);
				memcpy(e->msg, tmp, sizeof(tmp));
			}
		}
		json_decref(j);
		parsed_release(&p);
		arena_free(a);
		if (rc != ERR_OK)
			break;
		(*count)++;
	}
	buf_release(&line);
	if (rc == ERR_OK && ferror(fp)) {
		svc_err_msg(e, "read error after line %zu", lineno);
		rc = ERR_IO;
	}
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		if (e->msg[0] == '\0' && e->fe.n == 0)
			svc_store_err(s, rc, "import", e);
		store_rollback(s->st);
		*count = 0;
	}
	return rc;
}

/*
 * Apply the merge patch to the facts of `in` inside the caller's write
 * transaction: validate, record the "facts" event (the canonical diff),
 * reconcile the obligations and store the incident.  ERR_OK with a
 * message in e->msg when nothing changed (nothing is recorded).
 */
enum err
svc_facts_patch_tx(struct svc *s, struct incident *in, const json_t *patch,
    const char *reason, struct arena *a, struct svc_err *e)
{
	struct parsed p = { 0 };
	json_t *cur = NULL, *merged = NULL, *diff = NULL, *payload;
	enum err rc;
	int64_t old_aware;

	cur = json_loads(in->facts, 0, NULL);
	if (cur == NULL) {
		svc_err_msg(e, "%s: stored facts are not JSON", in->ref);
		rc = ERR_INTERNAL;
		goto out;
	}
	merged = json_merge_patch(cur, patch);
	rc = parse_facts_json(s, merged, a, &p, e);
	if (rc != ERR_OK)
		goto out;
	diff = json_merge_diff(cur, p.canon);
	if (json_object_size(diff) == 0) {
		svc_err_msg(e, "%s: nothing changed", in->ref);
		goto out; /* ERR_OK: an empty edit records nothing */
	}
	old_aware = in->aware_at;
	payload = json_pack("{s:O}", "patch", diff);
	if (reason != NULL && *reason)
		json_object_set_new(payload, "reason", json_string(reason));
	if (old_aware != TIME_UNKNOWN && p.f.aware_at != old_aware)
		json_object_set_new(payload, "awareness_corrected",
		    json_pack("{s:o, s:o}", "from", json_time_utc(old_aware),
		        "to", json_time_utc(p.f.aware_at)));
	rc = svc_event(s, in, "facts", payload, e);
	if (rc != ERR_OK)
		goto out;
	in->title = p.f.title;
	in->discovered_at = p.f.discovered_at;
	in->aware_at = p.f.aware_at;
	rc = svc_incident_facts(s, in, p.canon, p.text, e);
	in->facts = arena_strdup(a, p.text); /* outlives p */
	if (rc == ERR_OK)
		rc = svc_reconcile(s, in, &p.f, e);
	if (rc == ERR_OK)
		rc = svc_incident_save(s, in, e);
out:
	json_decref(cur);
	json_decref(merged);
	json_decref(diff);
	parsed_release(&p);
	return rc;
}

enum err
svc_incident_edit(struct svc *s, const char *id, const char *patch_s,
    size_t len, const char *reason, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	json_error_t jerr;
	json_t *patch = NULL;
	enum err rc;

	if (svc_check_text("reason", reason, false, e) != ERR_OK) {
		arena_free(a);
		return ERR_INVAL;
	}
	if (len > FACTS_JSON_MAX) {
		field_errors_add(&e->fe, "(top)",
		    "patch is %zu bytes; the "
		    "limit is %d",
		    len, FACTS_JSON_MAX);
		arena_free(a);
		return ERR_INVAL;
	}
	patch = json_loadb(patch_s, len, JSON_REJECT_DUPLICATES, &jerr);
	if (patch == NULL || !json_is_object(patch)) {
		if (patch == NULL)
			field_errors_add(&e->fe, "(json)",
			    "line %d, column "
			    "%d: %s",
			    jerr.line, jerr.column, jerr.text);
		else
			field_errors_add(&e->fe, "(top)",
			    "a merge patch must "
			    "be a JSON object");
		json_decref(patch);
		arena_free(a);
		return ERR_INVAL;
	}
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc == ERR_OK) {
		rc = svc_facts_patch_tx(s, &in, patch, reason, a, e);
		rc = svc_tx_finish(s, rc, e);
	}
	json_decref(patch);
	arena_free(a);
	return rc;
}

enum err
svc_incident_close(struct svc *s, const char *id, bool close,
    const char *reason, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	enum err rc;

	if (svc_check_text("reason", reason, close, e) != ERR_OK) {
		arena_free(a);
		return ERR_INVAL;
	}
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc != ERR_OK)
		goto out;
	if ((in.status == INCIDENT_CLOSED) == close) {
		svc_err_msg(
		    e, "%s is already %s", in.ref, close ? "closed" : "open");
		rc = ERR_CONFLICT;
	}
	if (rc == ERR_OK)
		rc = svc_event(s, &in, close ? "closed" : "reopened",
		    json_pack("{s:s?}", "reason", reason), e);
	if (rc == ERR_OK) {
		in.status = close ? INCIDENT_CLOSED : INCIDENT_OPEN;
		in.closed_at = close ? s->now : TIME_UNKNOWN;
		rc = svc_incident_save(s, &in, e);
	}
	rc = svc_tx_finish(s, rc, e);
out:
	arena_free(a);
	return rc;
}

enum err
svc_note(struct svc *s, const char *id, const char *text, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	enum err rc;

	if (svc_check_text("text", text, true, e) != ERR_OK) {
		arena_free(a);
		return ERR_INVAL;
	}
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc == ERR_OK) {
		rc = svc_event(
		    s, &in, "note", json_pack("{s:s}", "text", text), e);
		if (rc == ERR_OK)
			rc = svc_incident_save(s, &in, e);
		rc = svc_tx_finish(s, rc, e);
	}
	arena_free(a);
	return rc;
}

enum err
svc_attach(struct svc *s, const char *id, const char *name, const void *data,
    size_t len, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	struct attachment at;
	const char *why;
	enum err rc;

	why = text_problem(name, strlen(name), TEXT_SHORT_MAX, false);
	if (why != NULL || *name == '\0') {
		field_errors_add(&e->fe, "name", "%s", why ? why : "empty");
		arena_free(a);
		return ERR_INVAL;
	}
	if (len > ATTACH_MAX) {
		svc_err_msg(e,
		    "%s is %zu bytes; attachments may have at most "
		    "%d",
		    name, len, ATTACH_MAX);
		arena_free(a);
		return ERR_LIMIT;
	}
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc != ERR_OK)
		goto out;
	memset(&at, 0, sizeof(at));
	at.incident_id = in.id;
	at.name = name;
	at.size = (int64_t)len;
	sha256_hex(data, len, at.sha256);
	at.added_at = s->now;
	at.actor = s->actor;
	rc = store_attachment_insert(s->st, &at, data, len);
	if (rc != ERR_OK)
		svc_store_err(s, rc, "storing the attachment", e);
	if (rc == ERR_OK)
		rc = svc_event(s, &in, "attachment",
		    json_pack("{s:I, s:s, "
		              "s:I, s:s}",
		        "attachment", (json_int_t)at.id, "name", name, "size",
		        (json_int_t)len, "sha256", at.sha256),
		    e);
	if (rc == ERR_OK)
		rc = svc_incident_save(s, &in, e);
	rc = svc_tx_finish(s, rc, e);
	if (rc == ERR_OK)
		svc_err_msg(e, "%s", at.sha256);
out:
	arena_free(a);
	return rc;
}

/* ---- erasure ------------------------------------------------------------- */

/* Replace the string at dotted `path` inside `root` by the mark. */
static bool
erase_path(json_t *root, const char *path)
{
	char buf[96];
	char *dot;
	json_t *grp = root, *v;

	if (!json_is_object(root))
		return false;
	snprintf(buf, sizeof(buf), "%s", path);
	dot = strchr(buf, '.');
	if (dot != NULL) {
		*dot = '\0';
		grp = json_object_get(root, buf);
		if (!json_is_object(grp))
			return false;
		path = dot + 1;
	} else {
		path = buf;
	}
	v = json_object_get(grp, path);
	if (json_is_string(v) &&
	    strcmp(json_string_value(v), ERASED_MARK) != 0) {
		json_object_set_new(grp, path, json_string(ERASED_MARK));
		return true;
	}
	if (json_is_array(v)) {
		size_t i;
		json_t *it;
		bool any = false;

		json_array_foreach (v, i, it) {
			if (json_is_string(it) &&
			    strcmp(json_string_value(it), ERASED_MARK) != 0) {
				json_array_set_new(
				    v, i, json_string(ERASED_MARK));
				any = true;
			}
		}
		return any;
	}
	return false;
}

struct erase_ctx {
	struct svc *s;
	const char *const *paths;
	size_t paths_n;
	bool notes;
	size_t n;
	int64_t seqs[4096];
	char *payloads[4096];
};

static enum err
erase_collect(void *arg, const struct event *ev)
{
	struct erase_ctx *x = arg;
	json_t *p, *target = NULL;
	bool changed = false;

	p = json_loads(ev->payload, 0, NULL);
	if (p == NULL)
		return ERR_OK;
	if (strcmp(ev->kind, "created") == 0)
		target = json_object_get(p, "facts");
	else if (strcmp(ev->kind, "facts") == 0)
		target = json_object_get(p, "patch");
	for (size_t i = 0; target != NULL && i < x->paths_n; i++)
		changed |= erase_path(target, x->paths[i]);
	if (x->notes && strcmp(ev->kind, "note") == 0)
		changed |= erase_path(p, "text");
	if (changed) {
		if (x->n == nitems(x->seqs)) {
			json_decref(p);
			return ERR_LIMIT;
		}
		x->seqs[x->n] = ev->seq;
		x->payloads[x->n++] = json_dumps(p, DUMP_FLAGS);
	}
	json_decref(p);
	return ERR_OK;
}

enum err
svc_erase(struct svc *s, const char *id, const char *const *paths,
    size_t paths_n, bool notes, const char *reason, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct erase_ctx *x = xcalloc(1, sizeof(*x));
	struct incident in;
	struct facts f;
	json_t *cur = NULL, *evs, *flds;
	enum err rc;
	char *text = NULL;

	if (svc_check_text("reason", reason, true, e) != ERR_OK) {
		rc = ERR_INVAL;
		goto out_nofinish;
	}
	if (paths_n == 0 && !notes) {
		svc_err_msg(e, "nothing to erase: name facts with --field or "
		               "give --notes");
		rc = ERR_INVAL;
		goto out_nofinish;
	}
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc != ERR_OK)
		goto out_nofinish;
	cur = json_loads(in.facts, 0, NULL);
	for (size_t i = 0; i < paths_n; i++) {
		if (cur != NULL)
			erase_path(cur, paths[i]);
	}
	x->s = s;
	x->paths = paths;
	x->paths_n = paths_n;
	x->notes = notes;
	rc = store_event_each(s->st, in.id, erase_collect, x);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "reading the history", e);
		goto out;
	}
	if (x->n == 0) {
		svc_err_msg(e,
		    "%s: nothing to erase (no such text in the "
		    "facts or notes, or already erased)",
		    in.ref);
		rc = ERR_NOTFOUND;
		goto out;
	}
	for (size_t i = 0; i < x->n && rc == ERR_OK; i++) {
		rc =
		    store_event_erase(s->st, in.id, x->seqs[i], x->payloads[i]);
		if (rc != ERR_OK)
			svc_store_err(s, rc, "erasing", e);
	}
	if (rc != ERR_OK)
		goto out;
	/* The erased facts must still validate: the mark is a string. */
	rc = facts_from_json(cur, INT64_MAX / 2, a, &f, &e->fe);
	if (rc != ERR_OK)
		goto out;
	text = json_dumps(cur, DUMP_FLAGS);
	rc = svc_incident_facts(s, &in, cur, text, e);
	if (rc != ERR_OK)
		goto out;
	evs = json_array();
	for (size_t i = 0; i < x->n; i++)
		json_array_append_new(evs, json_integer(x->seqs[i]));
	flds = json_array();
	for (size_t i = 0; i < paths_n; i++)
		json_array_append_new(flds, json_string(paths[i]));
	rc = svc_event(s, &in, "erasure",
	    json_pack("{s:o, s:o, s:b, s:s}", "events", evs, "fields", flds,
	        "notes", notes, "reason", reason),
	    e);
	if (rc == ERR_OK)
		rc = svc_incident_save(s, &in, e);
out:
	rc = svc_tx_finish(s, rc, e);
out_nofinish:
	for (size_t i = 0; i < x->n; i++)
		free(x->payloads[i]);
	free(x);
	free(text);
	json_decref(cur);
	arena_free(a);
	return rc;
}
