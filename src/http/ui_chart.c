/* SPDX-License-Identifier: MIT */
/*
 * http/ui_chart.c: the dashboard's charts, drawn on the server as inline
 * SVG (no script; the CSP allows it): incidents per month by type
 * (confidentiality, integrity, availability) over the last 12 months, and
 * the hours from awareness to each filed authority notification, with
 * the 72-hour line.  Each chart has a table of its numbers for screen
 * readers and the tests.
 *
 * Speed: the facts documents are read once per process (one scan, which
 * keeps each incident's month and kinds of breach in a small table);
 * after that a dashboard reads only the incidents with events newer than
 * the last it saw, and one aggregate query of the filings.
 * docs/benchmarks.md has the figures on 100,000 incidents.
 */
#include "base/base.h"

#include <pthread.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "http/http_int.h"

enum { MONTHS = 12, BUCKET_H = 12, BUCKETS = 13 };

struct month {
	char key[8]; /* "2026-03" */
	int64_t n, conf, integ, avail;
};

struct charts {
	int64_t from;
	struct month m[MONTHS];
	int64_t bucket[BUCKETS]; /* 0-12 h, 12-24 h, ..., >= 144 h */
	int64_t filed;
};

/*
 * The process-wide cache: each incident's month (year * 12 + month - 1,
 * UTC) and kinds of breach, in an open-addressing table by id, and the
 * newest event seen.  Filled by one scan on the first dashboard; after
 * that only the incidents with newer events are read again.
 */
enum { K_CONF = 1, K_INTEG = 2, K_AVAIL = 4 };
struct slot {
	int64_t id; /* 0: empty */
	int32_t month;
	uint8_t kinds;
};
static struct {
	struct slot *v;
	size_t cap, n;
	int64_t last_ev;
	bool filled;
} cache;
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

static int32_t
month_of(int64_t t)
{
	int64_t y;
	int m;

	civil((t >= 0 ? t : t - 86399) / 86400, &y, &m);
	return (int32_t)(y * 12 + m - 1);
}

static struct slot *
slot_find(int64_t id)
{
	size_t i =
	    (size_t)((uint64_t)id * 0x9E3779B97F4A7C15ull) & (cache.cap - 1);

	while (cache.v[i].id != 0 && cache.v[i].id != id)
		i = (i + 1) & (cache.cap - 1);
	return &cache.v[i];
}

static void
slot_grow(void)
{
	struct slot *old = cache.v;
	size_t cap = cache.cap;

	cache.cap = cap == 0 ? 1024 : cap * 2;
	cache.v = xcalloc(cache.cap, sizeof(*cache.v));
	for (size_t i = 0; i < cap; i++)
		if (old[i].id != 0)
			*slot_find(old[i].id) = old[i];
	free(old);
}

static enum err
put_incident(void *arg, int64_t id, int64_t at, int conf, int integ, int avail)
{
	struct slot *s;

	(void)arg;
	if ((cache.n + 1) * 10 > cache.cap * 7)
		slot_grow();
	s = slot_find(id);
	if (s->id == 0)
		cache.n++;
	s->id = id;
	s->month = month_of(at);
	s->kinds = (uint8_t)((conf ? K_CONF : 0) | (integ ? K_INTEG : 0) |
	                     (avail ? K_AVAIL : 0));
	return ERR_OK;
}

static enum err
reread_incident(void *arg, int64_t id)
{
	return store_chart_incident(arg, id, put_incident, NULL);
}

/* Bring the cache up to the register's newest event; under cache_mu. */
static enum err
cache_update(struct store *st)
{
	int64_t ev = 0;
	enum err rc = store_chart_event_max(st, &ev);

	if (rc != ERR_OK || (cache.filled && ev <= cache.last_ev))
		return rc; /* an older snapshot than the cache's: it will do */
	if (!cache.filled) {
		rc = store_chart_incidents(st, put_incident, NULL);
		cache.filled = rc == ERR_OK;
	} else {
		rc = store_chart_changed(
		    st, cache.last_ev, ev, reread_incident, st);
	}
	if (rc == ERR_OK)
		cache.last_ev = ev;
	return rc;
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

/* The figures for `now`: the last 12 calendar months (UTC). */
static enum err
charts_get(struct store *st, int64_t now, struct charts *c)
{
	int32_t last = month_of(now), first = last - (MONTHS - 1);
	enum err rc;

	memset(c, 0, sizeof(*c));
	for (int i = 0; i < MONTHS; i++)
		snprintf(c->m[i].key, sizeof(c->m[i].key), "%04d-%02d",
		    (int)((first + i) / 12), (int)((first + i) % 12 + 1));
	c->from =
	    days_from_civil(first / 12, (unsigned)(first % 12 + 1), 1) * 86400;
	pthread_mutex_lock(&cache_mu);
	rc = cache_update(st);
	for (size_t i = 0; rc == ERR_OK && i < cache.cap; i++) {
		const struct slot *s = &cache.v[i];
		struct month *m;

		if (s->id == 0 || s->month < first || s->month > last)
			continue;
		m = &c->m[s->month - first];
		m->n++;
		m->conf += (s->kinds & K_CONF) != 0;
		m->integ += (s->kinds & K_INTEG) != 0;
		m->avail += (s->kinds & K_AVAIL) != 0;
	}
	pthread_mutex_unlock(&cache_mu);
	if (rc == ERR_OK)
		rc = store_chart_delays(st, c->from, delay_row, c);
	return rc;
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
	const char *title =
	    T(req, "Incidents per month by type, last 12 months",
	        "Vorfälle pro Monat nach Art, letzte 12 Monate");

	h_fmt(resp,
	    "<figure class=\"chart\" id=\"chart-months\"><h3 "
	    "aria-hidden=\"true\">%s</h3><svg "
	    "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	    "role=\"img\" aria-labelledby=\"chart-months-t\"><title "
	    "id=\"chart-months-t\">%s</title>",
	    title, W, H + 20, title);
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
	const char *title = T(req,
	    "Hours from awareness to the notification of the authority, "
	    "last 12 months",
	    "Stunden von der Kenntnis bis zur Meldung an die Behörde, "
	    "letzte 12 Monate");

	h_fmt(resp,
	    "<figure class=\"chart\" id=\"chart-delays\"><h3 "
	    "aria-hidden=\"true\">%s</h3><svg "
	    "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
	    "role=\"img\" aria-labelledby=\"chart-delays-t\"><title "
	    "id=\"chart-delays-t\">%s</title>",
	    title, W, H + 20, title);
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
