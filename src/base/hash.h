/* SPDX-License-Identifier: MIT */
/* base/hash.h: SHA-256 (libsodium) as lowercase hex. */
#ifndef BREACHKIT_HASH_H
#define BREACHKIT_HASH_H

#include <stddef.h>

enum { SHA256_HEX = 65 };

struct sha256 {
	_Alignas(16) unsigned char state[128]; /* crypto_hash_sha256_state */
};

/* Call once before any hashing (sodium_init). */
int hash_init(void);
void sha256_hex(const void *, size_t, char out[SHA256_HEX]);
void sha256_begin(struct sha256 *);
void sha256_update(struct sha256 *, const void *, size_t);
void sha256_end_hex(struct sha256 *, char out[SHA256_HEX]);
/* The first `n` (<= 32) bytes of the digest as 2n hex digits and a NUL,
 * without libsodium's constant-time encoder: for digests that are not
 * secret (Message-IDs, keys of the send log). */
void sha256_end_hex_public(struct sha256 *, size_t n, char *out);

#endif
