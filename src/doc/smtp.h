/* SPDX-License-Identifier: MIT */
/*
 * doc/smtp.h: hand one message to an SMTP relay through libcurl.
 *
 * smtps://host[:port] is TLS from the first byte; smtp://host[:port] must
 * switch to TLS with STARTTLS before anything else is said: a relay that
 * does not offer it is refused (CURLUSESSL_ALL).  Only for a literal
 * loopback host (127.0.0.0/8, [::1], localhost) may the caller make
 * STARTTLS optional (a local MTA without TLS; nothing leaves the machine).
 * The relay's certificate and host name are always verified, against the
 * system's CAs or, with `ca_file`, against that bundle (a private CA).
 * Credentials come from $BREACHKIT_SMTP_USER and $BREACHKIT_SMTP_PASSWORD
 * (a user name may be in the URL; a password in the URL is refused: the
 * command line is visible to every user of the machine).  Only smtp and
 * smtps are allowed; every transfer is bounded in time.
 *
 * The outcome of a transaction is one of four: the relay accepted the
 * message (250 after the data), it refused it (a 4xx/5xx reply, or no
 * connection at all: nothing was delivered), the connection itself is
 * unusable (TLS could not be set up, the certificate was not trusted, the
 * login was refused: nothing was delivered, and no other message will
 * be), or the outcome is unknown (the connection broke after the body was
 * handed over).
 */
#ifndef BREACHKIT_SMTP_H
#define BREACHKIT_SMTP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

enum smtp_result { SMTP_SENT, SMTP_REFUSED, SMTP_BROKEN, SMTP_IN_DOUBT };

struct smtp_cfg {
	const char *url;
	const char *from;       /* the envelope sender */
	const char *ca_file;    /* PEM bundle to trust; NULL: the system's */
	bool starttls_optional; /* loopback hosts only */
};

struct smtp;

/* Check the settings and set up a handle; ERR_INVAL with `why` if
 * unusable (never naming the credentials). */
enum err smtp_open(
    const struct smtp_cfg *, struct smtp **out, char *why, size_t why_len);
void smtp_close(struct smtp *);
/* Is the URL's host a literal loopback address? */
bool smtp_url_loopback(const char *url);
/*
 * Send `msg` (CRLF line ends) to `rcpt`.  `handed(arg)` is called once the
 * whole body has been given to the connection and before the end-of-data
 * mark is sent: up to that point the relay cannot have accepted it.  If
 * `handed` returns non-zero the transfer is aborted (SMTP_REFUSED).  `why`
 * says what the relay or the connection said (no addresses, no
 * credentials).
 */
enum smtp_result smtp_send(struct smtp *, const char *rcpt, const char *msg,
    size_t len, int (*handed)(void *), void *arg, char *why, size_t why_len);

#endif
