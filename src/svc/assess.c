/* SPDX-License-Identifier: MIT */
/*
 * svc/assess.c: run the risk engine on an incident's facts and keep the
 * result as a new assessment version whenever the facts or the result
 * differ from the latest one; earlier versions stay in the history.  The
 * engine recommends: nothing here decides or moves an obligation.
 */
#include "base/base.h"

#include "base/hash.h"
#include "risk/risk.h"
#include "svc/svc_int.h"

json_t *
svc_assess_facts(const struct facts *f)
{
	struct assessment a;

	risk_assess(f, &a);
	return assessment_to_json(&a);
}

enum err
svc_assess(struct svc *s, const char *id, json_t **out, int64_t *version,
    bool *recorded, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	struct facts f;
	struct assessment_rec *v, r;
	size_t n;
	json_t *res = NULL;
	char *text = NULL;
	enum err rc;

	*out = NULL;
	*recorded = false;
	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc != ERR_OK)
		goto out_nofinish;
	rc = svc_facts_load(s, &in, a, &f, e);
	if (rc == ERR_OK) {
		rc = store_assessment_list(s->st, in.id, a, &v, &n);
		if (rc != ERR_OK)
			svc_store_err(s, rc, "reading assessments", e);
	}
	if (rc != ERR_OK)
		goto out;
	res = svc_assess_facts(&f);
	text = json_dumps(res, DUMP_FLAGS);
	if (text == NULL)
		BUG("json_dumps");
	memset(&r, 0, sizeof(r));
	r.incident_id = in.id;
	sha256_hex(in.facts, strlen(in.facts), r.facts_digest);
	sha256_hex(text, strlen(text), r.result_digest);
	if (n > 0 && strcmp(v[n - 1].facts_digest, r.facts_digest) == 0 &&
	    strcmp(v[n - 1].result_digest, r.result_digest) == 0) {
		*version = v[n - 1].version;
		goto out;
	}
	r.version = n > 0 ? v[n - 1].version + 1 : 1;
	r.result = text;
	r.created_at = s->now;
	r.actor = s->actor;
	rc = store_assessment_insert(s->st, &r);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "recording the assessment", e);
		goto out;
	}
	rc = svc_event(s, &in, "assessment",
	    json_pack("{s:I, s:s, s:s,"
	              " s:O, s:O, s:O}",
	        "version", (json_int_t)r.version, "facts_digest",
	        r.facts_digest, "result_digest", r.result_digest, "risk_level",
	        json_object_get(res, "risk_level"), "notify_authority",
	        json_object_get(res, "notify_authority"),
	        "communicate_subjects",
	        json_object_get(res, "communicate_subjects")),
	    e);
	if (rc == ERR_OK)
		rc = svc_incident_save(s, &in, e);
	if (rc == ERR_OK) {
		*version = r.version;
		*recorded = true;
	}
out:
	rc = svc_tx_finish(s, rc, e);
out_nofinish:
	free(text);
	if (rc == ERR_OK)
		*out = res;
	else
		json_decref(res);
	arena_free(a);
	return rc;
}
