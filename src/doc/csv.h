/* SPDX-License-Identifier: MIT */
/*
 * doc/csv.h: a streaming RFC 4180 reader for lists that come from outside
 * (the affected people of a letter batch).  Quoted fields may span lines;
 * "" is a quote inside a quoted field; CRLF and LF both end a record; a
 * UTF-8 byte-order mark at the start is skipped; blank lines are skipped.
 * Every field is capped (CSV_FIELD_MAX), every record too (CSV_ROW_MAX,
 * CSV_FIELDS_MAX), and every field must be valid UTF-8.  A malformed
 * record is reported with its row number and skipped; the next call goes
 * on with the record after it, so one bad row never stops the rest.
 * Memory is fixed: the reader holds one record at a time.
 */
#ifndef BREACHKIT_CSV_H
#define BREACHKIT_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/err.h"

enum { CSV_FIELD_MAX = 4096, CSV_ROW_MAX = 16384, CSV_FIELDS_MAX = 32 };

struct csv_row {
	size_t n;                      /* number of fields */
	const char *f[CSV_FIELDS_MAX]; /* NUL-terminated, in the reader */
	size_t len[CSV_FIELDS_MAX];
	int64_t row;  /* record number; the header is 1 */
	int64_t line; /* physical line the record starts on */
};

struct csv;

/* Read from `fp` (borrowed; the caller closes it).  csv_free(NULL) is a
 * no-op. */
struct csv *csv_new(FILE *fp);
void csv_free(struct csv *);
/*
 * The next record.  ERR_OK: *row is filled, valid until the next call.
 * ERR_NOTFOUND: end of input.  ERR_INVAL: the record at row->row is
 * malformed; `why` says how ("column 3: text after a closing quote") and
 * the record was skipped.  ERR_IO: the read failed.
 */
enum err csv_next(struct csv *, struct csv_row *row, char *why, size_t why_len);

#endif
