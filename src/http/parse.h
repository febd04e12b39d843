/* SPDX-License-Identifier: MIT */
/*
 * http/parse.h: the parsers of what a client sends besides JSON: query
 * strings and form bodies (application/x-www-form-urlencoded), Cookie
 * headers, Accept-Language.  Depend on base/ only, so they can be fuzzed
 * alone (tests/fuzz/fuzz_http_parse.c).
 */
#ifndef BREACHKIT_HTTP_PARSE_H
#define BREACHKIT_HTTP_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

struct kv {
	const char *k;
	const char *v;
};
struct kvlist {
	struct kv *v;
	size_t n, cap;
};

enum { KV_MAX = 256, KV_VALUE_MAX = 65536 };

/*
 * Parse "a=1&b=x%20y" (query string or form body) into `out` (strings in
 * `a`).  '+' is a space.  Refuses (returns false, *why set) a bad
 * percent-escape, an encoded NUL, a control character other than
 * CR/LF/tab in a value, invalid UTF-8, more than KV_MAX pairs or a value
 * over KV_VALUE_MAX bytes.
 */
bool parse_urlencoded(const char *s, size_t n, struct arena *a,
    struct kvlist *out, const char **why);
/* Parse a Cookie header ("a=1; b=2"); malformed pairs are skipped. */
void parse_cookies(const char *s, struct arena *a, struct kvlist *out);
/* The first value of `k`, or NULL. */
const char *kv_get(const struct kvlist *, const char *k);
/* "de" or "en" from an Accept-Language header (default "de"). */
const char *parse_accept_language(const char *s);
/* Decode a percent-encoded path; NULL on a bad escape, %00 or "/..". */
char *parse_path(const char *s, struct arena *a);

#endif
