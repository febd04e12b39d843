/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_subjects_csv.c: `subjects import` on arbitrary bytes,
 * into an in-memory register: the CSV reader, the header, every row's
 * normalisers and the keyed hashing.  No crash; an import either fails
 * (ERR_INVAL with a message) or leaves an index whose counts agree with
 * what it reported.
 */
#include "base/base.h"

#include <stdint.h>
#include <stdio.h>

#include "base/hash.h"
#include "svc/svc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct store *st;
static struct svc s;

static void
on_bad(void *arg, int64_t row, const char *col, const char *problem)
{
	(void)arg;
	(void)col;
	if (row < 1 || problem == NULL || *problem == '\0')
		BUG("a bad row without a row number or a problem");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct subjects_sum sum;
	struct svc_err e;
	FILE *fp;
	enum err rc;
	json_t *j;
	char *msg = NULL;

	if (len > 65536)
		return 0;
	if (st == NULL) {
		struct register_init ri = { "Fuzz (fictional)", "FZ", "UTC" };

		if (hash_init() != 0 ||
		    store_open(":memory:", STORE_MEMORY, &st, &msg) != ERR_OK)
			BUG("cannot open an in-memory register");
		svc_err_clear(&e);
		if (svc_begin(&s, st, "fuzz", 1780000000, &e) != ERR_OK ||
		    svc_register_init(&s, &ri, &e) != ERR_OK)
			BUG("cannot initialise the register");
	}
	fp = fmemopen((void *)data, len ? len : 1, "r");
	if (fp == NULL)
		return 0;
	if (len == 0) {
		fclose(fp);
		return 0;
	}
	svc_err_clear(&e);
	rc = svc_subjects_import(&s, fp, on_bad, NULL, &sum, &e);
	fclose(fp);
	if (rc != ERR_OK && rc != ERR_INVAL && rc != ERR_IO)
		BUG("import failed oddly");
	if (rc != ERR_OK && e.msg[0] == '\0')
		BUG("a failed import without a message");
	if (rc == ERR_OK) {
		j = svc_subjects_status(&s, &e);
		if (j == NULL ||
		    json_integer_value(json_object_get(j, "identifiers")) !=
		        (json_int_t)sum.identifiers)
			BUG("the index does not hold what the import reported");
		json_decref(j);
	}
	return 0;
}
