/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_scan.c: the scanner's pure parts, table-driven: the
 * normalisers and validators (valid values and decoys), the detectors on
 * lines of every format, sniffing, masking, the HyperLogLog estimate, and
 * the sandboxed scan_file() on small files (formats, encodings,
 * compression, long lines, garbage, a truncated archive).  All data is
 * fictional.
 */
#include "base/base.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "base/xalloc.h"
#include "scan/detect.h"
#include "scan/normalize.h"
#include "scan/scan.h"

typedef size_t (*norm_fn)(const char *, size_t, char *, size_t);

static const struct {
	const char *name;
	norm_fn fn;
	const char *in;
	const char *want; /* NULL: rejected */
} norm_cases[] = {
	{ "email", norm_email, "Anna.Muster@Example.COM",
	    "anna.muster@example.com" },
	{ "email", norm_email, " bob@example.invalid ", "bob@example.invalid" },
	{ "email", norm_email, "x@y.notarealtld", NULL },
	{ "email", norm_email, "x@host.c0m", NULL },
	{ "email", norm_email, "x@mail.zz", NULL },
	{ "email", norm_email, "@example.com", NULL },
	{ "email", norm_email, "a..b@example.com", "a..b@example.com" },
	{ "email", norm_email, "a@-example.com", NULL },
	{ "email", norm_email, "j\xc3\xbcrgen@example.de",
	    "j\xc3\xbcrgen@example.de" },
	{ "email", norm_email, "a@xn--bcher-kva.de", "a@xn--bcher-kva.de" },
	{ "phone", norm_phone, "0151 12345678", "+4915112345678" },
	{ "phone", norm_phone, "+49 (0)151-12345678", "+4915112345678" },
	{ "phone", norm_phone, "0049 151 12345678", "+4915112345678" },
	{ "phone", norm_phone, "030/1234567", "+49301234567" },
	{ "phone", norm_phone, "+33 1 23 45 67 89", "+33123456789" },
	{ "phone", norm_phone, "0151 123", NULL },
	{ "phone", norm_phone, "12345678", NULL },
	{ "phone", norm_phone, "+49 0151 12345678", NULL },
	{ "iban", norm_iban, "DE89 3704 0044 0532 0130 00",
	    "DE89370400440532013000" },
	{ "iban", norm_iban, "de89370400440532013000",
	    "DE89370400440532013000" },
	{ "iban", norm_iban, "DE88370400440532013000", NULL },
	{ "iban", norm_iban, "DE8937040044053201300", NULL },
	{ "iban", norm_iban, "GB82WEST12345698765432",
	    "GB82WEST12345698765432" },
	{ "iban", norm_iban, "XX89370400440532013000", NULL },
	{ "card", norm_card, "4111 1111 1111 1111", "4111111111111111" },
	{ "card", norm_card, "4111-1111-1111-1112", NULL },
	{ "card", norm_card, "378282246310005", "378282246310005" },
	{ "card", norm_card, "5555555555554444", "5555555555554444" },
	{ "card", norm_card, "9111111111111111", NULL },
	{ "card", norm_card, "1234567812345670", NULL },
	{ "taxid", norm_taxid, "86095742719", "86095742719" },
	{ "taxid", norm_taxid, "86095742718", NULL },
	{ "taxid", norm_taxid, "12345678901", NULL },
	{ "taxid", norm_taxid, "06095742719", NULL },
	{ "date", norm_date, "1985-04-12", "1985-04-12" },
	{ "date", norm_date, "12.04.1985", "1985-04-12" },
	{ "date", norm_date, "29/02/2000", "2000-02-29" },
	{ "date", norm_date, "29.02.1999", NULL },
	{ "date", norm_date, "1985-13-01", NULL },
	{ "date", norm_date, " 2000-02-29\r", "2000-02-29" },
	{ "date", norm_date, "1900-02-29", NULL },
	{ "date", norm_date, "1985-4-120", NULL },
	{ "date", norm_date, "19850412", "1985-04-12" },
	{ "date", norm_date, "1985-412", NULL },
	{ "date", norm_date, "19850412", "1985-04-12" },
	{ "ip", norm_ip, "192.0.2.1", "192.0.2.1" },
	{ "ip", norm_ip, "192.0.2.256", NULL },
	{ "ip", norm_ip, "192.0.02.1", NULL },
	{ "ip", norm_ip, "2001:DB8:0:0::1", "2001:db8::1" },
	{ "ip", norm_ip, "1.2.3", NULL },
	{ "ip", norm_ip, "0.0.0.0", "0.0.0.0" },
	{ "ip", norm_ip, "255.255.255.255", "255.255.255.255" },
	{ "ip", norm_ip, "1.2.3.4.5", NULL },
	{ "ip", norm_ip, "1.2.3.", NULL },
	{ "ip", norm_ip, "1..2.3", NULL },
	{ "ip", norm_ip, "1234.1.1.1", NULL },
	{ "ip", norm_ip, "1.2.3.04", NULL },
	{ "ip", norm_ip, "10.0.0.1x", NULL },
};

static void
test_normalisers(void **state)
{
	(void)state;
	for (size_t i = 0; i < nitems(norm_cases); i++) {
		char out[NORM_MAX];
		size_t n = norm_cases[i].fn(norm_cases[i].in,
		    strlen(norm_cases[i].in), out, sizeof(out));

		if (norm_cases[i].want == NULL) {
			if (n != 0)
				fail_msg("%s(%s) accepted as %s",
				    norm_cases[i].name, norm_cases[i].in, out);
		} else {
			if (n == 0)
				fail_msg("%s(%s) rejected", norm_cases[i].name,
				    norm_cases[i].in);
			assert_string_equal(out, norm_cases[i].want);
			assert_int_equal(n, strlen(norm_cases[i].want));
		}
	}
}

static void
test_luhn_tld(void **state)
{
	(void)state;
	assert_true(norm_luhn_ok("79927398713", 11));
	assert_false(norm_luhn_ok("79927398710", 11));
	assert_true(norm_tld_ok("de", 2));
	assert_true(norm_tld_ok("COM", 3));
	assert_true(norm_tld_ok("invalid", 7));
	assert_false(norm_tld_ok("qq", 2));
	assert_false(norm_tld_ok("xa", 2));
	assert_false(norm_tld_ok("notarealtld", 11));
	assert_false(norm_tld_ok("c0m", 3));
}

/*
 * norm_ip() writes IPv6 itself: the same text as glibc's inet_ntop() for
 * addresses rich in zero runs, ffff groups and embedded IPv4 (written
 * compressed and uncompressed).  Also IBAN mod-97 eight digits at once.
 */
static void
test_ipv6_text(void **state)
{
	uint64_t r = 88172645463325252ull;
	char t_iban[40];

	(void)state;
	for (int it = 0; it < 200000; it++) {
		unsigned char b[16];
		char want[64], t[64], out[64];
		size_t n;

		for (int i = 0; i < 16; i++) {
			unsigned mode;

			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			mode = (unsigned)(r >> 8) & 7;
			b[i] = (unsigned char)(mode < 4    ? 0
			                       : mode == 4 ? 0xff
			                       : mode == 5 ? (r & 1)
			                                   : (r & 0xff));
		}
		if ((r >> 20 & 3) == 0) {
			memset(b, 0, 10);
			b[10] = b[11] = 0xff;
		} else if ((r >> 22 & 7) == 0) {
			memset(b, 0, 12);
		}
		assert_non_null(inet_ntop(AF_INET6, b, want, sizeof(want)));
		n = norm_ip(want, strlen(want), out, sizeof(out));
		assert_string_equal(out, want);
		assert_int_equal(n, strlen(want));
		snprintf(t, sizeof(t), "%x:%x:%x:%x:%x:%x:%x:%x",
		    b[0] << 8 | b[1], b[2] << 8 | b[3], b[4] << 8 | b[5],
		    b[6] << 8 | b[7], b[8] << 8 | b[9], b[10] << 8 | b[11],
		    b[12] << 8 | b[13], b[14] << 8 | b[15]);
		n = norm_ip(t, strlen(t), out, sizeof(out));
		assert_string_equal(out, want);
	}
	assert_int_equal(norm_iban("DE89 3704 0044 0532 0130 00", 27, t_iban,
	                     sizeof(t_iban)),
	    22);
	assert_int_equal(
	    norm_iban("DE89370400440532013001", 22, t_iban, sizeof(t_iban)), 0);
	assert_int_equal(
	    norm_iban("GB82WEST12345698765432", 22, t_iban, sizeof(t_iban)),
	    22);
	assert_int_equal(norm_iban("MT84MALT011000012345MTLCAST001S", 31,
	                     t_iban, sizeof(t_iban)),
	    31);
}

/*
 * Differential tests of the number normalisers: the implementations
 * before their rewrite for speed (issue 6) are kept here as references,
 * and the fast ones must give the same result, and the same output
 * bytes, on many seeded random inputs, valid and invalid.
 */
static uint64_t
xs64(uint64_t *r)
{
	*r ^= *r << 13;
	*r ^= *r >> 7;
	*r ^= *r << 17;
	return *r;
}

#define REF_CC(a, b) (((a) - 'A') * 26 + ((b) - 'A'))
static const unsigned char ref_iban_lens[26 * 26] = { [REF_CC('D', 'E')] = 22,
	[REF_CC('A', 'T')] = 20,
	[REF_CC('C', 'H')] = 21,
	[REF_CC('F', 'R')] = 27,
	[REF_CC('N', 'L')] = 18,
	[REF_CC('G', 'B')] = 22,
	[REF_CC('E', 'S')] = 24,
	[REF_CC('I', 'T')] = 27,
	[REF_CC('B', 'E')] = 16,
	[REF_CC('P', 'L')] = 28,
	[REF_CC('L', 'U')] = 20,
	[REF_CC('D', 'K')] = 18,
	[REF_CC('S', 'E')] = 24,
	[REF_CC('N', 'O')] = 15,
	[REF_CC('F', 'I')] = 18,
	[REF_CC('I', 'E')] = 22,
	[REF_CC('P', 'T')] = 25,
	[REF_CC('C', 'Z')] = 24,
	[REF_CC('L', 'I')] = 21,
	[REF_CC('G', 'R')] = 27,
	[REF_CC('H', 'U')] = 28,
	[REF_CC('S', 'K')] = 24,
	[REF_CC('S', 'I')] = 19,
	[REF_CC('H', 'R')] = 21,
	[REF_CC('R', 'O')] = 24,
	[REF_CC('B', 'G')] = 22,
	[REF_CC('E', 'E')] = 20,
	[REF_CC('L', 'V')] = 21,
	[REF_CC('L', 'T')] = 20,
	[REF_CC('M', 'T')] = 31,
	[REF_CC('C', 'Y')] = 28,
	[REF_CC('I', 'S')] = 26,
	[REF_CC('T', 'R')] = 26,
	[REF_CC('M', 'C')] = 27,
	[REF_CC('S', 'M')] = 27,
	[REF_CC('A', 'D')] = 24 };

