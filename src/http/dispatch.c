/* SPDX-License-Identifier: MIT */
/*
 * http/dispatch.c: one request from "read" to "response ready": the route,
 * the language, who is asking (API token or session cookie), whether the
 * role may, the CSRF token of every state change, the body, then the
 * handler.  Nothing here knows libevent.
 */
#include "base/base.h"

#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <time.h>

#include "base/str.h"
#include "http/http_int.h"

/* Which permissions each role holds (docs/web.md has the table). */
static const uint32_t role_perms[UROLE__MAX] = {
	[UROLE_ADMIN] = 0xffffffffu,
	[UROLE_DPO] = ~(1u << PERM_USERS),
	[UROLE_EDITOR] = (1u << PERM_PUBLIC) | (1u << PERM_LOGIN) |
	                 (1u << PERM_INCIDENT_READ) |
	                 (1u << PERM_INCIDENT_NEW) | (1u << PERM_INCIDENT_EDIT),
	[UROLE_VIEWER] = (1u << PERM_PUBLIC) | (1u << PERM_LOGIN) |
	                 (1u << PERM_INCIDENT_READ),
	[UROLE_REPORTER] = (1u << PERM_PUBLIC) | (1u << PERM_LOGIN) |
	                   (1u << PERM_INCIDENT_READ) |
	                   (1u << PERM_INCIDENT_NEW),
};

bool
perm_has(enum urole role, enum perm perm)
{
	return role < UROLE__MAX && (role_perms[role] & (1u << perm)) != 0;
}

/* ---- rate limits: a small table of recent attempts per address ------- */

/* At most `max` attempts per address in `window_s` seconds. */
static const struct {
	int64_t window_s;
	int max;
} rate_limits[RATE__MAX] = {
	[RATE_LOGIN] = { 60, 10 },
	[RATE_INTAKE] = { 600, 5 },
};
enum { RATE_SLOTS = 256 };
static struct rate_slot {
	char peer[48];
	int64_t window;
	int n;
} rate[RATE__MAX][RATE_SLOTS];
static pthread_mutex_t rate_mu = PTHREAD_MUTEX_INITIALIZER;

