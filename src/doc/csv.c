/* SPDX-License-Identifier: MIT */
/*
 * doc/csv.c: the streaming RFC 4180 reader (see csv.h).  Input is read in
 * blocks; the bytes of the current record are also kept raw, so that a
 * quoted field that never closes (or grows past its cap) is reported and
 * reading resumes on the line after the one it was opened on: a stray
 * quote costs one row, not the rest of the file.
 */
#include "base/base.h"

#include "base/str.h"
#include "base/xalloc.h"
#include "doc/csv.h"

enum { IN_BLOCK = 64 << 10, RAW_MAX = CSV_ROW_MAX + 8 };

struct csv {
	FILE *fp;
	size_t ip, il;
	bool eof, io_err, started;
	int back;     /* pushed-back byte, or -2 */
	int64_t line; /* line of the next byte */
	int64_t rows;
	size_t rp, rlen; /* replay buffer after a bad quote */
	size_t raw_n;
	bool raw_over;
	size_t rl; /* bytes used in rec */
	unsigned char in[IN_BLOCK];
	unsigned char replay[RAW_MAX];
	unsigned char raw[RAW_MAX];
	char rec[CSV_ROW_MAX + CSV_FIELDS_MAX + 1];
};

struct csv *
csv_new(FILE *fp)
{
	struct csv *c = xcalloc(1, sizeof(*c));

	c->fp = fp;
	c->back = -2;
	c->line = 1;
	return c;
}

void
csv_free(struct csv *c)
{
	free(c);
}

static int
get(struct csv *c)
{
	int ch;

	if (c->back != -2) {
		ch = c->back;
		c->back = -2;
	} else if (c->rp < c->rlen) {
		ch = c->replay[c->rp++];
	} else {
		if (c->ip == c->il) {
			if (c->eof)
				return -1;
			c->il = fread(c->in, 1, sizeof(c->in), c->fp);
			c->ip = 0;
			if (c->il < sizeof(c->in)) {
				c->eof = true;
				c->io_err = ferror(c->fp) != 0;
			}
			if (c->il == 0)
				return -1;
		}
		ch = c->in[c->ip++];
	}
	if (ch >= 0) {
		if (c->raw_n < sizeof(c->raw))
			c->raw[c->raw_n++] = (unsigned char)ch;
		else
			c->raw_over = true;
		if (ch == '\n')
			c->line++;
	}
	return ch;
}

/*
 * The common case, after the first byte of an unquoted field: copy the
 * plain bytes that follow straight from the input block into the record
 * (and the raw copy), as get() would one at a time, up to the next byte
 * that means something (, CR LF "), the end of the block, or a cap (the
 * byte-wise path then reports it).  No line feed is copied, so the line
 * count stays right.
 */
static void
plain_run(struct csv *c, size_t start)
{
	const unsigned char *p = c->in + c->ip;
	size_t n = c->il - c->ip, k = 0;
	size_t cap_f = CSV_FIELD_MAX - (c->rl - start);
	size_t cap_r = CSV_ROW_MAX - c->rl;
	size_t cap_w = sizeof(c->raw) - c->raw_n;

	if (c->back != -2 || c->rp < c->rlen ||
	    c->rl - start >= CSV_FIELD_MAX || c->rl >= CSV_ROW_MAX ||
	    c->raw_over)
		return;
	if (n > cap_f)
		n = cap_f;
	if (n > cap_r)
		n = cap_r;
	if (n > cap_w)
		n = cap_w;
	while (
	    k < n && p[k] != ',' && p[k] != '\n' && p[k] != '\r' && p[k] != '"')
		k++;
	memcpy(c->rec + c->rl, p, k);
	memcpy(c->raw + c->raw_n, p, k);
	c->rl += k;
	c->raw_n += k;
	c->ip += k;
}

/* Push back one byte just read (not EOF). */
static void
unget(struct csv *c, int ch)
{
	if (ch < 0)
		return;
	c->back = ch;
	if (c->raw_n > 0 && !c->raw_over)
		c->raw_n--;
	if (ch == '\n')
		c->line--;
}

/* Skip the rest of the physical line (error recovery). */
static void
skip_line(struct csv *c)
{
	int ch;

	do {
		ch = get(c);
	} while (ch != '\n' && ch >= 0);
}

/*
 * A quoted field went wrong: read again from the line after the record's
 * first line, which holds what the quote swallowed.
 */
