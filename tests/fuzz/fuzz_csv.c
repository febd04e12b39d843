/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_csv.c: the CSV reader and the checks of a subjects row
 * (outside input -> struct subject).  Whatever the bytes, it must not
 * crash, every record it returns must respect the caps and be valid
 * UTF-8, and it must always reach the end of the input.
 */
#include "base/base.h"

#include <stdint.h>

#include "base/str.h"
#include "doc/csv.h"
#include "doc/letter.h"
#include "doc/mail.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	FILE *fp = fmemopen(
	    (void *)(len ? data : (const uint8_t *)""), len ? len : 1, "rb");
	struct csv *c;
	struct csv_row r;
	struct subjects_cols cols;
	struct subject s;
	char why[256];
	bool header = true;
	size_t records = 0;
	enum err rc;

	if (fp == NULL)
		return 0;
	c = csv_new(fp);
	while ((rc = csv_next(c, &r, why, sizeof(why))) != ERR_NOTFOUND) {
		if (rc == ERR_IO)
			break;
		if (++records > len + 2)
			BUG("the reader does not advance");
		if (rc != ERR_OK) {
			assert(why[0] != '\0');
			continue;
		}
		assert(r.n >= 1 && r.n <= CSV_FIELDS_MAX);
		for (size_t i = 0; i < r.n; i++) {
			assert(r.len[i] <= CSV_FIELD_MAX);
			assert(strlen(r.f[i]) <= r.len[i]);
			assert(utf8_valid(r.f[i], r.len[i]));
		}
		if (header) {
			header = subjects_header(&r, &cols, false, why,
			             sizeof(why)) != ERR_OK;
			continue;
		}
		if (subject_from_row(&cols, &r, &s, why, sizeof(why)) ==
		    ERR_OK) {
			assert(mail_addr_valid(s.email, strlen(s.email)));
			assert(strchr(s.name, '\n') == NULL &&
			       strchr(s.name, '\r') == NULL);
		}
	}
	csv_free(c);
	fclose(fp);
	return 0;
}
