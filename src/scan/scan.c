/* SPDX-License-Identifier: MIT */
/*
 * scan/scan.c: the scan job.  The parent opens the file and forks; the
 * child sets its resource limits, streams the file through reader.c and
 * detect.c, aggregates per category (counts, keyed-SipHash HyperLogLog,
 * masked samples, columns) and writes fixed-size records to a pipe.  The
 * parent checks every record before it trusts it: a crash, a hang or
 * garbage from the child costs that file, never the process.
 */
#define _GNU_SOURCE /* memrchr, pipe2 */
#include "base/base.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "model/facts.h"
#include "scan/matcher.h"
#include "scan/normalize.h"
#include "scan/reader.h"
#include "scan/scan.h"

enum {
	REC_MAGIC = 0x424b5343, /* "BKSC" */
	REC_TEXT = 224,
	IDENT_QUEUE = 32, /* REC_IDENTs a detector thread sends at once */
	LINE_MAX_DEFAULT = 16 << 20,
	CHILD_AS = 1024u << 20 /* RLIMIT_AS of the child */
};

enum rec_kind {
	REC_META = 1, /* a=format b=encoding c=compression, text[0]=delim */
	REC_PROGRESS, /* a=file offset b=decoded bytes */
	REC_WARN,     /* a=offset text=message */
	REC_CAT,      /* cat; a=values b=records */
	REC_SAMPLE,   /* cat; text */
	REC_COLUMN,   /* cat; text */
	REC_HLL,      /* cat; a=register offset b=count; bytes */
	REC_DONE,     /* a=records b=lines c=long lines; cat=1 if partial */
	REC_IDENT,    /* match mode: c=bytes used; entries (see ident_put) */
	REC__MAX
};

struct rec {
	uint32_t magic;
	uint16_t kind;
	uint16_t cat;
	uint64_t a, b, c;
	union {
		char text[REC_TEXT];
		uint8_t bytes[REC_TEXT];
	} u;
};
static_assert(sizeof(struct rec) == 256, "fixed-size pipe record");

void
scan_opts_init(struct scan_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->max_line = LINE_MAX_DEFAULT;
	o->cpu_s = 7200;
	o->idle_s = 120;
	o->force_format = -1;
}

/* ---- categories: ENISA and the facts taxonomy ------------------------ */

static const struct {
	const char *enisa;
	unsigned data;
} cat_map[SCAN_CAT__MAX] = {
	[SCAN_CAT_EMAIL] = { "simple", DATA_CONTACT },
	[SCAN_CAT_PHONE] = { "simple", DATA_CONTACT },
	[SCAN_CAT_NAME] = { "simple", DATA_CONTACT },
	[SCAN_CAT_ADDRESS] = { "simple", DATA_CONTACT },
	[SCAN_CAT_DOB] = { "simple", DATA_IDENTITY },
	[SCAN_CAT_TAX_ID] = { "simple", DATA_NATIONAL_ID },
	[SCAN_CAT_ID_DOC] = { "simple", DATA_ID_DOCUMENT },
	[SCAN_CAT_CUSTOMER_NO] = { "simple", DATA_IDENTITY },
	[SCAN_CAT_IBAN] = { "financial", DATA_BANK },
	[SCAN_CAT_CARD] = { "financial", DATA_CARD },
	[SCAN_CAT_PASSWORD] = { "simple", DATA_CREDENTIALS },
	[SCAN_CAT_HASH] = { "simple", DATA_CREDENTIALS },
	[SCAN_CAT_IP] = { "behavioural", DATA_BEHAVIOURAL },
	[SCAN_CAT_HEALTH] = { "sensitive", DATA_HEALTH },
	[SCAN_CAT_RELIGION] = { "sensitive", DATA_RELIGIOUS },
	[SCAN_CAT_POLITICAL] = { "sensitive", DATA_POLITICAL },
	[SCAN_CAT_SEXUAL] = { "sensitive", DATA_SEX },
	[SCAN_CAT_UNION] = { "sensitive", DATA_UNION },
	[SCAN_CAT_BIOMETRIC] = { "sensitive", DATA_BIOMETRIC },
};

const char *
scan_cat_enisa(unsigned c)
{
	return c < SCAN_CAT__MAX ? cat_map[c].enisa : "?";
}

unsigned
scan_cat_data_cat(unsigned c)
{
	return c < SCAN_CAT__MAX ? cat_map[c].data : DATA_OTHER;
}

/* ---- masking ---------------------------------------------------------- */

/* Length of the valid UTF-8 character at s[0], or 0 when it is not one
 * (samples must stay valid text: the parent rejects anything else). */
static size_t
u8len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t k = c < 0x80   ? 1
	           : c < 0xc2 ? 0
	           : c < 0xe0 ? 2
	           : c < 0xf0 ? 3
	           : c < 0xf5 ? 4
	                      : 0;

	if (k == 0 || k > n || (k == 1 && c < 0x20) || !utf8_valid(s, k))
		return 0;
	return k;
}

void
scan_mask(unsigned cat, const char *v, size_t len, char *out, size_t outsz)
{
	static const char ell[] = "\xe2\x80\xa6"; /* … */
	const char *at, *dot;
	size_t k;

	if (outsz == 0)
		return;
	out[0] = '\0';
	if (len == 0)
		return;
	switch (cat) {
	case SCAN_CAT_EMAIL:
		at = memchr(v, '@', len);
		dot = at;
		for (const char *p = at; p != NULL && p < v + len; p++) {
			if (*p == '.')
				dot = p;
		}
		if (at == NULL || dot == NULL || dot == at)
			break;
		k = u8len(v, len);
		snprintf(out, outsz, "%.*s%s%s@%s%c%.*s", (int)k, v,
		    k == 0 ? "?" : "", ell, ell,
		    (unsigned char)dot[-1] < 0x80 ? dot[-1] : '?',
		    (int)(v + len - dot), dot);
		if (!utf8_valid(out, strlen(out)))
			snprintf(out, outsz, "?%s@%s?", ell, ell);
		return;
	case SCAN_CAT_IBAN:
		snprintf(out, outsz, "%.4s%s%s", v, ell, v + len - 4);
		return;
	case SCAN_CAT_CARD:
		snprintf(out, outsz, "%s%s", ell, v + len - 4);
		return;
	case SCAN_CAT_PHONE:
		snprintf(out, outsz, "%.3s%s%s", v, ell, v + len - 2);
		return;
	case SCAN_CAT_TAX_ID:
	case SCAN_CAT_ID_DOC:
		snprintf(out, outsz, "%.2s%s%s", v, ell, v + len - 1);
		return;
	case SCAN_CAT_DOB:
		snprintf(out, outsz, "%.4s-%s", v, ell);
		return;
	case SCAN_CAT_CUSTOMER_NO:
		/* short numbers: the first character (often a scheme letter)
		 * and the length; ASCII only after norm_customer_no() */
		snprintf(out, outsz, "%.1s%s (%zu chars)",
		    (unsigned char)v[0] < 0x80 ? v : "?", ell, len);
		return;
	case SCAN_CAT_IP:
		dot = memchr(v, '.', len);
		if (dot == NULL)
			dot = memchr(v, ':', len);
		k = dot != NULL ? (size_t)(dot - v) + 1 : 0;
		snprintf(out, outsz, "%.*s%s", (int)k, v, ell);
		return;
	case SCAN_CAT_PASSWORD:
		snprintf(out, outsz, "%s (%zu bytes)", ell, len);
		return;
	case SCAN_CAT_HASH:
		if (v[0] == '$') {
			const char *d = memchr(v + 1, '$', len - 1);

			k = d != NULL ? (size_t)(d - v) + 1 : 1;
			if (k <= 4 && d != NULL) { /* $2y$10$ */
				const char *d2 = memchr(
				    d + 1, '$', len - (size_t)(d + 1 - v));

				if (d2 != NULL)
					k = (size_t)(d2 - v) + 1;
			}
			snprintf(out, outsz, "%.*s%s", (int)k, v, ell);
		} else {
			snprintf(out, outsz, "%s (%zu hex)",
			    len == 32   ? "MD5/NTLM"
			    : len == 40 ? "SHA-1"
			    : len == 64 ? "SHA-256"
			                : "SHA-512",
			    len);
		}
		return;
	case SCAN_CAT_NAME:
	case SCAN_CAT_ADDRESS:
		k = u8len(v, len);
		snprintf(
		    out, outsz, "%.*s%s%s", (int)k, v, k == 0 ? "?" : "", ell);
		return;
	default:
		/* Art. 9 keywords: the dictionary word, not personal data */
		snprintf(out, outsz, "%.*s", (int)(len < 40 ? len : 40), v);
		return;
	}
	snprintf(out, outsz, "%s", ell);
}

/* ---- HyperLogLog ------------------------------------------------------ */

uint64_t
scan_distinct_estimate(const struct scan_cat_result *c)
{
	double m = SCAN_HLL_M, sum = 0, est, lc = 0;
	unsigned zeros = 0;

	if (c->hll == NULL)
		return 0;
	for (unsigned i = 0; i < SCAN_HLL_M; i++) {
		sum += ldexp(1.0, -(int)c->hll[i]);
		zeros += c->hll[i] == 0;
	}
	est = (0.7213 / (1 + 1.079 / m)) * m * m / sum;
	/* Linear counting is the better estimator up to about 5m distinct,
	 * where raw HyperLogLog is biased (Heule et al. 2013). */
	if (zeros > 0) {
		lc = m * log(m / zeros);
		if (lc <= 5 * m)
			est = lc;
	}
	if (est > (double)c->values)
		est = (double)c->values;
	return (uint64_t)(est + 0.5);
}

