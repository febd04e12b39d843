/* SPDX-License-Identifier: MIT */
/*
 * svc/view.c: the whole of one incident as JSON (its row, facts,
 * obligations, decisions, attachments and, on request, its history), the
 * one shape `incident show --json` and GET /api/v1/incidents/{id} print.
 * Read-only: one read transaction.
 */
#include "base/base.h"

#include "model/json_out.h"
#include "svc/svc_int.h"

static enum err
collect_event(void *arg, const struct event *ev)
{
	json_array_append_new(arg, event_json(ev));
	return ERR_OK;
}

enum err
svc_incident_view(struct svc *s, const char *id, bool history,
    struct incident *in, json_t **out, struct svc_err *e)
{
	struct facts f;
	struct obligation *ov;
	struct decision *dv;
	struct attachment *av;
	size_t on = 0, dn = 0, an = 0;
	json_t *j, *arr;
	enum err rc;

	*out = NULL;
	rc = store_begin_read(s->st);
	if (rc == ERR_OK)
		rc = svc_resolve(s, id, s->a, in, e);
	if (rc == ERR_OK)
		rc = svc_facts_load(s, in, s->a, &f, e);
	if (rc == ERR_OK)
		rc = store_obligation_list(s->st, in->id, s->a, &ov, &on);
	if (rc == ERR_OK)
		rc = store_decision_list(s->st, in->id, s->a, &dv, &dn);
	if (rc == ERR_OK)
		rc = store_attachment_list(s->st, in->id, s->a, &av, &an);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		if (e->msg[0] == '\0' && e->fe.n == 0)
			svc_store_err(s, rc, "reading the incident", e);
		return rc;
	}
	j = incident_json(in);
	json_object_set_new(j, "facts", facts_to_json(&f));
	arr = json_array();
	for (size_t i = 0; i < on; i++)
		json_array_append_new(arr, obligation_json(&ov[i], s->now));
	json_object_set_new(j, "obligations", arr);
	arr = json_array();
	for (size_t i = 0; i < dn; i++)
		json_array_append_new(arr, decision_json(&dv[i]));
	json_object_set_new(j, "decisions", arr);
	arr = json_array();
	for (size_t i = 0; i < an; i++)
		json_array_append_new(arr, attachment_json(&av[i]));
	json_object_set_new(j, "attachments", arr);
	if (history) {
		arr = json_array();
		rc = store_event_each(s->st, in->id, collect_event, arr);
		json_object_set_new(j, "history", arr);
	}
	store_rollback(s->st);
	if (rc != ERR_OK) {
		json_decref(j);
		return svc_store_err(s, rc, "reading the history", e);
	}
	*out = j;
	return ERR_OK;
}