static int
ref_iban_country_len(const char *cc)
{
	if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z')
		return 0;
	return ref_iban_lens[REF_CC(cc[0], cc[1])];
}
#undef REF_CC

/* The mod-97 of the old code, its arithmetic on other bytes included. */
static uint64_t
ref_iban_mod97(uint64_t acc, const char *v, size_t n)
{
	uint64_t chunk = 0, scale = 1;
	size_t k = 0;

	for (; n - k >= 8; k += 8) {
		uint64_t x;

		memcpy(&x, v + k, 8);
		if ((x & 0xf0f0f0f0f0f0f0f0ull) != 0x3030303030303030ull ||
		    ((x + 0x0606060606060606ull) & 0xf0f0f0f0f0f0f0f0ull) !=
		        0x3030303030303030ull)
			break;
		x -= 0x3030303030303030ull;
		x = x * 10 + (x >> 8);
		x = ((x & 0x000000ff000000ffull) * (100 + (1000000ull << 32)) +
		        ((x >> 16) & 0x000000ff000000ffull) *
		            (1 + (10000ull << 32))) >>
		    32;
		acc = (acc * 100000000ull + x) % 97;
	}
	for (; k < n; k++) {
		unsigned c = (unsigned char)v[k];

		if (c <= '9') {
			chunk = chunk * 10 + (c - '0');
			scale *= 10;
		} else {
			chunk = chunk * 100 + (c - 'A' + 10);
			scale *= 100;
		}
		if (scale >= 100000000ull) {
			acc = (acc * scale + chunk) % 97;
			chunk = 0;
			scale = 1;
		}
	}
	return (acc * scale + chunk) % 97;
}

static size_t
ref_iban_check(const char *v, size_t n, char *out, size_t outsz)
{
	int want;

	if (n < 15 || n > 34 || n + 1 > outsz)
		return 0;
	if (!isalpha((unsigned char)v[0]) || !isalpha((unsigned char)v[1]) ||
	    !isdigit((unsigned char)v[2]) || !isdigit((unsigned char)v[3]))
		return 0;
	want = ref_iban_country_len(v);
	if (want == 0 || (size_t)want != n)
		return 0;
	if (((unsigned)ref_iban_mod97(0, v + 4, n - 4) * 1000000u +
	        (unsigned)(v[0] - 'A' + 10) * 10000u +
	        (unsigned)(v[1] - 'A' + 10) * 100u +
	        (unsigned)(v[2] - '0') * 10u + (unsigned)(v[3] - '0')) %
	        97 !=
	    1)
		return 0;
	memcpy(out, v, n);
	out[n] = '\0';
	return n;
}

static size_t
ref_norm_iban(const char *s, size_t len, char *out, size_t outsz)
{
	char v[40];
	size_t n = 0;

	s = norm_trim(s, len, &len);
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (c == ' ')
			continue;
		if (!isalnum(c) || c >= 0x80)
			return 0;
		if (n == sizeof(v) - 1)
			return 0;
		v[n++] = (char)(isalpha(c) ? c & ~32 : c);
	}
	return ref_iban_check(v, n, out, outsz);
}

static size_t
ref_norm_iban_prefix(const char *v, size_t n, char *out, size_t outsz)
{
	int want;

	if (n < 4)
		return 0;
	want = ref_iban_country_len(v);
	if (want == 0 || (size_t)want > n)
		return 0;
	return ref_iban_check(v, (size_t)want, out, outsz);
}

/* Both give the same length and the same output bytes (all of out). */
static void
same_norm(norm_fn fast, norm_fn ref, const char *in, size_t len, size_t outsz)
{
	char a[NORM_MAX], b[NORM_MAX];
	size_t na, nb;

	memset(a, 0x55, sizeof(a));
	memset(b, 0x55, sizeof(b));
	na = fast(in, len, a, outsz);
	nb = ref(in, len, b, outsz);
	if (na != nb || (na != 0 && memcmp(a, b, na + 1) != 0)) {
		print_error("input \"%.*s\" (%zu bytes, outsz %zu): %zu \"%s\""
		            " want %zu \"%s\"\n",
		    (int)len, in, len, outsz, na, na ? a : "", nb, nb ? b : "");
		fail();
	}
}

static const char *const iban_ccs[] = { "DE", "AT", "CH", "FR", "NL", "GB",
	"ES", "IT", "BE", "PL", "LU", "DK", "SE", "NO", "FI", "IE", "PT", "CZ",
	"LI", "GR", "HU", "SK", "SI", "HR", "RO", "BG", "EE", "LV", "LT", "MT",
	"CY", "IS", "TR", "MC", "SM", "AD", "XX", "de", "QQ" };

/* IBANs of every country, check digits right or wrong, letters and
 * other bytes where digits belong, lower case, spaces, odd lengths. */
