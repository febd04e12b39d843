/* SPDX-License-Identifier: MIT */
/*
 * doc/tmpl_render.c: render a parsed template against a jansson view, and
 * lint a template against the example view of its kind.
 *
 * Rendering allocates nothing of its own: it walks the flat AST, keeps the
 * context stack on the C stack, formats numbers into a stack buffer and
 * appends to the caller's capped buf (which grows only until it has held
 * the largest output once).  Escaping is a table lookup per byte with
 * runs of harmless bytes appended at once.
 */
#include "base/base.h"

#include <inttypes.h>
#include <stdarg.h>

#include "doc/tmpl_int.h"

/*
 * Context stack entries: sections nest TMPL_DEPTH_MAX deep per template.
 * STEPS_MAX bounds the work of one render: nested loops over lists grow
 * as the product of their lengths, and empty output would never reach
 * the output cap.
 */
enum { CTX_MAX = 128, STEPS_MAX = 1 << 22 };

/*
 * Escape classes per output type, for bytes below 0x80 (UTF-8 sequences
 * pass unchanged): 0 copy, 1 drop, 2 refuse (CR, LF in mail headers),
 * 3.. the HTML entities below.
 */
enum { ESC_COPY, ESC_DROP, ESC_REFUSE, ESC_ENTITY };

static const unsigned char esc_html[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, /* C0 but \t \n */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* */
	0, 0, 6, 0, 0, 0, 3, 7, 0, 0, 0, 0, 0, 0, 0, 0, /* " & ' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 5, 0, /* < > */
};
static const unsigned char esc_text[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, /* C0 but \t \n */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* */
};
static const unsigned char esc_mailhdr[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 1, 1, 2, 1, 1, /* LF, CR refused */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* */
};
static const unsigned char *const esc_tables[TMPL__MAX] = { esc_html, esc_text,
	esc_mailhdr };

static const struct {
	const char *s;
	size_t len;
} entities[] = {
	{ "&amp;", 5 },
	{ "&lt;", 4 },
	{ "&gt;", 4 },
	{ "&quot;", 6 },
	{ "&#39;", 5 },
};

struct rctx {
	const json_t *stack[CTX_MAX];
	const json_t *roots[TMPL_ROOTS_MAX];
	const struct tmpl *top; /* whose slots `roots` holds */
	size_t sp;
	const unsigned char *esc;
	enum tmpl_type type;
	tmpl_partial_fn pf;
	void *parg;
	struct buf *out;
	int partials;
	size_t steps;
};

/*
 * Append to `b`: a memcpy when it fits (the common case once the buffer
 * has grown), else buf_append, which grows it or enforces the cap.  The
 * NUL terminator is written once, at the end of tmpl_render().
 */
static inline enum err
put(struct buf *b, const void *s, size_t n)
{
	if (n < b->cap - b->len && b->len + n <= b->max) {
		memcpy(b->p + b->len, s, n);
		b->len += n;
		return ERR_OK;
	}
	return buf_append(b, s, n);
}

/*
 * Eight bytes at a time: true when `w` may hold a byte that needs
 * escaping (below 0x20, or for HTML one of & < > " ').  A false positive
 * only costs the byte loop.
 */
static inline bool
word_special(uint64_t w, bool html)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t hit, x;

	hit = (w - 0x20 * ones) & ~w & high;
	if (html) {
		x = w ^ ('&' * ones);
		hit |= (x - ones) & ~x & high;
		x = w ^ ('<' * ones);
		hit |= (x - ones) & ~x & high;
		x = w ^ ('>' * ones);
		hit |= (x - ones) & ~x & high;
		x = w ^ ('"' * ones);
		hit |= (x - ones) & ~x & high;
		x = w ^ ('\'' * ones);
		hit |= (x - ones) & ~x & high;
	}
	return hit != 0;
}

