/* SPDX-License-Identifier: MIT */
/*
 * scan/normalize.c: validators (Luhn, mod-97, ISO 7064, TLDs, dates) and
 * canonical forms shared by the scanner and, later, the subject index.
 */
#include "base/base.h"

#include <arpa/inet.h>
#include <endian.h>
#include <pthread.h>
#include <string.h>

#include "base/str.h"

#include "scan/normalize.h"

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(int c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* s[0..n), 4 <= n <= 32, and a NUL into out (room for n + 1): two
 * overlapping fixed-size copies instead of a call for a short value. */
static inline void
copy_short(char *out, const char *s, size_t n)
{
	if (n >= 16) {
		memcpy(out, s, 16);
		memcpy(out + n - 16, s + n - 16, 16);
	} else if (n >= 8) {
		memcpy(out, s, 8);
		memcpy(out + n - 8, s + n - 8, 8);
	} else {
		memcpy(out, s, 4);
		memcpy(out + n - 4, s + n - 4, 4);
	}
	out[n] = '\0';
}

/* norm_trim(), inlined into the normalisers (each runs on every value). */
static inline __attribute__((always_inline)) const char *
trim_in(const char *s, size_t len, size_t *outlen)
{
	while (len > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '"' ||
	                      s[0] == '\'' || s[0] == '\r')) {
		s++;
		len--;
	}
	while (len > 0 &&
	       (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '"' ||
	           s[len - 1] == '\'' || s[len - 1] == '\r'))
		len--;
	*outlen = len;
	return s;
}

const char *
norm_trim(const char *s, size_t len, size_t *outlen)
{
	return trim_in(s, len, outlen);
}

/*
 * Generic and brand TLDs seen in leaks; every two-letter code counts as a
 * country TLD except ISO 3166's user-assigned ones (AA, QM-QZ, XA-XZ, ZZ).
 * The RFC 2606 names are accepted so synthetic test data scans like a leak.
 */
static const char *const tlds[] = { "com", "net", "org", "invalid", "test",
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

/*
 * The TLDs of three to fifteen letters, each zero-padded to 16 bytes (two
 * words) and found through a perfect hash: one slot read and one compare
 * per address, where the search by first letter compared up to a dozen
 * entries ("com", "net", "org" sit among many).  Two-letter names never
 * reach it (tld2_ok()).  Built once (tld_index_init), the multiplier
 * searched for then: a fixed sequence of candidates, so every process
 * builds the same table.
 */
enum { TLD_W = 16, TLD_HBITS = 12 };
static struct {
	uint64_t w[nitems(tlds) + 1][2]; /* w[0]: no TLD, never matches */
	uint64_t mul;
	unsigned char slot[1u << TLD_HBITS]; /* index into w; 0: empty */
} tld_idx;
static pthread_once_t tld_once = PTHREAD_ONCE_INIT;
static int tld_ready; /* set (release) when tld_idx is built */

static inline unsigned
tld_hash(uint64_t w0, uint64_t w1, uint64_t mul)
{
	return (unsigned)(((w0 ^ (w1 * 0x9e3779b97f4a7c15ull)) * mul) >>
	                  (64 - TLD_HBITS));
}

static void
tld_index_init(void)
{
	uint64_t seed = 0x2545f4914f6cdd1dull, m;
	size_t k = 1;

	static_assert(nitems(tlds) < 256, "TLD index fits a byte");
	/* all ones: a byte >= 0x80 is in no key, so w[0] matches nothing */
	tld_idx.w[0][0] = tld_idx.w[0][1] = ~0ull;
	for (size_t i = 0; i < nitems(tlds); i++) {
		char t[TLD_W] = { 0 };
		size_t n = strlen(tlds[i]);

		if (n >= TLD_W)
			BUG("TLD longer than the index");
		for (size_t j = 0; j < n; j++)
			if (tlds[i][j] < 'a' || tlds[i][j] > 'z')
				BUG("TLD not lower-case");
		if (n < 3) /* two letters: tld2_ok() decides */
			continue;
		memcpy(t, tlds[i], n);
		memcpy(tld_idx.w[k], t, TLD_W);
		k++;
	}
	for (unsigned tries = 0;; tries++) {
		bool clash = false;

		if (tries == 100000)
			BUG("no perfect hash for the TLDs");
		/* splitmix64: odd multipliers spread over all 64 bits */
		seed += 0x9e3779b97f4a7c15ull;
		m = (seed ^ (seed >> 30)) * 0xbf58476d1ce4e5b9ull;
		m = (m ^ (m >> 27)) * 0x94d049bb133111ebull;
		tld_idx.mul = (m ^ (m >> 31)) | 1;
		memset(tld_idx.slot, 0, sizeof(tld_idx.slot));
		for (size_t i = 1; i < k && !clash; i++) {
			unsigned h = tld_hash(
			    tld_idx.w[i][0], tld_idx.w[i][1], tld_idx.mul);

			clash = tld_idx.slot[h] != 0;
			tld_idx.slot[h] = (unsigned char)i;
		}
		if (!clash)
			break;
	}
	__atomic_store_n(&tld_ready, 1, __ATOMIC_RELEASE);
}

/* The TLD whose zero-padded bytes are the words w0, w1 (3-15 bytes) is in
 * the list.  Bytes that are not lower-case letters match no entry. */
static inline bool
tld_find(uint64_t w0, uint64_t w1)
{
	unsigned i;

	/* a load per address instead of a pthread_once() call */
	if (!__atomic_load_n(&tld_ready, __ATOMIC_ACQUIRE))
		pthread_once(&tld_once, tld_index_init);
	i = tld_idx.slot[tld_hash(w0, w1, tld_idx.mul)];
	return tld_idx.w[i][0] == w0 && tld_idx.w[i][1] == w1;
}

/*
 * Two-letter TLDs: bit b of tld2[a] for the name a,b (0 = 'a').  Every
 * code but ISO 3166's user-assigned AA, QM-QZ, XA-XZ and ZZ.
 */
#define TLD2_ALL 0x3ffffffu
static const uint32_t tld2[26] = { TLD2_ALL & ~1u, TLD2_ALL, TLD2_ALL, TLD2_ALL,
	TLD2_ALL, TLD2_ALL, TLD2_ALL, TLD2_ALL, TLD2_ALL, TLD2_ALL, TLD2_ALL,
	TLD2_ALL, TLD2_ALL, TLD2_ALL, TLD2_ALL, TLD2_ALL,
	(1u << ('m' - 'a')) - 1, TLD2_ALL, TLD2_ALL, TLD2_ALL, TLD2_ALL,
	TLD2_ALL, TLD2_ALL, 0, TLD2_ALL, TLD2_ALL & ~(1u << 25) };
#undef TLD2_ALL

/* The two bytes a, b (lower-cased) are a two-letter TLD. */
static inline bool
tld2_ok(unsigned char a, unsigned char b)
{
	unsigned x = (unsigned)a - 'a', y = (unsigned)b - 'a';

	return x < 26 && y < 26 && (tld2[x] >> y & 1);
}

bool
norm_tld_ok(const char *s, size_t len)
{
	char t[TLD_W] = { 0 };
	uint64_t w[2];

	if (len >= 4 && lc(s[0]) == 'x' && lc(s[1]) == 'n' && s[2] == '-' &&
	    s[3] == '-')
		return len <= 63;
	if (len < 2 || len >= sizeof(t))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!is_alpha((unsigned char)s[i]))
			return false;
		t[i] = (char)(s[i] | 0x20); /* letters only: lower case */
	}
	if (len == 2)
		return tld2_ok((unsigned char)t[0], (unsigned char)t[1]);
	memcpy(w, t, sizeof(w));
	return tld_find(w[0], w[1]);
}

