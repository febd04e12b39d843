/* SPDX-License-Identifier: MIT */
/*
 * scan/detect.c: anchored detectors with validators.  Per STYLE 3.11 and
 * leak-data.md 3.5/3.7, structured PII is found by a hand-written pass
 * anchored on '@', digits, '+', '$' and capital letters, then validated;
 * Vectorscan runs only the Art. 9 literal dictionaries, over whole blocks.
 */
#include "base/base.h"

#include <hs/hs.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "scan/detect.h"
#include "scan/normalize.h"

enum {
	COLS_MAX = SCAN_STATE_COLS,
	COLNAME_MAX = SCAN_STATE_COLNAME,
	KW_HITS_MAX = 1 << 16,
};

enum ctx {
	CTX_NONE,
	CTX_LOGIN,
	CTX_NAME,
	CTX_DOB,
	CTX_PASSWORD,
	CTX_HASH,
	CTX_STREET,
	CTX_TAXID,
	CTX_NOHASH,
	CTX_IDDOC, /* ID card or passport number (before "pass") */
	CTX_CUSTNO /* customer, client, member, contract or account number */
};

struct kw_hit {
	size_t off;   /* end offset in the block */
	size_t start; /* start offset */
	unsigned id;
	bool done; /* emitted with its field, or not an indicator */
};

struct scan_engine {
	struct scan_state st;
	uint64_t rec, line, rec_line;
	unsigned col_id; /* column identity for hits */
	scan_hit_fn fn;
	void *fctx;
	struct kw_hit *kw;
	size_t kw_n, kw_i;
	const char *blk;
	size_t blk_len;
	bool blk_clean;   /* no NUL byte in blk[0..blk_len) */
	bool blk_noquote; /* no '"' in it (CSV: no line needs a quote pass) */
	size_t room;      /* bytes readable from the start of the field in
	                     scan_text() (to the end of the block) */
	hs_scratch_t *scratch;
	char val[NORM_MAX];
	char raw[64];        /* det_iban(): the IBAN without its blanks */
	struct scan_hit hit; /* emit(): not on the stack, where its address
	                        would give every detector a stack protector */
};

#define X(e, s, l) s,
static const char *const cat_names[] = { SCAN_CAT_LIST(X) };
#undef X
#define X(e, s, l) l,
static const char *const cat_labels[] = { SCAN_CAT_LIST(X) };
#undef X
#define X(e, s) s,
static const char *const fmt_names[] = { SCAN_FORMAT_LIST(X) };
#undef X
static_assert(nitems(cat_names) == SCAN_CAT__MAX, "category names");
static_assert(nitems(fmt_names) == SCAN_FMT__MAX, "format names");

const char *
scan_cat_name(unsigned c)
{
	return c < SCAN_CAT__MAX ? cat_names[c] : "?";
}

const char *
scan_cat_label(unsigned c)
{
	return c < SCAN_CAT__MAX ? cat_labels[c] : "?";
}

const char *
scan_format_name(unsigned f)
{
	return f < SCAN_FMT__MAX ? fmt_names[f] : "?";
}

/*
 * Art. 9 keyword dictionaries, German and English, matched caseless on
 * word boundaries.  Deliberately specific: a single word like "union" or
 * "party" would flag ordinary text.
 */
static const struct {
	const char *kw;
	unsigned cat;
} keywords[] = {
	{ "diagnose", SCAN_CAT_HEALTH },
	{ "diagnosis", SCAN_CAT_HEALTH },
	{ "krankheit", SCAN_CAT_HEALTH },
	{ "erkrankung", SCAN_CAT_HEALTH },
	{ "hiv", SCAN_CAT_HEALTH },
	{ "diabetes", SCAN_CAT_HEALTH },
	{ "depression", SCAN_CAT_HEALTH },
	{ "therapie", SCAN_CAT_HEALTH },
	{ "therapy", SCAN_CAT_HEALTH },
	{ "medikation", SCAN_CAT_HEALTH },
	{ "medication", SCAN_CAT_HEALTH },
	{ "schwangerschaft", SCAN_CAT_HEALTH },
	{ "pregnancy", SCAN_CAT_HEALTH },
	{ "krebs", SCAN_CAT_HEALTH },
	{ "cancer", SCAN_CAT_HEALTH },
	{ "blutgruppe", SCAN_CAT_HEALTH },
	{ "blood type", SCAN_CAT_HEALTH },
	{ "behinderung", SCAN_CAT_HEALTH },
	{ "disability", SCAN_CAT_HEALTH },
	{ "icd-10", SCAN_CAT_HEALTH },
	{ "krankenkasse", SCAN_CAT_HEALTH },
	{ "religion", SCAN_CAT_RELIGION },
	{ "konfession", SCAN_CAT_RELIGION },
	{ "kirchensteuer", SCAN_CAT_RELIGION },
	{ "katholisch", SCAN_CAT_RELIGION },
	{ "catholic", SCAN_CAT_RELIGION },
	{ "evangelisch", SCAN_CAT_RELIGION },
	{ "muslim", SCAN_CAT_RELIGION },
	{ "jewish", SCAN_CAT_RELIGION },
	{ "j\xc3\xbc"
	  "disch",
	    SCAN_CAT_RELIGION },
	{ "religious", SCAN_CAT_RELIGION },
	{ "parteimitglied", SCAN_CAT_POLITICAL },
	{ "parteimitgliedschaft", SCAN_CAT_POLITICAL },
	{ "political opinion", SCAN_CAT_POLITICAL },
	{ "political party", SCAN_CAT_POLITICAL },
	{ "politische meinung", SCAN_CAT_POLITICAL },
	{ "sexual orientation", SCAN_CAT_SEXUAL },
	{ "sexuelle orientierung", SCAN_CAT_SEXUAL },
	{ "homosexual", SCAN_CAT_SEXUAL },
	{ "homosexuell", SCAN_CAT_SEXUAL },
	{ "bisexual", SCAN_CAT_SEXUAL },
	{ "bisexuell", SCAN_CAT_SEXUAL },
	{ "lesbian", SCAN_CAT_SEXUAL },
	{ "lesbisch", SCAN_CAT_SEXUAL },
	{ "transgender", SCAN_CAT_SEXUAL },
	{ "gewerkschaft", SCAN_CAT_UNION },
	{ "gewerkschaftsmitglied", SCAN_CAT_UNION },
	{ "trade union", SCAN_CAT_UNION },
	{ "union member", SCAN_CAT_UNION },
	{ "ig metall", SCAN_CAT_UNION },
	{ "ver.di", SCAN_CAT_UNION },
	{ "fingerprint", SCAN_CAT_BIOMETRIC },
	{ "fingerabdruck", SCAN_CAT_BIOMETRIC },
	{ "biometric", SCAN_CAT_BIOMETRIC },
	{ "biometrisch", SCAN_CAT_BIOMETRIC },
	{ "iris scan", SCAN_CAT_BIOMETRIC },
	{ "face template", SCAN_CAT_BIOMETRIC },
	{ "gesichtserkennung", SCAN_CAT_BIOMETRIC },
};

static hs_database_t *kw_db;

static hs_database_t *
kw_database(void)
{
	const char *exprs[nitems(keywords)];
	unsigned flags[nitems(keywords)], ids[nitems(keywords)];
	size_t lens[nitems(keywords)];
	hs_compile_error_t *ce = NULL;

	if (kw_db != NULL)
		return kw_db;
	for (size_t i = 0; i < nitems(keywords); i++) {
		exprs[i] = keywords[i].kw;
		lens[i] = strlen(keywords[i].kw);
		flags[i] = HS_FLAG_CASELESS;
		ids[i] = (unsigned)i;
	}
	if (hs_compile_lit_multi(exprs, flags, ids, lens,
	        (unsigned)nitems(keywords), HS_MODE_BLOCK, NULL, &kw_db,
	        &ce) != HS_SUCCESS) {
		hs_free_compile_error(ce);
		BUG("keyword dictionary does not compile");
	}
	return kw_db;
}

struct scan_engine *
scan_engine_new(scan_hit_fn fn, void *ctx)
{
	struct scan_engine *e = xcalloc(1, sizeof(*e));

	e->fn = fn;
	e->fctx = ctx;
	e->st.fmt = SCAN_FMT_TEXT;
	e->kw = xmalloc(KW_HITS_MAX * sizeof(*e->kw));
	if (hs_alloc_scratch(kw_database(), &e->scratch) != HS_SUCCESS)
		BUG("hs_alloc_scratch");
	return e;
}

void
scan_engine_free(struct scan_engine *e)
{
	if (e == NULL)
		return;
	hs_free_scratch(e->scratch);
	free(e->kw);
	free(e);
}

uint64_t
scan_engine_records(const struct scan_engine *e)
{
	return e->rec;
}

uint64_t
scan_engine_lines_seen(const struct scan_engine *e)
{
	return e->line;
}

enum scan_format
scan_engine_sniff_format(const struct scan_engine *e)
{
	return e->st.fmt;
}

char
scan_engine_delim(const struct scan_engine *e)
{
	return e->st.delim;
}

void
scan_engine_skip_lines(struct scan_engine *e, uint64_t n)
{
	e->line += n;
}

static const char *mem_find(const char *, size_t, const char *, size_t);
static void kw_span(
    struct scan_engine *, const char *, size_t, bool, const char *);

/* ---- byte classes ---------------------------------------------------- */

enum {
	C_DIGIT = 1,
	C_UPPER = 2,
	C_LOWER = 4,
	C_HEX = 8,
	C_LOCAL = 16, /* e-mail local part, practical set */
	C_DOMAIN = 32,
	C_TRIG = 64,  /* starts a detector */
	C_CRYPT = 128 /* characters of a crypt(3) string */
};

static unsigned char cls[256];

static void
cls_init(void)
{
	if (cls['0'] != 0)
		return;
	for (int c = 0; c < 256; c++) {
		unsigned char v = 0;

		if (c >= '0' && c <= '9')
			v |= C_DIGIT | C_HEX | C_LOCAL | C_DOMAIN | C_TRIG |
			     C_CRYPT;
		if (c >= 'A' && c <= 'Z')
			v |= C_UPPER | C_LOCAL | C_DOMAIN | C_CRYPT;
		if (c >= 'a' && c <= 'z')
			v |= C_LOWER | C_LOCAL | C_DOMAIN | C_CRYPT;
		if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
			v |= C_HEX | C_TRIG;
		if (c >= 0x80)
			v |= C_LOCAL | C_DOMAIN;
		if (c == '.' || c == '-')
			v |= C_LOCAL | C_DOMAIN;
		if (c == '_' || c == '%' || c == '+')
			v |= C_LOCAL;
		if (c == '@' || c == '+' || c == '$' || (c >= 'A' && c <= 'Z'))
			v |= C_TRIG;
		if (c == '.' || c == '/' || c == '$' || c == '=' || c == ',' ||
		    c == '+' || c == '-')
			v |= C_CRYPT;
		cls[c] = v;
	}
}

#define IS(c, k) ((cls[(unsigned char)(c)] & (k)) != 0)
#define ALNUM(c) IS(c, C_DIGIT | C_UPPER | C_LOWER)

static void
emit(struct scan_engine *e, unsigned cat, const char *v, size_t n,
    const char *col)
{
	struct scan_hit *h = &e->hit;

	h->cat = cat;
	h->val = v;
	h->len = n;
	h->col = col;
	h->col_id = col != NULL ? e->col_id : 0;
	h->rec = e->rec;
	h->line = e->rec_line;
	e->fn(e->fctx, h);
}

/* ---- runs of a byte class --------------------------------------------- */

enum run {
	RUN_HEX,
	RUN_ALNUM,
	RUN_DIGIT_DOT,
	RUN_DOMAIN,
	RUN_DIGIT_UPPER,
	RUN_LOCAL,
	RUN_CRYPT, /* counts '$' instead of '.' */
	RUN_DIGIT
};

