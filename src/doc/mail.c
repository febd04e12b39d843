/* SPDX-License-Identifier: MIT */
/*
 * doc/mail.c: quoted-printable, RFC 2047 encoded-words, address checks,
 * dates and mboxrd quoting (see mail.h).
 */
#include "base/base.h"

#include "doc/mail.h"

static const char hex[] = "0123456789ABCDEF";
static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static bool
is_eol_next(const char *s, size_t i, size_t len)
{
	return i + 1 >= len || s[i + 1] == '\n';
}

/* Can byte i go out as itself at column `col`? */
static bool
literal(const char *s, size_t i, size_t len, size_t col)
{
	unsigned char b = (unsigned char)s[i];

	/* Never start a line with "From ", ">" or ".": no mbox reader or
	 * SMTP dot-stuffing can change a line of ours. */
	if (col == 0 &&
	    (b == '.' || b == '>' ||
	        (b == 'F' && len - i >= 5 && memcmp(s + i, "From ", 5) == 0)))
		return false;
	return (b >= 33 && b <= 126 && b != '=') ||
	       ((b == ' ' || b == '\t') && !is_eol_next(s, i, len));
}

enum err
mail_qp(struct buf *out, const char *s, size_t len, bool crlf)
{
	const char *eol = crlf ? "\r\n" : "\n";
	char tmp[512];
	size_t t = 0, col = 0;
	enum err rc = ERR_OK;

	for (size_t i = 0; i < len && rc == ERR_OK; i++) {
		unsigned char b = (unsigned char)s[i];
		bool lit;
		size_t need;

		if (t > sizeof(tmp) - 16) {
			rc = buf_append(out, tmp, t);
			t = 0;
		}
		if (b == '\n') {
			memcpy(tmp + t, eol, crlf ? 2 : 1);
			t += crlf ? 2 : 1;
			col = 0;
			continue;
		}
		lit = literal(s, i, len, col);
		need = lit ? 1 : 3;
		/* 76 columns with the soft break's '=' (RFC 2045 6.7). */
		if (col + need > 75 &&
		    !(is_eol_next(s, i, len) && col + need <= 76)) {
			tmp[t++] = '=';
			memcpy(tmp + t, eol, crlf ? 2 : 1);
			t += crlf ? 2 : 1;
			col = 0;
			lit = literal(s, i, len, col);
			need = lit ? 1 : 3;
		}
		if (lit) {
			tmp[t++] = (char)b;
		} else {
			tmp[t++] = '=';
			tmp[t++] = hex[b >> 4];
			tmp[t++] = hex[b & 15];
		}
		col += need;
	}
	if (rc == ERR_OK && len > 0 && s[len - 1] != '\n') {
		memcpy(tmp + t, eol, crlf ? 2 : 1);
		t += crlf ? 2 : 1;
	}
	if (rc == ERR_OK && t > 0)
		rc = buf_append(out, tmp, t);
	return rc;
}

static bool
has_ctl(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x20 || b == 0x7F)
			return true;
	}
	return false;
}

static bool
is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return false;
	}
	return true;
}

/* Encoded-words of at most 45 bytes each (60 base64 characters). */
static enum err
encoded_words(struct buf *out, const char *s, size_t len, size_t col, bool crlf)
{
	size_t i = 0;
	enum err rc = ERR_OK;

	while (i < len && rc == ERR_OK) {
		size_t n = len - i > 45 ? 45 : len - i;
		char w[96];
		size_t k = 0;

		/* Never split a UTF-8 sequence between two words. */
		while (n > 0 && i + n < len &&
		       ((unsigned char)s[i + n] & 0xC0) == 0x80)
			n--;
		if (n == 0)
			return ERR_INVAL;
		if (i > 0 || col + 12 + (n + 2) / 3 * 4 > 78) {
			if (i > 0 || col > 1) {
				rc = buf_puts(out, crlf ? "\r\n " : "\n ");
				col = 1;
			}
		}
		for (k = 0; k < 10; k++)
			w[k] = "=?UTF-8?B?"[k];
		for (size_t j = 0; j < n; j += 3) {
			unsigned v = (unsigned char)s[i + j] << 16;

			if (j + 1 < n)
				v |= (unsigned char)s[i + j + 1] << 8;
			if (j + 2 < n)
				v |= (unsigned char)s[i + j + 2];
			w[k++] = b64[(v >> 18) & 63];
			w[k++] = b64[(v >> 12) & 63];
			w[k++] = j + 1 < n ? b64[(v >> 6) & 63] : '=';
			w[k++] = j + 2 < n ? b64[v & 63] : '=';
		}
		w[k++] = '?';
		w[k++] = '=';
		if (rc == ERR_OK)
			rc = buf_append(out, w, k);
		col += k;
		i += n;
	}
	return rc;
}