/*
 * Bytes of e-mail addresses (the practical RFC 5322 set; UTF-8 allowed):
 * a table, because norm_email() runs on every address of a dump.
 */
enum { EM_LOCAL = 1, EM_DOMAIN = 2, EM_HIGH = 4 };

#define EM_ALNUM (EM_LOCAL | EM_DOMAIN)
static const unsigned char em_cls[256] = {
	['0' ... '9'] = EM_ALNUM,
	['A' ... 'Z'] = EM_ALNUM,
	['a' ... 'z'] = EM_ALNUM,
	[0x80 ... 0xff] = EM_ALNUM | EM_HIGH,
	['.'] = EM_LOCAL | EM_DOMAIN,
	['-'] = EM_LOCAL | EM_DOMAIN,
	['_'] = EM_LOCAL,
	['%'] = EM_LOCAL,
	['+'] = EM_LOCAL,
	['!'] = EM_LOCAL,
	['#'] = EM_LOCAL,
	['$'] = EM_LOCAL,
	['&'] = EM_LOCAL,
	['\''] = EM_LOCAL,
	['*'] = EM_LOCAL,
	['/'] = EM_LOCAL,
	['='] = EM_LOCAL,
	['?'] = EM_LOCAL,
	['^'] = EM_LOCAL,
	['`'] = EM_LOCAL,
	['{'] = EM_LOCAL,
	['|'] = EM_LOCAL,
	['}'] = EM_LOCAL,
	['~'] = EM_LOCAL,
};
#undef EM_ALNUM

/* ---- IDN: lower case and Punycode (RFC 3492) -------------------------- */

