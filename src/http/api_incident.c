/* SPDX-License-Identifier: MIT */
/*
 * http/api_incident.c: the JSON API of incidents (docs/openapi.json):
 * list (paginated, filtered, searched), read (recorded in the access log),
 * create, edit (merge patch), assess, decide, the authority notification
 * in every format, the record of reads, open obligations, and the
 * assessment of facts not yet stored (the intake wizard's live view).
 */
#include "base/base.h"

#include <pthread.h>

#include "base/str.h"
#include "doc/notify.h"
#include "http/http_int.h"
#include "http/valid.h"
#include "model/json_out.h"

enum { PAGE_DEFAULT = 50, PAGE_MAX = 500 };

struct page_ctx {
	struct buf *out;
	int64_t last;
	size_t n;
};

/* Each row written straight into the body, as json_dumps() would. */
static enum err
page_row(void *arg, const struct incident *in)
{
	struct page_ctx *c = arg;
	enum err rc = c->n > 0 ? buf_putc(c->out, ',') : ERR_OK;

	if (rc == ERR_OK)
		rc = incident_json_put(in, c->out);
	c->last = in->id;
	c->n++;
	return rc;
}

/* Fill `p` from ?status=&q=&before=&limit=; false (and 400) when bad. */
bool
http_page_query(
    struct http_req *req, struct http_resp *resp, struct incident_page *p)
{
	const char *v;
	int64_t n;

	memset(p, 0, sizeof(*p));
	p->status = -1;
	p->limit = PAGE_DEFAULT;
	v = req_query(req, "status");
	if (v != NULL && *v != '\0' && strcmp(v, "any") != 0) {
		p->status =
		    name_lookup(incident_status_names, INCIDENT__MAX, v);
		if (p->status < 0) {
			resp_error(req, resp, 400,
			    "status: open, closed or any (not \"%.40s\")", v);
			return false;
		}
	}
	v = req_query(req, "q");
	if (v != NULL && *v != '\0') {
		if (strlen(v) > 200) {
			resp_error(req, resp, 400, "q: at most 200 characters");
			return false;
		}
		p->q = v;
	}
	v = req_query(req, "before");
	if (v != NULL && *v != '\0') {
		if (str_to_i64(v, 1, INT64_MAX, &n) != ERR_OK) {
			resp_error(req, resp, 400, "before: a positive number");
			return false;
		}
		p->before = n;
	}
	v = req_query(req, "limit");
	if (v != NULL && *v != '\0') {
		if (str_to_i64(v, 1, PAGE_MAX, &n) != ERR_OK) {
			resp_error(req, resp, 400, "limit: 1 to %d", PAGE_MAX);
			return false;
		}
		p->limit = n;
	}
	if (req->role == UROLE_REPORTER)
		p->creator = req->user.name;
	return true;
}

void
api_incident_list(struct http_req *req, struct http_resp *resp)
{
	struct incident_page p;
	struct page_ctx c;
	enum err rc;

	if (!http_page_query(req, resp, &p))
		return;
	memset(&c, 0, sizeof(c));
	c.out = &resp->body;
	buf_reset(&resp->body);
	rc = buf_puts(&resp->body, "{\"items\":[");
	if (rc == ERR_OK)
		rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_incident_page(req->st, &p, page_row, &c);
	store_rollback(req->st);
	if (rc == ERR_OK)
		rc = buf_puts(&resp->body, "],\"next_before\":");
	if (rc == ERR_OK && (int64_t)c.n == p.limit && c.last > 1)
		rc = buf_printf(&resp->body, "%lld}", (long long)c.last);
	else if (rc == ERR_OK)
		rc = buf_puts(&resp->body, "null}");
	if (rc != ERR_OK) {
		resp_error(req, resp, 500, "reading the register failed");
		return;
	}
	resp->status = 200;
	resp->ctype = "application/json";
}

