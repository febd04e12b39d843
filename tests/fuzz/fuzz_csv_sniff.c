/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_csv_sniff.c: format sniffing (CSV/TSV header detection,
 * quotes, combolists, SQL, JSON, stealer logs) then the lines, as the
 * scanner does with the first block of a file.  No crash; the format is in
 * range; the record count never exceeds the line count plus SQL tuples.
 */
#include "base/base.h"

#include <stdint.h>

#include "scan/detect.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
count(void *ctx, const struct scan_hit *h)
{
	(void)h;
	(*(size_t *)ctx)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	size_t hits = 0;
	struct scan_engine *e = scan_engine_new(count, &hits);
	enum scan_format f = scan_engine_sniff(e, (const char *)data, len);

	if (f >= SCAN_FMT__MAX)
		BUG("format out of range");
	scan_engine_lines(e, (const char *)data, len);
	if (scan_engine_lines_seen(e) > len + 1)
		BUG("more lines than bytes");
	scan_engine_free(e);
	return 0;
}
