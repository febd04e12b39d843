/* SPDX-License-Identifier: MIT */
/*
 * scan/matcher.h: the subject index in memory and the keyed hashes it is
 * built from (docs/subjects.md).  Our identifiers are stored only as two
 * keyed hashes of their normalised form, both derived from one register
 * secret: a 64-bit SipHash-2-4 tag (the fast pre-filter) and a 256-bit
 * keyed BLAKE2b hash (the confirmation).  A leak value is a candidate when
 * its tag is in the table and a match when its BLAKE2b hash equals the
 * stored one.  Pure apart from libsodium: no I/O.  Includes base/ only.
 */
#ifndef BREACHKIT_SCAN_MATCHER_H
#define BREACHKIT_SCAN_MATCHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What an identifier is; the numbers are stored in the register. */
#define MATCH_KIND_LIST(X)   \
	X(EMAIL, 1, "email") \
	X(PHONE, 2, "phone") \
	X(IBAN, 3, "iban")   \
	X(CUSTOMER_NO, 4, "customer_no")

#define X(e, n, s) MATCH_##e = n,
enum match_kind { MATCH_NONE = 0, MATCH_KIND_LIST(X) MATCH_KIND__MAX };
#undef X

enum {
	MATCH_SECRET_LEN = 32,
	MATCH_HASH_LEN = 16,    /* keyed BLAKE2b-128: confirms a 64-bit tag */
	MATCH_PACK_MAX = 65536, /* entries per stored block */
	MATCH_VALUE_MAX = 200   /* longer identifiers are not indexed */
};

struct match_keys {
	unsigned char tag[16];  /* crypto_shorthash_KEYBYTES */
	unsigned char hash[32]; /* crypto_generichash key */
};

/*
 * One identifier as stored (32 bytes, host byte order; blocks of them are
 * rows of the register, docs/subjects.md).
 */
struct match_entry {
	uint64_t tag;
	unsigned char hash[MATCH_HASH_LEN];
	uint32_t subject; /* the subject's row id */
	uint8_t kind;
	uint8_t pad[3];
};
_Static_assert(sizeof(struct match_entry) == 32, "packed entry size");

/* "email" ... for a kind, or NULL. */
const char *match_kind_name(unsigned kind);
/* The kind named `s`, or MATCH_NONE. */
enum match_kind match_kind_by_name(const char *s);
/* The normalised form of `kind` (scan/normalize.h); 0 when invalid or
 * longer than MATCH_VALUE_MAX. */
size_t match_normalize(
    unsigned kind, const char *s, size_t len, char *out, size_t outsz);

/* Derive the two keys from the register secret (crypto_kdf). */
void match_keys_derive(
    const unsigned char secret[MATCH_SECRET_LEN], struct match_keys *);
/* The pre-filter tag of a normalised value (never 0). */
uint64_t match_tag(
    const struct match_keys *, unsigned kind, const char *v, size_t len);
/* The confirming hash of a normalised value. */
void match_hash(const struct match_keys *, unsigned kind, const char *v,
    size_t len, unsigned char out[MATCH_HASH_LEN]);

/*
 * Zeroed memory for the big arrays of the index (entries, table, filter):
 * 1 MiB or more is mapped on its own, so that it goes back to the system
 * when released; `huge` asks for transparent huge pages (2 MiB-aligned),
 * otherwise they are refused even where THP is "always" (on the VM fresh
 * huge pages made loading the index slower, matcher.c).  Aborts on OOM.
 */
struct match_mem {
	void *p; /* the memory */
	void *map;
	size_t map_len;
};

void match_mem_alloc(struct match_mem *, size_t bytes, bool huge);
/* Frees and zeroes *mem; a zeroed one is a no-op. */
void match_mem_release(struct match_mem *);

/*
 * The pre-filter: an open-addressing table of tags, each with the index of
 * its entry in the caller's arrays.  Built from our own identifiers only
 * (lookups never insert), so leak data cannot lengthen the probe chains;
 * the tags are keyed, so their bits are uniform.
 */
struct match_table;

/* A table for at most `n` entries; aborts on OOM. */
struct match_table *match_table_new(size_t n);
void match_table_free(struct match_table *);
/* Add entry `idx` under `tag` (idx < UINT32_MAX; at most `n` adds). */
void match_table_add(struct match_table *, uint64_t tag, uint32_t idx);
/* Start loading the slot of `tag` into the cache (a later lookup). */
void match_table_prefetch(const struct match_table *, uint64_t tag);
/*
 * Entries that may have `tag`: call with *pos = 0, then again while it
 * returns true; each call gives the next entry index in *idx.  Only 32
 * bits of the tag are in the table: compare the entry's full tag.
 */
bool match_table_next(
    const struct match_table *, uint64_t tag, size_t *pos, uint32_t *idx);
/* Bytes the table holds. */
size_t match_table_bytes(const struct match_table *);

/*
 * The filter in front of the table: a Bloom filter of our tags, a few
 * MiB (about 1.5-3 bytes per identifier), so that the values that are not
 * ours, nearly all of a leak, stop after one cache-resident load instead
 * of a cache and TLB miss in the table.  match_filter_has() is true for
 * every tag that was added (no false negatives) and for about 1 % of the
 * others; only those go on to the table and the keyed hash.
 */
struct match_filter;

/* A filter for about `n` tags (more only raise the false positives). */
struct match_filter *match_filter_new(size_t n);
void match_filter_free(struct match_filter *);
void match_filter_add(struct match_filter *, uint64_t tag);
/* Start loading the word of `tag` into the cache (a later lookup). */
void match_filter_prefetch(const struct match_filter *, uint64_t tag);
/* False: `tag` was certainly never added. */
bool match_filter_has(const struct match_filter *, uint64_t tag);
/* Bytes the filter holds. */
size_t match_filter_bytes(const struct match_filter *);

#endif
