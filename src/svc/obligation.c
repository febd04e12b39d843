/* SPDX-License-Identifier: MIT */
/*
 * svc/obligation.c: decisions, filings and contractual obligations.  A
 * decision is attributed (who, when, rationale), sealed by the chain, and
 * moves the obligations it governs; a filing records the phase, the time,
 * the authority's case reference and, when late, the reasons for the delay.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "model/json_out.h"
#include "svc/svc_int.h"

/* The topic that decides obligation `o`, from its regime rule; -1 none. */
static int
rule_topic(struct svc *s, const struct obligation *o, struct svc_err *e)
{
	const struct regime *r = svc_regime(s, o->regime, e);

	for (size_t i = 0; r != NULL && i < r->rules_n; i++) {
		if (strcmp(r->rules[i].id, o->rule) == 0)
			return r->rules[i].topic;
	}
	return -1;
}

/* Move the obligations decision `d` governs; events for each change. */
static enum err
apply_decision(struct svc *s, struct incident *in, const struct decision *d,
    struct arena *a, struct svc_err *e)
{
	struct obligation *v;
	size_t n;
	enum err rc;

	rc = store_obligation_list(s->st, in->id, a, &v, &n);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "reading obligations", e);
	for (size_t i = 0; i < n && rc == ERR_OK; i++) {
		struct obligation *o = &v[i];
		const char *action = NULL;
		int t = rule_topic(s, o, e);

		if (d->topic == TOPIC_BREACH) {
			if (!d->outcome && o->status == OBL_OPEN) {
				o->status = OBL_NOT_REQUIRED;
				o->rationale = arena_printf(
				    a, "%s%s", NOT_A_BREACH, d->rationale);
				action = "not_required";
			} else if (d->outcome &&
			           o->status == OBL_NOT_REQUIRED &&
			           o->rationale &&
			           str_has_prefix(o->rationale, NOT_A_BREACH)) {
				o->status = OBL_OPEN;
				o->rationale = NULL;
				action = "reopened";
			}
		} else if (t == (int)d->topic) {
			if (!d->outcome && o->status == OBL_OPEN) {
				o->status = OBL_NOT_REQUIRED;
				o->rationale = d->rationale;
				action = "not_required";
			} else if (d->outcome &&
			           o->status == OBL_NOT_REQUIRED) {
				o->status = OBL_OPEN;
				o->rationale = NULL;
				action = "reopened";
			}
		}
		if (action == NULL)
			continue;
		o->decided_by = o->status == OBL_OPEN ? NULL : d->actor;
		o->decided_at =
		    o->status == OBL_OPEN ? TIME_UNKNOWN : d->decided_at;
		rc = store_obligation_update(s->st, o);
		if (rc != ERR_OK)
			return svc_store_err(s, rc, "obligation", e);
		rc = svc_event(s, in, "obligation",
		    json_pack("{s:s, s:I, s:s,"
		              " s:s, s:I}",
		        "action", action, "obligation", (json_int_t)o->id,
		        "regime", o->regime, "rule", o->rule, "decision",
		        (json_int_t)d->id),
		    e);
	}
	return rc;
}

enum err
svc_decide(struct svc *s, const char *id, const struct decide_req *rq,
    struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	struct decision d;
	struct facts f;
	enum err rc;
	char ex[2] = { rq->exception, '\0' };

	if (svc_check_text("rationale", rq->rationale, true, e) != ERR_OK) {
		rc = ERR_INVAL;
		goto out_nofinish;
	}
	if (rq->exception != 0 && (rq->topic != TOPIC_SUBJECTS || rq->outcome ||
	                              strchr("abc", rq->exception) == NULL)) {
		field_errors_add(&e->fe, "exception",
		    "an Art. 34(3) "
		    "exception (a, b or c) goes only with a decision not to "
		    "communicate to the data subjects");
		rc = ERR_INVAL;
		goto out_nofinish;
	}
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc != ERR_OK)
		goto out_nofinish;
	memset(&d, 0, sizeof(d));
	d.incident_id = in.id;
	d.topic = rq->topic;
	d.outcome = rq->outcome;
	d.exception = rq->exception;
	d.rationale = rq->rationale;
	d.actor = s->actor;
	d.decided_at = s->now;
	rc = store_decision_insert(s->st, &d);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "recording the decision", e);
		goto out;
	}
	rc = svc_event(s, &in, "decision",
	    json_pack("{s:I, s:s, s:b, s:o,"
	              " s:s}",
	        "decision", (json_int_t)d.id, "topic", topic_names[d.topic],
	        "outcome", d.outcome, "exception",
	        d.exception ? json_string(ex) : json_null(), "rationale",
	        d.rationale),
	    e);
	if (rc == ERR_OK)
		rc = apply_decision(s, &in, &d, a, e);
	if (rc == ERR_OK)
		rc = svc_facts_load(s, &in, a, &f, e);
	if (rc == ERR_OK)
		rc = svc_reconcile(s, &in, &f, e);
	if (rc == ERR_OK)
		rc = svc_incident_save(s, &in, e);
