/* SPDX-License-Identifier: MIT */
/*
 * svc/export.c: the Art. 33(5) register as CSV or JSON: every incident,
 * notified or not, with its facts, effects, remedial action, decisions and
 * their reasoning, and the state of each obligation (filed when, late or
 * not, and the reasons for a delay).
 *
 * No facts document is parsed here.  The CSV reads the register columns
 * (struct incident_reg, kept with the facts since migration 0006); the
 * JSON copies the stored canonical facts text into the output, re-indented
 * and with its date-time fields moved into the display zone, which is the
 * text jansson's JSON_INDENT(2) dump of the parsed document gave (e2e 039
 * compares both with golden files).  Incidents, obligations and decisions
 * are read as streams in incident order (store_register_each), so memory
 * does not grow with the register.
 */
#include "base/base.h"

#include <pthread.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "model/json_out.h"
#include "svc/svc_int.h"

enum {
	OUT_CAP = 1 << 20, /* bytes written per fwrite */
	JW_DEPTH_MAX = 64, /* facts nest 3 deep; the validator caps it */
};

/*
 * Output.  `struct out` is a byte buffer that either drains into a FILE
 * (one fwrite per OUT_CAP bytes, not one per cell) or, without a FILE,
 * grows in memory (a batch).
 */
struct out {
	FILE *fp; /* NULL: a memory batch */
	char *b;
	size_t n, cap;
};

static void
out_init(struct out *o, FILE *fp)
{
	o->fp = fp;
	o->cap = OUT_CAP;
	o->b = xmalloc(o->cap);
	o->n = 0;
}

static void
out_flush(struct out *o)
{
	if (o->fp != NULL && o->n > 0)
		fwrite(o->b, 1, o->n, o->fp);
	o->n = 0;
}

static void
out_mem_slow(struct out *o, const char *p, size_t len)
{
	if (o->fp == NULL) {
		while (o->n + len > o->cap)
			o->cap *= 2;
		o->b = xrealloc(o->b, o->cap);
	}
	while (o->n + len > o->cap) {
		size_t k = o->cap - o->n;

		memcpy(o->b + o->n, p, k);
		o->n += k;
		p += k;
		len -= k;
		out_flush(o);
	}
	memcpy(o->b + o->n, p, len);
	o->n += len;
}

/* Called for every token: the common case inline, a memcpy into room. */
static inline void
out_mem(struct out *o, const char *p, size_t len)
{
	if (o->n + len > o->cap) {
		out_mem_slow(o, p, len);
		return;
	}
	memcpy(o->b + o->n, p, len);
	o->n += len;
}

static void
out_c(struct out *o, char c)
{
	out_mem(o, &c, 1);
}

static void
out_s(struct out *o, const char *s)
{
	out_mem(o, s, strlen(s));
}

/*
 * JSON text as jansson's json_dumps(JSON_INDENT(2)) writes it: a newline
 * and two spaces per level before every member, ",\n" between them,
 * "key": value, and "{}" / "[]" for empty containers.
 */
struct jw {
	struct out *o;
	int depth;
	bool first[JW_DEPTH_MAX];
};

/* ",\n" and the indentation of JW_DEPTH_MAX levels, cut to size. */
static const char jw_nl[2 + 2 * JW_DEPTH_MAX + 1] =
    ",\n                                                                "
    "                                                                ";

static void
jw_indent(struct jw *w, int depth)
{
	out_mem(w->o, jw_nl + 1, 1 + 2 * (size_t)depth);
}

/* Before a member of the current container: one write of the separator
 * and the indentation. */
static void
jw_sep(struct jw *w)
{
	bool first = w->first[w->depth];

	w->first[w->depth] = false;
	out_mem(w->o, jw_nl + first, 2 - first + 2 * (size_t)w->depth);
}

static bool
jw_open(struct jw *w, char c)
{
	if (w->depth + 1 >= JW_DEPTH_MAX)
		return false;
	out_c(w->o, c);
	w->first[++w->depth] = true;
	return true;
}

static void
jw_close(struct jw *w, char c)
{
	if (!w->first[w->depth])
		jw_indent(w, w->depth - 1);
	w->depth--;
	out_c(w->o, c);
}