bool
rate_ok(enum rate_kind k, const char *peer, int64_t now)
{
	uint64_t h = 1469598103934665603ull;
	struct rate_slot *r;
	bool ok;

	for (const char *p = peer; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	r = &rate[k][h % RATE_SLOTS];
	pthread_mutex_lock(&rate_mu);
	if (strcmp(r->peer, peer) != 0 ||
	    now - r->window >= rate_limits[k].window_s) {
		snprintf(r->peer, sizeof(r->peer), "%s", peer);
		r->window = now;
		r->n = 0;
	}
	ok = ++r->n <= rate_limits[k].max;
	pthread_mutex_unlock(&rate_mu);
	return ok;
}

/* ---- routing ------------------------------------------------------------ */

/* Match `path` against `pattern`; {x} takes one non-empty segment. */
static bool
match(const char *pattern, const char *path, struct http_req *req)
{
	const char *p = pattern, *s = path;

	req->param_n = 0;
	while (*p != '\0' && *s != '\0') {
		if (*p == '{') {
			const char *pe = strchr(p, '}');
			size_t n = strcspn(s, "/");
			char *v;

			if (pe == NULL || n == 0 || req->param_n == PARAM_MAX)
				return false;
			v = arena_alloc(req->a, n + 1);
			memcpy(v, s, n);
			v[n] = '\0';
			req->param[req->param_n++] = v;
			p = pe + 1;
			s += n;
		} else if (*p++ != *s++) {
			return false;
		}
	}
	return *p == '\0' && *s == '\0';
}

static const struct route *
find_route(struct http_req *req, bool *other_method)
{
	unsigned m = req->method == M_HEAD ? M_GET : req->method;

	*other_method = false;
	for (size_t i = 0; i < routes_n; i++) {
		if (!match(routes[i].pattern, req->path, req))
			continue;
		if (routes[i].method & m)
			return &routes[i];
		*other_method = true;
	}
	return NULL;
}

/* ---- who is asking ------------------------------------------------------ */

/* Bumped by every state change of this process: a cached token checked
 * under an older generation is checked again. */
static _Atomic unsigned long token_gen;

static int64_t
mono_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A checked token from the worker's cache (ERR_OK), else ERR_NOTFOUND. */
static enum err
token_cached(struct http_req *req, const unsigned char key[32], int64_t now,
    unsigned long gen)
{
	struct token_cache *c = req->tokens;

	for (unsigned i = 0; i < TOKEN_CACHE_N; i++) {
		if (c->e[i].until_ms <= now || c->e[i].gen != gen ||
		    sodium_memcmp(c->e[i].key, key, 32) != 0)
			continue;
		memset(&req->user, 0, sizeof(req->user));
		req->user.id = c->e[i].id;
		req->user.name = arena_strdup(req->a, c->e[i].name);
		req->user.role = arena_strdup(req->a, c->e[i].role);
		req->user.lang = arena_strdup(req->a, c->e[i].lang);
		return ERR_OK;
	}
	return ERR_NOTFOUND;
}

static void
token_remember(struct http_req *req, const unsigned char key[32], int64_t now,
    unsigned long gen)
{
	struct token_cache *c = req->tokens;
	const struct account *u = &req->user;
	unsigned i = c->next++ % TOKEN_CACHE_N;

	if (strlen(u->name) >= sizeof(c->e[i].name) ||
	    strlen(u->role) >= sizeof(c->e[i].role) || u->lang == NULL ||
	    strlen(u->lang) >= sizeof(c->e[i].lang))
		return;
	memcpy(c->e[i].key, key, 32);
	c->e[i].id = u->id;
	snprintf(c->e[i].name, sizeof(c->e[i].name), "%s", u->name);
	snprintf(c->e[i].role, sizeof(c->e[i].role), "%s", u->role);
	snprintf(c->e[i].lang, sizeof(c->e[i].lang), "%s", u->lang);
	c->e[i].until_ms = now + TOKEN_CACHE_MS;
	c->e[i].gen = gen;
}

static enum err
token_get(struct http_req *req, const char *tok)
{
	unsigned char key[32];
	unsigned long gen = atomic_load(&token_gen);
	int64_t now;
	enum err rc;

	if (req->tokens == NULL)
		return svc_token_get(req->st, tok, req->a, &req->user);
	crypto_generichash(
	    key, sizeof(key), (const unsigned char *)tok, strlen(tok), NULL, 0);
	now = mono_ms();
	if (token_cached(req, key, now, gen) == ERR_OK)
		return ERR_OK;
	rc = svc_token_get(req->st, tok, req->a, &req->user);
	if (rc == ERR_OK)
		token_remember(req, key, now, gen);
	return rc;
}

static void
authenticate(struct http_req *req)
{
	const char *tok = NULL;
	enum err rc;
	int k;

	if (req->authorization != NULL &&
	    str_has_prefix(req->authorization, "Bearer ")) {
		tok = req->authorization + 7;
		rc = token_get(req, tok);
		req->via_token = rc == ERR_OK;
	} else {
		tok = kv_get(&req->cookies, req->cfg->cookie);
		rc = tok != NULL ? svc_session_get(req->st, tok, req->now,
		                       req->a, &req->user, &req->csrf)
		                 : ERR_AUTH;
	}
	if (rc != ERR_OK)
		return;
	k = urole_parse(req->user.role);
	if (k < 0)
		return;
	req->role = (enum urole)k;
	req->authed = true;
}

static bool
same_token(const char *a, const char *b)
{
	size_t n;

	if (a == NULL || b == NULL)
		return false;
	n = strlen(a);
	return n > 0 && n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

/*
 * A state change needs the session's CSRF token (header or form field).
 * Without a session (login, the public intake) the token is the
 * double-submit pre-session cookie set by the page that shows the form;
 * a JSON body is accepted without it, since no cross-site form can send
 * one without a preflight we never allow.  API tokens carry no cookie
 * and need none.
 */
static bool
csrf_ok(struct http_req *req)
{
	const char *sent = req->csrf_header;

	if (sent == NULL)
		sent = kv_get(&req->form, "csrf");
	if (req->via_token)
		return true;
	if (req->authed)
		return same_token(sent, req->csrf);
	if ((req->route->flags & R_JSON) && req->json != NULL)
		return true;
	return same_token(sent, kv_get(&req->cookies, "breachkit_pre"));
}

static bool
ctype_is(const char *ctype, const char *want)
{
	size_t n = strlen(want);

	return ctype != NULL && strncasecmp(ctype, want, n) == 0 &&
	       (ctype[n] == '\0' || ctype[n] == ';' || ctype[n] == ' ');
}

/* Parse the body the route expects; false (and a response) if bad. */
static bool
read_body(struct http_req *req, struct http_resp *resp)
{
	const char *why = NULL;
	json_error_t je;

	if (req->route->flags & R_JSON) {
		if (!ctype_is(req->ctype, "application/json")) {
			resp_error(req, resp, 415,
			    "the body must be JSON (Content-Type: "
			    "application/json)");
			return false;
		}
		req->json = json_loadb(req->body != NULL ? req->body : "",
		    req->body_len, JSON_REJECT_DUPLICATES, &je);
		if (req->json == NULL) {
			resp_error(req, resp, 400,
			    "the body is not valid JSON: %s (line %d, column "
			    "%d)",
			    je.text, je.line, je.column);
			return false;
		}
	} else if (req->route->flags & R_FORM) {
		if (!ctype_is(
		        req->ctype, "application/x-www-form-urlencoded")) {
			resp_error(req, resp, 415,
			    "the body must be a form "
			    "(application/x-www-form-urlencoded)");
			return false;
		}
		if (!parse_urlencoded(req->body != NULL ? req->body : "",
		        req->body_len, req->a, &req->form, &why)) {
			resp_error(req, resp, 400, "bad form field: %s", why);
			return false;
		}
	}
	return true;
}

/* A reporter sees only the incidents it recorded. */
static bool
owns(struct http_req *req)
{
	struct incident in;
	const char *creator = NULL;
	struct svc_err e;

	if (req->role != UROLE_REPORTER || req->param_n == 0)
		return true;
	svc_err_clear(&e);
	if (store_begin_read(req->st) != ERR_OK)
		return false;
	if (svc_resolve(&req->s, req->param[0], req->a, &in, &e) != ERR_OK ||
	    store_incident_creator(req->st, in.id, req->a, &creator) != ERR_OK)
		creator = NULL;
	store_rollback(req->st);
	return creator != NULL && strcmp(creator, req->user.name) == 0;
}

void
http_dispatch(struct http_req *req, struct http_resp *resp)
{
	const struct route *r;
	const char *why = NULL, *lang;
	char *path;
	bool other = false;
	struct svc_err e;

	resp->status = 200;
	req->lang = parse_accept_language(req->lang_header);
	path = parse_path(req->path, req->a);
	if (req->method == 0 || path == NULL) {
		req->route = NULL;
		resp_error(req, resp, req->method == 0 ? 405 : 400,
		    req->method == 0 ? "method not allowed" : "bad path");
		return;
	}
	req->path = path;
	r = find_route(req, &other);
	if (r == NULL) {
		resp_error(req, resp, other ? 405 : 404,
		    other ? "method not allowed here" : "no such page");
		return;
	}
	req->route = r;
	if (req->raw_query != NULL &&
	    !parse_urlencoded(req->raw_query, strlen(req->raw_query), req->a,
	        &req->query, &why)) {
		resp_error(req, resp, 400, "bad query parameter: %s", why);
		return;
	}
	parse_cookies(req->cookie_header, req->a, &req->cookies);
	authenticate(req);
	lang = kv_get(&req->cookies, "breachkit_lang");
	if (req->authed)
		req->lang = req->user.lang;
	if (lang != NULL &&
	    (strcmp(lang, "de") == 0 || strcmp(lang, "en") == 0))
		req->lang = lang;
	if ((r->flags & R_INTAKE) && !req->cfg->public_intake) {
		resp_error(req, resp, 404, "no such page");
		return;
	}
	if (r->perm != PERM_PUBLIC && !req->authed) {
		if (r->flags & R_HTML) {
			resp_redirect(resp, "/login");
			return;
		}
		resp_header(resp, "WWW-Authenticate", "Bearer");
		resp_error(req, resp, 401, "log in or send an API token");
		return;
	}
	if (req->authed && !perm_has(req->role, r->perm)) {
		resp_error(req, resp, 403, "your role (%s) may not do this",
		    urole_names[req->role]);
		return;
	}
	if (!read_body(req, resp))
		return;
	if ((r->flags & R_CSRF) && !csrf_ok(req)) {
		resp_error(req, resp, 403,
		    "missing or wrong CSRF token (X-CSRF-Token header or csrf "
		    "form field)");
		return;
	}
	svc_err_clear(&e);
	if (svc_begin(&req->s, req->st, req->authed ? req->user.name : "public",
	        req->now, &e) != ERR_OK) {
		resp_svc_err(req, resp, ERR_DB, &e);
		return;
	}
	if ((r->flags & R_OWN) && !owns(req)) {
		resp_error(
		    req, resp, 403, "reporters see only their own reports");
		return;
	}
	r->fn(req, resp);
	/* A change made here (a token revoked, a role changed) reaches the
	 * other workers' token caches at once. */
	if (req->method != M_GET && req->method != M_HEAD)
		atomic_fetch_add(&token_gen, 1);
}
