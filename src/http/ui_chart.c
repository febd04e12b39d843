/* SPDX-License-Identifier: MIT */
/*
 * http/ui_chart.c: the dashboard's charts, drawn on the server as inline
 * SVG (no script; the CSP allows it): incidents per month by type
 * (confidentiality, integrity, availability) over the last 12 months, and
 * the hours from awareness to each filed authority notification, with
 * the 72-hour line.  Each chart has a table of its numbers for screen
 * readers and the tests.
 *
 * Speed: the figures come from one aggregate query each
 * (store_chart_months, store_chart_delays), and are cached for the whole
 * process under a signature (number of incidents, newest event, the
 * window), so a dashboard load on an unchanged register costs one cheap
 * query; docs/benchmarks.md has the figures on 100,000 incidents.
 */
#include "base/base.h"

#include <pthread.h>

#include "base/clock.h"
#include "http/http_int.h"

enum { MONTHS = 12, BUCKET_H = 12, BUCKETS = 13 };

struct month {
	char key[8]; /* "2026-03" */
	int64_t n, conf, integ, avail;
};

struct charts {
	bool valid;
	int64_t sig_inc, sig_ev, from;
	struct month m[MONTHS];
	int64_t bucket[BUCKETS]; /* 0-12 h, 12-24 h, ..., >= 144 h */
	int64_t filed;
};

static struct charts cache;
static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;

/* Year and month (1-12) of day number `z` (Hinnant's civil_from_days). */
static void
civil(int64_t z, int64_t *y, int *m)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static enum err
month_row(void *arg, const char *key, int64_t n, int64_t conf, int64_t integ,
    int64_t avail)
{
	struct charts *c = arg;

	for (int i = 0; i < MONTHS; i++) {
		if (strcmp(c->m[i].key, key) == 0) {
			c->m[i].n = n;
			c->m[i].conf = conf;
			c->m[i].integ = integ;
			c->m[i].avail = avail;
		}
	}
	return ERR_OK;
}

static enum err
delay_row(void *arg, int64_t hours, int64_t n)
{
	struct charts *c = arg;
	int64_t b = hours < 0 ? 0 : hours / BUCKET_H;

	c->bucket[b < BUCKETS ? b : BUCKETS - 1] += n;
	c->filed += n;
	return ERR_OK;
}

/* The figures for `now`: from the cache when the register is unchanged. */
static enum err
charts_get(struct store *st, int64_t now, struct charts *out)
{
	int64_t y, inc = 0, ev = 0, to;
	int m;
	struct charts c;
	enum err rc;

	memset(&c, 0, sizeof(c));
	civil(now / 86400, &y, &m);
	/* The window: the first of the month eleven months ago, in UTC. */
	for (int i = MONTHS - 1; i >= 0; i--) {
		snprintf(c.m[i].key, sizeof(c.m[i].key), "%04lld-%02d",
		    (long long)y, m);
		if (i > 0 && --m == 0) {
			m = 12;
			y--;
		}
	}
	c.from = days_from_civil(y, (unsigned)m, 1) * 86400;
	to = now + 86400;
	rc = store_chart_signature(st, &inc, &ev);
	if (rc != ERR_OK)
		return rc;
	pthread_mutex_lock(&cache_mu);
	if (cache.valid && cache.sig_inc == inc && cache.sig_ev == ev &&
	    cache.from == c.from) {
		*out = cache;
		pthread_mutex_unlock(&cache_mu);
		return ERR_OK;
	}
	pthread_mutex_unlock(&cache_mu);
	rc = store_chart_months(st, c.from, to, month_row, &c);
	if (rc == ERR_OK)
		rc = store_chart_delays(st, c.from, delay_row, &c);
	if (rc != ERR_OK)
		return rc;
	c.valid = true;
	c.sig_inc = inc;
	c.sig_ev = ev;
	pthread_mutex_lock(&cache_mu);
	cache = c;
	pthread_mutex_unlock(&cache_mu);
	*out = c;
	return ERR_OK;
}

