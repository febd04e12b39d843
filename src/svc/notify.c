/* SPDX-License-Identifier: MIT */
/*
 * svc/notify.c: gathers what the register holds about an incident (facts,
 * settings, the obligation to notify the authority and its filings, the
 * decisions, the latest assessment) for doc/notify.c, which lays it out.
 * Read-only: generating a notification records nothing.
 */
#include "base/base.h"

#include "base/str.h"
#include "doc/notify.h"
#include "svc/svc_int.h"

static const char *
setting(struct svc *s, const char *key, struct arena *a)
{
	const char *v = NULL;

	if (store_setting_get(s->st, key, a, &v) != ERR_OK)
		return NULL;
	return v != NULL && *v != '\0' ? v : NULL;
}

/* The latest decision on each topic (they are listed oldest first). */
static void
take_decisions(const struct decision *v, size_t n, struct notify_input *in)
{
	for (size_t i = 0; i < n; i++) {
		int out = v[i].outcome ? 1 : 0;

		switch (v[i].topic) {
		case TOPIC_BREACH:
			in->breach_decision = out;
			in->breach_rationale = v[i].rationale;
			break;
		case TOPIC_AUTHORITY:
			in->authority_decision = out;
			in->authority_rationale = v[i].rationale;
			break;
		case TOPIC_SUBJECTS:
			in->subjects_decision = out;
			in->subjects_exception = v[i].exception;
			in->subjects_rationale = v[i].rationale;
			break;
		default:
			break;
		}
	}
}

/* The Art. 33 obligation and its filings; the Art. 34 filing date. */
static enum err
take_obligations(struct svc *s, int64_t incident_id, struct arena *a,
    struct notify_input *in, struct svc_err *e)
{
	struct obligation *ov;
	struct filing *fv;
	size_t on, fn;
	enum err rc;

	rc = store_obligation_list(s->st, incident_id, a, &ov, &on);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "reading obligations", e);
	for (size_t i = 0; i < on; i++) {
		const struct obligation *o = &ov[i];

		if (str_eq(o->recipient, "subjects") &&
		    o->filed_at != TIME_UNKNOWN)
			in->subjects_notified_at = o->filed_at;
		if (!str_eq(o->recipient, "authority") || in->has_deadline)
			continue;
		in->has_deadline = o->kind == KIND_DEADLINE;
		in->due_at = o->due_at;
		in->case_ref = o->case_ref;
		rc = store_filing_list(s->st, o->id, a, &fv, &fn);
		if (rc != ERR_OK)
			return svc_store_err(s, rc, "reading filings", e);
		for (size_t k = 0; k < fn; k++) {
			if (fv[k].phase != PHASE_INITIAL)
				continue;
			in->initial_at = fv[k].filed_at;
			in->late = fv[k].late;
			in->delay_reason = fv[k].delay_reason;
			in->filed_by = fv[k].filed_by;
			in->filed_by_contact = fv[k].filed_by_contact;
		}
		/* Not filed yet: late if it were filed now. */
		if (in->initial_at == TIME_UNKNOWN && in->has_deadline)
			in->late = s->now > o->due_at;
	}
	return ERR_OK;
}

enum err
svc_notify(struct svc *s, const char *id, const struct authority *au,
    enum phase phase, const char *delay_reason, struct arena *a,
    struct notify_doc *out, struct svc_err *e)
{
	struct notify_input in;
	struct incident inc;
	struct facts *f = arena_alloc(a, sizeof(*f));
	struct decision *dv;
	struct assessment_rec *av;
	size_t dn, an;
	json_t *assessment = NULL;
	enum err rc;

	if (svc_check_text("delay_reason", delay_reason, false, e) != ERR_OK)
		return ERR_INVAL;
	memset(&in, 0, sizeof(in));
	in.phase = phase;
	in.now = s->now;
	in.breach_decision = in.authority_decision = -1;
	in.subjects_decision = -1;
	in.initial_at = TIME_UNKNOWN;
	in.subjects_notified_at = TIME_UNKNOWN;
	rc = store_begin_read(s->st);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "opening a transaction", e);
	rc = svc_resolve(s, id, a, &inc, e);
	if (rc == ERR_OK)
		rc = svc_facts_load(s, &inc, a, f, e);
	if (rc == ERR_OK)
		rc = take_obligations(s, inc.id, a, &in, e);
	if (rc == ERR_OK) {
		rc = store_decision_list(s->st, inc.id, a, &dv, &dn);
		if (rc != ERR_OK)
			svc_store_err(s, rc, "reading decisions", e);
	}
	if (rc == ERR_OK) {
		rc = store_assessment_list(s->st, inc.id, a, &av, &an);
		if (rc != ERR_OK)
			svc_store_err(s, rc, "reading assessments", e);
	}
	if (rc != ERR_OK)
		goto out;
	take_decisions(dv, dn, &in);
	if (an > 0) {
		assessment = json_loads(av[an - 1].result, 0, NULL);
		in.assessment_version = av[an - 1].version;
	}
	in.assessment = assessment;
	in.ref = inc.ref;
	in.f = f;
	in.org_name = setting(s, "org_name", a);
	in.org_address = setting(s, "org_address", a);
	in.org_website = setting(s, "org_website", a);
	in.dpo_name = setting(s, "dpo_name", a);
	in.dpo_email = setting(s, "dpo_email", a);
	in.dpo_phone = setting(s, "dpo_phone", a);
	in.dpo_address = setting(s, "dpo_address", a);
	if (delay_reason != NULL && *delay_reason != '\0')
		in.delay_reason = delay_reason;
	notify_build(au, &in, a, out);
out:
	store_rollback(s->st);
	json_decref(assessment);
	return rc;
}
