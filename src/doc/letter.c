/* SPDX-License-Identifier: MIT */
/*
 * doc/letter.c: the subjects list and the Art. 34(2) letter (letter.h).
 *
 * A letter is rendered from its template with a view model that holds no
 * data of the person except a marker where the name goes.  The rendered
 * text is cut into runs of lines without the marker (encoded once, kept)
 * and the lines with it (encoded per letter, after the name is put in).
 */
#include "base/base.h"

#include <sodium.h>

#include "base/arena.h"
#include "base/clock.h"
#include "base/hash.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "doc/letter_int.h"
#include "doc/mail.h"

/* ---- the list of people ----------------------------------------------- */

enum err
subjects_header(const struct csv_row *r, struct subjects_cols *c,
    bool cats_optional, char *why, size_t why_len)
{
	static const char *const names[] = { "id", "name", "email", "language",
		"categories" };
	int *slot[] = { &c->id, &c->name, &c->email, &c->lang, &c->cats };
	char miss[96] = "";

	c->n = r->n;
	for (size_t k = 0; k < nitems(names); k++) {
		*slot[k] = -1;
		for (size_t i = 0; i < r->n; i++) {
			if (strcmp(r->f[i], names[k]) != 0)
				continue;
			if (*slot[k] >= 0) {
				snprintf(why, why_len,
				    "row 1: column \"%s\" "
				    "appears twice",
				    names[k]);
				return ERR_INVAL;
			}
			*slot[k] = (int)i;
		}
		if (*slot[k] < 0 && k != 1 && !(k == 4 && cats_optional))
			snprintf(miss + strlen(miss),
			    sizeof(miss) - strlen(miss), "%s%s",
			    miss[0] ? ", " : "", names[k]);
	}
	if (miss[0]) {
		snprintf(why, why_len,
		    "row 1: the header lacks the column%s "
		    "%s (expected id,name,email,language,categories)",
		    strchr(miss, ',') ? "s" : "", miss);
		return ERR_INVAL;
	}
	return ERR_OK;
}

static const char *
field(const struct csv_row *r, int col, size_t *len)
{
	if (col < 0 || (size_t)col >= r->n) {
		*len = 0;
		return "";
	}
	*len = r->len[col];
	return r->f[col];
}

static enum err
bad(char *why, size_t why_len, const char *col, const char *what)
{
	snprintf(why, why_len, "column %s: %s", col, what);
	return ERR_INVAL;
}

/* Parse "credentials; bank_account" into category bits. */
static enum err
parse_cats(const char *s, size_t len, uint64_t *out, char *why, size_t why_len)
{
#define X(e, js, en, de) js,
	static const char *const cat_name[] = { DATA_CAT_LIST(X) };
#undef X
#define X(e, js, en, de) sizeof(js) - 1,
	static const size_t cat_len[] = { DATA_CAT_LIST(X) };
#undef X
	const unsigned n = nitems(cat_name);
	size_t i = 0;

	*out = 0;
	while (i < len) {
		size_t b, e;
		unsigned k;

		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		b = i;
		while (i < len && s[i] != ';')
			i++;
		e = i;
		while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		i++;
		if (e == b)
			continue;
		for (k = 0; k < n; k++) {
			if (cat_len[k] == e - b &&
			    memcmp(cat_name[k], s + b, e - b) == 0)
				break;
		}
		if (k == n) {
			snprintf(why, why_len,
			    "column categories: unknown "
			    "category \"%.*s\" (see docs/facts.md, "
			    "data_category)",
			    (int)(e - b > 40 ? 40 : e - b), s + b);
			return ERR_INVAL;
		}
		*out |= (uint64_t)1 << k;
	}
	return ERR_OK;
}

enum err
subject_from_row(const struct subjects_cols *c, const struct csv_row *r,
    struct subject *s, char *why, size_t why_len)
{
	const char *v, *p;
	size_t len;

