/* SPDX-License-Identifier: MIT */
/*
 * http/ui_incident.c: the dashboard, the incident list and the incident
 * page, server-rendered.  Deadlines carry data-due (Unix seconds) for
 * app.js's live countdown; the page is complete without JavaScript.
 */
#include "base/base.h"

#include "base/clock.h"
#include "http/http_int.h"

/* "3 d 4 h left" / "overdue by 2 h", updated live by app.js. */
void
h_countdown(struct http_req *req, struct http_resp *resp, int64_t due)
{
	char d[DUR_LEN];
	int64_t left = due - req->now;

	duration_human(left < 0 ? -left : left, d);
	h_fmt(resp,
	    "<span class=\"countdown%H\" data-due=\"%lld\" data-lang=\"%s\">"
	    "%s %s</span>",
	    left < 0 ? " overdue" : "", (long long)due, req->lang,
	    left < 0 ? T(req, "overdue by", "überfällig seit") : d,
	    left < 0 ? d : T(req, "left", "verbleibend"));
}

struct obl_rows {
	struct http_req *req;
	struct http_resp *resp;
	size_t n;
	bool mine_only;
	bool more; /* stopped at DASH_OBL_MAX */
};

/* The dashboard shows the most urgent deadlines, not all of a large
 * register's (100,000 open incidents made a 38 MB page). */
enum { DASH_OBL_MAX = 100 };

static enum err
obl_row(void *arg, const struct obligation *o)
{
	struct obl_rows *c = arg;

	if (c->n == DASH_OBL_MAX) {
		c->more = true;
		return ERR_LIMIT; /* stops the listing; not an error */
	}
	if (c->n++ == 0)
		h_fmt(c->resp,
		    "<table><caption>%s</caption><thead><tr><th scope=\"col\">"
		    "%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    T(c->req, "Open obligations, most urgent first",
		        "Offene Pflichten, dringendste zuerst"),
		    T(c->req, "Incident", "Vorfall"),
		    T(c->req, "Obligation", "Pflicht"),
		    T(c->req, "Due", "Fällig"),
		    T(c->req, "Time left", "Verbleibend"));
	h_fmt(c->resp,
	    "<tr%H><td><a href=\"/incidents/%s\">%s</a></td><td>%s "
	    "<small>(%s)</small></td><td>",
	    c->req->now > o->due_at ? " class=\"overdue\"" : "",
	    o->incident_ref, o->incident_ref, o->label, o->article);
	h_time(c->resp, o->due_at);
	h_fmt(c->resp, "</td><td>");
	h_countdown(c->req, c->resp, o->due_at);
	h_fmt(c->resp, "</td></tr>");
	return ERR_OK;
}

struct inc_rows {
	struct http_req *req;
	struct http_resp *resp;
	size_t n;
	int64_t last;
};

static enum err
inc_row(void *arg, const struct incident *in)
{
	struct inc_rows *c = arg;

	if (c->n++ == 0)
		h_fmt(c->resp,
		    "<table class=\"incidents\"><thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead><tbody>",
		    T(c->req, "Reference", "Aktenzeichen"),
		    T(c->req, "Title", "Titel"), T(c->req, "Status", "Status"),
		    T(c->req, "Aware since", "Kenntnis seit"));
	h_fmt(c->resp,
	    "<tr><td><a href=\"/incidents/%s\">%s</a></td><td>%s</td>"
	    "<td>%s</td><td>",
	    in->ref, in->ref, in->title,
	    in->status == INCIDENT_OPEN ? T(c->req, "open", "offen")
	                                : T(c->req, "closed", "geschlossen"));
	h_time(c->resp, in->aware_at);
	h_fmt(c->resp, "</td></tr>");
	c->last = in->id;
	return ERR_OK;
}

