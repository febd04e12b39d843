/* SPDX-License-Identifier: MIT */
/*
 * scan/scan.h: scan leak files for personal data.  Each file is parsed in
 * a fork()ed child under resource limits (STYLE 3.1) that streams
 * fixed-size records back over a pipe; the parent validates them and
 * builds the result.  The result holds categories, counts, distinct
 * estimates, columns and masked samples: never the values themselves.
 */
#ifndef BREACHKIT_SCAN_H
#define BREACHKIT_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "base/err.h"
#include "scan/detect.h"

enum {
	SCAN_SAMPLES_MAX = 3,
	SCAN_COLS_MAX = 8,
	SCAN_TEXT_MAX = 96,
	SCAN_WARN_MAX = 20, /* warnings kept per file; the rest are counted */
	SCAN_HLL_BITS = 16,
	SCAN_HLL_M = 1 << SCAN_HLL_BITS
};

/*
 * Match mode (svc/match.c, docs/subjects.md): the identifiers of each
 * record (e-mail, phone, IBAN, customer number; normalised, kind from
 * scan/matcher.h) are passed to `idents` in the parent in whole groups:
 * entries [kind u8][len u8][len bytes], each record's identifiers (kind
 * 1.. MATCH_KIND__MAX - 1, len 1..MATCH_VALUE_MAX) followed by kind 0
 * with len 4 and the categories found in that record (uint32, little-
 * endian, bits of enum scan_cat).  Checked before the call: at most
 * SCAN_IDENT_BYTES bytes, well formed, ending with a kind 0 entry.  The
 * values are borrowed and must not be kept, logged or printed.
 */
enum { SCAN_IDENT_BYTES = 224 };
typedef void (*scan_idents_fn)(void *ctx, const unsigned char *b, size_t n);

struct scan_opts {
	size_t max_line;         /* hard line cap in bytes (default 16 MiB) */
	unsigned cpu_s;          /* RLIMIT_CPU of the child */
	unsigned idle_s;         /* kill the child after this long silent */
	bool progress;           /* draw a progress bar on stderr */
	int force_format;        /* -1: sniff; else enum scan_format */
	unsigned threads;        /* detector threads; 0: the online CPUs */
	volatile int *interrupt; /* set by a signal handler: stop, partial */
	scan_idents_fn idents;   /* match mode when non-NULL */
	void *ident_ctx;
	/* Called first in the child: wipe what it must not hold (keys). */
	void (*child_wipe)(void *ctx);
};

struct scan_cat_result {
	uint64_t values, records;
	uint8_t *hll; /* SCAN_HLL_M registers, or NULL while empty */
	char samples[SCAN_SAMPLES_MAX][SCAN_TEXT_MAX];
	unsigned samples_n;
	char cols[SCAN_COLS_MAX][SCAN_TEXT_MAX];
	unsigned cols_n;
};

struct scan_warning {
	uint64_t off;
	char msg[SCAN_TEXT_MAX];
};

enum scan_status { SCAN_COMPLETE, SCAN_PARTIAL, SCAN_FAILED };

struct scan_file_result {
	char *path;
	uint64_t size, file_bytes, decoded_bytes, records, lines, long_lines;
	enum scan_format format;
	char delim;
	unsigned encoding, compression; /* reader.h enums */
	enum scan_status status;
	struct scan_warning warnings[SCAN_WARN_MAX];
	unsigned warnings_n;
	uint64_t warnings_dropped;
	char error[SCAN_TEXT_MAX];
	double seconds;
};

struct scan_result {
	struct scan_file_result *files;
	size_t files_n;
	struct scan_cat_result cats[SCAN_CAT__MAX];
	bool interrupted;
};

void scan_opts_init(struct scan_opts *);
/*
 * Scan `path` and merge its findings into `res` (a zeroed struct on the
 * first call).  ERR_OK when the whole file was read; ERR_INTR when
 * interrupted (results partial); ERR_IO / ERR_INTERNAL when the file
 * could not be opened or the child failed (the file is marked failed and
 * whatever it reported is kept).
 */
enum err scan_file(
    const char *path, const struct scan_opts *, struct scan_result *res);
void scan_result_release(struct scan_result *);
/* Distinct values of a category: an estimate (HyperLogLog, p = 16). */
uint64_t scan_distinct_estimate(const struct scan_cat_result *);
/* The result as JSON (docs/scan.md); a new reference. */
json_t *scan_result_json(const struct scan_result *);
/* The ENISA data category of a scan category: simple, behavioural,
 * financial, sensitive. */
const char *scan_cat_enisa(unsigned cat);
/* The facts taxonomy (enum data_cat) of a scan category. */
unsigned scan_cat_data_cat(unsigned cat);
/* Mask a normalised value for display (a…@…e.de, DE89…3000). */
void scan_mask(
    unsigned cat, const char *v, size_t len, char *out, size_t outsz);

/*
 * For the unit tests: the HyperLogLog's keyed hash of p[0..n) under `key`
 * (the scanner's own key never leaves the child), and the offset of the
 * first invalid UTF-8 sequence in s[0..n), or n.
 */
uint64_t scan_khash_test(const uint64_t key[4], const char *p, size_t n);
size_t scan_utf8_first_bad_test(const unsigned char *s, size_t n);

/* Precision and recall against a label file (bench/gen-leak.py). */
struct scan_eval_cat {
	uint64_t tp, fp, fn;
};
/*
 * Scan `path` in-process (no child; a test tool) and compare every hit
 * with the labels: lines "LINE<TAB>CATEGORY<TAB>VALUE", sorted by line,
 * where LINE is the physical line where the record starts.
 */
enum err scan_eval(const char *path, const char *labels,
    struct scan_eval_cat out[SCAN_CAT__MAX]);

/*
 * The parent's side of the pipe without a child, for the fuzz target
 * fuzz_scan_records: what the child sends is derived from the leak, and a
 * child subverted by it may send anything.  Applies the whole records in
 * buf[0..n) (SCAN_REC_BYTES each) to a new file result in `res` as
 * scan_file() does, up to the first malformed one; false when there was
 * one.  `o` gives the match callback; its progress must be off.
 */
enum { SCAN_REC_BYTES = 256 };
bool scan_records_apply(const void *buf, size_t n, const struct scan_opts *o,
    struct scan_result *res);

#endif
