/* SPDX-License-Identifier: MIT */
/*
 * http/resp.c: building responses: headers, JSON, errors, redirects,
 * downloads, and the escaping HTML writer with the page frame.
 */
#include "base/base.h"

#include <stdarg.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "http/http_int.h"

void
resp_header(struct http_resp *resp, const char *name, const char *value)
{
	if (resp->hdr_n < RESP_HDR_MAX) {
		resp->hdr[resp->hdr_n].name = arena_strdup(resp->a, name);
		resp->hdr[resp->hdr_n].value = arena_strdup(resp->a, value);
		resp->hdr_n++;
	}
}

void
resp_json(struct http_resp *resp, int status, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);

	resp->status = status;
	resp->ctype = "application/json";
	buf_reset(&resp->body);
	if (s != NULL) {
		(void)buf_puts(&resp->body, s);
		free(s);
	}
	json_decref(j);
}

static bool
is_html(const struct http_req *req)
{
	return req->route != NULL ? (req->route->flags & R_HTML) != 0
	                          : strncmp(req->path, "/api/", 5) != 0;
}

static void
error_page(struct http_req *req, struct http_resp *resp, const char *msg)
{
	char t[32];

	snprintf(t, sizeof(t), "%d", resp->status);
	buf_reset(&resp->body);
	resp->hdr_n = 0;
	page_begin(req, resp, T(req, "Error", "Fehler"));
	h_fmt(resp,
	    "<p class=\"error\" role=\"alert\"><strong>%s</strong> %s</p>"
	    "<p><a href=\"/\">%s</a></p>",
	    t, msg, T(req, "Back to the dashboard", "Zurück zur Übersicht"));
	page_end(req, resp);
}

void
resp_error(struct http_req *req, struct http_resp *resp, int status,
    const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int keep = resp->status;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	(void)keep;
	resp->status = status;
	resp->audit_incident = 0;
	if (is_html(req)) {
		error_page(req, resp, msg);
		return;
	}
	resp_json(resp, status,
	    json_pack(
	        "{s:{s:i, s:s}}", "error", "status", status, "message", msg));
}

void
resp_svc_err(struct http_req *req, struct http_resp *resp, enum err rc,
    const struct svc_err *e)
{
	int status = err_http_status(rc);
	json_t *j;

	if (rc == ERR_INVAL)
		status = e->fe.n > 0 ? 422 : 400;
	resp->audit_incident = 0;
	if (is_html(req)) {
		char msg[1024];
		size_t off = 0;

		off += (size_t)snprintf(
		    msg, sizeof(msg), "%s", e->msg[0] ? e->msg : err_str(rc));
		for (size_t i = 0; i < e->fe.n && off < sizeof(msg); i++)
			off += (size_t)snprintf(msg + off, sizeof(msg) - off,
			    "%s%s: %s", off ? "; " : "", e->fe.v[i].field,
			    e->fe.v[i].problem);
		resp->status = status;
		error_page(req, resp, msg);
		return;
	}
	if (e->fe.n > 0) {
		j = field_errors_json(&e->fe);
		json_object_set_new(json_object_get(j, "error"), "status",
		    json_integer(status));
		json_object_set_new(json_object_get(j, "error"), "message",
		    json_string(e->msg[0] ? e->msg : "invalid facts"));
	} else {
		j = json_pack("{s:{s:i, s:s}}", "error", "status", status,
		    "message", e->msg[0] ? e->msg : err_str(rc));
	}
	resp_json(resp, status, j);
}

void
resp_redirect(struct http_resp *resp, const char *location)
{
	resp->status = 303;
	buf_reset(&resp->body);
	resp_header(resp, "Location", location);
}

void
resp_file(struct http_resp *resp, const char *ctype, const char *name,
    const void *data, size_t len)
{
	char cd[256];

	resp->status = 200;
	resp->ctype = ctype;
	buf_reset(&resp->body);
	(void)buf_append(&resp->body, data, len);
	/* The name is ours (reference + kind): keep it to a safe alphabet
	 * anyway, so it needs no quoting. */
	{
		size_t j =
		    (size_t)snprintf(cd, sizeof(cd), "attachment; filename=\"");

		for (const char *p = name; *p && j < sizeof(cd) - 2; p++) {
			char c = *p;

			if (!((c >= 'a' && c <= 'z') ||
			        (c >= 'A' && c <= 'Z') ||
			        (c >= '0' && c <= '9') || c == '-' ||
			        c == '_' || c == '.'))
				c = '_';
			cd[j++] = c;
		}
		cd[j++] = '"';
		cd[j] = '\0';
	}
	resp_header(resp, "Content-Disposition", cd);
}

const char *
req_query(const struct http_req *req, const char *k)
{
	return kv_get(&req->query, k);
}

const char *
req_form(const struct http_req *req, const char *k)
{
	return kv_get(&req->form, k);
}

const char *
req_form_text(const struct http_req *req, const char *k)
{
	const char *v = kv_get(&req->form, k);

	return v != NULL && *v != '\0' ? v : NULL;
}

const char *
T(const struct http_req *req, const char *en, const char *de)
{
	return req->lang != NULL && strcmp(req->lang, "en") == 0 ? en : de;
}

/* ---- HTML --------------------------------------------------------------- */

static void
esc(struct buf *b, const char *s)
{
	const char *run = s;

	if (s == NULL)
		return;
	for (; *s; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			break;
		}
		if (rep != NULL) {
			(void)buf_append(b, run, (size_t)(s - run));
			(void)buf_puts(b, rep);
			run = s + 1;
		}
	}
	(void)buf_append(b, run, (size_t)(s - run));
}