static inline bool
run_byte(unsigned char c, enum run k)
{
	switch (k) {
	case RUN_HEX:
		return IS(c, C_HEX);
	case RUN_ALNUM:
		return ALNUM(c);
	case RUN_DIGIT_DOT:
		return IS(c, C_DIGIT) || c == '.';
	case RUN_DOMAIN:
		return IS(c, C_DOMAIN);
	case RUN_DIGIT_UPPER:
		return IS(c, C_DIGIT | C_UPPER);
	case RUN_LOCAL:
		return IS(c, C_LOCAL);
	case RUN_CRYPT:
		return IS(c, C_CRYPT);
	case RUN_DIGIT:
		return IS(c, C_DIGIT);
	}
	return false;
}

#ifdef __SSE2__
/* Bit k set when p[k] is of class `k`, for 16 bytes; the dots in *dots.
 * (<emmintrin.h> drags in the allocator (banned.h): vector types.) */
typedef char v16c __attribute__((vector_size(16)));
typedef unsigned char v16u __attribute__((vector_size(16)));

static inline unsigned
run_mask16(const char *p, enum run k, unsigned *dots)
{
	v16u x, lx;
	v16c dig, m;

	memcpy(&x, p, 16);
	lx = x | 0x20; /* A-Z to a-z; no other byte lands on a-z */
	dig = (v16c)((v16u)(x - '0') <= 9);
	switch (k) {
	case RUN_HEX:
		m = dig | (v16c)((v16u)(lx - 'a') <= 5);
		break;
	case RUN_ALNUM:
		m = dig | (v16c)((v16u)(lx - 'a') <= 25);
		break;
	case RUN_DOMAIN: /* letters, digits, UTF-8, '.', '-' */
		m = dig | (v16c)((v16u)(lx - 'a') <= 25) | (v16c)(x >= 0x80) |
		    (v16c)(x == '.') | (v16c)(x == '-');
		break;
	case RUN_DIGIT_UPPER:
		m = dig | (v16c)((v16u)(x - 'A') <= 25);
		break;
	case RUN_LOCAL: /* the domain's bytes and _ % + */
		m = dig | (v16c)((v16u)(lx - 'a') <= 25) | (v16c)(x >= 0x80) |
		    (v16c)(x == '.') | (v16c)(x == '-') | (v16c)(x == '_') |
		    (v16c)(x == '%') | (v16c)(x == '+');
		break;
	case RUN_CRYPT: /* letters, digits and . / $ = , + - */
		m = (v16c)(x == '$');
		*dots = (unsigned)__builtin_ia32_pmovmskb128(m);
		m |= dig | (v16c)((v16u)(lx - 'a') <= 25) | (v16c)(x == '.') |
		     (v16c)(x == '/') | (v16c)(x == '=') | (v16c)(x == ',') |
		     (v16c)(x == '+') | (v16c)(x == '-');
		break;
	case RUN_DIGIT:
		m = dig;
		break;
	case RUN_DIGIT_DOT:
	default:
		m = (v16c)(x == '.');
		*dots = (unsigned)__builtin_ia32_pmovmskb128(m);
		m |= dig;
		break;
	}
	return (unsigned)__builtin_ia32_pmovmskb128(m);
}
#endif

/* Set bits of a byte. */
#define B2(n) n, n + 1, n + 1, n + 2
#define B4(n) B2(n), B2(n + 1), B2(n + 1), B2(n + 2)
#define B6(n) B4(n), B4(n + 1), B4(n + 1), B4(n + 2)
static const unsigned char bits8[256] = { B6(0), B6(1), B6(1), B6(2) };
#undef B2
#undef B4
#undef B6

/* Set bits of a 16-bit mask (no POPCNT in the baseline x86-64): two
 * table loads instead of the SWAR sum's dozen instructions. */
static inline size_t
popcount16(unsigned x)
{
	return (size_t)bits8[x & 0xff] + bits8[(x >> 8) & 0xff];
}

/*
 * Where the run of class `k` bytes from p[i] ends, at most n; with
 * RUN_DIGIT_DOT the dots in it are added to *dots (RUN_CRYPT: '$').  16 bytes at a time
 * while `room` (>= n) bytes from p may be read: one loop exit per run
 * instead of a branch per byte, which the CPU cannot predict.
 */
static inline size_t
run_end(
    const char *p, size_t i, size_t n, size_t room, enum run k, size_t *dots)
{
#ifdef __SSE2__
	while (i < n && i + 16 <= room) {
		unsigned dm = 0, m = run_mask16(p + i, k, &dm);
		unsigned stop = ~m & 0xffff;
		size_t len = stop != 0 ? (size_t)__builtin_ctz(stop) : 16;

		if (len > n - i)
			len = n - i;
		if (dots != NULL)
			*dots += popcount16(dm & ((1u << len) - 1));
		i += len;
		if (len < 16)
			return i;
	}
#endif
	while (i < n && run_byte((unsigned char)p[i], k)) {
		if (dots != NULL)
			*dots += p[i] == (k == RUN_CRYPT ? '$' : '.');
		i++;
	}
	return i;
}

/* Where the run of class `k` bytes that ends at p[a) begins, at least 0
 * (only bytes of p[0..a) are read). */
static inline size_t
run_begin(const char *p, size_t a, enum run k)
{
#ifdef __SSE2__
	while (a >= 16) {
		unsigned dm = 0, m = run_mask16(p + a - 16, k, &dm);
		unsigned stop = ~m & 0xffff;

		if (stop != 0) /* just after the last byte not in the class */
			return a - 16 + (size_t)(32 - __builtin_clz(stop));
		a -= 16;
	}
#endif
	while (a > 0 && run_byte((unsigned char)p[a - 1], k))
		a--;
	return a;
}

/* ---- the individual detectors ---------------------------------------- */

/* The address p[0..n) found as runs, its '@' at `at`: normalised and
 * emitted when valid; keywords inside it are not Art. 9 indicators. */
static void
email_emit(
    struct scan_engine *e, const char *p, size_t n, size_t at, const char *col)
{
	size_t len = norm_email_runs(p, n, at, e->val, sizeof(e->val));

	if (len > 0) {
		emit(e, SCAN_CAT_EMAIL, e->val, len, col);
		if (e->kw_i < e->kw_n)
			kw_span(e, p, n, false, NULL);
	}
}

/* '@' at p[i]: expand both ways; returns the end of what was consumed. */
static size_t
det_email(
    struct scan_engine *e, const char *p, size_t n, size_t i, const char *col)
{
	size_t a = i, b = i + 1;

	a = run_begin(p, a, RUN_LOCAL);
	b = run_end(p, b, n, e->room, RUN_DOMAIN, NULL);
	while (b > i + 1 && (p[b - 1] == '.' || p[b - 1] == '-'))
		b--;
	while (a < i && p[a] == '.')
		a++;
	if (a == i || b - a > 254)
		return i + 1;
	email_emit(e, p + a, b - a, i - a, col);
	return b;
}

/* Rare, and out of line: its buffer would give scan_text() a stack
 * protector check per call. */
static bool __attribute__((noinline)) hex_context(const char *p, size_t start)
{
	static const char *const words[] = { "hash", "md5", "sha", "ntlm",
		"pass", "pwd", "kennwort" };
	size_t from = start > 48 ? start - 48 : 0;
	char t[49];
	size_t n = start - from;

	for (size_t i = 0; i < n; i++)
		t[i] = (char)(IS(p[from + i], C_UPPER) ? p[from + i] + 32
		                                       : p[from + i]);
	t[n] = '\0';
	for (size_t i = 0; i < nitems(words); i++) {
		if (strstr(t, words[i]) != NULL)
			return true;
	}
	return false;
}

/*
 * A hex run p[i..j) of hash length: digits and letters, one case.  Eight
 * bytes at a time: in hex, 0x40 is clear in digits only, and of the
 * letters 0x20 is set in the lower-case ones.
 */
static bool
hex_is_hash(const char *p, size_t i, size_t j)
{
	size_t len = j - i;
	uint64_t all = ~0ull, any = 0, upper = 0, lower = 0;

	if (len != 32 && len != 40 && len != 64 && len != 128)
		return false;
	for (size_t k = i; k < j; k += 8) {
		uint64_t w;

		memcpy(&w, p + k, 8);
		all &= w;
		any |= w;
		upper |= w & ~(w << 1);
		lower |= w & w << 1;
	}
	return (all & 0x4040404040404040ull) != 0x4040404040404040ull &&
	       (any & 0x4040404040404040ull) != 0 &&
	       ((upper & 0x4040404040404040ull) == 0 ||
	           (lower & 0x4040404040404040ull) == 0);
}

/* Is s[0..len) with `dollars` '$' a known crypt(3) format? */
static bool
crypt_shape_ok(const char *s, size_t len, size_t dollars)
{
	if (len == 60 && s[1] == '2' && s[3] == '$' &&
	    (s[2] == 'a' || s[2] == 'b' || s[2] == 'x' || s[2] == 'y') &&
	    IS(s[4], C_DIGIT) && IS(s[5], C_DIGIT) && s[6] == '$')
		return dollars == 3; /* bcrypt */
	if (len > 30 && memcmp(s, "$argon2", 7) == 0)
		return dollars >= 5;
	if (len > 30 &&
	    (memcmp(s, "$scrypt$", 8) == 0 || memcmp(s, "$7$", 3) == 0 ||
	        memcmp(s, "$y$", 3) == 0))
		return dollars >= 3;
	if (memcmp(s, "$1$", 3) == 0 || memcmp(s, "$5$", 3) == 0 ||
	    memcmp(s, "$6$", 3) == 0)
		return dollars >= 3; /* md5crypt, sha256crypt, sha512crypt */
	return false;
}

#ifdef __SSE2__
/*
 * The common crypt(3) string, bcrypt ($2a$ $2b$ $2x$ $2y$, two cost
 * digits, '$', 53 characters of [./A-Za-z0-9]), at p[i] with 64 bytes
 * readable: the end of the run det_crypt() would take (i + 60) when it
 * is one, else 0.  The 53 characters hold no '$', so the run's three
 * dollars are the prefix's; the run ends at i + 60 when the next byte
 * is not a crypt(3) byte.
 */