/* ---- keyed hash and per-thread aggregates ----------------------------- */

/* One random key per process, so that registers of several files (and of
 * several threads) merge; it is made before the fork and never leaves. */
static uint64_t hll_key[4];
static pthread_once_t hll_once = PTHREAD_ONCE_INIT;

static void
hll_key_init(void)
{
	if (sodium_init() < 0)
		BUG("sodium_init");
	randombytes_buf(hll_key, sizeof(hll_key));
}

/* 64 x 64 -> 128-bit multiply, folded: the mixing step of wyhash. */
static inline uint64_t
mum(uint64_t a, uint64_t b)
{
	unsigned __int128 r = (unsigned __int128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/* The key as khash() uses it: k0 ^ the final multiplier precomputed. */
struct hkey {
	uint64_t k0, k1, k2, k3, k0c;
};

static void
hkey_init(struct hkey *hk, const uint64_t k[4])
{
	hk->k0 = k[0];
	hk->k1 = k[1];
	hk->k2 = k[2];
	hk->k3 = k[3];
	hk->k0c = k[0] ^ 0x9e3779b97f4a7c15ull;
}

/*
 * A keyed 64-bit hash for the HyperLogLog (wyhash's construction under a
 * random 256-bit key that never leaves the scanning process): about 10x
 * faster than SipHash-2-4 on short values, which mattered at ten values
 * per 250-byte line.  The registers are maxima of 6-bit ranks; without the
 * key nobody can tell which values set them.  The values must never
 * change (registers of several runs and threads merge): the reference is
 * khash_ref() in tests/unit/test_scan.c.
 */
static inline __attribute__((always_inline)) uint64_t
khash(const struct hkey *k, const char *p, size_t n)
{
	uint64_t h = k->k0 ^ (uint64_t)n, a = 0, b = 0;
	uint32_t x, y;

	if (n > 16) {
		/* an end pointer: one register less than a trip count */
		const char *e = p + n;

		do {
			memcpy(&a, p, 8);
			memcpy(&b, p + 8, 8);
			h = mum(a ^ k->k1, b ^ h);
			p += 16;
		} while (e - p > 16);
		n = (size_t)(e - p);
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
	h = mum(a ^ k->k2, b ^ h ^ k->k1);
	return mum(h ^ k->k3, k->k0c);
}

uint64_t
scan_khash_test(const uint64_t key[4], const char *p, size_t n)
{
	struct hkey hk;

	hkey_init(&hk, key);
	return khash(&hk, p, n);
}

/*
 * The HyperLogLog registers of the hot categories (1.1 MiB) miss L2:
 * without prefetching, agg_hit() took twice the time (docs/benchmarks.md).
 * A hit's register is prefetched and updated at the next hit, some
 * thousand instructions later on the dense dumps: time enough for the
 * line to arrive from L3 (a queue of 32 cost 27 instructions per hit,
 * this 16).
 */
enum { FAST_NONE = UINT_MAX };
#define FAST_COL_NONE UINT64_MAX

/*
 * What the common hit of a category reads and writes, in one cache line
 * (struct scan_cat_result is 1.5 KiB): the counts go to `cats` in
 * agg_flush().
 */
struct agg_hot {
	/* the column ids agg_column() will never add again (in col_seen, or
	 * the list is full) of one schema, a bit per column (col_id - 1 is
	 * schema << 6 | column): their hits skip it */
	uint64_t done_cols;
	unsigned done_schema;
	/* done_schema, or FAST_NONE while the category's hits all go to
	 * agg_hit_slow() (samples wanted, match mode, before the first
	 * hit): agg_hit() tests one thing instead of two */
	unsigned fast_schema;
	/* the col_id of the last hit that passed that test, or
	 * FAST_COL_NONE (no col_id is over UINT_MAX): one compare */
	uint64_t fast_col;
	uint64_t values, records;
	uint64_t last_rec; /* record number + 1 of the last hit */
	uint8_t *hll;      /* cats[].hll */
} __attribute__((aligned(64)));

/* What one detector thread found; merged exactly at the end. */
struct agg {
	struct agg_hot hot[SCAN_CAT__MAX];
	struct scan_cat_result cats[SCAN_CAT__MAX];
	unsigned col_seen[SCAN_CAT__MAX][SCAN_COLS_MAX];
	uint32_t want_samples; /* a bit per category: agg_hit_rare() */
	struct hkey key;
	/* the last hit's register update, its cache line prefetched; the
	 * next hit applies it (`spare` before the first) */
	uint8_t *pend_reg;
	uint8_t pend_rank;
	uint8_t spare;
	/* match mode: the identifiers of the current record, sent with its
	 * categories to the parent (ident_hit); NULL child when scanning */
	struct child *ic;
	uint64_t m_rec; /* record number + 1 */
	uint32_t m_cats;
	/* The REC_IDENTs are built in place in m_q, and the pipe's lock is
	 * taken once for IDENT_QUEUE of them, not per record (two detector
	 * threads and the reader took it 1.6 million times for 10 M
	 * identifiers).  m_q[m_qn] is being filled when m_open; the current
	 * record's group starts at m_g0 of it when m_group. */
	size_t m_qn, m_g0;
	bool m_open, m_group;
	struct rec m_q[IDENT_QUEUE];
};

struct child;
static void rec_send_n(struct child *c, struct rec *r, size_t n);

/* ---- match mode: identifiers to the parent ------------------------------ */

/*
 * A REC_IDENT record holds whole groups of entries [kind u8][len u8][len
 * bytes]: the identifiers of one record (kind = enum match_kind), then kind
 * 0 with len 4 and the categories found in that record (uint32, little-
 * endian).  A group never spans two REC_IDENT records, so records from
 * several detector threads may interleave on the pipe.  A record with
 * more identifiers than fit in one group is sent as several groups, each
 * with the categories seen so far.
 */
/* The record being filled is done: queue it, and send the queue when
 * full. */
static void
ident_send(struct agg *a)
{
	if (!a->m_open)
		return;
	a->m_open = false;
	a->m_group = false;
	if (a->m_q[a->m_qn].c == 0)
		return;
	if (++a->m_qn == IDENT_QUEUE) {
		rec_send_n(a->ic, a->m_q, a->m_qn);
		a->m_qn = 0;
	}
}

/* A REC_IDENT to fill (its bytes past c are left as they were). */
static struct rec *
ident_rec(struct agg *a)
{
	struct rec *r = &a->m_q[a->m_qn];

	if (!a->m_open) {
		r->kind = REC_IDENT;
		r->cat = 0;
		r->a = r->b = r->c = 0;
		a->m_open = true;
	}
	return r;
}

/* The current record's categories close its group. */
static void
ident_flush(struct agg *a)
{
	struct rec *r = &a->m_q[a->m_qn];
	unsigned char *b;

	if (!a->m_group)
		return;
	b = r->u.bytes + r->c; /* room kept by ident_hit */
	b[0] = 0;
	b[1] = 4;
	b[2] = (unsigned char)a->m_cats;
	b[3] = (unsigned char)(a->m_cats >> 8);
	b[4] = (unsigned char)(a->m_cats >> 16);
	b[5] = (unsigned char)(a->m_cats >> 24);
	r->c += 6;
	a->m_group = false;
}

static unsigned
ident_kind(unsigned cat)
{
	switch (cat) {
	case SCAN_CAT_EMAIL:
		return MATCH_EMAIL;
	case SCAN_CAT_PHONE:
		return MATCH_PHONE;
	case SCAN_CAT_IBAN:
		return MATCH_IBAN;
	case SCAN_CAT_CUSTOMER_NO:
		return MATCH_CUSTOMER_NO;
	default:
		return MATCH_NONE;
	}
}

static void
ident_hit(struct agg *a, const struct scan_hit *h)
{
	unsigned kind = ident_kind(h->cat);
	struct rec *r;

	static_assert(SCAN_CAT__MAX <= 32, "categories fit a uint32 mask");
	static_assert(MATCH_VALUE_MAX + 2 + 6 <= REC_TEXT, "a group fits");
	if (a->m_rec != h->rec + 1) {
		ident_flush(a);
		a->m_rec = h->rec + 1;
		a->m_cats = 0;
	}
	a->m_cats |= 1u << h->cat;
	if (kind == MATCH_NONE || h->len == 0 || h->len > MATCH_VALUE_MAX)
		return;
	r = ident_rec(a);
	if (r->c + 2 + h->len + 6 > REC_TEXT) {
		/* full: the group moves on to the next record whole, or,
		 * filling a record alone (a huge record), is sent in parts */
		const unsigned char *g = r->u.bytes + a->m_g0;
		size_t gl = a->m_group ? r->c - a->m_g0 : 0;

		if (a->m_group && a->m_g0 == 0) {
			ident_flush(a);
			gl = 0;
		} else {
			r->c = a->m_group ? a->m_g0 : r->c;
		}
		ident_send(a);
		r = ident_rec(a); /* another slot: g stays valid */
		memcpy(r->u.bytes, g, gl);
		r->c = gl;
		a->m_group = gl > 0;
		a->m_g0 = 0;
	}
	if (!a->m_group) {
		a->m_group = true;
		a->m_g0 = r->c;
	}
	r->u.bytes[r->c] = (unsigned char)kind;
	r->u.bytes[r->c + 1] = (unsigned char)h->len;
	memcpy(r->u.bytes + r->c + 2, h->val, h->len);
	r->c += 2 + h->len;
}

/* The last record's identifiers and the partly filled REC_IDENT. */
static void
ident_end(struct agg *a)
{
	if (a->ic == NULL)
		return;
	ident_flush(a);
	ident_send(a);
	if (a->m_qn > 0)
		rec_send_n(a->ic, a->m_q, a->m_qn);
	a->m_qn = 0;
}

/* Registers allocated up front: worker threads never allocate. */
static void
agg_init(struct agg *a, const uint64_t *key)
{
	memset(a, 0, sizeof(*a));
	hkey_init(&a->key, key);
	a->want_samples = (1u << SCAN_CAT__MAX) - 1;
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		a->hot[k].done_schema = UINT_MAX; /* no (col_id - 1) >> 6 */
		a->hot[k].fast_schema = FAST_NONE;
		a->hot[k].fast_col = FAST_COL_NONE;
	}
	a->pend_reg = &a->spare;
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++)
		a->cats[k].hll = a->hot[k].hll = xcalloc(SCAN_HLL_M, 1);
}

static void
agg_release(struct agg *a)
{
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		free(a->cats[k].hll);
		a->cats[k].hll = NULL;
	}
}