/* A round upper bound of the axis for `max`. */
static int64_t
axis_max(int64_t max)
{
	int64_t step = 1;

	if (max < 4)
		return 4;
	while (step * 10 < max)
		step *= 10;
	for (int64_t k = 1; k <= 10; k++)
		if (k * step >= max)
			return k * step;
	return 10 * step;
}

enum { W = 640, H = 220, X0 = 44, Y0 = 190, PH = 170 };

static void
h_axis(struct http_resp *resp, int64_t max)
{
	h_fmt(resp,
	    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\" "
	    "stroke=\"#555\"/>",
	    X0, Y0, W - 8, Y0);
	for (int k = 0; k <= 4; k++) {
		int y = Y0 - PH * k / 4;

		h_fmt(resp,
		    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#ddd\"/><text x=\"%d\" y=\"%d\" "
		    "text-anchor=\"end\" font-size=\"11\">%lld</text>",
		    X0, y, W - 8, y, X0 - 4, y + 4, (long long)(max * k / 4));
	}
}

static void
h_bar(struct http_resp *resp, int x, int w, int64_t v, int64_t max,
    const char *cls, const char *fill)
{
	int h = (int)(v * PH / max);

	h_fmt(resp,
	    "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "fill=\"%s\"><title>%lld</title></rect>",
	    cls, x, Y0 - h, w, h, fill, (long long)v);
}

static void
h_months(struct http_req *req, struct http_resp *resp, const struct charts *c)
{
	static const char *const fill[3] = { "#1f5fa8", "#c77c02", "#2e7d32" };
	int64_t max = 0;
	int gw = (W - X0 - 8) / MONTHS;

	for (int i = 0; i < MONTHS; i++) {
		int64_t v[3] = { c->m[i].conf, c->m[i].integ, c->m[i].avail };

		for (int k = 0; k < 3; k++)
			max = v[k] > max ? v[k] : max;
	}
	max = axis_max(max);
	h_fmt(resp,
	    "<figure class=\"chart\" id=\"chart-months\"><svg "
	    "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	    "role=\"img\" aria-labelledby=\"chart-months-t\"><title "
	    "id=\"chart-months-t\">%s</title>",
	    W, H + 20,
	    T(req, "Incidents per month by type, last 12 months",
	        "Vorfälle pro Monat nach Art, letzte 12 Monate"));
	h_axis(resp, max);
	for (int i = 0; i < MONTHS; i++) {
		int x = X0 + i * gw + 4, bw = (gw - 8) / 3;
		int64_t v[3] = { c->m[i].conf, c->m[i].integ, c->m[i].avail };
		static const char *const cls[3] = { "conf", "integ", "avail" };

		for (int k = 0; k < 3; k++)
			h_bar(resp, x + k * bw, bw - 1, v[k], max, cls[k],
			    fill[k]);
		h_fmt(resp,
		    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "font-size=\"10\">%s</text>",
		    x + (gw - 8) / 2, Y0 + 14, c->m[i].key + 2);
	}
	h_fmt(resp,
	    "<g font-size=\"11\"><rect x=\"%d\" y=\"%d\" width=\"10\" "
	    "height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>"
	    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" "
	    "fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text><rect x=\"%d\" "
	    "y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" "
	    "y=\"%d\">%s</text></g></svg>",
	    X0, H + 6, fill[0], X0 + 14, H + 15,
	    T(req, "confidentiality", "Vertraulichkeit"), X0 + 170, H + 6,
	    fill[1], X0 + 184, H + 15, T(req, "integrity", "Integrität"),
	    X0 + 300, H + 6, fill[2], X0 + 314, H + 15,
	    T(req, "availability", "Verfügbarkeit"));
	h_fmt(resp,
	    "<figcaption><details><summary>%s</summary><table><thead><tr>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th></tr></thead><tbody>",
	    T(req, "The numbers", "Die Zahlen"), T(req, "Month", "Monat"),
	    T(req, "Incidents", "Vorfälle"),
	    T(req, "Confidentiality", "Vertraulichkeit"),
	    T(req, "Integrity", "Integrität"),
	    T(req, "Availability", "Verfügbarkeit"));
	for (int i = 0; i < MONTHS; i++)
		h_fmt(resp,
		    "<tr><th scope=\"row\">%s</th><td>%lld</td><td>%lld</td>"
		    "<td>%lld</td><td>%lld</td></tr>",
		    c->m[i].key, (long long)c->m[i].n, (long long)c->m[i].conf,
		    (long long)c->m[i].integ, (long long)c->m[i].avail);
	h_fmt(resp, "</tbody></table></details></figcaption></figure>");
}

