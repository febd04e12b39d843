/* SPDX-License-Identifier: MIT */
/*
 * http/api_record.c: the JSON API of what is recorded on an incident
 * besides its facts (docs/openapi.json): notes, closing and reopening,
 * filings, free obligations, attachments (raw-body upload, download with
 * the stored SHA-256), the history, the hash-chain check of one incident
 * or of the whole register, and the notices built from templates.  Every
 * body goes through a validator of http/valid.c first.
 */
#include "base/base.h"

#include "base/hash.h"
#include "base/str.h"
#include "http/http_int.h"
#include "http/valid.h"
#include "model/json_out.h"

/* 422 with the validator's field errors. */
void
resp_fields(struct http_req *req, struct http_resp *resp,
    const struct field_errors *fe, const char *msg)
{
	struct svc_err e;

	svc_err_clear(&e);
	e.fe = *fe;
	svc_err_msg(&e, "%s", msg);
	resp_svc_err(req, resp, ERR_INVAL, &e);
}

void
api_note(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct svc_err e;
	const char *text;
	enum err rc;

	if (valid_note(req->json, &text, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the note is not valid");
		return;
	}
	svc_err_clear(&e);
	rc = svc_note(&req->s, req->param[0], text, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 201,
	    json_pack("{s:s, s:s}", "ref", req->param[0], "result", "noted"));
}

static void
close_or_reopen(struct http_req *req, struct http_resp *resp, bool close)
{
	struct field_errors fe = { 0 };
	struct svc_err e;
	const char *reason;
	enum err rc;

	if (valid_reason(req->json, &reason, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the request is not valid");
		return;
	}
	svc_err_clear(&e);
	rc = svc_incident_close(&req->s, req->param[0], close, reason, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:s, s:s}", "ref", req->param[0], "status",
	        close ? "closed" : "open"));
}

void
api_close(struct http_req *req, struct http_resp *resp)
{
	close_or_reopen(req, resp, true);
}

void
api_reopen(struct http_req *req, struct http_resp *resp)
{
	close_or_reopen(req, resp, false);
}

