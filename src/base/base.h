/* SPDX-License-Identifier: MIT */
/*
 * base/base.h: compatibility macros every file includes first.  Pulls in
 * banned.h so misuse of unsafe libc calls is a compile error.
 */
#ifndef BREACHKIT_BASE_H
#define BREACHKIT_BASE_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
/*
 * The libc headers that declare banned functions come before banned.h,
 * as in git-compat-util.h; later includes of them are no-ops.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define nitems(a)    (sizeof(a) / sizeof((a)[0]))
#define FALLTHROUGH  __attribute__((fallthrough))
#define UNUSED       __attribute__((unused))
#define PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Programmer error: never used on a condition that depends on input. */
#define BUG(msg) base_bug(__FILE__, __LINE__, (msg))
void base_bug(const char *, int, const char *) __attribute__((noreturn));

/* Limits on outside input, all in one place (STYLE 3.6). */
enum {
	FACTS_JSON_MAX = 1 << 20,   /* bytes of one facts document */
	TEXT_SHORT_MAX = 200,       /* bytes of a one-line text fact */
	TEXT_LONG_MAX = 20000,      /* bytes of a multi-line text fact */
	LIST_MAX = 64,              /* items of any list fact */
	ATTACH_MAX = 64 << 20,      /* bytes of one attachment */
	IMPORT_LINE_MAX = 1 << 20,  /* bytes of one JSONL import line */
	REGIME_JSON_MAX = 256 << 10 /* bytes of one regime file */
};

#ifndef BREACHKIT_NO_BANNED
#include "base/banned.h"
#endif

#endif
