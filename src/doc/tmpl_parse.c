/* SPDX-License-Identifier: MIT */
/*
 * doc/tmpl_parse.c: template source -> flat AST (doc/tmpl_int.h).  The
 * source is hostile (administrators edit templates through the UI), so
 * everything is bounded: the size, the nesting, the number of nodes, the
 * length of names.  Every error names the line.
 *
 * Mustache's "standalone" rule applies: a line that holds nothing but one
 * section, inverted, closing, comment or partial tag (and blanks) leaves
 * no trace in the output, so text templates can put tags on lines of
 * their own.
 */
#include "base/base.h"

#include <stdarg.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "doc/tmpl_int.h"

struct parser {
	struct tmpl *t;
	const char *s; /* the arena copy of the source */
	size_t len;
	size_t body; /* offset after the type line */
	size_t pos;
	/* line counting: line number of offset line_pos */
	unsigned line;
	size_t line_pos;
	size_t nodes_cap;
	size_t open[TMPL_DEPTH_MAX];
	size_t open_n;
	char *why;
	size_t why_len;
};

static const char *const type_names[TMPL__MAX] = { "html", "text", "mailhdr" };

static enum err fail(struct parser *p, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum err
fail(struct parser *p, unsigned line, const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (p->why_len == 0)
		return ERR_INVAL;
	if (line > 0)
		n = snprintf(p->why, p->why_len, "line %u: ", line);
	if (n < 0 || (size_t)n >= p->why_len)
		return ERR_INVAL;
	va_start(ap, fmt);
	vsnprintf(p->why + n, p->why_len - (size_t)n, fmt, ap);
	va_end(ap);
	return ERR_INVAL;
}

/* The 1-based line of offset `pos` (pos only grows between calls). */
static unsigned
line_at(struct parser *p, size_t pos)
{
	for (; p->line_pos < pos; p->line_pos++) {
		if (p->s[p->line_pos] == '\n')
			p->line++;
	}
	return p->line;
}

static struct node *
node_new(struct parser *p, enum node_kind kind, unsigned line)
{
	struct tmpl *t = p->t;
	struct node *n;

	if (t->nodes_n == TMPL_NODES_MAX)
		return NULL;
	if (t->nodes_n == p->nodes_cap) {
		p->nodes_cap = p->nodes_cap ? p->nodes_cap * 2 : 32;
		t->nodes = xreallocarray(t->nodes, p->nodes_cap, sizeof(*n));
	}
	n = &t->nodes[t->nodes_n++];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->line = line;
	return n;
}

static enum err
add_text(struct parser *p, size_t from, size_t to)
{
	struct node *n;

	if (to <= from)
		return ERR_OK;
	n = node_new(p, NODE_TEXT, line_at(p, from));
	if (n == NULL)
		return fail(p, line_at(p, from), "too many tags (more than %d)",
		    TMPL_NODES_MAX);
	n->text = p->s + from;
	n->len = to - from;
	return ERR_OK;
}

/* memmem(), which _DEFAULT_SOURCE does not declare. */
static const char *
find(const char *s, size_t n, const char *pat, size_t m)
{
	const char *q;

	while (n >= m) {
		q = memchr(s, pat[0], n - m + 1);
		if (q == NULL)
			return NULL;
		if (memcmp(q, pat, m) == 0)
			return q;
		n -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	return NULL;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* The cache slot of first key `key`, or -1 when the cache is full. */
static int
root_slot(struct tmpl *t, const char *key)
{
	for (size_t i = 0; i < t->roots_n; i++) {
		if (strcmp(t->roots[i], key) == 0)
			return (int)i;
	}
	if (t->roots_n == TMPL_ROOTS_MAX)
		return -1;
	t->roots[t->roots_n] = key;
	return (int)t->roots_n++;
}

/*
 * Check `name` (trimmed, NUL-terminated in the arena) and split it at the
 * dots into n->keys.  "." is the current context (no keys).
 */
static enum err
set_name(struct parser *p, struct node *n, const char *s, size_t len)
{
	const char **keys;
	size_t *lens, k = 0, start = 0;

	if (len == 0)
		return fail(p, n->line, "empty tag name");
	if (len > TMPL_NAME_MAX)
		return fail(
		    p, n->line, "tag name longer than %d bytes", TMPL_NAME_MAX);
	n->name = arena_strndup(p->t->a, s, len);
	n->root = -1;
	if (len == 1 && s[0] == '.')
		return ERR_OK;
	keys = arena_allocarray(p->t->a, TMPL_KEYS_MAX, sizeof(*keys));
	lens = arena_allocarray(p->t->a, TMPL_KEYS_MAX, sizeof(*lens));
	for (size_t i = 0; i <= len; i++) {
		if (i < len && is_name_char(s[i]))
			continue;
		if (i < len && s[i] != '.')
			return fail(p, n->line,
			    "bad tag name \"%s\" (letters, "
			    "digits, _ and - separated by dots)",
			    n->name);
		if (i == start)
			return fail(p, n->line,
			    "bad tag name \"%s\" (empty "
			    "part)",
			    n->name);
		if (k == TMPL_KEYS_MAX)
			return fail(p, n->line,
			    "tag name \"%s\" has more than "
			    "%d parts",
			    n->name, TMPL_KEYS_MAX);
		lens[k] = i - start;
		keys[k++] = arena_strndup(p->t->a, s + start, i - start);
		start = i + 1;
	}
	n->keys = keys;
	n->key_lens = lens;
	n->keys_n = k;
	n->root = root_slot(p->t, keys[0]);
	return ERR_OK;
}

/* The first line: "{{! type: html }}" followed by a newline or the end. */
static enum err
parse_type(struct parser *p)
{
	const char *s = p->s, *nl, *end;
	size_t i = 0, line_len;

	nl = memchr(s, '\n', p->len);
	line_len = nl != NULL ? (size_t)(nl - s) : p->len;
	end = s + line_len;
	if (line_len > 0 && end[-1] == '\r')
		end--;
	if (line_len < 3 || memcmp(s, "{{!", 3) != 0)
		goto bad;
	i = 3;
	while (s + i < end && is_blank(s[i]))
		i++;
	if (end - (s + i) < 5 || memcmp(s + i, "type:", 5) != 0)
		goto bad;
	i += 5;
	while (s + i < end && is_blank(s[i]))
		i++;
	for (int k = 0; k < TMPL__MAX; k++) {
		size_t n = strlen(type_names[k]);
		const char *r = s + i + n;

		if ((size_t)(end - (s + i)) < n ||
		    memcmp(s + i, type_names[k], n) != 0)
			continue;
		while (r < end && is_blank(*r))
			r++;
		if (end - r != 2 || memcmp(r, "}}", 2) != 0)
			goto bad;
		p->t->type = (enum tmpl_type)k;
		p->body = nl != NULL ? line_len + 1 : p->len;
		p->pos = p->body;
		return ERR_OK;
	}
bad:
	return fail(p, 1,
	    "the first line must declare the output type: "
	    "{{! type: html }}, {{! type: text }} or {{! type: mailhdr }}");
}

/*
 * Is the tag at [start, end) alone on its line?  `seg` is where the text
 * before it began (after the previous tag).  On true, *text_end is where
 * the preceding text should stop and *next where parsing resumes.
 */
static bool
standalone(const struct parser *p, size_t seg, size_t start, size_t end,
    size_t *text_end, size_t *next)
{
	size_t ls = start, e = end;

	while (ls > seg && is_blank(p->s[ls - 1]))
		ls--;
	if (ls > seg) {
		if (p->s[ls - 1] != '\n')
			return false;
	} else if (ls != p->body && p->s[ls - 1] != '\n') {
		return false;
	}
	while (e < p->len && is_blank(p->s[e]))
		e++;
	if (e < p->len && p->s[e] == '\r' && e + 1 < p->len &&
	    p->s[e + 1] == '\n')
		e++;
	if (e < p->len && p->s[e] != '\n')
		return false;
	*text_end = ls;
	*next = e < p->len ? e + 1 : e;
	return true;
}

static enum err
open_section(struct parser *p, struct node *n)
{
	if (p->open_n == TMPL_DEPTH_MAX)
		return fail(p, n->line, "sections nested deeper than %d",
		    TMPL_DEPTH_MAX);
	p->open[p->open_n++] = (size_t)(n - p->t->nodes);
	return ERR_OK;
}

static enum err
close_section(struct parser *p, unsigned line, const char *s, size_t len)
{
	struct node *o;

	if (p->open_n == 0)
		return fail(p, line, "{{/%.*s}} closes no open section",
		    (int)(len > TMPL_NAME_MAX ? TMPL_NAME_MAX : len), s);
	o = &p->t->nodes[p->open[p->open_n - 1]];
	if (strlen(o->name) != len || memcmp(o->name, s, len) != 0)
		return fail(p, line,
		    "{{/%.*s}} does not close {{%c%s}} "
		    "(opened on line %u)",
		    (int)(len > TMPL_NAME_MAX ? TMPL_NAME_MAX : len), s,
		    o->kind == NODE_SECTION ? '#' : '^', o->name, o->line);
	o->end = p->t->nodes_n;
	p->open_n--;
	return ERR_OK;
}

/* Trim blanks (and newlines) around [*s, *s + *len). */
static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && strchr(" \t\r\n", (*s)[0]) != NULL) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && strchr(" \t\r\n", (*s)[*len - 1]) != NULL)
		(*len)--;
}