/* The register update still pending and the counts: once, when the
 * thread's hits are over. */
static void
agg_flush(struct agg *a)
{
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		a->cats[k].values = a->hot[k].values;
		a->cats[k].records = a->hot[k].records;
	}
	uint8_t r = *a->pend_reg;

	*a->pend_reg = a->pend_rank > r ? a->pend_rank : r;
	a->pend_reg = &a->spare;
	a->pend_rank = 0;
}

static inline __attribute__((always_inline)) void
agg_hll_add(struct agg *a, uint8_t *reg, uint64_t h)
{
	uint8_t *p = a->pend_reg, r = *p, old = a->pend_rank;
	/* the rank of the first 1 after the 16 index bits, 49 when none:
	 * bit 15 stands in for the end without a test for zero */
	uint8_t rank = (uint8_t)(64 - (63 - __builtin_clzll(h << SCAN_HLL_BITS |
	                                                    1ull << 15)));

	static_assert(SCAN_HLL_BITS == 16, "the stop bit is bit 15");
	/* a conditional move: which rank wins is random */
	*p = old > r ? old : r;
	reg += h >> (64 - SCAN_HLL_BITS);
	__builtin_prefetch(reg, 1);
	a->pend_reg = reg;
	a->pend_rank = rank;
}

/* Column names come from the file: keep printable ASCII only. */
static void
clean_col(char *dst, size_t sz, const char *s)
{
	size_t i = 0;

	for (; *s != '\0' && i + 1 < sz && i < 40; s++)
		dst[i++] = (*s >= 0x20 && *s < 0x7f) ? *s : '?';
	dst[i] = '\0';
}

static inline bool
col_is_done(const struct agg *a, unsigned cat, unsigned col_id)
{
	return (col_id - 1) >> 6 == a->hot[cat].done_schema &&
	       (a->hot[cat].done_cols >> ((col_id - 1) & 63) & 1) != 0;
}

static void
col_set_done(struct agg *a, unsigned cat, unsigned col_id)
{
	struct agg_hot *t = &a->hot[cat];

	if ((col_id - 1) >> 6 != t->done_schema) {
		t->done_schema = (col_id - 1) >> 6;
		t->done_cols = 0;
		t->fast_col = FAST_COL_NONE;
	}
	t->done_cols |= 1ull << ((col_id - 1) & 63);
}

static void
agg_column(struct agg *a, const struct scan_hit *h)
{
	struct scan_cat_result *k = &a->cats[h->cat];
	unsigned *seen = a->col_seen[h->cat];
	char t[SCAN_TEXT_MAX];

	for (unsigned i = 0; i < k->cols_n; i++) {
		if (seen[i] == h->col_id) {
			col_set_done(a, h->cat, h->col_id);
			return;
		}
	}
	if (k->cols_n == SCAN_COLS_MAX) {
		col_set_done(a, h->cat, h->col_id);
		return;
	}
	clean_col(t, sizeof(t), h->col);
	/* a known name under a new id: not cached, the id may name another
	 * column next time (JSON keys are interned per worker) */
	for (unsigned i = 0; i < k->cols_n; i++) {
		if (str_eq(k->cols[i], t))
			return;
	}
	seen[k->cols_n] = h->col_id;
	memcpy(k->cols[k->cols_n++], t, sizeof(t));
	col_set_done(a, h->cat, h->col_id);
}

static void
agg_sample(struct scan_cat_result *k, const struct scan_hit *h)
{
	char m[SCAN_TEXT_MAX];

	scan_mask(h->cat, h->val, h->len, m, sizeof(m));
	for (unsigned i = 0; i < k->samples_n; i++) {
		if (str_eq(k->samples[i], m))
			return;
	}
	memcpy(k->samples[k->samples_n++], m, sizeof(m));
}

/* Samples and columns: out of line, most hits need neither. */
static void __attribute__((noinline))
agg_hit_rare(struct agg *a, struct scan_cat_result *k, const struct scan_hit *h)
{
	uint64_t values = a->hot[h->cat].values;

	/* a category whose masks repeat stops looking after 4096 values */
	if (k->samples_n < SCAN_SAMPLES_MAX && values < 4096)
		agg_sample(k, h);
	if (h->col != NULL && h->col[0] != '\0' &&
	    !col_is_done(a, h->cat, h->col_id))
		agg_column(a, h);
	if (k->samples_n >= SCAN_SAMPLES_MAX || values >= 4096)
		a->want_samples &=
		    ~(1u << h->cat); /* for good: both only grow */
}

/* The counts and the register of one hit. */
static inline __attribute__((always_inline)) void
agg_count(struct agg *a, struct agg_hot *t, const struct scan_hit *h)
{
	t->values++;
	if (t->last_rec != h->rec + 1) {
		t->last_rec = h->rec + 1;
		t->records++;
	}
	agg_hll_add(a, t->hll, khash(&a->key, h->val, h->len));
}

/* A hit that wants more than its counts: the identifiers of match mode,
 * samples, a column not settled yet. */
static void __attribute__((noinline))
agg_hit_slow(struct agg *a, const struct scan_hit *h)
{
	struct scan_cat_result *k = &a->cats[h->cat];
	struct agg_hot *t = &a->hot[h->cat];
	bool fast;

	if (a->ic != NULL)
		ident_hit(a, h);
	agg_count(a, t, h);
	if (!col_is_done(a, h->cat, h->col_id) ||
	    (a->want_samples >> h->cat & 1) != 0)
		agg_hit_rare(a, k, h);
	/* only this category's bit and schema can have changed; ic is set
	 * before the first hit and stays */
	fast = a->ic == NULL && (a->want_samples >> h->cat & 1) == 0;
	t->fast_schema = fast ? t->done_schema : FAST_NONE;
	/* a hit without a column (plain text, combolists, stealer logs)
	 * has no column to add: its next such hits take the fast path */
	if (fast && h->col_id == 0)
		t->fast_col = 0;
}

/*
 * The common hit needs only its counts and register: no call but the
 * tail call, so no registers to save.  want_samples has the bit of a
 * category while samples_n < SCAN_SAMPLES_MAX and values < 4096, which
 * agg_hit_rare() clears once it is no longer so; a category is slow
 * while it has that bit, in match mode (every hit's identifiers), and
 * before its first hit: then fast_schema is FAST_NONE, which no column's
 * (col_id - 1) >> 6 equals, and otherwise it is done_schema, so that
 * one test is col_is_done() and the slow bit together.
 */
static void
agg_hit(void *ctx, const struct scan_hit *h)
{
	struct agg *a = ctx;
	struct agg_hot *t = &a->hot[h->cat];
	unsigned c = h->col_id - 1;

	if (h->col_id != t->fast_col) {
		if (c >> 6 != t->fast_schema ||
		    (t->done_cols >> (c & 63) & 1) == 0) {
			agg_hit_slow(a, h);
			return;
		}
		t->fast_col = h->col_id;
	}
	agg_count(a, t, h);
}

/* Counts add, registers take the maximum, samples and columns in order. */
static void
cats_merge(struct scan_cat_result *to, struct scan_cat_result *from)
{
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		struct scan_cat_result *a = &to[k], *b = &from[k];

		if (b->values == 0)
			continue;
		a->values += b->values;
		a->records += b->records;
		if (b->hll != NULL) {
			if (a->hll == NULL)
				a->hll = xcalloc(SCAN_HLL_M, 1);
			for (unsigned i = 0; i < SCAN_HLL_M; i++) {
				if (b->hll[i] > a->hll[i])
					a->hll[i] = b->hll[i];
			}
		}
		for (unsigned i = 0; i < b->samples_n; i++) {
			bool dup = false;

			for (unsigned j = 0; j < a->samples_n; j++)
				dup =
				    dup || str_eq(a->samples[j], b->samples[i]);
			if (!dup && a->samples_n < SCAN_SAMPLES_MAX)
				memcpy(a->samples[a->samples_n++],
				    b->samples[i], SCAN_TEXT_MAX);
		}
		for (unsigned i = 0; i < b->cols_n; i++) {
			bool dup = false;

			for (unsigned j = 0; j < a->cols_n; j++)
				dup = dup || str_eq(a->cols[j], b->cols[i]);
			if (!dup && a->cols_n < SCAN_COLS_MAX)
				memcpy(a->cols[a->cols_n++], b->cols[i],
				    SCAN_TEXT_MAX);
		}
	}
}

