/* SPDX-License-Identifier: MIT */
/*
 * http/api_admin.c: the JSON API of the register as a whole
 * (docs/openapi.json): the Art. 33(5) export (CSV or JSON, written by
 * svc_export straight into the response), the settings, the document
 * templates, the notification regimes, the accounts and the API tokens.
 * Bodies go through http/valid.c; the svc layer does the rest.
 */
#define _GNU_SOURCE /* fopencookie */
#include "base/base.h"

#include <sodium.h>
#include <stdio.h>

#include "base/clock.h"
#include "base/str.h"
#include "http/http_int.h"
#include "http/valid.h"
#include "model/json_out.h"

/* A list read with status `rc`: 200 {"items": arr}, else 500 (arr freed). */
static void
resp_items(struct http_req *req, struct http_resp *resp, enum err rc,
    json_t *arr, const char *what)
{
	if (rc != ERR_OK) {
		json_decref(arr);
		resp_error(req, resp, 500, "reading the %s failed", what);
		return;
	}
	resp_json(resp, 200, json_pack("{s:o}", "items", arr));
}

/* ---- export ------------------------------------------------------------- */

/* svc_export writes through this FILE into the response body. */
static ssize_t
body_write(void *cookie, const char *p, size_t n)
{
	struct buf *b = cookie;

	if (buf_append(b, p, n) != ERR_OK)
		return -1;
	return (ssize_t)n;
}

/* Write the register into resp->body; false with a response on failure. */
bool
http_export(struct http_req *req, struct http_resp *resp, bool json)
{
	cookie_io_functions_t io = { NULL, body_write, NULL, NULL };
	struct svc_err e;
	FILE *fp;
	enum err rc;
	char day[ISO_LEN];

	buf_reset(&resp->body);
	fp = fopencookie(&resp->body, "w", io);
	if (fp == NULL) {
		resp_error(req, resp, 500, "cannot start the export");
		return false;
	}
	svc_err_clear(&e);
	rc = svc_export(req->st, fp, json, req->now, &e);
	if (fclose(fp) != 0 && rc == ERR_OK)
		rc = ERR_IO;
	if (rc != ERR_OK) {
		buf_reset(&resp->body);
		if (e.msg[0] == '\0')
			svc_err_msg(&e, "export: the register is too large "
			                "for one response");
		resp_svc_err(req, resp, rc, &e);
		return false;
	}
	iso8601_format_utc(req->now, day);
	day[10] = '\0';
	resp->status = 200;
	resp->ctype = json ? "application/json" : "text/csv; charset=utf-8";
	resp_header(resp, "Content-Disposition",
	    arena_printf(req->a, "attachment; filename=\"register-%s.%s\"", day,
	        json ? "json" : "csv"));
	return true;
}

void
api_export(struct http_req *req, struct http_resp *resp)
{
	const char *f = req_query(req, "format");

	if (f != NULL && strcmp(f, "csv") != 0 && strcmp(f, "json") != 0) {
		resp_error(req, resp, 400, "format: csv or json");
		return;
	}
	(void)http_export(req, resp, f != NULL && strcmp(f, "json") == 0);
}

/* ---- settings ----------------------------------------------------------- */

void
api_settings(struct http_req *req, struct http_resp *resp)
{
	resp_json(
	    resp, 200, json_pack("{s:o}", "items", svc_settings_json(&req->s)));
}