void
api_filing(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct file_req f;
	struct svc_err e;
	bool late = false;
	enum err rc;

	if (valid_filing(req->json, req->now, &f, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the filing is not valid");
		return;
	}
	svc_err_clear(&e);
	rc = svc_file(&req->s, req->param[0], &f, &late, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 201,
	    json_pack("{s:s, s:s, s:o, s:b}", "ref", req->param[0], "phase",
	        phase_names[f.phase], "filed_at", json_time(f.filed_at), "late",
	        late));
}

void
api_obligation_add(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct obligation_req o;
	struct svc_err e;
	enum err rc;

	if (valid_obligation(req->json, &o, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the obligation is not valid");
		return;
	}
	svc_err_clear(&e);
	rc = svc_obligation_add(&req->s, req->param[0], &o, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 201,
	    json_pack("{s:s, s:s, s:s, s:o}", "ref", req->param[0], "recipient",
	        o.recipient, "label", o.label, "due_at", json_time(o.due_at)));
}

static bool
ctype_is(const char *ctype, const char *want)
{
	size_t n = strlen(want);

	return ctype != NULL && strncasecmp(ctype, want, n) == 0 &&
	       (ctype[n] == '\0' || ctype[n] == ';' || ctype[n] == ' ');
}

/* The attachments of the incident `id` (read transaction held by caller). */
static enum err
attachments_of(struct http_req *req, const char *id, struct incident *in,
    struct attachment **v, size_t *n, struct svc_err *e)
{
	enum err rc = svc_resolve(&req->s, id, req->a, in, e);

	if (rc == ERR_OK)
		rc = store_attachment_list(req->st, in->id, req->a, v, n);
	return rc;
}

void
api_attach_upload(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	const char *name = req_query(req, "name");
	struct attachment *v = NULL;
	struct incident in;
	char sha[SHA256_HEX];
	struct svc_err e;
	size_t n = 0;
	int64_t aid = 0;
	enum err rc;

	if (!ctype_is(req->ctype, "application/octet-stream")) {
		resp_error(req, resp, 415,
		    "upload the file as the raw body with Content-Type: "
		    "application/octet-stream and ?name=FILE");
		return;
	}
	if (name == NULL || *name == '\0')
		field_errors_add(&fe, "name", "required (?name=FILE)");
	if (req->body_len == 0)
		field_errors_add(&fe, "(body)", "the file is empty");
	if (fe.n > 0) {
		resp_fields(req, resp, &fe, "the upload is not valid");
		return;
	}
	svc_err_clear(&e);
	rc = svc_attach(
	    &req->s, req->param[0], name, req->body, req->body_len, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	sha256_hex(req->body, req->body_len, sha);
	/* The newest attachment of that content is the one just stored. */
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = attachments_of(req, req->param[0], &in, &v, &n, &e);
	store_rollback(req->st);
	for (size_t i = 0; rc == ERR_OK && i < n; i++) {
		if (strcmp(v[i].sha256, sha) == 0 && v[i].id > aid)
			aid = v[i].id;
	}
	resp_header(resp, "Location",
	    arena_printf(req->a, "/api/v1/incidents/%s/attachments/%lld",
	        req->param[0], (long long)aid));
	resp_json(resp, 201,
	    json_pack("{s:s, s:I, s:s, s:I, s:s}", "ref", req->param[0], "id",
	        (json_int_t)aid, "name", name, "size",
	        (json_int_t)req->body_len, "sha256", sha));
}

void
api_attach_get(struct http_req *req, struct http_resp *resp)
{
	struct attachment *v = NULL, *at = NULL;
	struct incident in;
	struct svc_err e;
	const void *data = NULL;
	size_t n = 0, len = 0;
	int64_t aid;
	enum err rc;

	if (str_to_i64(req->param[1], 1, INT64_MAX, &aid) != ERR_OK) {
		resp_error(req, resp, 404, "no such attachment");
		return;
	}
	svc_err_clear(&e);
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = attachments_of(req, req->param[0], &in, &v, &n, &e);
	for (size_t i = 0; rc == ERR_OK && i < n; i++) {
		if (v[i].id == aid)
			at = &v[i];
	}
	if (rc == ERR_OK && at == NULL) {
		store_rollback(req->st);
		resp_error(req, resp, 404, "incident %s has no attachment %lld",
		    in.ref, (long long)aid);
		return;
	}
	if (rc == ERR_OK)
		rc =
		    store_attachment_content(req->st, aid, req->a, &data, &len);
	store_rollback(req->st);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_file(resp, "application/octet-stream", at->name, data, len);
	resp_header(resp, "X-Content-SHA256", at->sha256);
	resp->audit_incident = in.id;
	resp->audit_what =
	    arena_printf(req->a, "api: attachment %lld", (long long)aid);
}

void
api_history(struct http_req *req, struct http_resp *resp)
{
	struct incident in;
	struct svc_err e;
	json_t *j;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_incident_view(&req->s, req->param[0], true, &in, &j, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:s, s:O}", "ref", in.ref, "events",
	        json_object_get(j, "history")));
	json_decref(j);
	resp->audit_incident = in.id;
	resp->audit_what = "api: history";
}

struct vproblems {
	json_t *arr;
	size_t n;
};

static void
verify_row(void *arg, const char *ref, int64_t seq, const char *problem)
{
	struct vproblems *p = arg;

	p->n++;
	json_array_append_new(
	    p->arr, json_pack("{s:s?, s:I, s:s}", "incident", ref, "event",
	                (json_int_t)seq, "problem", problem));
}

void
api_verify(struct http_req *req, struct http_resp *resp)
{
	struct vproblems p = { json_array(), 0 };
	struct svc_err e;
	size_t checked = 0, bad = 0;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_verify(req->st, NULL, verify_row, &p, &checked, &bad, &e);
	if (rc != ERR_OK) {
		json_decref(p.arr);
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:b, s:I, s:I, s:o}", "ok", bad == 0, "checked",
	        (json_int_t)checked, "bad", (json_int_t)bad, "problems",
	        p.arr));
}

