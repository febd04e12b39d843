/* SPDX-License-Identifier: MIT */
/*
 * scan/reader.h: a leak file as a stream of UTF-8 (or ASCII-compatible)
 * bytes.  Reads 1 MiB blocks from a descriptor, decompresses gzip and
 * zstd found by their magic numbers, transcodes UTF-16 (with BOM) and
 * Latin-1 to UTF-8.  Memory is bounded whatever the input; problems are
 * warnings with the byte offset, reported through a callback.
 */
#ifndef BREACHKIT_SCAN_READER_H
#define BREACHKIT_SCAN_READER_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

enum { READER_BLOCK = 1 << 20 };

#define READER_ENC_LIST(X) \
	X(ASCII, "ascii")  \
	X(UTF8, "utf-8")   \
	X(LATIN1, "latin-1") X(UTF16LE, "utf-16le") X(UTF16BE, "utf-16be")
#define X(e, s) READER_ENC_##e,
enum reader_enc { READER_ENC_LIST(X) READER_ENC__MAX };
#undef X

#define READER_COMP_LIST(X) X(NONE, "none") X(GZIP, "gzip") X(ZSTD, "zstd")
#define X(e, s)             READER_COMP_##e,
enum reader_comp { READER_COMP_LIST(X) READER_COMP__MAX };
#undef X

const char *reader_enc_name(unsigned);
const char *reader_comp_name(unsigned);

/* Warning: `off` is the offset in the decompressed stream (or in the
 * file for a compression error); `msg` is static text. */
typedef void (*reader_warn_fn)(void *ctx, uint64_t off, const char *msg);

struct reader;

/*
 * Start reading `fd` (borrowed; not closed).  Sniffs compression and
 * encoding from the first bytes.  ERR_IO if the first read fails;
 * ERR_INVAL, after a warning at offset 0 that says what it is and what to
 * do, for a container it does not read (ZIP, 7-Zip, RAR, xz, bzip2, tar,
 * an SQLite database, PDF, OLE2), also inside .gz or .zst.
 */
enum err reader_open(
    int fd, reader_warn_fn warn, void *ctx, struct reader **out);
void reader_free(struct reader *);
/*
 * Up to `cap` (>= 4) decoded bytes into `buf`; *got == 0 at the end.
 * After a decompression error or a bomb the stream ends early (with a
 * warning) rather than failing.
 */
enum err reader_read(struct reader *, char *buf, size_t cap, size_t *got);
enum reader_enc reader_encoding(const struct reader *);
enum reader_comp reader_compression(const struct reader *);
/* Bytes consumed from the file so far. */
uint64_t reader_file_offset(const struct reader *);
/* True when the stream ended early (truncated, corrupt or a bomb). */
int reader_truncated(const struct reader *);

#endif
