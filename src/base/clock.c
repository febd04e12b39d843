/* SPDX-License-Identifier: MIT */
/*
 * base/clock.c: clock, ISO-8601 date-times and durations.  Parsing is
 * done by hand over a length-bounded span: no sscanf, no strptime, no
 * dependence on the process's locale.
 */
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/clock.h"
#include "base/str.h"

int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static bool
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
month_days(int64_t y, unsigned m)
{
	static const unsigned mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
		31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

/* Read exactly `n` digits at s[*i]; advance *i. */
static bool
digits(const char *s, size_t len, size_t *i, size_t n, int64_t *out)
{
	if (len - *i < n)
		return false;
	for (size_t k = 0; k < n; k++) {
		if (s[*i + k] < '0' || s[*i + k] > '9')
			return false;
	}
	if (str_to_i64n(s + *i, n, 0, INT64_MAX, out) != ERR_OK)
		return false;
	*i += n;
	return true;
}

static bool
lit(const char *s, size_t len, size_t *i, char c)
{
	if (*i >= len || s[*i] != c)
		return false;
	(*i)++;
	return true;
}

enum err
iso8601_parse(const char *s, size_t len, int64_t *out, const char **why)
{
	int64_t y, mo, d, h, mi, sec = 0, oh = 0, om = 0, days;
	size_t i = 0;
	int sign = 0;

	*why = "expected a date-time like 2026-03-01T10:00:00+01:00";
	if (len > 64)
		return ERR_INVAL;
	if (!digits(s, len, &i, 4, &y) || !lit(s, len, &i, '-') ||
	    !digits(s, len, &i, 2, &mo) || !lit(s, len, &i, '-') ||
	    !digits(s, len, &i, 2, &d))
		return ERR_INVAL;
	if (i == len) {
		*why = "a date alone is not enough: give the time and zone, "
		       "e.g. 2026-03-01T10:00:00+01:00";
		return ERR_INVAL;
	}
	if (s[i] != 'T' && s[i] != 't' && s[i] != ' ')
		return ERR_INVAL;
	i++;
	if (!digits(s, len, &i, 2, &h) || !lit(s, len, &i, ':') ||
	    !digits(s, len, &i, 2, &mi))
		return ERR_INVAL;
	if (i < len && s[i] == ':') {
		i++;
		if (!digits(s, len, &i, 2, &sec))
			return ERR_INVAL;
		if (i < len && (s[i] == '.' || s[i] == ',')) {
			size_t start = ++i;

			while (i < len && s[i] >= '0' && s[i] <= '9')
				i++;
			if (i == start || i - start > 9)
				return ERR_INVAL;
		}
	}
	if (i == len) {
		*why = "the time has no zone: add Z or an offset like +01:00";
		return ERR_INVAL;
	}
	if (s[i] == 'Z' || s[i] == 'z') {
		i++;
	} else if (s[i] == '+' || s[i] == '-') {
		sign = s[i] == '+' ? 1 : -1;
		i++;
		if (!digits(s, len, &i, 2, &oh))
			return ERR_INVAL;
		if (i < len && s[i] == ':')
			i++;
		if (!digits(s, len, &i, 2, &om))
			return ERR_INVAL;
	} else {
		return ERR_INVAL;
	}
	if (i != len) {
		*why = "unexpected characters after the zone";
		return ERR_INVAL;
	}
	*why = "no such date or time";
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
	    d > (int64_t)month_days(y, (unsigned)mo) || h > 23 || mi > 59 ||
	    sec > 60 || oh > 18 || om > 59)
		return ERR_INVAL;
	if (sec == 60)
		sec = 59; /* a leap second: keep it inside the minute */
	days = days_from_civil(y, (unsigned)mo, (unsigned)d);
	*out = days * 86400 + h * 3600 + mi * 60 + sec -
	       sign * (oh * 3600 + om * 60);
	if (*out < 0) {
		*why = "lies before 1970-01-01T00:00:00Z";
		return ERR_INVAL;
	}
	*why = NULL;
	return ERR_OK;
}

