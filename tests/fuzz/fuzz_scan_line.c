/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_scan_line.c: the detector engine over arbitrary bytes in
 * every format (the first byte picks it), split at an arbitrary line end.
 * Whatever the bytes: no crash, every hit is a valid category with a value
 * that normalises to itself where a normaliser exists.
 */
#include "base/base.h"

#include <stdint.h>

#include "scan/detect.h"
#include "scan/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(void *ctx, const struct scan_hit *h)
{
	char out[NORM_MAX];
	size_t n = 0;

	(void)ctx;
	if (h->cat >= SCAN_CAT__MAX || h->len >= NORM_MAX ||
	    strlen(h->val) != h->len)
		BUG("bad hit");
	switch (h->cat) {
	case SCAN_CAT_EMAIL:
		n = norm_email(h->val, h->len, out, sizeof(out));
		break;
	case SCAN_CAT_IBAN:
		n = norm_iban(h->val, h->len, out, sizeof(out));
		break;
	case SCAN_CAT_CARD:
		n = norm_card(h->val, h->len, out, sizeof(out));
		break;
	case SCAN_CAT_PHONE:
		n = norm_phone(h->val, h->len, out, sizeof(out));
		break;
	case SCAN_CAT_TAX_ID:
		n = norm_taxid(h->val, h->len, out, sizeof(out));
		break;
	case SCAN_CAT_CUSTOMER_NO: /* the form the subject index holds */
		n = norm_customer_no(h->val, h->len, out, sizeof(out));
		break;
	default:
		return;
	}
	if (n != h->len || memcmp(out, h->val, n) != 0)
		BUG("normalised value is not a fixed point");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct scan_engine *e;
	size_t cut;

	if (len < 1)
		return 0;
	e = scan_engine_new(check, NULL);
	if (data[0] % (SCAN_FMT__MAX + 1) == SCAN_FMT__MAX)
		scan_engine_sniff(e, (const char *)data + 1, len - 1);
	else
		scan_engine_set_format(e,
		    (enum scan_format)(data[0] % (SCAN_FMT__MAX + 1)),
		    (char)(data[0] >> 4 & 1 ? '\t' : ','));
	cut = 1;
	for (size_t i = len / 2; i < len; i++) {
		if (data[i] == '\n') {
			cut = i + 1;
			break;
		}
	}
	if (cut > 1 && cut <= len) {
		scan_engine_lines(e, (const char *)data + 1, cut - 1);
		scan_engine_lines(e, (const char *)data + cut, len - cut);
	} else {
		scan_engine_lines(e, (const char *)data + 1, len - 1);
	}
	scan_engine_free(e);
	return 0;
}