/* Our own keys, literals in plain ASCII, nothing to escape: written with
 * their quotes and the colon in one piece. */
#define jw_key(w, k) jw_keyq((w), "\"" k "\": ", sizeof(k) + 3)

static void
jw_keyq(struct jw *w, const char *q, size_t len)
{
	jw_sep(w);
	out_mem(w->o, q, len);
}

/* A string escaped as jansson escapes it (UTF-8 kept as is). */
static void
jw_str(struct jw *w, const char *s)
{
	const char *run;

	if (s == NULL) {
		out_mem(w->o, "null", 4);
		return;
	}
	out_c(w->o, '"');
	for (run = s; *s; s++) {
		char e[JSON_ESC_MAX];

		if (!JSON_NEEDS_ESC(*s))
			continue;
		out_mem(w->o, run, (size_t)(s - run));
		run = s + 1;
		out_mem(w->o, e, json_escape_char((unsigned char)*s, e));
	}
	out_mem(w->o, run, (size_t)(s - run));
	out_c(w->o, '"');
}

static void
jw_int(struct jw *w, int64_t v)
{
	char b[24], *p = b + sizeof(b);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	out_mem(w->o, p, (size_t)(b + sizeof(b) - p));
}

static void
jw_bool(struct jw *w, bool v)
{
	out_s(w->o, v ? "true" : "false");
}

/* A time in the display zone, or null. */
static void
jw_time(struct jw *w, int64_t t)
{
	char b[ISO_LEN + 2];

	if (t == TIME_UNKNOWN) {
		out_mem(w->o, "null", 4);
		return;
	}
	/* digits, '-', ':', 'T', 'Z' and '+': nothing to escape */
	b[0] = '"';
	iso8601_format(t, b + 1);
	size_t n = strlen(b);
	b[n] = '"';
	out_mem(w->o, b, n + 1);
}

/*
 * The export runs in two threads.  The reader (the caller's thread) steps
 * through the register and writes each incident into a batch: everything
 * but the facts is formatted there; the facts are copied as stored.  The
 * formatter thread takes a full batch, re-indents the facts into place
 * and writes the whole to the FILE, while the reader fills the other
 * batch.  The two halves are about 40/60 of the work; alone, one thread
 * took 1.1 s of CPU for 100,000 incidents.
 */
enum seg_kind { SEG_LIT, SEG_FACTS };

struct seg {
	enum seg_kind kind;
	int depth;  /* SEG_FACTS: the writer's depth at the value */
	size_t off; /* SEG_LIT: in lit; SEG_FACTS: in raw */
	size_t len; /* SEG_LIT only */
	size_t ref; /* SEG_FACTS: the incident's reference, in raw */
};

struct batch {
	struct out lit; /* formatted text */
	struct out raw; /* stored facts and references, NUL-terminated */
	struct seg *seg;
	size_t nseg, capseg;
	size_t mark; /* lit up to here is in a segment */
};

enum {
	BATCH_BYTES = 1 << 20, /* hand over a batch at this size */
};