	memset(s, 0, sizeof(*s));
	s->row = r->row;
	if (r->n != c->n) {
		snprintf(why, why_len, "has %zu columns, the header %zu", r->n,
		    c->n);
		return ERR_INVAL;
	}
	v = field(r, c->id, &len);
	if (len == 0)
		return bad(why, why_len, "id", "empty");
	p = text_problem(v, len, LETTER_ID_MAX, false);
	if (p != NULL)
		return bad(why, why_len, "id", p);
	s->id = v;
	v = field(r, c->name, &len);
	if (memchr(v, '\n', len) != NULL || memchr(v, '\r', len) != NULL)
		return bad(why, why_len, "name",
		    "contains a line break (CR "
		    "or LF); refused, it could inject mail headers");
	p = text_problem(v, len, LETTER_NAME_MAX, false);
	if (p != NULL)
		return bad(why, why_len, "name", p);
	s->name = v;
	v = field(r, c->email, &len);
	if (len == 0)
		return bad(why, why_len, "email", "missing");
	if (!mail_addr_valid(v, len))
		return bad(why, why_len, "email",
		    "not a valid e-mail "
		    "address (name@example.org, ASCII)");
	s->email = v;
	v = field(r, c->lang, &len);
	if (strcmp(v, "de") == 0)
		s->german = true;
	else if (strcmp(v, "en") != 0)
		return bad(why, why_len, "language",
		    len == 0 ? "missing (de "
		               "or en)"
		             : "unknown language (de or en)");
	v = field(r, c->cats, &len);
	return parse_cats(v, len, &s->cats, why, why_len);
}

/* ---- settings and facts a letter needs --------------------------------- */

static void
add_missing(char *out, size_t len, const char *v, const char *name)
{
	size_t n = strlen(out);

	if (v != NULL && *v != '\0')
		return;
	snprintf(out + n, len - n, "%s%s", n ? ", " : "", name);
}

void
letter_org_missing(const struct letter_org *o, char *out, size_t len)
{
	out[0] = '\0';
	add_missing(out, len, o->org_name, "org_name");
	add_missing(out, len, o->org_address, "org_address");
	add_missing(out, len, o->org_website, "org_website");
	add_missing(out, len, o->org_channels, "org_channels");
	add_missing(out, len, o->dpo_name, "dpo_name");
	add_missing(out, len, o->dpo_email, "dpo_email");
	add_missing(out, len, o->mail_from, "mail_from");
}

void
letter_facts_missing(const struct facts *f, char *out, size_t len)
{
	out[0] = '\0';
	add_missing(out, len, f->description, "description");
	add_missing(out, len, f->measures_taken, "measures.taken");
	if (!f->data.known || f->data.bits == 0)
		add_missing(out, len, NULL, "data.categories");
}

void
letter_key(const char *ref, const char *id, char out[LETTER_KEY_LEN])
{
	struct sha256 h;

	static_assert(LETTER_KEY_LEN % 2 == 1, "hex digits and a NUL");
	sha256_begin(&h);
	sha256_update(&h, "breachkit-letter-v1\n", 20);
	sha256_update(&h, ref, strlen(ref));
	sha256_update(&h, "\n", 1);
	sha256_update(&h, id, strlen(id));
	sha256_end_hex_public(&h, (LETTER_KEY_LEN - 1) / 2, out);
}

/* ---- the generator ------------------------------------------------------ */

struct piece {
	const char *p;
	size_t len;
	bool name_line; /* raw text holding the marker */
};

struct entry {
	bool used;
	bool german, has_name;
	uint64_t cats;
	size_t n;
	struct piece *v;
};

struct letter_gen {
	struct letter_cfg cfg;
	struct letter_org org;
	struct arena *a;   /* cache entries, headers */
	struct arena *tmp; /* an entry the cache had no room for */
	char marker[48];
	size_t marker_len;
	const char *domain;
	bool msgid_fold;
	struct buf from_hdr, date_hdr, subj_hdr[2], tail_hdr[2];
	struct buf msgid_pre, msgid_post; /* around the key */
	struct buf text, line;
	size_t rendered, cached;
	struct entry spare; /* built in tmp */
	struct entry cache[LETTER_CACHE_MAX];
};

static const char *const month_de[12] = { "Januar", "Februar", "März", "April",
	"Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
	"Dezember" };
