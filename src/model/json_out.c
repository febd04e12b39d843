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

json_t *
incident_json(const struct incident *in)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:I,"
	                 " s:s}",
	    "id", (json_int_t)in->id, "ref", in->ref, "title", in->title,
	    "status", incident_status_names[in->status], "discovered_at",
	    json_time(in->discovered_at), "aware_at", json_time(in->aware_at),
	    "created_at", json_time(in->created_at), "updated_at",
	    json_time(in->updated_at), "closed_at", json_time(in->closed_at),
	    "events", (json_int_t)in->event_n, "head_hash", in->head_hash);
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

/* A JSON string escaped as jansson's json_dumps() escapes it (no flags):
 * the quote, the backslash and control characters; UTF-8 as it is. */
static enum err
put_str(struct buf *b, const char *s)
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
jw_str(struct jw *w, const char *key, const char *v)
{
	jw_key(w, key);
	if (w->rc == ERR_OK)
		w->rc = put_str(w->b, v);
}

static void
jw_i64(struct jw *w, const char *key, int64_t v)
{
	jw_key(w, key);
	if (w->rc == ERR_OK)
		w->rc = put_i64(w->b, v);
}

static void
jw_bool(struct jw *w, const char *key, bool v)
{
	jw_key(w, key);
	if (w->rc == ERR_OK)
		w->rc = buf_puts(w->b, v ? "true" : "false");
}

static void
jw_time(struct jw *w, const char *key, int64_t t)
{
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

	jw_i64(&w, "id", in->id);
	jw_str(&w, "ref", in->ref);
	jw_str(&w, "title", in->title);
	jw_str(&w, "status", incident_status_names[in->status]);
	jw_time(&w, "discovered_at", in->discovered_at);
	jw_time(&w, "aware_at", in->aware_at);
	jw_time(&w, "created_at", in->created_at);
	jw_time(&w, "updated_at", in->updated_at);
	jw_time(&w, "closed_at", in->closed_at);
	jw_i64(&w, "events", in->event_n);
	jw_str(&w, "head_hash", in->head_hash);
	return jw_end(&w);
}

enum err
obligation_json_put(const struct obligation *o, int64_t now, struct buf *b)
{
	struct jw w = { b, ERR_OK, false };

	jw_i64(&w, "id", o->id);
	jw_str(&w, "incident", o->incident_ref);
	jw_str(&w, "regime", o->regime);
	jw_str(&w, "rule", o->rule);
	jw_str(&w, "recipient", o->recipient);
	jw_str(&w, "label", o->label);
	jw_str(&w, "article", o->article);
	jw_str(&w, "kind", obl_kind_names[o->kind]);
	jw_time(&w, "anchor_at", o->anchor_at);
	jw_time(&w, "due_at", o->due_at);
	jw_str(&w, "status", obl_status_names[o->status]);
	jw_str(
	    &w, "phase", o->phase == PHASE_NONE ? NULL : phase_names[o->phase]);
	jw_time(&w, "filed_at", o->filed_at);
	jw_str(&w, "case_ref", o->case_ref);
	jw_bool(&w, "late", o->late);
	jw_str(&w, "delay_reason", o->delay_reason);
	jw_str(&w, "rationale", o->rationale);
	jw_str(&w, "decided_by", o->decided_by);
	jw_time(&w, "decided_at", o->decided_at);
	if (o->status == OBL_OPEN) {
		jw_i64(&w, "seconds_left", o->due_at - now);
		jw_bool(&w, "overdue", now > o->due_at);
	}
	return jw_end(&w);
}

json_t *
obligation_json(const struct obligation *o, int64_t now)
{
	json_t *j;

	j = json_pack("{s:I, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o,"
	              " s:s, s:o, s:o, s:o, s:b, s:o, s:o, s:o, s:o}",
	    "id", (json_int_t)o->id, "incident",
	    json_str_or_null(o->incident_ref), "regime", o->regime, "rule",
	    o->rule, "recipient", o->recipient, "label", o->label, "article",
	    o->article, "kind", obl_kind_names[o->kind], "anchor_at",
	    json_time(o->anchor_at), "due_at", json_time(o->due_at), "status",
	    obl_status_names[o->status], "phase",
	    o->phase == PHASE_NONE ? json_null()
	                           : json_string(phase_names[o->phase]),
	    "filed_at", json_time(o->filed_at), "case_ref",
	    json_str_or_null(o->case_ref), "late", o->late, "delay_reason",
	    json_str_or_null(o->delay_reason), "rationale",
	    json_str_or_null(o->rationale), "decided_by",
	    json_str_or_null(o->decided_by), "decided_at",
	    json_time(o->decided_at));
	if (o->status == OBL_OPEN) {
		json_object_set_new(
		    j, "seconds_left", json_integer(o->due_at - now));
		json_object_set_new(
		    j, "overdue", json_boolean(now > o->due_at));
	}
	return j;
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
decision_json(const struct decision *d)
{
	char ex[2] = { d->exception, '\0' };

	return json_pack("{s:I, s:s, s:b, s:o, s:s, s:s, s:o}", "id",
	    (json_int_t)d->id, "topic", topic_names[d->topic], "outcome",
	    d->outcome, "exception",
	    d->exception ? json_string(ex) : json_null(), "rationale",
	    d->rationale, "actor", d->actor, "decided_at",
	    json_time(d->decided_at));
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
