/* SPDX-License-Identifier: MIT */
/*
 * doc/mail.h: the encodings of an Internet message (RFC 5322 with MIME):
 * quoted-printable bodies (RFC 2045 6.7), encoded-words for non-ASCII
 * header text (RFC 2047), addresses checked before they reach a header,
 * Date headers and mboxrd "From " quoting.  Nothing here allocates except
 * through the capped output buffer.
 */
#ifndef BREACHKIT_MAIL_H
#define BREACHKIT_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"

enum { MAIL_ADDR_MAX = 254, MAIL_DATE_LEN = 40 };

/*
 * Append `s` (`len` bytes of UTF-8 text, lines separated by \n) as
 * quoted-printable, lines ended by CRLF when `crlf`, else LF.  Lines stay
 * within 76 characters (soft breaks); a line that starts with "From ", ">"
 * or "." has its first character encoded, so neither mbox readers nor
 * SMTP dot-stuffing can alter it (an mbox needs no quoting of such a
 * body).  A final line without \n gets a line end.
 */
enum err mail_qp(struct buf *out, const char *s, size_t len, bool crlf);
/*
 * Append a display name for a From/To header: as is when it is plain
 * ASCII words, as a quoted-string when it holds ASCII specials, else as
 * RFC 2047 B encoded-words (split on UTF-8 character boundaries, folded
 * so no line exceeds 78 characters; `col` is the column it starts at).
 * ERR_INVAL when it holds CR, LF or another control character.
 */
enum err mail_phrase(struct buf *out, const char *name, size_t col, bool crlf);
/* Unstructured header text (Subject): as is if ASCII, else encoded-words. */
enum err mail_text(struct buf *out, const char *s, size_t col, bool crlf);
/*
 * True when `s` is an address we will put in a header and an SMTP
 * envelope: local@domain in ASCII, a dot-atom local part of at most 64
 * characters, a domain of LDH labels with at least one dot, 254 in all.
 */
bool mail_addr_valid(const char *s, size_t len);
/* RFC 5322 date of `t` in UTC: "Wed, 01 May 2024 10:00:00 +0000". */
void mail_date(int64_t t, char out[MAIL_DATE_LEN]);
/*
 * Append `msg` to an mboxrd mailbox: the "From " separator line (sender
 * and `t`), the message with every line matching ^>*From  quoted by one
 * more '>', and a blank line.  `msg` uses LF line ends.
 */
enum err mail_mbox_append(struct buf *out, const char *sender, int64_t t,
    const char *msg, size_t len);
/* The two halves of mail_mbox_append: the separator line, and the message
 * quoted and followed by a blank line. */
enum err mail_mbox_from(struct buf *out, const char *sender, int64_t t);
enum err mail_mbox_quote(struct buf *out, const char *msg, size_t len);

#endif