void
api_settings_set(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct settings_in in;
	struct svc_err e;
	enum err rc;

	if (valid_settings(req->json, &in, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the settings are not valid");
		return;
	}
	svc_err_clear(&e);
	rc = svc_settings_set_many(&req->s, in.key, in.value, in.n, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(
	    resp, 200, json_pack("{s:o}", "items", svc_settings_json(&req->s)));
}

/* ---- templates ---------------------------------------------------------- */

void
api_templates(struct http_req *req, struct http_resp *resp)
{
	json_t *all = svc_template_list(&req->s), *it;
	size_t i;

	/* The list names them; one template's source is a GET of its own. */
	json_array_foreach (all, i, it)
		json_object_del(it, "source");
	resp_json(resp, 200, json_pack("{s:o}", "items", all));
}

/* Does the template {kind}/{lang} of the path exist?  If not, a 404. */
static bool
template_exists(struct http_req *req, struct http_resp *resp)
{
	if (svc_template_kind(req->param[0]) != NULL &&
	    svc_template_lang(req->param[1]) != NULL)
		return true;
	resp_error(req, resp, 404, "no template kind %s in language %s",
	    req->param[0], req->param[1]);
	return false;
}

void
api_template_get(struct http_req *req, struct http_resp *resp)
{
	const struct template_kind *k = svc_template_kind(req->param[0]);
	const char *src = NULL;
	int64_t version = 0;
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_template_source(
	    &req->s, req->param[0], req->param[1], req->a, &src, &version, &e);
	if (rc != ERR_OK || k == NULL) {
		if (rc == ERR_INVAL)
			rc = ERR_NOTFOUND;
		resp_svc_err(req, resp, rc != ERR_OK ? rc : ERR_NOTFOUND, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:s, s:s, s:s, s:I, s:b, s:s}", "kind", k->name, "lang",
	        req->param[1], "summary", k->summary, "version",
	        (json_int_t)version, "builtin", version == 0, "source", src));
}

void
api_template_set(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	const char *src;
	int64_t version = 0;
	struct svc_err e;
	enum err rc;

	if (valid_template(req->json, &src, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the template is not valid");
		return;
	}
	if (!template_exists(req, resp))
		return;
	svc_err_clear(&e);
	rc = svc_template_set(&req->s, req->param[0], req->param[1], src,
	    strlen(src), &version, &e);
	if (rc != ERR_OK) {
		/* Lint errors: always as field errors of "source". */
		if (rc == ERR_INVAL && e.fe.n == 0)
			field_errors_add(&e.fe, "source", "%s", e.msg);
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:s, s:s, s:I}", "kind", req->param[0], "lang",
	        req->param[1], "version", (json_int_t)version));
}

void
api_template_reset(struct http_req *req, struct http_resp *resp)
{
	int64_t version = 0;
	struct svc_err e;
	enum err rc;

	if (!template_exists(req, resp))
		return;
	svc_err_clear(&e);
	rc = svc_template_reset(
	    &req->s, req->param[0], req->param[1], &version, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200,
	    json_pack("{s:s, s:s, s:I, s:b}", "kind", req->param[0], "lang",
	        req->param[1], "version", (json_int_t)version, "builtin", 1));
}

void
api_template_history(struct http_req *req, struct http_resp *resp)
{
	json_t *h = NULL;
	struct svc_err e;
	enum err rc;

	if (!template_exists(req, resp))
		return;
	svc_err_clear(&e);
	rc =
	    svc_template_history(&req->s, req->param[0], req->param[1], &h, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200, json_pack("{s:o}", "items", h));
}

/* ---- regimes ------------------------------------------------------------ */

static enum err
regime_row(void *arg, const char *id, const char *body)
{
	json_t *j = json_loads(body, 0, NULL);
	json_t *it = json_pack("{s:s}", "id", id);

	if (j != NULL) {
		json_t *name = json_object_get(j, "name");

		if (json_is_string(name))
			json_object_set(it, "name", name);
		json_decref(j);
	}
	json_array_append_new(arg, it);
	return ERR_OK;
}

void
api_regimes(struct http_req *req, struct http_resp *resp)
{
	json_t *arr = json_array();
	enum err rc;

	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_regime_each(req->st, req->a, regime_row, arr);
	store_rollback(req->st);
	resp_items(req, resp, rc, arr, "regimes");
}

void
api_regime_get(struct http_req *req, struct http_resp *resp)
{
	const char *body = NULL;
	json_t *j;
	enum err rc;

	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_regime_get(req->st, req->param[0], req->a, &body);
	store_rollback(req->st);
	if (rc == ERR_NOTFOUND) {
		resp_error(req, resp, 404, "no regime %s", req->param[0]);
		return;
	}
	j = rc == ERR_OK ? json_loads(body, 0, NULL) : NULL;
	if (j == NULL) {
		resp_error(req, resp, 500, "reading the regime failed");
		return;
	}
	resp_json(resp, 200, j);
}