static inline size_t
bcrypt_at(const char *p, size_t n, size_t i)
{
	uint64_t ok = 0;

	if (n - i < 60 || p[i + 1] != '2' || p[i + 3] != '$' ||
	    p[i + 6] != '$' || !IS(p[i + 4], C_DIGIT) ||
	    !IS(p[i + 5], C_DIGIT) ||
	    (p[i + 2] != 'a' && p[i + 2] != 'b' && p[i + 2] != 'x' &&
	        p[i + 2] != 'y') ||
	    (n - i > 60 && IS(p[i + 60], C_CRYPT)))
		return 0;
	for (size_t k = 0; k < 4; k++) {
		v16u x, lx;

		memcpy(&x, p + i + 16 * k, 16);
		lx = x | 0x20;
		ok |= (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(
		          (v16c)((v16u)(x - '0') <= 9) |
		          (v16c)((v16u)(lx - 'a') <= 25) | (v16c)(x == '.') |
		          (v16c)(x == '/'))
		      << 16 * k;
	}
	/* bytes 7..59 */
	return (ok & 0x0fffffffffffff80ull) == 0x0fffffffffffff80ull ? i + 60
	                                                             : 0;
}
#endif

/* '$' at p[i]: a crypt(3)-style hash (bcrypt, argon2, scrypt, sha-crypt). */
static size_t
det_crypt(
    struct scan_engine *e, const char *p, size_t n, size_t i, const char *col)
{
	size_t j, dollars = 0, len;
	bool ok = false;

#ifdef __SSE2__
	if (e->room - i >= 64 && (j = bcrypt_at(p, n, i)) != 0) {
		memcpy(e->val, p + i, 64);
		e->val[60] = '\0';
		emit(e, SCAN_CAT_HASH, e->val, 60, col);
		return j;
	}
#endif
	j = run_end(p, i, n, e->room, RUN_CRYPT, &dollars);
	len = j - i;
	if (len < 20 || len >= NORM_MAX)
		return i + 1;
	ok = crypt_shape_ok(p + i, len, dollars);
	if (!ok)
		return i + 1;
	if (len <= 64 && e->room - i >= 64) /* bcrypt: one fixed-size copy */
		memcpy(e->val, p + i, 64);
	else
		memcpy(e->val, p + i, len);
	e->val[len] = '\0';
	emit(e, SCAN_CAT_HASH, e->val, len, col);
	return j;
}

/* Out of line, as hex_context(). */
static bool __attribute__((noinline)) street_before(const char *p, size_t at)
{
	static const char *const sfx[] = { "str", "weg", "platz", "allee",
		"gasse", "ring", "damm", "ufer", "chaussee" };
	size_t from = at > 80 ? at - 80 : 0;
	char t[81];
	size_t n = at - from;

	for (size_t i = 0; i < n; i++)
		t[i] = (char)(IS(p[from + i], C_UPPER) ? p[from + i] + 32
		                                       : p[from + i]);
	t[n] = '\0';
	for (size_t i = 0; i < nitems(sfx); i++) {
		if (strstr(t, sfx[i]) != NULL)
			return true;
	}
	return false;
}

/* A digit or '+' at p[i] at a token start: card, tax ID, phone, IPv4,
 * postcode + city. */
static size_t
det_number(struct scan_engine *e, const char *p, size_t n, size_t i,
    const char *col, size_t dd_end, size_t dd_dots)
{
	size_t j = i, digits = 0, len, tok;
	bool seps = false;

	if (p[j] == '+')
		j++;
	/* IPv4 first: digits and dots (dd_end: the caller found the run) */
	if (j < n && IS(p[j], C_DIGIT)) {
		size_t dots = dd_dots, k = dd_end;

		if (k == SIZE_MAX)
			k = run_end(p, j, n, e->room, RUN_DIGIT_DOT, &dots);

		if (dots > 0 && p[i] != '+') {
			if (dots == 3 && (k >= n || !ALNUM(p[k])) &&
			    p[k - 1] != '.') {
				len = norm_ip(
				    p + i, k - i, e->val, sizeof(e->val));
				if (len > 0)
					emit(e, SCAN_CAT_IP, e->val, len, col);
			}
			return k;
		}
		if (dots == 0) { /* the digits just seen: not read again */
			digits = k - j;
			j = k;
		}
	}
	while (j < n) {
		if (IS(p[j], C_DIGIT)) { /* a group of digits in one go */
			size_t k =
			    run_end(p, j + 1, n, e->room, RUN_DIGIT, NULL);

			digits += k - j;
			j = k;
		} else if ((p[j] == ' ' || p[j] == '-' || p[j] == '/' ||
		               p[j] == '(' || p[j] == ')') &&
		           j + 1 < n &&
		           (IS(p[j + 1], C_DIGIT) || p[j + 1] == '(' ||
		               p[j + 1] == ' ') &&
		           digits < 20) {
			seps = true;
			j++;
		} else {
			break;
		}
	}
	while (j > i && !IS(p[j - 1], C_DIGIT))
		j--;
	if (j < n && (ALNUM(p[j]) || p[j] == '@'))
		return j;
	if (digits >= 13 && digits <= 19 && p[i] != '+' && p[i] != '0') {
		len = norm_card(p + i, j - i, e->val, sizeof(e->val));
		if (len > 0) {
			emit(e, SCAN_CAT_CARD, e->val, len, col);
			return j;
		}
	}
	if (digits == 11 && !seps) {
		len = norm_taxid(p + i, j - i, e->val, sizeof(e->val));
		if (len > 0) {
			emit(e, SCAN_CAT_TAX_ID, e->val, len, col);
			return j;
		}
	}
	if (p[i] == '+' || p[i] == '0') {
		len = norm_phone(p + i, j - i, e->val, sizeof(e->val));
		if (len > 0) {
			emit(e, SCAN_CAT_PHONE, e->val, len, col);
			return j;
		}
		/* the first blank-separated token alone */
		tok = i + 1;
		while (tok < j && p[tok] != ' ')
			tok++;
		if (tok < j) {
			len =
			    norm_phone(p + i, tok - i, e->val, sizeof(e->val));
			if (len > 0) {
				emit(e, SCAN_CAT_PHONE, e->val, len, col);
				return tok;
			}
		}
	}
	if (digits == 5 && !seps && j + 2 < n && p[j] == ' ' &&
	    IS(p[j + 1], C_UPPER) && street_before(p, i)) {
		size_t k = j + 1;

		while (k < n && k - i < 64 &&
		       (IS(p[k], C_UPPER | C_LOWER) ||
		           (unsigned char)p[k] >= 0x80 || p[k] == '-'))
			k++;
		memcpy(e->val, p + i, k - i);
		e->val[k - i] = '\0';
		emit(e, SCAN_CAT_ADDRESS, e->val, k - i, col);
		return k;
	}
	return j > i ? j : i + 1;
}

/* A capital at a token start: an IBAN (spaces in groups allowed). */
static size_t
det_iban(
    struct scan_engine *e, const char *p, size_t n, size_t i, const char *col)
{
	char *raw = e->raw;
	size_t j, m, run, len;

	if (i + 15 > n || !IS(p[i + 1], C_UPPER) || !IS(p[i + 2], C_DIGIT) ||
	    !IS(p[i + 3], C_DIGIT))
		return i + 1;
	/* the first run of capitals and digits in one go */
	j = run_end(
	    p, i, n < i + 34 ? n : i + 34, e->room, RUN_DIGIT_UPPER, NULL);
	m = run = j - i;
	if (e->room - i >= 48) /* m <= 34: one fixed-size copy */
		memcpy(raw, p + i, 48);
	else
		memcpy(raw, p + i, m);
	while (j < n && m < 34) {
		if (IS(p[j], C_DIGIT | C_UPPER)) {
			raw[m++] = p[j++];
		} else if (p[j] == ' ' && j + 1 < n &&
		           IS(p[j + 1], C_DIGIT | C_UPPER) && (m % 4) == 0) {
			j++;
		} else {
			break;
		}
	}
	/* the country's length: trailing capitals may be a BIC */
	len = norm_iban_prefix(raw, m, e->val, sizeof(e->val));
	if (len > 0) {
		size_t end = i, c = 0;

		if (len <= run) {
			end = i + len; /* no blanks in it */
		} else {
			while (c < len) {
				if (p[end] != ' ')
					c++;
				end++;
			}
		}
		if (end < n && IS(p[end], C_LOWER | C_DIGIT))
			return j;
		emit(e, SCAN_CAT_IBAN, e->val, len, col);
		return end;
	}
	return j > i + 1 ? j : i + 1;
}

/* Hex run at p[i]: a hash when `hex` allows (context), or an IPv6. */
static size_t
det_hex(struct scan_engine *e, const char *p, size_t n, size_t i, bool hex,
    const char *col)
{
	size_t j = run_end(p, i, n, e->room, RUN_HEX, NULL), len;

	if (j < n && p[j] == ':') {
		size_t k = i, colons = 0;
		bool dbl = false;

		while (
		    k < n && (IS(p[k], C_HEX) || p[k] == ':' || p[k] == '.')) {
			if (p[k] == ':') {
				colons++;
				if (k > i && p[k - 1] == ':')
					dbl = true;
			}
			k++;
		}
		if (colons >= 2 && (dbl || colons == 7) &&
		    (k >= n || !ALNUM(p[k])) && k - i <= 45) {
			len = norm_ip(p + i, k - i, e->val, sizeof(e->val));
			if (len > 0) {
				emit(e, SCAN_CAT_IP, e->val, len, col);
				return k;
			}
		}
	}
	if (j < n && ALNUM(p[j]))
		return j;
	if (hex_is_hash(p, i, j) && (hex || hex_context(p, i))) {
		len = j - i;
		memcpy(e->val, p + i, len);
		e->val[len] = '\0';
		emit(e, SCAN_CAT_HASH, e->val, len, col);
	}
	return j;
}

/*
 * The hex run from p[i] (its end), and when p[i] is a digit and the run
 * of digits and dots from it ends within the same 16 bytes, that run's
 * end and dots too (else *dd_end stays SIZE_MAX): one load for the two
 * probes every number starts with.
 */
static inline size_t
num_probe(const char *p, size_t i, size_t n, size_t room, size_t *dd_end,
    size_t *dd_dots)
{
#ifdef __SSE2__
	if (i < n && i + 16 <= room) {
		v16u x, lx;
		v16c dig, dot;
		unsigned hm, dm, om, hs, ds;
		size_t hl, dl;

		memcpy(&x, p + i, 16);
		lx = x | 0x20;
		dig = (v16c)((v16u)(x - '0') <= 9);
		dot = (v16c)(x == '.');
		hm = (unsigned)__builtin_ia32_pmovmskb128(
		    dig | (v16c)((v16u)(lx - 'a') <= 5));
		om = (unsigned)__builtin_ia32_pmovmskb128(dot);
		dm = (unsigned)__builtin_ia32_pmovmskb128(dig | dot);
		hs = ~hm & 0xffff;
		ds = ~dm & 0xffff;
		if (hs == 0 && i + 16 >= n)
			return n;
		if (hs == 0) /* a hex run of 16 or more */
			return run_end(p, i + 16, n, room, RUN_HEX, NULL);
		hl = (size_t)__builtin_ctz(hs);
		if (ds != 0 && (dm & 1) != 0 && p[i] != '.') {
			dl = (size_t)__builtin_ctz(ds);
			if (dl > n - i)
				dl = n - i;
			*dd_end = i + dl;
			*dd_dots = popcount16(om & ((1u << dl) - 1));
		}
		return hl > n - i ? n : i + hl;
	}
#endif
	return run_end(p, i, n, room, RUN_HEX, NULL);
}

/* A field of the block may be read on to the block's end (run_end). */
static inline void
set_room(struct scan_engine *e, const char *p, size_t n)
{
	uintptr_t at = (uintptr_t)p - (uintptr_t)e->blk;

	e->room =
	    at <= e->blk_len && e->blk_len - at >= n ? e->blk_len - at : n;
}

/*
 * The generic pass over a field or line.  `hex` says a bare hex string of
 * hash length is a hash here (credential context).
 */
static void
scan_text(
    struct scan_engine *e, const char *p, size_t n, bool hex, const char *col)
{
	size_t i = 0;

	set_room(e, p, n);
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		bool start;

		if (!IS(c, C_TRIG)) {
			/* nothing starts inside a run of letters and digits
			 * ('@' and '$' are not in it) */
			i++;
			if (ALNUM(c))
				i = run_end(p, i, n, e->room, RUN_ALNUM, NULL);
			continue;
		}
		if (c == '@') {
			i = det_email(e, p, n, i, col);
			continue;
		}
		if (c == '$') {
			i = det_crypt(e, p, n, i, col);
			continue;
		}
		start = i == 0 || !ALNUM(p[i - 1]);
		if (!start) {
			i = run_end(p, i + 1, n, e->room, RUN_ALNUM, NULL);
			continue;
		}
		if ((IS(c, C_DIGIT) || c == '+') && i > 0 && p[i - 1] == '.') {
			i++;
			continue;
		}
		if (IS(c, C_DIGIT) || c == '+') {
			size_t k, dd_end = SIZE_MAX, dd_dots = 0;

			k = num_probe(p, i, n, e->room, &dd_end, &dd_dots);

			if (c != '+' &&
			    ((k < n && p[k] == ':') || k - i >= 32) &&
			    k - i != 0) {
				size_t r = det_hex(e, p, n, i, hex, col);

				if (r > k || (r == k && k - i >= 32)) {
					i = r;
					continue;
				}
			}
			i = det_number(e, p, n, i, col, dd_end, dd_dots);
		} else if (IS(c, C_UPPER)) {
			size_t r = det_iban(e, p, n, i, col);

			if (r == i + 1 && IS(c, C_HEX))
				r = det_hex(e, p, n, i, hex, col);
			i = r;
		} else {
			i = det_hex(e, p, n, i, hex, col);
		}
	}
}

/* ---- context from headers and keys ----------------------------------- */

/*
 * A customer number has no shape of its own, so only its column or key
 * says what it is: `t` (the name lower-cased, without separators: kd_nr
 * and "Kd.-Nr." are "kdnr") ends in one of the words below followed by a
 * number word.  `id` says whether "...id" counts (customer_id yes,
 * contract_id no: a contract table's own row key); `prefix` whether words
 * may come before it (endkunde_nr, shop_customer_id; account only alone:
 * bank_account_no is a bank account).  Anything naming a bank account or
 * card (iban, bank, konto, card, karte, credit, kredit) is not one.
 */
