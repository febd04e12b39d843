/* SPDX-License-Identifier: MIT */
/*
 * http/route.c: the route table.  Every route names its permission
 * (PERM_PUBLIC explicitly) and every state change carries R_CSRF; a unit
 * test walks the table (tests/unit/test_http.c) and an e2e test calls
 * every route without a login and with every role.  docs/openapi.json
 * describes the /api/v1 routes; a test checks the two agree.
 */
#include "base/base.h"

#include "http/http_int.h"

#define RW (R_CSRF)
#define RJ (R_CSRF | R_JSON)
#define RF (R_CSRF | R_FORM | R_HTML)

const struct route routes[] = {
	/* the API */
	{ M_POST, "/api/v1/session", api_login, PERM_PUBLIC, RJ, "log in" },
	{ M_DELETE, "/api/v1/session", api_logout, PERM_LOGIN, RW, "log out" },
	{ M_GET, "/api/v1/me", api_me, PERM_LOGIN, 0, "who am I" },
	{ M_GET, "/api/v1/openapi.json", api_openapi, PERM_PUBLIC, 0,
	    "this API described (OpenAPI 3)" },
	{ M_GET, "/api/v1/incidents", api_incident_list, PERM_INCIDENT_READ, 0,
	    "incidents, newest first" },
	{ M_POST, "/api/v1/incidents", api_incident_new, PERM_INCIDENT_NEW, RJ,
	    "record an incident" },
	{ M_GET, "/api/v1/incidents/{id}", api_incident_get, PERM_INCIDENT_READ,
	    R_OWN, "one incident" },
	{ M_PATCH, "/api/v1/incidents/{id}", api_incident_edit,
	    PERM_INCIDENT_EDIT, RJ, "change the facts (merge patch)" },
	{ M_POST, "/api/v1/incidents/{id}/assessment", api_incident_assess,
	    PERM_INCIDENT_EDIT, RW, "assess and record" },
	{ M_POST, "/api/v1/incidents/{id}/decisions", api_incident_decide,
	    PERM_DECIDE, RJ, "record a decision" },
	{ M_GET, "/api/v1/incidents/{id}/notification", api_incident_notify,
	    PERM_DECIDE, 0, "the authority notification" },
	{ M_GET, "/api/v1/incidents/{id}/reads", api_incident_access,
	    PERM_DECIDE, 0, "who read the incident" },
	{ M_GET, "/api/v1/obligations", api_obligations, PERM_INCIDENT_READ, 0,
	    "open obligations by deadline" },
	{ M_POST, "/api/v1/assess", api_assess_facts, PERM_INCIDENT_NEW, RJ,
	    "assess facts without storing them" },
	/* the pages */
	{ M_GET, "/static/{file}", static_serve, PERM_PUBLIC, 0, "assets" },
	{ M_GET, "/login", ui_login, PERM_PUBLIC, R_HTML, "log in" },
	{ M_POST, "/login", ui_login_post, PERM_PUBLIC, RF, "log in" },
	{ M_POST, "/logout", ui_logout, PERM_LOGIN, RF, "log out" },
	{ M_GET, "/lang", ui_lang, PERM_PUBLIC, R_HTML, "language" },
	{ M_GET, "/", ui_dashboard, PERM_LOGIN, R_HTML, "dashboard" },
	{ M_GET, "/incidents", ui_incident_list, PERM_INCIDENT_READ, R_HTML,
	    "incidents" },
	{ M_GET, "/incidents/{id}", ui_incident, PERM_INCIDENT_READ,
	    R_HTML | R_OWN, "incident" },
	{ M_POST, "/incidents/{id}/decide", ui_decide, PERM_DECIDE, RF,
	    "record a decision" },
	/* the incident page's forms (ui_case.c) */
	{ M_POST, "/incidents/{id}/notes", ui_note, PERM_INCIDENT_EDIT, RF,
	    "add a note" },
	{ M_POST, "/incidents/{id}/status", ui_status, PERM_INCIDENT_EDIT, RF,
	    "close or reopen" },
	{ M_POST, "/incidents/{id}/filings", ui_file, PERM_DECIDE, RF,
	    "record a filing" },
	{ M_POST, "/incidents/{id}/attachments", ui_attach, PERM_INCIDENT_EDIT,
	    RW, "upload an attachment (raw body, ?name=)" },
	{ M_GET, "/incidents/{id}/attachments/{aid}", ui_attachment_get,
	    PERM_INCIDENT_READ, R_HTML | R_OWN, "download an attachment" },
	/* the public intake (ui_intake.c), only with --public-intake */
	{ M_GET, "/report", ui_report, PERM_PUBLIC, R_HTML | R_INTAKE,
	    "report a suspected breach without an account" },
	{ M_POST, "/report", ui_report_post, PERM_PUBLIC, RF | R_INTAKE,
	    "send the report" },
	/* the intake wizard (ui_wizard.c) */
	{ M_GET, "/intake", ui_wizard_home, PERM_INCIDENT_NEW, R_HTML,
	    "report a breach: drafts" },
	{ M_POST, "/intake", ui_wizard_new, PERM_INCIDENT_NEW, RF,
	    "start a report" },
	{ M_GET, "/intake/{id}", ui_wizard_step, PERM_INCIDENT_NEW, R_HTML,
	    "a step of the wizard" },
	{ M_POST, "/intake/{id}", ui_wizard_save, PERM_INCIDENT_NEW, RF,
	    "save a step (or record the incident)" },
	{ M_POST, "/intake/{id}/delete", ui_wizard_delete, PERM_INCIDENT_NEW,
	    RF, "delete a draft" },
};
const size_t routes_n = nitems(routes);