static const char *const month_en[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

/* "1. Mai 2024" / "1 May 2024" in the display zone; "" if unknown. */
static const char *
date_text(struct arena *a, int64_t t, bool german)
{
	char iso[ISO_LEN];
	int64_t y, m, d;

	if (t == TIME_UNKNOWN)
		return "";
	iso8601_format(t, iso);
	if (str_to_i64n(iso, 4, 0, 9999, &y) != ERR_OK ||
	    str_to_i64n(iso + 5, 2, 1, 12, &m) != ERR_OK ||
	    str_to_i64n(iso + 8, 2, 1, 31, &d) != ERR_OK)
		return "";
	return german ? arena_printf(
	                    a, "%d. %s %d", (int)d, month_de[m - 1], (int)y)
	              : arena_printf(
	                    a, "%d %s %d", (int)d, month_en[m - 1], (int)y);
}

/* Replace {org}, {channels} and {website} in an advice text. */
static json_t *
fill(const struct letter_org *o, const char *s)
{
	struct buf b;
	json_t *j;

	buf_init(&b, 16 << 10);
	while (*s != '\0') {
		const char *v = NULL;
		size_t skip = 0;

		if (str_has_prefix(s, "{org}")) {
			v = o->org_name;
			skip = 5;
		} else if (str_has_prefix(s, "{channels}")) {
			v = o->org_channels;
			skip = 10;
		} else if (str_has_prefix(s, "{website}")) {
			v = o->org_website;
			skip = 9;
		}
		if (skip > 0) {
			buf_puts(&b, v != NULL ? v : "");
			s += skip;
		} else {
			buf_putc(&b, *s++);
		}
	}
	j = json_string(buf_cstr(&b));
	buf_release(&b);
	return j != NULL ? j : json_string("");
}

static json_t *
text_item(const char *s)
{
	return json_pack("{s:s}", "text", s);
}

/* The body view of (language, categories, has-name). */
static json_t *
body_view(struct letter_gen *g, struct arena *a, bool german, uint64_t cats,
    bool has_name)
{
	const struct facts *f = g->cfg.facts;
	const struct letter_org *o = &g->org;
	json_t *v, *data, *effects, *conseq, *advice;
	uint64_t seen = 0;
	/* The variant of the letter's language, else the text as entered
	 * (svc/letters.c says so in a dry run). */
	const char *desc = facts_text(f, FTEXT_DESCRIPTION, german, NULL);
	const char *taken = facts_text(f, FTEXT_MEASURES_TAKEN, german, NULL);
	const char *planned =
	    facts_text(f, FTEXT_MEASURES_PLANNED, german, NULL);

	data = json_array();
	for (unsigned k = 0; k < DATA__MAX; k++) {
		if (cats & ((uint64_t)1 << k))
			json_array_append_new(
			    data, json_pack("{s:s}", "label",
			              enum_label("data_category", k, german)));
	}
	effects = json_array();
	if (f->confidentiality == TRI_YES)
		json_array_append_new(effects,
		    text_item(
		        german
		            ? "Unbefugte konnten Ihre Daten einsehen oder haben sie "
		              "erhalten."
		            : "People without permission could see your "
		              "data or obtained it."));
	if (f->integrity == TRI_YES)
		json_array_append_new(effects,
		    text_item(german
		                  ? "Ihre Daten könnten verändert worden sein."
		                  : "Your data may have been changed."));
	if (f->availability == TRI_YES)
		json_array_append_new(effects,
		    text_item(
		        german
		            ? "Ihre Daten waren nicht verfügbar oder sind verloren "
		              "gegangen."
		            : "Your data were unavailable or have been "
		              "lost."));
	conseq = json_array();
	for (unsigned k = 0; k < CONSEQ__MAX; k++) {
		if (set_has(&f->conseq_likely, k))
			json_array_append_new(conseq,
			    text_item(enum_label("consequence", k, german)));
	}
	for (size_t i = 0; i < letter_conseq_n; i++) {
		if ((letter_conseq[i].cats & cats) != 0)
			json_array_append_new(conseq,
			    text_item(german ? letter_conseq[i].text_de
			                     : letter_conseq[i].text_en));
	}
	advice = json_array();
	for (size_t i = 0; i < letter_advice_n; i++) {
		const struct advice *ad = &letter_advice[i];

		if ((ad->cats & cats) == 0 || (ad->cats & seen) != 0)
			continue;
		seen |= ad->cats;
		json_array_append_new(
		    advice, json_pack("{s:s, s:o}", "title",
		                german ? ad->title_de : ad->title_en, "text",
		                fill(o, german ? ad->text_de : ad->text_en)));
	}
	v = json_pack("{s:{s:s, s:b}, s:{s:s, s:s, s:s, s:s},"
	              " s:{s:s, s:s, s:s, s:s, s:b, s:b},"
	              " s:{s:s, s:s, s:s, s:s, s:b}, s:o, s:o, s:o,"
	              " s:{s:s, s:s, s:b}, s:o}",
	    "recipient", "name", g->marker, "has_name", has_name, "org", "name",
	    o->org_name, "address", o->org_address, "website", o->org_website,
	    "channels", o->org_channels, "dpo", "name", o->dpo_name, "email",
	    o->dpo_email, "phone", o->dpo_phone ? o->dpo_phone : "", "address",
	    o->dpo_address ? o->dpo_address : "", "has_phone",
	    o->dpo_phone != NULL && *o->dpo_phone, "has_address",
	    o->dpo_address != NULL && *o->dpo_address, "incident", "ref",
	    g->cfg.ref, "date",
	    date_text(a,
	        f->aware_at != TIME_UNKNOWN ? f->aware_at : f->discovered_at,
	        german),
	    "what",
	    f->breach_type != BTYPE_UNKNOWN
	        ? enum_label("breach_type", f->breach_type, german)
	        : "",
	    "description", desc ? desc : "", "has_what",
	    f->breach_type != BTYPE_UNKNOWN, "effects", effects, "data", data,
	    "consequences", conseq, "measures", "taken", taken ? taken : "",
	    "planned", planned ? planned : "", "has_planned",
	    planned != NULL && *planned, "advice", advice);
	if (v == NULL)
		BUG("letter view");
	return v;
}

json_t *
letter_view_example(void)
{
	return json_pack("{s:{s:s, s:b}, s:{s:s, s:s, s:s, s:s},"
	                 " s:{s:s, s:s, s:s, s:s, s:b, s:b},"
	                 " s:{s:s, s:s, s:s, s:s, s:b}, s:[{s:s}], s:[{s:s}],"
	                 " s:[{s:s}], s:{s:s, s:s, s:b}, s:[{s:s, s:s}]}",
	    "recipient", "name", "Erika Mustermann", "has_name", 1, "org",
	    "name", "Example GmbH", "address", "Street 1", "website",
	    "https://example.invalid", "channels", "e-mail", "dpo", "name",
	    "DPO", "email", "dpo@example.invalid", "phone", "+49 0", "address",
	    "Street 1", "has_phone", 1, "has_address", 1, "incident", "ref",
	    "BK-2024-0001", "date", "1 May 2024", "what", "hacking",
	    "description", "text", "has_what", 1, "effects", "text", "x",
	    "data", "label", "x", "consequences", "text", "x", "measures",
	    "taken", "x", "planned", "x", "has_planned", 1, "advice", "title",
	    "x", "text", "x");
}

/* The column the next byte of `b` goes to. */
static size_t
col_of(const struct buf *b)
{
	size_t i = b->len;

	while (i > 0 && b->p[i - 1] != '\n')
		i--;
	return b->len - i;
}

static enum err
render_hdr(struct letter_gen *g, const struct tmpl *t, json_t *view,
    struct buf *out, char *why, size_t why_len)
{
	const char *eol = g->cfg.crlf ? "\r\n" : "\n";
	enum err rc;

	buf_reset(&g->text);
	rc = tmpl_render(t, view, NULL, NULL, &g->text);
	if (rc == ERR_OK) {
		/* A header is one line: trailing line ends are dropped. */
		while (
		    g->text.len > 0 && (g->text.p[g->text.len - 1] == '\n' ||
		                           g->text.p[g->text.len - 1] == '\r'))
			g->text.p[--g->text.len] = '\0';
		rc = buf_puts(out, "Subject: ");
	}
	if (rc == ERR_OK)
		rc = mail_text(out, buf_cstr(&g->text), 9, g->cfg.crlf);
	if (rc == ERR_OK)
		rc = buf_puts(out, eol);
	if (rc != ERR_OK)
		snprintf(why, why_len, "the subject template: %s", err_str(rc));
	return rc;
}

enum err
letter_gen_new(const struct letter_cfg *cfg, struct letter_gen **out, char *why,
    size_t why_len)
{
	struct letter_gen *g = xcalloc(1, sizeof(*g));
	const char *eol = cfg->crlf ? "\r\n" : "\n";
	unsigned char nonce[8];
	char date[MAIL_DATE_LEN];
	enum err rc = ERR_OK;

	*out = NULL;
	g->cfg = *cfg;
	g->org = *cfg->org;
	g->cfg.org = &g->org;
	g->a = arena_new();
	randombytes_buf(nonce, sizeof(nonce));
	snprintf(g->marker, sizeof(g->marker),
	    "\xE2\x9F\xA6name-%02x%02x%02x%02x%02x%02x%02x%02x\xE2\x9F\xA7",
	    nonce[0], nonce[1], nonce[2], nonce[3], nonce[4], nonce[5],
	    nonce[6], nonce[7]);
	g->marker_len = strlen(g->marker);
	g->domain = strchr(g->org.mail_from, '@') + 1;
	/* "Message-ID: <letter.KEY@domain>" within 78, else folded. */
	g->msgid_fold = 13 + 7 + LETTER_KEY_LEN + strlen(g->domain) > 78;
	buf_init(&g->msgid_pre, 256);
	buf_init(&g->msgid_post, 512);
	buf_printf(
	    &g->msgid_pre, "Message-ID:%s <letter.", g->msgid_fold ? eol : "");
	buf_printf(&g->msgid_post, "@%s>%s", g->domain, eol);
	buf_init(&g->from_hdr, 4096);
	buf_init(&g->date_hdr, 256);
	buf_init(&g->text, LETTER_MAX);
	buf_init(&g->line, LETTER_MAX);
	buf_puts(&g->from_hdr, "From: ");
	if (mail_phrase(&g->from_hdr, g->org.org_name, 6, cfg->crlf) !=
	    ERR_OK) {
		snprintf(why, why_len,
		    "the setting org_name holds a control "
		    "character");
		rc = ERR_INVAL;
		goto fail;
	}
	buf_printf(&g->from_hdr, "%s<%s>%s",
	    col_of(&g->from_hdr) + strlen(g->org.mail_from) + 3 > 78
	        ? (cfg->crlf ? "\r\n " : "\n ")
	        : " ",
	    g->org.mail_from, eol);
	mail_date(cfg->date_at, date);
	buf_printf(&g->date_hdr, "Date: %s%s", date, eol);
	for (int l = 0; l < 2; l++) {
		json_t *sv = json_pack("{s:{s:s}, s:{s:s}}", "org", "name",
		    g->org.org_name, "incident", "ref", cfg->ref);

		buf_init(&g->subj_hdr[l], 4096);
		buf_init(&g->tail_hdr[l], 1024);
		rc = render_hdr(
		    g, cfg->t->subject[l], sv, &g->subj_hdr[l], why, why_len);
		json_decref(sv);
		if (rc != ERR_OK)
			goto fail;
		buf_printf(&g->tail_hdr[l],
		    "MIME-Version: 1.0%s"
		    "Content-Type: text/plain; charset=UTF-8%s"
		    "Content-Transfer-Encoding: quoted-printable%s"
		    "Content-Language: %s%s%s",
		    eol, eol, eol, l ? "de" : "en", eol, eol);
	}
	*out = g;
	return ERR_OK;
fail:
	letter_gen_free(g);
	return rc;
}

void
letter_gen_free(struct letter_gen *g)
{
	if (g == NULL)
		return;
	arena_free(g->a);
	arena_free(g->tmp);
	buf_release(&g->from_hdr);
	buf_release(&g->msgid_pre);
	buf_release(&g->msgid_post);
	buf_release(&g->date_hdr);
	for (int l = 0; l < 2; l++) {
		buf_release(&g->subj_hdr[l]);
		buf_release(&g->tail_hdr[l]);
	}
	buf_release(&g->text);
	buf_release(&g->line);
	free(g);
}

void
letter_gen_stats(const struct letter_gen *g, size_t *rendered, size_t *cached)
{
	*rendered = g->rendered;
	*cached = g->cached;
}

/* The first occurrence of `needle` in `hay`, or NULL (memmem is GNU). */
static const char *
find(const char *hay, size_t len, const char *needle, size_t nlen)
{
	const char *p = hay, *end = hay + len;

	while ((size_t)(end - p) >= nlen) {
		p = memchr(p, needle[0], (size_t)(end - p) - nlen + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, needle, nlen) == 0)
			return p;
		p++;
	}
	return NULL;
}

