/* SPDX-License-Identifier: MIT */
/*
 * http/route_dump.c: the route table as text, for the hidden command
 * `breachkit test-routes` that the security tests walk
 * (tests/e2e/cases/180-*.sh): one line per route and method,
 * "METHOD PATTERN PERMISSION FLAGS", FLAGS a comma list or "-".
 */
#include "base/base.h"

#include "http/http_int.h"

const char *const perm_names[PERM__MAX] = { "public", "login", "incident.read",
	"incident.new", "incident.edit", "decide", "export", "settings",
	"users" };

void
http_routes_print(FILE *fp)
{
	static const struct {
		unsigned m;
		const char *name;
	} methods[] = { { M_GET, "GET" }, { M_POST, "POST" }, { M_PUT, "PUT" },
		{ M_PATCH, "PATCH" }, { M_DELETE, "DELETE" } };
	static const struct {
		unsigned f;
		const char *name;
	} flags[] = { { R_CSRF, "csrf" }, { R_HTML, "html" },
		{ R_JSON, "json" }, { R_FORM, "form" }, { R_INTAKE, "intake" },
		{ R_OWN, "own" } };

	for (size_t i = 0; i < routes_n; i++) {
		for (size_t m = 0; m < nitems(methods); m++) {
			const char *sep = "";

			if (!(routes[i].method & methods[m].m))
				continue;
			fprintf(fp, "%s %s %s ", methods[m].name,
			    routes[i].pattern, perm_names[routes[i].perm]);
			for (size_t f = 0; f < nitems(flags); f++) {
				if (routes[i].flags & flags[f].f) {
					fprintf(fp, "%s%s", sep, flags[f].name);
					sep = ",";
				}
			}
			fprintf(fp, "%s\n", *sep ? "" : "-");
		}
	}
}
