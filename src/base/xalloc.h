/* SPDX-License-Identifier: MIT */
/*
 * base/xalloc.h: allocation that aborts on failure (git's xmalloc).  The
 * returned memory is the caller's and is released with free().
 */
#ifndef BREACHKIT_XALLOC_H
#define BREACHKIT_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
/* Grow `p` to hold `n` elements of `size` bytes, checking overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

#endif