/* Decode one UTF-8 character at s[0..n); its code point, or -1. */
static long
u8_decode(const unsigned char *s, size_t n, size_t *k)
{
	long cp;
	size_t m;

	if (s[0] < 0x80) {
		*k = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		m = 1;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		m = 2;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		m = 3;
		cp = s[0] & 0x07;
	} else {
		return -1;
	}
	if (m >= n)
		return -1;
	for (size_t i = 1; i <= m; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((m == 2 && cp < 0x800) || (m == 3 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*k = m + 1;
	return cp;
}

/*
 * Lower case for the scripts of our region: ASCII, Latin-1 (Ä Ö Ü ...),
 * Latin Extended-A (pairs), Greek and Cyrillic capitals.  Not full
 * Unicode case folding or NFC: docs/subjects.md says what is not covered.
 */
static long
cp_lower(long c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17f && c != 0x130 && c != 0x131 &&
	    c != 0x138 && c != 0x149 && c != 0x17f) {
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
			return (c & 1) ? c + 1 : c;
		return (c & 1) ? c : c + 1;
	}
	if (c >= 0x391 && c <= 0x3ab && c != 0x3a2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42f)
		return c + 32;
	if (c >= 0x400 && c <= 0x40f)
		return c + 80;
	return c;
}

static char
puny_digit(unsigned d)
{
	return (char)(d < 26 ? 'a' + d : '0' + (d - 26));
}

static unsigned
puny_adapt(unsigned delta, unsigned numpoints, bool first)
{
	unsigned k = 0;

	delta = first ? delta / 700 : delta / 2;
	delta += delta / numpoints;
	while (delta > ((36 - 1) * 26) / 2) {
		delta /= 36 - 1;
		k += 36;
	}
	return k + (36 - 1 + 1) * delta / (delta + 38);
}

/*
 * Punycode-encode the code points cp[0..n) as "xn--..." into out; the
 * length, or 0 when it does not fit (RFC 3492 section 6.3).
 */
static size_t
puny_encode(const long *cp, size_t n, char *out, size_t outsz)
{
	unsigned long cur = 128, delta = 0, bias = 72, h, b = 0;
	size_t o = 4;

	if (outsz < 5)
		return 0;
	memcpy(out, "xn--", 4);
	for (size_t i = 0; i < n; i++) {
		if (cp[i] < 0x80) {
			if (o + 1 >= outsz)
				return 0;
			out[o++] = (char)cp[i];
			b++;
		}
	}
	h = b;
	if (b > 0) {
		if (o + 1 >= outsz)
			return 0;
		out[o++] = '-';
	}
	while (h < n) {
		unsigned long m = 0x110000;

		for (size_t i = 0; i < n; i++) {
			if ((unsigned long)cp[i] >= cur &&
			    (unsigned long)cp[i] < m)
				m = (unsigned long)cp[i];
		}
		if ((m - cur) > (0xffffffffUL - delta) / (h + 1))
			return 0;
		delta += (m - cur) * (h + 1);
		cur = m;
		for (size_t i = 0; i < n; i++) {
			if ((unsigned long)cp[i] < cur)
				delta++;
			if ((unsigned long)cp[i] != cur)
				continue;
			for (unsigned long q = delta, k = 36;; k += 36) {
				unsigned long t = k <= bias        ? 1
				                  : k >= bias + 26 ? 26
				                                   : k - bias;

				if (o + 1 >= outsz)
					return 0;
				if (q < t) {
					out[o++] = puny_digit((unsigned)q);
					break;
				}
				out[o++] = puny_digit(
				    (unsigned)(t + (q - t) % (36 - t)));
				q = (q - t) / (36 - t);
			}
			bias = puny_adapt(
			    (unsigned)delta, (unsigned)(h + 1), h == b);
			delta = 0;
			h++;
		}
		delta++;
		cur++;
	}
	out[o] = '\0';
	return o;
}

/*
 * The domain s[0..n) in its IDNA A-label form: each label lower-cased; a
 * label with non-ASCII characters becomes "xn--" + Punycode.  The length
 * written to out (NUL-terminated), or 0 when invalid or too long.
 */
static size_t
idn_domain(const char *s, size_t n, char *out, size_t outsz)
{
	size_t o = 0, i = 0;
	bool all_ascii = true;

	for (size_t k = 0; k < n && all_ascii; k++)
		all_ascii = (unsigned char)s[k] < 0x80;
	if (all_ascii) { /* the common case: lower case only */
		if (n + 1 > outsz || n > 253)
			return 0;
		for (size_t k = 0; k < n; k++)
			out[k] = (char)lc((unsigned char)s[k]);
		out[n] = '\0';
		return n;
	}

	while (i < n) {
		long cp[64];
		size_t cn = 0, j = i, w;
		bool ascii = true;

		while (j < n && s[j] != '.') {
			size_t k;
			long c =
			    u8_decode((const unsigned char *)s + j, n - j, &k);

			if (c < 0 || cn == nitems(cp))
				return 0;
			cp[cn++] = cp_lower(c);
			ascii = ascii && c < 0x80;
			j += k;
		}
		if (cn == 0)
			return 0;
		if (ascii) {
			if (o + cn + 1 >= outsz)
				return 0;
			for (size_t k = 0; k < cn; k++)
				out[o++] = (char)cp[k];
		} else {
			w = puny_encode(cp, cn, out + o, outsz - o);
			if (w == 0 || w - 4 > 59)
				return 0;
			o += w;
		}
		if (j < n) {
			if (o + 2 >= outsz)
				return 0;
			out[o++] = '.';
		}
		i = j + 1;
	}
	if (o == 0 || o > 253)
		return 0;
	out[o] = '\0';
	return o;
}

#ifdef __SSE2__
/* <emmintrin.h> drags in the allocator (banned.h): vector types */
typedef unsigned char v16u __attribute__((vector_size(16)));
typedef char v16c __attribute__((vector_size(16)));
typedef uint64_t v2du __attribute__((vector_size(16)));

/* x with A-Z lower-cased. */
static inline v16u
lower16(v16u x)
{
	return x + (v16u)((v16c)((v16u)(x - 'A') <= 25) & 0x20);
}

static inline unsigned
movemask16(v16c m)
{
	return (unsigned)__builtin_ia32_pmovmskb128(m);
}
#endif

/* dst[0..n) = src[0..n) with A-Z lower-cased: 16 bytes at a time. */
static inline __attribute__((always_inline)) void
lower_copy(char *dst, const char *src, size_t n)
{
	size_t i = 0;

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		v16u x;

		memcpy(&x, src + i, 16);
		x = lower16(x);
		memcpy(dst + i, &x, 16);
	}
#endif
	for (; i < n; i++)
		dst[i] = (char)lc((unsigned char)src[i]);
}

/* The checks of an address's shape both e-mail normalisers make: the
 * local part s[0..l), the domain after s[l] == '@', their lengths and
 * where a dot or hyphen may not stand. */
static inline __attribute__((always_inline)) bool
email_shape_ok(const char *s, size_t len, size_t l)
{
	size_t dl = len - l - 1;

	if (l == 0 || l > 64 || dl < 4)
		return false;
	return s[0] != '.' && s[l - 1] != '.' && s[l + 1] != '-' &&
	       s[l + 1] != '.' && s[len - 1] != '.';
}

/*
 * The domain s[l+1..len) into out after the lower-cased local part and
 * '@' (out[0..l]), with its TLD checked.  An ASCII domain is lower-cased
 * (its TLD, the last tl bytes, stays where it is); one with UTF-8 goes to
 * its A-label form (an IDN TLD becomes xn--...).  The address's length,
 * or 0.
 */
static size_t
email_domain(const char *s, size_t len, size_t l, size_t tl, bool ascii,
    char *out, size_t outsz)
{
	size_t dl = len - l - 1, n;

	if (ascii) { /* lower case is the A-label */
		if (dl > 253)
			return 0;
		lower_copy(out + l + 1, s + l + 1, dl);
		out[len] = '\0';
		return norm_tld_ok(out + len - tl, tl) ? len : 0;
	}
	n = idn_domain(s + l + 1, dl, out + l + 1, outsz - l - 1);
	if (n == 0)
		return 0;
	n += l + 1;
	if (n > 254) /* the A-label form grew past an address's limit */
		return 0;
	tl = 0;
	while (tl < n && out[n - 1 - tl] != '.')
		tl++;
	return tl < n && norm_tld_ok(out + n - tl, tl) ? n : 0;
}

size_t
norm_email(const char *s, size_t len, char *out, size_t outsz)
{
	const char *at;
	size_t l, dl, tl;
	unsigned acc = EM_LOCAL, high = 0;

	s = trim_in(s, len, &len);
	at = memchr(s, '@', len);
	if (at == NULL || len + 1 > outsz || len > 254)
		return 0;
	l = (size_t)(at - s);
	dl = len - l - 1;
	if (!email_shape_ok(s, len, l))
		return 0;
	/* the local part, lower-cased as it is checked */
	for (size_t i = 0; i < l; i++) {
		unsigned char c = (unsigned char)s[i];

		acc &= em_cls[c];
		out[i] = (char)lc(c);
	}
	out[l] = '@';
	/* the domain: no empty label, no label ending in '-' */
	acc <<= 1; /* EM_LOCAL -> EM_DOMAIN */
	for (size_t i = l + 1; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned k = em_cls[c];

		acc &= k;
		high |= k;
		if (c == '.' && (s[i - 1] == '.' || s[i - 1] == '-'))
			return 0;
	}
	if (acc == 0)
		return 0;
	tl = 0;
	while (tl < dl && s[len - 1 - tl] != '.')
		tl++;
	if (tl == dl)
		return 0;
	return email_domain(s, len, l, tl, (high & EM_HIGH) == 0, out, outsz);
}

#ifdef __SSE2__
/* What the pass over an address's 16-byte blocks learns about its domain,
 * the bytes after the '@' at s[at]. */
struct em_scan {
	size_t at;
	size_t dot;     /* the last block's last domain '.', or 0: none */
	unsigned bad;   /* a '.' right after a '.' or '-' (an empty label,
	                   a label ending in '-') */
	unsigned high;  /* a byte >= 0x80: an IDN */
	unsigned carry; /* the block before ended in '.' or '-' */
};

/*
 * The block x = s[b..b+16) of an address: its domain bytes checked into
 * *st, and returned lower-cased.  Blocks come in order; the last may
 * overlap the one before, its bytes then give the same results twice
 * (the caller clears carry for it: its first byte was checked already).
 * Only the last block looks for the last dot (`last`).
 */
static inline __attribute__((always_inline)) v16u
em_block(struct em_scan *st, v16u x, size_t b, bool last)
{
	unsigned dm = movemask16((v16c)(x == '.'));
	unsigned dd = dm | movemask16((v16c)(x == '-'));
	size_t k = st->at + 1 > b ? st->at + 1 - b : 0;
	unsigned dom = k < 16 ? (0xffffu << k) & 0xffff : 0; /* domain bytes */

	st->bad |= dm & (dd << 1 | st->carry) & dom;
	st->carry = dd >> 15;
	st->high |= movemask16((v16c)x) & dom;
	dm &= dom;
	if (last && dm != 0)
		st->dot = b + 31 - (size_t)__builtin_clz(dm);
	return lower16(x);
}

/*
 * The TLD, the last tl bytes of the lower-cased address out[0..len), is
 * known, as norm_tld_ok() says.  Its words for the index are loads that
 * end at out[len - 1], shifted: a TLD of 3-8 letters is one load (4 or 8
 * bytes, within the address: len >= tl + 4 for '@', a label and its dot
 * and a local byte).
 */
static inline bool
em_tld_ok(const char *out, size_t len, size_t tl)
{
	const char *t = out + len - tl;
	uint64_t w0, w1 = 0;
	uint32_t w;

	if (tl == 2)
		return tld2_ok((unsigned char)t[0], (unsigned char)t[1]);
	if (tl >= 4 && memcmp(t, "xn--", 4) == 0)
		return tl <= 63;
	if (tl < 3 || tl >= TLD_W)
		return false;
	if (tl <= 4) {
		memcpy(&w, out + len - 4, 4);
		w0 = le32toh(w) >> (8 * (4 - tl));
	} else if (tl <= 8) {
		memcpy(&w0, out + len - 8, 8);
		w0 = le64toh(w0) >> (8 * (8 - tl));
	} else {
		memcpy(&w0, t, 8);
		memcpy(&w1, out + len - 8, 8);
		w0 = le64toh(w0);
		w1 = le64toh(w1) >> (8 * (16 - tl));
	}
	return tld_find(htole64(w0), htole64(w1));
}

/*
 * One pass over the address 16 bytes at a time: each block is lower-cased
 * into out and its domain bytes checked (labels, the last dot, IDN bytes)
 * together; the byte-by-byte loops this replaces walked the domain three
 * times.  Only s[0..len) is read: the detector guarantees nothing past it.
 */
size_t
norm_email_runs(const char *s, size_t len, size_t at, char *out, size_t outsz)
{
	struct em_scan st = { .at = at };
	size_t b = 0;
	v16u x, last;

	/* no trim byte and no second '@' in these classes */
	if (at >= len || len + 1 > outsz || len > 254)
		return 0;
	if (!email_shape_ok(s, len, at))
		return 0;
	if (len < 16) { /* len >= 6 */
		/* two overlapping loads make the block, zero after s[len - 1]
		 * (no buffer: an array would cost a stack protector check) */
		uint64_t lo, hi = 0;
		unsigned __int128 v;

		if (len >= 8) {
			memcpy(&lo, s, 8);
			memcpy(&hi, s + len - 8, 8);
			hi = hi >> (8 * (15 - len)) >> 8;
		} else {
			uint32_t a, z;

			memcpy(&a, s, 4);
			memcpy(&z, s + len - 4, 4);
			lo = a | (uint64_t)z << (8 * (len - 4));
		}
		x = (v16u)(v2du){ lo, hi };
		last = em_block(&st, x, 0, true);
		/* out[0..len): the first half, then the last 8 (or 4) bytes */
		memcpy(&v, &last, 16);
		if (len >= 8) {
			memcpy(out, &v, 8);
			lo = (uint64_t)(v >> (8 * (len - 8)));
			memcpy(out + len - 8, &lo, 8);
		} else {
			uint32_t a = (uint32_t)v,
			         z = (uint32_t)(v >> (8 * (len - 4)));

			memcpy(out, &a, 4);
			memcpy(out + len - 4, &z, 4);
		}
	} else {
		for (; b + 16 < len; b += 16) {
			memcpy(&x, s + b, 16);
			last = em_block(&st, x, b, false);
			memcpy(out + b, &last, 16);
		}
		/* the last 16 bytes, overlapping the block before unless
		 * they follow it */
		if (b != len - 16)
			st.carry = 0;
		b = len - 16;
		memcpy(&x, s + b, 16);
		last = em_block(&st, x, b, true);
		memcpy(out + b, &last, 16);
	}
	if (st.bad != 0)
		return 0;
	if (st.dot == 0) { /* a TLD of 16 bytes or more (xn--), or no dot */
		size_t i = len - 1;

		while (i > at && s[i] != '.')
			i--;
		if (i == at)
			return 0;
		st.dot = i;
	}
	out[at] = '@'; /* as s[at], but whatever the caller passed */
	out[len] = '\0';
	if (st.high != 0) /* out[0..at] is the local part and '@' already */
		return email_domain(
		    s, len, at, len - 1 - st.dot, false, out, outsz);
	return em_tld_ok(out, len, len - 1 - st.dot) ? len : 0;
}
#else
/* The high bit of each byte of w that equals c, the others clear (no
 * borrow between bytes, so exact per byte). */
static inline uint64_t
eq8(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (0x0101010101010101ull * c);

	return ~(((x & 0x7f7f7f7f7f7f7f7full) + 0x7f7f7f7f7f7f7f7full) | x |
	         0x7f7f7f7f7f7f7f7full);
}

size_t
norm_email_runs(const char *s, size_t len, size_t at, char *out, size_t outsz)
{
	size_t l = at, dl, tl, i;
	unsigned high = 0;
	uint64_t hw = 0;

	/* no trim byte and no second '@' in these classes */
	if (at >= len || len + 1 > outsz || len > 254)
		return 0;
	dl = len - l - 1;
	if (!email_shape_ok(s, len, l))
		return 0;
	/* the domain: no empty label, no label ending in '-' (s[l] is the
	 * '@', so the check starts at the second domain byte) */
	i = l + 2;
	for (; i + 8 <= len; i += 8) { /* eight bytes at a time */
		uint64_t w0, w1;

		memcpy(&w0, s + i - 1, 8);
		memcpy(&w1, s + i, 8);
		hw |= w1;
		if ((eq8(w1, '.') & (eq8(w0, '.') | eq8(w0, '-'))) != 0)
			return 0;
	}
	for (; i < len; i++) {
		high |= (unsigned char)s[i];
		if (s[i] == '.' && (s[i - 1] == '.' || s[i - 1] == '-'))
			return 0;
	}
	high |= (unsigned char)s[l + 1];
	if ((hw & 0x8080808080808080ull) != 0)
		high |= 0x80;
	tl = 0;
	while (tl < dl && s[len - 1 - tl] != '.')
		tl++;
	if (tl == dl)
		return 0;
	lower_copy(out, s, l);
	out[l] = '@';
	return email_domain(s, len, l, tl, (high & 0x80) == 0, out, outsz);
}
#endif

/* The default region of national phone numbers: ISO 3166 code and its
 * country calling code.  Process-wide, set once before scanning. */
static const struct {
	const char *region, *cc;
} phone_regions[] = {
	{ "DE", "49" },
	{ "AT", "43" },
	{ "CH", "41" },
	{ "NL", "31" },
	{ "BE", "32" },
	{ "LU", "352" },
	{ "FR", "33" },
	{ "DK", "45" },
	{ "PL", "48" },
	{ "CZ", "420" },
	{ "SE", "46" },
	{ "FI", "358" },
	{ "GB", "44" },
	{ "IE", "353" },
	{ "ES", "34" },
	{ "PT", "351" },
};
static const char *phone_cc = "49";
static bool phone_cc_49 = true; /* phone_cc is "49" */
static const char *phone_region = "DE";

bool
norm_phone_set_region(const char *region)
{
	for (size_t i = 0; i < nitems(phone_regions); i++) {
		if (str_eq(region, phone_regions[i].region)) {
			phone_cc = phone_regions[i].cc;
			phone_cc_49 = str_eq(phone_cc, "49");
			phone_region = phone_regions[i].region;
			return true;
		}
	}
	return false;
}

const char *
norm_phone_get_region(void)
{
	return phone_region;
}

/*
 * The length of the run of ASCII digits at s[0..8), 0-8 (little-endian
 * SWAR): a byte is a digit when b ^ '0' < 10; the 0x7f mask keeps the
 * additions from carrying into the next byte.
 */
static inline unsigned
digits8(const char *s)
{
	uint64_t w, t, u, bad;

	memcpy(&w, s, 8);
	t = w ^ 0x3030303030303030ull;
	u = (t & 0x7f7f7f7f7f7f7f7full) + 0x7676767676767676ull;
	bad = (t | u) & 0x8080808080808080ull;
	return bad == 0 ? 8 : (unsigned)__builtin_ctzll(bad) >> 3;
}

size_t
norm_phone(const char *s, size_t len, char *out, size_t outsz)
{
	char d[32] = { 0 }; /* 24 digits at most, room for 8-byte stores */
	size_t n = 0, i = 0, o = 0, k;
	bool plus = false;

	s = trim_in(s, len, &len);
	if (len == 0)
		return 0;
	if (s[0] == '+') {
		plus = true;
		i = 1;
	}
	while (i < len) {
		int c = (unsigned char)s[i];

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (is_digit(c) && len - i >= 8) { /* a group in one go */
			k = digits8(s + i);
			if (n + k > 24)
				return 0;
			memcpy(d + n, s + i, 8);
			n += k;
			i += k;
			continue;
		}
#endif
		if (is_digit(c)) {
			if (n == 24)
				return 0;
			d[n++] = (char)c;
		} else if (c == '(' && i + 2 < len && s[i + 1] == '0' &&
		           s[i + 2] == ')' && plus) {
			i += 2; /* +49 (0)151: the trunk zero is dropped */
		} else if (c != ' ' && c != '-' && c != '/' && c != '(' &&
		           c != ')') {
			return 0;
		}
		i++;
	}
	memset(d + n, 0, 8); /* what the 8-byte stores left past the digits */
	if (n < 6)
		return 0;
	if (outsz < 18)
		return 0;
	out[o++] = '+';
	if (plus) {
		if (d[0] == '0')
			return 0;
		i = 0;
	} else if (n > 2 && d[0] == '0' && d[1] == '0') {
		if (d[2] == '0')
			return 0;
		i = 2;
	} else if (d[0] == '0' && d[1] != '0') {
		for (const char *c = phone_cc; *c != '\0'; c++)
			out[o++] = *c;
		i = 1;
	} else {
		return 0;
	}
	if (n - i + (o - 1) < 8 || n - i + (o - 1) > 15)
		return 0;
	/* German numbers: national significant number of 6 to 13 digits, no
	 * leading zero; mobiles (15x, 16x, 17x) have 10 or 11 digits. */
	if ((o == 3 && phone_cc_49) ||
	    (o == 1 && n - i > 2 && d[i] == '4' && d[i + 1] == '9')) {
		size_t ns = o == 3 ? i : i + 2;
		size_t nl = n - ns;

		if (nl < 6 || nl > 13 || d[ns] == '0')
			return 0;
		if (d[ns] == '1' &&
		    (d[ns + 1] == '5' || d[ns + 1] == '6' ||
		        d[ns + 1] == '7') &&
		    (nl < 10 || nl > 11))
			return 0;
	}
	if (outsz >= 21) { /* o <= 4 and at most 15 digits: 16 bytes */
		memcpy(out + o, d + i, 16);
		o += n - i;
	} else {
		for (; i < n; i++)
			out[o++] = d[i];
	}
	out[o] = '\0';
	return o;
}

/* The IBAN length of a country (0: none): a direct table, it runs twice
 * on every IBAN-shaped token. */
#define CC(a, b) (((a) - 'A') * 26 + ((b) - 'A'))
static const unsigned char iban_lens[26 * 26] = { [CC('D', 'E')] = 22,
	[CC('A', 'T')] = 20,
	[CC('C', 'H')] = 21,
	[CC('F', 'R')] = 27,
	[CC('N', 'L')] = 18,
	[CC('G', 'B')] = 22,
	[CC('E', 'S')] = 24,
	[CC('I', 'T')] = 27,
	[CC('B', 'E')] = 16,
	[CC('P', 'L')] = 28,
	[CC('L', 'U')] = 20,
	[CC('D', 'K')] = 18,
	[CC('S', 'E')] = 24,
	[CC('N', 'O')] = 15,
	[CC('F', 'I')] = 18,
	[CC('I', 'E')] = 22,
	[CC('P', 'T')] = 25,
	[CC('C', 'Z')] = 24,
	[CC('L', 'I')] = 21,
	[CC('G', 'R')] = 27,
	[CC('H', 'U')] = 28,
	[CC('S', 'K')] = 24,
	[CC('S', 'I')] = 19,
	[CC('H', 'R')] = 21,
	[CC('R', 'O')] = 24,
	[CC('B', 'G')] = 22,
	[CC('E', 'E')] = 20,
	[CC('L', 'V')] = 21,
	[CC('L', 'T')] = 20,
	[CC('M', 'T')] = 31,
	[CC('C', 'Y')] = 28,
	[CC('I', 'S')] = 26,
	[CC('T', 'R')] = 26,
	[CC('M', 'C')] = 27,
	[CC('S', 'M')] = 27,
	[CC('A', 'D')] = 24 };

static int
iban_country_len(const char *cc)
{
	if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z')
		return 0;
	return iban_lens[CC(cc[0], cc[1])];
}
#undef CC

/* Mod-97 of the digits of `acc` * 10^k + (digits of v[0..n)), letters
 * A..Z counting as 10..35: nine digits at a time, one division each. */
static inline __attribute__((always_inline)) uint64_t
iban_mod97(uint64_t acc, const char *v, size_t n)
{
	uint64_t chunk = 0, scale = 1;
	size_t k = 0;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* eight digits at once (SWAR): the account number part */
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
#endif
	for (; k < n; k++) {
		unsigned c = (unsigned char)v[k];

		if (c <= '9') {
			chunk = chunk * 10 + (c - '0');
			scale *= 10;
		} else {
			chunk = chunk * 100 + (c - 'A' + 10);
			scale *= 100;
		}
		if (scale >= 100000000ull) { /* 8 or 9 digits in chunk */
			acc = (acc * scale + chunk) % 97;
			chunk = 0;
			scale = 1;
		}
	}
	return (acc * scale + chunk) % 97;
}

/* 10^k mod 97: the weight of a digit that has k digits after it. */
static const unsigned char iban_pow10[32] = { 1, 10, 3, 30, 9, 90, 27, 76, 81,
	34, 49, 5, 50, 15, 53, 45, 62, 38, 89, 17, 73, 51, 25, 56, 75, 71, 31,
	19, 93, 57, 85, 74 };

/* True when all eight bytes of x are ASCII digits (no carry between
 * bytes: a byte that passes the first test is at most 0x39 + 6). */
static inline bool
iban_digits8(uint64_t x)
{
	return (((x & 0xf0f0f0f0f0f0f0f0ull) ^ 0x3030303030303030ull) |
	           (((x + 0x0606060606060606ull) & 0xf0f0f0f0f0f0f0f0ull) ^
	               0x3030303030303030ull)) == 0;
}

/* The value of eight ASCII digits, the first byte the most significant. */
static inline uint64_t
iban_value8(uint64_t x)
{
	x -= 0x3030303030303030ull;
	x = x * 10 + (x >> 8);
	return ((x & 0x000000ff000000ffull) * (100 + (1000000ull << 32)) +
	           ((x >> 16) & 0x000000ff000000ffull) *
	               (1 + (10000ull << 32))) >>
	       32;
}

#ifdef __SSE2__
typedef char ib_v16c __attribute__((vector_size(16)));
typedef unsigned char ib_v16u __attribute__((vector_size(16)));
typedef short ib_v8s __attribute__((vector_size(16)));
typedef int ib_v4i __attribute__((vector_size(16)));

/* 10^(36 - x) mod 97: read forwards, the weights of digits read from
 * left to right. */
static const short iban_wt[37] = { 64, 84, 86, 28, 61, 74, 85, 57, 93, 19, 31,
	71, 75, 56, 25, 51, 73, 17, 89, 38, 62, 45, 53, 15, 50, 5, 49, 34, 81,
	76, 27, 90, 9, 30, 3, 10, 1 };
/* A window into it keeps the bytes of a vector that belong to it. */
static const unsigned char iban_ff[48] = { [16 ... 31] = 0xff };

/* The sum of the 16 digit values of t (bytes 0-9) times weights w[0..16). */
static inline ib_v4i
iban_dot16(ib_v16u t, const short *w)
{
	ib_v8s wa, wb;
	ib_v16c z = { 0 };

	memcpy(&wa, w, 16);
	memcpy(&wb, w + 8, 16);
	/* the bytes widened to 16 bits (punpcklbw, punpckhbw with zero) */
	return __builtin_ia32_pmaddwd128(
	           (ib_v8s)__builtin_shufflevector((ib_v16c)t, z, 0, 16, 1, 17,
	               2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23),
	           wa) +
	       __builtin_ia32_pmaddwd128(
	           (ib_v8s)__builtin_shufflevector((ib_v16c)t, z, 8, 24, 9, 25,
	               10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31),
	           wb);
}

/*
 * The BBAN v[4..n), 16 <= n <= 32, weighted by 10^k mod 97 (k the digits
 * after it, the six of country and check digits included) and summed,
 * or -1 when it holds anything but digits.  Two overlapping vectors,
 * v[0..16) and v[n - 16..n); the bytes outside the BBAN or seen by the
 * second are masked off the first, so each digit counts once.
 */
static inline long
iban_sum_vec(const char *v, size_t n)
{
	static const unsigned char no_cc[16] = { 0, 0, 0, 0,
		[4 ... 15] = 0xff };
	ib_v16u x1, x2, k1, k2;
	ib_v4i acc;

	memcpy(&x1, v, 16);
	memcpy(&x2, v + n - 16, 16);
	memcpy(&k1, iban_ff + 48 - n, 16);
	memcpy(&k2, no_cc, 16);
	x1 = (x1 - '0') & k1 & k2;
	x2 -= '0';
	if (n < 20) { /* the second vector starts before the BBAN */
		memcpy(&k2, iban_ff + n - 4, 16);
		x2 &= k2;
	}
	if (__builtin_ia32_pmovmskb128(
	        (ib_v16c)(x1 <= 9) & (ib_v16c)(x2 <= 9)) != 0xffff)
		return -1;
	acc = iban_dot16(x1, iban_wt + 31 - n) + iban_dot16(x2, iban_wt + 15);
	return acc[0] + acc[1] + acc[2] + acc[3];
}
#endif

/*
 * v[0..n): a country with its length n (two capitals), then anything.
 * Valid as a whole?  Most BBANs are digits only: then every eight-digit
 * chunk, counted from the end, is weighted by 10^k mod 97 and one
 * division finishes the sum (below 2^36), instead of a division per
 * chunk in a chain.  A BBAN with letters (or other bytes) takes the
 * general iban_mod97().
 */
static inline __attribute__((always_inline)) size_t
iban_check_cc(const char *v, size_t n, char *out, size_t outsz)
{
	uint64_t x, sum;
	size_t r, k, p, m;
	unsigned d2, d3, tail;

	d2 = (unsigned)(unsigned char)v[2] - '0';
	d3 = (unsigned)(unsigned char)v[3] - '0';
	if (n + 1 > outsz || d2 > 9 || d3 > 9)
		return 0;
	/* the country and check digits move to the end: two letters of
	 * two digits each (A = 10), then the two digits */
	tail = (unsigned)(v[0] - 'A' + 10) * 10000u +
	       (unsigned)(v[1] - 'A' + 10) * 100u + d2 * 10u + d3;
	sum = tail;
#ifdef __SSE2__
	if (n >= 16) {
		long w = iban_sum_vec(v, n);

		if (w < 0)
			goto general;
		if ((sum + (uint64_t)w) % 97 != 1)
			return 0;
		goto valid;
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* n - 4 is 11 to 30 (the country lengths): one to three whole
	 * chunks from the end, then the r leading digits */
	r = (n - 4) & 7;
	k = 6;
	p = n;
	for (m = (n - 4) >> 3; m > 0; m--) {
		p -= 8;
		memcpy(&x, v + p, 8);
		if (!iban_digits8(x))
			goto general;
		sum += iban_value8(x) * iban_pow10[k];
		k += 8;
	}
	if (r != 0) {
		/* the r digits at v + 4 become the low end of a chunk
		 * filled with leading zeros */
		memcpy(&x, v + 4, 8);
		x = x << (8 * (8 - r)) | 0x3030303030303030ull >> (8 * r);
		if (!iban_digits8(x))
			goto general;
		sum += iban_value8(x) * iban_pow10[k];
	}
	if (sum % 97 != 1)
		return 0;
	goto valid;
general:
#endif
	if (((unsigned)iban_mod97(0, v + 4, n - 4) * 1000000u + tail) % 97 != 1)
		return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
valid:
#endif
	copy_short(out, v, n); /* n is 15 to 31 */
	return n;
}

/* v[0..n): capitals and digits; valid as a whole? */
static size_t
iban_check(const char *v, size_t n, char *out, size_t outsz)
{
	int want = n >= 2 ? iban_country_len(v) : 0;

	if (want == 0 || (size_t)want != n)
		return 0;
	return iban_check_cc(v, n, out, outsz);
}

size_t
norm_iban(const char *s, size_t len, char *out, size_t outsz)
{
	char v[40];
	size_t n = 0;

	s = trim_in(s, len, &len);
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (c == ' ')
			continue;
		if (!is_alpha(c) && !is_digit(c))
			return 0;
		if (n == sizeof(v) - 1)
			return 0;
		v[n++] = (char)(is_alpha(c) ? c & ~32 : c);
	}
	return iban_check(v, n, out, outsz);
}

size_t
norm_iban_prefix(const char *v, size_t n, char *out, size_t outsz)
{
	int want;

	/* only the country's length can be valid */
	if (n < 4)
		return 0;
	want = iban_country_len(v);
	if (want == 0 || (size_t)want > n)
		return 0;
	return iban_check_cc(v, (size_t)want, out, outsz);
}

bool
norm_luhn_ok(const char *d, size_t n)
{
	unsigned sum = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned x = (unsigned)(d[n - 1 - i] - '0');

		if (i & 1) {
			x *= 2;
			if (x > 9)
				x -= 9;
		}
		sum += x;
	}
	return sum % 10 == 0;
}

