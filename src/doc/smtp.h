/* SPDX-License-Identifier: MIT */
/*
 * doc/smtp.h: hand one message to an SMTP relay through libcurl.
 *
 * smtp://host[:port] uses STARTTLS and requires it (CURLUSESSL_ALL),
 * except on a loopback host, where it is tried but not required (a local
 * MTA); smtps:// is TLS from the start.  Credentials come from the URL's
 * userinfo or from $BREACHKIT_SMTP_USER and $BREACHKIT_SMTP_PASSWORD.
 * Only smtp and smtps are allowed; every transfer is bounded in time.
 *
 * The outcome of a transaction is one of three: the relay accepted the
 * message (250 after the data), it refused it (a 4xx/5xx reply, or no
 * connection at all: nothing was delivered), or the outcome is unknown
 * (the connection broke after the body was handed over).
 */
#ifndef BREACHKIT_SMTP_H
#define BREACHKIT_SMTP_H

#include <stddef.h>

#include "base/err.h"

enum smtp_result { SMTP_SENT, SMTP_REFUSED, SMTP_IN_DOUBT };

struct smtp;

/* Check the URL and set up a handle; ERR_INVAL with `why` if unusable. */
enum err smtp_open(const char *url, const char *from, struct smtp **out,
    char *why, size_t why_len);
void smtp_close(struct smtp *);
/*
 * Send `msg` (CRLF line ends) to `rcpt`.  `handed(arg)` is called once the
 * whole body has been given to the connection and before the end-of-data
 * mark is sent: up to that point the relay cannot have accepted it.  If
 * `handed` returns non-zero the transfer is aborted (SMTP_REFUSED).  `why`
 * says what the relay or the connection said (no addresses).
 */
enum smtp_result smtp_send(struct smtp *, const char *rcpt, const char *msg,
    size_t len, int (*handed)(void *), void *arg, char *why, size_t why_len);

#endif