static void
add_piece(struct arena *a, struct entry *e, size_t *cap, const char *p,
    size_t len, bool name_line)
{
	if (e->n == *cap) {
		struct piece *w = arena_allocarray(a, *cap * 2, sizeof(*w));

		memcpy(w, e->v, e->n * sizeof(*w));
		e->v = w;
		*cap *= 2;
	}
	e->v[e->n].p = arena_strndup(a, p, len);
	e->v[e->n].len = len;
	e->v[e->n].name_line = name_line;
	e->n++;
}

/* Render the body of (german, cats, has_name) and cut it into pieces. */
static enum err
build_entry(struct letter_gen *g, struct arena *a, struct entry *e, char *why,
    size_t why_len)
{
	json_t *view = body_view(g, a, e->german, e->cats, e->has_name);
	struct buf enc;
	size_t cap = 8, i = 0, run = 0;
	const char *s;
	enum err rc;

	buf_reset(&g->text);
	rc = tmpl_render(g->cfg.t->body[e->german], view, NULL, NULL, &g->text);
	json_decref(view);
	if (rc != ERR_OK) {
		snprintf(why, why_len, "the %s letter template: %s",
		    e->german ? "German" : "English", err_str(rc));
		return rc;
	}
	e->n = 0;
	e->v = arena_allocarray(a, cap, sizeof(*e->v));
	buf_init(&enc, LETTER_MAX);
	s = g->text.p != NULL ? g->text.p : "";
	while (i < g->text.len && rc == ERR_OK) {
		const char *nl = memchr(s + i, '\n', g->text.len - i);
		size_t n = nl ? (size_t)(nl - (s + i)) + 1 : g->text.len - i;
		const char *m = find(s + i, n, g->marker, g->marker_len);

		if (m != NULL) {
			buf_reset(&enc);
			rc = mail_qp(&enc, s + run, i - run, g->cfg.crlf);
			if (rc == ERR_OK && enc.len > 0)
				add_piece(a, e, &cap, enc.p, enc.len, false);
			add_piece(a, e, &cap, s + i, n, true);
			run = i + n;
		}
		i += n;
	}
	buf_reset(&enc);
	if (rc == ERR_OK)
		rc = mail_qp(&enc, s + run, g->text.len - run, g->cfg.crlf);
	if (rc == ERR_OK && enc.len > 0)
		add_piece(a, e, &cap, enc.p, enc.len, false);
	buf_release(&enc);
	if (rc != ERR_OK)
		snprintf(why, why_len, "the letter is too long");
	return rc;
}

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* The cached entry of (german, cats, has_name), built on first use. */
static enum err
entry_get(struct letter_gen *g, bool german, uint64_t cats, bool has_name,
    struct entry **out, char *why, size_t why_len)
{
	uint64_t h = mix(cats * 4 + (german ? 2 : 0) + (has_name ? 1 : 0));
	size_t i = (size_t)h % LETTER_CACHE_MAX;
	struct entry *spare = &g->spare;