static void
test_iban_diff(void **state)
{
	static const char odd[] = " /:-.\x80\xc3\xff\t\"'aZ0";
	uint64_t r = 0x9e3779b97f4a7c15ull;

	(void)state;
	for (int it = 0; it < 300000; it++) {
		char v[64], sp[96];
		const char *cc = iban_ccs[xs64(&r) % nitems(iban_ccs)];
		int want = ref_iban_country_len(cc);
		size_t n, m, k;
		unsigned rem = 0, chk;

		if (want == 0 || xs64(&r) % 8 == 0)
			want = 12 + (int)(xs64(&r) % 26);
		n = (size_t)want;
		memcpy(v, cc, 2);
		for (size_t i = 4; i < n; i++)
			v[i] = xs64(&r) % 6 == 0 && it % 3 == 0
			           ? (char)('A' + xs64(&r) % 26)
			           : (char)('0' + xs64(&r) % 10);
		/* the right check digits: mod 97 of BBAN, country, "00" */
		v[2] = v[3] = '0';
		for (size_t i = 0; i < n; i++) {
			size_t j = (i + 4) % n;
			int c = (unsigned char)v[j];

			rem = c <= '9'
			          ? (rem * 10 + (unsigned)(c - '0')) % 97
			          : (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
		}
		chk = 98 - rem;
		v[2] = (char)('0' + chk / 10);
		v[3] = (char)('0' + chk % 10);
		switch (xs64(&r) % 4) {
		case 0: /* one byte changed */
			k = xs64(&r) % n;
			v[k] = xs64(&r) % 2 ? (char)('0' + xs64(&r) % 10)
			                    : odd[xs64(&r) % (sizeof(odd) - 1)];
			break;
		case 1: /* two adjacent digits swapped */
			k = xs64(&r) % (n - 1);
			chk = (unsigned char)v[k];
			v[k] = v[k + 1];
			v[k + 1] = (char)chk;
			break;
		default:
			break;
		}
		/* what the detector may pass after it: more capitals/digits */
		m = n + (xs64(&r) % 3 == 0 ? xs64(&r) % 6 : 0);
		for (size_t i = n; i < m; i++)
			v[i] = (char)('0' + xs64(&r) % 10);
		for (size_t t = 0; t < 3; t++) {
			size_t outsz = t == 0 ? NORM_MAX : n + t - 1;

			same_norm(norm_iban_prefix, ref_norm_iban_prefix, v, m,
			    outsz);
			same_norm(norm_iban, ref_norm_iban, v, m, outsz);
		}
		/* grouped by four, some in lower case */
		k = 0;
		for (size_t i = 0; i < m; i++) {
			if (i > 0 && i % 4 == 0)
				sp[k++] = ' ';
			sp[k++] = it % 5 == 0 ? (char)tolower(v[i]) : v[i];
		}
		same_norm(norm_iban, ref_norm_iban, sp, k, NORM_MAX);
		same_norm(
		    norm_iban_prefix, ref_norm_iban_prefix, sp, k, NORM_MAX);
	}
}

/* norm_ip() before its rewrite: the old dotted-quad rules, and glibc's
 * inet_pton() and inet_ntop() for the rest. */
static bool
ref_ipv4_ok(const char *s, size_t len)
{
	size_t i = 0;

	for (unsigned part = 0; part < 4; part++) {
		unsigned val;

		if (i >= len || !isdigit((unsigned char)s[i]))
			return false;
		val = (unsigned)(s[i++] - '0');
		if (i < len && isdigit((unsigned char)s[i])) {
			if (val == 0)
				return false;
			val = val * 10 + (unsigned)(s[i++] - '0');
			if (i < len && isdigit((unsigned char)s[i])) {
				val = val * 10 + (unsigned)(s[i++] - '0');
				if (val > 255 ||
				    (i < len && isdigit((unsigned char)s[i])))
					return false;
			}
		}
		if (part < 3) {
			if (i >= len || s[i] != '.')
				return false;
			i++;
		}
	}
	return i == len;
}

static size_t
ref_norm_ip(const char *s, size_t len, char *out, size_t outsz)
{
	char t[64];
	unsigned char bin[16];

	s = norm_trim(s, len, &len);
	if (len < 2 || len >= 64 || outsz < 46)
		return 0;
	if (ref_ipv4_ok(s, len)) {
		memcpy(out, s, len);
		out[len] = '\0';
		return len;
	}
	if (memchr(s, ':', len) == NULL || memchr(s, '\0', len) != NULL)
		return 0;
	memcpy(t, s, len);
	t[len] = '\0';
	if (inet_pton(AF_INET6, t, bin) != 1)
		return 0;
	assert_non_null(inet_ntop(AF_INET6, bin, out, 46));
	return strlen(out);
}

/* A random dotted quad, mostly valid: parts of every length, leading
 * zeros, values past 255, parts missing or one too many. */
static size_t
rand_quad(uint64_t *r, char *o)
{
	static const char *const odd[] = { "00", "01", "256", "255", "250",
		"260", "300", "199", "1234", "", "0", "09", "99", "249" };
	unsigned parts = xs64(r) % 8 == 0 ? 2 + (unsigned)(xs64(r) % 4) : 4;
	size_t n = 0;

	for (unsigned p = 0; p < parts; p++) {
		if (p > 0)
			o[n++] = '.';
		if (xs64(r) % 6 == 0) {
			const char *x = odd[xs64(r) % nitems(odd)];

			memcpy(o + n, x, strlen(x));
			n += strlen(x);
		} else {
			n += (size_t)snprintf(o + n, 4, "%u",
			    (unsigned)(xs64(r) % (xs64(r) % 2 ? 256 : 10)));
		}
	}
	return n;
}

/* Random IPv6 text: groups of 0-5 hex digits in both cases, "::" in any
 * place (sometimes twice), an embedded quad, colons at the ends. */
static size_t
rand_ip6(uint64_t *r, char *o)
{
	static const char hx[] = "0123456789abcdefABCDEF0000";
	unsigned groups = (unsigned)(xs64(r) % 10), gap = 99, gap2 = 99;
	bool quad = xs64(r) % 4 == 0;
	size_t n = 0;

	if (xs64(r) % 3 != 0)
		gap = (unsigned)(xs64(r) % (groups + 1));
	if (xs64(r) % 16 == 0)
		gap2 = (unsigned)(xs64(r) % (groups + 1));
	if (xs64(r) % 16 == 0)
		o[n++] = ':';
	for (unsigned g = 0; g <= groups; g++) {
		if (g == gap || g == gap2) {
			o[n++] = ':';
			o[n++] = ':';
		} else if (g > 0) {
			o[n++] = ':';
		}
		if (g == groups)
			break;
		unsigned nd = xs64(r) % 8 == 0 ? (unsigned)(xs64(r) % 6)
		                               : 1 + (unsigned)(xs64(r) % 4);

		for (unsigned k = 0; k < nd; k++)
			o[n++] = hx[xs64(r) % (sizeof(hx) - 1)];
	}
	if (quad) {
		if (n > 0 && o[n - 1] != ':')
			o[n++] = ':';
		n += rand_quad(r, o + n);
	} else if (xs64(r) % 16 == 0) {
		o[n++] = ':';
	}
	return n;
}

/* Dotted quads and IPv6 text, valid and broken, against the old code. */
static void
test_ip_diff(void **state)
{
	static const char odd[] = ":.0aFg \t\"'\x80\xff/-x9";
	uint64_t r = 0x2545f4914f6cdd1dull;

	(void)state;
	for (int it = 0; it < 400000; it++) {
		char t[160];
		size_t n = 0, k;

		if (xs64(&r) % 16 == 0)
			t[n++] = " \"'\t\r"[xs64(&r) % 5];
		n += it % 2 ? rand_quad(&r, t + n) : rand_ip6(&r, t + n);
		if (xs64(&r) % 16 == 0)
			t[n++] = " \"'\t\r"[xs64(&r) % 5];
		switch (xs64(&r) % 8) {
		case 0: /* one byte changed */
			if (n > 0) {
				k = xs64(&r) % n;
				t[k] = odd[xs64(&r) % (sizeof(odd) - 1)];
			}
			break;
		case 1: /* one byte dropped */
			if (n > 0) {
				k = xs64(&r) % n;
				memmove(t + k, t + k + 1, n - k - 1);
				n--;
			}
			break;
		case 2: /* a NUL byte */
			if (n > 0)
				t[xs64(&r) % n] = '\0';
			break;
		default:
			break;
		}
		same_norm(norm_ip, ref_norm_ip, t, n, NORM_MAX);
		same_norm(norm_ip, ref_norm_ip, t, n, 46);
		same_norm(norm_ip, ref_norm_ip, t, n, 45);
	}
	/* every short string of the bytes that matter */
	for (unsigned len = 1; len <= 5; len++) {
		static const char al[] = ":.01a";
		unsigned total = 1;
		char t[8];

		for (unsigned i = 0; i < len; i++)
			total *= sizeof(al) - 1;
		for (unsigned c = 0; c < total; c++) {
			unsigned x = c;

			for (unsigned i = 0; i < len; i++) {
				t[i] = al[x % (sizeof(al) - 1)];
				x /= sizeof(al) - 1;
			}
			same_norm(norm_ip, ref_norm_ip, t, len, NORM_MAX);
		}
	}
}

/* norm_email_runs() gives norm_email()'s result on run-shaped addresses. */
static void
test_email_runs(void **state)
{
	static const char loc[] = "aZ09._%+-xQ\xc3\xa4";
	static const char dom[] = "aZ09.-mcDoE\xc3\xbc";
	uint64_t r = 0x9e3779b97f4a7c15ull;

	(void)state;
	for (int it = 0; it < 300000; it++) {
		char s[200], want[NORM_MAX], got[NORM_MAX];
		size_t l, d, n = 0, wn, gn;

		r ^= r << 13;
		r ^= r >> 7;
		r ^= r << 17;
		l = (size_t)(r % 70);
		d = (size_t)(r >> 8) % 90;
		for (size_t k = 0; k < l; k++)
			s[n++] =
			    loc[((r >> (k % 50)) + k * 7) % (sizeof(loc) - 1)];
		s[n++] = '@';
		for (size_t k = 0; k < d; k++)
			s[n++] =
			    dom[((r >> (k % 40)) + k * 13) % (sizeof(dom) - 1)];
		if (d > 3 && (r & 1)) { /* a known TLD */
			memcpy(s + n - 4, ".com", 4);
		} else if (d > 3 && (r & 2)) {
			memcpy(s + n - 3, ".De", 3);
		}
		wn = norm_email(s, n, want, sizeof(want));
		gn = norm_email_runs(s, n, l, got, sizeof(got));
		assert_int_equal(gn, wn);
		if (wn > 0)
			assert_memory_equal(got, want, wn + 1);
	}
}

/*
 * ---- reference copies: e-mail, TLDs, dates ----
 *
 * norm_email_runs(), norm_tld_ok() and norm_date() as they were before
 * their 16-byte and one-word rewrites, in the plainest code (a linear
 * search, a loop per field).  The differential tests below compare each
 * fast one with its copy on every TLD, near misses, and hundreds of
 * thousands of seeded random inputs, valid and invalid.
 */
static const char *const ref_tlds[] = { "com", "net", "org", "invalid", "test",
	"example", "edu", "gov", "mil", "int", "info", "biz", "name", "pro",
	"mobi", "aero", "asia", "coop", "jobs", "museum", "tel", "travel",
	"app", "dev", "online", "site", "shop", "store", "xyz", "top", "club",
	"live", "tech", "email", "cloud", "blog", "web", "page", "art",
	"design", "agency", "berlin", "bayern", "koeln", "cologne", "nrw",
	"hamburg", "ruhr", "saarland", "wien", "swiss", "tirol", "gmbh", "ag",
	"digital", "solutions", "services", "network", "systems", "media",
	"news", "world", "life", "space", "website", "company", "family",
	"group", "health", "law", "legal", "bank", "insurance", "church",
	"school", "university", "academy", "expert", "consulting", "marketing",
	"software", "studio", "center", "social", "tips", "today", "link",
	"click", "icu", "vip", "work", "cat", "eus", "bzh", "gal", "scot",
	"wales", "paris", "london", "amsterdam", "brussels", "vlaanderen",
	"frl", "istanbul", "moscow" };

static int
ref_lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool
ref_tld_ok(const char *s, size_t len)
{
	char t[16];

	if (len >= 4 && ref_lc(s[0]) == 'x' && ref_lc(s[1]) == 'n' &&
	    s[2] == '-' && s[3] == '-')
		return len <= 63;
	if (len < 2 || len >= sizeof(t))
		return false;
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i] | 32;

		if (c < 'a' || c > 'z')
			return false;
		t[i] = (char)c;
	}
	if (len == 2)
		return !(t[0] == 'a' && t[1] == 'a') &&
		       !(t[0] == 'z' && t[1] == 'z') &&
		       !(t[0] == 'q' && t[1] >= 'm') && t[0] != 'x';
	for (size_t k = 0; k < nitems(ref_tlds); k++)
		if (strlen(ref_tlds[k]) == len &&
		    memcmp(ref_tlds[k], t, len) == 0)
			return true;
	return false;
}

/* The old norm_email_runs() up to its IDN branch: a domain with a byte
 * >= 0x80 that passed the other checks sets *idn (its conversion did not
 * change; norm_email() gives the answer on run-shaped input). */
static size_t
ref_email_runs(
    const char *s, size_t len, size_t at, char *out, size_t outsz, bool *idn)
{
	size_t l = at, dl, tl;
	unsigned high = 0;

	*idn = false;
	if (at >= len || len + 1 > outsz || len > 254)
		return 0;
	dl = len - l - 1;
	if (l == 0 || l > 64 || dl < 4)
		return 0;
	if (s[0] == '.' || s[l - 1] == '.' || s[l + 1] == '-' ||
	    s[l + 1] == '.' || s[len - 1] == '.')
		return 0;
	for (size_t i = l + 1; i < len; i++) {
		high |= (unsigned char)s[i];
		if (i >= l + 2 && s[i] == '.' &&
		    (s[i - 1] == '.' || s[i - 1] == '-'))
			return 0;
	}
	tl = 0;
	while (tl < dl && s[len - 1 - tl] != '.')
		tl++;
	if (tl == dl)
		return 0;
	if (high & 0x80) {
		*idn = true;
		return 0;
	}
	for (size_t i = 0; i < len; i++)
		out[i] = (char)ref_lc((unsigned char)s[i]);
	out[l] = '@';
	out[len] = '\0';
	return ref_tld_ok(out + len - tl, tl) ? len : 0;
}

static int
ref_num(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static size_t
ref_date(const char *s, size_t len, char *out, size_t outsz)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };
	int y, m, d;

	s = norm_trim(s, len, &len);
	if (outsz < 11)
		return 0;
	if (len == 10 && s[4] == '-' && s[7] == '-') {
		y = ref_num(s, 4);
		m = ref_num(s + 5, 2);
		d = ref_num(s + 8, 2);
	} else if (len == 10 && (s[2] == '.' || s[2] == '/') && s[5] == s[2]) {
		d = ref_num(s, 2);
		m = ref_num(s + 3, 2);
		y = ref_num(s + 6, 4);
	} else if (len == 8) {
		y = ref_num(s, 4);
		m = ref_num(s + 4, 2);
		d = ref_num(s + 6, 2);
	} else {
		return 0;
	}
	if (y < 1900 || y > 2030 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400)))
		return 0;
	snprintf(out, outsz, "%04d-%02d-%02d", y, m, d);
	return 10;
}

static void
tld_same(const char *s, size_t n)
{
	if (norm_tld_ok(s, n) != ref_tld_ok(s, n))
		fail_msg(
		    "norm_tld_ok(%.*s) is %d", (int)n, s, norm_tld_ok(s, n));
}

/* norm_tld_ok() against the linear search: every TLD in three cases, every
 * one-letter change, cut and extension of each, all names of two and three
 * letters, xn-- names of every length, random bytes. */
