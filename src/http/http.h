/* SPDX-License-Identifier: MIT */
/*
 * http/http.h: the web front end and JSON API (`breachkit serve`,
 * docs/web.md).  main.c hands http_serve() to the CLI, which parses the
 * flags, environment and config file into struct serve_opts (svc.h).
 */
#ifndef BREACHKIT_HTTP_H
#define BREACHKIT_HTTP_H

#include "svc/svc.h"

/* Serve until SIGTERM or SIGINT; returns an exit code. */
int http_serve(const struct serve_opts *);
/* The route table, one "METHOD PATTERN PERMISSION FLAGS" line per route
 * and method (the hidden `breachkit test-routes`). */
void http_routes_print(FILE *);

#endif
