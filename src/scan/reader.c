/* SPDX-License-Identifier: MIT */
/*
 * scan/reader.c: raw read(2) -> optional gzip/zstd -> text decoding.
 * Each layer has a fixed buffer; nothing grows with the input.
 */
#include "base/base.h"

#include <errno.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "scan/reader.h"

enum {
	RAW_BUF = 1 << 20,
	PEEK = 64 << 10,
	BOMB_RATIO = 1000,    /* decompressed / compressed */
	BOMB_FLOOR = 1u << 30 /* ... once past 1 GiB */
};

struct reader {
	int fd;
	reader_warn_fn warn;
	void *wctx;
	enum reader_comp comp;
	enum reader_enc enc;
	bool eof, truncated, raw_eof;
	uint64_t file_off, dec_off;
	/* raw file bytes */
	unsigned char *raw;
	size_t raw_pos, raw_len;
	z_stream z;
	bool z_live;
	ZSTD_DStream *zs;
	/* decompressed bytes waiting for decoding */
	unsigned char *mid;
	size_t mid_pos, mid_len;
	bool mid_eof;
};

#define X(e, s) s,
static const char *const enc_names[] = { READER_ENC_LIST(X) };
static const char *const comp_names[] = { READER_COMP_LIST(X) };
#undef X

const char *
reader_enc_name(unsigned e)
{
	return e < READER_ENC__MAX ? enc_names[e] : "?";
}

const char *
reader_comp_name(unsigned c)
{
	return c < READER_COMP__MAX ? comp_names[c] : "?";
}

static enum err
raw_fill(struct reader *r)
{
	ssize_t n;

	if (r->raw_pos < r->raw_len || r->raw_eof)
		return ERR_OK;
	do {
		n = read(r->fd, r->raw, RAW_BUF);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return ERR_IO;
	r->raw_pos = 0;
	r->raw_len = (size_t)n;
	if (n == 0)
		r->raw_eof = true;
	return ERR_OK;
}

static void
stop(struct reader *r, uint64_t off, const char *msg)
{
	r->warn(r->wctx, off, msg);
	r->truncated = true;
	r->mid_eof = true;
}

/* Decompressed (or plain) bytes into dst. */
static enum err
dec_read(struct reader *r, unsigned char *dst, size_t cap, size_t *got)
{
	enum err rc;

	*got = 0;
	while (*got == 0 && !r->mid_eof) {
		rc = raw_fill(r);
		if (rc != ERR_OK)
			return rc;
		if (r->comp == READER_COMP_NONE) {
			size_t n = r->raw_len - r->raw_pos;

			if (n > cap)
				n = cap;
			memcpy(dst, r->raw + r->raw_pos, n);
			r->raw_pos += n;
			r->file_off += n;
			*got = n;
			if (r->raw_eof)
				r->mid_eof = true;
		} else if (r->comp == READER_COMP_GZIP) {
			int zr;
			size_t before = r->raw_len - r->raw_pos;

			if (r->raw_eof && before == 0) {
				if (r->z_live)
					stop(r, r->file_off,
					    "gzip stream truncated");
				r->mid_eof = true;
				break;
			}
			if (!r->z_live) {
				if (inflateReset2(&r->z, 16 + MAX_WBITS) !=
				    Z_OK)
					return ERR_INTERNAL;
				r->z_live = true;
			}
			r->z.next_in = r->raw + r->raw_pos;
			r->z.avail_in = (uInt)before;
			r->z.next_out = dst;
			r->z.avail_out = (uInt)cap;
			zr = inflate(&r->z, Z_NO_FLUSH);
			r->raw_pos += before - r->z.avail_in;
			r->file_off += before - r->z.avail_in;
			*got = cap - r->z.avail_out;
			if (zr == Z_STREAM_END) {
				r->z_live =
				    false; /* another member may follow */
			} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
				stop(r, r->file_off, "gzip data corrupt");
			}
		} else {
			ZSTD_inBuffer in = { r->raw + r->raw_pos,
				r->raw_len - r->raw_pos, 0 };
			ZSTD_outBuffer out = { dst, cap, 0 };
			size_t zr;

			if (r->raw_eof && in.size == 0) {
				if (r->z_live)
					stop(r, r->file_off,
					    "zstd stream truncated");
				r->mid_eof = true;
				break;
			}
			zr = ZSTD_decompressStream(r->zs, &out, &in);
			r->raw_pos += in.pos;
			r->file_off += in.pos;
			*got = out.pos;
			if (ZSTD_isError(zr))
				stop(r, r->file_off, "zstd data corrupt");
			else
				r->z_live = zr != 0;
		}
		r->dec_off += *got;
		if (r->comp != READER_COMP_NONE && r->dec_off > BOMB_FLOOR &&
		    r->dec_off / BOMB_RATIO > r->file_off) {
			stop(r, r->dec_off,
			    "decompression ratio above 1000: stopped (bomb?)");
		}
	}
	return ERR_OK;
}

