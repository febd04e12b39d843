/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_scan_records.c: the parent's reading of the scan child's
 * records (scan_records_apply, src/scan/scan.c) over arbitrary bytes.  The
 * child parses the leak, so a leak that subverted it could send anything:
 * whatever the bytes, no crash, the identifier groups that reach the
 * match callback are well formed, every estimate is at most its count and
 * the result still turns into JSON.  The first byte says whether match
 * mode is on; the rest are 256-byte records.
 */
#include "base/base.h"

#include <stdint.h>

#include <jansson.h>

#include "scan/detect.h"
#include "scan/matcher.h"
#include "scan/scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* What svc/match.c relies on: whole groups, each ended by the record's
 * categories. */
static void
idents(void *ctx, const unsigned char *b, size_t n)
{
	size_t i = 0;
	unsigned last = MATCH_NONE;

	(void)ctx;
	if (n == 0 || n > SCAN_IDENT_BYTES)
		BUG("identifier group size");
	while (i < n) {
		unsigned kind, len;

		if (n - i < 2)
			BUG("identifier entry cut");
		kind = b[i];
		len = b[i + 1];
		if (n - i - 2 < len)
			BUG("identifier entry past the group");
		if (kind == MATCH_NONE) {
			uint32_t cats =
			    (uint32_t)b[i + 2] | (uint32_t)b[i + 3] << 8 |
			    (uint32_t)b[i + 4] << 16 | (uint32_t)b[i + 5] << 24;

			if (len != 4 || cats == 0 || cats >> SCAN_CAT__MAX != 0)
				BUG("record end");
		} else if (kind >= MATCH_KIND__MAX || len == 0 ||
		           len > MATCH_VALUE_MAX) {
			BUG("identifier kind or length");
		}
		i += 2 + len;
		last = kind;
	}
	if (last != MATCH_NONE)
		BUG("group without its record end");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct scan_opts o;
	struct scan_result res;
	json_t *j;
	char *text;

	if (len < 1)
		return 0;
	scan_opts_init(&o);
	o.progress = false;
	if (data[0] & 1)
		o.idents = idents;
	memset(&res, 0, sizeof(res));
	(void)scan_records_apply(data + 1, len - 1, &o, &res);
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		const struct scan_cat_result *c = &res.cats[k];

		if (c->records > c->values)
			BUG("more records than values");
		if (c->samples_n > SCAN_SAMPLES_MAX ||
		    c->cols_n > SCAN_COLS_MAX)
			BUG("too many samples or columns");
		if (c->values > 0 && scan_distinct_estimate(c) > c->values)
			BUG("estimate above the count");
	}
	j = scan_result_json(&res);
	text = json_dumps(j, JSON_COMPACT);
	if (text == NULL)
		BUG("the result does not dump as JSON");
	free(text);
	json_decref(j);
	scan_result_release(&res);
	return 0;
}
