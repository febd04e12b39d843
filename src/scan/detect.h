/* SPDX-License-Identifier: MIT */
/*
 * scan/detect.h: the detector engine.  Given the lines of a leak file it
 * finds personal data with validators (scan/normalize.h), using the format's
 * structure for context (CSV/TSV headers, JSON keys, SQL column lists,
 * combolist and stealer-log positions), and Art. 9 keyword dictionaries
 * through Vectorscan.  Pure apart from the Vectorscan database: no I/O.
 * Hits are reported through a callback with the normalised value, which
 * the caller must not log or keep (STYLE 3.6).
 */
#ifndef BREACHKIT_SCAN_DETECT_H
#define BREACHKIT_SCAN_DETECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Categories: id, JSON name, English label. */
#define SCAN_CAT_LIST(X)                                                   \
	X(EMAIL, "email", "e-mail addresses")                              \
	X(PHONE, "phone", "phone numbers (E.164)")                         \
	X(NAME, "name", "names (from headers and keys)")                   \
	X(ADDRESS, "address", "postal addresses")                          \
	X(DOB, "date_of_birth", "dates of birth")                          \
	X(TAX_ID, "tax_id", "German tax IDs")                              \
	X(ID_DOC, "id_document", "German ID card and passport numbers")    \
	X(CUSTOMER_NO, "customer_no",                                      \
	    "customer numbers (from headers and keys)")                    \
	X(IBAN, "iban", "IBANs")                                           \
	X(CARD, "payment_card", "payment card numbers")                    \
	X(PASSWORD, "password", "plaintext passwords")                     \
	X(HASH, "password_hash", "password hashes")                        \
	X(IP, "ip_address", "IP addresses")                                \
	X(HEALTH, "health", "health indicators (Art. 9)")                  \
	X(RELIGION, "religion", "religion indicators (Art. 9)")            \
	X(POLITICAL, "political", "political opinion indicators (Art. 9)") \
	X(SEXUAL, "sexual_orientation",                                    \
	    "sexual orientation indicators (Art. 9)")                      \
	X(UNION, "trade_union", "trade union indicators (Art. 9)")         \
	X(BIOMETRIC, "biometric", "biometric indicators (Art. 9)")

#define X(e, s, l) SCAN_CAT_##e,
enum scan_cat { SCAN_CAT_LIST(X) SCAN_CAT__MAX };
#undef X

#define SCAN_FORMAT_LIST(X) \
	X(TEXT, "text")     \
	X(CSV, "csv")       \
	X(JSON, "jsonl")    \
	X(SQL, "sql")       \
	X(COMBO, "combolist") X(STEALER, "stealer_log") X(JSONDOC, "json")
#define X(e, s) SCAN_FMT_##e,
enum scan_format { SCAN_FORMAT_LIST(X) SCAN_FMT__MAX };
#undef X

const char *scan_cat_name(unsigned cat);
const char *scan_cat_label(unsigned cat);
const char *scan_format_name(unsigned fmt);

struct scan_hit {
	unsigned cat;    /* enum scan_cat */
	const char *val; /* normalised value, NUL-terminated; borrowed */
	size_t len;
	const char *col; /* column or key where found, or NULL; borrowed */
	unsigned col_id; /* the same column gives the same id; 0 if none */
	uint64_t rec;    /* record number, from 0 */
	uint64_t line;   /* physical line where the record starts, from 1 */
};

typedef void (*scan_hit_fn)(void *ctx, const struct scan_hit *);

struct scan_engine;

enum { SCAN_STATE_COLS = 64, SCAN_STATE_COLNAME = 48 };

/*
 * What one block of lines needs to know about the lines before it: the
 * format, the column names and their context, an open CSV record, SQL
 * CREATE TABLE / COPY state.  A reader thread carries it from block to
 * block with scan_engine_advance() so that workers can scan the blocks in
 * any order (src/scan/scan.c).
 */
struct scan_state {
	unsigned fmt; /* enum scan_format */
	char delim;
	/* csv_open: a record continues on the next line (a quoted CSV
	 * field, a pretty-printed JSON object); blocks are cut only where
	 * it is false */
	bool header_pending, csv_open, in_create, in_copy;
	/* in a CREATE TABLE: parenthesis depth, and whether the next
	 * identifier at depth 1 names a column */
	unsigned create_depth;
	bool create_name;
	/* pretty-printed JSON: open containers, a bit per depth for an
	 * array and one for an object with a value of its own, the depth of
	 * the container whose objects are the records (-1 until known), the
	 * last key (its values may follow on later lines, as an array's
	 * items) */
	struct scan_json {
		unsigned depth;
		int level;
		uint64_t arr, val;
		char key[SCAN_STATE_COLNAME];
	} json;
	size_t csv_col, cols_n;
	unsigned schema;
	char cols[SCAN_STATE_COLS][SCAN_STATE_COLNAME];
	unsigned char ctx[SCAN_STATE_COLS];
};

/* A new engine for one file; aborts on OOM.  Keyword database compiled
 * once per process (not thread-safe on first call). */
struct scan_engine *scan_engine_new(scan_hit_fn fn, void *ctx);
void scan_engine_free(struct scan_engine *);

/*
 * Sniff the format from the first bytes of a file (already decoded to
 * UTF-8 or ASCII-compatible).  Sets the engine's format, delimiter and
 * header state.  Returns the format.
 */
enum scan_format scan_engine_sniff(
    struct scan_engine *, const char *buf, size_t len);
/* Force a format (tests; --format). */
void scan_engine_set_format(struct scan_engine *, enum scan_format, char delim);
/* After a forced format: what sniffing learns from the first bytes
 * besides the format (the record level of pretty-printed JSON). */
void scan_engine_prime(struct scan_engine *, const char *buf, size_t len);
/*
 * Scan `len` bytes holding whole lines (each ending in '\n' except perhaps
 * the last of the file).  May be called with any split at line ends.
 */
void scan_engine_lines(struct scan_engine *, const char *buf, size_t len);
/* Records (lines, CSV records, SQL tuples) seen so far. */
uint64_t scan_engine_records(const struct scan_engine *);
/* Physical lines seen (including skipped ones). */
uint64_t scan_engine_lines_seen(const struct scan_engine *);
/* The format in use and its delimiter (0 when none). */
enum scan_format scan_engine_sniff_format(const struct scan_engine *);
char scan_engine_delim(const struct scan_engine *);
/* Count `n` physical lines that were skipped (over the line cap). */
void scan_engine_skip_lines(struct scan_engine *, uint64_t n);

/* The state before the next line, and setting it (a worker taking a block
 * that a reader cut). */
void scan_engine_get_state(const struct scan_engine *, struct scan_state *);
void scan_engine_set_state(struct scan_engine *, const struct scan_state *);
/*
 * The structure of whole lines buf[0..len) without detection: headers,
 * column lists, quote state.  Returns the length of the longest prefix that
 * ends where a record ends, and leaves the engine in the state after that
 * prefix (so a block cut there can be scanned on its own).  With `force`,
 * all of len, even inside an open record (a record longer than the line
 * cap).
 */
size_t scan_engine_advance(
    struct scan_engine *, const char *buf, size_t len, bool force);

#endif