static enum err
mid_fill(struct reader *r)
{
	size_t got;
	enum err rc;

	if (r->mid_pos < r->mid_len)
		return ERR_OK;
	r->mid_pos = r->mid_len = 0;
	rc = dec_read(r, r->mid, RAW_BUF, &got);
	r->mid_len = got;
	return rc;
}

static bool
utf8_prefix_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i], k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_lead_tail((unsigned char)c)) == 0)
			return false;
		if (i + k >= n)
			return true; /* cut at the end of the sample */
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return false;
		}
		i += k + 1;
	}
	return true;
}

/*
 * Containers the scanner does not read, by their magic bytes in the
 * decoded stream (so also inside .gz and .zst): scanned as text they
 * give binary garbage and "e-mail addresses" made of compressed bytes.
 */
static const char *
container(const unsigned char *s, size_t n)
{
	static const struct {
		size_t at, len;
		const char *magic, *what;
	} kinds[] = {
		{ 0, 4, "PK\x03\x04",
		    "a ZIP archive (also .xlsx, .docx, .odt): extract it and "
		    "scan the files inside" },
		{ 0, 4, "PK\x05\x06", "an empty ZIP archive" },
		{ 0, 6, "7z\xbc\xaf\x27\x1c",
		    "a 7-Zip archive: extract it and scan the files inside" },
		{ 0, 6, "Rar!\x1a\x07",
		    "a RAR archive: extract it and scan the files inside" },
		{ 0, 6,
		    "\xfd"
		    "7zXZ\x00",
		    "an xz stream: decompress it (xz -d) or recompress it with "
		    "zstd or gzip" },
		{ 4, 6, "1AY&SY", /* after "BZh9": a block's magic */
		    "a bzip2 stream: decompress it (bzip2 -d) or recompress it "
		    "with zstd or gzip" },
		{ 257, 5, "ustar",
		    "a tar archive: extract it and scan the files inside" },
		{ 0, 16, "SQLite format 3\x00",
		    "an SQLite database: dump it (sqlite3 FILE .dump > "
		    "FILE.sql) and scan the dump" },
		{ 0, 5, "%PDF-", "a PDF document: not read" },
		{ 0, 8, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
		    "an OLE2 document (.xls, .doc, .msg): export it as CSV or "
		    "text and scan that" },
	};

	for (size_t i = 0; i < nitems(kinds); i++) {
		if (n >= kinds[i].at + kinds[i].len &&
		    memcmp(s + kinds[i].at, kinds[i].magic, kinds[i].len) == 0)
			return kinds[i].what;
	}
	return NULL;
}

enum err
reader_open(int fd, reader_warn_fn warn, void *ctx, struct reader **out)
{
	struct reader *r = xcalloc(1, sizeof(*r));
	enum err rc;
	bool high = false;

	r->fd = fd;
	r->warn = warn;
	r->wctx = ctx;
	r->raw = xmalloc(RAW_BUF);
	r->mid = xmalloc(RAW_BUF);
	rc = raw_fill(r);
	if (rc != ERR_OK) {
		reader_free(r);
		return rc;
	}
	if (r->raw_len >= 2 && r->raw[0] == 0x1f && r->raw[1] == 0x8b) {
		r->comp = READER_COMP_GZIP;
		if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK)
			BUG("inflateInit2");
		r->z_live = true;
	} else if (r->raw_len >= 4 && r->raw[0] == 0x28 && r->raw[1] == 0xb5 &&
	           r->raw[2] == 0x2f && r->raw[3] == 0xfd) {
		r->comp = READER_COMP_ZSTD;
		r->zs = ZSTD_createDStream();
		if (r->zs == NULL)
			BUG("ZSTD_createDStream");
		/* bounded window: 128 MiB at most */
		ZSTD_DCtx_setParameter(r->zs, ZSTD_d_windowLogMax, 27);
		r->z_live = true;
	}
	rc = mid_fill(r);
	if (rc != ERR_OK) {
		reader_free(r);
		return rc;
	}
	{
		const char *what = container(r->mid, r->mid_len);

		if (what != NULL) {
			warn(ctx, 0, what);
			reader_free(r);
			return ERR_INVAL;
		}
	}
	r->enc = READER_ENC_ASCII;
	if (r->mid_len >= 2 && r->mid[0] == 0xff && r->mid[1] == 0xfe) {
		r->enc = READER_ENC_UTF16LE;
		r->mid_pos = 2;
	} else if (r->mid_len >= 2 && r->mid[0] == 0xfe && r->mid[1] == 0xff) {
		r->enc = READER_ENC_UTF16BE;
		r->mid_pos = 2;
	} else {
		size_t n = r->mid_len < PEEK ? r->mid_len : PEEK;

		if (n >= 3 && memcmp(r->mid, "\xef\xbb\xbf", 3) == 0)
			r->mid_pos = 3;
		for (size_t i = 0; i < n && !high; i++)
			high = r->mid[i] >= 0x80;
		if (high)
			r->enc = utf8_prefix_valid(r->mid, n)
			             ? READER_ENC_UTF8
			             : READER_ENC_LATIN1;
	}
	*out = r;
	return ERR_OK;
}