out:
	rc = svc_tx_finish(s, rc, e);
out_nofinish:
	arena_free(a);
	return rc;
}

static enum err
find_obligation(struct svc *s, const struct incident *in,
    const struct file_req *rq, struct arena *a, struct obligation **out,
    struct svc_err *e)
{
	struct obligation *v;
	size_t n, hits = 0;
	enum err rc;
	struct buf names;

	rc = store_obligation_list(s->st, in->id, a, &v, &n);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "reading obligations", e);
	*out = NULL;
	for (size_t i = 0; i < n; i++) {
		if (rq->obligation_id != 0
		        ? v[i].id == rq->obligation_id
		        : strcmp(v[i].recipient, rq->recipient) == 0) {
			*out = &v[i];
			hits++;
		}
	}
	if (hits == 1)
		return ERR_OK;
	buf_init(&names, 1024);
	for (size_t i = 0; i < n; i++)
		buf_printf(&names, "%s%lld (%s, %s)", i ? ", " : "",
		    (long long)v[i].id, v[i].recipient, v[i].rule);
	if (hits == 0)
		svc_err_msg(e, "%s has no obligation %s%s; it has: %s", in->ref,
		    rq->obligation_id ? "with that id" : "to ",
		    rq->obligation_id ? "" : rq->recipient,
		    n ? buf_cstr(&names) : "none (is awareness recorded?)");
	else
		svc_err_msg(e,
		    "%s has several obligations to %s; choose one "
		    "with --obligation: %s",
		    in->ref, rq->recipient, buf_cstr(&names));
	buf_release(&names);
	return hits == 0 ? ERR_NOTFOUND : ERR_INVAL;
}

/* Is `phase` allowed after the filings so far? */
static const char *
phase_problem(enum phase phase, const struct filing *v, size_t n)
{
	bool initial = false, closed = false;

	for (size_t i = 0; i < n; i++) {
		if (v[i].phase == PHASE_INITIAL)
			initial = true;
		if (v[i].phase == PHASE_FINAL || v[i].phase == PHASE_WITHDRAWN)
			closed = true;
	}
	if (closed)
		return "a final notification or a withdrawal was already "
		       "filed";
	if (phase == PHASE_INITIAL && initial)
		return "the initial notification was already filed; file a "
		       "follow-up or the final one";
	if (phase != PHASE_INITIAL && !initial)
		return "file the initial notification first";
	return NULL;
}