void
api_incident_get(struct http_req *req, struct http_resp *resp)
{
	struct incident in;
	struct svc_err e;
	json_t *j;
	enum err rc;
	const char *h = req_query(req, "history");

	svc_err_clear(&e);
	if (h != NULL && strcmp(h, "1") == 0) {
		rc = svc_incident_view(
		    &req->s, req->param[0], true, &in, &j, &e);
		if (rc == ERR_OK)
			resp_json(resp, 200, j);
	} else {
		/* The hot path: the text written straight into the body. */
		buf_reset(&resp->body);
		rc = svc_incident_view_text(
		    &req->s, req->param[0], &in, &resp->body, &e);
		if (rc == ERR_OK) {
			resp->status = 200;
			resp->ctype = "application/json";
		}
	}
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp->audit_incident = in.id;
	resp->audit_what = "api: incident";
}

void
api_incident_new(struct http_req *req, struct http_resp *resp)
{
	struct svc_err e;
	const char *ref = NULL;
	char *text;
	enum err rc;

	svc_err_clear(&e);
	text = json_dumps(req->json, JSON_COMPACT);
	if (text == NULL) {
		resp_error(req, resp, 400, "the body is not a facts document");
		return;
	}
	rc = svc_incident_create(&req->s, text, strlen(text), &ref, &e);
	free(text);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_header(resp, "Location",
	    arena_printf(req->a, "/api/v1/incidents/%s", ref));
	resp_json(resp, 201, json_pack("{s:s}", "ref", ref));
}

void
api_incident_edit(struct http_req *req, struct http_resp *resp)
{
	struct svc_err e;
	char *text;
	enum err rc;

	svc_err_clear(&e);
	text = json_dumps(req->json, JSON_COMPACT);
	if (text == NULL || !json_is_object(req->json)) {
		free(text);
		resp_error(req, resp, 400,
		    "the body must be a JSON merge patch "
		    "(an object)");
		return;
	}
	rc = svc_incident_edit(&req->s, req->param[0], text, strlen(text),
	    req_query(req, "reason"), &e);
	free(text);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:s, s:s}", "ref", req->param[0], "result",
	        e.msg[0] ? e.msg : "updated"));
}

void
api_incident_assess(struct http_req *req, struct http_resp *resp)
{
	struct svc_err e;
	json_t *out = NULL;
	int64_t version = 0;
	bool recorded = false;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_assess(&req->s, req->param[0], &out, &version, &recorded, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:I, s:b, s:o}", "version", (json_int_t)version,
	        "recorded", recorded, "assessment", out));
}

void
api_assess_facts(struct http_req *req, struct http_resp *resp)
{
	struct facts f;
	struct field_errors fe;
	struct arena *a = req->a;
	enum err rc;
	struct svc_err e;

	memset(&fe, 0, sizeof(fe));
	rc = facts_from_json(req->json, req->now, a, &f, &fe);
	if (rc != ERR_OK) {
		svc_err_clear(&e);
		e.fe = fe;
		svc_err_msg(&e, "the facts are not valid");
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200, svc_assess_facts(&f));
}

void
api_incident_decide(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct decide_req d;
	struct svc_err e;
	enum err rc;

	if (valid_decide(req->json, &d, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe,
		    "expected {\"topic\": breach|authority|subjects, "
		    "\"outcome\": true|false, \"rationale\": text, "
		    "\"exception\": \"a\"|\"b\"|\"c\" (optional)}");
		return;
	}
	svc_err_clear(&e);
	rc = svc_decide(&req->s, req->param[0], &d, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 201,
	    json_pack("{s:s, s:s, s:b}", "ref", req->param[0], "topic",
	        topic_names[d.topic], "outcome", d.outcome));
}

/* pango/cairo share font caches: one PDF at a time. */
static pthread_mutex_t pdf_mu = PTHREAD_MUTEX_INITIALIZER;

