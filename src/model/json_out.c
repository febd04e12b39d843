/* SPDX-License-Identifier: MIT */
/* model/json_out.c: records to JSON. */
#include "base/base.h"

#include "base/clock.h"
#include "model/facts.h"
#include "model/json_out.h"

json_t *
json_time(int64_t t)
{
	char b[ISO_LEN];

	if (t == TIME_UNKNOWN)
		return json_null();
	iso8601_format(t, b);
	return json_string(b);
}

static json_t *
json_str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* ---- the fields -------------------------------------------------------- */

void
incident_fields(
    const struct incident *in, const struct json_fields *f, void *arg)
{
	f->i64(arg, "id", in->id);
	f->str(arg, "ref", in->ref);
	f->str(arg, "title", in->title);
	f->str(arg, "status", incident_status_names[in->status]);
	f->time(arg, "discovered_at", in->discovered_at);
	f->time(arg, "aware_at", in->aware_at);
	f->time(arg, "created_at", in->created_at);
	f->time(arg, "updated_at", in->updated_at);
	f->time(arg, "closed_at", in->closed_at);
	f->i64(arg, "events", in->event_n);
	f->str(arg, "head_hash", in->head_hash);
}

void
obligation_fields(const struct obligation *o, int64_t now,
    const struct json_fields *f, void *arg)
{
	f->i64(arg, "id", o->id);
	f->str(arg, "incident", o->incident_ref);
	f->str(arg, "regime", o->regime);
	f->str(arg, "rule", o->rule);
	f->str(arg, "recipient", o->recipient);
	f->str(arg, "label", o->label);
	f->str(arg, "article", o->article);
	f->str(arg, "kind", obl_kind_names[o->kind]);
	f->time(arg, "anchor_at", o->anchor_at);
	f->time(arg, "due_at", o->due_at);
	f->str(arg, "status", obl_status_names[o->status]);
	f->str(arg, "phase",
	    o->phase == PHASE_NONE ? NULL : phase_names[o->phase]);
	f->time(arg, "filed_at", o->filed_at);
	f->str(arg, "case_ref", o->case_ref);
	f->boolean(arg, "late", o->late);
	f->str(arg, "delay_reason", o->delay_reason);
	f->str(arg, "rationale", o->rationale);
	f->str(arg, "decided_by", o->decided_by);
	f->time(arg, "decided_at", o->decided_at);
	if (o->status == OBL_OPEN) {
		f->i64(arg, "seconds_left", o->due_at - now);
		f->boolean(arg, "overdue", now > o->due_at);
	}
}

void
decision_fields(
    const struct decision *d, const struct json_fields *f, void *arg)
{
	char ex[2] = { d->exception, '\0' };

	f->i64(arg, "id", d->id);
	f->str(arg, "topic", topic_names[d->topic]);
	f->boolean(arg, "outcome", d->outcome);
	f->str(arg, "exception", d->exception ? ex : NULL);
	f->str(arg, "rationale", d->rationale);
	f->str(arg, "actor", d->actor);
	f->time(arg, "decided_at", d->decided_at);
}

/* ---- as a jansson tree --------------------------------------------------- */

static void
tree_i64(void *arg, const char *key, int64_t v)
{
	json_object_set_new(arg, key, json_integer(v));
}

static void
tree_str(void *arg, const char *key, const char *v)
{
	json_object_set_new(arg, key, json_str_or_null(v));
}

static void
tree_time(void *arg, const char *key, int64_t t)
{
	json_object_set_new(arg, key, json_time(t));
}

static void
tree_bool(void *arg, const char *key, bool v)
{
	json_object_set_new(arg, key, json_boolean(v));
}

static const struct json_fields tree = { tree_i64, tree_str, tree_time,
	tree_bool };

json_t *
incident_json(const struct incident *in)
{
	json_t *j = json_object();

	incident_fields(in, &tree, j);
	return j;
}

json_t *
obligation_json(const struct obligation *o, int64_t now)
{
	json_t *j = json_object();

	obligation_fields(o, now, &tree, j);
	return j;
}

json_t *
decision_json(const struct decision *d)
{
	json_t *j = json_object();

	decision_fields(d, &tree, j);
	return j;
}

/* ---- the same as text, without a tree ------------------------------------ */

size_t
json_escape_char(unsigned char c, char out[JSON_ESC_MAX])
{
	static const char hex[] = "0123456789ABCDEF";

	out[0] = '\\';
	switch (c) {
	case '"':
	case '\\':
		out[1] = (char)c;
		return 2;
	case '\b':
		out[1] = 'b';
		return 2;
	case '\f':
		out[1] = 'f';
		return 2;
	case '\n':
		out[1] = 'n';
		return 2;
	case '\r':
		out[1] = 'r';
		return 2;
	case '\t':
		out[1] = 't';
		return 2;
	default:
		out[1] = 'u';
		out[2] = '0';
		out[3] = '0';
		out[4] = hex[c >> 4];
		out[5] = hex[c & 15];
		return 6;
	}
}

