/* SPDX-License-Identifier: MIT */
/*
 * base/str.h: bounded parsers and text checks that replace ato*, strto*
 * and sscanf (curl's strparse discipline).
 */
#ifndef BREACHKIT_STR_H
#define BREACHKIT_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/*
 * Parse all of `s` as a decimal integer in [min, max].  Rejects empty
 * input, signs other than a leading '-', trailing junk and overflow.
 */
enum err str_to_i64(const char *s, int64_t min, int64_t max, int64_t *out);
/* Same over `len` bytes that need not be NUL-terminated. */
enum err str_to_i64n(
    const char *s, size_t len, int64_t min, int64_t max, int64_t *out);
/* True when `s[0..len)` is well-formed UTF-8 (no overlongs, surrogates). */
bool utf8_valid(const char *s, size_t len);
/*
 * The continuation bytes a UTF-8 lead byte announces (1-3 for 0xc2-0xf4),
 * 0 for any other byte >= 0x80: the byte-level rule of the scanner's
 * quick checks, which do not look for overlongs after the lead byte.
 */
static inline unsigned
utf8_lead_tail(unsigned char c)
{
	if (c >= 0xc2 && c <= 0xdf)
		return 1;
	if (c >= 0xe0 && c <= 0xef)
		return 2;
	if (c >= 0xf0 && c <= 0xf4)
		return 3;
	return 0;
}
/*
 * Check a text value from outside: valid UTF-8, at most `max` bytes, no
 * control characters except \t and \n when `multiline`.  Returns NULL when
 * fine, else a static description of the problem.
 */
const char *text_problem(const char *s, size_t len, size_t max, bool multiline);
bool str_eq(const char *, const char *);
bool str_has_prefix(const char *s, const char *prefix);

#endif