static bool
card_issuer_ok(const char *d, size_t n)
{
	unsigned p2 = (unsigned)(d[0] - '0') * 10 + (unsigned)(d[1] - '0');
	unsigned p4 =
	    p2 * 100 + (unsigned)(d[2] - '0') * 10 + (unsigned)(d[3] - '0');

	if (d[0] == '4')
		return n == 13 || n == 16 || n == 19; /* Visa */
	if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))
		return n == 16; /* Mastercard */
	if (p2 == 34 || p2 == 37)
		return n == 15; /* American Express */
	if (p4 == 6011 || p2 == 65 || (p4 >= 6440 && p4 <= 6499))
		return n >= 16 && n <= 19; /* Discover */
	if (p4 >= 3528 && p4 <= 3589)
		return n >= 16 && n <= 19; /* JCB */
	if ((p4 >= 3000 && p4 <= 3059) || p2 == 36 || p2 == 38)
		return n == 14; /* Diners Club */
	if (p2 == 62)
		return n >= 16 && n <= 19; /* UnionPay */
	return false;
}

size_t
norm_card(const char *s, size_t len, char *out, size_t outsz)
{
	char d[20];
	size_t n = 0;

	s = trim_in(s, len, &len);
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (is_digit(c)) {
			if (n == sizeof(d))
				return 0;
			d[n++] = (char)c;
		} else if (c != ' ' && c != '-') {
			return 0;
		}
	}
	if (n < 13 || n > 19 || n + 1 > outsz)
		return 0;
	if (!card_issuer_ok(d, n) || !norm_luhn_ok(d, n))
		return 0;
	memcpy(out, d, n);
	out[n] = '\0';
	return n;
}

