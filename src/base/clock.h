/* SPDX-License-Identifier: MIT */
/*
 * base/clock.h: the injectable clock and the one ISO-8601 parser.  Instants
 * are int64_t Unix seconds UTC; durations are int64_t seconds.
 */
#ifndef BREACHKIT_CLOCK_H
#define BREACHKIT_CLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

enum { ISO_LEN = 32, DUR_LEN = 40 };

/*
 * Now.  $BREACHKIT_TEST_CLOCK (an ISO-8601 time) fixes it for tests;
 * otherwise the system clock.
 */
int64_t clock_now(void);
/*
 * Parse an ISO-8601 date-time with a zone ("2026-03-01T10:00:00+01:00",
 * "...Z", fractions of a second dropped).  A time without a zone is
 * refused: we never guess.  On error `*why` names the problem.
 */
enum err iso8601_parse(
    const char *s, size_t len, int64_t *out, const char **why);
/* Format `t` in the display zone with its offset: "2026-03-01T10:00:00+01:00". */
void iso8601_format(int64_t t, char out[ISO_LEN]);
/* Format `t` in UTC: "2026-03-01T09:00:00Z". */
void iso8601_format_utc(int64_t t, char out[ISO_LEN]);
/* Short human form in the display zone: "2026-03-01 10:00 CET". */
void clock_format_human(int64_t t, char out[ISO_LEN]);
/*
 * Parse an ISO-8601 duration of days, hours, minutes, seconds and weeks
 * ("PT4H", "P1DT12H", "P2W").  Years and months are refused: their length
 * is not fixed.
 */
enum err duration_parse(
    const char *s, size_t len, int64_t *out, const char **why);
/* Canonical form: "PT4H", "P1DT30M", "PT0S". */
void duration_format(int64_t secs, char out[DUR_LEN]);
/* Human form of a span: "2d 3h", "45m". */
void duration_human(int64_t secs, char out[DUR_LEN]);
/*
 * Use the IANA zone `name` (e.g. "Europe/Berlin") for display.  ERR_INVAL
 * if the name is malformed or not installed.  Not thread-safe: call at
 * start-up.
 */
enum err clock_set_zone(const char *name);
/* Calendar year of `t` in the display zone. */
int clock_year(int64_t t);
/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant). */
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

#endif
