/* SPDX-License-Identifier: MIT */
/*
 * doc/smtp.c: SMTP delivery through libcurl (smtp.h).  One easy handle per
 * batch, so the connection is reused between letters.
 */
#include "base/base.h"

#include <arpa/inet.h>
#include <errno.h>
#include <strings.h>

#include <curl/curl.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "doc/smtp.h"

enum { SMTP_CONNECT_S = 20, SMTP_TOTAL_S = 120, HOST_MAX = 256 };

struct smtp {
	CURL *c;
	char *url;
	char *from;
	char *ca_file;
	long use_ssl;
};

struct upload {
	const char *p;
	size_t len, off;
	int (*handed)(void *);
	void *arg;
	bool handed_done, abort;
};

/*
 * Split the authority of `url` (after "scheme://"): the host into `host`
 * (with brackets for IPv6), whether there is userinfo with a password.
 * false when there is no host or it does not fit.
 */
static bool
url_host(const char *url, char *host, size_t host_len, bool *has_password)
{
	const char *a = strstr(url, "://"), *end, *at, *h, *he;
	size_t n;

	*has_password = false;
	if (a == NULL)
		return false;
	a += 3;
	end = a + strcspn(a, "/?#");
	at = NULL;
	for (const char *p = a; p < end; p++) {
		if (*p == '@')
			at = p;
	}
	h = a;
	if (at != NULL) {
		*has_password = memchr(a, ':', (size_t)(at - a)) != NULL;
		h = at + 1;
	}
	if (*h == '[') {
		he = memchr(h, ']', (size_t)(end - h));
		if (he == NULL)
			return false;
		he++;
	} else {
		he = memchr(h, ':', (size_t)(end - h));
		if (he == NULL)
			he = end;
	}
	n = (size_t)(he - h);
	if (n == 0 || n >= host_len)
		return false;
	memcpy(host, h, n);
	host[n] = '\0';
	return true;
}

bool
smtp_url_loopback(const char *url)
{
	char host[HOST_MAX];
	struct in_addr a4;
	bool pw;

	if (!url_host(url, host, sizeof(host), &pw))
		return false;
	if (strcasecmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
		return true;
	/* Only a literal dotted quad: "127.0.0.1.example" is a name. */
	return inet_pton(AF_INET, host, &a4) == 1 &&
	       (ntohl(a4.s_addr) >> 24) == 127;
}

enum err
smtp_open(
    const struct smtp_cfg *cfg, struct smtp **out, char *why, size_t why_len)
{
	const char *url = cfg->url;
	struct smtp *s;
	char host[HOST_MAX];
	bool tls = false, pw;
	FILE *fp;

	*out = NULL;
	if (strncmp(url, "smtps://", 8) == 0)
		tls = true;
	else if (strncmp(url, "smtp://", 7) != 0) {
		snprintf(why, why_len,
		    "--smtp: the URL must start with "
		    "smtp:// (STARTTLS) or smtps:// (TLS)");
		return ERR_INVAL;
	}
	if (strpbrk(url, " \r\n\t") != NULL || strlen(url) > 2048 ||
	    !url_host(url, host, sizeof(host), &pw)) {
		snprintf(why, why_len, "--smtp: not a URL with a host");
		return ERR_INVAL;
	}
	if (pw) {
		snprintf(why, why_len,
		    "--smtp: the URL holds a password, which every user of "
		    "this machine can read in the process list; give it in "
		    "$BREACHKIT_SMTP_PASSWORD (and the user in "
		    "$BREACHKIT_SMTP_USER)");
		return ERR_INVAL;
	}
	if (cfg->starttls_optional && (tls || !smtp_url_loopback(url))) {
		snprintf(why, why_len,
		    "--smtp-tls optional: only for smtp:// to a loopback "
		    "address (127.0.0.1, [::1], localhost); towards any other "
		    "host STARTTLS is required, or an attacker on the way "
		    "could strip it");
		return ERR_INVAL;
	}
	if (cfg->ca_file != NULL) {
		fp = fopen(cfg->ca_file, "rb");
		if (fp == NULL) {
			snprintf(why, why_len, "--smtp-ca: cannot read %s: %s",
			    cfg->ca_file, strerror(errno));
			return ERR_INVAL;
		}
		fclose(fp);
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
	s->from = xasprintf("<%s>", cfg->from);
	s->ca_file = cfg->ca_file ? xstrdup(cfg->ca_file) : NULL;
	s->use_ssl = cfg->starttls_optional ? (long)CURLUSESSL_TRY
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
	free(s->ca_file);
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

/*
 * A failure of the connection itself rather than of this letter: TLS,
 * the certificate, the login.  Say what to do about it in plain words.
 */
static bool
broken(CURLcode cc, long code, const char *err, char *why, size_t why_len)
{
	switch (cc) {
	case CURLE_USE_SSL_FAILED:
		snprintf(why, why_len,
		    "the relay does not offer STARTTLS, and TLS is required "
		    "(smtps:// if it speaks TLS from the start)");
		return true;
	case CURLE_PEER_FAILED_VERIFICATION:
		snprintf(why, why_len,
		    "the relay's certificate is not trusted (an unknown CA, "
		    "expired, or not for this host name; a private CA: "
		    "--smtp-ca FILE): %s",
		    err);
		return true;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ENGINE_INITFAILED:
		snprintf(why, why_len, "TLS with the relay failed: %s", err);
		return true;
	case CURLE_LOGIN_DENIED:
	case CURLE_AUTH_ERROR:
		snprintf(why, why_len,
		    "the relay refused the login (reply %ld; check "
		    "$BREACHKIT_SMTP_USER and $BREACHKIT_SMTP_PASSWORD)",
		    code);
		return true;
	default:
		break;
	}
	/* 530 authentication required, 535 credentials invalid, 538
	 * encryption required for the mechanism. */
	if (code == 530 || code == 535 || code == 538) {
		snprintf(why, why_len,
		    "the relay wants a login it did not get (reply %ld; "
		    "check $BREACHKIT_SMTP_USER and $BREACHKIT_SMTP_PASSWORD)",
		    code);
		return true;
	}
	return false;
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
	/* Never without verification: the letters and the password go
	 * this way. */
	curl_easy_setopt(s->c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(s->c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (s->ca_file != NULL)
		curl_easy_setopt(s->c, CURLOPT_CAINFO, s->ca_file);
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
	if (!u.handed_done &&
	    broken(
	        cc, code, err[0] ? err : curl_easy_strerror(cc), why, why_len))
		return SMTP_BROKEN;
	snprintf(why, why_len, "%s (reply %ld)",
	    err[0] ? err : curl_easy_strerror(cc), code);
	/* A refusal, or the body never went out in full: not delivered. */
	if (u.abort || !u.handed_done || code >= 400)
		return SMTP_REFUSED;
	return SMTP_IN_DOUBT;
}