void
api_incident_notify(struct http_req *req, struct http_resp *resp)
{
	static const char *const ctypes[FMT__MAX] = {
		"text/plain; charset=utf-8", "text/markdown; charset=utf-8",
		"text/html; charset=utf-8", "application/json",
		"application/pdf"
	};
	const char *code = req_query(req, "authority");
	const char *fv = req_query(req, "format");
	const char *pv = req_query(req, "phase");
	struct authority au;
	struct notify_doc nd;
	struct svc_err e;
	struct buf b;
	int fmt = FMT_JSON, phase = PHASE_INITIAL;
	int64_t version;
	enum err rc;

	if (fv != NULL &&
	    (fmt = name_lookup(notify_fmt_names, FMT__MAX, fv)) < 0) {
		resp_error(
		    req, resp, 400, "format: text, md, html, json or pdf");
		return;
	}
	if (pv != NULL &&
	    (phase = name_lookup(phase_names, PHASE__MAX, pv)) < 0) {
		resp_error(req, resp, 400,
		    "phase: initial, follow-up, final or withdrawn");
		return;
	}
	if (code == NULL &&
	    store_setting_get(req->st, "authority", req->a, &code) != ERR_OK)
		code = NULL;
	memset(&e, 0, sizeof(e));
	/* The file in use: stored in the register (authority load) or
	 * built in. */
	if (code == NULL || svc_authority_get(&req->s, code, req->a, &au,
	                        &version, &e) != ERR_OK) {
		resp_error(req, resp, 400,
		    "authority: nrw, by, bw, bfdi, en or one stored in the "
		    "register (or set one in the settings)");
		return;
	}
	svc_err_clear(&e);
	rc = svc_notify(&req->s, req->param[0], &au, (enum phase)phase,
	    req_query(req, "delay_reason"), req->a, &nd, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	if (nd.missing_n > 0) {
		json_t *j = notify_json(&nd);

		json_object_set_new(j, "error",
		    json_pack("{s:i, s:s}", "status", 422, "message",
		        "the incident lacks fields this authority requires"));
		resp_json(resp, 422, j);
		return;
	}
	buf_init(&b, (size_t)32 << 20);
	if (fmt == FMT_PDF)
		pthread_mutex_lock(&pdf_mu);
	rc = notify_render(&nd, (enum notify_fmt)fmt, &b);
	if (fmt == FMT_PDF)
		pthread_mutex_unlock(&pdf_mu);
	if (rc != ERR_OK) {
		buf_release(&b);
		resp_error(
		    req, resp, 500, "the document could not be rendered");
		return;
	}
	if (fmt == FMT_PDF || fmt == FMT_TEXT || fmt == FMT_MD) {
		static const char *const ext[FMT__MAX] = { "txt", "md", "html",
			"json", "pdf" };

		resp_file(resp, ctypes[fmt],
		    arena_printf(req->a, "%s-%s-%s.%s", req->param[0], au.code,
		        phase_names[phase], ext[fmt]),
		    b.p, b.len);
	} else {
		resp->ctype = ctypes[fmt];
		(void)buf_append(&resp->body, b.p, b.len);
		if (fmt == FMT_HTML)
			resp_header(resp, "Content-Security-Policy",
			    "default-src 'none'; style-src 'unsafe-inline'");
	}
	buf_release(&b);
}

void
api_incident_access(struct http_req *req, struct http_resp *resp)
{
	struct incident in;
	struct access_rec *v = NULL;
	struct svc_err e;
	size_t n = 0;
	json_t *arr;
	enum err rc;

	svc_err_clear(&e);
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = svc_resolve(&req->s, req->param[0], req->a, &in, &e);
	if (rc == ERR_OK)
		rc = store_access_list(req->st, in.id, 200, req->a, &v, &n);
	store_rollback(req->st);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		    arr, json_pack("{s:o, s:s, s:s}", "at", json_time(v[i].at),
		             "actor", v[i].actor, "what", v[i].what));
	resp_json(
	    resp, 200, json_pack("{s:s, s:o}", "ref", in.ref, "reads", arr));
}

struct obl_ctx {
	json_t *arr;
	int64_t now;
	const char *creator;
	struct http_req *req;
};

static enum err
obl_row(void *arg, const struct obligation *o)
{
	struct obl_ctx *c = arg;

	json_array_append_new(c->arr, obligation_json(o, c->now));
	return ERR_OK;
}

void
api_obligations(struct http_req *req, struct http_resp *resp)
{
	struct obl_ctx c = { NULL, req->now, NULL, req };
	enum err rc;

	if (req->role == UROLE_REPORTER) {
		resp_error(
		    req, resp, 403, "your role (reporter) may not do this");
		return;
	}
	c.arr = json_array();
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_obligation_each_open(req->st, obl_row, &c);
	store_rollback(req->st);
	if (rc != ERR_OK) {
		json_decref(c.arr);
		resp_error(req, resp, 500, "reading the obligations failed");
		return;
	}
	resp_json(resp, 200, json_pack("{s:o}", "items", c.arr));
}