size_t
norm_taxid(const char *s, size_t len, char *out, size_t outsz)
{
	int cnt[10] = { 0 };
	unsigned prod = 10, sum;
	int twice = 0;

	s = trim_in(s, len, &len);
	if (len != 11 || outsz < 12 || s[0] == '0')
		return 0;
	for (size_t i = 0; i < 11; i++) {
		if (!is_digit((unsigned char)s[i]))
			return 0;
	}
	for (size_t i = 0; i < 10; i++)
		cnt[s[i] - '0']++;
	for (size_t i = 0; i < 10; i++) {
		if (cnt[i] > 3)
			return 0;
		if (cnt[i] >= 2)
			twice++;
	}
	if (twice != 1)
		return 0;
	for (size_t i = 0; i < 10; i++) { /* ISO 7064 MOD 11,10 */
		sum = ((unsigned)(s[i] - '0') + prod) % 10;
		if (sum == 0)
			sum = 10;
		prod = (sum * 2) % 11;
	}
	if ((11 - prod) % 10 != (unsigned)(s[10] - '0'))
		return 0;
	memcpy(out, s, 11);
	out[11] = '\0';
	return 11;
}

/*
 * Date of birth.  Every accepted shape has eight digits: they are
 * gathered into one word in YYYYMMDD order (a few shifts per shape),
 * checked for digits at once and turned into year, month and day with
 * one multiply, instead of a loop per field; the ISO text is written
 * from the same word.  s[0..len) untrimmed; out has 11 bytes.
 */
