/* SPDX-License-Identifier: MIT */
/*
 * svc/verify.c: prove the register was not rewritten.  For every incident:
 * the chain (sequence, prev_hash, hash), each payload against its digest
 * (erased payloads must be named by a later erasure event), the head
 * against the incident row, the current facts against a replay of the log,
 * and attachment contents against their SHA-256.  Across incidents: every
 * reference number issued still exists, so deleting a whole incident shows.
 */
#include "base/base.h"

#include "base/hash.h"
#include "model/json_out.h"
#include "svc/svc_int.h"

struct vctx {
	const char	*ref;
	int64_t		 expect_seq;
	char		 prev[SHA256_HEX];
	json_t		*facts;		/* replayed */
	json_t		*erased_ok;	/* seqs named by erasure events */
	json_t		*erased_seen;	/* seqs marked erased */
	size_t		 obligations;	/* "created" obligation events */
	size_t		 attachments;
	int64_t		 bad_seq;
	char		 problem[256];
};

static enum err
verify_event(void *arg, const struct event *ev)
{
	struct vctx	*v = arg;
	char		 h[SHA256_HEX], d[SHA256_HEX];
	json_t		*p, *x;
	size_t		 i;

	if (v->bad_seq != 0)
		return ERR_OK;
	if (ev->seq != v->expect_seq) {
		v->bad_seq = ev->seq;
		snprintf(v->problem, sizeof(v->problem), "expected event %lld "
		    "here: an event was deleted or the log reordered",
		    (long long)v->expect_seq);
		return ERR_OK;
	}
	if (strcmp(ev->prev_hash, v->prev) != 0) {
		v->bad_seq = ev->seq;
		snprintf(v->problem, sizeof(v->problem), "prev_hash does not "
		    "match the event before: an event was deleted, inserted "
		    "or reordered");
		return ERR_OK;
	}
	chain_hash(v->ref, ev, h);
	if (strcmp(h, ev->hash) != 0) {
		v->bad_seq = ev->seq;
		snprintf(v->problem, sizeof(v->problem), "hash mismatch: the "
		    "event's time, actor, kind or digest was rewritten");
		return ERR_OK;
	}
	sha256_hex(ev->payload, strlen(ev->payload), d);
	if (ev->erased) {
		json_array_append_new(v->erased_seen, json_integer(ev->seq));
	} else if (strcmp(d, ev->payload_digest) != 0) {
		v->bad_seq = ev->seq;
		snprintf(v->problem, sizeof(v->problem), "payload does not "
		    "match its digest: the %s event was rewritten", ev->kind);
		return ERR_OK;
	}
	p = json_loads(ev->payload, 0, NULL);
	if (p == NULL) {
		v->bad_seq = ev->seq;
		snprintf(v->problem, sizeof(v->problem), "payload is not "
		    "JSON");
		return ERR_OK;
	}
	if (strcmp(ev->kind, "created") == 0) {
		json_decref(v->facts);
		v->facts = json_incref(json_object_get(p, "facts"));
	} else if (strcmp(ev->kind, "facts") == 0 && v->facts != NULL) {
		x = json_merge_patch(v->facts, json_object_get(p, "patch"));
		json_decref(v->facts);
		v->facts = x;
	} else if (strcmp(ev->kind, "erasure") == 0) {
		json_array_foreach(json_object_get(p, "events"), i, x)
			json_array_append(v->erased_ok, x);
		/* The erasure rewrote the earlier payloads, so the replayed
		 * facts already carry the mark where the state does. */
	} else if (strcmp(ev->kind, "obligation") == 0 &&
	    json_is_string(json_object_get(p, "action")) &&
	    strcmp(json_string_value(json_object_get(p, "action")),
	    "created") == 0) {
		v->obligations++;
	} else if (strcmp(ev->kind, "attachment") == 0) {
		v->attachments++;
	}
	json_decref(p);
	snprintf(v->prev, sizeof(v->prev), "%s", ev->hash);
	v->expect_seq++;
	return ERR_OK;
}

struct vall {
	struct store	*st;
	verify_cb	 cb;
	void		*arg;
	size_t		 checked;
	size_t		 bad;
	enum err	 rc;
};

static bool
in_array(const json_t *arr, json_int_t n)
{
	size_t	 i;
	json_t	*x;

	json_array_foreach(arr, i, x) {
		if (json_integer_value(x) == n)
			return true;
	}
	return false;
}