/* One tag starting at p->pos ("{{"); text before it is [seg, p->pos). */
static enum err
parse_tag(struct parser *p, size_t seg)
{
	const char *s = p->s, *close, *name;
	size_t start = p->pos, inner, end, name_len, text_end, next;
	unsigned line = line_at(p, start);
	char sigil = start + 2 < p->len ? s[start + 2] : '\0';
	enum node_kind kind;
	struct node *n;
	enum err rc;

	inner = start + 2;
	if (sigil == '{') {
		inner++;
		close = find(s + inner, p->len - inner, "}}}", 3);
		end = close != NULL ? (size_t)(close - s) + 3 : 0;
	} else {
		if (sigil == '#' || sigil == '^' || sigil == '/' ||
		    sigil == '!' || sigil == '>' || sigil == '&')
			inner++;
		close = find(s + inner, p->len - inner, "}}", 2);
		end = close != NULL ? (size_t)(close - s) + 2 : 0;
	}
	if (close == NULL)
		return fail(p, line, "unclosed tag \"{{\"");
	name = s + inner;
	name_len = (size_t)(close - name);
	if (sigil == '!' || sigil == '#' || sigil == '^' || sigil == '/' ||
	    sigil == '>') {
		if (!standalone(p, seg, start, end, &text_end, &next)) {
			text_end = start;
			next = end;
		}
	} else {
		text_end = start;
		next = end;
	}
	rc = add_text(p, seg, text_end);
	if (rc != ERR_OK)
		return rc;
	p->pos = next;
	if (sigil == '!')
		return ERR_OK;
	if (sigil == '=')
		return fail(p, line,
		    "changing the delimiters is not "
		    "supported");
	trim(&name, &name_len);
	if (sigil == '/')
		return close_section(p, line, name, name_len);
	switch (sigil) {
	case '#':
		kind = NODE_SECTION;
		break;
	case '^':
		kind = NODE_INVERTED;
		break;
	case '>':
		kind = NODE_PARTIAL;
		break;
	case '{':
	case '&':
		kind = NODE_RAW;
		break;
	default:
		kind = NODE_VAR;
		break;
	}
	if (kind == NODE_RAW && !p->t->trusted)
		return fail(p, line,
		    "unescaped output {{{%.*s}}} is not "
		    "allowed in an editable template; use {{%.*s}}",
		    (int)(name_len > 40 ? 40 : name_len), name,
		    (int)(name_len > 40 ? 40 : name_len), name);
	n = node_new(p, kind, line);
	if (n == NULL)
		return fail(
		    p, line, "too many tags (more than %d)", TMPL_NODES_MAX);
	rc = set_name(p, n, name, name_len);
	if (rc != ERR_OK)
		return rc;
	if (kind == NODE_PARTIAL && n->keys_n != 1)
		return fail(p, line, "bad partial name \"%s\"", n->name);
	if (kind == NODE_SECTION || kind == NODE_INVERTED)
		return open_section(p, n);
	return ERR_OK;
}