void
api_incident_verify(struct http_req *req, struct http_resp *resp)
{
	const char *problem = NULL;
	struct incident in;
	struct svc_err e;
	int64_t seq = 0;
	json_t *arr;
	enum err rc;

	svc_err_clear(&e);
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = svc_resolve(&req->s, req->param[0], req->a, &in, &e);
	store_rollback(req->st);
	if (rc == ERR_OK)
		rc = svc_verify_incident(&req->s, in.ref, &problem, &seq, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	arr = json_array();
	if (problem != NULL)
		json_array_append_new(
		    arr, json_pack("{s:s, s:I, s:s}", "incident", in.ref,
		             "event", (json_int_t)seq, "problem", problem));
	resp_json(resp, 200,
	    json_pack("{s:s, s:b, s:I, s:s, s:o}", "ref", in.ref, "ok",
	        problem == NULL, "events", (json_int_t)in.event_n, "head",
	        in.head_hash, "problems", arr));
}

void
api_notice(struct http_req *req, struct http_resp *resp)
{
	static const char *const kinds[] = { "public", "controller",
		"register" };
	const char *kv = req_query(req, "kind"), *lv = req_query(req, "lang");
	const char *fv = req_query(req, "format");
	struct notice_req nr;
	struct svc_err e;
	struct buf b;
	int k = 0;
	enum err rc;

	memset(&nr, 0, sizeof(nr));
	if (kv != NULL && (k = name_lookup(kinds, 3, kv)) < 0) {
		resp_error(
		    req, resp, 400, "kind: public, controller or register");
		return;
	}
	if (lv != NULL && strcmp(lv, "de") != 0 && strcmp(lv, "en") != 0) {
		resp_error(req, resp, 400, "lang: de or en");
		return;
	}
	if (fv != NULL && strcmp(fv, "text") != 0 && strcmp(fv, "html") != 0) {
		resp_error(req, resp, 400, "format: text or html");
		return;
	}
	nr.id = req->param[0];
	nr.kind = (enum notice_kind)k;
	nr.german =
	    lv == NULL ? strcmp(req->lang, "de") == 0 : strcmp(lv, "de") == 0;
	nr.html = fv != NULL && strcmp(fv, "html") == 0;
	if (nr.html && nr.kind != NOTICE_PUBLIC) {
		resp_error(req, resp, 400,
		    "format: html exists for the public notice only");
		return;
	}
	svc_err_clear(&e);
	buf_init(&b, (size_t)8 << 20);
	rc = svc_notice(&req->s, &nr, &b, &e);
	if (rc != ERR_OK) {
		buf_release(&b);
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp->ctype =
	    nr.html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
	(void)buf_append(&resp->body, b.p, b.len);
	if (nr.html)
		resp_header(resp, "Content-Security-Policy",
		    "default-src 'none'; style-src 'unsafe-inline'");
	buf_release(&b);
}

static void
letter_row(void *arg, const struct letters_item *it)
{
	json_array_append_new(
	    arg, json_pack("{s:I, s:s?, s:s, s:s?}", "row", (json_int_t)it->row,
	             "id", it->id, "status", it->status, "detail", it->detail));
}

/*
 * Render and check the letters to the people of a CSV list (the raw body,
 * text/csv) without writing or sending anything.  The answer names rows,
 * ids and problems, never a name or an address.
 */
void
api_letters_dry_run(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct letters_req rq;
	struct letters_sum sum;
	struct svc_err e;
	json_t *items;
	FILE *fp;
	enum err rc;

	if (!ctype_is(req->ctype, "text/csv")) {
		resp_error(req, resp, 415,
		    "send the list of people as the raw body with "
		    "Content-Type: text/csv");
		return;
	}
	if (req->body_len == 0) {
		field_errors_add(&fe, "(body)", "the list is empty");
		resp_fields(req, resp, &fe, "the list is not valid");
		return;
	}
	fp = fmemopen((void *)req->body, req->body_len, "r");
	if (fp == NULL) {
		resp_error(req, resp, 500, "cannot read the list");
		return;
	}
	memset(&rq, 0, sizeof(rq));
	memset(&sum, 0, sizeof(sum));
	rq.id = req->param[0];
	rq.subjects = fp;
	rq.out = LETTERS_MBOX;
	rq.target = "(dry run)";
	rq.dry_run = true;
	items = json_array();
	svc_err_clear(&e);
	rc = svc_letters(&req->s, &rq, letter_row, items, &sum, &e);
	fclose(fp);
	if (rc != ERR_OK && sum.rows == 0) {
		json_decref(items);
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:{s:I, s:I, s:I, s:I, s:I, s:s?}, s:o}", "summary",
	        "rows", (json_int_t)sum.rows, "invalid",
	        (json_int_t)sum.invalid, "would", (json_int_t)sum.would,
	        "german", (json_int_t)sum.german, "english",
	        (json_int_t)sum.english, "error", rc == ERR_OK ? NULL : e.msg,
	        "items", items));
}
