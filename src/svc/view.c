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

/* What one incident's view holds besides its row and facts. */
struct rows {
	struct obligation *ov;
	struct decision *dv;
	struct attachment *av;
	size_t on, dn, an;
};

/* Inside a read transaction: the incident and its rows. */
static enum err
load_rows(struct svc *s, const char *id, struct incident *in, struct rows *r,
    struct svc_err *e)
{
	enum err rc;

	memset(r, 0, sizeof(*r));
	rc = svc_resolve(s, id, s->a, in, e);
	if (rc == ERR_OK)
		rc = store_obligation_list(s->st, in->id, s->a, &r->ov, &r->on);
	if (rc == ERR_OK)
		rc = store_decision_list(s->st, in->id, s->a, &r->dv, &r->dn);
	if (rc == ERR_OK)
		rc = store_attachment_list(s->st, in->id, s->a, &r->av, &r->an);
	if (rc != ERR_OK && e->msg[0] == '\0' && e->fe.n == 0)
		svc_store_err(s, rc, "reading the incident", e);
	return rc;
}

static void
add_rows(struct svc *s, json_t *j, const struct rows *r)
{
	json_t *arr;

	arr = json_array();
	for (size_t i = 0; i < r->on; i++)
		json_array_append_new(arr, obligation_json(&r->ov[i], s->now));
	json_object_set_new(j, "obligations", arr);
	arr = json_array();
	for (size_t i = 0; i < r->dn; i++)
		json_array_append_new(arr, decision_json(&r->dv[i]));
	json_object_set_new(j, "decisions", arr);
	arr = json_array();
	for (size_t i = 0; i < r->an; i++)
		json_array_append_new(arr, attachment_json(&r->av[i]));
	json_object_set_new(j, "attachments", arr);
}

enum err
svc_incident_view(struct svc *s, const char *id, bool history,
    struct incident *in, json_t **out, struct svc_err *e)
{
	struct facts f;
	struct rows r;
	json_t *j, *arr;
	enum err rc;

	*out = NULL;
	rc = store_begin_read(s->st);
	if (rc == ERR_OK)
		rc = load_rows(s, id, in, &r, e);
	else
		svc_store_err(s, rc, "reading the incident", e);
	if (rc == ERR_OK)
		rc = svc_facts_load(s, in, s->a, &f, e);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return rc;
	}
	j = incident_json(in);
	json_object_set_new(j, "facts", facts_to_json(&f));
	add_rows(s, j, &r);
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

/* Append the compact dump of `j` (a new reference, released here). */
static enum err
put_json(struct buf *out, json_t *j)
{
	char *t = json_dumps(j, DUMP_FLAGS);
	enum err rc;

	json_decref(j);
	if (t == NULL)
		BUG("json_dumps");
	rc = buf_puts(out, t);
	free(t);
	return rc;
}

enum err
svc_incident_view_text(struct svc *s, const char *id, struct incident *in,
    struct buf *out, struct svc_err *e)
{
	struct facts f;
	struct rows r;
	enum err rc;
	size_t n;

	rc = store_begin_read(s->st);
	if (rc == ERR_OK)
		rc = load_rows(s, id, in, &r, e);
	else
		svc_store_err(s, rc, "reading the incident", e);
	store_rollback(s->st);
	if (rc != ERR_OK)
		return rc;
	/* The row's members, then the facts, in svc_incident_view()'s
	 * order: the row without its closing brace. */
	n = out->len;
	rc = incident_json_put(in, out);
	if (rc == ERR_OK && out->len > n && out->p[out->len - 1] == '}')
		out->p[--out->len] = '\0';
	if (rc == ERR_OK)
		rc = buf_puts(out, ",\"facts\":");
	if (rc == ERR_OK && facts_stored_to_local(
	                        in->facts, strlen(in->facts), out) != ERR_OK) {
		/* Not in the stored form this build writes: parse it. */
		rc = svc_facts_load(s, in, s->a, &f, e);
		if (rc != ERR_OK)
			return rc;
		rc = put_json(out, facts_to_json(&f));
	}
	if (rc == ERR_OK)
		rc = buf_puts(out, ",\"obligations\":[");
	for (size_t i = 0; rc == ERR_OK && i < r.on; i++) {
		if (i > 0)
			rc = buf_putc(out, ',');
		if (rc == ERR_OK)
			rc = obligation_json_put(&r.ov[i], s->now, out);
	}
	/* Decisions and attachments are few and often none. */
	if (rc == ERR_OK)
		rc = buf_puts(out, "],\"decisions\":[");
	for (size_t i = 0; rc == ERR_OK && i < r.dn; i++) {
		if (i > 0)
			rc = buf_putc(out, ',');
		if (rc == ERR_OK)
			rc = put_json(out, decision_json(&r.dv[i]));
	}
	if (rc == ERR_OK)
		rc = buf_puts(out, "],\"attachments\":[");
	for (size_t i = 0; rc == ERR_OK && i < r.an; i++) {
		if (i > 0)
			rc = buf_putc(out, ',');
		if (rc == ERR_OK)
			rc = put_json(out, attachment_json(&r.av[i]));
	}
	if (rc == ERR_OK)
		rc = buf_puts(out, "]}");
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "writing the incident", e);
	return ERR_OK;
}
