/* SPDX-License-Identifier: MIT */
/*
 * http/http_int.h: what the http files share.  server.c (the only file
 * that sees libevent) turns each request into one http_dispatch() call
 * after the whole body has been read; dispatch.c finds the route,
 * authenticates, checks the role and the CSRF token, and calls the
 * handler, which fills `struct http_resp`.  Routes are data (route.c).
 *
 * Handlers write HTML only through the h_*() helpers, which escape every
 * string argument unless it is passed as trusted markup (%H), and JSON
 * only through jansson.
 */
#ifndef BREACHKIT_HTTP_INT_H
#define BREACHKIT_HTTP_INT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "http/http.h"
#include "http/parse.h"
#include "svc/svc.h"

enum http_method {
	M_GET = 1,
	M_POST = 2,
	M_PUT = 4,
	M_PATCH = 8,
	M_DELETE = 16,
	M_HEAD = 32
};

/* What a route needs.  roles_of() (dispatch.c) maps roles to these. */
enum perm {
	PERM_PUBLIC,        /* no login (must be said explicitly) */
	PERM_LOGIN,         /* any account */
	PERM_INCIDENT_READ, /* admin, dpo, editor, viewer; reporter: own */
	PERM_INCIDENT_NEW,  /* everyone but viewer */
	PERM_INCIDENT_EDIT, /* admin, dpo, editor */
	PERM_DECIDE,        /* admin, dpo: decisions, filings, documents */
	PERM_EXPORT,        /* admin, dpo */
	PERM_SETTINGS,      /* admin, dpo */
	PERM_USERS,         /* admin */
	PERM__MAX
};

enum route_flag {
	R_CSRF = 1,    /* a state change: the session's CSRF token required */
	R_HTML = 2,    /* a page (errors as HTML, login redirects) */
	R_JSON = 4,    /* the body is JSON (Content-Type checked, parsed) */
	R_FORM = 8,    /* the body is a form (parsed into req->form) */
	R_INTAKE = 16, /* the public intake: only when enabled */
	R_OWN = 32     /* {id} is an incident the reporter role must own */
};

struct http_req;
struct http_resp;
typedef void (*handler_fn)(struct http_req *, struct http_resp *);

struct route {
	unsigned method;
	const char *pattern; /* "/api/v1/incidents/{id}" */
	handler_fn fn;
	enum perm perm;
	unsigned flags;
	const char *summary;
};
extern const struct route routes[];
extern const size_t routes_n;
/* "public", "login", "incident.read", ... (route_dump.c) */
extern const char *const perm_names[PERM__MAX];

/* The server's settings (flags, environment, config file). */
struct http_config {
	const char *db;
	bool tls;           /* behind TLS or a trusted TLS proxy */
	bool public_intake; /* the account-less report form */
	size_t max_body;
	int busy_ms;        /* store_busy_timeout(); 0: the default */
	const char *cookie; /* session cookie name */
};

enum { PARAM_MAX = 4 };

struct http_req {
	unsigned method;
	const char *path;
	const struct route *route;
	const char *param[PARAM_MAX]; /* {...} segments, in order */
	size_t param_n;
	struct kvlist query, form, cookies;
	const char *body;
	size_t body_len;
	json_t *json; /* the body with R_JSON (owned by the request) */
	const char *ctype;
	const char *raw_query;     /* as sent, or NULL */
	const char *cookie_header; /* the request's headers (or NULL) */
	const char *lang_header;
	const char *authorization;
	const char *csrf_header;
	const char *if_none_match;
	const char *lang; /* "de" or "en" */
	bool authed;
	bool via_token; /* API token, not a session */
	struct account user;
	enum urole role;
	const char *csrf; /* the session's token */
	struct store *st;
	struct svc s; /* actor = the account name */
	struct arena *a;
	int64_t now;
	const struct http_config *cfg;
	const char *peer; /* client address (rate limits only; never logged) */
	struct token_cache *tokens; /* the worker's, or NULL */
};

/*
 * A worker's API tokens checked in the last TOKEN_CACHE_MS: keyed by a
 * BLAKE2b hash of the token (the token itself is not kept), holding the
 * account as it was read.  A change made through this server empties the
 * caches (dispatch.c, token_gen); one made by another process (the CLI's
 * `user token revoke`) takes effect within TOKEN_CACHE_MS.
 */
enum { TOKEN_CACHE_N = 8, TOKEN_CACHE_MS = 1000 };
struct token_cache {
	struct {
		unsigned char key[32];
		int64_t until_ms; /* CLOCK_MONOTONIC; 0: empty */
		unsigned long gen;
		int64_t id;
		char name[72];
		char role[16];
		char lang[8];
	} e[TOKEN_CACHE_N];
	unsigned next;
};