static void
test_tld_ref(void **state)
{
	static const char odd[] = "aZz09-.@[`{\x80\xc3\xff";
	uint64_t r = 0x2545f4914f6cdd1dull;
	char t[80];

	(void)state;
	for (size_t k = 0; k < nitems(ref_tlds); k++) {
		size_t n = strlen(ref_tlds[k]);

		memcpy(t, ref_tlds[k], n);
		assert_true(norm_tld_ok(t, n));
		for (size_t i = 0; i < n; i++)
			t[i] = (char)(t[i] - 32);
		assert_true(norm_tld_ok(t, n));
		for (size_t i = 0; i < n; i++)
			t[i] = (char)(ref_tlds[k][i] ^ (xs64(&r) & 32));
		tld_same(t, n);
		tld_same(t, n - 1);
		for (unsigned c = 0; c < 256; c++) {
			memcpy(t, ref_tlds[k], n);
			t[n] = (char)c;
			tld_same(t, n + 1);
			for (size_t i = 0; i < n; i++) {
				memcpy(t, ref_tlds[k], n);
				t[i] = (char)c;
				tld_same(t, n);
			}
		}
	}
	for (unsigned a = 0; a < 128; a++)
		for (unsigned b = 0; b < 128; b++) {
			t[0] = (char)a;
			t[1] = (char)b;
			tld_same(t, 2);
			if ((a | 32) < 'a' || (a | 32) > 'z' ||
			    (b | 32) < 'a' || (b | 32) > 'z')
				continue;
			for (unsigned c = 'a'; c <= 'z'; c++) {
				t[2] = (char)(c ^ (a & 32));
				tld_same(t, 3);
			}
		}
	memcpy(t, "xN--", 4);
	for (size_t n = 0; n < sizeof(t); n++) {
		if (n >= 4)
			t[n] = (char)('a' + n % 26);
		tld_same(t, n);
	}
	for (int it = 0; it < 200000; it++) {
		size_t n = (size_t)(xs64(&r) % 20);

		for (size_t i = 0; i < n; i++) {
			uint64_t x = xs64(&r);

			t[i] =
			    (x & 3) != 0
			        ? (char)('a' + (x >> 8) % 26 - (x & 4 ? 32 : 0))
			        : odd[(x >> 8) % (sizeof(odd) - 1)];
		}
		if (n >= 4 && (r & 0x300) == 0)
			memcpy(t, r & 0x400 ? "xn--" : "XN--", 4);
		tld_same(t, n);
	}
}

/* One random address of the detector's classes (or, with `any`, of any
 * bytes) in s; the '@' index in *at, the length returned. */
static size_t
gen_address(char *s, size_t *at, uint64_t *r, bool any)
{
	static const char loc[] = "aZ09._%+-xQ\xc3\xa4";
	static const char dom[] = "abcxyzQRSZ0189--..";
	static const char *const utf[] = { "\xc3\xbc", "\xc3\x9c",
		"\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xc3", "\x80" };
	uint64_t x = xs64(r);
	size_t l = (x & 1) ? (x >> 8 & 15) : (x >> 8) % 70, n = 0;
	size_t d = (x & 2) ? 4 + (x >> 16) % 30 : (x >> 16) % 262;

	for (size_t k = 0; k < l; k++) {
		x = xs64(r);
		s[n++] = any && (x & 7) == 0
		             ? (char)(x >> 8)
		             : loc[(x >> 8) % (sizeof(loc) - 1)];
	}
	*at = n;
	s[n++] = any && (x & 0x70000) == 0 ? (char)(x >> 24) : '@';
	while (d > 0) {
		const char *p;
		size_t k;

		x = xs64(r);
		switch (x & 15) {
		case 0: /* a known TLD, any case */
			p = ref_tlds[(x >> 8) % nitems(ref_tlds)];
			k = strlen(p);
			break;
		case 1:
			p = utf[(x >> 8) % nitems(utf)];
			k = strlen(p);
			break;
		case 2:
			p = (x & 16) ? "xn--" : "XN--";
			k = 4;
			break;
		default:
			p = dom + (x >> 8) % (sizeof(dom) - 1);
			k = 1;
			break;
		}
		if (k > d)
			k = d;
		for (size_t i = 0; i < k; i++) {
			char c = p[i];

			if ((x >> (20 + i)) & 1 && c >= 'a' && c <= 'z')
				c = (char)(c - 32);
			s[n++] =
			    any && ((x >> 40) & 15) == 0 ? (char)(x >> 48) : c;
		}
		d -= k;
	}
	if ((x & 0x300) == 0 && n > *at + 5) { /* a dot before a TLD */
		const char *p = ref_tlds[(x >> 12) % nitems(ref_tlds)];
		size_t k = strlen(p);

		if (n - *at - 2 > k) {
			s[n - k - 1] = '.';
			memcpy(s + n - k, p, k);
		}
	} else if ((x & 0x300) == 0x100 && n > *at + 4) {
		s[n - 3] = '.';
	}
	return n;
}

/* norm_email_runs() against the old code on run-shaped addresses (IDN
 * ones against norm_email()) and on addresses of any bytes; s is a heap
 * copy of exactly its length, so ASan sees a read past it, and out has
 * a guard after outsz bytes. */
static void
test_email_ref(void **state)
{
	uint64_t r = 0x9e3779b97f4a7c15ull;
	unsigned accepted = 0, idns = 0;

	(void)state;
	for (int it = 0; it < 400000; it++) {
		char buf[400], want[NORM_MAX + 16], got[NORM_MAX + 16];
		bool any = it % 4 == 3, idn;
		size_t at, n = gen_address(buf, &at, &r, any), osz, wn, gn;
		char *s = xmalloc(n + 1);

		memcpy(s, buf, n);
		osz = (r & 0x3000) == 0 ? n + (r >> 14 & 1) : NORM_MAX;
		memset(got, 0xa5, sizeof(got));
		gn = norm_email_runs(s, n, at, got, osz);
		wn = ref_email_runs(s, n, at, want, osz, &idn);
		if (idn && any) {
			free(s);
			continue;
		}
		if (idn) {
			wn = norm_email(s, n, want, osz);
			idns += wn > 0;
		}
		if (gn != wn)
			fail_msg("norm_email_runs(%.*s, %zu) = %zu, want %zu",
			    (int)n, s, at, gn, wn);
		if (wn > 0)
			assert_memory_equal(got, want, wn + 1);
		for (size_t i = osz; i < sizeof(got); i++)
			assert_int_equal((unsigned char)got[i], 0xa5);
		accepted += wn > 0;
		free(s);
	}
	/* the generator reaches both answers and the IDN path */
	assert_true(accepted > 20000);
	assert_true(idns > 100);
}

static void
date_same(const char *s, size_t n)
{
	char want[16], got[16];
	size_t wn = ref_date(s, n, want, sizeof(want));
	size_t gn = norm_date(s, n, got, sizeof(got));

	if (gn != wn)
		fail_msg("norm_date(%.*s) = %zu, want %zu", (int)n, s, gn, wn);
	if (wn > 0)
		assert_memory_equal(got, want, wn + 1);
	assert_int_equal(norm_date(s, n, got, 10), 0);
}

/* norm_date() against the field-by-field code: every year 1899-2031,
 * month 0-13 and day 0-32 in each shape, padded or not, and random
 * strings of the shapes' bytes. */
static void
test_date_ref(void **state)
{
	static const char alpha[] = "0123456789012345-./: \t\"'\rx\x80";
	uint64_t r = 0x0123456789abcdefull;
	char s[32];
	unsigned ok = 0;

	(void)state;
	for (int y = 1899; y <= 2031; y++)
		for (int m = 0; m <= 13; m++)
			for (int d = 0; d <= 32; d++) {
				char w[16];

				snprintf(
				    s, sizeof(s), "%04d-%02d-%02d", y, m, d);
				date_same(s, 10);
				ok += norm_date(s, 10, w, sizeof(w)) > 0;
				snprintf(
				    s, sizeof(s), "%02d.%02d.%04d", d, m, y);
				date_same(s, 10);
				s[2] = s[5] = '/';
				date_same(s, 10);
				s[5] = '.';
				date_same(s, 10);
				snprintf(s, sizeof(s), "%04d%02d%02d", y, m, d);
				date_same(s, 8);
				snprintf(s, sizeof(s), " \"%02d.%02d.%04d\"\r",
				    d, m, y);
				date_same(s, 14);
				date_same(s + 1, 12);
				date_same(s, 13);
			}
	assert_int_equal(ok, 131 * 366 - 99); /* Feb 29 in 32 of 131 years */
	for (int it = 0; it < 300000; it++) {
		uint64_t x = xs64(&r);
		size_t n = (x & 1) ? (x & 2 ? 8 : 10) : (x >> 2) % 14;

		for (size_t i = 0; i < n; i++)
			s[i] = alpha[xs64(&r) % (sizeof(alpha) - 1)];
		if (n == 10 && (x & 12) == 0) {
			s[4] = s[7] = '-';
		} else if (n == 10 && (x & 12) == 4) {
			s[2] = s[5] = (x & 16) ? '.' : '/';
		}
		if ((x & 0xe0) == 0 && n > 4) {
			s[0] = "19"[x >> 8 & 1];
			s[1] = "90"[x >> 8 & 1];
		}
		date_same(s, n);
	}
}

/* ---- detectors over lines ---- */

struct got {
	char v[64][NORM_MAX];
	unsigned cat[64];
	char col[64][48];
	size_t n;
};

static void
collect(void *ctx, const struct scan_hit *h)
{
	struct got *g = ctx;

	if (g->n == 64)
		return;
	snprintf(g->v[g->n], NORM_MAX, "%s", h->val);
	snprintf(g->col[g->n], 48, "%s", h->col ? h->col : "");
	g->cat[g->n++] = h->cat;
}

static bool
has(const struct got *g, unsigned cat, const char *v)
{
	for (size_t i = 0; i < g->n; i++) {
		if (g->cat[i] == cat && strcmp(g->v[i], v) == 0)
			return true;
	}
	return false;
}

static size_t
count(const struct got *g, unsigned cat)
{
	size_t k = 0;

	for (size_t i = 0; i < g->n; i++)
		k += g->cat[i] == cat;
	return k;
}

static void
run(struct got *g, const char *text, int fmt)
{
	struct scan_engine *e = scan_engine_new(collect, g);

	memset(g, 0, sizeof(*g));
	if (fmt < 0)
		scan_engine_sniff(e, text, strlen(text));
	else
		scan_engine_set_format(e, (enum scan_format)fmt, ',');
	scan_engine_lines(e, text, strlen(text));
	scan_engine_free(e);
}

