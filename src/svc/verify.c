/* SPDX-License-Identifier: MIT */
/*
 * svc/verify.c: prove the register was not rewritten.  For every incident:
 * the chain (sequence, prev_hash, hash); each payload against its digest
 * (an erased payload must be named by a later erasure event); the head
 * against the incident row.  Then the log is replayed and every stored
 * record must agree with it: the facts and the incident row (title, times,
 * status), each obligation (due time, status, phase, filing time, case
 * reference, lateness, reasons), the decisions, the filings, the
 * attachments (and their content's SHA-256) and the assessments.  Across
 * incidents: every reference number issued still exists.  Against an
 * earlier export (--against): every incident it lists still exists and its
 * history still contains the head it had then, which catches a rewrite
 * that also fixed up the bookkeeping.
 */
#include "base/base.h"

#include <stdarg.h>

#include "base/clock.h"
#include "base/hash.h"
#include "base/str.h"
#include "model/json_out.h"
#include "svc/svc_int.h"

struct vctx {
	const char *ref;
	int64_t expect_seq;
	char prev[SHA256_HEX];
	json_t *facts;       /* replayed */
	json_t *erased_ok;   /* seqs named by erasure events */
	json_t *erased_seen; /* seqs marked erased */
	json_t *obl;         /* id -> replayed state */
	json_t *dec;         /* id -> decision */
	json_t *fil;         /* id -> filing */
	json_t *att;         /* id -> attachment */
	json_t *ass;         /* version -> digests */
	bool closed;
	int64_t closed_at;
	int64_t bad_seq;
	char problem[256];
};