static enum err
parse_body(struct parser *p)
{
	size_t seg;
	const char *open;
	enum err rc;

	for (;;) {
		seg = p->pos;
		open = find(p->s + p->pos, p->len - p->pos, "{{", 2);
		if (open == NULL)
			break;
		p->pos = (size_t)(open - p->s);
		rc = parse_tag(p, seg);
		if (rc != ERR_OK)
			return rc;
	}
	rc = add_text(p, seg, p->len);
	if (rc != ERR_OK)
		return rc;
	if (p->open_n > 0) {
		const struct node *o = &p->t->nodes[p->open[p->open_n - 1]];

		return fail(p, o->line, "unclosed section {{%c%s}}",
		    o->kind == NODE_SECTION ? '#' : '^', o->name);
	}
	return ERR_OK;
}

enum err
tmpl_parse(const char *src, size_t len, bool trusted, struct tmpl **out,
    char *why, size_t why_len)
{
	struct parser p;
	struct tmpl *t;
	enum err rc;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.why = why;
	p.why_len = why_len;
	if (why_len > 0)
		why[0] = '\0';
	if (len > TMPL_SRC_MAX) {
		fail(&p, 0, "template larger than %d bytes", TMPL_SRC_MAX);
		return ERR_LIMIT;
	}
	if (memchr(src, '\0', len) != NULL || !utf8_valid(src, len))
		return fail(&p, 0, "template is not valid UTF-8 text");
	t = xcalloc(1, sizeof(*t));
	t->trusted = trusted;
	t->a = arena_new();
	p.t = t;
	p.s = arena_strndup(t->a, src, len);
	p.len = len;
	p.line = 1;
	rc = parse_type(&p);
	if (rc == ERR_OK)
		rc = parse_body(&p);
	if (rc != ERR_OK) {
		tmpl_free(t);
		return rc;
	}
	*out = t;
	return ERR_OK;
}

void
tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	arena_free(t->a);
	free(t->nodes);
	free(t);
}

enum tmpl_type
tmpl_type(const struct tmpl *t)
{
	return t->type;
}