void
api_regime_load(struct http_req *req, struct http_resp *resp)
{
	const char *id = NULL;
	struct svc_err e;
	char *text;
	enum err rc;

	text = json_dumps(req->json, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (text == NULL || !json_is_object(req->json)) {
		free(text);
		resp_error(req, resp, 400,
		    "the body must be a regime document "
		    "(a JSON object)");
		return;
	}
	svc_err_clear(&e);
	rc = svc_regime_load(&req->s, text, strlen(text), &id, &e);
	free(text);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_header(
	    resp, "Location", arena_printf(req->a, "/api/v1/regimes/%s", id));
	resp_json(resp, 201, json_pack("{s:s}", "id", id));
}

/* ---- accounts and API tokens -------------------------------------------- */

json_t *
account_json(const struct account *ac, int64_t now)
{
	return json_pack("{s:s, s:s, s:s, s:b, s:b, s:I, s:o}", "name",
	    ac->name, "role", ac->role, "lang", ac->lang, "disabled",
	    ac->disabled, "locked", ac->locked_until > now, "failed",
	    (json_int_t)ac->failed, "created_at", json_time(ac->created_at));
}

void
api_users(struct http_req *req, struct http_resp *resp)
{
	struct account *v = NULL;
	size_t n = 0;
	json_t *arr;
	enum err rc;

	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_account_list(req->st, req->a, &v, &n);
	store_rollback(req->st);
	arr = json_array();
	for (size_t i = 0; rc == ERR_OK && i < n; i++)
		json_array_append_new(arr, account_json(&v[i], req->now));
	resp_items(req, resp, rc, arr, "accounts");
}

void
api_user_add(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct user_in u;
	char pw[TOKEN_MAX];
	struct svc_err e;
	enum err rc;

	if (valid_user(req->json, &u, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the account is not valid");
		return;
	}
	if (u.password == NULL)
		svc_password_new(pw);
	svc_err_clear(&e);
	rc = svc_account_add(&req->s, u.name, u.role,
	    u.password != NULL ? u.password : pw, u.lang, &e);
	if (rc != ERR_OK) {
		sodium_memzero(pw, sizeof(pw));
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_header(
	    resp, "Location", arena_printf(req->a, "/api/v1/users/%s", u.name));
	resp_json(resp, 201,
	    json_pack("{s:s, s:s, s:s, s:s?}", "name", u.name, "role", u.role,
	        "lang", u.lang != NULL ? u.lang : "de", "password",
	        u.password == NULL ? pw : NULL));
	sodium_memzero(pw, sizeof(pw));
}

void
api_user_change(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct account_change c;
	struct account ac;
	struct svc_err e;
	enum err rc;

	if (valid_user_change(req->json, &c, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the change is not valid");
		return;
	}
	svc_err_clear(&e);
	rc = svc_account_change(&req->s, req->param[0], &c, &e);
	if (rc == ERR_OK) {
		rc = store_begin_read(req->st);
		if (rc == ERR_OK)
			rc = store_account_get_by_name(
			    req->st, req->param[0], req->a, &ac);
		store_rollback(req->st);
	}
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 200, account_json(&ac, req->now));
}

void
api_tokens(struct http_req *req, struct http_resp *resp)
{
	struct token_info *v = NULL;
	size_t n = 0;
	json_t *arr;
	enum err rc;

	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_token_list(req->st, req->a, &v, &n);
	store_rollback(req->st);
	arr = json_array();
	for (size_t i = 0; rc == ERR_OK && i < n; i++)
		json_array_append_new(
		    arr, json_pack("{s:I, s:s, s:s, s:o, s:o}", "id",
		             (json_int_t)v[i].id, "account", v[i].account,
		             "label", v[i].label, "created_at",
		             json_time(v[i].created_at), "revoked_at",
		             v[i].revoked_at ? json_time(v[i].revoked_at)
		                             : json_null()));
	resp_items(req, resp, rc, arr, "tokens");
}

void
api_token_create(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct token_in t;
	char tok[TOKEN_MAX];
	int64_t id = 0;
	struct svc_err e;
	enum err rc;

	if (valid_token(req->json, &t, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe, "the token request is not valid");
		return;
	}
	svc_err_clear(&e);
	rc = svc_token_create(&req->s, t.account, t.label, tok, &id, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 201,
	    json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)id, "account",
	        t.account, "label", t.label, "token", tok));
	sodium_memzero(tok, sizeof(tok));
}

void
api_token_revoke(struct http_req *req, struct http_resp *resp)
{
	struct svc_err e;
	int64_t id;
	enum err rc;

	if (str_to_i64(req->param[0], 1, INT64_MAX, &id) != ERR_OK) {
		resp_error(req, resp, 404, "no token %s", req->param[0]);
		return;
	}
	svc_err_clear(&e);
	rc = svc_token_revoke(&req->s, id, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp->status = 204;
}