/* Append `s` escaped with table `esc`. */
static enum err
put_escaped(struct buf *out, const unsigned char *esc, bool html, const char *s,
    size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run, lim;
	uint64_t w;
	unsigned cls;
	enum err rc;

	while (i < len) {
		run = i;
		for (;;) {
			while (len - i >= 8) {
				memcpy(&w, p + i, 8);
				if (word_special(w, html))
					break;
				i += 8;
			}
			lim = len - i > 8 ? i + 8 : len;
			while (i < lim && esc[p[i]] == ESC_COPY)
				i++;
			if (i == len || esc[p[i]] != ESC_COPY)
				break;
		}
		if (i > run) {
			rc = put(out, s + run, i - run);
			if (rc != ERR_OK)
				return rc;
		}
		if (i == len)
			break;
		cls = esc[p[i++]];
		if (cls == ESC_DROP)
			continue;
		if (cls == ESC_REFUSE)
			return ERR_INVAL;
		rc = put(out, entities[cls - ESC_ENTITY].s,
		    entities[cls - ESC_ENTITY].len);
		if (rc != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

/* A cached lookup that found nothing. */
static const json_t absent;

/*
 * Resolve a name: the first key through the context stack from the top,
 * the others inside what it found.  NULL when absent.  `roots` (NULL in
 * partials and lint) caches first-key lookups in stack[0], the view.
 */
static const json_t *
resolve(const json_t *const *stack, size_t sp, const struct node *n,
    const json_t **roots)
{
	const json_t *v = NULL;
	size_t i;

	if (sp == 0)
		return NULL;
	if (n->keys_n == 0)
		return stack[sp - 1];
	for (i = sp; i-- > 1;) {
		if (json_is_object(stack[i])) {
			v = json_object_getn(
			    stack[i], n->keys[0], n->key_lens[0]);
			if (v != NULL)
				break;
		}
	}
	if (v == NULL && roots != NULL && n->root >= 0) {
		v = roots[n->root];
		if (v == NULL) {
			v = json_is_object(stack[0])
			        ? json_object_getn(
			              stack[0], n->keys[0], n->key_lens[0])
			        : NULL;
			roots[n->root] = v != NULL ? v : &absent;
		} else if (v == &absent) {
			v = NULL;
		}
	} else if (v == NULL && json_is_object(stack[0])) {
		v = json_object_getn(stack[0], n->keys[0], n->key_lens[0]);
	}
	for (size_t k = 1; v != NULL && k < n->keys_n; k++)
		v = json_is_object(v)
		        ? json_object_getn(v, n->keys[k], n->key_lens[k])
		        : NULL;
	return v;
}

static bool
is_falsy(const json_t *v)
{
	return v == NULL || json_is_null(v) || json_is_false(v) ||
	       (json_is_array(v) && json_array_size(v) == 0) ||
	       (json_is_string(v) && json_string_length(v) == 0);
}

static enum err
put_value(struct rctx *r, const json_t *v, bool raw)
{
	char num[48];
	int n;

	if (json_is_string(v)) {
		if (raw && r->type != TMPL_MAILHDR)
			return put(r->out, json_string_value(v),
			    json_string_length(v));
		return put_escaped(r->out, r->esc, r->type == TMPL_HTML,
		    json_string_value(v), json_string_length(v));
	}
	if (json_is_integer(v))
		n = snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
	else if (json_is_real(v))
		n = snprintf(num, sizeof(num), "%.15g", json_real_value(v));
	else
		return ERR_OK;
	if (n < 0 || (size_t)n >= sizeof(num))
		return ERR_INTERNAL;
	return put(r->out, num, (size_t)n);
}

static enum err render_range(
    struct rctx *, const struct tmpl *, size_t from, size_t to);

static enum err
push(struct rctx *r, const json_t *v)
{
	if (r->sp == CTX_MAX)
		return ERR_LIMIT;
	r->stack[r->sp++] = v;
	return ERR_OK;
}

static enum err
render_section(
    struct rctx *r, const struct tmpl *t, const struct node *n, size_t i)
{
	const json_t *v = resolve(
	                 r->stack, r->sp, n, t == r->top ? r->roots : NULL),
	             *it;
	size_t k;
	enum err rc = ERR_OK;

	if (n->kind == NODE_INVERTED)
		return is_falsy(v) ? render_range(r, t, i + 1, n->end) : ERR_OK;
	if (is_falsy(v))
		return ERR_OK;
	if (json_is_array(v)) {
		json_array_foreach (v, k, it) {
			rc = push(r, it);
			if (rc != ERR_OK)
				return rc;
			rc = render_range(r, t, i + 1, n->end);
			r->sp--;
			if (rc != ERR_OK)
				return rc;
		}
		return ERR_OK;
	}
	rc = push(r, v);
	if (rc != ERR_OK)
		return rc;
	rc = render_range(r, t, i + 1, n->end);
	r->sp--;
	return rc;
}

static enum err
render_partial(struct rctx *r, const struct node *n)
{
	const struct tmpl *p;
	enum err rc;

	if (r->pf == NULL)
		return ERR_INVAL;
	p = r->pf(r->parg, n->name);
	if (p == NULL || p->type != r->type)
		return ERR_INVAL;
	if (r->partials == TMPL_PARTIAL_MAX)
		return ERR_LIMIT;
	r->partials++;
	rc = render_range(r, p, 0, p->nodes_n);
	r->partials--;
	return rc;
}

static enum err
render_range(struct rctx *r, const struct tmpl *t, size_t from, size_t to)
{
	const struct node *n;
	const json_t *v;
	enum err rc = ERR_OK;

	for (size_t i = from; i < to && rc == ERR_OK; i++) {
		if (++r->steps > STEPS_MAX)
			return ERR_LIMIT;
		n = &t->nodes[i];
		switch (n->kind) {
		case NODE_TEXT:
			rc = put(r->out, n->text, n->len);
			break;
		case NODE_VAR:
		case NODE_RAW:
			v = resolve(
			    r->stack, r->sp, n, t == r->top ? r->roots : NULL);
			if (v != NULL)
				rc = put_value(r, v, n->kind == NODE_RAW);
			break;
		case NODE_SECTION:
		case NODE_INVERTED:
			rc = render_section(r, t, n, i);
			i = n->end - 1;
			break;
		case NODE_PARTIAL:
			rc = render_partial(r, n);
			break;
		}
	}
	return rc;
}

enum err
tmpl_render(const struct tmpl *t, const json_t *view, tmpl_partial_fn pf,
    void *parg, struct buf *out)
{
	struct rctx r;
	size_t len0 = out->len;
	enum err rc;

	r.sp = 0;
	r.top = t;
	for (size_t i = 0; i < t->roots_n; i++)
		r.roots[i] = NULL;
	r.type = t->type;
	r.esc = esc_tables[t->type];
	r.pf = pf;
	r.parg = parg;
	r.out = out;
	r.partials = 0;
	r.steps = 0;
	if (view != NULL)
		r.stack[r.sp++] = view;
	rc = render_range(&r, t, 0, t->nodes_n);
	if (rc != ERR_OK)
		out->len = len0;
	if (out->p != NULL)
		out->p[out->len] = '\0';
	return rc;
}

/* ---- lint on save ------------------------------------------------------ */

enum { UNKNOWN_MAX = 32 };

struct lint {
	const json_t *stack[TMPL_DEPTH_MAX + 1];
	size_t sp;
	const struct node *unknown[UNKNOWN_MAX];
	size_t unknown_n;
	size_t unknown_more;
};

static void
lint_unknown(struct lint *l, const struct node *n)
{
	for (size_t i = 0; i < l->unknown_n; i++) {
		if (strcmp(l->unknown[i]->name, n->name) == 0)
			return;
	}
	if (l->unknown_n == UNKNOWN_MAX)
		l->unknown_more++;
	else
		l->unknown[l->unknown_n++] = n;
}

/*
 * The example value a section over `v` makes current: the first element
 * of a list (the example views hold one), else the value itself.
 */
static const json_t *
lint_item(const json_t *v)
{
	if (json_is_array(v))
		return json_array_size(v) > 0 ? json_array_get(v, 0) : NULL;
	return v;
}

static void
lint_range(struct lint *l, const struct tmpl *t, size_t from, size_t to)
{
	const struct node *n;
	const json_t *v;

	for (size_t i = from; i < to; i++) {
		n = &t->nodes[i];
		if (n->kind == NODE_TEXT || n->kind == NODE_PARTIAL)
			continue;
		v = resolve(l->stack, l->sp, n, NULL);
		if (v == NULL)
			lint_unknown(l, n);
		if (n->kind != NODE_SECTION && n->kind != NODE_INVERTED)
			continue;
		if (n->kind == NODE_SECTION && v != NULL &&
		    lint_item(v) != NULL && l->sp < nitems(l->stack)) {
			l->stack[l->sp++] = lint_item(v);
			lint_range(l, t, i + 1, n->end);
			l->sp--;
		} else {
			lint_range(l, t, i + 1, n->end);
		}
		i = n->end - 1;
	}
}

/* Append to `why` without overflowing; "..." marks a cut. */
static void why_add(char *why, size_t why_len, size_t *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
why_add(char *why, size_t why_len, size_t *at, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*at + 1 >= why_len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(why + *at, why_len - *at, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= why_len - *at) {
		*at = why_len - 1;
		if (why_len > 4)
			memcpy(why + why_len - 4, "...", 4);
		return;
	}
	*at += (size_t)n;
}

/*
 * The allowed names of `schema`, compactly: a, b.{c, d}, list[].{e}
 * ({{#list}}{{e}}{{/list}}).
 */
static void
list_allowed(const json_t *v, char *why, size_t why_len, size_t *at, int depth)
{
	const char *key;
	const json_t *sub, *item;
	bool first = true;

	if (!json_is_object(v) || depth > 6)
		return;
	json_object_foreach ((json_t *)v, key, sub) {
		item = json_is_array(sub) ? json_array_get(sub, 0) : NULL;
		why_add(why, why_len, at, "%s%s", first ? "" : ", ", key);
		first = false;
		if (json_is_object(sub) && json_object_size(sub) > 0) {
			why_add(why, why_len, at, ".{");
			list_allowed(sub, why, why_len, at, depth + 1);
			why_add(why, why_len, at, "}");
		} else if (json_is_object(item) && json_object_size(item) > 0) {
			why_add(why, why_len, at, "[].{");
			list_allowed(item, why, why_len, at, depth + 1);
			why_add(why, why_len, at, "}");
		}
	}
}

enum err
tmpl_check_vars(
    const struct tmpl *t, const json_t *schema, char *why, size_t why_len)
{
	struct lint l;
	size_t at = 0;

	memset(&l, 0, sizeof(l));
	if (why_len > 0)
		why[0] = '\0';
	l.stack[l.sp++] = schema;
	lint_range(&l, t, 0, t->nodes_n);
	if (l.unknown_n == 0)
		return ERR_OK;
	if (why_len == 0)
		return ERR_INVAL;
	why_add(why, why_len, &at, "unknown variable%s",
	    l.unknown_n + l.unknown_more > 1 ? "s" : "");
	for (size_t i = 0; i < l.unknown_n; i++)
		why_add(why, why_len, &at, "%s {{%s}} (line %u)",
		    i > 0 ? "," : "", l.unknown[i]->name, l.unknown[i]->line);
	if (l.unknown_more > 0)
		why_add(why, why_len, &at, " and %zu more", l.unknown_more);
	why_add(why, why_len, &at, "; allowed: ");
	list_allowed(schema, why, why_len, &at, 0);
	return ERR_INVAL;
}