enum err
svc_file(struct svc *s, const char *id, const struct file_req *rq,
    bool *late_out, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	struct obligation *o = NULL;
	struct filing fl, *prior;
	size_t prior_n;
	const char *why;
	enum err rc;
	char due[ISO_LEN], span[DUR_LEN];

	*late_out = false;
	if (svc_check_text("delay_reason", rq->delay_reason, false, e) !=
	        ERR_OK ||
	    svc_check_text("case_ref", rq->case_ref, false, e) != ERR_OK ||
	    svc_check_text("filed_by", rq->filed_by, false, e) != ERR_OK ||
	    svc_check_text(
	        "filed_by_contact", rq->filed_by_contact, false, e) != ERR_OK) {
		rc = ERR_INVAL;
		goto out_nofinish;
	}
	if (rq->filed_at > s->now + 300) {
		field_errors_add(&e->fe, "filed_at", "lies in the future");
		rc = ERR_INVAL;
		goto out_nofinish;
	}
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc != ERR_OK)
		goto out_nofinish;
	rc = find_obligation(s, &in, rq, a, &o, e);
	if (rc != ERR_OK || o == NULL) {
		rc = rc != ERR_OK ? rc : ERR_INTERNAL;
		goto out;
	}
	if (o->status == OBL_NOT_REQUIRED) {
		svc_err_msg(e,
		    "%s: the obligation to %s was decided not "
		    "required by %s; record a new decision first",
		    in.ref, o->recipient, o->decided_by ? o->decided_by : "?");
		rc = ERR_CONFLICT;
		goto out;
	}
	rc = store_filing_list(s->st, o->id, a, &prior, &prior_n);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "reading filings", e);
		goto out;
	}
	why = phase_problem(rq->phase, prior, prior_n);
	if (why != NULL) {
		svc_err_msg(e, "%s: cannot file %s to %s: %s", in.ref,
		    phase_names[rq->phase], o->recipient, why);
		rc = ERR_CONFLICT;
		goto out;
	}
	memset(&fl, 0, sizeof(fl));
	fl.obligation_id = o->id;
	fl.phase = rq->phase;
	fl.filed_at = rq->filed_at;
	fl.case_ref =
	    rq->case_ref && *rq->case_ref ? rq->case_ref : o->case_ref;
	fl.delay_reason =
	    rq->delay_reason && *rq->delay_reason ? rq->delay_reason : NULL;
	fl.actor = s->actor;
	fl.recorded_at = s->now;
	fl.filed_by = rq->filed_by && *rq->filed_by ? rq->filed_by : NULL;
	fl.filed_by_contact =
	    fl.filed_by && rq->filed_by_contact && *rq->filed_by_contact
	        ? rq->filed_by_contact
	        : NULL;
	if (rq->phase != PHASE_INITIAL && o->kind != KIND_UNDUE &&
	    fl.case_ref == NULL) {
		field_errors_add(&e->fe, "case_ref",
		    "a %s notification must "
		    "quote the authority's case reference of the initial one",
		    phase_names[rq->phase]);
		rc = ERR_INVAL;
		goto out;
	}
	if (rq->phase == PHASE_INITIAL) {
		fl.late = fl.filed_at > o->due_at;
		if (fl.late && o->kind != KIND_UNDUE &&
		    fl.delay_reason == NULL) {
			iso8601_format(o->due_at, due);
			duration_human(fl.filed_at - o->due_at, span);
			field_errors_add(&e->fe, "delay_reason",
			    "the filing "
			    "is %s after the deadline (%s); give the reasons "
			    "for the delay (%s)",
			    span, due,
			    strcmp(o->regime, "gdpr") == 0 ? "Art. 33(1) GDPR"
			                                   : o->article);
			rc = ERR_INVAL;
			goto out;
		}
		o->filed_at = fl.filed_at;
		o->late = o->late || fl.late;
		o->delay_reason = fl.delay_reason;
	} else {
		fl.late = false;
	}
	rc = store_filing_insert(s->st, &fl);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "recording the filing", e);
		goto out;
	}
	o->status = rq->phase == PHASE_WITHDRAWN ? OBL_WITHDRAWN : OBL_FILED;
	o->phase = rq->phase;
	o->case_ref = fl.case_ref;
	rc = store_obligation_update(s->st, o);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "updating the obligation", e);
		goto out;
	}
	rc = svc_event(s, &in, "filing",
	    json_pack("{s:I, s:I, s:s, s:s,"
	              " s:o, s:s?, s:b, s:s?, s:s*, s:s*}",
	        "filing", (json_int_t)fl.id, "obligation", (json_int_t)o->id,
	        "recipient", o->recipient, "phase", phase_names[fl.phase],
	        "filed_at", json_time_utc(fl.filed_at), "case_ref", fl.case_ref,
	        "late", fl.late, "delay_reason", fl.delay_reason, "filed_by",
	        fl.filed_by, "filed_by_contact", fl.filed_by_contact),
	    e);
	if (rc == ERR_OK)
		rc = svc_incident_save(s, &in, e);
	*late_out = fl.late;
out:
	rc = svc_tx_finish(s, rc, e);
out_nofinish:
	arena_free(a);
	return rc;
}

enum err
svc_obligation_add(struct svc *s, const char *id,
    const struct obligation_req *rq, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	struct obligation o, *v;
	size_t n;
	enum err rc;

	if (svc_check_text("recipient", rq->recipient, true, e) != ERR_OK ||
	    svc_check_text("label", rq->label, false, e) != ERR_OK ||
	    svc_check_text("article", rq->article, false, e) != ERR_OK) {
		rc = ERR_INVAL;
		goto out_nofinish;
	}
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc != ERR_OK)
		goto out_nofinish;
	rc = store_obligation_list(s->st, in.id, a, &v, &n);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "reading obligations", e);
		goto out;
	}
	svc_obligation_new(s, in.id, &o);
	o.regime = "contract";
	o.rule = arena_printf(a, "contract-%zu", n + 1);
	o.recipient = rq->recipient;
	o.label = rq->label && *rq->label ? rq->label : rq->recipient;
	o.article = rq->article && *rq->article ? rq->article : "contract";
	o.kind = KIND_CONTRACT;
	o.anchor_at = s->now;
	o.due_at = rq->due_at;
	rc = store_obligation_insert(s->st, &o);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "adding the obligation", e);
		goto out;
	}
	rc = svc_event(
	    s, &in, "obligation", svc_obligation_event("created", &o), e);
	if (rc == ERR_OK)
		rc = svc_incident_save(s, &in, e);
out:
	rc = svc_tx_finish(s, rc, e);
out_nofinish:
	arena_free(a);
	return rc;
}
