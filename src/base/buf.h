/* SPDX-License-Identifier: MIT */
/*
 * base/buf.h: growable byte buffer with a hard cap set at init (curl's
 * dynbuf "toobig").  An append past the cap returns ERR_LIMIT and leaves
 * the buffer as it was.  The contents are always NUL-terminated.
 */
#ifndef BREACHKIT_BUF_H
#define BREACHKIT_BUF_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"

struct buf {
	char *p;
	size_t len;
	size_t cap;
	size_t max;
};

void buf_init(struct buf *, size_t max);
void buf_release(struct buf *);
void buf_reset(struct buf *);
enum err buf_append(struct buf *, const void *, size_t);
enum err buf_puts(struct buf *, const char *);
enum err buf_putc(struct buf *, char);
enum err buf_printf(struct buf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
/* The contents ("" when empty); valid until the next change. */
const char *buf_cstr(const struct buf *);
/* Read all of `fp` (up to the cap).  ERR_LIMIT if it is larger. */
enum err buf_read_file(struct buf *, FILE *fp);

#endif