static void
to_tm(int64_t t, struct tm *tm, bool utc)
{
	time_t tt = (time_t)t;

	if (utc)
		gmtime_r(&tt, tm);
	else
		localtime_r(&tt, tm);
}

/* Two digits of `v` (0..99) at `p`. */
static void
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

/*
 * "YYYY-MM-DDTHH:MM:SS" (19 characters and a NUL) for a four-digit year;
 * other years through strftime().  The API writes a dozen times per
 * incident read, and strftime() was a visible part of one.
 */
static void
put_datetime(const struct tm *tm, char out[ISO_LEN])
{
	int year = tm->tm_year + 1900;

	if (year < 0 || year > 9999) {
		strftime(out, ISO_LEN, "%Y-%m-%dT%H:%M:%S", tm);
		return;
	}
	put2(out, year / 100);
	put2(out + 2, year % 100);
	out[4] = '-';
	put2(out + 5, tm->tm_mon + 1);
	out[7] = '-';
	put2(out + 8, tm->tm_mday);
	out[10] = 'T';
	put2(out + 11, tm->tm_hour);
	out[13] = ':';
	put2(out + 14, tm->tm_min);
	out[16] = ':';
	put2(out + 17, tm->tm_sec % 100);
	out[19] = '\0';
}

void
iso8601_format(int64_t t, char out[ISO_LEN])
{
	struct tm tm;
	long off, ah, am;
	size_t n;

	to_tm(t, &tm, false);
	off = tm.tm_gmtoff;
	put_datetime(&tm, out);
	n = strlen(out);
	if (off == 0) {
		if (n + 2 <= ISO_LEN) {
			out[n] = 'Z';
			out[n + 1] = '\0';
		}
		return;
	}
	ah = labs(off) / 3600;
	am = (labs(off) % 3600) / 60;
	if (n + 7 > ISO_LEN || ah > 99) {
		snprintf(out + n, ISO_LEN - n, "%c%02ld:%02ld",
		    off < 0 ? '-' : '+', ah, am);
		return;
	}
	out[n] = off < 0 ? '-' : '+';
	put2(out + n + 1, (int)ah);
	out[n + 3] = ':';
	put2(out + n + 4, (int)am);
	out[n + 6] = '\0';
}

void
iso8601_format_utc(int64_t t, char out[ISO_LEN])
{
	struct tm tm;
	size_t n;

	to_tm(t, &tm, true);
	put_datetime(&tm, out);
	n = strlen(out);
	if (n + 2 <= ISO_LEN) {
		out[n] = 'Z';
		out[n + 1] = '\0';
	}
}

void
clock_format_human(int64_t t, char out[ISO_LEN])
{
	struct tm tm;

	to_tm(t, &tm, false);
	strftime(out, ISO_LEN, "%Y-%m-%d %H:%M %Z", &tm);
}

int
clock_year(int64_t t)
{
	struct tm tm;

	to_tm(t, &tm, false);
	return tm.tm_year + 1900;
}

int64_t
clock_now(void)
{
	const char *env = getenv("BREACHKIT_TEST_CLOCK");
	const char *why;
	int64_t t;

	if (env != NULL && *env != '\0' &&
	    iso8601_parse(env, strlen(env), &t, &why) == ERR_OK)
		return t;
	return (int64_t)time(NULL);
}

