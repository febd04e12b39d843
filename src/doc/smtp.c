/* SPDX-License-Identifier: MIT */
/*
 * doc/smtp.c: SMTP delivery through libcurl (smtp.h).  One easy handle per
 * batch, so the connection is reused between letters.
 */
#include "base/base.h"

#include <curl/curl.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "doc/smtp.h"

enum { SMTP_CONNECT_S = 20, SMTP_TOTAL_S = 120 };

struct smtp {
	CURL *c;
	char *url;
	char *from;
	long use_ssl;
};

struct upload {
	const char *p;
	size_t len, off;
	int (*handed)(void *);
	void *arg;
	bool handed_done, abort;
};

static bool
loopback_host(const char *url)
{
	const char *h = strstr(url, "://");

	if (h == NULL)
		return false;
	h += 3;
	if (strchr(h, '@') != NULL)
		h = strchr(h, '@') + 1;
	return str_has_prefix(h, "127.") || str_has_prefix(h, "localhost") ||
	       str_has_prefix(h, "[::1]");
}

enum err
smtp_open(const char *url, const char *from, struct smtp **out, char *why,
    size_t why_len)
{
	struct smtp *s;
	bool tls = false;

	*out = NULL;
	if (strncmp(url, "smtps://", 8) == 0)
		tls = true;
	else if (strncmp(url, "smtp://", 7) != 0) {
		snprintf(why, why_len,
		    "--smtp: the URL must start with "
		    "smtp:// (STARTTLS) or smtps:// (TLS)");
		return ERR_INVAL;
	}
	if (strpbrk(url, " \r\n\t") != NULL || strlen(url) > 2048) {
		snprintf(why, why_len, "--smtp: not a URL");
		return ERR_INVAL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		snprintf(why, why_len, "libcurl would not start");
		return ERR_INTERNAL;
	}
	s = xcalloc(1, sizeof(*s));
	s->c = curl_easy_init();
	if (s->c == NULL) {
		free(s);
		snprintf(why, why_len, "libcurl would not start");
		return ERR_INTERNAL;
	}
	s->url = xstrdup(url);
	s->from = xasprintf("<%s>", from);
	s->use_ssl = tls                  ? (long)CURLUSESSL_ALL
	             : loopback_host(url) ? (long)CURLUSESSL_TRY
	                                  : (long)CURLUSESSL_ALL;
	*out = s;
	return ERR_OK;
}

void
smtp_close(struct smtp *s)
{
	if (s == NULL)
		return;
	curl_easy_cleanup(s->c);
	free(s->url);
	free(s->from);
	free(s);
}

/* Mark the body as handed over (before curl sends the end-of-data). */
static bool
hand_over(struct upload *u)
{
	if (u->handed_done)
		return true;
	u->handed_done = true;
	if (u->handed != NULL && u->handed(u->arg) != 0) {
		u->abort = true;
		return false;
	}
	return true;
}

static size_t
read_cb(char *buf, size_t size, size_t nitems, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nitems;

	if (u->off == u->len)
		return hand_over(u) ? 0 : CURL_READFUNC_ABORT;
	if (n > u->len - u->off)
		n = u->len - u->off;
	/* The last bytes: record the hand-over before curl has them, so a
	 * crash from here on is "in doubt", never "not sent". */
	if (u->off + n == u->len && !hand_over(u))
		return CURL_READFUNC_ABORT;
	memcpy(buf, u->p + u->off, n);
	u->off += n;
	return n;
}

enum smtp_result
smtp_send(struct smtp *s, const char *rcpt, const char *msg, size_t len,
    int (*handed)(void *), void *arg, char *why, size_t why_len)
{
	struct upload u = { msg, len, 0, handed, arg, false, false };
	struct curl_slist *to = NULL;
	char *r = xasprintf("<%s>", rcpt);
	char err[CURL_ERROR_SIZE] = "";
	const char *user = getenv("BREACHKIT_SMTP_USER");
	const char *pass = getenv("BREACHKIT_SMTP_PASSWORD");
	long code = 0;
	CURLcode cc;

	why[0] = '\0';
	to = curl_slist_append(to, r);
	curl_easy_reset(s->c);
	curl_easy_setopt(s->c, CURLOPT_URL, s->url);
	curl_easy_setopt(s->c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(s->c, CURLOPT_USE_SSL, s->use_ssl);
	curl_easy_setopt(s->c, CURLOPT_MAIL_FROM, s->from);
	curl_easy_setopt(s->c, CURLOPT_MAIL_RCPT, to);
	curl_easy_setopt(s->c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(s->c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(s->c, CURLOPT_READDATA, &u);
	curl_easy_setopt(s->c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(s->c, CURLOPT_CONNECTTIMEOUT, (long)SMTP_CONNECT_S);
	curl_easy_setopt(s->c, CURLOPT_TIMEOUT, (long)SMTP_TOTAL_S);
	curl_easy_setopt(s->c, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(s->c, CURLOPT_NOSIGNAL, 1L);
	if (user != NULL && *user != '\0')
		curl_easy_setopt(s->c, CURLOPT_USERNAME, user);
	if (pass != NULL && *pass != '\0')
		curl_easy_setopt(s->c, CURLOPT_PASSWORD, pass);
	cc = curl_easy_perform(s->c);
	curl_easy_getinfo(s->c, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(to);
	free(r);
	if (cc == CURLE_OK)
		return SMTP_SENT;
	snprintf(why, why_len, "%s (reply %ld)",
	    err[0] ? err : curl_easy_strerror(cc), code);
	/* A refusal, or the body never went out in full: not delivered. */
	if (u.abort || !u.handed_done || code >= 400)
		return SMTP_REFUSED;
	return SMTP_IN_DOUBT;
}