/*
 * "%.Ns" at `p` (the '.'): write at most N bytes of `s`, escaped, never
 * cutting a UTF-8 character.  Returns the position of the 's'.  Without
 * this, h_fmt would skip the conversion and hand its argument to the next
 * one (a crash with %lld or %s after it).
 */
static const char *
h_precision(struct buf *b, const char *p, const char *s)
{
	size_t max = 0, n = 0;
	char *cut;

	for (p++; *p >= '0' && *p <= '9'; p++)
		max = max * 10 + (size_t)(*p - '0');
	assert(*p == 's');
	if (s == NULL)
		return p;
	while (n < max && s[n] != '\0')
		n++;
	while (n > 0 && s[n] != '\0' && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	cut = xmalloc(n + 1);
	memcpy(cut, s, n);
	cut[n] = '\0';
	esc(b, cut);
	free(cut);
	return p;
}

void
h_text(struct http_resp *resp, const char *s)
{
	esc(&resp->body, s);
}

void
h_fmt(struct http_resp *resp, const char *fmt, ...)
{
	va_list ap;
	const char *run = fmt;

	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		(void)buf_append(&resp->body, run, (size_t)(p - run));
		p++;
		switch (*p) {
		case 's':
			esc(&resp->body, va_arg(ap, const char *));
			break;
		case 'H':
			(void)buf_puts(&resp->body, va_arg(ap, const char *));
			break;
		case '.': /* %.Ns: at most N bytes, escaped, whole characters */
			p = h_precision(
			    &resp->body, p, va_arg(ap, const char *));
			break;
		case 'd':
			(void)buf_printf(&resp->body, "%d", va_arg(ap, int));
			break;
		case 'z':
			p++; /* %zu */
			(void)buf_printf(
			    &resp->body, "%zu", va_arg(ap, size_t));
			break;
		case 'l':
			p += 2; /* %lld */
			(void)buf_printf(
			    &resp->body, "%lld", va_arg(ap, long long));
			break;
		case '%':
			(void)buf_putc(&resp->body, '%');
			break;
		default:
			p--;
			break;
		}
		run = p + 1;
	}
	(void)buf_puts(&resp->body, run);
	va_end(ap);
}

void
h_time(struct http_resp *resp, int64_t t)
{
	char s[ISO_LEN];

	if (t == TIME_UNKNOWN || t == 0) {
		h_text(resp, "–");
		return;
	}
	clock_format_human(t, s);
	h_fmt(resp, "<time datetime=\"%lld\">%s</time>", (long long)t, s);
}

void
h_csrf(struct http_req *req, struct http_resp *resp)
{
	h_fmt(resp, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
	    req->csrf != NULL ? req->csrf : "");
}

static void
nav_link(struct http_req *req, struct http_resp *resp, const char *href,
    const char *label, enum perm perm)
{
	bool here = strcmp(req->path, href) == 0 ||
	            (strcmp(href, "/") != 0 &&
	                strncmp(req->path, href, strlen(href)) == 0);

	if (!req->authed || !perm_has(req->role, perm))
		return;
	h_fmt(resp, "<li><a href=\"%s\"%H>%s</a></li>", href,
	    here ? " aria-current=\"page\"" : "", label);
}

void
page_begin(struct http_req *req, struct http_resp *resp, const char *title)
{
	resp->ctype = "text/html; charset=utf-8";
	h_fmt(resp,
	    "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">"
	    "<meta name=\"csrf\" content=\"%s\">"
	    "<title>%s – breachkit</title>"
	    "<link rel=\"stylesheet\" href=\"/static/app.css\">"
	    "<script src=\"/static/app.js\" defer></script>"
	    "</head><body>"
	    "<a class=\"skip\" href=\"#main\">%s</a>"
	    "<header><nav aria-label=\"%s\"><a class=\"brand\" "
	    "href=\"/\">breachkit</a><ul>",
	    req->lang, req->csrf != NULL ? req->csrf : "", title,
	    T(req, "Skip to content", "Zum Inhalt springen"),
	    T(req, "Main", "Hauptnavigation"));
	nav_link(req, resp, "/", T(req, "Dashboard", "Übersicht"), PERM_LOGIN);
	nav_link(req, resp, "/incidents", T(req, "Incidents", "Vorfälle"),
	    PERM_INCIDENT_READ);
	nav_link(req, resp, "/intake",
	    T(req, "Report a breach", "Vorfall melden"), PERM_INCIDENT_NEW);
	nav_link(req, resp, "/register", T(req, "Register", "Verzeichnis"),
	    PERM_EXPORT);
	nav_link(req, resp, "/settings", T(req, "Settings", "Einstellungen"),
	    PERM_SETTINGS);
	h_fmt(resp, "</ul><div class=\"who\">");
	h_fmt(resp, "<a href=\"/lang?to=%s&amp;next=%s\" lang=\"%s\">%s</a>",
	    strcmp(req->lang, "en") == 0 ? "de" : "en", req->path,
	    strcmp(req->lang, "en") == 0 ? "de" : "en",
	    strcmp(req->lang, "en") == 0 ? "Deutsch" : "English");
	if (req->authed) {
		h_fmt(resp,
		    "<span>%s (%s)</span>"
		    "<form method=\"post\" action=\"/logout\" class=\"inline\">",
		    req->user.name, urole_names[req->role]);
		h_csrf(req, resp);
		h_fmt(resp, "<button type=\"submit\">%s</button></form>",
		    T(req, "Log out", "Abmelden"));
	}
	h_fmt(
	    resp, "</div></nav></header><main id=\"main\"><h1>%s</h1>", title);
}

void
page_end(struct http_req *req, struct http_resp *resp)
{
	h_fmt(resp,
	    "</main><footer><p>breachkit · %s</p></footer></body></html>\n",
	    T(req, "GDPR personal data breach register",
	        "Register der Datenschutzverletzungen (DSGVO)"));
}