enum err
duration_parse(const char *s, size_t len, int64_t *out, const char **why)
{
	static const struct {
		char unit;
		int64_t secs;
		bool in_time;
	} units[] = {
		{ 'W', 604800, false },
		{ 'D', 86400, false },
		{ 'H', 3600, true },
		{ 'M', 60, true },
		{ 'S', 1, true },
	};
	size_t i = 1, last = 0;
	bool in_time = false, any = false;
	int64_t total = 0;

	*why = "expected an ISO-8601 duration like PT4H or P1DT12H";
	if (len < 2 || len > DUR_LEN || s[0] != 'P')
		return ERR_INVAL;
	while (i < len) {
		size_t start = i, k;
		int64_t n, part;

		if (s[i] == 'T') {
			if (in_time)
				return ERR_INVAL;
			in_time = true;
			i++;
			if (i == len)
				return ERR_INVAL;
			continue;
		}
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == start || i == len)
			return ERR_INVAL;
		if (str_to_i64n(s + start, i - start, 0, 100000000, &n) !=
		    ERR_OK)
			return ERR_INVAL;
		for (k = 0; k < nitems(units); k++) {
			if (units[k].unit == s[i] &&
			    units[k].in_time == in_time)
				break;
		}
		if (k == nitems(units)) {
			if (!in_time && (s[i] == 'Y' || s[i] == 'M'))
				*why = "years and months have no fixed "
				       "length: use days or hours";
			return ERR_INVAL;
		}
		if (k + 1 <= last)
			return ERR_INVAL; /* units out of order */
		last = k + 1;
		if (__builtin_mul_overflow(n, units[k].secs, &part) ||
		    __builtin_add_overflow(total, part, &total))
			return ERR_INVAL;
		any = true;
		i++;
	}
	if (!any)
		return ERR_INVAL;
	if (total > (int64_t)100 * 366 * 86400) {
		*why = "longer than 100 years";
		return ERR_INVAL;
	}
	*out = total;
	*why = NULL;
	return ERR_OK;
}

void
duration_format(int64_t secs, char out[DUR_LEN])
{
	int64_t d = secs / 86400, h = secs % 86400 / 3600;
	int64_t m = secs % 3600 / 60, s = secs % 60;
	int n = 0;

	if (secs <= 0) {
		snprintf(out, DUR_LEN, "PT0S");
		return;
	}
	n += snprintf(out + n, (size_t)(DUR_LEN - n), "P");
	if (d)
		n += snprintf(
		    out + n, (size_t)(DUR_LEN - n), "%lldD", (long long)d);
	if (h || m || s)
		n += snprintf(out + n, (size_t)(DUR_LEN - n), "T");
	if (h)
		n += snprintf(
		    out + n, (size_t)(DUR_LEN - n), "%lldH", (long long)h);
	if (m)
		n += snprintf(
		    out + n, (size_t)(DUR_LEN - n), "%lldM", (long long)m);
	if (s)
		snprintf(out + n, (size_t)(DUR_LEN - n), "%lldS", (long long)s);
}

void
duration_human(int64_t secs, char out[DUR_LEN])
{
	int64_t a = secs < 0 ? -secs : secs;

	if (a >= 86400)
		snprintf(out, DUR_LEN, "%lldd %lldh", (long long)(a / 86400),
		    (long long)(a % 86400 / 3600));
	else if (a >= 3600)
		snprintf(out, DUR_LEN, "%lldh %lldm", (long long)(a / 3600),
		    (long long)(a % 3600 / 60));
	else
		snprintf(out, DUR_LEN, "%lldm", (long long)(a / 60));
}

enum err
clock_set_zone(const char *name)
{
	char path[256];
	struct stat st;

	if (name == NULL || *name == '\0' || strlen(name) > 64 ||
	    strstr(name, "..") != NULL || name[0] == '/')
		return ERR_INVAL;
	for (const char *p = name; *p; p++) {
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		        (*p >= '0' && *p <= '9') || *p == '/' || *p == '_' ||
		        *p == '-' || *p == '+'))
			return ERR_INVAL;
	}
	if (strcmp(name, "UTC") != 0) {
		snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			return ERR_INVAL;
	}
	if (setenv("TZ", name, 1) != 0)
		return ERR_INTERNAL;
	tzset();
	return ERR_OK;
}
