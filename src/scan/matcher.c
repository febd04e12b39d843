/* SPDX-License-Identifier: MIT */
/*
 * scan/matcher.c: keyed hashes of identifiers and the in-memory pre-filter
 * table of the subject index (docs/subjects.md, STYLE 3.11: a short keyed
 * tag for every leak value, the slow keyed hash only for candidates).
 */
#include "base/base.h"

#include <sys/mman.h>

#include <sodium.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "scan/matcher.h"
#include "scan/normalize.h"

static_assert(crypto_shorthash_KEYBYTES == 16, "SipHash key size");
static_assert(crypto_kdf_KEYBYTES == MATCH_SECRET_LEN, "KDF key size");

static const char *const kind_names[MATCH_KIND__MAX] = {
#define X(e, n, s) [n] = s,
	MATCH_KIND_LIST(X)
#undef X
};

const char *
match_kind_name(unsigned kind)
{
	return kind > MATCH_NONE && kind < MATCH_KIND__MAX ? kind_names[kind]
	                                                   : NULL;
}

enum match_kind
match_kind_by_name(const char *s)
{
	for (unsigned k = 1; k < MATCH_KIND__MAX; k++) {
		if (str_eq(s, kind_names[k]))
			return (enum match_kind)k;
	}
	return MATCH_NONE;
}

size_t
match_normalize(
    unsigned kind, const char *s, size_t len, char *out, size_t outsz)
{
	size_t n = 0;

	switch (kind) {
	case MATCH_EMAIL:
		n = norm_email(s, len, out, outsz);
		break;
	case MATCH_PHONE:
		n = norm_phone(s, len, out, outsz);
		break;
	case MATCH_IBAN:
		n = norm_iban(s, len, out, outsz);
		break;
	case MATCH_CUSTOMER_NO:
		n = norm_customer_no(s, len, out, outsz);
		break;
	default:
		break;
	}
	return n <= MATCH_VALUE_MAX ? n : 0;
}

void
match_keys_derive(
    const unsigned char secret[MATCH_SECRET_LEN], struct match_keys *k)
{
	crypto_kdf_derive_from_key(
	    k->tag, sizeof(k->tag), 1, "bk-subj1", secret);
	crypto_kdf_derive_from_key(
	    k->hash, sizeof(k->hash), 2, "bk-subj1", secret);
}

/* kind byte + value: the kinds never meet (domain separation). */
static size_t
framed(unsigned kind, const char *v, size_t len, unsigned char *buf)
{
	assert(len <= MATCH_VALUE_MAX);
	buf[0] = (unsigned char)kind;
	memcpy(buf + 1, v, len);
	return len + 1;
}

uint64_t
match_tag(const struct match_keys *k, unsigned kind, const char *v, size_t len)
{
	unsigned char buf[MATCH_VALUE_MAX + 1], out[8];
	uint64_t t;

	crypto_shorthash(out, buf, framed(kind, v, len, buf), k->tag);
	memcpy(&t, out, sizeof(t));
	return t == 0 ? 1 : t;
}

void
match_hash(const struct match_keys *k, unsigned kind, const char *v, size_t len,
    unsigned char out[MATCH_HASH_LEN])
{
	unsigned char buf[MATCH_VALUE_MAX + 1];

	crypto_generichash(out, MATCH_HASH_LEN, buf, framed(kind, v, len, buf),
	    k->hash, sizeof(k->hash));
}

/* ---- the table ---------------------------------------------------------- */

/*
 * A slot is 8 bytes: 32 bits of the tag (the bits above those that pick
 * the slot) and the entry index + 1 (0: empty).  The full tag is checked
 * by the caller against the entry (see match_table_next), so a 32-bit
 * fingerprint costs an extra look only once in 4 billion probes, and the
 * table is half the size: fewer cache and TLB misses, which are what a
 * lookup costs.
 */
struct slot {
	uint32_t fp;
	uint32_t idx1;
};

struct match_table {
	struct slot *slots;
	size_t mask, n, cap_n, bytes;
	struct match_mem mem; /* where the slots are */
};

enum { MEM_MAP_MIN = 1u << 20, HUGE = 2u << 20 };

static uint32_t
fingerprint(uint64_t tag)
{
	return (uint32_t)(tag >> 32);
}

/*
 * The entries and the table are on 4 KiB pages, not on transparent huge
 * pages (as they were until 2026-12-07): on the VM a fresh huge page costs
 * far more than the 512 small pages it replaces (the host hands back
 * memory the guest had returned, and a fault zeroes 2 MiB at a time):
 * loading the index of a million subjects took 1.2-2.7 s with huge pages
 * and 0.4-0.6 s without, and the lookups did not get measurably slower,
 * since only the ~5 % of a leak that passes the filter touches them.  The
 * filter is probed by every identifier and is only 4 MiB: on small pages
 * its prefetches stalled on TLB misses (a nested page walk on the VM), so
 * it keeps its two huge pages (docs/benchmarks.md, "Subject matching").
 */
