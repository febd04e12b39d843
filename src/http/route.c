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
};
const size_t routes_n = nitems(routes);
