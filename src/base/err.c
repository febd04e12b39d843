/* SPDX-License-Identifier: MIT */
/* base/err.c: translation of enum err, done in exactly one place. */
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/err.h"

static const struct {
	const char *str;
	int exit_code;
	int http;
} errs[ERR__MAX] = {
#define X(e, s, x, h) [ERR_##e] = { s, x, h },
	ERR_LIST(X)
#undef X
};

const char *
err_str(enum err e)
{
	return (unsigned)e < ERR__MAX ? errs[e].str : "unknown error";
}

int
err_exit_code(enum err e)
{
	return (unsigned)e < ERR__MAX ? errs[e].exit_code : 1;
}

int
err_http_status(enum err e)
{
	return (unsigned)e < ERR__MAX ? errs[e].http : 500;
}

void
base_bug(const char *file, int line, const char *msg)
{
	fprintf(stderr, "BUG: %s:%d: %s\n", file, line, msg);
	abort();
}