struct ex {
	struct out o; /* the FILE, written by the formatter */
	bool json;
	int64_t now;
	size_t n;
	char *bad_ref; /* stored facts that are not JSON */
	/* the pipeline */
	struct batch bt[2];
	int cur;            /* the batch the reader fills */
	struct batch *pend; /* handed to the formatter; NULL when idle */
	bool threaded, stop, failed;
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/* CSV cell: quoted, with spreadsheet formula triggers neutralised. */
static void
csv_cell(struct out *o, const char *s, bool last)
{
	const char *q;

	out_c(o, '"');
	if (s != NULL && (*s == '=' || *s == '+' || *s == '-' || *s == '@' ||
	                     *s == '\t' || *s == '\r'))
		out_c(o, '\'');
	while (s != NULL && (q = strchr(s, '"')) != NULL) {
		out_mem(o, s, (size_t)(q - s + 1));
		out_c(o, '"');
		s = q + 1;
	}
	if (s != NULL)
		out_s(o, s);
	out_c(o, '"');
	out_c(o, last ? '\n' : ',');
}

static void
csv_time(struct out *o, int64_t t)
{
	char b[ISO_LEN];

	if (t != TIME_UNKNOWN)
		iso8601_format(t, b);
	csv_cell(o, t != TIME_UNKNOWN ? b : NULL, false);
}

static void
csv_count(struct out *o, int64_t n)
{
	char b[24];

	snprintf(b, sizeof(b), "%lld", (long long)n);
	csv_cell(o, n >= 0 ? b : NULL, false);
}

static const char *
tri_name(int v)
{
	return v > 0 ? "yes" : v == 0 ? "no" : "unknown";
}

static const char *const csv_head[] = {
	"ref",
	"title",
	"status",
	"role",
	"discovered_at",
	"aware_at",
	"occurred_from",
	"occurred_to",
	"confidentiality",
	"integrity",
	"availability",
	"breach_type",
	"data_categories",
	"subject_categories",
	"subjects",
	"subjects_estimate",
	"records",
	"consequences_likely",
	"consequences",
	"measures_taken",
	"authority_status",
	"authority_filed_at",
	"authority_late",
	"delay_reason",
	"subjects_status",
	"decisions",
	"closed_at",
};

/* The first obligation of `r` (by id) owed to `recipient`, or NULL. */
static const struct obligation *
obl_to(const struct register_row *r, const char *recipient)
{
	for (size_t i = 0; i < r->obl_n; i++) {
		if (strcmp(r->obl[i].recipient, recipient) == 0)
			return &r->obl[i];
	}
	return NULL;
}

static void
write_csv(struct ex *x, const struct register_row *r)
{
	static const struct incident_reg none = { .occurred_from = TIME_UNKNOWN,
		.occurred_to = TIME_UNKNOWN,
		.confidentiality = -1,
		.integrity = -1,
		.availability = -1,
		.subjects = -1,
		.records = -1 };
	const struct incident *in = r->in;
	const struct incident_reg *g = r->reg != NULL ? r->reg : &none;
	const struct obligation *auth = obl_to(r, "authority");
	const struct obligation *subj = obl_to(r, "subjects");
	struct out *o = &x->bt[x->cur].lit;
	struct buf d;

	csv_cell(o, in->ref, false);
	csv_cell(o, in->title, false);
	csv_cell(o, incident_status_names[in->status], false);
	csv_cell(o, g->role, false);
	csv_time(o, in->discovered_at);
	csv_time(o, in->aware_at);
	csv_time(o, g->occurred_from);
	csv_time(o, g->occurred_to);
	csv_cell(o, tri_name(g->confidentiality), false);
	csv_cell(o, tri_name(g->integrity), false);
	csv_cell(o, tri_name(g->availability), false);
	csv_cell(o, g->breach_type, false);
	csv_cell(o, g->data_categories, false);
	csv_cell(o, g->subject_categories, false);
	csv_count(o, g->subjects);
	csv_cell(o, g->subjects_estimate ? "yes" : "no", false);
	csv_count(o, g->records);
	csv_cell(o, g->consequences_likely, false);
	csv_cell(o, g->consequences, false);
	csv_cell(o, g->measures_taken, false);
	csv_cell(o, auth ? obl_status_names[auth->status] : "none", false);
	if (auth != NULL)
		csv_time(o, auth->filed_at);
	else
		csv_cell(o, NULL, false);
	csv_cell(o, auth ? (auth->late ? "yes" : "no") : NULL, false);
	csv_cell(o, auth ? auth->delay_reason : NULL, false);
	csv_cell(o, subj ? obl_status_names[subj->status] : "none", false);
	buf_init(&d, 1 << 20);
	for (size_t i = 0; i < r->dec_n; i++)
		buf_printf(&d, "%s%s=%s: %s", i ? " | " : "",
		    topic_names[r->dec[i].topic],
		    r->dec[i].outcome ? "yes" : "no", r->dec[i].rationale);
	csv_cell(o, buf_cstr(&d), false);
	buf_release(&d);
	if (in->closed_at != TIME_UNKNOWN) {
		char b[ISO_LEN];

		iso8601_format(in->closed_at, b);
		csv_cell(o, b, true);
	} else {
		csv_cell(o, NULL, true);
	}
}

/* Is the member `key` at facts level `lvl` (1: top; 2: in group `grp`)
 * a date-time field?  Both are key tokens, with their quotes. */
static bool
is_time_field(
    const char *grp, size_t grp_len, const char *key, size_t key_len, int lvl)
{
	if (lvl == 1)
		return facts_is_time(NULL, 0, key + 1, key_len - 2);
	return grp != NULL &&
	       facts_is_time(grp + 1, grp_len - 2, key + 1, key_len - 2);
}

/* End of the JSON string token starting at `p` ('"'); NULL if unclosed. */
static const char *
str_end(const char *p)
{
	const char *q = p + 1;

	/* The next quote not escaped: preceded by an even run of
	 * backslashes.  strchr() runs vectorised over long texts. */
	while ((q = strchr(q, '"')) != NULL) {
		const char *b = q;

		while (b > p + 1 && b[-1] == '\\')
			b--;
		if (((q - b) & 1) == 0)
			return q + 1;
		q++;
	}
	return NULL;
}

/*
 * Copy the stored (compact, canonical, UTC) facts text `s` into the
 * output at the writer's depth, re-indented, with the date-time fields in
 * the display zone.  Strings, numbers and literals are copied as they
 * are: jansson wrote them and would write them the same way again.
 * False if `s` is not well-formed JSON text.
 */
static bool
facts_copy(struct jw *w, const char *s)
{
	const int base = w->depth;
	bool is_obj[JW_DEPTH_MAX];
	const char *key[JW_DEPTH_MAX];
	size_t key_len[JW_DEPTH_MAX];
	bool want_key = false;
	const char *p = s, *q;

	memset(key, 0, sizeof(key));
	memset(key_len, 0, sizeof(key_len));
	is_obj[base] = false;
	do {
		int lvl = w->depth - base;

		while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
			p++;
		if (*p == ',' || *p == ':') {
			if (lvl == 0)
				return false;
			want_key = *p == ',' && is_obj[w->depth];
			p++;
			continue;
		}
		if (*p == '}' || *p == ']') {
			if (lvl == 0 || (*p == '}') != is_obj[w->depth])
				return false;
			jw_close(w, *p++);
			want_key = false;
			continue;
		}
		if (want_key) {
			if (*p != '"' || (q = str_end(p)) == NULL)
				return false;
			jw_sep(w);
			out_mem(w->o, p, (size_t)(q - p));
			out_mem(w->o, ": ", 2);
			key[w->depth] = p;
			key_len[w->depth] = (size_t)(q - p);
			want_key = false;
			p = q;
			continue;
		}
		/* A value: a member's (key written) or an array element's. */
		if (lvl > 0 && !is_obj[w->depth])
			jw_sep(w);
		if (*p == '{' || *p == '[') {
			if (!jw_open(w, *p))
				return false;
			is_obj[w->depth] = *p == '{';
			want_key = *p == '{';
			key[w->depth] = NULL;
			p++;
			/* An empty container closes at once. */
			continue;
		}
		if (*p == '"') {
			char t[ISO_LEN];
			const char *why;
			int64_t at;

			if ((q = str_end(p)) == NULL)
				return false;
			if (lvl >= 1 && lvl <= 2 && is_obj[w->depth] &&
			    is_time_field(key[base + 1], key_len[base + 1],
			        key[w->depth], key_len[w->depth], lvl) &&
			    iso8601_parse(p + 1, (size_t)(q - p - 2), &at,
			        &why) == ERR_OK) {
				iso8601_format(at, t);
				jw_str(w, t);
			} else {
				out_mem(w->o, p, (size_t)(q - p));
			}
			p = q;
			continue;
		}
		q = p;
		while (*q == '-' || *q == '+' || *q == '.' ||
		       (*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'z') ||
		       (*q >= 'A' && *q <= 'Z'))
			q++;
		if (q == p)
			return false;
		out_mem(w->o, p, (size_t)(q - p));
		p = q;
	} while (w->depth > base);
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return *p == '\0';
}

static void
seg_add(struct batch *b, struct seg sg)
{
	if (b->nseg == b->capseg) {
		b->capseg = b->capseg ? 2 * b->capseg : 256;
		b->seg = xreallocarray(b->seg, b->capseg, sizeof(*b->seg));
	}
	b->seg[b->nseg++] = sg;
}

/* The formatted text since the last segment becomes one. */
static void
seg_lit(struct batch *b)
{
	if (b->lit.n > b->mark)
		seg_add(b, (struct seg){ .kind = SEG_LIT,
		               .off = b->mark,
		               .len = b->lit.n - b->mark });
	b->mark = b->lit.n;
}

/* The stored facts `facts` of incident `ref` go here, at `depth`. */
static void
seg_facts(struct batch *b, const char *facts, const char *ref, int depth)
{
	struct seg sg = { .kind = SEG_FACTS, .depth = depth };

	seg_lit(b);
	sg.off = b->raw.n;
	out_mem(&b->raw, facts, strlen(facts) + 1);
	sg.ref = b->raw.n;
	out_mem(&b->raw, ref, strlen(ref) + 1);
	seg_add(b, sg);
}

/* The members of model/json_out.c's field lists, written by `w`. */
static void
jw_member(struct jw *w, const char *key)
{
	jw_sep(w);
	out_c(w->o, '"');
	out_s(w->o, key);
	out_mem(w->o, "\": ", 3);
}

static void
field_i64(void *arg, const char *key, int64_t v)
{
	jw_member(arg, key);
	jw_int(arg, v);
}

static void
field_str(void *arg, const char *key, const char *v)
{
	jw_member(arg, key);
	jw_str(arg, v);
}

static void
field_time(void *arg, const char *key, int64_t t)
{
	jw_member(arg, key);
	jw_time(arg, t);
}

static void
field_bool(void *arg, const char *key, bool v)
{
	jw_member(arg, key);
	jw_bool(arg, v);
}

static const struct json_fields fields = { field_i64, field_str, field_time,
	field_bool };

/* The fields of incident_json(), then facts, obligations and decisions,
 * as the export wrote them through jansson. */
static bool
write_json(struct ex *x, const struct register_row *r)
{
	const struct incident *in = r->in;
	struct batch *b = &x->bt[x->cur];
	struct jw w = { .o = &b->lit };

	out_s(&b->lit, x->n ? ",\n" : "\n");
	jw_open(&w, '{');
	incident_fields(in, &fields, &w);
	jw_key(&w, "facts");
	if (in->facts == NULL)
		return false;
	seg_facts(b, in->facts, in->ref, w.depth);
	jw_key(&w, "obligations");
	jw_open(&w, '[');
	for (size_t i = 0; i < r->obl_n; i++) {
		jw_sep(&w);
		jw_open(&w, '{');
		obligation_fields(&r->obl[i], x->now, &fields, &w);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_key(&w, "decisions");
	jw_open(&w, '[');
	for (size_t i = 0; i < r->dec_n; i++) {
		jw_sep(&w);
		jw_open(&w, '{');
		decision_fields(&r->dec[i], &fields, &w);
		jw_close(&w, '}');
	}
	jw_close(&w, ']');
	jw_close(&w, '}');
	return true;
}

/* Write a batch to the FILE (in the formatter thread). */
static bool
batch_write(struct ex *x, struct batch *b)
{
	for (size_t i = 0; i < b->nseg; i++) {
		const struct seg *sg = &b->seg[i];
		struct jw w = { .o = &x->o, .depth = sg->depth };

		if (sg->kind == SEG_LIT) {
			out_mem(&x->o, b->lit.b + sg->off, sg->len);
		} else if (!facts_copy(&w, b->raw.b + sg->off)) {
			x->bad_ref = xstrdup(b->raw.b + sg->ref);
			return false;
		}
	}
	out_flush(&x->o);
	return true;
}

static void
batch_reset(struct batch *b)
{
	b->lit.n = b->raw.n = b->nseg = b->mark = 0;
}

static void *
formatter(void *arg)
{
	struct ex *x = arg;

	pthread_mutex_lock(&x->mu);
	for (;;) {
		while (x->pend == NULL && !x->stop)
			pthread_cond_wait(&x->cv, &x->mu);
		if (x->pend == NULL)
			break;
		struct batch *b = x->pend;

		pthread_mutex_unlock(&x->mu);
		bool ok = x->failed || batch_write(x, b);

		pthread_mutex_lock(&x->mu);
		if (!ok)
			x->failed = true;
		x->pend = NULL;
		pthread_cond_broadcast(&x->cv);
	}
	pthread_mutex_unlock(&x->mu);
	return NULL;
}

/* Hand the reader's batch to the formatter and take the other one.
 * False if the formatter has failed (stored facts that are not JSON). */
static bool
batch_handover(struct ex *x)
{
	struct batch *b = &x->bt[x->cur];
	bool failed;

	seg_lit(b);
	if (!x->threaded) {
		if (!x->failed && !batch_write(x, b))
			x->failed = true;
		batch_reset(b);
		return !x->failed;
	}
	pthread_mutex_lock(&x->mu);
	while (x->pend != NULL)
		pthread_cond_wait(&x->cv, &x->mu);
	failed = x->failed;
	x->pend = b;
	pthread_cond_broadcast(&x->cv);
	pthread_mutex_unlock(&x->mu);
	x->cur ^= 1;
	batch_reset(&x->bt[x->cur]);
	return !failed;
}

static void
pipe_open(struct ex *x, FILE *fp)
{
	out_init(&x->o, fp);
	for (int i = 0; i < 2; i++) {
		out_init(&x->bt[i].lit, NULL);
		out_init(&x->bt[i].raw, NULL);
	}
	pthread_mutex_init(&x->mu, NULL);
	pthread_cond_init(&x->cv, NULL);
	/* Without a thread, the batches are written in turn. */
	x->threaded = pthread_create(&x->th, NULL, formatter, x) == 0;
}

/* The last batch written, the formatter stopped; false if it failed. */
static bool
pipe_close(struct ex *x)
{
	bool ok = batch_handover(x);

	if (x->threaded) {
		pthread_mutex_lock(&x->mu);
		x->stop = true;
		pthread_cond_broadcast(&x->cv);
		pthread_mutex_unlock(&x->mu);
		pthread_join(x->th, NULL);
	}
	pthread_cond_destroy(&x->cv);
	pthread_mutex_destroy(&x->mu);
	for (int i = 0; i < 2; i++) {
		free(x->bt[i].lit.b);
		free(x->bt[i].raw.b);
		free(x->bt[i].seg);
	}
	free(x->o.b);
	return ok && !x->failed;
}

static enum err
export_incident(void *arg, const struct register_row *r)
{
	struct ex *x = arg;
	struct batch *b = &x->bt[x->cur];

	if (x->json && !write_json(x, r)) {
		x->bad_ref = xstrdup(r->in->ref);
		return ERR_INTERNAL;
	}
	if (!x->json)
		write_csv(x, r);
	x->n++;
	if (b->lit.n + b->raw.n >= BATCH_BYTES && !batch_handover(x))
		return ERR_INTERNAL;
	return ferror(x->o.fp) ? ERR_IO : ERR_OK;
}

enum err
svc_export(
    struct store *st, FILE *fp, bool json, int64_t now, struct svc_err *e)
{
	struct ex x = { .json = json, .now = now };
	struct out *o = &x.bt[0].lit;
	enum err rc;

	pipe_open(&x, fp);
	rc = store_begin_read(st);
	if (rc == ERR_OK) {
		if (json)
			out_s(o, "{\"register\":[");
		else
			for (size_t i = 0; i < nitems(csv_head); i++) {
				out_s(o, csv_head[i]);
				out_c(o, i + 1 < nitems(csv_head) ? ',' : '\n');
			}
		rc = store_register_each(st, json, export_incident, &x);
		if (json)
			out_s(&x.bt[x.cur].lit, "\n]}\n");
	}
	store_rollback(st);
	if (!pipe_close(&x) && rc == ERR_OK)
		rc = ERR_INTERNAL;
	if (rc == ERR_OK && (fflush(fp) != 0 || ferror(fp)))
		rc = ERR_IO;
	if (rc == ERR_INTERNAL && x.bad_ref != NULL)
		svc_err_msg(e, "export: the stored facts of %s are not JSON",
		    x.bad_ref);
	else if (rc != ERR_OK)
		svc_err_msg(e, "export: %s",
		    rc == ERR_IO ? "write error" : store_errmsg(st));
	free(x.bad_ref);
	return rc;
}