static const struct {
	const char *text;
	int fmt;
	unsigned cat;
	const char *want; /* NULL: none of this category */
} line_cases[] = {
	{ "contact ANNA@EXAMPLE.ORG today\n", SCAN_FMT_TEXT, SCAN_CAT_EMAIL,
	    "anna@example.org" },
	{ "decoy x@y.notarealtld\n", SCAN_FMT_TEXT, SCAN_CAT_EMAIL, NULL },
	{ "ruf an: +49 (0)151-12345678.\n", SCAN_FMT_TEXT, SCAN_CAT_PHONE,
	    "+4915112345678" },
	{ "IBAN DE89 3704 0044 0532 0130 00 BIC X\n", SCAN_FMT_TEXT,
	    SCAN_CAT_IBAN, "DE89370400440532013000" },
	{ "bad DE00123456780000000000\n", SCAN_FMT_TEXT, SCAN_CAT_IBAN, NULL },
	{ "card 4111 1111 1111 1111 ok\n", SCAN_FMT_TEXT, SCAN_CAT_CARD,
	    "4111111111111111" },
	{ "decoy 4111 1111 1111 1112\n", SCAN_FMT_TEXT, SCAN_CAT_CARD, NULL },
	{ "from 192.0.2.7 and 2001:db8::1 now\n", SCAN_FMT_TEXT, SCAN_CAT_IP,
	    "2001:db8::1" },
	{ "version v1.2.3.4.5\n", SCAN_FMT_TEXT, SCAN_CAT_IP, NULL },
	{ "Hauptstraße 5, 12345 Musterstadt\n", SCAN_FMT_TEXT, SCAN_CAT_ADDRESS,
	    "12345 Musterstadt" },
	{ "steuer 86095742719\n", SCAN_FMT_TEXT, SCAN_CAT_TAX_ID,
	    "86095742719" },
	{ "build 5f4dcc3b5aa765d61d8327deb882cf99 done\n", SCAN_FMT_TEXT,
	    SCAN_CAT_HASH, NULL },
	{ "md5 hash 5f4dcc3b5aa765d61d8327deb882cf99\n", SCAN_FMT_TEXT,
	    SCAN_CAT_HASH, "5f4dcc3b5aa765d61d8327deb882cf99" },
	{ "Patient mit Diabetes, Diagnose offen\n", SCAN_FMT_TEXT,
	    SCAN_CAT_HEALTH, "diabetes" },
	{ "prediabetesx\n", SCAN_FMT_TEXT, SCAN_CAT_HEALTH, NULL },
	{ "Mitglied der Gewerkschaft\n", SCAN_FMT_TEXT, SCAN_CAT_UNION,
	    "gewerkschaft" },
	{ "a@example.com:hunter2\n", SCAN_FMT_COMBO, SCAN_CAT_PASSWORD,
	    "hunter2" },
	{ "a@example.com;$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ"
	  "01234\n",
	    SCAN_FMT_COMBO, SCAN_CAT_HASH,
	    "$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234" },
	{ "a@example.com|5f4dcc3b5aa765d61d8327deb882cf99:salt\n",
	    SCAN_FMT_COMBO, SCAN_CAT_HASH, "5f4dcc3b5aa765d61d8327deb882cf99" },
	{ "https://shop.example.org:8443/login:bob@example.net:s3cret\n",
	    SCAN_FMT_STEALER, SCAN_CAT_PASSWORD, "s3cret" },
	{ "https://shop.example.org:8443/login:bob@example.net:s3cret\n",
	    SCAN_FMT_STEALER, SCAN_CAT_EMAIL, "bob@example.net" },
	{ "{\"fullName\":\"Erika Beispiel\",\"dob\":\"12.04.1985\"}\n",
	    SCAN_FMT_JSON, SCAN_CAT_NAME, "Erika Beispiel" },
	{ "{\"fullName\":\"Erika Beispiel\",\"dob\":\"12.04.1985\"}\n",
	    SCAN_FMT_JSON, SCAN_CAT_DOB, "1985-04-12" },
	{ "{\"created\":\"12.04.1985\"}\n", SCAN_FMT_JSON, SCAN_CAT_DOB, NULL },
	{ "email,vorname,geburtsdatum,session_id\n"
	  "a@example.com,Erika,1985-04-12,5f4dcc3b5aa765d61d8327deb882cf99\n",
	    -1, SCAN_CAT_NAME, "Erika" },
	{ "email,vorname,geburtsdatum,session_id\n"
	  "a@example.com,Erika,1985-04-12,5f4dcc3b5aa765d61d8327deb882cf99\n",
	    -1, SCAN_CAT_HASH, NULL },
	{ "name,notes\n\"Erika\",\"line one\nline two a@example.com\"\n"
	  "Max,x\n",
	    -1, SCAN_CAT_EMAIL, "a@example.com" },
	{ "CREATE TABLE `u` (\n  `id` int,\n  `nachname` varchar(9),\n"
	  "  `passwort` varchar(9)\n);\n"
	  "INSERT INTO `u` VALUES (1,'O\\'Brien','geheim'),(2,'Beispiel',"
	  "'x,y');\n",
	    -1, SCAN_CAT_NAME, "O\\'Brien" },
	{ "CREATE TABLE `u` (\n  `id` int,\n  `nachname` varchar(9),\n"
	  "  `passwort` varchar(9)\n);\n"
	  "INSERT INTO `u` VALUES (1,'O\\'Brien','geheim'),(2,'Beispiel',"
	  "'x,y');\n",
	    -1, SCAN_CAT_PASSWORD, "x,y" },
	{ "COPY public.users (id, email, password) FROM stdin;\n"
	  "1\tc@example.com\tpw1\n\\.\n",
	    -1, SCAN_CAT_PASSWORD, "pw1" },
};

static void
test_detectors(void **state)
{
	struct got *g = xcalloc(1, sizeof(*g));

	(void)state;
	for (size_t i = 0; i < nitems(line_cases); i++) {
		run(g, line_cases[i].text, line_cases[i].fmt);
		if (line_cases[i].want == NULL) {
			if (count(g, line_cases[i].cat) != 0)
				fail_msg("case %zu: unexpected %s %s", i,
				    scan_cat_name(line_cases[i].cat), g->v[0]);
		} else if (!has(g, line_cases[i].cat, line_cases[i].want)) {
			fail_msg("case %zu: %s %s not found (%zu hits)", i,
			    scan_cat_name(line_cases[i].cat),
			    line_cases[i].want, g->n);
		}
	}
	free(g);
}

/*
 * Customer numbers come from the column or key name alone: the names that
 * make one (and, just as important, the ones that must not: a customer's
 * e-mail or name, a bank account, a card, an order number).  customer_name
 * holds a name, not a number: it stays an ordinary column, scanned as text.
 */
static const struct {
	const char *col;
	bool custno;
} custno_names[] = {
	{ "customer_no", true },
	{ "customer_number", true },
	{ "CustomerNumber", true },
	{ "customerid", true },
	{ "customer_id", true },
	{ "customerId", true },
	{ "cust_no", true },
	{ "kundennummer", true },
	{ "Kundennummer", true },
	{ "KundenNr", true },
	{ "kunden_nr", true },
	{ "Kunden-ID", true },
	{ "kdnr", true },
	{ "kd_nr", true },
	{ "Kd.-Nr.", true },
	{ "client_id", true },
	{ "clientnumber", true },
	{ "client_no", true },
	{ "account_no", true },
	{ "accountnumber", true },
	{ "Account Number", true },
	{ "member_no", true },
	{ "member_id", true },
	{ "mitgliedsnummer", true },
	{ "Mitglieds-Nr", true },
	{ "contract_no", true },
	{ "vertragsnummer", true },
	{ "vertragsnr", true },
	{ "endkunde_nr", true },
	{ "shop_customer_id", true },
	{ "iban", false },
	{ "customer_email", false },
	{ "customer_name", false },
	{ "customer_phone_no", false },
	{ "customer_notes", false },
	{ "customer_no_old", false },
	{ "customer", false },
	{ "kunde", false },
	{ "id", false },
	{ "nr", false },
	{ "kdid", false },
	{ "bank_account_no", false },
	{ "bank_account_number", false },
	{ "iban_account_no", false },
	{ "kontonummer", false },
	{ "kundenkonto_nr", false },
	{ "card_number", false },
	{ "kreditkarte_nr", false },
	{ "account_id", false },
	{ "sub_account_no", false },
	{ "contract_id", false },
	{ "order_no", false },
	{ "bestellnr", false },
	{ "telefonnr", false },
	{ "member_since", false },
};

/* Every hit as "category value\n", appended to a growing buffer. */
struct hitlog {
	char *buf;
	size_t len, cap;
};

static void
log_hit(void *ctx, const struct scan_hit *h)
{
	struct hitlog *l = ctx;
	size_t need = h->len + 8;

	if (l->len + need > l->cap) {
		l->cap = (l->len + need) * 2;
		l->buf = xrealloc(l->buf, l->cap);
	}
	l->len +=
	    (size_t)snprintf(l->buf + l->len, need, "%u %s\n", h->cat, h->val);
}

/* A random field for the e-mail column: mostly address-shaped, built
 * from pieces near each rule of email_field(), or random bytes. */
static size_t
email_like(uint64_t *r, char *s)
{
	static const char *const loc[] = { "Emma", "OLGA", "DE89", "DE8937",
		"ab", "cafe", "1234", "0151", ".", "..", "_", "+", "%", "-",
		"x", "\xc3\xbc", "Q", "AB12", "fff", "Synthetik1034",
		"abcdefabcdefabcdefabcdefabcdefab", "A", "9", "015112345678",
		"4111111111111111", "DE89370400440532013000",
		"md5.d699fc1f7cd5bb2e35cbf0f19c557067",
		"x.DE89370400440532013000", "192.168.1.1", "1.2.3.4" };
	static const char *const dom[] = { "example.net",
		"MAIL.EXAMPLE.INVALID", "x.de", "-a.de", "b.de.", "c.de-",
		"xn--bcher-kva.de", "ex.notarealtld", "", "m\xc3\xbcller.de",
		"a..de", "1.2.3.4", "example.com@x.de", "ex_ample.de",
		"ex:ample.de", "e.c0m" };
	static const char alpha[] = "aZ09.@-_+:$Dx\xc3\xbc";
	size_t n = 0, w;

	if (xs64(r) % 8 == 0) { /* random bytes of the classes */
		w = (size_t)(xs64(r) % 70);
		for (size_t k = 0; k < w; k++)
			s[n++] = alpha[xs64(r) % (sizeof(alpha) - 1)];
		return n;
	}
	w = (size_t)(xs64(r) % 5);
	for (size_t k = 0; k <= w; k++) {
		const char *x = loc[xs64(r) % nitems(loc)];

		memcpy(s + n, x, strlen(x));
		n += strlen(x);
		if (xs64(r) % 3 == 0)
			s[n++] = '.';
	}
	s[n++] = '@';
	w = xs64(r) % nitems(dom);
	memcpy(s + n, dom[w], strlen(dom[w]));
	return n + strlen(dom[w]);
}

/*
 * email_field() (the CSV fast path for a field that is one address)
 * against scan_text(): each field scanned as a CSV field and as a line
 * of text (scan_text() over it) must give the same hits in the same
 * order.  The block is padded so the fast path's 64-byte reads are
 * allowed (it is taken only then).
 */