/* ---- the stream loop (child and eval) --------------------------------- */

/*
 * Threads (--threads N, inside the child): the thread that runs
 * loop_run() reads, decompresses and decodes, cuts the text into blocks
 * that end where a record ends (scan_engine_advance() carries headers,
 * column lists and CSV quote state from block to block), and queues each
 * block with the state before it.  N workers, each with its own engine
 * and aggregates, scan blocks in any order; their aggregates are merged
 * at the end.  Counts are exact because no record spans two blocks (but
 * one longer than the line cap); registers merge by maximum.  With one
 * thread and plain input the engine runs inline, without a queue.
 */
enum { THREADS_MAX = 16, QUEUE_SPARE = 2, BLOCK_SMALL = 2 * READER_BLOCK };

struct block {
	char *buf;
	size_t len, cap;
	uint64_t off; /* decoded offset of buf[0] */
	bool checked; /* NUL and UTF-8 already checked by the reader */
	struct scan_state st;
	struct block *next;
};

struct loop;

struct worker {
	pthread_t tid;
	struct loop *l;
	struct scan_engine *eng;
	struct agg agg;
	bool started;
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t cv_work, cv_free;
	struct block *blocks;
	size_t blocks_n;
	struct block *free_list, *work_head, *work_tail;
	bool done, big_busy;
	struct worker *w;
	size_t w_n;
};

struct loop {
	struct child *ident_child; /* match mode: where identifiers go */
	struct scan_engine *eng;   /* inline: the engine; pool: the splitter */
	struct reader *rd;
	const struct scan_opts *o;
	volatile int *stop;
	void (*warn)(void *, uint64_t, const char *);
	void (*progress)(void *, uint64_t, uint64_t);
	void *ctx;
	uint64_t long_lines, base_off;
	atomic_uint bad_utf8;
	atomic_bool nul_seen;
	struct pool *pool; /* NULL: inline */
};

