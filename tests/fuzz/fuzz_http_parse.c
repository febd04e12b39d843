/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_http_parse.c: what a client sends besides JSON
 * (http/parse.c): the bytes are used as a query string / form body, a
 * Cookie header, an Accept-Language header and a path.  Nothing may
 * crash; what is accepted must hold the parsers' promises (valid UTF-8
 * without NUL in every value, at most KV_MAX pairs, "de" or "en", no
 * "/.." in a decoded path).
 */
#include "base/base.h"

#include <stdint.h>

#include "base/arena.h"
#include "base/str.h"
#include "http/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct arena *a = arena_new();
	struct kvlist kv = { 0 }, ck = { 0 };
	const char *why = NULL, *lang;
	char *s = arena_alloc(a, len + 1), *p;

	memcpy(s, data, len);
	s[len] = '\0';
	if (parse_urlencoded((const char *)data, len, a, &kv, &why)) {
		if (kv.n > KV_MAX)
			BUG("more pairs than KV_MAX");
		for (size_t i = 0; i < kv.n; i++) {
			if (!utf8_valid(kv.v[i].v, strlen(kv.v[i].v)) ||
			    !utf8_valid(kv.v[i].k, strlen(kv.v[i].k)))
				BUG("invalid UTF-8 accepted");
			if (strlen(kv.v[i].v) > KV_VALUE_MAX)
				BUG("value over KV_VALUE_MAX");
			if (kv_get(&kv, kv.v[i].k) == NULL)
				BUG("kv_get misses a parsed key");
		}
	} else if (why == NULL) {
		BUG("refused without a reason");
	}
	/* The header parsers take C strings: the input up to its first NUL. */
	parse_cookies(s, a, &ck);
	for (size_t i = 0; i < ck.n; i++) {
		if (ck.v[i].k == NULL || ck.v[i].v == NULL)
			BUG("cookie without key or value");
	}
	lang = parse_accept_language(s);
	if (strcmp(lang, "de") != 0 && strcmp(lang, "en") != 0)
		BUG("language neither de nor en");
	p = parse_path(s, a);
	if (p != NULL) {
		if (strstr(p, "/..") != NULL)
			BUG("a path with /.. accepted");
		if (strlen(p) > strlen(s))
			BUG("decoding made the path longer");
	}
	arena_free(a);
	return 0;
}