static void
test_email_field(void **state)
{
	uint64_t r = 0x2545f4914f6cdd1dull;
	size_t with_at = 0; /* the generator makes addresses */

	(void)state;
	for (int round = 0; round < 40; round++) {
		struct hitlog a = { 0 }, b = { 0 };
		char *csv = xmalloc(1u << 20), *txt = xmalloc(1u << 20);
		size_t cn = 0, tn = 0;
		struct scan_engine *e;

		memcpy(csv, "h\n", 2);
		cn = 2;
		for (int k = 0; k < 4000; k++) {
			char f[512];
			size_t n = email_like(&r, f);

			if (memchr(f, '@', n) != NULL)
				with_at++;
			memcpy(csv + cn, f, n);
			cn += n;
			csv[cn++] = '\n';
			memcpy(txt + tn, f, n);
			tn += n;
			txt[tn++] = '\n';
		}
		for (int k = 0; k < 100; k++) { /* room to read on */
			csv[cn++] = 'x';
			csv[cn++] = '\n';
			txt[tn++] = 'x';
			txt[tn++] = '\n';
		}
		e = scan_engine_new(log_hit, &a);
		scan_engine_set_format(e, SCAN_FMT_CSV, ',');
		scan_engine_lines(e, csv, cn);
		scan_engine_free(e);
		e = scan_engine_new(log_hit, &b);
		scan_engine_set_format(e, SCAN_FMT_TEXT, 0);
		scan_engine_lines(e, txt, tn);
		scan_engine_free(e);
		assert_true(a.len > 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.buf, b.buf, a.len);
		free(a.buf);
		free(b.buf);
		free(csv);
		free(txt);
	}
	assert_true(with_at > 100000);
}

static bool
crypt_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || strchr("./$=,+-", c) != NULL;
}

/*
 * bcrypt strings and near misses in text: a password hash is found
 * exactly when the run of crypt(3) bytes from the '$' is 60 long, has
 * three dollars and the bcrypt prefix (det_crypt()'s general rule,
 * written out here), whether or not the bcrypt fast path takes it.
 */
static void
test_bcrypt(void **state)
{
	static const char b64[] =
	    "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static const char *const after[] = { "", "", " x", ",", "$", "=", ":",
		"a", "\xc3\xbc", "-", "\t" };
	static const char ver[] = "abxyz1";
	uint64_t r = 0x51ed2701cafef00dull;
	size_t found = 0;

	(void)state;
	for (int it = 0; it < 20000; it++) {
		struct hitlog l = { 0 };
		char line[300], want[80];
		size_t n = 0, h = 0, j, d = 0;
		struct scan_engine *e;
		bool expect;

		memcpy(line, "pw ", 3);
		n = 3;
		h = n;
		line[n++] = '$';
		line[n++] = xs64(&r) % 16 == 0 ? '3' : '2';
		line[n++] = ver[xs64(&r) % (sizeof(ver) - 1)];
		line[n++] = xs64(&r) % 16 == 0 ? '_' : '$';
		line[n++] = (char)('0' + xs64(&r) % 10);
		line[n++] =
		    xs64(&r) % 16 == 0 ? 'x' : (char)('0' + xs64(&r) % 10);
		line[n++] = xs64(&r) % 16 == 0 ? 'q' : '$';
		j = 50 + xs64(&r) % 6; /* 50..55 characters, 53 the valid */
		if (xs64(&r) % 2 == 0)
			j = 53;
		for (size_t k = 0; k < j; k++)
			line[n++] = b64[xs64(&r) % (sizeof(b64) - 1)];
		if (xs64(&r) % 8 == 0) /* a byte of another class inside */
			line[h + 7 + xs64(&r) % 53] = "$=,+- @"[xs64(&r) % 7];
		{
			const char *a = after[xs64(&r) % nitems(after)];

			memcpy(line + n, a, strlen(a));
			n += strlen(a);
		}
		line[n++] = '\n';
		/* the reference: det_crypt()'s run and shape rule */
		for (j = h; j < n && crypt_byte(line[j]); j++)
			d += line[j] == '$';
		expect = j - h == 60 && line[h + 1] == '2' &&
		         strchr("abxy", line[h + 2]) != NULL &&
		         line[h + 3] == '$' && line[h + 4] >= '0' &&
		         line[h + 4] <= '9' && line[h + 5] >= '0' &&
		         line[h + 5] <= '9' && line[h + 6] == '$' && d == 3;
		/* a second line: room for the fast path to read on */
		memset(line + n, 'x', 99);
		line[n + 99] = '\n';
		e = scan_engine_new(log_hit, &l);
		scan_engine_set_format(e, SCAN_FMT_TEXT, 0);
		scan_engine_lines(e, line, n + 100);
		scan_engine_free(e);
		snprintf(
		    want, sizeof(want), "%u %.60s\n", SCAN_CAT_HASH, line + h);
		if (expect) {
			found++;
			assert_non_null(l.buf);
			assert_non_null(strstr(l.buf, want));
		} else {
			assert_true(
			    l.buf == NULL || strstr(l.buf, want) == NULL);
		}
		free(l.buf);
	}
	assert_true(found > 2000);
}

static void
test_customer_no_context(void **state)
{
	struct got *g = xcalloc(1, sizeof(*g));
	char text[256];

	(void)state;
	for (size_t i = 0; i < nitems(custno_names); i++) {
		const char *c = custno_names[i].col;

		/* a CSV column and a JSON key of that name */
		snprintf(text, sizeof(text), "%s,note\n k-10042 ,x\n", c);
		run(g, text, SCAN_FMT_CSV);
		if (has(g, SCAN_CAT_CUSTOMER_NO, "K-10042") !=
		        custno_names[i].custno ||
		    count(g, SCAN_CAT_CUSTOMER_NO) !=
		        (custno_names[i].custno ? 1 : 0))
			fail_msg("column %s: %zu customer numbers", c,
			    count(g, SCAN_CAT_CUSTOMER_NO));
		if (custno_names[i].custno)
			assert_string_equal(g->col[0], c);
		snprintf(text, sizeof(text), "{\"x\":{\"%s\":10042}}\n", c);
		run(g, text, SCAN_FMT_JSON);
		if (has(g, SCAN_CAT_CUSTOMER_NO, "10042") !=
		    custno_names[i].custno)
			fail_msg("key %s: %zu customer numbers", c,
			    count(g, SCAN_CAT_CUSTOMER_NO));
	}
	/* no number by shape alone, anywhere */
	run(g, "id,note\n10042,K-10042\n", SCAN_FMT_CSV);
	assert_int_equal(count(g, SCAN_CAT_CUSTOMER_NO), 0);
	run(g, "K-10042 kundennummer 10042\n", SCAN_FMT_TEXT);
	assert_int_equal(count(g, SCAN_CAT_CUSTOMER_NO), 0);
	/* the column decides: a card-shaped customer number is one */
	run(g, "kdnr,x\n4111 1111 1111 1111,y\n", SCAN_FMT_CSV);
	assert_true(has(g, SCAN_CAT_CUSTOMER_NO, "4111111111111111"));
	assert_int_equal(count(g, SCAN_CAT_CARD), 0);
	/* no digit, no number; what is not one is scanned as text */
	run(g,
	    "customer_id,x\nguest,1\nn/a,2\nNULL,3\n\"\",4\n"
	    "a@example.com,5\nK 1;2,6\n",
	    SCAN_FMT_CSV);
	assert_int_equal(count(g, SCAN_CAT_CUSTOMER_NO), 0);
	assert_true(has(g, SCAN_CAT_EMAIL, "a@example.com"));
	/* SQL column lists: CREATE TABLE and INSERT */
	run(g,
	    "CREATE TABLE `k` (\n  `id` int,\n  `kundennummer` varchar(9),\n"
	    "  `iban` varchar(34)\n);\n"
	    "INSERT INTO `k` VALUES (1,'kd 77','DE89370400440532013000');\n"
	    "INSERT INTO `k` (`customer_no`, `name`) VALUES ('A-1','B-2');\n",
	    -1);
	assert_true(has(g, SCAN_CAT_CUSTOMER_NO, "KD77"));
	assert_true(has(g, SCAN_CAT_CUSTOMER_NO, "A-1"));
	assert_int_equal(count(g, SCAN_CAT_CUSTOMER_NO), 2);
	assert_true(has(g, SCAN_CAT_IBAN, "DE89370400440532013000"));
	free(g);
}

static const struct {
	const char *text;
	enum scan_format want;
	char delim;
} sniff_cases[] = {
	{ "email,password,name\na@example.com,x,Erika\nb@example.com,y,Max\n",
	    SCAN_FMT_CSV, ',' },
	{ "email\tname\na@example.com\tErika\nb@example.com\tMax\n",
	    SCAN_FMT_CSV, '\t' },
	{ "a@example.com:pw1\nb@example.com:pw2\nc@example.com:pw3\n",
	    SCAN_FMT_COMBO, ':' },
	{ "a@example.com;pw1\nb@example.com;pw2\nc@example.com;pw3\n",
	    SCAN_FMT_COMBO, ';' },
	{ "{\"a\":1}\n{\"a\":2}\n", SCAN_FMT_JSON, 0 },
	{ "-- dump\nCREATE TABLE x (\n  a int\n);\nINSERT INTO x VALUES (1);\n",
	    SCAN_FMT_SQL, ',' },
	{ "https://a.example.com/:u@example.com:p\n"
	  "https://b.example.com/:v@example.com:q\n",
	    SCAN_FMT_STEALER, ':' },
	{ "Dear customer,\nwe regret to inform you.\n", SCAN_FMT_TEXT, 0 },
	{ "", SCAN_FMT_TEXT, 0 },
};

static void
ignore_hit(void *ctx, const struct scan_hit *h)
{
	(void)ctx;
	(void)h;
}

static void
test_sniff(void **state)
{
	(void)state;
	for (size_t i = 0; i < nitems(sniff_cases); i++) {
		struct scan_engine *e = scan_engine_new(ignore_hit, NULL);
		enum scan_format f = scan_engine_sniff(
		    e, sniff_cases[i].text, strlen(sniff_cases[i].text));

		if (f != sniff_cases[i].want)
			fail_msg("sniff case %zu: %s, want %s", i,
			    scan_format_name(f),
			    scan_format_name(sniff_cases[i].want));
		if (sniff_cases[i].delim != 0)
			assert_int_equal(
			    scan_engine_delim(e), sniff_cases[i].delim);
		scan_engine_free(e);
	}
}

static void
test_mask(void **state)
{
	static const struct {
		unsigned cat;
		const char *v, *want;
	} c[] = {
		{ SCAN_CAT_EMAIL, "anna@example.de",
		    "a\xe2\x80\xa6@\xe2\x80\xa6"
		    "e.de" },
		{ SCAN_CAT_IBAN, "DE89370400440532013000",
		    "DE89\xe2\x80\xa6"
		    "3000" },
		{ SCAN_CAT_CARD, "4111111111111111",
		    "\xe2\x80\xa6"
		    "1111" },
		{ SCAN_CAT_PHONE, "+4915112345678",
		    "+49\xe2\x80\xa6"
		    "78" },
		{ SCAN_CAT_PASSWORD, "hunter2", "\xe2\x80\xa6 (7 bytes)" },
		{ SCAN_CAT_HASH, "$2y$10$abc", "$2y$10$\xe2\x80\xa6" },
		{ SCAN_CAT_NAME, "\xc3\x96zlem", "\xc3\x96\xe2\x80\xa6" },
		{ SCAN_CAT_CUSTOMER_NO, "K-10042", "K\xe2\x80\xa6 (7 chars)" },
	};
	char out[SCAN_TEXT_MAX];

	(void)state;
	for (size_t i = 0; i < nitems(c); i++) {
		scan_mask(c[i].cat, c[i].v, strlen(c[i].v), out, sizeof(out));
		assert_string_equal(out, c[i].want);
		assert_null(strstr(out, c[i].v + 1));
	}
}

