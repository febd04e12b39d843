/* SPDX-License-Identifier: MIT */
/*
 * svc/draft.c: the intake wizard's drafts (docs/web.md): the facts entered
 * so far, saved after every step, per account.  A draft obeys every rule
 * of the facts document (docs/facts.md) except the required title, which
 * the wizard asks for but may come later; a draft with a problem is not
 * saved.  Submitting creates the incident and deletes the draft in one
 * transaction.
 */
#include "base/base.h"

#include "svc/svc_int.h"

/* Validate `facts` as a draft: every problem but a missing title. */
enum err
svc_draft_check(struct svc *s, const json_t *facts, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct field_errors fe;
	struct facts f;

	memset(&fe, 0, sizeof(fe));
	if (!json_is_object(facts)) {
		arena_free(a);
		svc_err_msg(e, "a draft is a facts object");
		return ERR_INVAL;
	}
	(void)facts_from_json(facts, s->now, a, &f, &fe);
	arena_free(a);
	for (size_t i = 0; i < fe.n; i++) {
		if (strcmp(fe.v[i].field, "title") == 0 &&
		    strcmp(fe.v[i].problem, "required") == 0)
			continue;
		if (e->fe.n < FIELD_ERRORS_MAX)
			e->fe.v[e->fe.n++] = fe.v[i];
	}
	if (e->fe.n > 0) {
		svc_err_msg(e, "the draft has problems; nothing was saved");
		return ERR_INVAL;
	}
	return ERR_OK;
}

enum err
svc_draft_save(struct svc *s, int64_t account_id, int64_t *id, int64_t step,
    const json_t *facts, struct svc_err *e)
{
	char *text;
	enum err rc;

	if (step < 0 || step > DRAFT_STEP_MAX) {
		svc_err_msg(e, "step: 0 to %d", DRAFT_STEP_MAX);
		return ERR_INVAL;
	}
	rc = svc_draft_check(s, facts, e);
	if (rc != ERR_OK)
		return rc;
	text = json_dumps(facts, DUMP_FLAGS);
	if (text == NULL)
		BUG("json_dumps");
	if (strlen(text) > DRAFT_MAX) {
		free(text);
		svc_err_msg(e, "a draft may have at most %d bytes", DRAFT_MAX);
		return ERR_LIMIT;
	}
	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_draft_put(s->st, id, account_id, text, step, s->now);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	free(text);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		if (rc == ERR_NOTFOUND)
			svc_err_msg(e, "no such draft");
		else
			svc_store_err(s, rc, "saving the draft", e);
	}
	return rc;
}

enum err
svc_draft_load(struct svc *s, int64_t account_id, int64_t id, json_t **facts,
    int64_t *step, struct svc_err *e)
{
	const char *text = NULL;
	json_error_t je;
	enum err rc;

	*facts = NULL;
	rc = store_begin_read(s->st);
	if (rc == ERR_OK)
		rc = store_draft_get(s->st, id, account_id, s->a, &text, step);
	store_rollback(s->st);
	if (rc == ERR_NOTFOUND) {
		svc_err_msg(e, "no such draft");
		return rc;
	}
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "reading the draft", e);
	*facts = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	if (!json_is_object(*facts)) {
		json_decref(*facts);
		*facts = NULL;
		svc_err_msg(e, "the stored draft is not a facts object");
		return ERR_DB;
	}
	return ERR_OK;
}

enum err
svc_draft_delete(
    struct svc *s, int64_t account_id, int64_t id, struct svc_err *e)
{
	const char *text;
	int64_t step;
	enum err rc;

	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_draft_get(s->st, id, account_id, s->a, &text, &step);
	if (rc == ERR_OK)
		rc = store_draft_delete(s->st, id, account_id);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		if (rc == ERR_NOTFOUND)
			svc_err_msg(e, "no such draft");
		else
			svc_store_err(s, rc, "deleting the draft", e);
	}
	return rc;
}

struct draft_key {
	int64_t account_id, id;
};

static enum err
drop_draft(struct svc *s, void *arg, struct svc_err *e)
{
	struct draft_key *k = arg;
	enum err rc = store_draft_delete(s->st, k->id, k->account_id);

	if (rc != ERR_OK)
		svc_store_err(s, rc, "deleting the draft", e);
	return rc;
}

enum err
svc_draft_submit(struct svc *s, int64_t account_id, int64_t id,
    const char **ref_out, struct svc_err *e)
{
	struct draft_key k = { account_id, id };
	json_t *facts = NULL;
	int64_t step;
	char *text;
	enum err rc;

	rc = svc_draft_load(s, account_id, id, &facts, &step, e);
	if (rc != ERR_OK)
		return rc;
	text = json_dumps(facts, DUMP_FLAGS);
	json_decref(facts);
	if (text == NULL)
		BUG("json_dumps");
	rc = svc_incident_create_also(
	    s, text, strlen(text), drop_draft, &k, ref_out, e);
	free(text);
	return rc;
}