	for (size_t probe = 0; probe < 16; probe++) {
		struct entry *e = &g->cache[(i + probe) % LETTER_CACHE_MAX];

		if (e->used && e->cats == cats && e->german == german &&
		    e->has_name == has_name) {
			*out = e;
			return ERR_OK;
		}
		if (!e->used) {
			e->german = german;
			e->cats = cats;
			e->has_name = has_name;
			if (build_entry(g, g->a, e, why, why_len) != ERR_OK)
				return ERR_INVAL;
			e->used = true;
			g->cached++;
			*out = e;
			return ERR_OK;
		}
	}
	/* No room: build it in a scratch arena, used for this letter only. */
	arena_free(g->tmp);
	g->tmp = arena_new();
	memset(spare, 0, sizeof(*spare));
	spare->german = german;
	spare->cats = cats;
	spare->has_name = has_name;
	if (build_entry(g, g->tmp, spare, why, why_len) != ERR_OK)
		return ERR_INVAL;
	*out = spare;
	return ERR_OK;
}

void
letter_msgid(const struct letter_gen *g, const char *key, char *out, size_t len)
{
	snprintf(out, len, "letter.%s@%s", key, g->domain);
}

/* Put the name into a marker line and encode it. */
static enum err
name_line(struct letter_gen *g, const struct piece *pc, const char *name,
    struct buf *out)
{
	const char *p = pc->p, *end = pc->p + pc->len;
	enum err rc = ERR_OK;

