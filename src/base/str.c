/* SPDX-License-Identifier: MIT */
/* base/str.c: bounded parsers and text validation. */
#include "base/base.h"

#include <string.h>

#include "base/str.h"

enum err
str_to_i64n(const char *s, size_t len, int64_t min, int64_t max, int64_t *out)
{
	bool neg = false;
	int64_t v = 0;
	size_t i = 0;

	if (len == 0)
		return ERR_INVAL;
	if (s[0] == '-') {
		neg = true;
		i = 1;
		if (len == 1)
			return ERR_INVAL;
	}
	for (; i < len; i++) {
		int d;

		if (s[i] < '0' || s[i] > '9')
			return ERR_INVAL;
		d = s[i] - '0';
		if (__builtin_mul_overflow(v, 10, &v))
			return ERR_INVAL;
		if (neg ? __builtin_sub_overflow(v, d, &v)
		        : __builtin_add_overflow(v, d, &v))
			return ERR_INVAL;
	}
	if (v < min || v > max)
		return ERR_INVAL;
	*out = v;
	return ERR_OK;
}

enum err
str_to_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	return str_to_i64n(s, strlen(s), min, max, out);
}

bool
utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		uint32_t cp;
		uint64_t w;

		/* Eight ASCII bytes at a time (most text is ASCII). */
		if (len - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((w & UINT64_C(0x8080808080808080)) == 0) {
				i += 8;
				continue;
			}
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0) {
			n = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (len - i <= n)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		    (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

const char *
text_problem(const char *s, size_t len, size_t max, bool multiline)
{
	if (len > max)
		return "too long";
	if (!utf8_valid(s, len))
		return "not valid UTF-8";
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x7F ||
		    (c < 0x20 && c != '\t' && !(multiline && c == '\n')))
			return multiline
			           ? "contains a control character"
			           : "contains a control character or line break";
	}
	return NULL;
}

bool
str_eq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

bool
str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
