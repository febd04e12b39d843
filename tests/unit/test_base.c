/* SPDX-License-Identifier: MIT */
/* tests/unit/test_base.c: table-driven tests of base/ (str, clock, buf). */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/hash.h"
#include "base/str.h"

static void
test_str_to_i64(void **state)
{
	static const struct {
		const char *in;
		enum err rc;
		int64_t want;
	} cases[] = {
		{ "0", ERR_OK, 0 },
		{ "42", ERR_OK, 42 },
		{ "-7", ERR_OK, -7 },
		{ "", ERR_INVAL, 0 },
		{ "-", ERR_INVAL, 0 },
		{ "12a", ERR_INVAL, 0 },
		{ " 1", ERR_INVAL, 0 },
		{ "+1", ERR_INVAL, 0 },
		{ "1000", ERR_INVAL, 0 },
		{ "99999999999999999999", ERR_INVAL, 0 },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		int64_t v = -1;

		assert_int_equal(
		    str_to_i64(cases[i].in, -100, 999, &v), cases[i].rc);
		if (cases[i].rc == ERR_OK)
			assert_int_equal(v, cases[i].want);
	}
}

static void
test_utf8(void **state)
{
	(void)state;
	assert_true(utf8_valid("Gr\xc3\xbc\xc3\x9f"
	                       "e",
	    7));
	assert_false(utf8_valid("\xc3", 1));             /* truncated */
	assert_false(utf8_valid("\xc0\xaf", 2));         /* overlong */
	assert_false(utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4)); /* > U+10FFFF */
	assert_null(text_problem("a\tb", 3, 10, false));
	assert_non_null(text_problem("a\nb", 3, 10, false));
	assert_null(text_problem("a\nb", 3, 10, true));
	assert_non_null(text_problem("abc", 3, 2, false));
}

static void
test_iso8601(void **state)
{
	static const struct {
		const char *in;
		enum err rc;
		int64_t want;
	} cases[] = {
		{ "1970-01-01T00:00:00Z", ERR_OK, 0 },
		{ "2026-03-01T10:00:00+01:00", ERR_OK, 1772355600 },
		{ "2026-03-01T09:00:00Z", ERR_OK, 1772355600 },
		{ "2026-03-01T10:00+0100", ERR_OK, 1772355600 },
		{ "2026-03-01T04:00:00.123-05:00", ERR_OK, 1772355600 },
		{ "2024-02-29T12:00:00Z", ERR_OK, 1709208000 },
		{ "2023-02-29T12:00:00Z", ERR_INVAL, 0 },
		{ "2026-03-01T10:00:00", ERR_INVAL, 0 }, /* no zone */
		{ "2026-03-01", ERR_INVAL, 0 },
		{ "2026-13-01T10:00:00Z", ERR_INVAL, 0 },
		{ "2026-03-01T24:00:00Z", ERR_INVAL, 0 },
		{ "2026-03-01T10:00:00Zjunk", ERR_INVAL, 0 },
		{ "1969-12-31T23:59:59Z", ERR_INVAL, 0 },
		{ "9999-12-31T23:59:59Z", ERR_OK, 253402300799LL },
		{ "9999-12-31T23:59:59+01:00", ERR_OK, 253402297199LL },
		/* the year 10000 in UTC (found by fuzz_iso8601) */
		{ "9999-12-31T23:59:59-12:00", ERR_INVAL, 0 },
		{ "", ERR_INVAL, 0 },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		int64_t t = -1;
		const char *why = NULL;

		assert_int_equal(
		    iso8601_parse(cases[i].in, strlen(cases[i].in), &t, &why),
		    cases[i].rc);
		if (cases[i].rc == ERR_OK)
			assert_int_equal(t, cases[i].want);
		else
			assert_non_null(why);
	}
}

static void
test_iso8601_format(void **state)
{
	char out[ISO_LEN];

	(void)state;
	iso8601_format(1772355600, out); /* Berlin, winter */
	assert_string_equal(out, "2026-03-01T10:00:00+01:00");
	iso8601_format(1782900000, out); /* summer time */
	assert_string_equal(out, "2026-07-01T12:00:00+02:00");
	iso8601_format_utc(1772355600, out);
	assert_string_equal(out, "2026-03-01T09:00:00Z");
	iso8601_format(0, out);
	assert_string_equal(out, "1970-01-01T01:00:00+01:00");
	iso8601_format_utc(0, out);
	assert_string_equal(out, "1970-01-01T00:00:00Z");
	/* Past four digits of year: strftime() writes them. */
	iso8601_format_utc(253402300800, out);
	assert_string_equal(out, "10000-01-01T00:00:00Z");
	/* Offsets in half hours, west of UTC, and UTC itself. */
	assert_int_equal(clock_set_zone("America/St_Johns"), ERR_OK);
	iso8601_format(1772355600, out);
	assert_string_equal(out, "2026-03-01T05:30:00-03:30");
	assert_int_equal(clock_set_zone("Asia/Kolkata"), ERR_OK);
	iso8601_format(1772355600, out);
	assert_string_equal(out, "2026-03-01T14:30:00+05:30");
	assert_int_equal(clock_set_zone("UTC"), ERR_OK);
	iso8601_format(1772355600, out);
	assert_string_equal(out, "2026-03-01T09:00:00Z");
	assert_int_equal(clock_set_zone("Europe/Berlin"), ERR_OK);
}