void
reader_free(struct reader *r)
{
	if (r == NULL)
		return;
	if (r->comp == READER_COMP_GZIP)
		inflateEnd(&r->z);
	ZSTD_freeDStream(r->zs);
	free(r->raw);
	free(r->mid);
	free(r);
}

static size_t
put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static unsigned
u16(const struct reader *r, size_t i)
{
	const unsigned char *p = r->mid + i;

	return r->enc == READER_ENC_UTF16LE ? (unsigned)(p[0] | p[1] << 8)
	                                    : (unsigned)(p[0] << 8 | p[1]);
}

enum err
reader_read(struct reader *r, char *buf, size_t cap, size_t *got)
{
	size_t o = 0;
	enum err rc;

	*got = 0;
	if (r->enc <= READER_ENC_UTF8 && r->comp == READER_COMP_NONE &&
	    r->mid_pos >= r->mid_len && r->raw_pos >= r->raw_len &&
	    !r->mid_eof) {
		/* plain text, nothing buffered: straight into the caller's
		 * buffer, without two copies */
		ssize_t n;

		do {
			n = read(r->fd, buf, cap);
		} while (n < 0 && errno == EINTR);
		if (n < 0)
			return ERR_IO;
		if (n == 0)
			r->raw_eof = r->mid_eof = true;
		r->file_off += (uint64_t)n;
		r->dec_off += (uint64_t)n;
		*got = (size_t)n;
		return ERR_OK;
	}
	if (r->enc == READER_ENC_ASCII || r->enc == READER_ENC_UTF8) {
		rc = mid_fill(r);
		if (rc != ERR_OK)
			return rc;
		o = r->mid_len - r->mid_pos;
		if (o > cap)
			o = cap;
		memcpy(buf, r->mid + r->mid_pos, o);
		r->mid_pos += o;
		*got = o;
		return ERR_OK;
	}
	while (o + 4 <= cap) {
		if (r->mid_pos >= r->mid_len) {
			if (o > 0)
				break;
			rc = mid_fill(r);
			if (rc != ERR_OK)
				return rc;
			if (r->mid_len == 0)
				break;
		}
		if (r->enc == READER_ENC_LATIN1) {
			o += put_utf8(buf + o, r->mid[r->mid_pos++]);
			continue;
		}
		if (r->mid_len - r->mid_pos < 2) {
			/* an odd byte at a buffer end: carry it over */
			unsigned char last = r->mid[r->mid_pos];

			r->mid_pos = r->mid_len = 0;
			rc = dec_read(r, r->mid + 1, RAW_BUF - 1, &r->mid_len);
			if (rc != ERR_OK)
				return rc;
			if (r->mid_len == 0) {
				r->warn(r->wctx, r->dec_off,
				    "odd UTF-16 byte at end");
				break;
			}
			r->mid[0] = last;
			r->mid_len++;
			continue;
		}
		{
			unsigned cp = u16(r, r->mid_pos);

			r->mid_pos += 2;
			if (cp >= 0xd800 && cp <= 0xdbff &&
			    r->mid_len - r->mid_pos >= 2) {
				unsigned lo = u16(r, r->mid_pos);

				if (lo >= 0xdc00 && lo <= 0xdfff) {
					r->mid_pos += 2;
					cp = 0x10000 + ((cp - 0xd800) << 10) +
					     (lo - 0xdc00);
				} else {
					cp = 0xfffd;
				}
			} else if (cp >= 0xd800 && cp <= 0xdfff) {
				cp = 0xfffd;
			}
			o += put_utf8(buf + o, cp);
		}
	}
	*got = o;
	return ERR_OK;
}

enum reader_enc
reader_encoding(const struct reader *r)
{
	return r->enc;
}

enum reader_comp
reader_compression(const struct reader *r)
{
	return r->comp;
}

uint64_t
reader_file_offset(const struct reader *r)
{
	return r->file_off;
}

int
reader_truncated(const struct reader *r)
{
	return r->truncated;
}