	buf_reset(&g->line);
	while (p < end && rc == ERR_OK) {
		const char *m =
		    find(p, (size_t)(end - p), g->marker, g->marker_len);

		if (m == NULL) {
			rc = buf_append(&g->line, p, (size_t)(end - p));
			break;
		}
		rc = buf_append(&g->line, p, (size_t)(m - p));
		if (rc == ERR_OK)
			rc = buf_puts(&g->line, name);
		p = m + g->marker_len;
	}
	if (rc == ERR_OK)
		rc = mail_qp(out, g->line.p, g->line.len, g->cfg.crlf);
	return rc;
}

enum err
letter_render(struct letter_gen *g, const struct subject *s, struct buf *out,
    char key[LETTER_KEY_LEN], char *why, size_t why_len)
{
	uint64_t cats = s->cats != 0 ? s->cats : g->cfg.facts->data.bits;
	bool has_name = s->name != NULL && *s->name != '\0';
	size_t eol_len = g->cfg.crlf ? 2 : 1, mark;
	int l = s->german ? 1 : 0;
	struct entry *e;
	enum err rc;

	rc = entry_get(g, s->german, cats, has_name, &e, why, why_len);
	if (rc != ERR_OK)
		return rc;
	letter_key(g->cfg.ref, s->id, key);
	mark = out->len;
	rc = buf_append(out, g->from_hdr.p, g->from_hdr.len);
	if (rc == ERR_OK)
		rc = buf_append(out, "To: ", 4);
	if (rc == ERR_OK && has_name) {
		rc = mail_phrase(out, s->name, 4, g->cfg.crlf);
		/* Fold before the address when the line would pass 78. */
		if (rc == ERR_OK)
			rc = buf_puts(
			    out, col_of(out) + strlen(s->email) + 3 > 78
			             ? (g->cfg.crlf ? "\r\n " : "\n ")
			             : " ");
	}
	if (rc == ERR_OK)
		rc = buf_putc(out, '<');
	if (rc == ERR_OK)
		rc = buf_puts(out, s->email);
	if (rc == ERR_OK)
		rc =
		    buf_append(out, g->cfg.crlf ? ">\r\n" : ">\n", 1 + eol_len);
	if (rc == ERR_OK)
		rc = buf_append(out, g->subj_hdr[l].p, g->subj_hdr[l].len);
	if (rc == ERR_OK)
		rc = buf_append(out, g->date_hdr.p, g->date_hdr.len);
	if (rc == ERR_OK)
		rc = buf_append(out, g->msgid_pre.p, g->msgid_pre.len);
	if (rc == ERR_OK)
		rc = buf_append(out, key, LETTER_KEY_LEN - 1);
	if (rc == ERR_OK)
		rc = buf_append(out, g->msgid_post.p, g->msgid_post.len);
	if (rc == ERR_OK)
		rc = buf_append(out, g->tail_hdr[l].p, g->tail_hdr[l].len);
	for (size_t i = 0; i < e->n && rc == ERR_OK; i++) {
		if (e->v[i].name_line)
			rc = name_line(g, &e->v[i], s->name, out);
		else
			rc = buf_append(out, e->v[i].p, e->v[i].len);
	}
	if (rc != ERR_OK) {
		out->len = mark;
		if (out->p != NULL)
			out->p[mark] = '\0';
		snprintf(why, why_len, "%s",
		    rc == ERR_INVAL ? "column name: "
		                      "not usable in a mail header"
		                    : "the letter is too long");
		return rc;
	}
	g->rendered++;
	return ERR_OK;
}