static inline __attribute__((always_inline)) size_t
date_digits(const char *s, size_t len, char *out)
{
	static const unsigned char mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31,
		30, 31, 30, 31 };
	uint64_t a, z, w, t, p;
	uint32_t d32;
	unsigned y, m, d;

	if (len == 10) {
		memcpy(&a, s, 8);     /* s[0..8) */
		memcpy(&z, s + 2, 8); /* s[2..10) */
		a = le64toh(a);
		z = le64toh(z);
		if (s[4] == '-' && s[7] == '-') /* YYYY-MM-DD */
			w = (a & 0xffffffffull) | (a >> 8 & 0xffff00000000ull) |
			    (z & 0xffff000000000000ull);
		else if ((s[2] == '.' || s[2] == '/') && s[5] == s[2])
			/* DD.MM.YYYY, DD/MM/YYYY */
			w = z >> 32 | (a << 8 & 0xffff00000000ull) | a << 48;
		else
			return 0;
	} else if (len == 8) { /* YYYYMMDD */
		memcpy(&w, s, 8);
		w = le64toh(w);
	} else {
		return 0;
	}
	/* eight digits: a byte of t over 9 gets its high bit from the add
	 * or has it already; a carry out of such a byte only flags bytes of
	 * a word that is rejected anyway */
	t = w ^ 0x3030303030303030ull;
	if (((t | (t + 0x7676767676767676ull)) & 0x8080808080808080ull) != 0)
		return 0;
	/* each byte pair (10 * first + second) in its first byte: YY YY MM DD */
	p = t * 10 + (t >> 8);
	y = (unsigned)(p & 0xff) * 100 + (unsigned)(p >> 16 & 0xff);
	m = (unsigned)(p >> 32 & 0xff);
	d = (unsigned)(p >> 48 & 0xff);
	if (y - 1900 > 130 || m - 1 > 11 || d - 1 >= mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400)))
		return 0;
	/* YYYY-MM- and DD with its NUL (out[7] written twice) */
	a = (w & 0xffffffffull) | 0x2d00000000ull |
	    (w & 0xffff00000000ull) << 8 | 0x2d00000000000000ull;
	d32 = htole32((uint32_t)(0x2d | (w >> 48 << 8)));
	a = htole64(a);
	memcpy(out, &a, 8);
	memcpy(out + 7, &d32, 4);
	return 10;
}