/* The high bits of s[0..64): bit k set when s[k] >= 0x80. */
static uint64_t
high_bits64(const unsigned char *s)
{
#if defined(__x86_64__) && defined(__GNUC__)
	/* SSE2 is part of x86-64; <emmintrin.h> drags in the allocator
	 * (banned.h): the builtin on vector types */
	typedef char v16 __attribute__((vector_size(16)));
	v16 a, b, c, d;

	memcpy(&a, s, 16);
	memcpy(&b, s + 16, 16);
	memcpy(&c, s + 32, 16);
	memcpy(&d, s + 48, 16);
	return (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(a) |
	       (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(b) << 16 |
	       (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(c) << 32 |
	       (uint64_t)(unsigned)__builtin_ia32_pmovmskb128(d) << 48;
#else
	uint64_t m = 0;

	for (unsigned k = 0; k < 64; k++)
		m |= (uint64_t)(s[k] >> 7) << k;
	return m;
#endif
}

/*
 * Offset of the first invalid UTF-8 sequence, or n.  64 bytes at a time:
 * a mask of their high bytes, and only the set bits are looked at, each a
 * lead byte whose continuation bytes are cleared from the mask once
 * checked.  The dense dumps have a multi-byte character every ~100 bytes,
 * so most windows have one: skipping ASCII by windows alone paid little.
 * The last bytes (under 64) go through a zero-padded copy.
 */
static size_t
utf8_first_bad(const unsigned char *s, size_t n)
{
	unsigned char tail[64];
	size_t i = 0;

	while (i < n) {
		const unsigned char *w = s + i;
		uint64_t m;

		if (n - i >= 64) {
			m = high_bits64(w);
		} else {
			memset(tail, 0, sizeof(tail));
			memcpy(tail, w, n - i);
			m = high_bits64(tail);
		}
		while (m != 0) {
			size_t j = (size_t)__builtin_ctzll(m), p = i + j;
			unsigned c = s[p], k;

			if ((k = utf8_lead_tail((unsigned char)c)) == 0)
				return p;
			if (p + k >= n)
				return p;
			for (size_t q = 1; q <= k; q++) {
				if ((s[p + q] & 0xc0) != 0x80)
					return p;
			}
			if (j + k + 1 >= 64) {
				/* the character ends past this window: the
				 * next one starts after it */
				i = p + k + 1;
				goto next;
			}
			m &= ~0ull << (j + k + 1);
		}
		i += 64;
	next:;
	}
	return n;
}

size_t
scan_utf8_first_bad_test(const unsigned char *s, size_t n)
{
	return utf8_first_bad(s, n);
}

/* NUL bytes and invalid UTF-8 in buf[0..n) at decoded offset `off`. */
static void
check_block(struct loop *l, const char *buf, size_t n, uint64_t off)
{
	const char *z;

	if (!atomic_load(&l->nul_seen) && (z = memchr(buf, '\0', n)) != NULL &&
	    !atomic_exchange(&l->nul_seen, true))
		l->warn(l->ctx, off + (uint64_t)(z - buf),
		    "NUL bytes (binary data): scanned as text");
	if (reader_encoding(l->rd) <= READER_ENC_UTF8 &&
	    atomic_load(&l->bad_utf8) < 5) {
		size_t b = utf8_first_bad((const unsigned char *)buf, n);

		if (b < n && atomic_fetch_add(&l->bad_utf8, 1) < 5)
			l->warn(
			    l->ctx, off + b, "invalid UTF-8: scanned as bytes");
	}
}

static struct block *
pool_take_free(struct pool *pl)
{
	struct block *b;

	pthread_mutex_lock(&pl->mu);
	while (pl->free_list == NULL)
		pthread_cond_wait(&pl->cv_free, &pl->mu);
	b = pl->free_list;
	pl->free_list = b->next;
	pthread_mutex_unlock(&pl->mu);
	return b;
}

static void
pool_give_free(struct pool *pl, struct block *b)
{
	pthread_mutex_lock(&pl->mu);
	if (b->cap > BLOCK_SMALL)
		pl->big_busy = false;
	b->next = pl->free_list;
	pl->free_list = b;
	pthread_cond_broadcast(&pl->cv_free);
	pthread_mutex_unlock(&pl->mu);
}

/* Room for `need` bytes; at most one block above BLOCK_SMALL at a time,
 * so memory stays (threads + 2) x 2 MiB + one line cap. */
static void
pool_room(struct pool *pl, struct block *b, size_t need)
{
	if (b->cap > BLOCK_SMALL && need <= BLOCK_SMALL) {
		free(b->buf);
		b->buf = xmalloc(BLOCK_SMALL);
		b->cap = BLOCK_SMALL;
	}
	if (need <= b->cap)
		return;
	pthread_mutex_lock(&pl->mu);
	while (pl->big_busy)
		pthread_cond_wait(&pl->cv_free, &pl->mu);
	pl->big_busy = true;
	pthread_mutex_unlock(&pl->mu);
	free(b->buf);
	b->buf = xmalloc(need);
	b->cap = need;
}

/* Queue whole lines buf[0..n) at decoded offset `off`, up to where a
 * record ends; returns how much was queued (the rest is carried). */
static size_t
pool_feed(struct loop *l, const char *buf, size_t n, uint64_t off, bool force,
    bool checked)
{
	struct pool *pl = l->pool;
	struct block *b = pool_take_free(pl);
	size_t cut;

	scan_engine_get_state(l->eng, &b->st);
	cut = scan_engine_advance(l->eng, buf, n, force);
	if (cut == 0) {
		pool_give_free(pl, b);
		return 0;
	}
	pool_room(pl, b, cut);
	memcpy(b->buf, buf, cut);
	b->len = cut;
	b->off = off;
	b->checked = checked;
	b->next = NULL;
	pthread_mutex_lock(&pl->mu);
	if (pl->work_tail != NULL)
		pl->work_tail->next = b;
	else
		pl->work_head = b;
	pl->work_tail = b;
	pthread_cond_signal(&pl->cv_work);
	pthread_mutex_unlock(&pl->mu);
	return cut;
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *pl = w->l->pool;

	for (;;) {
		struct block *b;

		pthread_mutex_lock(&pl->mu);
		while (pl->work_head == NULL && !pl->done)
			pthread_cond_wait(&pl->cv_work, &pl->mu);
		b = pl->work_head;
		if (b != NULL) {
			pl->work_head = b->next;
			if (pl->work_head == NULL)
				pl->work_tail = NULL;
		}
		pthread_mutex_unlock(&pl->mu);
		if (b == NULL)
			break;
		if (!b->checked)
			check_block(w->l, b->buf, b->len, b->off);
		scan_engine_set_state(w->eng, &b->st);
		scan_engine_lines(w->eng, b->buf, b->len);
		pool_give_free(pl, b);
	}
	agg_flush(&w->agg);
	ident_end(&w->agg);
	return NULL;
}

/* Start `n` workers with their own engines and aggregates. */
static void
pool_start(struct loop *l, struct pool *pl, unsigned n, const uint64_t *key)
{
	pthread_attr_t at;

	memset(pl, 0, sizeof(*pl));
	pthread_mutex_init(&pl->mu, NULL);
	pthread_cond_init(&pl->cv_work, NULL);
	pthread_cond_init(&pl->cv_free, NULL);
	pl->blocks_n = n + QUEUE_SPARE;
	pl->blocks = xcalloc(pl->blocks_n, sizeof(*pl->blocks));
	for (size_t i = 0; i < pl->blocks_n; i++) {
		pl->blocks[i].buf = xmalloc(BLOCK_SMALL);
		pl->blocks[i].cap = BLOCK_SMALL;
		pl->blocks[i].next = pl->free_list;
		pl->free_list = &pl->blocks[i];
	}
	pl->w = xcalloc(n, sizeof(*pl->w));
	pl->w_n = n;
	l->pool = pl;
	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, 4u << 20);
	for (unsigned i = 0; i < n; i++) {
		struct worker *w = &pl->w[i];

		w->l = l;
		agg_init(&w->agg, key);
		w->agg.ic = l->ident_child;
		w->eng = scan_engine_new(agg_hit, &w->agg);
		w->started = pthread_create(&w->tid, &at, worker_main, w) == 0;
		if (!w->started)
			BUG("pthread_create");
	}
	pthread_attr_destroy(&at);
}

/* Wait for the queue to drain; merge into `into`; free the pool. */
static void
pool_finish(struct pool *pl, struct scan_cat_result *into, uint64_t *records,
    uint64_t *lines)
{
	pthread_mutex_lock(&pl->mu);
	pl->done = true;
	pthread_cond_broadcast(&pl->cv_work);
	pthread_mutex_unlock(&pl->mu);
	for (size_t i = 0; i < pl->w_n; i++) {
		struct worker *w = &pl->w[i];

		pthread_join(w->tid, NULL);
		cats_merge(into, w->agg.cats);
		*records += scan_engine_records(w->eng);
		*lines += scan_engine_lines_seen(w->eng);
		scan_engine_free(w->eng);
		agg_release(&w->agg);
	}
	for (size_t i = 0; i < pl->blocks_n; i++)
		free(pl->blocks[i].buf);
	free(pl->blocks);
	free(pl->w);
	pthread_mutex_destroy(&pl->mu);
	pthread_cond_destroy(&pl->cv_work);
	pthread_cond_destroy(&pl->cv_free);
}

/* Whole lines buf[0..n) to the engine or the queue; returns the bytes
 * consumed (the queue may leave an open record for the next call). */
static size_t
loop_feed(struct loop *l, const char *buf, size_t n, uint64_t off, bool force,
    bool checked)
{
	if (l->pool != NULL)
		return pool_feed(l, buf, n, off, force, checked);
	if (!checked)
		check_block(l, buf, n, off);
	scan_engine_lines(l->eng, buf, n);
	return n;
}

/* Whole lines buf[0..n): lines over the cap skipped, the rest fed. */
static size_t
loop_lines(struct loop *l, const char *buf, size_t n)
{
	if (n <= l->o->max_line)
		return loop_feed(l, buf, n, l->base_off, false, false);
	/* a block over the cap may hold a whole line over the cap */
	check_block(l, buf, n, l->base_off);
	for (size_t i = 0, s = 0; i <= n;) {
		const char *nl = i < n ? memchr(buf + i, '\n', n - i) : NULL;
		size_t end = nl != NULL ? (size_t)(nl - buf) : n;

		if (end - i > l->o->max_line) {
			if (i > s)
				loop_feed(l, buf + s, i - s, l->base_off + s,
				    true, true);
			l->long_lines++;
			scan_engine_skip_lines(l->eng, 1);
			l->warn(l->ctx, l->base_off + i,
			    "line over the line cap: skipped");
			s = end + 1;
		}
		if (end >= n) {
			if (s < n)
				loop_feed(l, buf + s, n - s, l->base_off + s,
				    true, true);
			break;
		}
		i = end + 1;
	}
	return n;
}

static enum err
loop_run(struct loop *l)
{
	size_t cap = l->o->max_line + 2 * (size_t)READER_BLOCK, carry = 0, got,
	       pending = 0;
	char *buf = xmalloc(cap);
	bool skipping = false, first = true;
	enum err rc = ERR_OK;

	for (;;) {
		char *nl;

		if (l->stop != NULL && *l->stop) {
			rc = ERR_INTR;
			break;
		}
		rc = reader_read(l->rd, buf + carry, READER_BLOCK, &got);
		if (rc != ERR_OK)
			break;
		if (first) {
			first = false;
			if (l->o->force_format >= 0) {
				scan_engine_set_format(l->eng,
				    (enum scan_format)l->o->force_format, ',');
				scan_engine_prime(l->eng, buf, got);
			} else
				scan_engine_sniff(l->eng, buf, got);
		}
		if (got == 0) {
			if (carry > 0 && !skipping)
				loop_feed(
				    l, buf, carry, l->base_off, true, false);
			break;
		}
		if (skipping) {
			nl = memchr(buf, '\n', got);
			if (nl == NULL) {
				l->base_off += got;
				continue;
			}
			skipping = false;
			l->base_off += (uint64_t)(nl + 1 - buf);
			memmove(buf, nl + 1, got - (size_t)(nl + 1 - buf));
			carry = got - (size_t)(nl + 1 - buf);
			got = 0;
		}
		nl = memrchr(buf + carry, '\n', got);
		if (nl == NULL) {
			carry += got;
			if (carry > l->o->max_line && pending > 0) {
				/* an open record, then a long line: the
				 * record's lines go as they are */
				loop_feed(
				    l, buf, pending, l->base_off, true, false);
				l->base_off += pending;
				memmove(buf, buf + pending, carry - pending);
				carry -= pending;
				pending = 0;
			}
			if (carry > l->o->max_line) {
				l->long_lines++;
				scan_engine_skip_lines(l->eng, 1);
				l->warn(l->ctx, l->base_off,
				    "line over the line cap: skipped");
				l->base_off += carry;
				carry = 0;
				skipping = true;
			}
		} else {
			size_t n = (size_t)(nl + 1 - buf), used, rest;

			used = loop_lines(l, buf, n);
			rest = carry + got - used;
			pending = n - used;
			l->base_off += used;
			memmove(buf, buf + used, rest);
			carry = rest;
		}
		if (l->progress != NULL)
			l->progress(l->ctx, reader_file_offset(l->rd),
			    l->base_off + carry);
	}
	free(buf);
	return rc;
}

/* ---- the child -------------------------------------------------------- */

/* The child's exit status for a file it does not read (a container such
 * as a ZIP archive); its warning says what it is. */
enum { CHILD_EXIT_UNREAD = 5 };

enum { OBUF_SIZE = 256 * 256 };     /* records written to the pipe in one go */
enum { PIPE_MATCH_SIZE = 1 << 20 }; /* the pipe's buffer in match mode */

struct child {
	int out;
	struct agg agg;
	size_t obuf_n;
	char obuf[OBUF_SIZE];
	unsigned warns;
	bool dead_pipe;
	pthread_mutex_t mu; /* records come from the reader and workers */
};

static volatile sig_atomic_t child_stop_flag;
static volatile int child_stop;

static void
child_on_int(int sig)
{
	(void)sig;
	child_stop = 1;
	child_stop_flag = 1;
}

/* Write out the buffered records (the caller holds c->mu). */
static void
child_flush_locked(struct child *c)
{
	const char *p = c->obuf;
	size_t n = c->obuf_n;

	c->obuf_n = 0;
	while (n > 0 && !c->dead_pipe) {
		ssize_t w = write(c->out, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			c->dead_pipe = true;
			child_stop = 1;
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

static void
rec_send_locked(struct child *c, struct rec *r)
{
	r->magic = REC_MAGIC;
	if (c->obuf_n + sizeof(*r) > sizeof(c->obuf))
		child_flush_locked(c);
	memcpy(c->obuf + c->obuf_n, r, sizeof(*r));
	c->obuf_n += sizeof(*r);
}

static void
child_flush(struct child *c)
{
	pthread_mutex_lock(&c->mu);
	child_flush_locked(c);
	pthread_mutex_unlock(&c->mu);
}

static void
rec_send(struct child *c, struct rec *r)
{
	pthread_mutex_lock(&c->mu);
	rec_send_locked(c, r);
	pthread_mutex_unlock(&c->mu);
}

/* `n` records in a row, under one lock. */
static void
rec_send_n(struct child *c, struct rec *r, size_t n)
{
	pthread_mutex_lock(&c->mu);
	for (size_t i = 0; i < n; i++)
		rec_send_locked(c, &r[i]);
	pthread_mutex_unlock(&c->mu);
}

static void
child_text(struct rec *r, const char *s)
{
	size_t n = strlen(s);

	/* what the parent accepts (rec_text_ok): at most SCAN_TEXT_MAX - 1
	 * bytes, cut before a UTF-8 character, not inside it */
	if (n > SCAN_TEXT_MAX - 1) {
		n = SCAN_TEXT_MAX - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(r->u.text, s, n);
	r->u.text[n] = '\0';
}

static void
child_warn(void *ctx, uint64_t off, const char *msg)
{
	struct child *c = ctx;
	struct rec r = { 0 };

	r.kind = REC_WARN;
	r.a = off;
	child_text(&r, msg);
	pthread_mutex_lock(&c->mu);
	if (++c->warns <= 1000)
		rec_send_locked(c, &r);
	pthread_mutex_unlock(&c->mu);
}

static void
child_progress(void *ctx, uint64_t file_off, uint64_t dec)
{
	struct rec r = { 0 };

	r.kind = REC_PROGRESS;
	r.a = file_off;
	r.b = dec;
	rec_send(ctx, &r);
	child_flush(ctx);
}

static void
child_limits(const struct scan_opts *o, int maxfd)
{
	struct rlimit rl;

	rl.rlim_cur = rl.rlim_max = 0;
	setrlimit(RLIMIT_CORE, &rl);
	setrlimit(RLIMIT_FSIZE, &rl);
	rl.rlim_cur = rl.rlim_max = (rlim_t)maxfd + 1;
	setrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = o->cpu_s;
	rl.rlim_max = (rlim_t)o->cpu_s + 5;
	setrlimit(RLIMIT_CPU, &rl);
#if !defined(__SANITIZE_ADDRESS__) && !defined(BREACHKIT_NO_RLIMIT_AS)
#if defined(__has_feature)
#if !__has_feature(address_sanitizer)
#define BK_SET_AS 1
#endif
#else
#define BK_SET_AS 1
#endif
#endif
#ifdef BK_SET_AS
	/* Sanitizers reserve terabytes of shadow memory: no AS limit there.
	 * The reader's buffer and one queued block may each hold a line at
	 * the cap. */
	rl.rlim_cur = rl.rlim_max = (rlim_t)CHILD_AS + 2 * (rlim_t)o->max_line;
	setrlimit(RLIMIT_AS, &rl);
#endif
}

/* Detector threads: --threads, else the online CPUs, at most 16. */
static unsigned
threads_for(const struct scan_opts *o)
{
	long n =
	    o->threads > 0 ? (long)o->threads : sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		n = 1;
	return n > THREADS_MAX ? THREADS_MAX : (unsigned)n;
}

static void
child_send_cats(struct child *c)
{
	struct rec r = { 0 };

	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		struct scan_cat_result *a = &c->agg.cats[k];

		if (a->values == 0)
			continue;
		memset(&r, 0, sizeof(r));
		r.kind = REC_CAT;
		r.cat = (uint16_t)k;
		r.a = a->values;
		r.b = a->records;
		rec_send(c, &r);
		for (unsigned i = 0; i < a->samples_n; i++) {
			r.kind = REC_SAMPLE;
			child_text(&r, a->samples[i]);
			rec_send(c, &r);
		}
		for (unsigned i = 0; i < a->cols_n; i++) {
			r.kind = REC_COLUMN;
			child_text(&r, a->cols[i]);
			rec_send(c, &r);
		}
		for (size_t off = 0; off < SCAN_HLL_M; off += REC_TEXT) {
			size_t n = SCAN_HLL_M - off < REC_TEXT
			               ? SCAN_HLL_M - off
			               : REC_TEXT;

			memset(&r, 0, sizeof(r));
			r.kind = REC_HLL;
			r.cat = (uint16_t)k;
			r.a = off;
			r.b = n;
			memcpy(r.u.bytes, a->hll + off, n);
			rec_send(c, &r);
		}
	}
}

/*
 * Overwrite the dead stack below the caller: the parent's earlier calls
 * (keyed hashing in match mode) may have left key-derived state there,
 * and the child is the one process that must not hold it.
 */
static void __attribute__((noinline)) stack_scrub(void)
{
	unsigned char pad[64 << 10];

	sodium_memzero(pad, sizeof(pad));
	__asm__ __volatile__("" : : "r"(pad) : "memory");
}

static void
child_main(int fd, int out, const struct scan_opts *o)
{
	struct child *c = xcalloc(1, sizeof(*c));
	struct loop l = { 0 };
	struct pool pl;
	struct rec r = { 0 };
	struct sigaction sa = { 0 };
	uint64_t records = 0, lines = 0;
	unsigned threads = threads_for(o);
	enum err rc;

	/* a crash must end the child, whatever handlers the parent had */
	sa.sa_handler = SIG_DFL;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sa.sa_handler = child_on_int;
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	if (o->child_wipe != NULL)
		o->child_wipe(o->ident_ctx);
	stack_scrub();
	c->out = out;
	pthread_mutex_init(&c->mu, NULL);
	agg_init(&c->agg, hll_key);
	if (o->idents != NULL) {
		c->agg.ic = c;
		l.ident_child = c;
	}
	l.eng = scan_engine_new(agg_hit, &c->agg);
	child_limits(o, fd > out ? fd : out);
	l.o = o;
	l.stop = &child_stop;
	l.warn = child_warn;
	l.progress = child_progress;
	l.ctx = c;
	rc = reader_open(fd, child_warn, c, &l.rd);
	if (rc != ERR_OK) {
		child_flush(c); /* the warning that says why */
		_exit(rc == ERR_INVAL ? CHILD_EXIT_UNREAD : 4);
	}
	/* the reader gets its own thread when it has work of its own */
	if (threads > 1 || reader_compression(l.rd) != READER_COMP_NONE ||
	    reader_encoding(l.rd) > READER_ENC_UTF8)
		pool_start(&l, &pl, threads, hll_key);
	rc = loop_run(&l);
	agg_flush(&c->agg);
	ident_end(&c->agg);
	records = scan_engine_records(l.eng);
	lines = scan_engine_lines_seen(l.eng);
	if (l.pool != NULL)
		pool_finish(&pl, c->agg.cats, &records, &lines);
	r.kind = REC_META;
	r.a = (uint64_t)scan_engine_sniff_format(l.eng);
	r.b = reader_encoding(l.rd);
	r.c = reader_compression(l.rd);
	r.u.text[0] = scan_engine_delim(l.eng);
	rec_send(c, &r);
	child_send_cats(c);
	memset(&r, 0, sizeof(r));
	r.kind = REC_DONE;
	r.a = records;
	r.b = lines;
	r.c = l.long_lines;
	r.cat = rc == ERR_INTR;
	child_progress(c, reader_file_offset(l.rd), l.base_off);
	rec_send(c, &r);
	child_flush(c);
	_exit(rc == ERR_OK || rc == ERR_INTR ? 0 : 5);
}

/* ---- the parent ------------------------------------------------------- */

struct parent {
	struct scan_result *res;
	struct scan_file_result *f;
	struct scan_cat_result cats[SCAN_CAT__MAX];
	const struct scan_opts *o;
	bool done, meta, bad;
	uint64_t last_draw_ns, last_rec_ns, start_ns, last_off;
};

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void
add_warning(struct scan_file_result *f, uint64_t off, const char *msg)
{
	if (f->warnings_n < SCAN_WARN_MAX) {
		f->warnings[f->warnings_n].off = off;
		snprintf(
		    f->warnings[f->warnings_n].msg, SCAN_TEXT_MAX, "%s", msg);
		f->warnings_n++;
	} else {
		f->warnings_dropped++;
	}
}

static void
draw_progress(struct parent *p, uint64_t off, bool final)
{
	uint64_t t = now_ns();
	double secs, rate, frac;
	int bar;
	char line[160];

	if (!p->o->progress || (!final && t - p->last_draw_ns < 100000000ull))
		return;
	p->last_draw_ns = t;
	secs = (double)(t - p->start_ns) / 1e9;
	rate = secs > 0 ? (double)off / secs : 0;
	frac = p->f->size > 0 ? (double)off / (double)p->f->size : 0;
	if (frac > 1)
		frac = 1;
	bar = (int)(frac * 30);
	snprintf(line, sizeof(line),
	    "\r[%-30.*s] %3d%% %8.1f MB %7.1f MB/s ETA %4.0fs ", bar,
	    "##############################", (int)(frac * 100),
	    (double)off / 1e6, rate / 1e6,
	    rate > 0
	        ? (double)(p->f->size - (off < p->f->size ? off : p->f->size)) /
	              rate
	        : 0.0);
	fputs(line, stderr);
	if (final)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* Is this a well-formed text field from the child? */
static bool
rec_text_ok(const struct rec *r)
{
	const char *z = memchr(r->u.text, '\0', sizeof(r->u.text));

	if (z == NULL || (size_t)(z - r->u.text) >= SCAN_TEXT_MAX)
		return false;
	return text_problem(r->u.text, (size_t)(z - r->u.text),
	           SCAN_TEXT_MAX - 1, false) == NULL;
}

/* Check a REC_IDENT from the child, then pass its groups on at once. */
static bool
ident_apply(struct parent *p, const struct rec *r)
{
	const struct scan_opts *o = p->o;
	size_t i = 0;
	unsigned last = MATCH_NONE;

	static_assert(
	    (int)SCAN_IDENT_BYTES == (int)REC_TEXT, "a REC_IDENT's bytes");
	if (o->idents == NULL || r->c == 0 || r->c > SCAN_IDENT_BYTES)
		return false;
	while (i < r->c) {
		unsigned kind, len;

		if (i + 2 > r->c)
			return false;
		kind = r->u.bytes[i];
		len = r->u.bytes[i + 1];
		if (i + 2 + len > r->c)
			return false;
		if (kind == MATCH_NONE) {
			const unsigned char *m = r->u.bytes + i + 2;
			uint32_t cats;

			if (len != 4)
				return false;
			cats = (uint32_t)m[0] | (uint32_t)m[1] << 8 |
			       (uint32_t)m[2] << 16 | (uint32_t)m[3] << 24;
			if (cats == 0 || cats >> SCAN_CAT__MAX != 0)
				return false;
		} else if (kind >= MATCH_KIND__MAX || len == 0 ||
		           len > MATCH_VALUE_MAX) {
			return false;
		}
		i += 2 + len;
		last = kind;
	}
	/* a group never spans records: the last entry ends one */
	if (last != MATCH_NONE)
		return false;
	o->idents(o->ident_ctx, r->u.bytes, r->c);
	return true;
}

/* Check and apply one record; false when it is malformed. */
static bool
rec_apply(struct parent *p, const struct rec *r)
{
	struct scan_file_result *f = p->f;
	struct scan_cat_result *c;

	if (r->magic != REC_MAGIC || r->kind == 0 || r->kind >= REC__MAX ||
	    p->done)
		return false;
	switch (r->kind) {
	case REC_META:
		if (r->a >= SCAN_FMT__MAX || r->b >= READER_ENC__MAX ||
		    r->c >= READER_COMP__MAX)
			return false;
		f->format = (enum scan_format)r->a;
		f->encoding = (unsigned)r->b;
		f->compression = (unsigned)r->c;
		f->delim = (r->u.text[0] >= 0x20 && r->u.text[0] < 0x7f) ||
		                   r->u.text[0] == '\t'
		               ? r->u.text[0]
		               : 0;
		p->meta = true;
		return true;
	case REC_PROGRESS:
		if (r->a > f->size + (1ull << 20) && f->compression == 0 &&
		    p->meta)
			return false;
		f->file_bytes = r->a;
		f->decoded_bytes = r->b;
		p->last_off = r->a;
		draw_progress(p, r->a, false);
		return true;
	case REC_WARN:
		if (!rec_text_ok(r))
			return false;
		add_warning(f, r->a, r->u.text);
		return true;
	case REC_IDENT:
		return ident_apply(p, r);
	case REC_DONE:
		if (r->cat > 1)
			return false;
		f->records = r->a;
		f->lines = r->b;
		f->long_lines = r->c;
		f->status = r->cat ? SCAN_PARTIAL : SCAN_COMPLETE;
		p->done = true;
		return true;
	default:
		break;
	}
	if (r->cat >= SCAN_CAT__MAX)
		return false;
	c = &p->cats[r->cat];
	switch (r->kind) {
	case REC_CAT:
		if (r->b > r->a || r->b > f->lines + f->records + 1 + r->b)
			return false;
		c->values = r->a;
		c->records = r->b;
		return true;
	case REC_SAMPLE:
		if (!rec_text_ok(r) || c->samples_n >= SCAN_SAMPLES_MAX)
			return false;
		memcpy(c->samples[c->samples_n++], r->u.text, SCAN_TEXT_MAX);
		c->samples[c->samples_n - 1][SCAN_TEXT_MAX - 1] = '\0';
		return true;
	case REC_COLUMN:
		if (!rec_text_ok(r) || c->cols_n >= SCAN_COLS_MAX)
			return false;
		memcpy(c->cols[c->cols_n++], r->u.text, SCAN_TEXT_MAX);
		c->cols[c->cols_n - 1][SCAN_TEXT_MAX - 1] = '\0';
		return true;
	case REC_HLL:
		if (r->a >= SCAN_HLL_M || r->b == 0 || r->b > REC_TEXT ||
		    r->a + r->b > SCAN_HLL_M || c->values == 0)
			return false;
		for (size_t i = 0; i < r->b; i++) {
			if (r->u.bytes[i] > 64 - SCAN_HLL_BITS + 1)
				return false;
		}
		if (c->hll == NULL)
			c->hll = xcalloc(SCAN_HLL_M, 1);
		memcpy(c->hll + r->a, r->u.bytes, r->b);
		return true;
	default:
		return false;
	}
}

static void
merge_cats(struct scan_result *res, struct scan_cat_result *from)
{
	cats_merge(res->cats, from);
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		free(from[k].hll);
		from[k].hll = NULL;
	}
}

/* Read records until EOF, a bad record, or a silent child. */
static enum err
parent_read_into(struct parent *p, int in, pid_t pid, char *buf)
{
	struct rec r;
	size_t have = 0;
	bool sent_int = false;

	for (;;) {
		struct pollfd pfd = { in, POLLIN, 0 };
		int pr;
		ssize_t n;

		if (p->o->interrupt != NULL && *p->o->interrupt && !sent_int) {
			kill(pid, SIGINT);
			sent_int = true;
		}
		pr = poll(&pfd, 1, 1000);
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr == 0) {
			if (now_ns() - p->last_rec_ns >
			    (uint64_t)p->o->idle_s * 1000000000ull) {
				snprintf(p->f->error, SCAN_TEXT_MAX,
				    "scanner stopped responding: killed");
				kill(pid, SIGKILL);
				return ERR_INTERNAL;
			}
			continue;
		}
		n = read(in, buf + have, OBUF_SIZE - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return ERR_OK;
		have += (size_t)n;
		if (have < sizeof(r))
			continue;
		p->last_rec_ns = now_ns();
		for (size_t off = 0; off + sizeof(r) <= have;
		     off += sizeof(r)) {
			memcpy(&r, buf + off, sizeof(r));
			if (!rec_apply(p, &r)) {
				snprintf(p->f->error, SCAN_TEXT_MAX,
				    "malformed record from the scanner: "
				    "killed");
				kill(pid, SIGKILL);
				return ERR_INTERNAL;
			}
		}
		memmove(buf, buf + have - have % sizeof(r), have % sizeof(r));
		have %= sizeof(r);
	}
}

static enum err
parent_read(struct parent *p, int in, pid_t pid)
{
	char *buf = xmalloc(OBUF_SIZE);
	enum err rc = parent_read_into(p, in, pid, buf);

	free(buf);
	return rc;
}

/* A new file result in `res` (failed until the child says done), and the
 * parent's state for reading its records. */
static struct scan_file_result *
parent_begin(struct parent *p, struct scan_result *res, const char *path,
    const struct scan_opts *o)
{
	struct scan_file_result *f;

	res->files =
	    xreallocarray(res->files, res->files_n + 1, sizeof(*res->files));
	f = &res->files[res->files_n++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->status = SCAN_FAILED;
	memset(p, 0, sizeof(*p));
	p->res = res;
	p->f = f;
	p->o = o;
	p->start_ns = p->last_rec_ns = now_ns();
	pthread_once(&hll_once, hll_key_init);
	return f;
}

enum err
scan_file(const char *path, const struct scan_opts *o, struct scan_result *res)
{
	struct parent p;
	struct scan_file_result *f = parent_begin(&p, res, path, o);
	struct stat st;
	int fd, pfd[2], status = 0;
	pid_t pid;
	enum err rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(f->error, SCAN_TEXT_MAX, "cannot read: %s",
		    fd < 0 ? strerror(errno) : "not a regular file");
		if (fd >= 0)
			close(fd);
		return ERR_IO;
	}
	f->size = (uint64_t)st.st_size;
	if (pipe2(pfd, O_CLOEXEC) != 0) {
		close(fd);
		return ERR_IO;
	}
	/* Match mode sends every identifier (~400 MB for 10 M): a 1 MiB pipe
	 * instead of 64 KiB lets the detector threads run ahead of the
	 * parent's lookups, and the threads on both sides block and wake
	 * each other far less often (on the VM a wake-up costs ~0.1 ms
	 * before the thread runs; docs/benchmarks.md, "Subject matching").
	 * A smaller pipe (the limit of fs/pipe-max-size) only costs time. */
	if (o->idents != NULL)
		(void)fcntl(pfd[0], F_SETPIPE_SZ, PIPE_MATCH_SIZE);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(fd);
		close(pfd[0]);
		close(pfd[1]);
		return ERR_IO;
	}
	if (pid == 0) {
		close(pfd[0]);
		child_main(fd, pfd[1], o);
		_exit(6);
	}
	close(pfd[1]);
	close(fd);
	rc = parent_read(&p, pfd[0], pid);
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	draw_progress(&p, p.last_off, true);
	f->seconds = (double)(now_ns() - p.start_ns) / 1e9;
	if (rc == ERR_OK && !p.done) {
		if (WIFSIGNALED(status))
			snprintf(f->error, SCAN_TEXT_MAX,
			    "scanner died (signal %d) near byte %llu",
			    WTERMSIG(status), (unsigned long long)p.last_off);
		else if (WEXITSTATUS(status) == CHILD_EXIT_UNREAD &&
		         f->warnings_n > 0)
			snprintf(f->error, SCAN_TEXT_MAX, "not read: %s",
			    f->warnings[f->warnings_n - 1].msg);
		else
			snprintf(f->error, SCAN_TEXT_MAX,
			    "scanner exited (status %d) near byte %llu",
			    WEXITSTATUS(status),
			    (unsigned long long)p.last_off);
		rc = ERR_INTERNAL;
	}
	merge_cats(res, p.cats);
	if (rc != ERR_OK) {
		f->status = p.done ? f->status : SCAN_FAILED;
		return rc;
	}
	if (f->status == SCAN_PARTIAL) {
		res->interrupted = true;
		return ERR_INTR;
	}
	return ERR_OK;
}

bool
scan_records_apply(const void *buf, size_t n, const struct scan_opts *o,
    struct scan_result *res)
{
	struct parent p;
	bool ok = true;

	static_assert(sizeof(struct rec) == SCAN_REC_BYTES, "record size");
	parent_begin(&p, res, "records", o)->size = n;
	for (size_t off = 0; ok && n - off >= sizeof(struct rec);
	     off += sizeof(struct rec)) {
		struct rec r;

		memcpy(&r, (const char *)buf + off, sizeof(r));
		ok = rec_apply(&p, &r);
	}
	merge_cats(res, p.cats);
	return ok;
}

void
scan_result_release(struct scan_result *res)
{
	for (size_t i = 0; i < res->files_n; i++)
		free(res->files[i].path);
	free(res->files);
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++)
		free(res->cats[k].hll);
	memset(res, 0, sizeof(*res));
}

static const char *const status_names[] = { "complete", "partial", "failed" };

json_t *
scan_result_json(const struct scan_result *res)
{
	json_t *root = json_object(), *files = json_array(),
	       *cats = json_array();
	bool partial = res->interrupted;
	uint64_t records = 0;

	for (size_t i = 0; i < res->files_n; i++) {
		const struct scan_file_result *f = &res->files[i];
		json_t *jf = json_object(), *w = json_array();
		char d[2] = { f->delim, 0 };

		records += f->records;
		partial = partial || f->status != SCAN_COMPLETE;
		for (unsigned k = 0; k < f->warnings_n; k++)
			json_array_append_new(
			    w, json_pack("{s:I,s:s}", "offset",
			           (json_int_t)f->warnings[k].off, "message",
			           f->warnings[k].msg));
		json_object_set_new(jf, "path", json_string(f->path));
		json_object_set_new(
		    jf, "status", json_string(status_names[f->status]));
		json_object_set_new(
		    jf, "bytes", json_integer((json_int_t)f->size));
		json_object_set_new(
		    jf, "bytes_read", json_integer((json_int_t)f->file_bytes));
		json_object_set_new(jf, "decoded_bytes",
		    json_integer((json_int_t)f->decoded_bytes));
		json_object_set_new(
		    jf, "format", json_string(scan_format_name(f->format)));
		json_object_set_new(
		    jf, "delimiter", f->delim ? json_string(d) : json_null());
		json_object_set_new(
		    jf, "encoding", json_string(reader_enc_name(f->encoding)));
		json_object_set_new(jf, "compression",
		    json_string(reader_comp_name(f->compression)));
		json_object_set_new(
		    jf, "records", json_integer((json_int_t)f->records));
		json_object_set_new(
		    jf, "lines", json_integer((json_int_t)f->lines));
		json_object_set_new(jf, "long_lines_skipped",
		    json_integer((json_int_t)f->long_lines));
		json_object_set_new(jf, "seconds", json_real(f->seconds));
		json_object_set_new(jf, "warnings", w);
		json_object_set_new(jf, "warnings_dropped",
		    json_integer((json_int_t)f->warnings_dropped));
		if (f->error[0] != '\0')
			json_object_set_new(jf, "error", json_string(f->error));
		json_array_append_new(files, jf);
	}
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		const struct scan_cat_result *c = &res->cats[k];
		json_t *jc, *s = json_array(), *cols = json_array();

		if (c->values == 0) {
			json_decref(s);
			json_decref(cols);
			continue;
		}
		for (unsigned i = 0; i < c->samples_n; i++)
			json_array_append_new(s, json_string(c->samples[i]));
		for (unsigned i = 0; i < c->cols_n; i++)
			json_array_append_new(cols, json_string(c->cols[i]));
		jc = json_pack(
		    "{s:s,s:s,s:I,s:I,s:{s:I,s:b,s:s},s:o,s:o,s:s,s:s}",
		    "category", scan_cat_name(k), "label", scan_cat_label(k),
		    "values", (json_int_t)c->values, "records",
		    (json_int_t)c->records, "distinct", "value",
		    (json_int_t)scan_distinct_estimate(c), "estimate", 1,
		    "method", "HyperLogLog p=16 over a keyed 64-bit hash",
		    "columns", cols, "samples", s, "enisa", scan_cat_enisa(k),
		    "data_category",
		    enum_json_name("data_category", scan_cat_data_cat(k)));
		json_array_append_new(cats, jc);
	}
	json_object_set_new(root, "partial", json_boolean(partial));
	json_object_set_new(root, "records", json_integer((json_int_t)records));
	json_object_set_new(root, "files", files);
	json_object_set_new(root, "categories", cats);
	return root;
}

/* ---- precision and recall against labels ------------------------------ */

enum { EVAL_MAX = 8192 };

struct eval_item {
	unsigned cat;
	bool used;
	char v[NORM_MAX];
};

struct eval {
	FILE *labels;
	char *lbuf;
	size_t lcap;
	bool have_label;
	uint64_t label_line;
	struct eval_item label;
	uint64_t cur;
	struct eval_item *det, *exp;
	size_t det_n, exp_n;
	struct scan_eval_cat *out;
};

static int
cat_by_name(const char *s)
{
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		if (str_eq(s, scan_cat_name(k)))
			return (int)k;
	}
	return -1;
}

/* Next label into e->label; false at the end. */
static bool
eval_next_label(struct eval *e)
{
	ssize_t n;

	for (;;) {
		char *t1, *t2;
		int64_t line;
		int cat;

		n = getline(&e->lbuf, &e->lcap, e->labels);
		if (n <= 0)
			break;
		if (e->lbuf[n - 1] == '\n')
			e->lbuf[--n] = '\0';
		t1 = memchr(e->lbuf, '\t', (size_t)n);
		if (t1 == NULL)
			continue;
		t2 = memchr(t1 + 1, '\t', (size_t)(n - (t1 + 1 - e->lbuf)));
		if (t2 == NULL)
			continue;
		*t1 = *t2 = '\0';
		if (str_to_i64(e->lbuf, 1, INT64_MAX, &line) != ERR_OK)
			continue;
		cat = cat_by_name(t1 + 1);
		if (cat < 0 || strlen(t2 + 1) >= NORM_MAX)
			continue;
		e->label_line = (uint64_t)line;
		e->label.cat = (unsigned)cat;
		e->label.used = false;
		snprintf(e->label.v, sizeof(e->label.v), "%s", t2 + 1);
		e->have_label = true;
		return true;
	}
	e->have_label = false;
	return false;
}

/* Compare the hits of record line `cur` with its labels. */
static void
eval_flush(struct eval *e, uint64_t upto)
{
	while (e->have_label && e->label_line < e->cur) {
		e->out[e->label.cat].fn++;
		eval_next_label(e);
	}
	e->exp_n = 0;
	while (e->have_label && e->label_line == e->cur) {
		if (e->exp_n < EVAL_MAX)
			e->exp[e->exp_n++] = e->label;
		else
			e->out[e->label.cat].fn++;
		eval_next_label(e);
	}
	for (size_t i = 0; i < e->det_n; i++) {
		bool hit = false;

		for (size_t j = 0; j < e->exp_n && !hit; j++) {
			if (!e->exp[j].used && e->exp[j].cat == e->det[i].cat &&
			    str_eq(e->exp[j].v, e->det[i].v)) {
				e->exp[j].used = true;
				hit = true;
			}
		}
		if (hit)
			e->out[e->det[i].cat].tp++;
		else
			e->out[e->det[i].cat].fp++;
	}
	for (size_t j = 0; j < e->exp_n; j++) {
		if (!e->exp[j].used)
			e->out[e->exp[j].cat].fn++;
	}
	e->det_n = 0;
	while (e->have_label && e->label_line < upto) {
		e->out[e->label.cat].fn++;
		eval_next_label(e);
	}
}

static void
eval_hit(void *ctx, const struct scan_hit *h)
{
	struct eval *e = ctx;

	if (h->line != e->cur) {
		eval_flush(e, h->line);
		e->cur = h->line;
	}
	if (e->det_n < EVAL_MAX && h->len < NORM_MAX) {
		e->det[e->det_n].cat = h->cat;
		e->det[e->det_n].used = false;
		memcpy(e->det[e->det_n].v, h->val, h->len);
		e->det[e->det_n].v[h->len] = '\0';
		e->det_n++;
	} else {
		e->out[h->cat].fp++;
	}
}

static void
eval_warn(void *ctx, uint64_t off, const char *msg)
{
	(void)ctx;
	(void)off;
	(void)msg;
}

enum err
scan_eval(const char *path, const char *labels,
    struct scan_eval_cat out[SCAN_CAT__MAX])
{
	struct eval *e = xcalloc(1, sizeof(*e));
	struct scan_opts o;
	struct loop l = { 0 };
	enum err rc = ERR_IO;
	int fd;

	memset(out, 0, SCAN_CAT__MAX * sizeof(*out));
	e->out = out;
	e->det = xcalloc(EVAL_MAX, sizeof(*e->det));
	e->exp = xcalloc(EVAL_MAX, sizeof(*e->exp));
	e->labels = fopen(labels, "r");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (e->labels == NULL || fd < 0)
		goto out;
	scan_opts_init(&o);
	eval_next_label(e);
	l.eng = scan_engine_new(eval_hit, e);
	l.o = &o;
	l.warn = eval_warn;
	l.ctx = e;
	rc = reader_open(fd, eval_warn, e, &l.rd);
	if (rc != ERR_OK)
		goto out;
	rc = loop_run(&l);
	eval_flush(e, UINT64_MAX);
out:
	if (l.rd != NULL)
		reader_free(l.rd);
	scan_engine_free(l.eng);
	if (fd >= 0)
		close(fd);
	if (e->labels != NULL)
		fclose(e->labels);
	free(e->lbuf);
	free(e->det);
	free(e->exp);
	free(e);
	return rc;
}