static bool
custno_name(const char *t, size_t n)
{
	static const struct {
		const char *w;
		bool id, prefix;
	} who[] = {
		{ "customer", true, true },
		{ "cust", true, true },
		{ "kunden", true, true },
		{ "kunde", true, true },
		{ "kd", false, false },
		{ "client", true, true },
		{ "member", true, true },
		{ "mitglieds", true, true },
		{ "mitglied", true, true },
		{ "contract", false, true },
		{ "vertrags", false, true },
		{ "vertrag", false, true },
		{ "account", false, false },
	};
	static const char *const num[] = { "number", "nummer", "num", "no",
		"nr", "id" };
	static const char *const bankish[] = { "iban", "bank", "konto", "card",
		"karte", "credit", "kredit" };

	for (size_t i = 0; i < nitems(bankish); i++) {
		if (strstr(t, bankish[i]) != NULL)
			return false;
	}
	for (size_t k = 0; k < nitems(num); k++) {
		size_t kl = strlen(num[k]);
		bool id = k == nitems(num) - 1;

		if (kl >= n || memcmp(t + n - kl, num[k], kl) != 0)
			continue;
		for (size_t i = 0; i < nitems(who); i++) {
			size_t wl = strlen(who[i].w), stem = n - kl;

			if (wl > stem || (id && !who[i].id) ||
			    (!who[i].prefix && wl != stem) ||
			    memcmp(t + stem - wl, who[i].w, wl) != 0)
				continue;
			return true;
		}
	}
	return false;
}

static enum ctx
ctx_of(const char *name)
{
	char t[COLNAME_MAX];
	size_t n = 0;

	for (const char *s = name; *s != '\0' && n + 1 < sizeof(t); s++) {
		if (IS(*s, C_UPPER))
			t[n++] = (char)(*s + 32);
		else if (IS(*s, C_LOWER | C_DIGIT) || (unsigned char)*s >= 0x80)
			t[n++] = *s;
	}
	t[n] = '\0';
	if (n == 0)
		return CTX_NONE;
	if (strstr(t, "ausweis") || strstr(t, "passport") ||
	    strstr(t, "reisepass") || str_has_prefix(t, "passnr") ||
	    str_has_prefix(t, "passnummer") || strstr(t, "idcard") ||
	    strstr(t, "documentnumber") || strstr(t, "dokumentennummer"))
		return CTX_IDDOC;
	if (strstr(t, "hash") || str_has_prefix(t, "md5") ||
	    str_has_prefix(t, "sha") || str_has_prefix(t, "ntlm"))
		return strstr(t, "file") || strstr(t, "check") ? CTX_NOHASH
		                                               : CTX_HASH;
	if (strstr(t, "pass") || str_eq(t, "pwd") || strstr(t, "kennwort"))
		return CTX_PASSWORD;
	if (strstr(t, "birth") || strstr(t, "geburt") || str_eq(t, "dob") ||
	    str_eq(t, "gebdat") || str_eq(t, "gebdatum"))
		return CTX_DOB;
	if (strstr(t, "steuerid") || str_eq(t, "taxid") || str_eq(t, "idnr") ||
	    str_eq(t, "tin"))
		return CTX_TAXID;
	if (custno_name(t, n))
		return CTX_CUSTNO;
	if (strstr(t, "street") || strstr(t, "stra") || strstr(t, "address") ||
	    strstr(t, "adresse") || strstr(t, "anschrift"))
		return strstr(t, "mail") || strstr(t, "ip") ? CTX_NONE
		                                            : CTX_STREET;
	if (str_eq(t, "username") || str_eq(t, "login") || str_eq(t, "user"))
		return CTX_LOGIN;
	if (strstr(t, "session") || strstr(t, "token") || strstr(t, "uuid") ||
	    strstr(t, "guid") || strstr(t, "etag"))
		return CTX_NOHASH;
	if (str_eq(t, "name") || strstr(t, "firstname") ||
	    strstr(t, "lastname") || strstr(t, "vorname") ||
	    strstr(t, "nachname") || strstr(t, "fullname") ||
	    strstr(t, "surname") || strstr(t, "givenname") ||
	    strstr(t, "familyname") || str_eq(t, "nom"))
		return CTX_NAME;
	return CTX_NONE;
}

static bool
has_letter(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (IS(p[i], C_UPPER | C_LOWER) || (unsigned char)p[i] >= 0x80)
			return true;
	}
	return false;
}

static bool
has_digit(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (IS(p[i], C_DIGIT))
			return true;
	}
	return false;
}

/* A name: a letter and no '@' (one pass). */
static bool
name_ok(const char *p, size_t n)
{
	bool letter = false;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == '@')
			return false;
		letter = letter || IS(p[i], C_UPPER | C_LOWER) ||
		         (unsigned char)p[i] >= 0x80;
	}
	return letter;
}

/* Bytes readable at p: to the end of the block when p is in it, else 0. */
static inline size_t
blk_room(const struct scan_engine *e, const char *p)
{
	uintptr_t at = (uintptr_t)p - (uintptr_t)e->blk;

	return at <= e->blk_len ? e->blk_len - at : 0;
}

#ifdef __SSE2__
/* name_ok() on 16 readable bytes, n <= 16 of them the field. */
static inline bool
name_ok16(const char *p, size_t n)
{
	v16u x, lx;
	unsigned at, letter, lim = n >= 16 ? 0xffffu : (1u << n) - 1;

	memcpy(&x, p, 16);
	lx = x | 0x20;
	at = (unsigned)__builtin_ia32_pmovmskb128((v16c)(x == '@'));
	letter = (unsigned)__builtin_ia32_pmovmskb128(
	    (v16c)((v16u)(lx - 'a') <= 25) | (v16c)(x >= 0x80));
	return (at & lim) == 0 && (letter & lim) != 0;
}
#endif

#ifdef __SSE2__
/*
 * Would scan_text() find nothing in p[0..n), n <= 16 of 16 readable
 * bytes?  So when there is no digit, '@', '$' or ':' (every detector
 * needs one: an e-mail address its '@', crypt(3) its '$', numbers, IBANs
 * and hashes digits, IPv6 a colon), and when it is digits and '-' only,
 * at most ten digits, beginning with a digit other than '0', no "--":
 * det_number() walks it as one number (each '-' has a digit after it),
 * too few digits for a card or a tax ID, no '+' or '0' for a phone, a
 * separator so no postcode, too short for a hash (an id, a date).  The
 * fields of a dump are often such (ids, dates, cities, notes): this
 * saves the call.
 */
static inline bool
text_empty16(const char *p, size_t n)
{
	v16u x;
	unsigned dig, dash, other, lim = n >= 16 ? 0xffffu : (1u << n) - 1;

	memcpy(&x, p, 16);
	dig =
	    (unsigned)__builtin_ia32_pmovmskb128((v16c)((v16u)(x - '0') <= 9)) &
	    lim;
	other = (unsigned)__builtin_ia32_pmovmskb128(
	            (v16c)(x == '@') | (v16c)(x == '$') | (v16c)(x == ':')) &
	        lim;
	if (other != 0)
		return false;
	if (dig == 0)
		return true;
	dash = (unsigned)__builtin_ia32_pmovmskb128((v16c)(x == '-')) & lim;
	return (dig | dash) == lim && (dig & 1) != 0 && p[0] != '0' &&
	       (dash & dash >> 1) == 0 && (n <= 10 || popcount16(dig) <= 10);
}
#endif

static inline __attribute__((always_inline)) void
copy_val(struct scan_engine *e, unsigned cat, const char *p, size_t n,
    const char *col)
{
	size_t room;

	/* a NUL says binary garbage, not a name or a password (a block
	 * without NUL bytes is checked once, in scan_engine_lines()) */
	if (n == 0 || n >= sizeof(e->val))
		return;
	room = blk_room(e, p);
	if ((!e->blk_clean || room < n) && memchr(p, '\0', n) != NULL)
		return;
	/* short values in one fixed-size copy, no call (val has room) */
	static_assert(sizeof(e->val) >= 32, "val holds 32 bytes");
	if (n <= 16 && room >= 16)
		memcpy(e->val, p, 16);
	else if (n <= 32 && room >= 32)
		memcpy(e->val, p, 32);
	else
		memcpy(e->val, p, n);
	e->val[n] = '\0';
	emit(e, cat, e->val, n, col);
}

/* A credential value: a hash by shape, else a plaintext password. */
static void
credential(
    struct scan_engine *e, const char *p, size_t n, bool plain, const char *col)
{
	size_t j;

	if (n == 0)
		return;
	set_room(e, p, n);
	if (p[0] == '$') {
		if (det_crypt(e, p, n, 0, col) > 1)
			return;
	}
	j = run_end(p, 0, n, e->room, RUN_HEX, NULL);
	if ((j == n || p[j] == ':') && hex_is_hash(p, 0, j)) {
		copy_val(e, SCAN_CAT_HASH, p, j, col);
		return;
	}
	if (plain)
		copy_val(e, SCAN_CAT_PASSWORD, p, n, col);
}

/* norm_trim(), inlined: it runs on every field. */
static inline bool
trim_byte(char c)
{
	return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\r';
}

static const unsigned char trim_tab[256] = {
	[' '] = 1, ['\t'] = 1, ['"'] = 1, ['\''] = 1, ['\r'] = 1
};

static inline const char *
trim(const char *s, size_t len, size_t *outlen)
{
	/* most fields have nothing to trim: both ends in one test */
	if (len > 0 && (trim_tab[(unsigned char)s[0]] |
	                   trim_tab[(unsigned char)s[len - 1]]) == 0) {
		*outlen = len;
		return s;
	}
	while (len > 0 && trim_byte(s[0])) {
		s++;
		len--;
	}
	while (len > 0 && trim_byte(s[len - 1]))
		len--;
	*outlen = len;
	return s;
}

#ifdef __SSE2__
/* The top bits of four 16-byte comparison results as one 64-bit mask
 * (m0 first); written out with eq_mask64() and eq2_mask64(): their loop
 * was not unrolled at -O2. */
