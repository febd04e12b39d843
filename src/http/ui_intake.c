/* SPDX-License-Identifier: MIT */
/*
 * http/ui_intake.c: the public intake form (/report), off by default and
 * switched on with `serve --public-intake`: a member of staff reports a
 * suspected breach without an account (a title, what happened, when it
 * was noticed, optionally a contact e-mail).  The form carries the
 * double-submit pre-session token (cookie breachkit_pre, as the login
 * page does), submissions are rate-limited per client address, and the
 * incident is recorded with the actor "public-intake"; the page shows the
 * reference as the receipt.  No awareness time is set: the DPO decides
 * when the controller became aware (docs/facts.md).
 */
#include "base/base.h"

#include "base/clock.h"
#include "http/http_int.h"

#define INTAKE_ACTOR "public-intake"

/* ---- the form ----------------------------------------------------------- */

static const char *
problem_of(const struct field_errors *fe, const char *field)
{
	for (size_t i = 0; fe != NULL && i < fe->n; i++)
		if (strcmp(fe->v[i].field, field) == 0)
			return fe->v[i].problem;
	return NULL;
}

static void
h_err(struct http_resp *resp, const struct field_errors *fe, const char *field,
    const char *id)
{
	const char *p = problem_of(fe, field);

	if (p != NULL)
		h_fmt(resp,
		    "<span class=\"field-error\" id=\"%s-err\" role=\"alert\">"
		    "%s: %s</span>",
		    id, field, p);
}

static const char *
invalid_attr(struct http_req *req, const struct field_errors *fe,
    const char *field, const char *id)
{
	return problem_of(fe, field) != NULL
	           ? arena_printf(req->a,
	                 " aria-invalid=\"true\" aria-describedby=\"%s-err\"",
	                 id)
	           : "";
}

static void
report_form(
    struct http_req *req, struct http_resp *resp, const struct field_errors *fe)
{
	char pre[TOKEN_MAX], c[160];
	const char *token = req->csrf;
	const char *title = req_form(req, "title");
	const char *what = req_form(req, "description");
	const char *when = req_form(req, "noticed_at");
	const char *mail = req_form(req, "email");

	if (!req->authed) {
		svc_password_new(pre);
		snprintf(c, sizeof(c),
		    "breachkit_pre=%s; Path=/; HttpOnly; SameSite=Strict%s",
		    pre, req->cfg->tls ? "; Secure" : "");
		resp_header(resp, "Set-Cookie", c);
		token = pre;
	}
	page_begin(
	    req, resp, T(req, "Report a suspected breach", "Verdacht melden"));
	if (fe != NULL && fe->n > 0)
		h_fmt(resp, "<p class=\"error\" role=\"alert\">%s</p>",
		    T(req,
		        "Please check the marked fields; nothing was recorded.",
		        "Bitte prüfen Sie die markierten Felder; nichts wurde "
		        "erfasst."));
	h_fmt(resp,
	    "<p>%s</p><form method=\"post\" action=\"/report\" "
	    "class=\"report\" novalidate><input type=\"hidden\" name=\"csrf\" "
	    "value=\"%s\"><fieldset><legend>%s</legend>",
	    T(req,
	        "Tell the data protection team what you noticed. Report early: "
	        "a suspicion is enough. Do not copy personal data into this "
	        "form.",
	        "Teilen Sie dem Datenschutzteam mit, was Ihnen aufgefallen ist. "
	        "Melden Sie früh: ein Verdacht genügt. Kopieren Sie keine "
	        "personenbezogenen Daten in dieses Formular."),
	    token != NULL ? token : "", T(req, "Your report", "Ihre Meldung"));
	h_fmt(resp,
	    "<p><label for=\"r-title\">%s</label><input id=\"r-title\" "
	    "name=\"title\" required maxlength=\"200\" value=\"%s\"%H>",
	    T(req, "What is it about? (a short title)",
	        "Worum geht es? (kurzer Titel)"),
	    title != NULL ? title : "",
	    invalid_attr(req, fe, "title", "r-title"));
	h_err(resp, fe, "title", "r-title");
	h_fmt(resp,
	    "</p><p><label for=\"r-description\">%s</label><textarea "
	    "id=\"r-description\" name=\"description\" rows=\"6\"%H>%s"
	    "</textarea>",
	    T(req, "What happened?", "Was ist passiert?"),
	    invalid_attr(req, fe, "description", "r-description"),
	    what != NULL ? what : "");
	h_err(resp, fe, "description", "r-description");
	h_fmt(resp,
	    "</p><p><label for=\"r-noticed\">%s</label><input "
	    "type=\"datetime-local\" id=\"r-noticed\" name=\"noticed_at\" "
	    "value=\"%s\"%H><small class=\"hint\">%s</small>",
	    T(req, "When did you notice it?", "Wann ist es Ihnen aufgefallen?"),
	    when != NULL ? when : "",
	    invalid_attr(req, fe, "timeline.discovered_at", "r-noticed"),
	    T(req, "Leave empty if you are not sure.",
	        "Leer lassen, wenn Sie unsicher sind."));
	h_err(resp, fe, "timeline.discovered_at", "r-noticed");
	h_fmt(resp,
	    "</p><p><label for=\"r-email\">%s</label><input type=\"email\" "
	    "id=\"r-email\" name=\"email\" autocomplete=\"email\" "
	    "value=\"%s\"%H><small class=\"hint\">%s</small>",
	    T(req, "Your e-mail (optional)", "Ihre E-Mail (freiwillig)"),
	    mail != NULL ? mail : "",
	    invalid_attr(req, fe, "reporter.email", "r-email"),
	    T(req, "Only for questions about this report.",
	        "Nur für Rückfragen zu dieser Meldung."));
	h_err(resp, fe, "reporter.email", "r-email");
	h_fmt(resp,
	    "</p></fieldset><p><button type=\"submit\" class=\"primary\">%s"
	    "</button></p></form>",
	    T(req, "Send the report", "Meldung absenden"));
	page_end(req, resp);
}