static void
h_delays(struct http_req *req, struct http_resp *resp, const struct charts *c)
{
	int64_t max = 0;
	int bw = (W - X0 - 8) / BUCKETS;
	int x72 = X0 + (72 / BUCKET_H) * bw;

	for (int i = 0; i < BUCKETS; i++)
		max = c->bucket[i] > max ? c->bucket[i] : max;
	max = axis_max(max);
	h_fmt(resp,
	    "<figure class=\"chart\" id=\"chart-delays\"><svg "
	    "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	    "role=\"img\" aria-labelledby=\"chart-delays-t\"><title "
	    "id=\"chart-delays-t\">%s</title>",
	    W, H + 20,
	    T(req,
	        "Hours from awareness to the notification of the authority, "
	        "last 12 months",
	        "Stunden von der Kenntnis bis zur Meldung an die Behörde, "
	        "letzte 12 Monate"));
	h_axis(resp, max);
	for (int i = 0; i < BUCKETS; i++) {
		int x = X0 + i * bw;

		h_bar(resp, x + 2, bw - 4, c->bucket[i], max,
		    i * BUCKET_H >= 72 ? "late" : "in-time",
		    i * BUCKET_H >= 72 ? "#b3261e" : "#1f5fa8");
		h_fmt(resp,
		    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "font-size=\"10\">%d</text>",
		    x, Y0 + 14, i * BUCKET_H);
	}
	h_fmt(resp,
	    "<line class=\"limit\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#b3261e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
	    "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#b3261e\">72 h"
	    "</text><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text></svg>",
	    x72, Y0 - PH - 6, x72, Y0, x72 + 4, Y0 - PH + 4, X0, H + 15,
	    T(req, "hours (bars of 12 h; the last: 144 h and more)",
	        "Stunden (Balken zu 12 h; der letzte: ab 144 h)"));
	h_fmt(resp,
	    "<figcaption>%s: %lld. <details><summary>%s</summary><table>"
	    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "</tr></thead><tbody>",
	    T(req, "Notifications filed", "Eingereichte Meldungen"),
	    (long long)c->filed, T(req, "The numbers", "Die Zahlen"),
	    T(req, "Hours", "Stunden"), T(req, "Notifications", "Meldungen"));
	for (int i = 0; i < BUCKETS; i++) {
		if (i == BUCKETS - 1)
			h_fmt(resp, "<tr><th scope=\"row\">%d+</th>",
			    i * BUCKET_H);
		else
			h_fmt(resp, "<tr><th scope=\"row\">%d–%d</th>",
			    i * BUCKET_H, (i + 1) * BUCKET_H);
		h_fmt(resp, "<td>%lld</td></tr>", (long long)c->bucket[i]);
	}
	h_fmt(resp, "</tbody></table></details></figcaption></figure>");
}

/* The charts section of the dashboard; inside the caller's read. */
enum err
h_charts(struct http_req *req, struct http_resp *resp)
{
	struct charts c;
	enum err rc = charts_get(req->st, req->now, &c);

	if (rc != ERR_OK)
		return rc;
	h_fmt(resp,
	    "<section aria-labelledby=\"charts\" class=\"charts\">"
	    "<h2 id=\"charts\">%s</h2>",
	    T(req, "Figures", "Zahlen"));
	h_months(req, resp, &c);
	h_delays(req, resp, &c);
	h_fmt(resp, "</section>");
	return ERR_OK;
}