static void
check_state(struct vall *va, const struct incident *in, struct vctx *v)
{
	struct arena		*a = arena_new();
	struct obligation	*o;
	struct attachment	*at;
	size_t			 n, i;
	json_t			*cur, *x;

	if (v->bad_seq != 0)
		goto out;
	json_array_foreach(v->erased_seen, i, x) {
		if (!in_array(v->erased_ok, json_integer_value(x))) {
			v->bad_seq = json_integer_value(x);
			snprintf(v->problem, sizeof(v->problem), "marked erased "
			    "but no erasure event names it: payload "
			    "rewritten");
			goto out;
		}
	}
	if (v->expect_seq - 1 != in->event_n ||
	    strcmp(v->prev, in->head_hash) != 0) {
		v->bad_seq = v->expect_seq;
		snprintf(v->problem, sizeof(v->problem), "the log ends at "
		    "event %lld but the incident records %lld events: events "
		    "were deleted from the end", (long long)v->expect_seq - 1,
		    (long long)in->event_n);
		goto out;
	}
	cur = json_loads(in->facts, 0, NULL);
	if (cur == NULL || v->facts == NULL || !json_equal(cur, v->facts)) {
		v->bad_seq = in->event_n;
		snprintf(v->problem, sizeof(v->problem), "the current facts "
		    "do not agree with the log: the state was changed behind "
		    "breachkit's back");
	}
	json_decref(cur);
	if (v->bad_seq != 0)
		goto out;
	if (store_obligation_list(va->st, in->id, a, &o, &n) != ERR_OK ||
	    n != v->obligations) {
		v->bad_seq = in->event_n;
		snprintf(v->problem, sizeof(v->problem), "%zu obligations "
		    "stored but %zu created in the log", n, v->obligations);
		goto out;
	}
	if (store_attachment_list(va->st, in->id, a, &at, &n) != ERR_OK ||
	    n != v->attachments) {
		v->bad_seq = in->event_n;
		snprintf(v->problem, sizeof(v->problem), "%zu attachments "
		    "stored but %zu added in the log", n, v->attachments);
		goto out;
	}
	for (i = 0; i < n; i++) {
		const void	*data;
		size_t		 len;
		char		 h[SHA256_HEX];

		if (store_attachment_content(va->st, at[i].id, a, &data,
		    &len) != ERR_OK)
			continue;
		sha256_hex(data, len, h);
		if (strcmp(h, at[i].sha256) != 0) {
			v->bad_seq = in->event_n;
			snprintf(v->problem, sizeof(v->problem), "attachment "
			    "\"%.60s\" does not match its SHA-256",
			    at[i].name);
			goto out;
		}
	}
out:
	arena_free(a);
}

static enum err
verify_incident(void *arg, const struct incident *in)
{
	struct vall	*va = arg;
	struct vctx	 v;
	enum err	 rc;

	memset(&v, 0, sizeof(v));
	v.ref = in->ref;
	v.expect_seq = 1;
	snprintf(v.prev, sizeof(v.prev), "%s", chain_genesis);
	v.erased_ok = json_array();
	v.erased_seen = json_array();
	rc = store_event_each(va->st, in->id, verify_event, &v);
	if (rc == ERR_OK)
		check_state(va, in, &v);
	va->checked++;
	if (v.bad_seq != 0) {
		va->bad++;
		if (va->cb != NULL)
			va->cb(va->arg, in->ref, v.bad_seq, v.problem);
	}
	json_decref(v.facts);
	json_decref(v.erased_ok);
	json_decref(v.erased_seen);
	return rc;
}

static enum err
verify_refseq(void *arg, const char *prefix, int64_t year, int64_t last)
{
	struct vall	*va = arg;
	struct arena	*a = arena_new();

	for (int64_t i = 1; i <= last; i++) {
		struct incident	 in;
		char		 ref[64];

		snprintf(ref, sizeof(ref), "%s-%lld-%04lld", prefix,
		    (long long)year, (long long)i);
		if (store_incident_get_by_ref(va->st, ref, a, &in) ==
		    ERR_NOTFOUND) {
			va->bad++;
			if (va->cb != NULL)
				va->cb(va->arg, ref, 0, "issued, but the incident is "
			    "gone: it was deleted");
		}
		if (i % 1024 == 0) {
			arena_free(a);
			a = arena_new();
		}
	}
	arena_free(a);
	return ERR_OK;
}

enum err
svc_verify(struct store *st, verify_cb cb, void *arg, size_t *checked,
    size_t *bad, struct svc_err *e)
{
	struct incident_filter	 f = { .status = -1, .with_facts = true };
	struct vall		 va = { .st = st, .cb = cb, .arg = arg };
	enum err		 rc;

	rc = store_begin_read(st);
	if (rc == ERR_OK)
		rc = store_incident_each(st, &f, verify_incident, &va);
	if (rc == ERR_OK)
		rc = store_refseq_each(st, verify_refseq, &va);
	store_rollback(st);
	if (rc != ERR_OK)
		svc_err_msg(e, "verify: %s", store_errmsg(st));
	*checked = va.checked;
	*bad = va.bad;
	return rc;
}
