/* SPDX-License-Identifier: MIT */
/* base/buf.c: capped growable buffer. */
#include "base/base.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"

void
buf_init(struct buf *b, size_t max)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void
buf_release(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

enum err
buf_append(struct buf *b, const void *p, size_t n)
{
	size_t need, cap;

	if (__builtin_add_overflow(b->len, n, &need) || need > b->max)
		return ERR_LIMIT;
	if (need + 1 > b->cap) {
		cap = b->cap ? b->cap : 256;
		while (cap < need + 1)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len = need;
	b->p[b->len] = '\0';
	return ERR_OK;
}

enum err
buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

enum err
buf_putc(struct buf *b, char c)
{
	return buf_append(b, &c, 1);
}

enum err
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;
	enum err rc;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	rc = buf_puts(b, s);
	free(s);
	return rc;
}

const char *
buf_cstr(const struct buf *b)
{
	return b->p != NULL ? b->p : "";
}

enum err
buf_read_file(struct buf *b, FILE *fp)
{
	char tmp[4096];
	size_t n;

	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0) {
		if (buf_append(b, tmp, n) != ERR_OK)
			return ERR_LIMIT;
	}
	return ferror(fp) ? ERR_IO : ERR_OK;
}