static void bad(struct vctx *v, int64_t seq, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
bad(struct vctx *v, int64_t seq, const char *fmt, ...)
{
	va_list ap;

	if (v->bad_seq != 0)
		return;
	v->bad_seq = seq;
	va_start(ap, fmt);
	vsnprintf(v->problem, sizeof(v->problem), fmt, ap);
	va_end(ap);
}

/* An ISO time from a payload as seconds; TIME_UNKNOWN for null/absent. */
static int64_t
ptime(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	const char *why;
	int64_t t;

	if (!json_is_string(v) ||
	    iso8601_parse(json_string_value(v), json_string_length(v), &t,
	        &why) != ERR_OK)
		return TIME_UNKNOWN;
	return t;
}

static json_t *
jtime(int64_t t)
{
	return t == TIME_UNKNOWN ? json_null() : json_integer(t);
}

static const char *
idkey(char buf[24], json_int_t id)
{
	snprintf(buf, 24, "%lld", (long long)id);
	return buf;
}

static void
replay_obligation(struct vctx *v, const struct event *ev, const json_t *p)
{
	const char *action = json_string_value(json_object_get(p, "action"));
	char k[24];
	json_t *o;

	idkey(k, json_integer_value(json_object_get(p, "obligation")));
	if (action == NULL)
		return;
	if (strcmp(action, "created") == 0) {
		int64_t anchor = ptime(p, "anchor_at");

		json_object_set_new(v->obl, k,
		    json_pack("{s:o, s:o, s:s, s:n,"
		              " s:n, s:n, s:b, s:n, s:n, s:n, s:n}",
		        "anchor_at",
		        jtime(anchor == TIME_UNKNOWN ? ev->at : anchor),
		        "due_at", jtime(ptime(p, "due_at")), "status", "open",
		        "phase", "filed_at", "case_ref", "late", 0,
		        "delay_reason", "rationale", "decided_by",
		        "decided_at"));
		return;
	}
	o = json_object_get(v->obl, k);
	if (o == NULL) {
		bad(v, ev->seq,
		    "names obligation %s, which the log never "
		    "created",
		    k);
		return;
	}
	if (strcmp(action, "due_changed") == 0) {
		json_object_set_new(
		    o, "anchor_at", jtime(ptime(p, "new_anchor_at")));
		json_object_set_new(o, "due_at", jtime(ptime(p, "new_due_at")));
		json_object_set(o, "late", json_object_get(p, "late"));
	} else if (strcmp(action, "not_required") == 0 ||
	           strcmp(action, "lapsed") == 0) {
		const json_t *d = json_object_get(v->dec,
		    idkey(
		        k, json_integer_value(json_object_get(p, "decision"))));
		const char *why =
		    json_string_value(json_object_get(d, "rationale"));
		json_t *r;

		json_object_set_new(o, "status", json_string("not_required"));
		if (strcmp(action, "lapsed") == 0)
			r = json_incref(json_object_get(p, "rationale"));
		else if (d != NULL && why != NULL &&
		         str_eq(json_string_value(json_object_get(d, "topic")),
		             "breach"))
			r = json_sprintf("%s%s", NOT_A_BREACH, why);
		else
			r = why != NULL ? json_string(why) : NULL;
		json_object_set_new(o, "rationale", r ? r : json_null());
		json_object_set_new(o, "decided_by", json_string(ev->actor));
		json_object_set_new(o, "decided_at", json_integer(ev->at));
	} else if (strcmp(action, "reopened") == 0) {
		json_object_set_new(o, "status", json_string("open"));
		json_object_set_new(o, "rationale", json_null());
		json_object_set_new(o, "decided_by", json_null());
		json_object_set_new(o, "decided_at", json_null());
	}
}

static void
replay_filing(struct vctx *v, const struct event *ev, const json_t *p)
{
	char k[24];
	json_t *o;
	const char *phase = json_string_value(json_object_get(p, "phase"));

	idkey(k, json_integer_value(json_object_get(p, "obligation")));
	o = json_object_get(v->obl, k);
	if (o == NULL || phase == NULL) {
		bad(v, ev->seq,
		    "a filing for obligation %s, which the log "
		    "never created",
		    k);
		return;
	}
	json_object_set_new(v->fil,
	    idkey(k, json_integer_value(json_object_get(p, "filing"))),
	    json_pack("{s:s, s:o, s:O, s:O,"
	              " s:O, s:s, s:I}",
	        "phase", phase, "filed_at", jtime(ptime(p, "filed_at")),
	        "case_ref",
	        json_object_get(p, "case_ref") ? json_object_get(p, "case_ref")
	                                       : json_null(),
	        "late", json_object_get(p, "late"), "delay_reason",
	        json_object_get(p, "delay_reason")
	            ? json_object_get(p, "delay_reason")
	            : json_null(),
	        "actor", ev->actor, "obligation",
	        json_integer_value(json_object_get(p, "obligation"))));
	/* Since 0006: who submitted it (absent from older events). */
	json_object_set_new(json_object_get(v->fil, k), "filed_by",
	    json_is_string(json_object_get(p, "filed_by"))
	        ? json_incref(json_object_get(p, "filed_by"))
	        : json_null());
	json_object_set_new(json_object_get(v->fil, k), "filed_by_contact",
	    json_is_string(json_object_get(p, "filed_by_contact"))
	        ? json_incref(json_object_get(p, "filed_by_contact"))
	        : json_null());
	if (strcmp(phase, "initial") == 0) {
		json_object_set_new(o, "filed_at", jtime(ptime(p, "filed_at")));
		json_object_set_new(o, "late",
		    json_boolean(json_is_true(json_object_get(o, "late")) ||
		                 json_is_true(json_object_get(p, "late"))));
		json_object_set(o, "delay_reason",
		    json_object_get(p, "delay_reason")
		        ? json_object_get(p, "delay_reason")
		        : json_null());
	}
	json_object_set_new(o, "status",
	    json_string(
	        strcmp(phase, "withdrawn") == 0 ? "withdrawn" : "filed"));
	json_object_set_new(o, "phase", json_string(phase));
	json_object_set(o, "case_ref",
	    json_object_get(p, "case_ref") ? json_object_get(p, "case_ref")
	                                   : json_null());
}

/* Apply one verified event to the replayed state. */
static void
replay(struct vctx *v, const struct event *ev, json_t *p)
{
	char k[24];
	json_t *x;
	size_t i;

	if (strcmp(ev->kind, "created") == 0) {
		json_decref(v->facts);
		v->facts = json_incref(json_object_get(p, "facts"));
	} else if (strcmp(ev->kind, "facts") == 0 && v->facts != NULL) {
		x = json_merge_patch(v->facts, json_object_get(p, "patch"));
		json_decref(v->facts);
		v->facts = x;
	} else if (strcmp(ev->kind, "closed") == 0) {
		v->closed = true;
		v->closed_at = ev->at;
	} else if (strcmp(ev->kind, "reopened") == 0) {
		v->closed = false;
		v->closed_at = TIME_UNKNOWN;
	} else if (strcmp(ev->kind, "erasure") == 0) {
		/* The erasure rewrote the earlier payloads, so the replayed
		 * facts already carry the mark where the state does. */
		json_array_foreach (json_object_get(p, "events"), i, x)
			json_array_append(v->erased_ok, x);
	} else if (strcmp(ev->kind, "obligation") == 0) {
		replay_obligation(v, ev, p);
	} else if (strcmp(ev->kind, "filing") == 0) {
		replay_filing(v, ev, p);
	} else if (strcmp(ev->kind, "decision") == 0) {
		json_object_set_new(v->dec,
		    idkey(
		        k, json_integer_value(json_object_get(p, "decision"))),
		    json_pack("{s:O, s:O,"
		              " s:O, s:O, s:s, s:I}",
		        "topic", json_object_get(p, "topic"), "outcome",
		        json_object_get(p, "outcome"), "exception",
		        json_object_get(p, "exception"), "rationale",
		        json_object_get(p, "rationale"), "actor", ev->actor,
		        "at", (json_int_t)ev->at));
	} else if (strcmp(ev->kind, "attachment") == 0) {
		json_object_set(v->att,
		    idkey(k,
		        json_integer_value(json_object_get(p, "attachment"))),
		    p);
	} else if (strcmp(ev->kind, "assessment") == 0) {
		json_object_set(v->ass,
		    idkey(k, json_integer_value(json_object_get(p, "version"))),
		    p);
	}
}

static enum err
verify_event(void *arg, const struct event *ev)
{
	struct vctx *v = arg;
	char h[SHA256_HEX], d[SHA256_HEX];
	json_t *p;

	if (v->bad_seq != 0)
		return ERR_OK;
	if (ev->seq != v->expect_seq) {
		bad(v, ev->seq,
		    "expected event %lld here: an event was "
		    "deleted or the log reordered",
		    (long long)v->expect_seq);
		return ERR_OK;
	}
	if (strcmp(ev->prev_hash, v->prev) != 0) {
		bad(v, ev->seq,
		    "prev_hash does not match the event before: an "
		    "event was deleted, inserted or reordered");
		return ERR_OK;
	}
	chain_hash(v->ref, ev, h);
	if (strcmp(h, ev->hash) != 0) {
		bad(v, ev->seq,
		    "hash mismatch: the event's time, actor, kind "
		    "or digest was rewritten");
		return ERR_OK;
	}
	sha256_hex(ev->payload, strlen(ev->payload), d);
	if (ev->erased) {
		json_array_append_new(v->erased_seen, json_integer(ev->seq));
	} else if (strcmp(d, ev->payload_digest) != 0) {
		bad(v, ev->seq,
		    "payload does not match its digest: the %s "
		    "event was rewritten",
		    ev->kind);
		return ERR_OK;
	}
	p = json_loads(ev->payload, 0, NULL);
	if (p == NULL) {
		bad(v, ev->seq, "payload is not JSON");
		return ERR_OK;
	}
	replay(v, ev, p);
	json_decref(p);
	snprintf(v->prev, sizeof(v->prev), "%s", ev->hash);
	v->expect_seq++;
	return ERR_OK;
}

struct vall {
	struct store *st;
	verify_cb cb;
	void *arg;
	size_t checked;
	size_t bad;
};

static bool
in_array(const json_t *arr, json_int_t n)
{
	size_t i;
	json_t *x;

	json_array_foreach (arr, i, x) {
		if (json_integer_value(x) == n)
			return true;
	}
	return false;
}

/* Compare one stored value with the replayed one; record a mismatch. */
static void
same(struct vctx *v, int64_t seq, const char *what, json_t *stored,
    const json_t *logged)
{
	char *a, *b;

	if (json_equal(stored, logged) ||
	    (json_is_null(stored) && logged == NULL)) {
		json_decref(stored);
		return;
	}
	a = json_dumps(stored, JSON_ENCODE_ANY);
	b = logged ? json_dumps(logged, JSON_ENCODE_ANY) : NULL;
	bad(v, seq,
	    "%s is %.40s in the register but %.40s in the log: the "
	    "state was changed behind breachkit's back",
	    what, a ? a : "?", b ? b : "absent");
	free(a);
	free(b);
	json_decref(stored);
}

static json_t *
jstr(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static void
check_obligations(
    struct vall *va, const struct incident *in, struct vctx *v, struct arena *a)
{
	struct obligation *o;
	size_t n;
	char k[24], what[64];

	if (store_obligation_list(va->st, in->id, a, &o, &n) != ERR_OK)
		return;
	if (n != json_object_size(v->obl)) {
		bad(v, in->event_n,
		    "%zu obligations stored but %zu created in "
		    "the log",
		    n, json_object_size(v->obl));
		return;
	}
	for (size_t i = 0; i < n && v->bad_seq == 0; i++) {
		const json_t *r = json_object_get(v->obl, idkey(k, o[i].id));

		if (r == NULL) {
			bad(v, in->event_n, "obligation #%s is not in the log",
			    k);
			return;
		}
#define CMP(field, val)                                              \
	snprintf(what, sizeof(what), "obligation #%s %s", k, field); \
	same(v, in->event_n, what, val, json_object_get(r, field))
		CMP("anchor_at", jtime(o[i].anchor_at));
		CMP("due_at", jtime(o[i].due_at));
		CMP("status", json_string(obl_status_names[o[i].status]));
		CMP("phase", o[i].phase == PHASE_NONE
		                 ? json_null()
		                 : json_string(phase_names[o[i].phase]));
		CMP("filed_at", jtime(o[i].filed_at));
		CMP("case_ref", jstr(o[i].case_ref));
		CMP("late", json_boolean(o[i].late));
		CMP("delay_reason", jstr(o[i].delay_reason));
		CMP("rationale", jstr(o[i].rationale));
		CMP("decided_by", jstr(o[i].decided_by));
		CMP("decided_at", jtime(o[i].decided_at));
#undef CMP
	}
}

static void
check_filings(
    struct vall *va, const struct incident *in, struct vctx *v, struct arena *a)
{
	struct obligation *o;
	struct filing *f;
	size_t n, fn, total = 0;
	char k[24], what[64];

	if (store_obligation_list(va->st, in->id, a, &o, &n) != ERR_OK)
		return;
	for (size_t i = 0; i < n && v->bad_seq == 0; i++) {
		if (store_filing_list(va->st, o[i].id, a, &f, &fn) != ERR_OK)
			return;
		total += fn;
		for (size_t j = 0; j < fn && v->bad_seq == 0; j++) {
			const json_t *r =
			    json_object_get(v->fil, idkey(k, f[j].id));

			if (r == NULL) {
				bad(v, in->event_n,
				    "filing #%s is not in the "
				    "log",
				    k);
				return;
			}
#define CMP(field, val)                                          \
	snprintf(what, sizeof(what), "filing #%s %s", k, field); \
	same(v, in->event_n, what, val, json_object_get(r, field))
			CMP("obligation", json_integer(f[j].obligation_id));
			CMP("phase", json_string(phase_names[f[j].phase]));
			CMP("filed_at", jtime(f[j].filed_at));
			CMP("case_ref", jstr(f[j].case_ref));
			CMP("late", json_boolean(f[j].late));
			CMP("delay_reason", jstr(f[j].delay_reason));
			CMP("actor", jstr(f[j].actor));
			CMP("filed_by", jstr(f[j].filed_by));
			CMP("filed_by_contact", jstr(f[j].filed_by_contact));
#undef CMP
		}
	}
	if (v->bad_seq == 0 && total != json_object_size(v->fil))
		bad(v, in->event_n, "%zu filings stored but %zu in the log",
		    total, json_object_size(v->fil));
}

static void
check_decisions(
    struct vall *va, const struct incident *in, struct vctx *v, struct arena *a)
{
	struct decision *d;
	size_t n;
	char k[24], what[64], ex[2] = { 0, 0 };

	if (store_decision_list(va->st, in->id, a, &d, &n) != ERR_OK)
		return;
	if (n != json_object_size(v->dec)) {
		bad(v, in->event_n, "%zu decisions stored but %zu in the log",
		    n, json_object_size(v->dec));
		return;
	}
	for (size_t i = 0; i < n && v->bad_seq == 0; i++) {
		const json_t *r = json_object_get(v->dec, idkey(k, d[i].id));

		if (r == NULL) {
			bad(v, in->event_n, "decision #%s is not in the log",
			    k);
			return;
		}
		ex[0] = d[i].exception;
#define CMP(field, val)                                            \
	snprintf(what, sizeof(what), "decision #%s %s", k, field); \
	same(v, in->event_n, what, val, json_object_get(r, field))
		CMP("topic", json_string(topic_names[d[i].topic]));
		CMP("outcome", json_boolean(d[i].outcome));
		CMP("exception",
		    d[i].exception ? json_string(ex) : json_null());
		CMP("rationale", jstr(d[i].rationale));
		CMP("actor", jstr(d[i].actor));
		CMP("at", json_integer(d[i].decided_at));
#undef CMP
	}
}

static void
check_attachments(
    struct vall *va, const struct incident *in, struct vctx *v, struct arena *a)
{
	struct attachment *at;
	size_t n, len;
	const void *data;
	char k[24], h[SHA256_HEX], what[64];

	if (store_attachment_list(va->st, in->id, a, &at, &n) != ERR_OK)
		return;
	if (n != json_object_size(v->att)) {
		bad(v, in->event_n,
		    "%zu attachments stored but %zu added in "
		    "the log",
		    n, json_object_size(v->att));
		return;
	}
	for (size_t i = 0; i < n && v->bad_seq == 0; i++) {
		const json_t *r = json_object_get(v->att, idkey(k, at[i].id));

		if (r == NULL) {
			bad(v, in->event_n, "attachment #%s is not in the log",
			    k);
			return;
		}
		snprintf(what, sizeof(what), "attachment #%s sha256", k);
		same(v, in->event_n, what, json_string(at[i].sha256),
		    json_object_get(r, "sha256"));
		snprintf(what, sizeof(what), "attachment #%s size", k);
		same(v, in->event_n, what, json_integer(at[i].size),
		    json_object_get(r, "size"));
		if (store_attachment_content(
		        va->st, at[i].id, a, &data, &len) != ERR_OK)
			continue;
		sha256_hex(data, len, h);
		if (strcmp(h, at[i].sha256) != 0)
			bad(v, in->event_n,
			    "attachment \"%.60s\" does not "
			    "match its SHA-256: the file was replaced",
			    at[i].name);
	}
}

static void
check_assessments(
    struct vall *va, const struct incident *in, struct vctx *v, struct arena *a)
{
	struct assessment_rec *as;
	size_t n;
	char k[24], h[SHA256_HEX], what[64];

	if (store_assessment_list(va->st, in->id, a, &as, &n) != ERR_OK)
		return;
	if (n != json_object_size(v->ass)) {
		bad(v, in->event_n,
		    "%zu assessments stored but %zu recorded "
		    "in the log",
		    n, json_object_size(v->ass));
		return;
	}
	for (size_t i = 0; i < n && v->bad_seq == 0; i++) {
		const json_t *r =
		    json_object_get(v->ass, idkey(k, as[i].version));

		sha256_hex(as[i].result, strlen(as[i].result), h);
		snprintf(what, sizeof(what), "assessment version %s", k);
		if (r == NULL || strcmp(h, as[i].result_digest) != 0)
			bad(v, in->event_n,
			    "%s does not match its digest: it "
			    "was rewritten",
			    what);
		else
			same(v, in->event_n, what, json_string(h),
			    json_object_get(r, "result_digest"));
	}
}

/*
 * The register columns (migration 0006) against the replayed facts: the
 * export shows the columns, so a change to them alone would falsify the
 * register without touching the facts or the log.
 */
static void
check_reg(
    struct vall *va, const struct incident *in, struct vctx *v, struct arena *a)
{
	struct incident_reg want, have;
	const char *col;
	enum err rc;

	facts_reg(v->facts, a, &want);
	rc = store_incident_reg_get(va->st, in->id, a, &have);
	if (rc == ERR_NOTFOUND)
		bad(v, in->event_n,
		    "the register columns are missing: the state was "
		    "changed behind breachkit's back");
	else if (rc != ERR_OK)
		bad(v, in->event_n, "the register columns cannot be read: %s",
		    store_errmsg(va->st));
	else if ((col = facts_reg_diff(&have, &want)) != NULL)
		bad(v, in->event_n,
		    "the register column %s does not agree with the "
		    "facts: the state was changed behind breachkit's back",
		    col);
}

static void
check_state(struct vall *va, const struct incident *in, struct vctx *v)
{
	struct arena *a = arena_new();
	const json_t *tl;
	json_t *cur, *x;
	size_t i;

	json_array_foreach (v->erased_seen, i, x) {
		if (!in_array(v->erased_ok, json_integer_value(x)))
			bad(v, json_integer_value(x),
			    "marked erased but no "
			    "erasure event names it: the payload was "
			    "rewritten");
	}
	if (v->bad_seq == 0 && (v->expect_seq - 1 != in->event_n ||
	                           strcmp(v->prev, in->head_hash) != 0))
		bad(v, v->expect_seq,
		    "the log ends at event %lld but the "
		    "incident records %lld events: events were deleted from "
		    "the end",
		    (long long)v->expect_seq - 1, (long long)in->event_n);
	if (v->bad_seq != 0)
		goto out;
	cur = json_loads(in->facts, 0, NULL);
	if (cur == NULL || v->facts == NULL || !json_equal(cur, v->facts))
		bad(v, in->event_n,
		    "the current facts do not agree with the "
		    "log: the state was changed behind breachkit's back");
	json_decref(cur);
	if (v->bad_seq == 0)
		check_reg(va, in, v, a);
	tl = json_object_get(v->facts, "timeline");
	same(v, in->event_n, "the title", jstr(in->title),
	    json_object_get(v->facts, "title"));
	x = jtime(ptime(tl, "aware_at"));
	same(v, in->event_n, "aware_at", jtime(in->aware_at), x);
	json_decref(x);
	x = jtime(ptime(tl, "discovered_at"));
	same(v, in->event_n, "discovered_at", jtime(in->discovered_at), x);
	json_decref(x);
	x = json_string(v->closed ? "closed" : "open");
	same(v, in->event_n, "the status",
	    json_string(incident_status_names[in->status]), x);
	json_decref(x);
	x = jtime(v->closed_at);
	same(v, in->event_n, "closed_at", jtime(in->closed_at), x);
	json_decref(x);
	if (v->bad_seq == 0)
		check_decisions(va, in, v, a);
	if (v->bad_seq == 0)
		check_obligations(va, in, v, a);
	if (v->bad_seq == 0)
		check_filings(va, in, v, a);
	if (v->bad_seq == 0)
		check_attachments(va, in, v, a);
	if (v->bad_seq == 0)
		check_assessments(va, in, v, a);
out:
	arena_free(a);
}

static enum err
verify_incident(void *arg, const struct incident *in)
{
	struct vall *va = arg;
	struct vctx v;
	enum err rc;

	memset(&v, 0, sizeof(v));
	v.ref = in->ref;
	v.expect_seq = 1;
	v.closed_at = TIME_UNKNOWN;
	snprintf(v.prev, sizeof(v.prev), "%s", chain_genesis);
	v.erased_ok = json_array();
	v.erased_seen = json_array();
	v.obl = json_object();
	v.dec = json_object();
	v.fil = json_object();
	v.att = json_object();
	v.ass = json_object();
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
	json_decref(v.obl);
	json_decref(v.dec);
	json_decref(v.fil);
	json_decref(v.att);
	json_decref(v.ass);
	return rc;
}

static enum err
verify_refseq(void *arg, const char *prefix, int64_t year, int64_t last)
{
	struct vall *va = arg;
	struct arena *a = arena_new();

	for (int64_t i = 1; i <= last; i++) {
		struct incident in;
		char ref[64];

		snprintf(ref, sizeof(ref), "%s-%lld-%04lld", prefix,
		    (long long)year, (long long)i);
		if (store_incident_get_by_ref(va->st, ref, a, &in) ==
		    ERR_NOTFOUND) {
			va->bad++;
			if (va->cb != NULL)
				va->cb(va->arg, ref, 0,
				    "issued, but the "
				    "incident is gone: it was deleted");
		}
		if (i % 1024 == 0) {
			arena_free(a);
			a = arena_new();
		}
	}
	arena_free(a);
	return ERR_OK;
}

/* Does incident `in` still have event `seq` with hash `hash`? */
struct find_ev {
	int64_t seq;
	const char *hash;
	int found; /* 0 no such event, 1 other hash, 2 match */
};

static enum err
find_event(void *arg, const struct event *ev)
{
	struct find_ev *f = arg;

	if (ev->seq == f->seq)
		f->found = strcmp(ev->hash, f->hash) == 0 ? 2 : 1;
	return ERR_OK;
}

static void
verify_against(struct vall *va, const json_t *old)
{
	struct arena *a = arena_new();
	size_t i;
	json_t *it;

	json_array_foreach (json_object_get(old, "register"), i, it) {
		const char *ref = json_string_value(json_object_get(it, "ref"));
		const char *head =
		    json_string_value(json_object_get(it, "head_hash"));
		struct find_ev f = { json_integer_value(
			                 json_object_get(it, "events")),
			head, 0 };
		struct incident in;

		if (ref == NULL || head == NULL)
			continue;
		if (store_incident_get_by_ref(va->st, ref, a, &in) != ERR_OK) {
			va->bad++;
			if (va->cb != NULL)
				va->cb(va->arg, ref, 0,
				    "listed in the earlier "
				    "export, but gone: it was deleted");
			continue;
		}
		if (store_event_each(va->st, in.id, find_event, &f) != ERR_OK)
			continue;
		if (f.found != 2) {
			va->bad++;
			if (va->cb != NULL)
				va->cb(va->arg, ref, f.seq,
				    f.found == 0
				        ? "the earlier export saw this event; it "
				          "was deleted since"
				        : "the earlier export "
				          "saw a different event here: the history "
				          "was rewritten since");
		}
	}
	arena_free(a);
}

enum err
svc_verify(struct store *st, const json_t *against, verify_cb cb, void *arg,
    size_t *checked, size_t *bad_n, struct svc_err *e)
{
	struct incident_filter f = { .status = -1, .with_facts = true };
	struct vall va = { .st = st, .cb = cb, .arg = arg };
	enum err rc;

	rc = store_begin_read(st);
	if (rc == ERR_OK)
		rc = store_incident_each(st, &f, verify_incident, &va);
	if (rc == ERR_OK)
		rc = store_refseq_each(st, verify_refseq, &va);
	if (rc == ERR_OK && against != NULL)
		verify_against(&va, against);
	store_rollback(st);
	if (rc != ERR_OK)
		svc_err_msg(e, "verify: %s", store_errmsg(st));
	*checked = va.checked;
	*bad_n = va.bad;
	return rc;
}

struct one_problem {
	struct arena *a;
	const char *problem;
	int64_t seq;
};

static void
note_problem(void *arg, const char *ref, int64_t seq, const char *problem)
{
	struct one_problem *p = arg;

	(void)ref;
	p->problem = arena_strdup(p->a, problem);
	p->seq = seq;
}

enum err
svc_verify_incident(struct svc *s, const char *id, const char **problem,
    int64_t *seq, struct svc_err *e)
{
	struct one_problem p = { s->a, NULL, 0 };
	struct vall va = { .st = s->st, .cb = note_problem, .arg = &p };
	struct incident in;
	enum err rc;

	*problem = NULL;
	*seq = 0;
	rc = store_begin_read(s->st);
	if (rc == ERR_OK)
		rc = svc_resolve(s, id, s->a, &in, e);
	if (rc == ERR_OK)
		rc = verify_incident(&va, &in);
	store_rollback(s->st);
	if (rc != ERR_OK && e->msg[0] == '\0')
		svc_err_msg(e, "verify: %s", store_errmsg(s->st));
	*problem = p.problem;
	*seq = p.seq;
	return rc;
}