size_t
norm_date(const char *s, size_t len, char *out, size_t outsz)
{
	size_t n, tlen;

	if (outsz < 11)
		return 0;
	/* untrimmed first: an accepted date starts and ends with one of
	 * its digits, so trimming could not have changed it */
	n = date_digits(s, len, out);
	if (n != 0)
		return n;
	s = trim_in(s, len, &tlen);
	return tlen != len ? date_digits(s, tlen, out) : 0;
}

/* Four parts of 1-3 digits <= 255 without leading zeros, nothing else
 * (a colon or a NUL byte included); the four values to q when valid.
 * The language of glibc's inet_pton4() too. */
static bool
ipv4_parse(const char *s, size_t len, unsigned char *q)
{
	size_t i = 0;

	/* each part unrolled: a digit, then up to two more (no leading
	 * zero); a fourth digit or a value over 255 fails */
	for (unsigned part = 0; part < 4; part++) {
		unsigned val;

		if (i >= len || !is_digit((unsigned char)s[i]))
			return false;
		val = (unsigned)(s[i++] - '0');
		if (i < len && is_digit((unsigned char)s[i])) {
			if (val == 0)
				return false;
			val = val * 10 + (unsigned)(s[i++] - '0');
			if (i < len && is_digit((unsigned char)s[i])) {
				val = val * 10 + (unsigned)(s[i++] - '0');
				if (val > 255 ||
				    (i < len && is_digit((unsigned char)s[i])))
					return false;
			}
		}
		q[part] = (unsigned char)val;
		if (part < 3) {
			if (i >= len || s[i] != '.')
				return false;
			i++;
		}
	}
	return i == len;
}

#ifdef __SSE2__
typedef char ip_v16c __attribute__((vector_size(16)));
typedef unsigned char ip_v16u __attribute__((vector_size(16)));
typedef unsigned long long ip_v2q __attribute__((vector_size(16)));

static inline unsigned
ip_mask(ip_v16c m)
{
	return (unsigned)__builtin_ia32_pmovmskb128(m);
}

/*
 * ipv4_parse()'s answer for s[0..len), 7 <= len <= 15, without a loop:
 * the bytes go into one vector (two overlapping loads), and bit masks
 * of its digits and dots answer the rules at once.  A part starts at 0
 * and after each dot; it may not be empty (a dot there), run to four
 * digits, start with 0 and go on, or be three digits above 255.
 */
static inline bool
ipv4_ok_vec(const char *s, size_t len)
{
	uint64_t lo, hi = 0;
	uint32_t a, b;
	unsigned dig, dot, st, all = (1u << len) - 1, t, d1, d2;
	ip_v16u x;

	if (len >= 8) {
		memcpy(&lo, s, 8);
		if (len > 8) {
			memcpy(&hi, s + len - 8, 8);
			hi >>= 8 * (16 - len);
		}
	} else { /* 7: two overlapping four-byte loads */
		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		lo = a | (uint64_t)b << (8 * (len - 4));
	}
	x = (ip_v16u)(ip_v2q){ lo, hi };
	dig = ip_mask((ip_v16c)((ip_v16u)(x - '0') <= 9));
	dot = ip_mask((ip_v16c)(x == '.'));
	if ((dig | dot) != all)
		return false;
	/* exactly three dots, none at the end */
	d1 = dot & (dot - 1);
	d2 = d1 & (d1 - 1);
	if (d2 == 0 || (d2 & (d2 - 1)) != 0 || (dot >> (len - 1)) != 0)
		return false;
	st = dot << 1 | 1;
	if ((st & dot) != 0 || (dig & dig >> 1 & dig >> 2 & dig >> 3) != 0)
		return false;
	if ((st & ip_mask((ip_v16c)(x == '0')) & dig >> 1) != 0)
		return false;
	/* three-digit parts: 1xy, 2[0-4]x or 25[0-5] */
	t = st & dig >> 1 & dig >> 2;
	if (t != 0) {
		ip_v16c sx = (ip_v16c)x;
		unsigned one = ip_mask(sx == '1'), two = ip_mask(sx == '2');
		unsigned lt5 = ip_mask(sx < '5'), eq5 = ip_mask(sx == '5');
		unsigned le5 = lt5 | eq5;

		if ((t & ~(one | (two & (lt5 >> 1 | (eq5 >> 1 & le5 >> 2))))) !=
		    0)
			return false;
	}
	return true;
}
#endif

/* Lower-case hex of v without leading zeros at out; the length. */
static size_t
hex16(unsigned v, char *out)
{
	static const char xd[] = "0123456789abcdef";
	size_t n = 0;

	for (int sh = 12; sh >= 0; sh -= 4) {
		if ((v >> sh) != 0 || sh == 0)
			out[n++] = xd[(v >> sh) & 15];
	}
	return n;
}

/* Decimal of v < 256 at out; the length. */
static size_t
dec8(unsigned v, char *out)
{
	size_t n = 0;

	if (v >= 100)
		out[n++] = (char)('0' + v / 100);
	if (v >= 10)
		out[n++] = (char)('0' + v / 10 % 10);
	out[n++] = (char)('0' + v % 10);
	return n;
}