/* ---- scan_file through the child ---- */

static char tmpdir[64];

static char *
tmp_file(const char *name, const void *data, size_t len)
{
	static char path[128];
	FILE *f;

	if (tmpdir[0] == '\0') {
		snprintf(tmpdir, sizeof(tmpdir), "/tmp/bk-scan-XXXXXX");
		assert_non_null(mkdtemp(tmpdir));
	}
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

static enum err
scan_one(const char *path, struct scan_result *r, size_t max_line)
{
	struct scan_opts o;

	scan_opts_init(&o);
	if (max_line > 0)
		o.max_line = max_line;
	memset(r, 0, sizeof(*r));
	return scan_file(path, &o, r);
}

static bool
warned(const struct scan_result *r, const char *what, uint64_t off)
{
	const struct scan_file_result *f = &r->files[0];

	for (unsigned i = 0; i < f->warnings_n; i++) {
		if (strstr(f->warnings[i].msg, what) != NULL &&
		    f->warnings[i].off == off)
			return true;
	}
	return false;
}

static void
test_file_long_line_and_garbage(void **state)
{
	struct scan_result r;
	size_t len = 20000;
	char *d = xcalloc(1, len + 200);
	size_t n;

	(void)state;
	for (int i = 0; i < 4; i++) /* 4 x 17 bytes */
		n = (size_t)snprintf(d + 17 * i, 200, "a@example.com:pw\n");
	n = 68;
	memset(d + n, 'x', 10000); /* the long line starts at byte 68 */
	n += 10000;
	d[n++] = '\n';
	d[n++] = '\0';   /* NUL at 10069 */
	d[n++] = '\xff'; /* invalid UTF-8 at 10070 */
	n += (size_t)snprintf(d + n, 100, "\nb@example.com:pw2\n");
	assert_int_equal(
	    scan_one(tmp_file("long.txt", d, n), &r, 4096), ERR_OK);
	assert_int_equal(r.files[0].status, SCAN_COMPLETE);
	assert_int_equal(r.files[0].format, SCAN_FMT_COMBO);
	assert_int_equal(r.files[0].long_lines, 1);
	assert_true(warned(&r, "line cap", 68));
	assert_true(warned(&r, "NUL", 10069));
	assert_int_equal(r.cats[SCAN_CAT_EMAIL].values, 5);
	assert_int_equal(r.cats[SCAN_CAT_PASSWORD].values, 5);
	assert_int_equal(r.cats[SCAN_CAT_PASSWORD].records, 5);
	scan_result_release(&r);
	free(d);
}

static void
test_file_encodings(void **state)
{
	static const char u16[] = "\xff\xfe"
	                          "a\0@\0e\0x\0a\0m\0p\0l\0e\0.\0o\0r\0g\0\n\0";
	static const char latin1[] = "name;email\nJ\xfcrgen;j@example.org\n";
	struct scan_result r;

	(void)state;
	assert_int_equal(
	    scan_one(tmp_file("u16.txt", u16, sizeof(u16) - 1), &r, 0), ERR_OK);
	assert_int_equal(r.files[0].encoding, 3); /* utf-16le */
	assert_int_equal(r.cats[SCAN_CAT_EMAIL].values, 1);
	scan_result_release(&r);
	assert_int_equal(
	    scan_one(tmp_file("l1.csv", latin1, sizeof(latin1) - 1), &r, 0),
	    ERR_OK);
	assert_int_equal(r.files[0].encoding, 2); /* latin-1 */
	assert_int_equal(r.files[0].format, SCAN_FMT_CSV);
	assert_int_equal(r.cats[SCAN_CAT_NAME].values, 1);
	assert_string_equal(r.cats[SCAN_CAT_NAME].samples[0], "J\xe2\x80\xa6");
	scan_result_release(&r);
}

static void
test_file_gzip(void **state)
{
	struct scan_result r;
	char path[160];
	gzFile gz;
	FILE *f;
	long size;
	char *buf;

	(void)state;
	tmp_file("seed", "", 0);
	snprintf(path, sizeof(path), "%s/c.gz", tmpdir);
	gz = gzopen(path, "wb");
	assert_non_null(gz);
	for (int i = 0; i < 5000; i++)
		gzprintf(gz, "user%d@example.com:pw%d\n", i, i);
	gzclose(gz);
	assert_int_equal(scan_one(path, &r, 0), ERR_OK);
	assert_int_equal(r.files[0].compression, 1);
	assert_int_equal(r.cats[SCAN_CAT_EMAIL].values, 5000);
	assert_int_equal(r.files[0].warnings_n, 0);
	scan_result_release(&r);
	/* truncated: half the archive, a warning, what came before counted */
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)size);
	assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	assert_int_equal(
	    scan_one(tmp_file("t.gz", buf, (size_t)size / 2), &r, 0), ERR_OK);
	assert_true(r.files[0].warnings_n >= 1);
	assert_non_null(strstr(r.files[0].warnings[0].msg, "gzip"));
	assert_true(r.cats[SCAN_CAT_EMAIL].values > 100);
	assert_true(r.cats[SCAN_CAT_EMAIL].values < 5000);
	scan_result_release(&r);
	free(buf);
}

static void
test_file_distinct(void **state)
{
	struct scan_result r;
	size_t cap = 300000 * 40, n = 0;
	char *d = xmalloc(cap);
	uint64_t est;

	(void)state;
	/* 200,000 distinct addresses, then 1,000 of them again */
	for (int i = 0; i < 200000; i++)
		n += (size_t)snprintf(d + n, cap - n, "u%d@example.net:x\n", i);
	for (int i = 0; i < 1000; i++)
		n += (size_t)snprintf(d + n, cap - n, "u%d@example.net:x\n", i);
	assert_int_equal(scan_one(tmp_file("d.txt", d, n), &r, 0), ERR_OK);
	assert_int_equal(r.cats[SCAN_CAT_EMAIL].values, 201000);
	assert_int_equal(r.cats[SCAN_CAT_EMAIL].records, 201000);
	est = scan_distinct_estimate(&r.cats[SCAN_CAT_EMAIL]);
	if (est < 196000 || est > 204000)
		fail_msg("distinct estimate %llu, want 200000 +- 2%%",
		    (unsigned long long)est);
	/* a small set is near exact (linear counting) */
	est = scan_distinct_estimate(&r.cats[SCAN_CAT_PASSWORD]);
	assert_int_equal(est, 1);
	scan_result_release(&r);
	free(d);
}

static void
test_file_missing(void **state)
{
	struct scan_result r;

	(void)state;
	assert_int_equal(scan_one("/nonexistent/leak.txt", &r, 0), ERR_IO);
	assert_int_equal(r.files[0].status, SCAN_FAILED);
	assert_non_null(strstr(r.files[0].error, "cannot read"));
	scan_result_release(&r);
}

static void
test_json_keys(void **state)
{
	static const char d[] = "email;pass\na@example.com;x\n";
	struct scan_result r;
	json_t *j, *c;
	char *dump;

	(void)state;
	assert_int_equal(
	    scan_one(tmp_file("j.csv", d, sizeof(d) - 1), &r, 0), ERR_OK);
	j = scan_result_json(&r);
	assert_false(json_is_true(json_object_get(j, "partial")));
	c = json_array_get(json_object_get(j, "categories"), 0);
	assert_string_equal(
	    json_string_value(json_object_get(c, "category")), "email");
	assert_string_equal(
	    json_string_value(json_object_get(c, "data_category")), "contact");
	assert_string_equal(
	    json_string_value(json_object_get(c, "enisa")), "simple");
	assert_true(json_is_true(
	    json_object_get(json_object_get(c, "distinct"), "estimate")));
	dump = json_dumps(j, 0);
	assert_non_null(dump);
	assert_null(strstr(dump, "a@example.com"));
	free(dump);
	json_decref(j);
	scan_result_release(&r);
}

/* Scan `path` as `fmt` with `threads` detector threads. */
static void
scan_threads(const char *path, enum scan_format fmt, unsigned threads,
    struct scan_result *r)
{
	struct scan_opts o;

	scan_opts_init(&o);
	o.threads = threads;
	o.force_format = (int)fmt;
	memset(r, 0, sizeof(*r));
	assert_int_equal(scan_file(path, &o, r), ERR_OK);
}

/* Two results must agree exactly: counts, registers, columns. */
static void
assert_same_result(const struct scan_result *a, const struct scan_result *b)
{
	assert_int_equal(a->files[0].records, b->files[0].records);
	assert_int_equal(a->files[0].lines, b->files[0].lines);
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		const struct scan_cat_result *x = &a->cats[k], *y = &b->cats[k];

		if (x->values != y->values || x->records != y->records)
			fail_msg("%s: %llu/%llu values, %llu/%llu records",
			    scan_cat_name(k), (unsigned long long)x->values,
			    (unsigned long long)y->values,
			    (unsigned long long)x->records,
			    (unsigned long long)y->records);
		assert_int_equal(x->hll == NULL, y->hll == NULL);
		if (x->hll != NULL)
			assert_memory_equal(x->hll, y->hll, SCAN_HLL_M);
		assert_int_equal(x->cols_n, y->cols_n);
	}
}

/*
 * Several detector threads give exactly the single-threaded result:
 * blocks are cut where records end, also when a quoted CSV field spans
 * lines or a COPY block continues over many blocks (8 MiB files, 1 MiB
 * blocks).
 */
