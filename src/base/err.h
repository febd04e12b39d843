/* SPDX-License-Identifier: MIT */
/*
 * base/err.h: the one status enum every fallible function returns, and
 * the places it is translated (exit codes, HTTP statuses).
 */
#ifndef BREACHKIT_ERR_H
#define BREACHKIT_ERR_H

#define ERR_LIST(X)                          \
	X(OK, "ok", 0, 200)                  \
	X(INVAL, "invalid input", 2, 400)    \
	X(AUTH, "not authenticated", 1, 401) \
	X(PERM, "not allowed", 1, 403)       \
	X(NOTFOUND, "not found", 1, 404)     \
	X(CONFLICT, "conflict", 1, 409)      \
	X(LIMIT, "too large", 2, 413)        \
	X(BUSY, "busy, try again", 1, 503)   \
	X(IO, "input/output error", 1, 500)  \
	X(DB, "database error", 1, 500)      \
	X(INTR, "interrupted", 130, 500)     \
	X(INTERNAL, "internal error", 1, 500)

enum err {
#define X(e, s, x, h) ERR_##e,
	ERR_LIST(X)
#undef X
	    ERR__MAX
};

/* Static English text for `e`; never NULL. */
const char *err_str(enum err e);
/* The CLI exit code for `e` (0, 1, 2 or 130). */
int err_exit_code(enum err e);
/* The HTTP status for `e`. */
int err_http_status(enum err e);

#endif