void
match_mem_alloc(struct match_mem *mem, size_t bytes, bool huge)
{
	memset(mem, 0, sizeof(*mem));
	if (bytes >= MEM_MAP_MIN) {
		const int prot = PROT_READ | PROT_WRITE,
		          flags = MAP_PRIVATE | MAP_ANONYMOUS;
		/* 2 MiB-aligned, so every part of it can be a huge page */
		const size_t len = huge ? bytes + HUGE : bytes;
		/* cppcheck-suppress invalidFunctionArg ; fd -1: anonymous */
		void *p = mmap(NULL, len, prot, flags, -1, 0);

		if (p != MAP_FAILED) {
			uintptr_t u = (uintptr_t)p,
			          al = (u + HUGE - 1) & ~(uintptr_t)(HUGE - 1);

			mem->map = p;
			mem->map_len = len;
			mem->p = huge ? (void *)al : p;
			(void)madvise(mem->p, bytes,
			    huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
			return;
		}
	}
	mem->p = xcalloc(1, bytes > 0 ? bytes : 1);
}

void
match_mem_release(struct match_mem *mem)
{
	if (mem->map != NULL)
		munmap(mem->map, mem->map_len);
	else
		free(mem->p);
	memset(mem, 0, sizeof(*mem));
}

struct match_table *
match_table_new(size_t n)
{
	struct match_table *t = xcalloc(1, sizeof(*t));
	size_t slots = 16;

	assert(n < UINT32_MAX);
	/* Load factor at most 3/4: only the values that pass the filter
	 * (about 6 % of a leak) probe the table, so it can be denser than
	 * the 1/2 it had as the first probe; smaller means fewer pages to
	 * fault in at load (32 MiB for 2.5 million identifiers). */
	while (3 * slots < 4 * n)
		slots <<= 1;
	t->mask = slots - 1;
	t->cap_n = n;
	t->bytes = slots * sizeof(*t->slots);
	match_mem_alloc(&t->mem, t->bytes, false);
	t->slots = t->mem.p;
	return t;
}

void
match_table_free(struct match_table *t)
{
	if (t == NULL)
		return;
	match_mem_release(&t->mem);
	free(t);
}

void
match_table_add(struct match_table *t, uint64_t tag, uint32_t idx)
{
	size_t i = (size_t)tag & t->mask;

	assert(t->n < t->cap_n && idx < UINT32_MAX);
	while (t->slots[i].idx1 != 0)
		i = (i + 1) & t->mask;
	t->slots[i].fp = fingerprint(tag);
	t->slots[i].idx1 = idx + 1;
	t->n++;
}

void
match_table_prefetch(const struct match_table *t, uint64_t tag)
{
	__builtin_prefetch(&t->slots[(size_t)tag & t->mask]);
}

bool
match_table_next(
    const struct match_table *t, uint64_t tag, size_t *pos, uint32_t *idx)
{
	/* *pos is the next slot to look at plus one; 0 means the start */
	size_t i = *pos == 0 ? (size_t)tag & t->mask : (*pos - 1) & t->mask;
	uint32_t fp = fingerprint(tag);

	while (t->slots[i].idx1 != 0) {
		size_t at = i;

		i = (i + 1) & t->mask;
		if (t->slots[at].fp == fp) {
			*pos = i + 1;
			*idx = t->slots[at].idx1 - 1;
			return true;
		}
	}
	return false;
}

size_t
match_table_bytes(const struct match_table *t)
{
	return t->bytes;
}

/* ---- the filter --------------------------------------------------------- */

/*
 * A register-blocked Bloom filter of the tags (Putze, Sanders and Singler,
 * "Cache-, Hash- and Space-Efficient Bloom Filters", 2007): a tag sets
 * FILTER_K bits of one 64-bit word, so a lookup is one load and a mask
 * compare.  At least 12 bits per tag, the words rounded up to a power of
 * two: 4 MiB for 2.5 million identifiers, small enough to stay in the
 * last-level cache, where the table (tens of MiB) does not.  The word
 * comes from the top bits of the tag times an odd constant, the bits from
 * the low 30 bits of the tag; the tags are keyed, so a leak cannot aim
 * at particular words.  Measured on random tags: 1.0 % of the values not
 * in the filter pass it at 12 bits per tag, 0.4 % at 17, 0.13 % at 24.
 * A tag that was added always passes: no false negatives.
 */
struct match_filter {
	uint64_t *w;
	unsigned shift; /* 64 - log2(words) */
	size_t bytes;
	struct match_mem mem;
};

enum { FILTER_K = 5, FILTER_BITS_PER_TAG = 12 };

static size_t
filter_word(const struct match_filter *f, uint64_t tag)
{
	return (size_t)((tag * 0x9e3779b97f4a7c15ull) >> f->shift);
}

static uint64_t
filter_mask(uint64_t tag)
{
	uint64_t m = 0;

	for (unsigned i = 0; i < FILTER_K; i++)
		m |= 1ull << ((tag >> (6 * i)) & 63);
	return m;
}

struct match_filter *
match_filter_new(size_t n)
{
	struct match_filter *f = xcalloc(1, sizeof(*f));
	size_t words = 16;
	unsigned lg = 4;

	while (words * 64 < n * FILTER_BITS_PER_TAG) {
		words <<= 1;
		lg++;
	}
	f->shift = 64 - lg;
	f->bytes = words * sizeof(*f->w);
	match_mem_alloc(&f->mem, f->bytes, true);
	f->w = f->mem.p;
	return f;
}

void
match_filter_free(struct match_filter *f)
{
	if (f == NULL)
		return;
	match_mem_release(&f->mem);
	free(f);
}

void
match_filter_add(struct match_filter *f, uint64_t tag)
{
	f->w[filter_word(f, tag)] |= filter_mask(tag);
}

void
match_filter_prefetch(const struct match_filter *f, uint64_t tag)
{
	__builtin_prefetch(&f->w[filter_word(f, tag)]);
}

bool
match_filter_has(const struct match_filter *f, uint64_t tag)
{
	uint64_t m = filter_mask(tag);

	return (f->w[filter_word(f, tag)] & m) == m;
}

size_t
match_filter_bytes(const struct match_filter *f)
{
	return f->bytes;
}
