/* SPDX-License-Identifier: MIT */
/*
 * http/session.c: logging in and out, for the pages (form + redirect) and
 * the API (JSON), the language switch, and who am I.  The session cookie
 * is HttpOnly and SameSite=Strict; behind TLS it is __Host- and Secure
 * (STYLE.md 3.8).  Login attempts are rate-limited per client address and
 * accounts lock after repeated failures (svc/account.c).
 */
#include "base/base.h"

#include <sodium.h>

#include "http/http_int.h"
#include "http/valid.h"

enum { SESSION_MAX_AGE = 8 * 3600 };

static void
set_session_cookie(
    struct http_req *req, struct http_resp *resp, const char *token)
{
	char c[256];

	snprintf(c, sizeof(c), "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
	    req->cfg->cookie, token[0] ? token : "",
	    req->cfg->tls ? "; Secure" : "",
	    token[0] ? "; Max-Age=28800" : "; Max-Age=0");
	resp_header(resp, "Set-Cookie", c);
}

/* Shared by both front doors: rate limit, then svc_login. */
static enum err
do_login(struct http_req *req, const char *name, const char *pw,
    struct login_tokens *tok, struct svc_err *e)
{
	struct account ac;

	if (!rate_ok(RATE_LOGIN, req->peer, req->now)) {
		svc_err_msg(e, "too many login attempts from this address; "
		               "wait a minute");
		return ERR_LIMIT;
	}
	return svc_login(&req->s, name, pw, &ac, tok, e);
}

void
api_login(struct http_req *req, struct http_resp *resp)
{
	struct field_errors fe = { 0 };
	struct login_tokens tok;
	struct login_in in;
	struct svc_err e;
	struct account ac;
	const char *csrf = NULL;
	enum err rc;

	svc_err_clear(&e);
	if (valid_login(req->json, &in, &fe) != ERR_OK) {
		resp_fields(req, resp, &fe,
		    "expected {\"name\": ..., \"password\": ...}");
		return;
	}
	rc = do_login(req, in.name, in.password, &tok, &e);
	if (rc == ERR_LIMIT) {
		resp_error(req, resp, 429, "%s", e.msg);
		return;
	}
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	if (svc_session_get(
	        req->st, tok.session, req->now, req->a, &ac, &csrf) != ERR_OK) {
		resp_error(
		    req, resp, 500, "the session could not be read back");
		return;
	}
	set_session_cookie(req, resp, tok.session);
	resp_json(resp, 200,
	    json_pack("{s:s, s:s, s:s, s:s}", "name", ac.name, "role", ac.role,
	        "lang", ac.lang, "csrf", csrf));
	sodium_memzero(&tok, sizeof(tok));
}

void
api_logout(struct http_req *req, struct http_resp *resp)
{
	(void)svc_logout(req->st, kv_get(&req->cookies, req->cfg->cookie));
	set_session_cookie(req, resp, "");
	resp->status = 204;
}

void
api_me(struct http_req *req, struct http_resp *resp)
{
	json_t *perms = json_array();

	for (int p = PERM_LOGIN; p < PERM__MAX; p++) {
		static const char *const names[PERM__MAX] = { "public", "login",
			"incident.read", "incident.new", "incident.edit",
			"decide", "export", "settings", "users" };

		if (perm_has(req->role, (enum perm)p))
			json_array_append_new(perms, json_string(names[p]));
	}
	resp_json(resp, 200,
	    json_pack("{s:s, s:s, s:s, s:o, s:b}", "name", req->user.name,
	        "role", req->user.role, "lang", req->user.lang, "permissions",
	        perms, "token", req->via_token));
}

/* ---- pages -------------------------------------------------------------- */

static void
login_form(struct http_req *req, struct http_resp *resp, const char *problem)
{
	char pre[TOKEN_MAX], c[160];

	svc_password_new(pre);
	snprintf(c, sizeof(c),
	    "breachkit_pre=%s; Path=/; HttpOnly; SameSite=Strict%s", pre,
	    req->cfg->tls ? "; Secure" : "");
	resp_header(resp, "Set-Cookie", c);
	page_begin(req, resp, T(req, "Log in", "Anmelden"));
	if (problem != NULL)
		h_fmt(
		    resp, "<p class=\"error\" role=\"alert\">%s</p>", problem);
	h_fmt(resp,
	    "<form method=\"post\" action=\"/login\" class=\"login\">"
	    "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
	    "<p><label for=\"name\">%s</label>"
	    "<input id=\"name\" name=\"name\" autocomplete=\"username\" "
	    "required autofocus></p>"
	    "<p><label for=\"password\">%s</label>"
	    "<input id=\"password\" name=\"password\" type=\"password\" "
	    "autocomplete=\"current-password\" required></p>"
	    "<p><button type=\"submit\">%s</button></p></form>",
	    pre, T(req, "Name", "Name"), T(req, "Password", "Passwort"),
	    T(req, "Log in", "Anmelden"));
	if (req->cfg->public_intake)
		h_fmt(resp, "<p><a href=\"/report\">%s</a></p>",
		    T(req, "Report a suspected breach without an account",
		        "Verdacht auf eine Datenschutzverletzung ohne Konto "
		        "melden"));
	page_end(req, resp);
}

void
ui_login(struct http_req *req, struct http_resp *resp)
{
	if (req->authed) {
		resp_redirect(resp, "/");
		return;
	}
	login_form(req, resp, NULL);
}

void
ui_login_post(struct http_req *req, struct http_resp *resp)
{
	struct login_tokens tok;
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	rc = do_login(
	    req, req_form(req, "name"), req_form(req, "password"), &tok, &e);
	if (rc != ERR_OK) {
		resp->status = rc == ERR_LIMIT  ? 429
		               : rc == ERR_PERM ? 403
		                                : 401;
		login_form(req, resp, e.msg);
		return;
	}
	set_session_cookie(req, resp, tok.session);
	resp_redirect(resp, "/");
	sodium_memzero(&tok, sizeof(tok));
}

void
ui_logout(struct http_req *req, struct http_resp *resp)
{
	(void)svc_logout(req->st, kv_get(&req->cookies, req->cfg->cookie));
	set_session_cookie(req, resp, "");
	resp_redirect(resp, "/login");
}

void
ui_lang(struct http_req *req, struct http_resp *resp)
{
	const char *to = req_query(req, "to");
	const char *next = req_query(req, "next");
	char c[96];

	if (to == NULL || (strcmp(to, "de") != 0 && strcmp(to, "en") != 0))
		to = "de";
	/* Only a path of ours: no "//host" or scheme. */
	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    strchr(next, '\\') != NULL || strchr(next, ':') != NULL)
		next = "/";
	snprintf(c, sizeof(c),
	    "breachkit_lang=%s; Path=/; SameSite=Strict; Max-Age=31536000%s",
	    to, req->cfg->tls ? "; Secure" : "");
	resp_header(resp, "Set-Cookie", c);
	resp_redirect(resp, next);
}