static bool
replay_after_first_line(struct csv *c, int64_t start_line)
{
	unsigned char *nl;
	size_t off, tail, rest;

	if (c->raw_over || c->back != -2)
		return false;
	nl = memchr(c->raw, '\n', c->raw_n);
	if (nl == NULL)
		return false;
	off = (size_t)(nl - c->raw) + 1;
	tail = c->raw_n - off;
	rest = c->rlen - c->rp;
	if (tail + rest > sizeof(c->replay))
		return false;
	memmove(c->replay + tail, c->replay + c->rp, rest);
	memcpy(c->replay, c->raw + off, tail);
	c->rp = 0;
	c->rlen = tail + rest;
	c->line = start_line + 1;
	return true;
}

static void
fail(char *why, size_t why_len, size_t col, const char *what)
{
	if (col > 0)
		snprintf(why, why_len, "column %zu: %s", col, what);
	else
		snprintf(why, why_len, "%s", what);
}

/* Close the current field; false (with `why`) if it is not acceptable. */
static bool
end_field(
    struct csv *c, struct csv_row *row, size_t start, char *why, size_t why_len)
{
	size_t len = c->rl - start;

	if (!utf8_valid(c->rec + start, len)) {
		fail(why, why_len, row->n + 1, "not valid UTF-8");
		return false;
	}
	c->rec[c->rl++] = '\0';
	row->f[row->n] = c->rec + start;
	row->len[row->n] = len;
	row->n++;
	return true;
}

enum err
csv_next(struct csv *c, struct csv_row *row, char *why, size_t why_len)
{
	int ch;
	bool quoted, after_quote, any;
	size_t start;
	int64_t qline;

	why[0] = '\0';
again:
	c->raw_n = 0;
	c->raw_over = false;
	c->rl = 0;
	row->n = 0;
	row->line = c->line;
	ch = get(c);
	if (!c->started) {
		c->started = true;
		if (ch == 0xEF) {
			int b = get(c), d = get(c);

			if (b != 0xBB || d != 0xBF) {
				row->row = ++c->rows;
				fail(why, why_len, 1, "not valid UTF-8");
				skip_line(c);
				return ERR_INVAL;
			}
			c->raw_n = 0;
			ch = get(c);
		}
	}
	if (ch < 0)
		return c->io_err ? ERR_IO : ERR_NOTFOUND;
	if (ch == '\n')
		goto again;
	if (ch == '\r') {
		ch = get(c);
		if (ch != '\n')
			unget(c, ch);
		goto again;
	}
	row->row = ++c->rows;
	quoted = after_quote = any = false;
	start = 0;
	qline = c->line;
	for (;; ch = get(c)) {
		if (quoted) {
			if (ch < 0) {
				snprintf(why, why_len,
				    "column %zu: quoted field "
				    "opened on line %lld is never closed",
				    row->n + 1, (long long)qline);
				replay_after_first_line(c, row->line);
				return ERR_INVAL;
			}
			if (ch == '"') {
				ch = get(c);
				if (ch != '"') {
					quoted = false;
					after_quote = true;
					unget(c, ch);
					continue;
				}
			}
		} else if (ch == ',' || ch == '\n' || ch == '\r' || ch < 0) {
			if (row->n == CSV_FIELDS_MAX) {
				fail(why, why_len, 0, "more than 32 columns");
				goto bad;
			}
			if (!end_field(c, row, start, why, why_len))
				goto bad;
			if (ch == ',') {
				start = c->rl;
				after_quote = any = false;
				continue;
			}
			if (ch == '\r') {
				ch = get(c);
				if (ch != '\n')
					unget(c, ch);
			}
			return ERR_OK;
		} else if (after_quote) {
			fail(why, why_len, row->n + 1,
			    "text after a closing quote");
			goto bad;
		} else if (ch == '"') {
			if (any) {
				fail(why, why_len, row->n + 1,
				    "quote inside "
				    "an unquoted field (quote the whole field "
				    "and double the quote)");
				goto bad;
			}
			quoted = any = true;
			qline = c->line;
			continue;
		}
		any = true;
		if (c->rl - start >= CSV_FIELD_MAX || c->rl >= CSV_ROW_MAX) {
			fail(why, why_len, row->n + 1,
			    c->rl >= CSV_ROW_MAX
			        ? "the row is longer than 16384 bytes"
			        : "longer than 4096 bytes");
			if (quoted && replay_after_first_line(c, row->line))
				return ERR_INVAL;
			goto bad;
		}
		c->rec[c->rl++] = (char)ch;
		if (!quoted)
			plain_run(c, start);
	}
bad:
	if (ch != '\n' && ch >= 0)
		skip_line(c);
	return ERR_INVAL;
}