void
ui_dashboard(struct http_req *req, struct http_resp *resp)
{
	struct obl_rows oc = { req, resp, 0, false, false };
	struct inc_rows ic = { req, resp, 0, 0 };
	struct incident_page p;
	enum err rc;

	page_begin(req, resp, T(req, "Dashboard", "Übersicht"));
	rc = store_begin_read(req->st);
	if (rc == ERR_OK && req->role != UROLE_REPORTER) {
		h_fmt(resp,
		    "<section aria-labelledby=\"obl\"><h2 id=\"obl\">%s"
		    "</h2>",
		    T(req, "Deadlines", "Fristen"));
		rc = store_obligation_each_open(req->st, obl_row, &oc);
		if (rc == ERR_LIMIT && oc.more)
			rc = ERR_OK;
		h_fmt(resp, oc.n ? "</tbody></table>" : "<p>%s</p>",
		    T(req, "Nothing is due.", "Nichts ist fällig."));
		if (oc.more)
			h_fmt(resp, "<p class=\"more\">%s %d %s</p>",
			    T(req, "The", "Die"), DASH_OBL_MAX,
			    T(req,
			        "most urgent are shown; all open obligations: "
			        "GET /api/v1/obligations.",
			        "dringendsten sind gezeigt; alle offenen Pflichten: "
			        "GET /api/v1/obligations."));
		h_fmt(resp, "</section>");
		if (rc == ERR_OK)
			rc = h_charts(req, resp);
	}
	if (rc == ERR_OK) {
		memset(&p, 0, sizeof(p));
		p.status = INCIDENT_OPEN;
		p.limit = 20;
		if (req->role == UROLE_REPORTER)
			p.creator = req->user.name;
		h_fmt(resp,
		    "<section aria-labelledby=\"open\"><h2 id=\"open\">"
		    "%s</h2>",
		    req->role == UROLE_REPORTER
		        ? T(req, "Your open reports", "Ihre offenen Meldungen")
		        : T(req, "Open incidents", "Offene Vorfälle"));
		rc = store_incident_page(req->st, &p, inc_row, &ic);
		h_fmt(resp,
		    ic.n ? "</tbody></table></section>" : "<p>%s</p></section>",
		    T(req, "No open incidents.", "Keine offenen Vorfälle."));
	}
	store_rollback(req->st);
	if (rc != ERR_OK) {
		resp_error(req, resp, 500, "reading the register failed");
		return;
	}
	page_end(req, resp);
}

void
ui_incident_list(struct http_req *req, struct http_resp *resp)
{
	struct inc_rows ic = { req, resp, 0, 0 };
	struct incident_page p;
	const char *st;
	enum err rc;

	if (!http_page_query(req, resp, &p))
		return;
	st = req_query(req, "status");
	page_begin(req, resp, T(req, "Incidents", "Vorfälle"));
	h_fmt(resp,
	    "<form method=\"get\" action=\"/incidents\" class=\"filters\" "
	    "role=\"search\"><label for=\"q\">%s</label>"
	    "<input id=\"q\" name=\"q\" type=\"search\" value=\"%s\">"
	    "<label for=\"status\">%s</label><select id=\"status\" "
	    "name=\"status\"><option value=\"any\">%s</option>"
	    "<option value=\"open\"%H>%s</option>"
	    "<option value=\"closed\"%H>%s</option></select>"
	    "<button type=\"submit\">%s</button></form>",
	    T(req, "Search", "Suche"), p.q != NULL ? p.q : "",
	    T(req, "Status", "Status"), T(req, "any", "alle"),
	    st != NULL && strcmp(st, "open") == 0 ? " selected" : "",
	    T(req, "open", "offen"),
	    st != NULL && strcmp(st, "closed") == 0 ? " selected" : "",
	    T(req, "closed", "geschlossen"), T(req, "Filter", "Filtern"));
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_incident_page(req->st, &p, inc_row, &ic);
	store_rollback(req->st);
	if (rc != ERR_OK) {
		resp_error(req, resp, 500, "reading the register failed");
		return;
	}
	if (ic.n == 0) {
		h_fmt(resp, "<p>%s</p>",
		    T(req, "No incidents match.", "Keine passenden Vorfälle."));
	} else {
		h_fmt(resp, "</tbody></table>");
		if ((int64_t)ic.n == p.limit)
			h_fmt(resp,
			    "<p><a rel=\"next\" href=\"/incidents?before=%lld"
			    "&amp;status=%s&amp;q=%s\">%s</a></p>",
			    (long long)ic.last, st != NULL ? st : "any",
			    p.q != NULL ? p.q : "", T(req, "Older", "Ältere"));
	}
	page_end(req, resp);
}
