/* SPDX-License-Identifier: MIT */
/* base/hash.c: SHA-256 through libsodium. */
#include "base/base.h"

#include <string.h>

#include <sodium.h>

#include "base/hash.h"

static_assert(sizeof(crypto_hash_sha256_state) <= sizeof(struct sha256),
    "struct sha256 too small");

int
hash_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

static void
to_hex(const unsigned char *d, char out[SHA256_HEX])
{
	sodium_bin2hex(out, SHA256_HEX, d, crypto_hash_sha256_BYTES);
}

void
sha256_hex(const void *p, size_t n, char out[SHA256_HEX])
{
	unsigned char d[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(d, p, n);
	to_hex(d, out);
}

void
sha256_begin(struct sha256 *h)
{
	crypto_hash_sha256_init((crypto_hash_sha256_state *)(void *)h->state);
}

void
sha256_update(struct sha256 *h, const void *p, size_t n)
{
	crypto_hash_sha256_update(
	    (crypto_hash_sha256_state *)(void *)h->state, p, n);
}

void
sha256_end_hex(struct sha256 *h, char out[SHA256_HEX])
{
	unsigned char d[crypto_hash_sha256_BYTES];

	crypto_hash_sha256_final(
	    (crypto_hash_sha256_state *)(void *)h->state, d);
	to_hex(d, out);
}

void
sha256_end_hex_public(struct sha256 *h, size_t n, char *out)
{
	static const char hexd[] = "0123456789abcdef";
	unsigned char d[crypto_hash_sha256_BYTES];

	assert(n <= sizeof(d));
	crypto_hash_sha256_final(
	    (crypto_hash_sha256_state *)(void *)h->state, d);
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hexd[d[i] >> 4];
		out[2 * i + 1] = hexd[d[i] & 15];
	}
	out[2 * n] = '\0';
}