struct http_hdr {
	const char *name;
	const char *value;
};
enum { RESP_HDR_MAX = 8 };

struct http_resp {
	int status;
	struct buf body;
	const char *ctype;
	struct http_hdr hdr[RESP_HDR_MAX];
	size_t hdr_n;
	bool cacheable;         /* static assets only: no no-store */
	int64_t audit_incident; /* > 0: record a read before replying */
	const char *audit_what;
	struct arena *a; /* the request's arena */
};

/* ---- dispatch.c -------------------------------------------------------- */

/* Everything between "request read" and "response ready". */
void http_dispatch(struct http_req *, struct http_resp *);
/* True if `role` holds `perm` (route checks and page links). */
bool perm_has(enum urole role, enum perm perm);
/* Rate limits by client address: login attempts (10 a minute) and public
 * intake reports (5 in 10 minutes). */
enum rate_kind { RATE_LOGIN, RATE_INTAKE, RATE__MAX };
/* Count an attempt of kind `k` from `peer`: true if it is allowed. */
bool rate_ok(enum rate_kind k, const char *peer, int64_t now);

/* ---- resp.c: building responses --------------------------------------- */

void resp_header(struct http_resp *, const char *name, const char *value);
/* JSON body (consumed). */
void resp_json(struct http_resp *, int status, json_t *);
/* An error in the route's kind (JSON for the API, a page for HTML). */
void resp_error(struct http_req *, struct http_resp *, int status,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Map a svc error (with field problems) to the right status and body. */
void resp_svc_err(
    struct http_req *, struct http_resp *, enum err, const struct svc_err *);
/* 303 See Other to `location` (a path of ours). */
void resp_redirect(struct http_resp *, const char *location);
/* A download: body bytes, type and file name. */
void resp_file(struct http_resp *, const char *ctype, const char *name,
    const void *data, size_t len);

/* The value of query/form field `k`, or NULL. */
const char *req_query(const struct http_req *, const char *k);
const char *req_form(const struct http_req *, const char *k);
/* An optional form text: NULL when absent or left empty. */
const char *req_form_text(const struct http_req *, const char *k);
/* The language's text: T(req, "Incidents", "Vorfälle"). */
const char *T(const struct http_req *, const char *en, const char *de);

/*
 * HTML output.  h_fmt() understands %s (escaped text), %H (trusted
 * markup: literals and h_*() output only), %d, %lld, %zu and %%.
 */
void h_fmt(struct http_resp *, const char *fmt, ...);
void h_text(struct http_resp *, const char *s);
/* The page frame: <head>, the navigation of the role, the title. */
void page_begin(struct http_req *, struct http_resp *, const char *title);
void page_end(struct http_req *, struct http_resp *);
/* <input type=hidden name=csrf>: every form that changes state. */
void h_csrf(struct http_req *, struct http_resp *);
/* A time as "2024-05-01 12:00" in the register's zone. */
void h_time(struct http_resp *, int64_t t);

/* A live countdown to `due` (app.js updates data-due elements). */
void h_countdown(struct http_req *, struct http_resp *, int64_t due);
/* The risk engine's recommendation with reasons (ui_case.c). */
void h_assessment(struct http_req *, struct http_resp *, json_t *as);
/* ?status=&q=&before=&limit= into a page query; false after a 400. */
bool http_page_query(
    struct http_req *, struct http_resp *, struct incident_page *);

/* Static assets (static.c). */
void static_serve(struct http_req *, struct http_resp *);

/* ---- handlers ---------------------------------------------------------- */

/* api_session.c */
void api_login(struct http_req *, struct http_resp *);
void api_logout(struct http_req *, struct http_resp *);
void api_me(struct http_req *, struct http_resp *);
void api_openapi(struct http_req *, struct http_resp *);
/* api_incident.c */
void api_incident_list(struct http_req *, struct http_resp *);
void api_incident_get(struct http_req *, struct http_resp *);
void api_incident_new(struct http_req *, struct http_resp *);
void api_incident_edit(struct http_req *, struct http_resp *);
void api_incident_assess(struct http_req *, struct http_resp *);
void api_incident_decide(struct http_req *, struct http_resp *);
void api_incident_notify(struct http_req *, struct http_resp *);
void api_incident_access(struct http_req *, struct http_resp *);
void api_obligations(struct http_req *, struct http_resp *);
void api_assess_facts(struct http_req *, struct http_resp *);
/* api_record.c (422 with a validator's field errors: resp_fields) */
void resp_fields(struct http_req *, struct http_resp *,
    const struct field_errors *, const char *msg);
void api_note(struct http_req *, struct http_resp *);
void api_close(struct http_req *, struct http_resp *);
void api_reopen(struct http_req *, struct http_resp *);
void api_filing(struct http_req *, struct http_resp *);
void api_obligation_add(struct http_req *, struct http_resp *);
void api_attach_upload(struct http_req *, struct http_resp *);
void api_attach_get(struct http_req *, struct http_resp *);
void api_history(struct http_req *, struct http_resp *);
void api_verify(struct http_req *, struct http_resp *);
void api_incident_verify(struct http_req *, struct http_resp *);
void api_notice(struct http_req *, struct http_resp *);
void api_letters_dry_run(struct http_req *, struct http_resp *);
/* api_admin.c (http_export: the register into resp; false after an error) */
bool http_export(struct http_req *, struct http_resp *, bool json);
json_t *account_json(const struct account *, int64_t now);
void api_export(struct http_req *, struct http_resp *);
void api_settings(struct http_req *, struct http_resp *);
void api_settings_set(struct http_req *, struct http_resp *);
void api_templates(struct http_req *, struct http_resp *);
void api_template_get(struct http_req *, struct http_resp *);
void api_template_set(struct http_req *, struct http_resp *);
void api_template_reset(struct http_req *, struct http_resp *);
void api_template_history(struct http_req *, struct http_resp *);
void api_regimes(struct http_req *, struct http_resp *);
void api_regime_get(struct http_req *, struct http_resp *);
void api_regime_load(struct http_req *, struct http_resp *);
void api_users(struct http_req *, struct http_resp *);
void api_user_add(struct http_req *, struct http_resp *);
void api_user_change(struct http_req *, struct http_resp *);
void api_tokens(struct http_req *, struct http_resp *);
void api_token_create(struct http_req *, struct http_resp *);
void api_token_revoke(struct http_req *, struct http_resp *);
/* ui_admin.c */
void ui_settings(struct http_req *, struct http_resp *);
void ui_settings_post(struct http_req *, struct http_resp *);
void ui_templates(struct http_req *, struct http_resp *);
void ui_template(struct http_req *, struct http_resp *);
void ui_template_post(struct http_req *, struct http_resp *);
void ui_template_reset(struct http_req *, struct http_resp *);
void ui_users(struct http_req *, struct http_resp *);
void ui_user_add(struct http_req *, struct http_resp *);
void ui_user_post(struct http_req *, struct http_resp *);
void ui_tokens(struct http_req *, struct http_resp *);
void ui_token_create(struct http_req *, struct http_resp *);
void ui_token_revoke(struct http_req *, struct http_resp *);
void ui_regimes(struct http_req *, struct http_resp *);
void ui_regime(struct http_req *, struct http_resp *);
void ui_regime_load(struct http_req *, struct http_resp *);
void ui_register(struct http_req *, struct http_resp *);
void ui_register_export(struct http_req *, struct http_resp *);
/* ui_*.c */
void ui_login(struct http_req *, struct http_resp *);
void ui_login_post(struct http_req *, struct http_resp *);
void ui_logout(struct http_req *, struct http_resp *);
void ui_lang(struct http_req *, struct http_resp *);
void ui_decide(struct http_req *, struct http_resp *);
void ui_dashboard(struct http_req *, struct http_resp *);
void ui_incident_list(struct http_req *, struct http_resp *);
void ui_incident(struct http_req *, struct http_resp *);

/* ui_wizard.c: the guided intake wizard and its drafts */
void ui_wizard_home(struct http_req *, struct http_resp *);
void ui_wizard_new(struct http_req *, struct http_resp *);
void ui_wizard_step(struct http_req *, struct http_resp *);
void ui_wizard_save(struct http_req *, struct http_resp *);
void ui_wizard_delete(struct http_req *, struct http_resp *);
/* Local times of the display zone (datetime-local inputs), ui_wizard.c. */
int64_t zone_offset(int64_t t);
bool local_parse(const char *v, int64_t *out);
const char *local_value(struct arena *, const json_t *iso);
/* ui_intake.c: the public intake form (--public-intake) */
void ui_report(struct http_req *, struct http_resp *);
void ui_report_post(struct http_req *, struct http_resp *);
/* ui_chart.c: the dashboard's SVG charts (inside a read transaction). */
enum err h_charts(struct http_req *, struct http_resp *);
/* ui_case.c: the incident page's forms */
void ui_note(struct http_req *, struct http_resp *);
void ui_status(struct http_req *, struct http_resp *);
void ui_file(struct http_req *, struct http_resp *);
void ui_attach(struct http_req *, struct http_resp *);
void ui_attachment_get(struct http_req *, struct http_resp *);

#endif