/* The hand-written formatter against strftime(), 1900-2100, in zones with
 * negative, half-hour and quarter-hour offsets and in UTC. */
static void
test_iso8601_format_vs_strftime(void **state)
{
	static const char *const zones[] = { "Europe/Berlin",
		"America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham",
		"UTC" };
	char out[ISO_LEN], want[ISO_LEN];

	(void)state;
	for (size_t z = 0; z < nitems(zones); z++) {
		assert_int_equal(clock_set_zone(zones[z]), ERR_OK);
		/* 1900-01-01 to 2100-01-01 in steps of about 37 days */
		for (int64_t t = -2208988800LL; t < 4102444800LL;
		     t += 3196811) {
			time_t tt = (time_t)t;
			struct tm tm;
			size_t n;
			long o, a;

			localtime_r(&tt, &tm);
			o = tm.tm_gmtoff;
			a = o < 0 ? -o : o;
			n = strftime(
			    want, sizeof(want), "%Y-%m-%dT%H:%M:%S", &tm);
			if (o == 0)
				snprintf(want + n, sizeof(want) - n, "Z");
			else
				snprintf(want + n, sizeof(want) - n,
				    "%c%02ld:%02ld", o < 0 ? '-' : '+',
				    a / 3600, a % 3600 / 60);
			iso8601_format(t, out);
			assert_string_equal(out, want);
			gmtime_r(&tt, &tm);
			strftime(want, sizeof(want), "%Y-%m-%dT%H:%M:%SZ", &tm);
			iso8601_format_utc(t, out);
			assert_string_equal(out, want);
		}
	}
	assert_int_equal(clock_set_zone("Europe/Berlin"), ERR_OK);
}

static void
test_duration(void **state)
{
	static const struct {
		const char *in;
		enum err rc;
		int64_t want;
		const char *canon;
	} cases[] = {
		{ "PT4H", ERR_OK, 14400, "PT4H" },
		{ "P1DT12H", ERR_OK, 129600, "P1DT12H" },
		{ "PT90M", ERR_OK, 5400, "PT1H30M" },
		{ "P2W", ERR_OK, 1209600, "P14D" },
		{ "PT0S", ERR_OK, 0, "PT0S" },
		{ "P1M", ERR_INVAL, 0, NULL },
		{ "P1Y", ERR_INVAL, 0, NULL },
		{ "PT", ERR_INVAL, 0, NULL },
		{ "P", ERR_INVAL, 0, NULL },
		{ "4H", ERR_INVAL, 0, NULL },
		{ "PT4H2D", ERR_INVAL, 0, NULL },
		{ "PT1M1H", ERR_INVAL, 0, NULL },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		int64_t s = -1;
		const char *why;
		char out[DUR_LEN];

		assert_int_equal(
		    duration_parse(cases[i].in, strlen(cases[i].in), &s, &why),
		    cases[i].rc);
		if (cases[i].rc != ERR_OK)
			continue;
		assert_int_equal(s, cases[i].want);
		duration_format(s, out);
		assert_string_equal(out, cases[i].canon);
	}
}

static void
test_buf_cap(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_puts(&b, "12345678"), ERR_OK);
	assert_int_equal(buf_puts(&b, "9"), ERR_LIMIT);
	assert_string_equal(buf_cstr(&b), "12345678");
	buf_release(&b);
}

static void
test_sha256(void **state)
{
	char hex[SHA256_HEX];

	(void)state;
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	                         "b00361a396177a9cb410ff61f20015ad");
}

const struct CMUnitTest base_tests[] = {
	cmocka_unit_test(test_str_to_i64),
	cmocka_unit_test(test_utf8),
	cmocka_unit_test(test_iso8601),
	cmocka_unit_test(test_iso8601_format),
	cmocka_unit_test(test_iso8601_format_vs_strftime),
	cmocka_unit_test(test_duration),
	cmocka_unit_test(test_buf_cap),
	cmocka_unit_test(test_sha256),
};
const size_t base_tests_n = nitems(base_tests);
