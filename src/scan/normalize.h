/* SPDX-License-Identifier: MIT */
/*
 * scan/normalize.h: pure validators and normalisers for the identifiers the
 * scanner finds and the subject index will store (docs/scan.md, "Normalisation
 * rules").  No I/O, no allocation; every function writes at most `outsz`
 * bytes (NUL-terminated) and returns the normalised length, or 0 when the
 * input is not a valid identifier of that kind.
 */
#ifndef BREACHKIT_SCAN_NORMALIZE_H
#define BREACHKIT_SCAN_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

enum { NORM_MAX = 256 }; /* the largest normalised value, with its NUL */

/* E-mail: trimmed, ASCII lower-cased, local@domain, known TLD, IDN bytes
 * (UTF-8) and xn-- labels accepted. */
size_t norm_email(const char *s, size_t len, char *out, size_t outsz);
/*
 * norm_email() of an address found as runs of bytes: its local part
 * s[0..at) holds only letters, digits, . _ % + - and bytes >= 0x80, and
 * its domain s[at + 1..len) only letters, digits, . - and bytes >= 0x80
 * (s[at] is the '@').  The same result without the class checks, lower-
 * cased 16 bytes at a time; the e-mail detector calls it per address.
 */
size_t norm_email_runs(
    const char *s, size_t len, size_t at, char *out, size_t outsz);
/* True when the TLD (without the dot) is a delegated one or a reserved
 * documentation name (test, example, invalid). */
bool norm_tld_ok(const char *s, size_t len);
/*
 * Phone to E.164 (+4915112345678); a national number (one leading 0) gets
 * the default region's calling code (DE, +49, unless set otherwise).
 */
size_t norm_phone(const char *s, size_t len, char *out, size_t outsz);
/* Set the default region ("DE", "AT", ...; docs/subjects.md lists them);
 * false when unknown.  Process-wide: call before scanning or importing. */
bool norm_phone_set_region(const char *region);
const char *norm_phone_get_region(void);
/* IBAN: spaces dropped, upper case, country length, mod-97 == 1. */
size_t norm_iban(const char *s, size_t len, char *out, size_t outsz);
/* The IBAN at the start of v[0..n), which holds digits and capitals only
 * (no blanks): its length (the country's) when valid, written to out as
 * norm_iban() would, else 0.  The detector's fast path. */
size_t norm_iban_prefix(const char *v, size_t n, char *out, size_t outsz);
/* Payment card: digits only; Luhn and an issuer range. */
size_t norm_card(const char *s, size_t len, char *out, size_t outsz);
bool norm_luhn_ok(const char *digits, size_t n);
/* German tax ID (Steuer-IdNr): 11 digits, ISO 7064 MOD 11,10, digit rule. */
size_t norm_taxid(const char *s, size_t len, char *out, size_t outsz);
/* Date of birth: YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY, YYYYMMDD -> ISO. */
size_t norm_date(const char *s, size_t len, char *out, size_t outsz);
/* IPv4 dotted quad or IPv6 -> the canonical text form (inet_ntop). */
size_t norm_ip(const char *s, size_t len, char *out, size_t outsz);
/* Customer number: trimmed, spaces dropped, ASCII upper case; letters,
 * digits and - _ . / # only; at most 64 characters. */
size_t norm_customer_no(const char *s, size_t len, char *out, size_t outsz);
/* ICAO 9303 check digit (7-3-1) of s[0..n), or -1 on a bad character. */
int norm_icao_check(const char *s, size_t n);
/* German ID card (since 2010) or passport serial number with its check
 * digit: 10 characters, upper case, check digit valid. */
size_t norm_de_iddoc(const char *s, size_t len, char *out, size_t outsz);
/* Trim ASCII blanks and surrounding quotes; returns the inner span. */
const char *norm_trim(const char *s, size_t len, size_t *outlen);

#endif
