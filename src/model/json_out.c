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