static inline __attribute__((always_inline)) uint64_t
movemask64(v16c m0, v16c m1, v16c m2, v16c m3)
{
	return (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(m0) |
	       (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(m1) << 16 |
	       (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(m2) << 32 |
	       (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(m3) << 48;
}
#endif

/* Bits k set when p[k] == a, and in *mb when p[k] == b, for k < 64: one
 * load of each 16 bytes for the two. */
static inline __attribute__((always_inline)) uint64_t
eq2_mask64(const char *p, char a, char b, uint64_t *mb)
{
#ifdef __SSE2__
	typedef char v16 __attribute__((vector_size(16)));
	v16 av = { 0 }, bv = { 0 }, x0, x1, x2, x3;

	av += a;
	bv += b;
	memcpy(&x0, p, 16);
	memcpy(&x1, p + 16, 16);
	memcpy(&x2, p + 32, 16);
	memcpy(&x3, p + 48, 16);
	*mb = movemask64(x0 == bv, x1 == bv, x2 == bv, x3 == bv);
	return movemask64(x0 == av, x1 == av, x2 == av, x3 == av);
#else
	uint64_t ma = 0, m2 = 0;

	for (unsigned k = 0; k < 64; k++) {
		ma |= (uint64_t)(p[k] == a) << k;
		m2 |= (uint64_t)(p[k] == b) << k;
	}
	*mb = m2;
	return ma;
#endif
}

/* Bit k set when p[k] == c, for k < 64 (SSE2 is part of x86-64). */
static inline __attribute__((always_inline)) uint64_t
eq_mask64(const char *p, char c)
{
#ifdef __SSE2__
	/* <emmintrin.h> drags in the allocator (banned.h): the builtin */
	typedef char v16 __attribute__((vector_size(16)));
	v16 cv = { 0 }, x0, x1, x2, x3;

	cv += c;
	/* written out: the loop was not unrolled at -O2 */
	memcpy(&x0, p, 16);
	memcpy(&x1, p + 16, 16);
	memcpy(&x2, p + 32, 16);
	memcpy(&x3, p + 48, 16);
	return movemask64(x0 == cv, x1 == cv, x2 == cv, x3 == cv);
#else
	uint64_t m = 0;

	for (unsigned k = 0; k < 64; k++)
		m |= (uint64_t)(p[k] == c) << k;
	return m;
#endif
}

#ifdef __SSE2__
/* Bits of the first n (<= 64) of 64 readable bytes at p: the local
 * part's [A-Za-z0-9.], the domain's letters, digits, . - and bytes >=
 * 0x80, and the dots. */
struct email_masks {
	uint64_t loc, dom, dot;
};

static inline __attribute__((always_inline)) void
email_masks64(const char *p, size_t n, struct email_masks *m)
{
	uint64_t loc = 0, more = 0, dot = 0;

	for (size_t k = 0; 16 * k < n; k++) {
		v16u x, lx;
		v16c d;

		memcpy(&x, p + 16 * k, 16);
		lx = x | 0x20;
		d = (v16c)(x == '.');
		loc |= (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(
		           (v16c)((v16u)(x - '0') <= 9) |
		           (v16c)((v16u)(lx - 'a') <= 25) | d)
		       << 16 * k;
		/* '-' and, from the top bit of x itself, bytes >= 0x80 */
		more |= (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(
		            (v16c)(x == '-') | (v16c)x)
		        << 16 * k;
		dot |= (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(d)
		       << 16 * k;
	}
	m->loc = loc;
	m->dom = loc | more;
	m->dot = dot;
}

/*
 * A field that is one e-mail address and nothing else, the common field
 * of an e-mail column: what scan_text() would find in it (that address
 * only), without its walk.  scan_text() walks the local part word by
 * word, trying an IBAN at a capital and a hash or IPv6 at a hex letter
 * and a number at a digit, reaches the '@' and hands the runs around it
 * to det_email(), which consumes the rest.  This takes only fields where
 * that walk provably finds nothing, and returns false for all others,
 * which scan_text() then walks: n <= 64 of 64 readable bytes; one '@' at
 * i, 1 <= i < 32 (no word of the local part is hash-long); the local part
 * letters, digits and dots only, not all dots, not starting with a digit
 * (a number), no word starting with two capitals and two digits (an
 * IBAN); the domain non-empty, of domain bytes, not ending in '.' or '-'
 * (det_email() would trim it and the walk go on).  Then det_email()'s
 * runs are the whole local part (from its first non-dot) and the whole
 * domain.  A unit test compares this with scan_text() on random fields.
 */
static bool __attribute__((noinline)) email_field_at(struct scan_engine *e,
    const char *p, size_t n, size_t i, uint64_t lim, const char *col)
{
	struct email_masks m;
	uint64_t lm, dm, ws;
	size_t a;

	if (i == 0 || i >= 32 || i + 1 >= n || p[n - 1] == '.' ||
	    p[n - 1] == '-' || IS(p[0], C_DIGIT))
		return false;
	email_masks64(p, n, &m);
	lm = (1ull << i) - 1;
	dm = lim & ~((2ull << i) - 1);
	if ((m.loc & lm) != lm || (m.dom & dm) != dm || (m.dot & lm) == lm)
		return false;
	/* word starts: a capital, a capital and two digits is an IBAN */
	ws = (1ull | m.dot << 1) & lm & ~m.dot;
	while (ws != 0) {
		size_t j = (size_t)__builtin_ctzll(ws);

		ws &= ws - 1;
		if (IS(p[j], C_UPPER) && IS(p[j + 1], C_UPPER) &&
		    IS(p[j + 2], C_DIGIT) && IS(p[j + 3], C_DIGIT))
			return false;
	}
	a = (size_t)__builtin_ctzll(~m.dot); /* leading dots */
	email_emit(e, p + a, n - a, i - a, col);
	return true;
}

/* The '@' test inline, the rest (one field a line) out of line. */
static inline __attribute__((always_inline)) bool
email_field(struct scan_engine *e, const char *p, size_t n, const char *col)
{
	uint64_t lim, at;

	if (n < 3 || n > 64 || blk_room(e, p) < 64)
		return false;
	lim = n == 64 ? ~0ull : (1ull << n) - 1;
	at = eq_mask64(p, '@') & lim;
	if (at == 0 || (at & (at - 1)) != 0)
		return false;
	return email_field_at(e, p, n, (size_t)__builtin_ctzll(at), lim, col);
}
#endif

/* A field as text: scan_text(), unless it cannot hold anything. */
static inline __attribute__((always_inline)) void
field_text(struct scan_engine *e, const char *p, size_t n, const char *col)
{
#ifdef __SSE2__
	if (n <= 16 && blk_room(e, p) >= 16 && text_empty16(p, n))
		return;
	if (email_field(e, p, n, col))
		return;
#endif
	scan_text(e, p, n, false, col);
}

/* One field with its context.  Inlined into each caller, as are
 * col_field() and copy_val(): a call per field was 5 % of the
 * instructions of a dense CSV. */
static inline __attribute__((always_inline)) void
field_ctx(
    struct scan_engine *e, const char *p, size_t n, enum ctx c, const char *col)
{
	size_t len;

	p = trim(p, n, &n);
	if (n == 0 || (n == 4 && memcmp(p, "NULL", 4) == 0))
		return;
	if (c <= CTX_LOGIN) { /* the common case first, not by the table */
		field_text(e, p, n, col);
		return;
	}
	switch (c) {
	case CTX_NAME:
#ifdef __SSE2__
		if (n <= 16 && blk_room(e, p) >= 16 ? name_ok16(p, n)
		                                    : name_ok(p, n))
#else
		if (name_ok(p, n))
#endif
			copy_val(e, SCAN_CAT_NAME, p, n, col);
		return;
	case CTX_DOB:
		len = norm_date(p, n, e->val, sizeof(e->val));
		if (len > 0)
			emit(e, SCAN_CAT_DOB, e->val, len, col);
		return;
	case CTX_PASSWORD:
		credential(e, p, n, true, col);
		return;
	case CTX_HASH:
		credential(e, p, n, false, col);
		return;
	case CTX_STREET:
		if (has_letter(p, n))
			copy_val(e, SCAN_CAT_ADDRESS, p, n, col);
		return;
	case CTX_TAXID:
	case CTX_LOGIN:
	case CTX_NONE:
		field_text(e, p, n, col);
		return;
	case CTX_NOHASH:
		return;
	case CTX_IDDOC:
		/* ICAO 9303 check digit; anything else is not a number */
		len = norm_de_iddoc(p, n, e->val, sizeof(e->val));
		if (len > 0)
			emit(e, SCAN_CAT_ID_DOC, e->val, len, col);
		return;
	case CTX_CUSTNO:
		/* the form `subjects import` stores; with a digit ("guest",
		 * "n/a" and "none" are no numbers); anything else (an e-mail
		 * address used as the customer id) is scanned as text */
		len = norm_customer_no(p, n, e->val, sizeof(e->val));
		if (len > 0 && has_digit(e->val, len)) {
			emit(e, SCAN_CAT_CUSTOMER_NO, e->val, len, col);
			return;
		}
		scan_text(e, p, n, false, col);
		return;
	}
}

/* A field, then the keywords inside it: with its column, none in a name.
 * `kw` false: the caller knows the block has no keyword hit. */
static inline __attribute__((always_inline)) void
field_kw(struct scan_engine *e, const char *p, size_t n, enum ctx c,
    const char *col, bool kw)
{
	field_ctx(e, p, n, c, col);
	if (kw && e->kw_i < e->kw_n &&
	    e->kw[e->kw_i].off <=
	        (size_t)((uintptr_t)p - (uintptr_t)e->blk) + n)
		kw_span(e, p, n, c != CTX_NAME, col);
}

static inline __attribute__((always_inline)) void
field(
    struct scan_engine *e, const char *p, size_t n, enum ctx c, const char *col)
{
	field_kw(e, p, n, c, col, true);
}

/* ---- Art. 9 keywords over a block ------------------------------------ */

static int
kw_cb(unsigned id, unsigned long long from, unsigned long long to,
    unsigned flags, void *ctx)
{
	struct scan_engine *e = ctx;
	size_t kl = strlen(keywords[id].kw);
	size_t a = (size_t)to - kl, b = (size_t)to;

	(void)from;
	(void)flags;
	if ((a > 0 && ALNUM(e->blk[a - 1])) ||
	    (b < e->blk_len && ALNUM(e->blk[b])))
		return 0;
	if (e->kw_n < KW_HITS_MAX) {
		e->kw[e->kw_n].off = b;
		e->kw[e->kw_n].start = a;
		e->kw[e->kw_n].id = id;
		e->kw[e->kw_n].done = false;
		e->kw_n++;
	}
	return 0;
}

/* Keyword hits ending inside [.., end) belong to the current record:
 * those not yet emitted with their field or dropped, without a column. */
static void
kw_flush(struct scan_engine *e, size_t end)
{
	while (e->kw_i < e->kw_n && e->kw[e->kw_i].off <= end) {
		const struct kw_hit *k = &e->kw[e->kw_i++];
		const char *w = keywords[k->id].kw;

		if (!k->done)
			emit(e, keywords[k->id].cat, w, strlen(w), NULL);
	}
}

/*
 * The keyword hits inside p[0..n) (a field, an e-mail address) of the
 * block: emitted now with the field's column, or dropped (`emit_them` false).
 * A keyword inside a name is a surname ("Krebs", "cancer" in German),
 * inside an e-mail address a part of one: neither says anything about
 * the person's health, religion or politics.  Hits not wholly inside are
 * left to kw_flush() at the record's end.
 */
static void __attribute__((noinline)) kw_span(struct scan_engine *e,
    const char *p, size_t n, bool emit_them, const char *col)
{
	uintptr_t fs = (uintptr_t)p - (uintptr_t)e->blk;

	if (fs >= e->blk_len) /* a copy (unescaped JSON), not the block */
		return;
	for (size_t j = e->kw_i; j < e->kw_n && e->kw[j].off <= fs + n; j++) {
		struct kw_hit *k = &e->kw[j];
		const char *w = keywords[k->id].kw;

		if (k->done || k->start < fs)
			continue;
		k->done = true;
		if (emit_them)
			emit(e, keywords[k->id].cat, w, strlen(w), col);
	}
	while (e->kw_i < e->kw_n && e->kw[e->kw_i].done)
		e->kw_i++;
}

/* ---- formats --------------------------------------------------------- */

static void
set_cols_from(struct scan_engine *e, const char *p, size_t n, char delim)
{
	size_t i = 0;

	e->st.cols_n = 0;
	e->st.schema++;
	while (i <= n && e->st.cols_n < COLS_MAX) {
		size_t j = i, len;
		const char *f;

		while (j < n && p[j] != delim)
			j++;
		f = norm_trim(p + i, j - i, &len);
		/* `mysql`, "postgres" (norm_trim), [sql server] */
		while (len > 0 && (f[0] == '`' || f[0] == '(' || f[0] == ' ' ||
		                      f[0] == '[')) {
			f++;
			len--;
		}
		while (len > 0 && (f[len - 1] == '`' || f[len - 1] == ')' ||
		                      f[len - 1] == ' ' || f[len - 1] == ']'))
			len--;
		if (len >= COLNAME_MAX)
			len = COLNAME_MAX - 1;
		memcpy(e->st.cols[e->st.cols_n], f, len);
		e->st.cols[e->st.cols_n][len] = '\0';
		e->st.ctx[e->st.cols_n] =
		    (unsigned char)ctx_of(e->st.cols[e->st.cols_n]);
		e->st.cols_n++;
		i = j + 1;
	}
}

static inline __attribute__((always_inline)) void
col_field(struct scan_engine *e, size_t col, const char *p, size_t n)
{
	if (col < e->st.cols_n) {
		e->col_id = (e->st.schema << 6 | (unsigned)col) + 1;
		field(e, p, n, (enum ctx)e->st.ctx[col], e->st.cols[col]);
	} else {
		field(e, p, n, CTX_NONE, NULL);
	}
}

/* col_field() with the column count and the first column id passed in;
 * `kw` false when the block has no keyword hit. */
static inline __attribute__((always_inline)) void
col_field_in(struct scan_engine *e, size_t col, const char *p, size_t n,
    size_t ncols, unsigned idb, bool kw)
{
	if (col < ncols) {
		e->col_id = idb + (unsigned)col;
		field_kw(
		    e, p, n, (enum ctx)e->st.ctx[col], e->st.cols[col], kw);
	} else {
		field_kw(e, p, n, CTX_NONE, NULL, kw);
	}
}

/* A JSON key as a column: interned into the column table. */
static const char *
json_col(struct scan_engine *e, const char *key, enum ctx *c)
{
	size_t i;

	*c = CTX_NONE;
	if (key[0] == '\0')
		return NULL;
	for (i = 0; i < e->st.cols_n; i++) {
		if (str_eq(e->st.cols[i], key))
			break;
	}
	if (i == e->st.cols_n) {
		if (e->st.cols_n == COLS_MAX)
			return NULL;
		snprintf(e->st.cols[i], COLNAME_MAX, "%s", key);
		e->st.ctx[i] = (unsigned char)ctx_of(key);
		e->st.cols_n++;
	}
	e->col_id = (e->st.schema << 6 | (unsigned)i) + 1;
	*c = (enum ctx)e->st.ctx[i];
	return e->st.cols[i];
}

static void
end_record(struct scan_engine *e, size_t off)
{
	kw_flush(e, off);
	e->rec++;
}

/* CSV/TSV line (RFC 4180 quotes; a record may continue on the next line). */
static void
line_csv(struct scan_engine *e, const char *p, size_t n, size_t off)
{
	size_t i = 0, start = 0, col = e->st.csv_open ? e->st.csv_col : 0;
	bool q = e->st.csv_open;

	if (e->st.header_pending) {
		e->st.header_pending = false;
		set_cols_from(e, p, n, e->st.delim);
		while (e->kw_i < e->kw_n && e->kw[e->kw_i].off <= off + n)
			e->kw_i++; /* keywords in a header are not data */
		return;
	}
	if (!q && (e->blk_noquote || memchr(p, '"', n) == NULL)) {
		/* no quotes (most lines of most dumps): delimiters 64 bytes
		 * at a time; the last window may read past the line into
		 * the rest of the block, those bits are dropped */
		uintptr_t at = (uintptr_t)p - (uintptr_t)e->blk;
		size_t room = at <= e->blk_len ? e->blk_len - at : 0, b = 0;

		for (; b < n && b + 64 <= room; b += 64) {
			uint64_t m = eq_mask64(p + b, e->st.delim);

			if (n - b < 64)
				m &= (1ull << (n - b)) - 1;
			while (m != 0) {
				i = b + (size_t)__builtin_ctzll(m);
				m &= m - 1;
				col_field(e, col, p + start, i - start);
				col++;
				start = i + 1;
			}
		}
		if (b > n)
			b = n;
		for (; b < n; b++) {
			if (p[b] == e->st.delim) {
				col_field(e, col, p + start, b - start);
				col++;
				start = b + 1;
			}
		}
		i = n;
	}
	for (; i < n; i++) {
		char c = p[i];

		if (c == '"') {
			q = !q;
		} else if (c == e->st.delim && !q) {
			col_field(e, col, p + start, i - start);
			col++;
			start = i + 1;
		}
	}
	if (q) {
		col_field(e, col, p + start, n - start);
		e->st.csv_open = true;
		e->st.csv_col = col;
		return;
	}
	col_field(e, col, p + start, n - start);
	e->st.csv_open = false;
	end_record(e, off + n);
}

/*
 * Decode the escapes of a JSON string (\uXXXX with surrogate pairs, \" \\
 * \/ \b \f \n \r \t) into out; the length, or 0 when it does not fit or
 * an escape is malformed (the caller then scans the string as written).
 */
static size_t
json_unescape(const char *s, size_t n, char *out, size_t cap)
{
	size_t i = 0, o = 0;

	while (i < n) {
		unsigned long cp;

		if (o + 4 >= cap)
			return 0;
		if (s[i] != '\\') {
			out[o++] = s[i++];
			continue;
		}
		if (i + 1 >= n)
			return 0;
		switch (s[i + 1]) {
		case 'b':
			cp = '\b';
			break;
		case 'f':
			cp = '\f';
			break;
		case 'n':
			cp = '\n';
			break;
		case 'r':
			cp = '\r';
			break;
		case 't':
			cp = '\t';
			break;
		case 'u':
			cp = 0;
			for (size_t k = 0; k < 4; k++) {
				int c = i + 2 + k < n
				            ? (unsigned char)s[i + 2 + k]
				            : 0;

				if (!IS(c, C_HEX))
					return 0;
				cp = cp << 4 |
				     (unsigned long)(c <= '9'
				                         ? c - '0'
				                         : (c | 32) - 'a' + 10);
			}
			i += 4;
			if (cp >= 0xd800 && cp <= 0xdbff && i + 7 < n &&
			    s[i + 2] == '\\' && s[i + 3] == 'u') {
				unsigned long lo = 0;

				for (size_t k = 0; k < 4; k++) {
					int c = (unsigned char)s[i + 4 + k];

					if (!IS(c, C_HEX))
						return 0;
					lo =
					    lo << 4 |
					    (unsigned long)(c <= '9'
					                        ? c - '0'
					                        : (c | 32) -
					                              'a' + 10);
				}
				if (lo < 0xdc00 || lo > 0xdfff)
					return 0;
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				     (lo - 0xdc00);
				i += 6;
			} else if (cp >= 0xd800 && cp <= 0xdfff) {
				return 0;
			}
			break;
		default:
			cp = (unsigned char)s[i + 1]; /* \" \\ \/ and others */
			break;
		}
		i += 2;
		if (cp < 0x80) {
			out[o++] = (char)cp;
		} else if (cp < 0x800) {
			out[o++] = (char)(0xc0 | cp >> 6);
			out[o++] = (char)(0x80 | (cp & 0x3f));
		} else if (cp < 0x10000) {
			out[o++] = (char)(0xe0 | cp >> 12);
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (cp & 0x3f));
		} else {
			out[o++] = (char)(0xf0 | cp >> 18);
			out[o++] = (char)(0x80 | ((cp >> 12) & 0x3f));
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (cp & 0x3f));
		}
	}
	return o;
}

/* A JSON string value: escapes decoded first (a\u0040example.com). */
static void
json_field(
    struct scan_engine *e, const char *p, size_t n, enum ctx c, const char *col)
{
	char buf[4096];
	size_t len;

	if (memchr(p, '\\', n) != NULL) {
		len = json_unescape(p, n, buf, sizeof(buf));
		if (len > 0) {
			field(e, buf, len, c, col);
			return;
		}
	}
	field(e, p, n, c, col);
}

/* JSON Lines: (key, value) pairs; values get the key's context. */
static void
line_json(struct scan_engine *e, const char *p, size_t n)
{
	char key[COLNAME_MAX] = "";
	const char *col;
	enum ctx c;
	size_t i = 0;

	while (i < n) {
		char ch = p[i];

		if (ch == '"') {
			size_t j = i + 1, k;

			while (j < n && p[j] != '"') {
				j += p[j] == '\\' ? 2 : 1;
			}
			if (j > n)
				j = n;
			k = j + 1;
			while (k < n && p[k] == ' ')
				k++;
			if (k < n && p[k] == ':') {
				size_t l = j - i - 1;

				if (l >= sizeof(key))
					l = sizeof(key) - 1;
				memcpy(key, p + i + 1, l);
				key[l] = '\0';
				i = k + 1;
				continue;
			}
			col = json_col(e, key, &c);
			json_field(e, p + i + 1, j - i - 1, c, col);
			i = j + 1;
		} else if (IS(ch, C_DIGIT) || ch == '-' || ch == '+') {
			size_t j = i;

			while (
			    j < n && p[j] != ',' && p[j] != '}' && p[j] != ']')
				j++;
			col = json_col(e, key, &c);
			field(e, p + i, j - i, c, col);
			i = j;
		} else {
			i++;
		}
	}
}

/*
 * Pretty-printed JSON: a document over many lines, an array of objects
 * (`[`, `  {`, `    "email": "..."`, ...), objects one after another, or
 * such an array under a key ({"users": [...]}).  Keys and values as in
 * JSON Lines, the last key carried to values on later lines (an array's
 * items).  The records are the objects in the first array that holds
 * objects with values of their own, or the top-level objects: when the
 * first such object closes, the depth of its container becomes the
 * record level (scan_engine_sniff() finds it in the first lines), and a
 * record ends where an object closes back to it; until then every line
 * with a value is a record, as in JSON Lines.  Strings do not
 * span lines in JSON; a malformed line cannot make the depth negative.
 * With `detect` false only the structure is followed (the block cutter,
 * scan_engine_advance()).
 */
static void
line_json_doc(
    struct scan_engine *e, const char *p, size_t n, size_t off, bool detect)
{
	struct scan_state *st = &e->st;
	const char *col;
	enum ctx c;
	size_t i = 0;
	bool values = false;

	while (i < n) {
		char ch = p[i];
		bool value = false;

		if (ch == '"') {
			size_t j = i + 1, k;

			while (j < n && p[j] != '"')
				j += p[j] == '\\' ? 2 : 1;
			if (j > n)
				j = n;
			k = j + 1;
			while (k < n && (p[k] == ' ' || p[k] == '\t'))
				k++;
			if (k < n && p[k] == ':') {
				size_t l = j - i - 1;

				if (l >= sizeof(st->json.key))
					l = sizeof(st->json.key) - 1;
				memcpy(st->json.key, p + i + 1, l);
				st->json.key[l] = '\0';
				i = k + 1;
				continue;
			}
			if (detect) {
				col = json_col(e, st->json.key, &c);
				json_field(e, p + i + 1, j - i - 1, c, col);
			}
			i = j + 1;
			value = true;
		} else if (IS(ch, C_DIGIT) || ch == '-' || ch == '+') {
			size_t j = i;

			while (
			    j < n && p[j] != ',' && p[j] != '}' && p[j] != ']')
				j++;
			if (detect) {
				col = json_col(e, st->json.key, &c);
				field(e, p + i, j - i, c, col);
			}
			i = j;
			value = true;
		} else if (ch == '{' || ch == '[') {
			/* deeper than 63 counts as objects; a hostile file
			 * nesting past a million stops counting */
			if (st->json.depth < (1u << 20))
				st->json.depth++;
			if (st->json.depth < 64 && ch == '[')
				st->json.arr |= 1ull << st->json.depth;
			else if (st->json.depth < 64)
				st->json.arr &= ~(1ull << st->json.depth);
			if (st->json.depth < 64)
				st->json.val &= ~(1ull << st->json.depth);
			if (ch == '{') {
				st->json.key[0] = '\0';
				if (st->json.level >= 0 &&
				    st->json.depth ==
				        (unsigned)st->json.level + 1)
					st->csv_open = true;
			}
			i++;
		} else if (ch == '}' || ch == ']') {
			unsigned d = st->json.depth;

			/* the first object with a value of its own to close:
			 * its container is the record level when that is an
			 * array or the top */
			if (ch == '}' && st->json.level < 0 && d > 0 &&
			    d < 64 && (st->json.val >> d & 1) != 0 &&
			    (d == 1 || (st->json.arr >> (d - 1) & 1) != 0))
				st->json.level = (int)d - 1;
			if (st->json.depth > 0)
				st->json.depth--;
			if (ch == '}' && st->csv_open && st->json.level >= 0 &&
			    st->json.depth == (unsigned)st->json.level) {
				st->csv_open = false;
				if (detect)
					end_record(e, off + i + 1);
			}
			i++;
		} else {
			i++;
		}
		/* a value of the object itself (not an array's item) */
		if (value && st->json.depth > 0 && st->json.depth < 64 &&
		    (st->json.arr >> st->json.depth & 1) == 0)
			st->json.val |= 1ull << st->json.depth;
		values = values || value;
	}
	if (st->json.level < 0 && values && detect)
		end_record(e, off + n); /* not known yet: a line a record */
}

/* Combolist: login SEP password, SEP one of : ; | tab. */
static void
line_combo(struct scan_engine *e, const char *p, size_t n)
{
	const char *at = memchr(p, '@', n);
	size_t i = at != NULL ? (size_t)(at - p) : 0;

	while (
	    i < n && p[i] != ':' && p[i] != ';' && p[i] != '|' && p[i] != '\t')
		i++;
	if (i == n) {
		scan_text(e, p, n, false, NULL);
		return;
	}
	field(e, p, i, CTX_LOGIN, NULL);
	field(e, p + i + 1, n - i - 1, CTX_PASSWORD, NULL);
}

/* Stealer log: URL:login:password (the URL has its own colons). */
static void
line_stealer(struct scan_engine *e, const char *p, size_t n)
{
	const char *s = n > 3 ? mem_find(p, n, "://", 3) : NULL;
	size_t i = s != NULL ? (size_t)(s - p) + 3 : 0, j;

	for (;;) {
		while (i < n && p[i] != ':')
			i++;
		if (i + 1 < n && IS(p[i + 1], C_DIGIT)) {
			j = i + 1;
			while (j < n && IS(p[j], C_DIGIT))
				j++;
			if (j < n && (p[j] == '/' || p[j] == ':') &&
			    j < n - 1) {
				i = p[j] == ':' ? j : j + 1;
				if (p[j] == ':')
					break;
				continue;
			}
		}
		break;
	}
	if (i >= n) {
		scan_text(e, p, n, false, NULL);
		return;
	}
	j = i + 1;
	while (j < n && p[j] != ':')
		j++;
	field(e, p + i + 1, j - i - 1, CTX_LOGIN, NULL);
	if (j < n)
		field(e, p + j + 1, n - j - 1, CTX_PASSWORD, NULL);
}

static const char *
mem_find(const char *p, size_t n, const char *w, size_t wl)
{
	const char *s = p, *end = p + n;

	while (s + wl <= end) {
		s = memchr(s, w[0], (size_t)(end - s));
		if (s == NULL || s + wl > end)
			return NULL;
		if (memcmp(s, w, wl) == 0)
			return s;
		s++;
	}
	return NULL;
}

static bool
starts_ci(const char *p, size_t n, const char *w)
{
	size_t l = strlen(w);

	if (n < l)
		return false;
	for (size_t i = 0; i < l; i++) {
		char c = p[i];

		if (IS(c, C_UPPER))
			c = (char)(c + 32);
		if (c != w[i])
			return false;
	}
	return true;
}

/* The quote state after a CSV line, as line_csv() leaves it. */
static void
csv_struct_line(struct scan_engine *e, const char *p, size_t n)
{
	bool q = e->st.csv_open;
	size_t col = q ? e->st.csv_col : 0;

	if (e->st.header_pending) {
		e->st.header_pending = false;
		set_cols_from(e, p, n, e->st.delim);
		return;
	}
	if (!q && memchr(p, '"', n) == NULL) {
		e->st.csv_open = false;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"')
			q = !q;
		else if (p[i] == e->st.delim && !q)
			col++;
	}
	e->st.csv_open = q;
	e->st.csv_col = q ? col : 0;
}

enum sql_line {
	SQL_LINE_NONE,   /* structure only, nothing to scan */
	SQL_LINE_COPY,   /* a COPY data line: tab-separated */
	SQL_LINE_INSERT, /* INSERT ... VALUES: tuples after *values */
	SQL_LINE_TEXT    /* anything else: scanned as text */
};

/* A word of a CREATE TABLE body that starts a constraint, not a column. */
static bool
create_keyword(const char *w, size_t n)
{
	static const char *const kws[] = { "primary", "key", "unique",
		"constraint", "foreign", "check", "index", "fulltext",
		"spatial", "exclude" };

	for (size_t i = 0; i < nitems(kws); i++) {
		if (strlen(kws[i]) == n && starts_ci(w, n, kws[i]))
			return true;
	}
	return false;
}

/*
 * The column names in a piece p[0..n) of a CREATE TABLE statement, which
 * may be on one line (SQLite's .dump: `CREATE TABLE t(id INTEGER, email
 * TEXT);`) or over many (mysqldump, pg_dump): at parenthesis depth 1 the
 * first identifier of each comma-separated definition, unless it starts
 * a constraint; types' parentheses (VARCHAR(255), DECIMAL(10,2)), quoted
 * defaults and `--` comments are stepped over.  The closing parenthesis
 * ends the statement.
 */
static void
create_cols(struct scan_engine *e, const char *p, size_t n)
{
	struct scan_state *st = &e->st;

	for (size_t i = 0; i < n && st->in_create; i++) {
		char c = p[i];

		if (c == '\'') { /* a quoted default: to its end */
			for (i++; i < n && p[i] != '\''; i++)
				;
		} else if (c == '-' && i + 1 < n && p[i + 1] == '-') {
			return;
		} else if (c == '(') {
			if (++st->create_depth == 1)
				st->create_name = true;
		} else if (c == ')') {
			if (st->create_depth > 0 && --st->create_depth == 0)
				st->in_create = false;
		} else if (c == ',' && st->create_depth == 1) {
			st->create_name = true;
		} else if (st->create_depth == 1 && st->create_name &&
		           (ALNUM(c) || c == '_' || (unsigned char)c >= 0x80)) {
			size_t a = i, l;

			while (
			    i + 1 < n && (ALNUM(p[i + 1]) || p[i + 1] == '_' ||
			                     (unsigned char)p[i + 1] >= 0x80))
				i++;
			st->create_name = false;
			l = i + 1 - a;
			if (create_keyword(p + a, l) || st->cols_n >= COLS_MAX)
				continue;
			if (l >= COLNAME_MAX)
				l = COLNAME_MAX - 1;
			memcpy(st->cols[st->cols_n], p + a, l);
			st->cols[st->cols_n][l] = '\0';
			st->ctx[st->cols_n] =
			    (unsigned char)ctx_of(st->cols[st->cols_n]);
			st->cols_n++;
		}
	}
}

/* The structure of one SQL line: CREATE TABLE columns, COPY blocks,
 * INSERT column lists.  Shared by line_sql() and scan_engine_advance(). */
static enum sql_line
sql_struct_line(struct scan_engine *e, const char *p, size_t n, size_t *values)
{
	const char *v;

	if (e->st.in_copy) {
		if (n >= 2 && p[0] == '\\' && p[1] == '.') {
			e->st.in_copy = false;
			e->st.csv_open =
			    false; /* the end marker ends a quote */
			return SQL_LINE_NONE;
		}
		e->st.delim = '\t';
		return SQL_LINE_COPY;
	}
	if (e->st.in_create &&
	    (starts_ci(p, n, "insert ") || starts_ci(p, n, "copy ") ||
	        starts_ci(p, n, "create table")))
		e->st.in_create = false; /* a definition that never closed */
	if (starts_ci(p, n, "create table")) {
		e->st.in_create = true;
		e->st.create_depth = 0;
		e->st.create_name = false;
		e->st.cols_n = 0;
		e->st.schema++;
		create_cols(e, p + 12, n - 12);
		return SQL_LINE_NONE;
	}
	if (e->st.in_create) {
		create_cols(e, p, n);
		return SQL_LINE_NONE;
	}
	if (starts_ci(p, n, "copy ")) {
		const char *a = memchr(p, '(', n), *b = memchr(p, ')', n);

		if (a != NULL && b != NULL && b > a)
			set_cols_from(e, a + 1, (size_t)(b - a - 1), ',');
		e->st.in_copy = true;
		return SQL_LINE_NONE;
	}
	if (!starts_ci(p, n, "insert ")) {
		/* statements without data (SQLite's .dump wraps its INSERTs
		 * in PRAGMA, BEGIN TRANSACTION and COMMIT) */
		if (n == 0 || starts_ci(p, n, "--") || starts_ci(p, n, "/*") ||
		    starts_ci(p, n, "set ") || starts_ci(p, n, "lock ") ||
		    starts_ci(p, n, "unlock ") || starts_ci(p, n, "drop ") ||
		    starts_ci(p, n, "pragma ") || starts_ci(p, n, "begin") ||
		    starts_ci(p, n, "commit") ||
		    starts_ci(p, n, "start transaction") ||
		    starts_ci(p, n, "alter table") ||
		    starts_ci(p, n, "create index") ||
		    starts_ci(p, n, "create unique index") ||
		    starts_ci(p, n, "use ") ||
		    (n == 2 && starts_ci(p, n, "go")))
			return SQL_LINE_NONE;
		return SQL_LINE_TEXT;
	}
	v = mem_find(p, n, "VALUES", 6);
	if (v == NULL)
		v = mem_find(p, n, "values", 6);
	if (v == NULL)
		return SQL_LINE_NONE;
	{
		const char *a = memchr(p, '(', (size_t)(v - p));
		const char *b =
		    a != NULL ? memchr(a, ')', (size_t)(v - a)) : NULL;

		if (a != NULL && b != NULL)
			set_cols_from(e, a + 1, (size_t)(b - a - 1), ',');
	}
	*values = (size_t)(v - p) + 6;
	return SQL_LINE_INSERT;
}

/* A value of an INSERT tuple; SQL Server's N'...' (a Unicode string)
 * without its N. */
static void
sql_field(struct scan_engine *e, size_t col, const char *p, size_t n)
{
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	if (n >= 2 && (*p == 'N' || *p == 'n') && p[1] == '\'') {
		p++;
		n--;
	}
	col_field(e, col, p, n);
}

/* SQL: CREATE TABLE columns, INSERT tuples, COPY blocks. */
static void
line_sql(struct scan_engine *e, const char *p, size_t n, size_t off)
{
	size_t i = 0, start, col = 0;
	bool q = false, in = false;

	switch (sql_struct_line(e, p, n, &i)) {
	case SQL_LINE_NONE:
		return;
	case SQL_LINE_COPY:
		line_csv(e, p, n, off);
		return;
	case SQL_LINE_TEXT:
		scan_text(e, p, n, false, NULL);
		end_record(e, off + n);
		return;
	case SQL_LINE_INSERT:
		break;
	}
	start = i;
	for (; i < n; i++) {
		char c = p[i];

		if (q) {
			/* a backslash escape or a doubled quote stays inside */
			if (c == '\\' ||
			    (c == '\'' && i + 1 < n && p[i + 1] == '\''))
				i++;
			else if (c == '\'')
				q = false;
			continue;
		}
		if (c == '\'') {
			q = true;
		} else if (c == '(' && !in) {
			in = true;
			col = 0;
			start = i + 1;
		} else if (c == ',' && in) {
			sql_field(e, col, p + start, i - start);
			col++;
			start = i + 1;
		} else if (c == ')' && in) {
			sql_field(e, col, p + start, i - start);
			in = false;
			end_record(e, off + i);
		}
	}
}

static void
line(struct scan_engine *e, const char *p, size_t n, size_t off)
{
	if (n > 0 && p[n - 1] == '\r')
		n--;
	switch (e->st.fmt) {
	case SCAN_FMT_CSV:
		line_csv(e, p, n, off);
		return;
	case SCAN_FMT_SQL:
		line_sql(e, p, n, off);
		return;
	case SCAN_FMT_JSON:
		line_json(e, p, n);
		break;
	case SCAN_FMT_JSONDOC:
		line_json_doc(e, p, n, off, true); /* its own records */
		return;
	case SCAN_FMT_COMBO:
		line_combo(e, p, n);
		break;
	case SCAN_FMT_STEALER:
		line_stealer(e, p, n);
		break;
	case SCAN_FMT_TEXT:
	case SCAN_FMT__MAX:
		scan_text(e, p, n, false, NULL);
		break;
	}
	end_record(e, off + n);
}

/* The line buf[i..end) of a block. */
static void
one_line(struct scan_engine *e, const char *buf, size_t i, size_t end)
{
	e->line++;
	if (!e->st.csv_open)
		e->rec_line = e->line;
	line(e, buf + i, end - i, i);
}

/*
 * The last field of a CSV line buf[ls..end) whose other fields ended at
 * `start`, and the end of its record: line_csv()'s end without quotes.
 */
static inline __attribute__((always_inline)) void
csv_line_end(struct scan_engine *e, const char *buf, size_t ls, size_t start,
    size_t end, size_t col, size_t ncols, unsigned idb, bool kw)
{
	if (end > ls && buf[end - 1] == '\r') /* as line() strips it */
		end--;
	col_field_in(e, col, buf + start, end - start, ncols, idb, kw);
	e->st.csv_open = false;
	end_record(e, end);
}

/*
 * The CSV lines of buf[i..len) when the block has no quote: line ends and
 * delimiters from one pass, 64 bytes at a time, instead of a pass for the
 * line ends and one per line for the delimiters.  The same fields, records
 * and line numbers as one_line() on each line.
 */
static inline __attribute__((always_inline)) void
lines_csv_noquote_kw(
    struct scan_engine *e, const char *buf, size_t len, size_t i, bool kw)
{
	size_t ls = i, start = i, col = 0, b = i;
	char d = e->st.delim;
	/* the columns do not change in here: loaded once, not after every
	 * store through a char pointer (which may alias them) */
	const size_t ncols = e->st.cols_n;
	const unsigned idb = (e->st.schema << 6) + 1;

	if (i >= len)
		return;
	e->line++;
	e->rec_line = e->line;
	for (; b + 64 <= len; b += 64) {
		uint64_t dm, nl = eq2_mask64(buf + b, '\n', d, &dm),
		             m = nl | dm;

		while (m != 0) {
			size_t at = b + (size_t)__builtin_ctzll(m);
			uint64_t bit = m & -m;

			m &= m - 1;
			if ((nl & bit) == 0) {
				col_field_in(e, col, buf + start, at - start,
				    ncols, idb, kw);
				col++;
				start = at + 1;
				continue;
			}
			csv_line_end(
			    e, buf, ls, start, at, col, ncols, idb, kw);
			ls = start = at + 1;
			col = 0;
			if (ls == len)
				return;
			e->line++;
			e->rec_line = e->line;
		}
	}
	for (; b < len; b++) {
		if (buf[b] == d) {
			col_field_in(
			    e, col, buf + start, b - start, ncols, idb, kw);
			col++;
			start = b + 1;
		} else if (buf[b] == '\n') {
			csv_line_end(e, buf, ls, start, b, col, ncols, idb, kw);
			ls = start = b + 1;
			col = 0;
			if (ls == len)
				return;
			e->line++;
			e->rec_line = e->line;
		}
	}
	/* no line end: the last */
	csv_line_end(e, buf, ls, start, len, col, ncols, idb, kw);
}

/* Two copies: blocks without any keyword hit (most of a dense dump) skip
 * the per-field keyword test. */
static void
lines_csv_noquote(struct scan_engine *e, const char *buf, size_t len, size_t i)
{
	if (e->kw_n > 0)
		lines_csv_noquote_kw(e, buf, len, i, true);
	else
		lines_csv_noquote_kw(e, buf, len, i, false);
}

void
scan_engine_lines(struct scan_engine *e, const char *buf, size_t len)
{
	size_t i = 0;

	cls_init();
	e->blk = buf;
	e->blk_len = len;
	e->blk_clean = memchr(buf, '\0', len) == NULL;
	e->blk_noquote = memchr(buf, '"', len) == NULL;
	e->kw_n = e->kw_i = 0;
	if (len > 0 && hs_scan(kw_database(), buf, (unsigned)len, 0, e->scratch,
	                   kw_cb, e) != HS_SUCCESS)
		e->kw_n = 0;
	if (e->st.fmt == SCAN_FMT_CSV && e->blk_noquote && !e->st.csv_open) {
		if (e->st.header_pending) { /* the header line first */
			const char *nl = memchr(buf, '\n', len);
			size_t end = nl != NULL ? (size_t)(nl - buf) : len;

			one_line(e, buf, 0, end);
			i = end + 1;
		}
		lines_csv_noquote(e, buf, len, i);
		kw_flush(e, len);
		return;
	}
	/* line ends 64 bytes at a time, then the tail */
	for (size_t b = 0; b + 64 <= len; b += 64) {
		uint64_t m = eq_mask64(buf + b, '\n');

		while (m != 0) {
			size_t end = b + (size_t)__builtin_ctzll(m);

			m &= m - 1;
			one_line(e, buf, i, end);
			i = end + 1;
		}
	}
	while (i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len;

		one_line(e, buf, i, end);
		i = end + 1;
	}
	kw_flush(e, len);
}

void
scan_engine_get_state(const struct scan_engine *e, struct scan_state *st)
{
	*st = e->st;
}

void
scan_engine_set_state(struct scan_engine *e, const struct scan_state *st)
{
	e->st = *st;
}

size_t
scan_engine_advance(
    struct scan_engine *e, const char *buf, size_t len, bool force)
{
	size_t i = 0, cut = 0, v;
	/* JSON: the structure where the last record ended */
	struct scan_json at_cut = e->st.json;

	cls_init();
	if (e->st.fmt != SCAN_FMT_CSV && e->st.fmt != SCAN_FMT_SQL &&
	    e->st.fmt != SCAN_FMT_JSONDOC)
		return len; /* one record per line, no state across lines */
	if (e->st.fmt == SCAN_FMT_CSV && !e->st.csv_open &&
	    !e->st.header_pending && memchr(buf, '"', len) == NULL)
		return len;
	while (i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len, n = end - i;

		if (n > 0 && buf[end - 1] == '\r')
			n--;
		if (e->st.fmt == SCAN_FMT_JSONDOC)
			line_json_doc(e, buf + i, n, i, false);
		else if (e->st.fmt == SCAN_FMT_CSV ||
		         sql_struct_line(e, buf + i, n, &v) == SQL_LINE_COPY)
			csv_struct_line(e, buf + i, n);
		i = nl != NULL ? end + 1 : len;
		if (!e->st.csv_open) {
			cut = i;
			at_cut = e->st.json;
		}
	}
	if (force || !e->st.csv_open)
		return len;
	/* after `cut` only lines of one open record: nothing else changed
	 * (but a JSON record's structure, put back as it was at `cut`) */
	e->st.csv_open = false;
	e->st.csv_col = 0;
	e->st.json = at_cut;
	return cut;
}

void
scan_engine_prime(struct scan_engine *e, const char *buf, size_t len)
{
	size_t i = 0;
	int level;

	if (e->st.fmt != SCAN_FMT_JSONDOC)
		return;
	/* the record level of pretty-printed JSON from its first lines, so
	 * that the first record is one too (else the level is found when
	 * an object closes, and the lines before are records of their own) */
	for (unsigned k = 0; k < 4000 && i < len && e->st.json.level < 0; k++) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len;

		line_json_doc(e, buf + i, end - i, i, false);
		i = end + 1;
	}
	level = e->st.json.level;
	scan_engine_set_format(e, SCAN_FMT_JSONDOC, 0);
	e->st.json.level = level;
}

void
scan_engine_set_format(struct scan_engine *e, enum scan_format f, char delim)
{
	e->st.fmt = f;
	e->st.delim = delim;
	e->st.header_pending = f == SCAN_FMT_CSV;
	memset(&e->st.json, 0, sizeof(e->st.json));
	e->st.json.level = -1;
	e->st.csv_open = false;
}

/* ---- sniffing -------------------------------------------------------- */

static size_t
count_fields(const char *p, size_t n, char d)
{
	size_t k = 1;
	bool q = false;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"' && d != ':')
			q = !q;
		else if (p[i] == d && !q)
			k++;
	}
	return k;
}

static bool
looks_header(const char *p, size_t n, char d)
{
	size_t i = 0, fields = 0;

	while (i <= n) {
		size_t j = i, len;
		const char *f;

		while (j < n && p[j] != d)
			j++;
		f = norm_trim(p + i, j - i, &len);
		if (len == 0 || len > 40 ||
		    !(IS(f[0], C_UPPER | C_LOWER) || f[0] == '_'))
			return false;
		for (size_t k = 0; k < len; k++) {
			if (!(ALNUM(f[k]) || f[k] == '_' || f[k] == ' ' ||
			        f[k] == '-' || f[k] == '.' ||
			        (unsigned char)f[k] >= 0x80))
				return false;
		}
		fields++;
		i = j + 1;
	}
	return fields >= 2;
}

enum scan_format
scan_engine_sniff(struct scan_engine *e, const char *buf, size_t len)
{
	static const char delims[] = { '\t', ',', ';', '|', ':' };
	const char *ls[200] = { 0 };
	size_t ln[200], n = 0, i = 0, sql = 0, json = 0, url = 0, at = 0;
	size_t pretty = 0;

	cls_init();
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && n < nitems(ls)) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len;
		size_t l = end - i;

		if (nl == NULL && n > 0)
			break; /* a partial last line says nothing */
		if (l > 0 && buf[end - 1] == '\r')
			l--;
		if (l > 0) {
			ls[n] = buf + i;
			ln[n] = l;
			n++;
		}
		i = end + 1;
	}
	for (size_t k = 0; k < n; k++) {
		const char *p = ls[k];

		if (starts_ci(p, ln[k], "insert ") ||
		    starts_ci(p, ln[k], "create table") ||
		    starts_ci(p, ln[k], "copy ") || starts_ci(p, ln[k], "--") ||
		    starts_ci(p, ln[k], "/*!") ||
		    starts_ci(p, ln[k], "drop table") ||
		    starts_ci(p, ln[k], "lock tables"))
			sql++;
		if (p[0] == '{' || p[0] == '[')
			json++;
		{ /* pretty-printed JSON: "key": value, or a bracket */
			size_t b = 0;

			while (b < ln[k] && (p[b] == ' ' || p[b] == '\t'))
				b++;
			if (b < ln[k] && strchr("\"{}[]", p[b]) != NULL)
				pretty++;
		}
		if (starts_ci(p, ln[k], "http://") ||
		    starts_ci(p, ln[k], "https://") ||
		    starts_ci(p, ln[k], "android://"))
			url++;
		if (memchr(p, '@', ln[k]) != NULL)
			at++;
	}
	scan_engine_set_format(e, SCAN_FMT_TEXT, 0);
	if (n == 0)
		return e->st.fmt;
	if (sql * 10 >= n * 3) {
		scan_engine_set_format(e, SCAN_FMT_SQL, ',');
		return e->st.fmt;
	}
	if (json * 10 >= n * 8) {
		scan_engine_set_format(e, SCAN_FMT_JSON, 0);
		return e->st.fmt;
	}
	if ((ls[0][0] == '{' || ls[0][0] == '[') && n >= 3 &&
	    pretty * 10 >= n * 9) {
		scan_engine_set_format(e, SCAN_FMT_JSONDOC, 0);
		scan_engine_prime(e, buf, len);
		return e->st.fmt;
	}
	if (url * 10 >= n * 6) {
		scan_engine_set_format(e, SCAN_FMT_STEALER, ':');
		return e->st.fmt;
	}
	for (size_t d = 0; d < nitems(delims); d++) {
		size_t want = count_fields(
		           ls[n > 1 ? 1 : 0], ln[n > 1 ? 1 : 0], delims[d]),
		       same = 0;
		bool header = looks_header(ls[0], ln[0], delims[d]);

		if (want < 2)
			continue;
		for (size_t k = 1; k < n; k++)
			same += count_fields(ls[k], ln[k], delims[d]) == want;
		if (n > 1 && same * 10 < (n - 1) * 9)
			continue;
		if (header && delims[d] != ':' &&
		    count_fields(ls[0], ln[0], delims[d]) == want) {
			scan_engine_set_format(e, SCAN_FMT_CSV, delims[d]);
			return e->st.fmt;
		}
		if (want <= 3 && at * 10 >= n * 6) {
			scan_engine_set_format(e, SCAN_FMT_COMBO, delims[d]);
			return e->st.fmt;
		}
		if (delims[d] != ':' && delims[d] != '|') {
			scan_engine_set_format(e, SCAN_FMT_CSV, delims[d]);
			e->st.header_pending = false;
			return e->st.fmt;
		}
	}
	if (at * 10 >= n * 6) {
		size_t combo = 0;

		for (size_t k = 0; k < n; k++) {
			const char *a = memchr(ls[k], '@', ln[k]);
			size_t r;

			if (a == NULL)
				continue;
			r = ln[k] - (size_t)(a - ls[k]);
			if (memchr(a, ':', r) || memchr(a, ';', r) ||
			    memchr(a, '|', r) || memchr(a, '\t', r))
				combo++;
		}
		if (combo * 10 >= n * 6)
			scan_engine_set_format(e, SCAN_FMT_COMBO, ':');
	}
	return e->st.fmt;
}