static void
test_file_threads(void **state)
{
	size_t cap = 9u << 20, n = 0, recs = 0, multi = 0;
	char *d = xmalloc(cap);
	struct scan_result one, many;
	char path[160];

	(void)state;
	n += (size_t)snprintf(d, cap, "id,email,notes,iban\n");
	while (n < (8u << 20)) {
		if (recs % 7 == 3) { /* a quoted field over 42 lines */
			n += (size_t)snprintf(d + n, cap - n,
			    "%zu,u%zu@example.org,\"first line, \"\"quoted\"\"\n"
			    "second c%zu@example.net\n",
			    recs, recs, recs);
			for (int i = 0; i < 40; i++)
				n += (size_t)snprintf(d + n, cap - n,
				    "more, text; \"\" in line %d\n", i);
			n += (size_t)snprintf(
			    d + n, cap - n, "last\",DE89370400440532013000\n");
			multi++;
		} else {
			n += (size_t)snprintf(d + n, cap - n,
			    "%zu,u%zu@example.org,Diagnose %zu,x\n", recs, recs,
			    recs % 1000);
		}
		recs++;
	}
	snprintf(path, sizeof(path), "%s", tmp_file("t.csv", d, n));
	scan_threads(path, SCAN_FMT_CSV, 1, &one);
	assert_int_equal(one.files[0].records, recs);
	assert_int_equal(one.cats[SCAN_CAT_EMAIL].values, recs + multi);
	assert_int_equal(one.cats[SCAN_CAT_EMAIL].records, recs);
	assert_int_equal(one.cats[SCAN_CAT_IBAN].records, multi);
	assert_int_equal(one.cats[SCAN_CAT_HEALTH].values, recs - multi);
	for (unsigned t = 2; t <= 4; t += 2) {
		scan_threads(path, SCAN_FMT_CSV, t, &many);
		assert_same_result(&one, &many);
		scan_result_release(&many);
	}
	scan_result_release(&one);

	/* SQL: a COPY block with quoted fields across lines, then INSERTs */
	n = (size_t)snprintf(
	    d, cap, "COPY users (id, email, pass) FROM stdin;\n");
	recs = 0;
	while (n < (5u << 20)) {
		n += (size_t)snprintf(d + n, cap - n,
		    recs % 5 == 0 ? "%zu\tq%zu@example.com\t\"a\nb\"\n"
		                  : "%zu\tq%zu@example.com\tpw\n",
		    recs, recs);
		recs++;
	}
	n += (size_t)snprintf(d + n, cap - n, "\\.\n");
	while (n < (8u << 20)) {
		n += (size_t)snprintf(d + n, cap - n,
		    "INSERT INTO `t` (`id`,`mail`) VALUES (%zu,'s%zu@example.com'),"
		    "(%zu,'t%zu@example.com');\n",
		    recs, recs, recs + 1, recs + 1);
		recs += 2;
	}
	snprintf(path, sizeof(path), "%s", tmp_file("t.sql", d, n));
	scan_threads(path, SCAN_FMT_SQL, 1, &one);
	assert_int_equal(one.files[0].records, recs);
	assert_int_equal(one.cats[SCAN_CAT_EMAIL].values, recs);
	for (unsigned t = 2; t <= 3; t++) {
		scan_threads(path, SCAN_FMT_SQL, t, &many);
		assert_same_result(&one, &many);
		scan_result_release(&many);
	}
	scan_result_release(&one);

	/* pretty-printed JSON under a key: each user over 8-12 lines with
	 * a nested object and an array of e-mail addresses, a record each
	 * however the blocks are cut */
	n = (size_t)snprintf(d, cap, "{\n  \"users\": [\n");
	recs = 0;
	while (n < (8u << 20)) {
		n += (size_t)snprintf(d + n, cap - n,
		    "    {\n      \"id\": %zu,\n      \"last_name\": \"Krebs\",\n"
		    "      \"address\": {\n        \"street\": \"Demostr. %zu\"\n"
		    "      },\n      \"emails\": [\n        \"j%zu@example.org\",\n"
		    "        \"k%zu@example.org\"\n      ],\n"
		    "      \"note\": \"Diagnose {x} [y]\"\n    },\n",
		    recs, recs % 200, recs, recs);
		recs++;
	}
	n += (size_t)snprintf(d + n, cap - n, "    {\"id\": 0}\n  ]\n}\n");
	snprintf(path, sizeof(path), "%s", tmp_file("t.json", d, n));
	scan_threads(path, SCAN_FMT_JSONDOC, 1, &one);
	assert_int_equal(one.files[0].records, recs + 1);
	assert_int_equal(one.cats[SCAN_CAT_EMAIL].values, 2 * recs);
	assert_int_equal(one.cats[SCAN_CAT_EMAIL].records, recs);
	assert_int_equal(one.cats[SCAN_CAT_NAME].records, recs);
	assert_int_equal(one.cats[SCAN_CAT_ADDRESS].records, recs);
	/* "Krebs" is a name here; "Diagnose" in the note is counted */
	assert_int_equal(one.cats[SCAN_CAT_HEALTH].values, recs);
	for (unsigned t = 2; t <= 3; t++) {
		scan_threads(path, SCAN_FMT_JSONDOC, t, &many);
		assert_same_result(&one, &many);
		scan_result_release(&many);
	}
	scan_result_release(&one);
	free(d);
}

/* ---- the keyed hash and the UTF-8 check against plain references ------ */

static uint64_t
mum_ref(uint64_t a, uint64_t b)
{
	unsigned __int128 r = (unsigned __int128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/* The HyperLogLog hash as first written: its values must never change. */
static uint64_t
khash_ref(const uint64_t k[4], const char *p, size_t n)
{
	uint64_t h = k[0] ^ (uint64_t)n, a = 0, b = 0;
	uint32_t x, y;

	while (n > 16) {
		memcpy(&a, p, 8);
		memcpy(&b, p + 8, 8);
		h = mum_ref(a ^ k[1], b ^ h);
		p += 16;
		n -= 16;
	}
	a = b = 0;
	if (n >= 8) {
		memcpy(&a, p, 8);
		memcpy(&b, p + n - 8, 8);
	} else if (n >= 4) {
		memcpy(&x, p, 4);
		memcpy(&y, p + n - 4, 4);
		a = x;
		b = y;
	} else if (n > 0) {
		a = (uint64_t)(unsigned char)p[0] << 16 |
		    (uint64_t)(unsigned char)p[n >> 1] << 8 |
		    (unsigned char)p[n - 1];
	}
	h = mum_ref(a ^ k[2], b ^ h ^ k[1]);
	return mum_ref(h ^ k[3], k[0] ^ 0x9e3779b97f4a7c15ull);
}

/* The UTF-8 check as first written, byte by byte. */
static size_t
utf8_first_bad_ref(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i], k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			k = 1;
		else if (c >= 0xe0 && c <= 0xef)
			k = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			k = 3;
		else
			return i;
		if (i + k >= n)
			return i;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return i;
		}
		i += k + 1;
	}
	return n;
}

static uint64_t
rnd_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Every length 0..200 at every alignment, many keys and bytes. */
static void
test_khash(void **state)
{
	uint64_t seed = 0x2545f4914f6cdd1dull, k[4];
	unsigned char buf[256];
	size_t checked = 0;

	(void)state;
	for (unsigned round = 0; round < 64; round++) {
		for (unsigned i = 0; i < 4; i++)
			k[i] = round == 0 ? 0 : rnd_next(&seed);
		for (size_t i = 0; i < sizeof(buf); i++)
			buf[i] =
			    round == 1 ? 0xff : (unsigned char)rnd_next(&seed);
		for (size_t n = 0; n <= 200; n++) {
			for (size_t off = 0; off + n <= sizeof(buf) && off < 24;
			     off += 1 + round % 5) {
				const char *p = (const char *)buf + off;

				if (scan_khash_test(k, p, n) !=
				    khash_ref(k, p, n))
					fail_msg(
					    "khash: round %u, %zu bytes at %zu",
					    round, n, off);
				checked++;
			}
		}
	}
	assert_true(checked > 100000);
}

/* A random line of ASCII, separators, NULs and UTF-8 pieces (valid,
 * cut short, stray continuation bytes, bytes no sequence starts with). */
static size_t
utf8_line(uint64_t *seed, unsigned char *b, size_t cap)
{
	static const char *const bits[] = { "a", "x@y.de", ",", ";", "\t", "\"",
		"\n", "ä", "€", "😀", "\xc3", "\xe2\x82", "\xf0\x9f\x98", "\x80",
		"\xbf", "\xc0\xaf", "\xc1\x80", "\xf5\x80\x80\x80", "\xff",
		"\xfe", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe0\x80\x80",
		"\xdf\xbf", "\xef\xbf\xbf" };
	size_t n = 0, want = rnd_next(seed) % cap;
	unsigned ascii_run = (unsigned)(rnd_next(seed) % 200);

	while (n < want) {
		uint64_t r = rnd_next(seed);

		if (r % 4 != 0 && ascii_run > 0) {
			size_t m = 1 + r % ascii_run;

			for (size_t i = 0; i < m && n < want; i++)
				b[n++] = (unsigned char)(0x20 + (r >> 8) % 95);
			continue;
		}
		if (r % 97 == 1) {
			b[n++] = 0;
			continue;
		}
		r >>= 8;
		const char *t = bits[r % nitems(bits)];

		for (size_t i = 0; t[i] != '\0' && n < want; i++)
			b[n++] = (unsigned char)t[i];
	}
	return n;
}

static void
test_utf8_check(void **state)
{
	enum { CAP = 600 };
	uint64_t seed = 88172645463325252ull;
	unsigned char *b = xmalloc(CAP);
	size_t bad = 0, good = 0;

	(void)state;
	for (unsigned round = 0; round < 40000; round++) {
		size_t n = utf8_line(&seed, b, CAP), want, got;

		/* mostly clean lines: flip one byte sometimes */
		if (round % 3 == 0 && n > 0)
			b[rnd_next(&seed) % n] = (unsigned char)rnd_next(&seed);
		want = utf8_first_bad_ref(b, n);
		/* every cut: also tests the ends of the fast path */
		for (size_t cut = n; cut + 70 >= n && cut <= n; cut--) {
			size_t w = utf8_first_bad_ref(b, cut);

			got = scan_utf8_first_bad_test(b, cut);
			if (got != w)
				fail_msg(
				    "utf8: round %u, %zu bytes: %zu, want %zu",
				    round, cut, got, w);
			if (cut == 0)
				break;
		}
		if (want < n)
			bad++;
		else
			good++;
	}
	/* both kinds of line were tried */
	assert_true(bad > 1000 && good > 1000);
	free(b);
}

const struct CMUnitTest scan_tests[] = {
	cmocka_unit_test(test_normalisers),
	cmocka_unit_test(test_luhn_tld),
	cmocka_unit_test(test_ipv6_text),
	cmocka_unit_test(test_iban_diff),
	cmocka_unit_test(test_ip_diff),
	cmocka_unit_test(test_email_runs),
	cmocka_unit_test(test_tld_ref),
	cmocka_unit_test(test_email_ref),
	cmocka_unit_test(test_date_ref),
	cmocka_unit_test(test_detectors),
	cmocka_unit_test(test_email_field),
	cmocka_unit_test(test_bcrypt),
	cmocka_unit_test(test_customer_no_context),
	cmocka_unit_test(test_sniff),
	cmocka_unit_test(test_mask),
	cmocka_unit_test(test_file_long_line_and_garbage),
	cmocka_unit_test(test_file_encodings),
	cmocka_unit_test(test_file_gzip),
	cmocka_unit_test(test_file_distinct),
	cmocka_unit_test(test_file_missing),
	cmocka_unit_test(test_json_keys),
	cmocka_unit_test(test_file_threads),
	cmocka_unit_test(test_khash),
	cmocka_unit_test(test_utf8_check),
};
const size_t scan_tests_n = nitems(scan_tests);