enum err
json_str_put(struct buf *b, const char *s)
{
	const char *run = s;
	enum err rc;

	if (s == NULL)
		return buf_puts(b, "null");
	rc = buf_putc(b, '"');

	for (; rc == ERR_OK && *s != '\0'; s++) {
		char esc[JSON_ESC_MAX];

		if (!JSON_NEEDS_ESC(*s))
			continue;
		rc = buf_append(b, run, (size_t)(s - run));
		run = s + 1;
		if (rc == ERR_OK)
			rc = buf_append(
			    b, esc, json_escape_char((unsigned char)*s, esc));
	}
	if (rc == ERR_OK)
		rc = buf_append(b, run, (size_t)(s - run));
	return rc == ERR_OK ? buf_putc(b, '"') : rc;
}

static enum err
put_i64(struct buf *b, int64_t v)
{
	char d[24];
	size_t i = sizeof(d);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do {
		d[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		d[--i] = '-';
	return buf_append(b, d + i, sizeof(d) - i);
}

/* A writer of one object's members; the first error sticks. */
struct jw {
	struct buf *b;
	enum err rc;
	bool more; /* a member was written: the next needs a comma */
};

static void
jw_key(struct jw *w, const char *key)
{
	if (w->rc == ERR_OK)
		w->rc = buf_append(w->b, w->more ? ",\"" : "{\"", 2);
	if (w->rc == ERR_OK)
		w->rc = buf_append(w->b, key, strlen(key));
	if (w->rc == ERR_OK)
		w->rc = buf_append(w->b, "\":", 2);
	w->more = true;
}

static void
jw_str(void *arg, const char *key, const char *v)
{
	struct jw *w = arg;

	jw_key(w, key);
	if (w->rc == ERR_OK)
		w->rc = json_str_put(w->b, v);
}

static void
jw_i64(void *arg, const char *key, int64_t v)
{
	struct jw *w = arg;

	jw_key(w, key);
	if (w->rc == ERR_OK)
		w->rc = put_i64(w->b, v);
}

static void
jw_bool(void *arg, const char *key, bool v)
{
	struct jw *w = arg;

	jw_key(w, key);
	if (w->rc == ERR_OK)
		w->rc = buf_puts(w->b, v ? "true" : "false");
}

static void
jw_time(void *arg, const char *key, int64_t t)
{
	struct jw *w = arg;
	char iso[ISO_LEN + 2];
	size_t n;

	jw_key(w, key);
	if (w->rc != ERR_OK)
		return;
	if (t == TIME_UNKNOWN) {
		w->rc = buf_puts(w->b, "null");
		return;
	}
	/* Digits, signs, colons and letters: nothing to escape. */
	iso[0] = '"';
	iso8601_format(t, iso + 1);
	n = strlen(iso);
	iso[n] = '"';
	w->rc = buf_append(w->b, iso, n + 1);
}

static const struct json_fields compact = { jw_i64, jw_str, jw_time, jw_bool };

static enum err
jw_end(struct jw *w)
{
	if (w->rc == ERR_OK)
		w->rc = buf_puts(w->b, w->more ? "}" : "{}");
	return w->rc;
}

enum err
incident_json_put(const struct incident *in, struct buf *b)
{
	struct jw w = { b, ERR_OK, false };

	incident_fields(in, &compact, &w);
	return jw_end(&w);
}

enum err
obligation_json_put(const struct obligation *o, int64_t now, struct buf *b)
{
	struct jw w = { b, ERR_OK, false };

	obligation_fields(o, now, &compact, &w);
	return jw_end(&w);
}

json_t *
filing_json(const struct filing *f)
{
	return json_pack("{s:I, s:I, s:s, s:o, s:o, s:b, s:o, s:s, s:o}", "id",
	    (json_int_t)f->id, "obligation", (json_int_t)f->obligation_id,
	    "phase", phase_names[f->phase], "filed_at", json_time(f->filed_at),
	    "case_ref", json_str_or_null(f->case_ref), "late", f->late,
	    "delay_reason", json_str_or_null(f->delay_reason), "actor",
	    f->actor, "recorded_at", json_time(f->recorded_at));
}

json_t *
attachment_json(const struct attachment *at)
{
	return json_pack("{s:I, s:s, s:I, s:s, s:o, s:s}", "id",
	    (json_int_t)at->id, "name", at->name, "size", (json_int_t)at->size,
	    "sha256", at->sha256, "added_at", json_time(at->added_at), "actor",
	    at->actor);
}

json_t *
event_json(const struct event *ev)
{
	json_t *payload = json_loads(ev->payload, 0, NULL);

	return json_pack("{s:I, s:o, s:s, s:s, s:o, s:b, s:s, s:s}", "seq",
	    (json_int_t)ev->seq, "at", json_time(ev->at), "actor", ev->actor,
	    "kind", ev->kind, "payload",
	    payload != NULL ? payload : json_null(), "erased", ev->erased,
	    "payload_digest", ev->payload_digest, "hash", ev->hash);
}

json_t *
json_time_utc(int64_t t)
{
	char b[ISO_LEN];

	if (t == TIME_UNKNOWN)
		return json_null();
	iso8601_format_utc(t, b);
	return json_string(b);
}