/* GET /report */
void
ui_report(struct http_req *req, struct http_resp *resp)
{
	report_form(req, resp, NULL);
}

static void
text_of(struct http_req *req, const char *k, const char **out)
{
	const char *v = req_form(req, k);

	*out = v != NULL && *v != '\0' ? v : NULL;
}

/* The facts of a report: parsed once, every problem named. */
static json_t *
report_facts(struct http_req *req, struct field_errors *fe)
{
	const char *title, *what, *when, *mail;
	json_t *j = json_object();
	int64_t t;

	text_of(req, "title", &title);
	text_of(req, "description", &what);
	text_of(req, "noticed_at", &when);
	text_of(req, "email", &mail);
	if (title == NULL)
		field_errors_add(fe, "title", "required");
	else
		json_object_set_new(j, "title", json_string(title));
	if (what != NULL) {
		struct buf b;

		/* The browser's CRLF line breaks as LF. */
		buf_init(&b, KV_VALUE_MAX);
		for (const char *p = what; *p; p++)
			if (!(p[0] == '\r' && p[1] == '\n'))
				(void)buf_putc(&b, *p);
		json_object_set_new(
		    j, "description", json_string(buf_cstr(&b)));
		buf_release(&b);
	}
	if (when != NULL) {
		char iso[ISO_LEN];

		if (local_parse(when, &t)) {
			iso8601_format(t, iso);
			json_object_set_new(j, "timeline",
			    json_pack("{s:s}", "discovered_at", iso));
		} else {
			field_errors_add(fe, "timeline.discovered_at",
			    "a date and time, e.g. 2024-05-01T10:00");
		}
	}
	if (mail != NULL) {
		const char *at = strchr(mail, '@');

		if (at == NULL || at == mail || strchr(at + 1, '.') == NULL ||
		    strpbrk(mail, " \t\r\n<>\"") != NULL)
			field_errors_add(fe, "reporter.email",
			    "an e-mail address like name@example.org");
		else
			json_object_set_new(
			    j, "reporter", json_pack("{s:s}", "email", mail));
	}
	return j;
}

/* POST /report */
void
ui_report_post(struct http_req *req, struct http_resp *resp)
{
	struct svc_err e;
	const char *ref = NULL;
	json_t *facts;
	char *text;
	enum err rc;

	if (!rate_ok(
	        RATE_INTAKE, req->peer != NULL ? req->peer : "", req->now)) {
		resp_error(req, resp, 429,
		    "too many reports from this address; please wait ten "
		    "minutes or call the data protection team");
		return;
	}
	svc_err_clear(&e);
	facts = report_facts(req, &e.fe);
	if (e.fe.n > 0) {
		json_decref(facts);
		resp->status = 422;
		report_form(req, resp, &e.fe);
		return;
	}
	text = json_dumps(facts, JSON_COMPACT);
	json_decref(facts);
	if (text == NULL)
		BUG("json_dumps");
	req->s.actor = INTAKE_ACTOR;
	rc = svc_incident_create(&req->s, text, strlen(text), &ref, &e);
	free(text);
	if (rc == ERR_INVAL && e.fe.n > 0) {
		resp->status = 422;
		report_form(req, resp, &e.fe);
		return;
	}
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp->status = 201;
	page_begin(req, resp, T(req, "Thank you", "Vielen Dank"));
	h_fmt(resp,
	    "<p role=\"status\">%s <strong class=\"receipt\">%s</strong>.</p>"
	    "<p>%s</p>",
	    T(req, "Your report was recorded under the reference",
	        "Ihre Meldung wurde erfasst unter dem Aktenzeichen"),
	    ref,
	    T(req,
	        "Keep this reference. The data protection team will look at "
	        "your report and contact you if they need more.",
	        "Bitte notieren Sie das Aktenzeichen. Das Datenschutzteam "
	        "prüft Ihre Meldung und meldet sich bei Rückfragen."));
	page_end(req, resp);
}
