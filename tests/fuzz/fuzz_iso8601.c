/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_iso8601.c: the one date-time parser and the duration
 * parser.  No crash; an accepted time formats back (UTC) to a string that
 * parses to the same instant; an accepted duration likewise.
 */
#include "base/base.h"

#include <stdint.h>

#include "base/clock.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const char *why;
	char out[ISO_LEN > DUR_LEN ? ISO_LEN : DUR_LEN];
	int64_t t, u;

	if (iso8601_parse((const char *)data, len, &t, &why) == ERR_OK) {
		iso8601_format_utc(t, out);
		if (iso8601_parse(out, strlen(out), &u, &why) != ERR_OK ||
		    u != t)
			BUG("iso8601 round trip");
	} else if (why == NULL) {
		BUG("error without a reason");
	}
	if (duration_parse((const char *)data, len, &t, &why) == ERR_OK) {
		duration_format(t, out);
		if (duration_parse(out, strlen(out), &u, &why) != ERR_OK ||
		    u != t)
			BUG("duration round trip");
	}
	return 0;
}