/*
 * The text of an IPv6 address exactly as glibc's inet_ntop() writes it
 * (RFC 5952: the longest run of two or more zero groups, the first of
 * equal ones, becomes "::"; ::a.b.c.d and ::ffff:a.b.c.d keep the dotted
 * quad), without its sprintf per group.  out holds at least 46 bytes.
 */
static size_t
ipv6_text(const unsigned char *b, char *out)
{
	unsigned w[8];
	int best = -1, best_len = 0, cur = -1, cur_len = 0;
	size_t o = 0;

	for (int i = 0; i < 8; i++) {
		const unsigned char *g = b + (size_t)i * 2;

		w[i] = (unsigned)g[0] << 8 | g[1];
		if (w[i] == 0) {
			if (cur == -1) {
				cur = i;
				cur_len = 1;
			} else {
				cur_len++;
			}
		} else if (cur != -1) {
			if (best == -1 || cur_len > best_len) {
				best = cur;
				best_len = cur_len;
			}
			cur = -1;
		}
	}
	if (cur != -1 && (best == -1 || cur_len > best_len)) {
		best = cur;
		best_len = cur_len;
	}
	if (best != -1 && best_len < 2)
		best = -1;
	for (int i = 0; i < 8; i++) {
		if (best != -1 && i >= best && i < best + best_len) {
			if (i == best)
				out[o++] = ':';
			continue;
		}
		if (i != 0)
			out[o++] = ':';
		if (i == 6 && best == 0 &&
		    (best_len == 6 || (best_len == 5 && w[5] == 0xffff))) {
			for (int k = 12; k < 16; k++) {
				o += dec8(b[k], out + o);
				if (k < 15)
					out[o++] = '.';
			}
			out[o] = '\0';
			return o;
		}
		o += hex16(w[i], out + o);
	}
	if (best != -1 && best + best_len == 8)
		out[o++] = ':';
	out[o] = '\0';
	return o;
}

static size_t norm_ip6(const char *s, size_t len, char *out);

size_t
norm_ip(const char *s, size_t len, char *out, size_t outsz)
{
	bool v4;

	s = trim_in(s, len, &len);
	if (len < 2 || len >= 64 || outsz < 46)
		return 0;
	if (len < 7 || len > 15)
		return norm_ip6(s, len, out);
#ifdef __SSE2__
	v4 = ipv4_ok_vec(s, len);
#else
	unsigned char q[4];

	v4 = ipv4_parse(s, len, q);
#endif
	if (!v4)
		return norm_ip6(s, len, out);
	/* a dotted quad without leading zeros is already canonical */
	copy_short(out, s, len);
	return len;
}

/* One more than the value of a hex digit, 0 for any other byte. */
static const unsigned char ip_hex[256] = { ['0'] = 1,
	['1'] = 2,
	['2'] = 3,
	['3'] = 4,
	['4'] = 5,
	['5'] = 6,
	['6'] = 7,
	['7'] = 8,
	['8'] = 9,
	['9'] = 10,
	['a'] = 11,
	['b'] = 12,
	['c'] = 13,
	['d'] = 14,
	['e'] = 15,
	['f'] = 16,
	['A'] = 11,
	['B'] = 12,
	['C'] = 13,
	['D'] = 14,
	['E'] = 15,
	['F'] = 16 };

/*
 * norm_ip() of what is not a dotted quad, out of line (its buffers would
 * give every IPv4 address a stack protector check): IPv6 text parsed
 * exactly as glibc's inet_pton(AF_INET6) does it (groups of one to four
 * hex digits, one "::", a dotted quad in place of the last two groups,
 * no ':' alone at either end), without its copy to a NUL-terminated
 * buffer and its per-byte table lookups.  Then the canonical text.
 */
static size_t __attribute__((noinline))
norm_ip6(const char *s, size_t len, char *out)
{
	unsigned char b[16] = { 0 };
	size_t i = 0, tp = 0, cur, gap = 17, nx = 0; /* 17: no "::" */
	unsigned val = 0;

	if (s[0] == ':') {
		if (len < 2 || s[1] != ':')
			return 0;
		i = 1;
	}
	cur = i;
	while (i < len) {
		int c = (unsigned char)s[i++];
		unsigned h = ip_hex[c];

		if (h != 0) {
			if (nx == 4)
				return 0;
			val = val << 4 | (h - 1);
			nx++;
			continue;
		}
		if (c == ':') {
			cur = i;
			if (nx == 0) {
				if (gap != 17)
					return 0;
				gap = tp; /* "::": zeros go here */
				continue;
			}
			if (i == len || tp + 2 > 16)
				return 0;
			b[tp++] = (unsigned char)(val >> 8);
			b[tp++] = (unsigned char)val;
			nx = 0;
			val = 0;
			continue;
		}
		/* a dotted quad from the start of this group to the end */
		if (c == '.' && tp + 4 <= 16 &&
		    ipv4_parse(s + cur, len - cur, b + tp)) {
			tp += 4;
			nx = 0;
			break;
		}
		return 0;
	}
	if (nx > 0) {
		if (tp + 2 > 16)
			return 0;
		b[tp++] = (unsigned char)(val >> 8);
		b[tp++] = (unsigned char)val;
	}
	if (gap != 17) {
		size_t n = tp - gap;

		if (tp == 16) /* "::" would stand for no group */
			return 0;
		memmove(b + 16 - n, b + gap, n);
		memset(b + gap, 0, 16 - n - gap);
		tp = 16;
	}
	if (tp != 16)
		return 0;
	return ipv6_text(b, out);
}

size_t
norm_customer_no(const char *s, size_t len, char *out, size_t outsz)
{
	size_t n = 0;

	s = trim_in(s, len, &len);
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (c == ' ')
			continue;
		/* strchr() finds a NUL byte too: it is not one of them */
		if (!is_alpha(c) && !is_digit(c) &&
		    (c == '\0' || strchr("-_./#", c) == NULL))
			return 0;
		if (n + 1 >= outsz || n >= 64)
			return 0;
		out[n++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
	}
	if (n == 0)
		return 0;
	out[n] = '\0';
	return n;
}

/* ICAO 9303 check digit: weights 7, 3, 1; A = 10 ... Z = 35; '<' = 0. */
int
norm_icao_check(const char *s, size_t n)
{
	static const int w[3] = { 7, 3, 1 };
	int sum = 0;

	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i], v;

		if (is_digit(c))
			v = c - '0';
		else if (c >= 'A' && c <= 'Z')
			v = c - 'A' + 10;
		else if (c == '<')
			v = 0;
		else
			return -1;
		sum += v * w[i % 3];
	}
	return sum % 10;
}

/* Letters of German document serial numbers (no vowels, no B D Q S). */
static bool
de_doc_char(int c)
{
	return is_digit(c) ||
	       (c != 0 && strchr("CFGHJKLMNPRTVWXYZ", c) != NULL);
}

size_t
norm_de_iddoc(const char *s, size_t len, char *out, size_t outsz)
{
	char t[10];
	size_t n = 0;

	s = trim_in(s, len, &len);
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (c == ' ')
			continue;
		if (n == sizeof(t))
			return 0;
		t[n++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
	}
	if (n != 10 || outsz < 11)
		return 0;
	/* ID card since 2010: L M N P R T V W X Y; passport: C F G H J K */
	if (strchr("LMNPRTVWXYCFGHJK", t[0]) == NULL)
		return 0;
	for (size_t i = 1; i < 9; i++) {
		if (!de_doc_char((unsigned char)t[i]))
			return 0;
	}
	if (!is_digit((unsigned char)t[9]) ||
	    norm_icao_check(t, 9) != t[9] - '0')
		return 0;
	memcpy(out, t, 10);
	out[10] = '\0';
	return 10;
}