enum err
mail_phrase(struct buf *out, const char *name, size_t col, bool crlf)
{
	size_t len = strlen(name);
	enum err rc;

	if (has_ctl(name, len))
		return ERR_INVAL;
	if (!is_ascii(name, len))
		return encoded_words(out, name, len, col, crlf);
	if (strpbrk(name, "()<>[]:;@\\,.\"=?") == NULL)
		return buf_append(out, name, len);
	rc = buf_putc(out, '"');
	for (size_t i = 0; i < len && rc == ERR_OK; i++) {
		if (name[i] == '"' || name[i] == '\\')
			rc = buf_putc(out, '\\');
		if (rc == ERR_OK)
			rc = buf_putc(out, name[i]);
	}
	return rc == ERR_OK ? buf_putc(out, '"') : rc;
}

enum err
mail_text(struct buf *out, const char *s, size_t col, bool crlf)
{
	size_t len = strlen(s);

	if (has_ctl(s, len))
		return ERR_INVAL;
	if (!is_ascii(s, len) || strstr(s, "=?") != NULL)
		return encoded_words(out, s, len, col, crlf);
	/* Fold at spaces so lines stay within 78 characters. */
	for (size_t i = 0; i < len;) {
		const char *sp = memchr(s + i + 1, ' ', len - i - 1);
		size_t n = sp != NULL ? (size_t)(sp - (s + i)) : len - i;
		enum err rc = ERR_OK;

		if (i > 0 && col + n > 78) {
			rc = buf_puts(out, crlf ? "\r\n" : "\n");
			col = 0;
		}
		if (rc == ERR_OK)
			rc = buf_append(out, s + i, n);
		if (rc != ERR_OK)
			return rc;
		col += n;
		i += n;
	}
	return ERR_OK;
}

static bool
is_atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') ||
	       strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

bool
mail_addr_valid(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);
	size_t local, label = 0, dots = 0;

	if (len == 0 || len > MAIL_ADDR_MAX || at == NULL)
		return false;
	local = (size_t)(at - s);
	if (local == 0 || local > 64 || s[0] == '.' || s[local - 1] == '.')
		return false;
	for (size_t i = 0; i < local; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '.' ? s[i + 1] == '.' : (c == 0 || !is_atext(c)))
			return false;
	}
	for (size_t i = local + 1; i <= len; i++) {
		unsigned char c = i < len ? (unsigned char)s[i] : '.';

		if (c == '.') {
			if (label == 0 || label > 63 || s[i - 1] == '-')
				return false;
			if (i < len)
				dots++;
			label = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		           (c >= '0' && c <= '9') || (c == '-' && label > 0)) {
			label++;
		} else {
			return false;
		}
	}
	return dots > 0;
}

static const char wday[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri",
	"Sat" };
static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

void
mail_date(int64_t t, char out[MAIL_DATE_LEN])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	snprintf(out, MAIL_DATE_LEN, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    wday[tm.tm_wday % 7], tm.tm_mday, mon[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static bool
is_from_line(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && p[i] == '>')
		i++;
	return n - i >= 5 && memcmp(p + i, "From ", 5) == 0;
}

enum err
mail_mbox_from(struct buf *out, const char *sender, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	return buf_printf(out, "From %s %s %s %2d %02d:%02d:%02d %04d\n",
	    sender, wday[tm.tm_wday % 7], mon[tm.tm_mon % 12], tm.tm_mday,
	    tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
}

enum err
mail_mbox_quote(struct buf *out, const char *msg, size_t len)
{
	size_t i = 0;
	enum err rc = ERR_OK;

	while (i < len && rc == ERR_OK) {
		const char *nl = memchr(msg + i, '\n', len - i);
		size_t n = nl != NULL ? (size_t)(nl - (msg + i)) + 1 : len - i;

		if (is_from_line(msg + i, n))
			rc = buf_putc(out, '>');
		if (rc == ERR_OK)
			rc = buf_append(out, msg + i, n);
		i += n;
	}
	if (rc == ERR_OK && len > 0 && msg[len - 1] != '\n')
		rc = buf_putc(out, '\n');
	return rc == ERR_OK ? buf_putc(out, '\n') : rc;
}

enum err
mail_mbox_append(
    struct buf *out, const char *sender, int64_t t, const char *msg, size_t len)
{
	enum err rc = mail_mbox_from(out, sender, t);

	return rc == ERR_OK ? mail_mbox_quote(out, msg, len) : rc;
}
