/* SPDX-License-Identifier: MIT */
/*
 * doc/doc.c: the document model and its text, Markdown and HTML
 * renderers.  The PDF renderer is doc/pdf.c.
 */
#include "base/base.h"

#include "doc/doc.h"

void
doc_init(struct doc *d, struct arena *a, const char *title, bool german)
{
	memset(d, 0, sizeof(*d));
	d->a = a;
	d->title = title;
	d->german = german;
}

void
doc_meta_add(struct doc *d, const char *line)
{
	if (line != NULL && d->meta_n < nitems(d->meta))
		d->meta[d->meta_n++] = line;
}

struct doc_section *
doc_section_add(struct doc *d, const char *title)
{
	struct doc_section *v;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		v = arena_allocarray(d->a, d->cap, sizeof(*v));
		if (d->n > 0)
			memcpy(v, d->v, d->n * sizeof(*v));
		d->v = v;
	}
	v = &d->v[d->n++];
	memset(v, 0, sizeof(*v));
	v->title = title;
	return v;
}

static struct doc_item *
item_add(struct doc *d, struct doc_section *s)
{
	struct doc_item *v;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		v = arena_allocarray(d->a, s->cap, sizeof(*v));
		if (s->n > 0)
			memcpy(v, s->v, s->n * sizeof(*v));
		s->v = v;
	}
	v = &s->v[s->n++];
	memset(v, 0, sizeof(*v));
	return v;
}

void
doc_field_add(struct doc *d, struct doc_section *s, const char *key,
    const char *label, const char *value)
{
	struct doc_item *it = item_add(d, s);

	it->kind = DOC_FIELD;
	it->key = key;
	it->label = label;
	it->text = value;
}

void
doc_para_add(struct doc *d, struct doc_section *s, const char *text)
{
	struct doc_item *it = item_add(d, s);

	it->kind = DOC_PARA;
	it->text = text;
}

/* ---- text ---------------------------------------------------------- */

enum err
doc_render_text(const struct doc *d, struct buf *out)
{
	enum err rc;

	rc = buf_printf(out, "%s\n", d->title);
	for (size_t i = 0; i < d->meta_n && rc == ERR_OK; i++)
		rc = buf_printf(out, "%s\n", d->meta[i]);
	for (size_t i = 0; i < d->n && rc == ERR_OK; i++) {
		const struct doc_section *s = &d->v[i];

		rc = buf_printf(out, "\n== %s ==\n\n", s->title);
		for (size_t k = 0; k < s->n && rc == ERR_OK; k++) {
			const struct doc_item *it = &s->v[k];

			if (it->kind == DOC_FIELD)
				rc = buf_printf(
				    out, "%s\n%s\n\n", it->label, it->text);
			else
				rc = buf_printf(out, "%s\n\n", it->text);
		}
	}
	return rc;
}

/* ---- Markdown ------------------------------------------------------ */

/* Backslash-escape what Markdown or embedded HTML would interpret. */
static enum err
md_escape(struct buf *out, const char *s)
{
	enum err rc = ERR_OK;

	for (; *s != '\0' && rc == ERR_OK; s++) {
		if (*s == '<')
			rc = buf_puts(out, "&lt;");
		else if (*s == '>')
			rc = buf_puts(out, "&gt;");
		else if (*s == '&')
			rc = buf_puts(out, "&amp;");
		else if (*s == '\n')
			rc = buf_puts(out, "  \n");
		else if (strchr("\\`*_[]#|!{}", *s) != NULL)
			rc = buf_printf(out, "\\%c", *s);
		else
			rc = buf_putc(out, *s);
	}
	return rc;
}

enum err
doc_render_md(const struct doc *d, struct buf *out)
{
	enum err rc;

	rc = buf_puts(out, "# ");
	if (rc == ERR_OK)
		rc = md_escape(out, d->title);
	if (rc == ERR_OK)
		rc = buf_puts(out, "\n\n");
	for (size_t i = 0; i < d->meta_n && rc == ERR_OK; i++) {
		rc = md_escape(out, d->meta[i]);
		if (rc == ERR_OK)
			rc = buf_puts(out, i + 1 < d->meta_n ? "  \n" : "\n");
	}
	for (size_t i = 0; i < d->n && rc == ERR_OK; i++) {
		const struct doc_section *s = &d->v[i];

		rc = buf_puts(out, "\n## ");
		if (rc == ERR_OK)
			rc = md_escape(out, s->title);
		if (rc == ERR_OK)
			rc = buf_puts(out, "\n");
		for (size_t k = 0; k < s->n && rc == ERR_OK; k++) {
			const struct doc_item *it = &s->v[k];

			rc = buf_puts(out, "\n");
			if (rc == ERR_OK && it->kind == DOC_FIELD) {
				rc = buf_puts(out, "**");
				if (rc == ERR_OK)
					rc = md_escape(out, it->label);
				if (rc == ERR_OK)
					rc = buf_puts(out, "**  \n");
			}
			if (rc == ERR_OK)
				rc = md_escape(out, it->text);
			if (rc == ERR_OK)
				rc = buf_puts(out, "\n");
		}
	}
	return rc;
}

/* ---- HTML ---------------------------------------------------------- */

enum err
doc_html_escape(struct buf *out, const char *s)
{
	enum err rc = ERR_OK;

	for (; *s != '\0' && rc == ERR_OK; s++) {
		switch (*s) {
		case '&':
			rc = buf_puts(out, "&amp;");
			break;
		case '<':
			rc = buf_puts(out, "&lt;");
			break;
		case '>':
			rc = buf_puts(out, "&gt;");
			break;
		case '"':
			rc = buf_puts(out, "&quot;");
			break;
		case '\'':
			rc = buf_puts(out, "&#39;");
			break;
		default:
			rc = buf_putc(out, *s);
			break;
		}
	}
	return rc;
}

/* Escaped, with line breaks as <br>. */
static enum err
html_text(struct buf *out, const char *s)
{
	enum err rc = ERR_OK;
	const char *nl;
	char line[1024];

	while (rc == ERR_OK && *s != '\0') {
		size_t len;

		nl = strchr(s, '\n');
		len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		while (rc == ERR_OK && len > 0) {
			size_t k =
			    len < sizeof(line) - 1 ? len : sizeof(line) - 1;

			memcpy(line, s, k);
			line[k] = '\0';
			rc = doc_html_escape(out, line);
			s += k;
			len -= k;
		}
		if (rc == ERR_OK && nl != NULL) {
			rc = buf_puts(out, "<br>\n");
			s = nl + 1;
		}
	}
	return rc;
}

enum err
doc_render_html(const struct doc *d, struct buf *out)
{
	enum err rc;

	rc = buf_printf(out,
	    "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>",
	    d->german ? "de" : "en");
	if (rc == ERR_OK)
		rc = doc_html_escape(out, d->title);
	if (rc == ERR_OK)
		rc = buf_puts(out,
		    "</title>\n<style>body{font-family:"
		    "\"DejaVu Sans\",sans-serif;max-width:50em;margin:2em "
		    "auto;line-height:1.4}dt{font-weight:bold;margin-top:"
		    "1em}dd{margin:0.2em 0 0 0}.meta{color:#444}</style>\n"
		    "</head>\n<body>\n<h1>");
	if (rc == ERR_OK)
		rc = doc_html_escape(out, d->title);
	if (rc == ERR_OK)
		rc = buf_puts(out, "</h1>\n");
	for (size_t i = 0; i < d->meta_n && rc == ERR_OK; i++) {
		rc = buf_puts(out, "<p class=\"meta\">");
		if (rc == ERR_OK)
			rc = html_text(out, d->meta[i]);
		if (rc == ERR_OK)
			rc = buf_puts(out, "</p>\n");
	}
	for (size_t i = 0; i < d->n && rc == ERR_OK; i++) {
		const struct doc_section *s = &d->v[i];
		bool in_dl = false;

		rc = buf_puts(out, "<h2>");
		if (rc == ERR_OK)
			rc = doc_html_escape(out, s->title);
		if (rc == ERR_OK)
			rc = buf_puts(out, "</h2>\n");
		for (size_t k = 0; k < s->n && rc == ERR_OK; k++) {
			const struct doc_item *it = &s->v[k];

			if (it->kind == DOC_FIELD) {
				if (!in_dl)
					rc = buf_puts(out, "<dl>\n");
				in_dl = true;
				if (rc == ERR_OK && it->key != NULL) {
					rc = buf_puts(out, "<dt id=\"");
					if (rc == ERR_OK)
						rc = doc_html_escape(
						    out, it->key);
					if (rc == ERR_OK)
						rc = buf_puts(out, "\">");
				} else if (rc == ERR_OK) {
					rc = buf_puts(out, "<dt>");
				}
				if (rc == ERR_OK)
					rc = doc_html_escape(out, it->label);
				if (rc == ERR_OK)
					rc = buf_puts(out, "</dt>\n<dd>");
				if (rc == ERR_OK)
					rc = html_text(out, it->text);
				if (rc == ERR_OK)
					rc = buf_puts(out, "</dd>\n");
				continue;
			}
			if (in_dl)
				rc = buf_puts(out, "</dl>\n");
			in_dl = false;
			if (rc == ERR_OK)
				rc = buf_puts(out, "<p>");
			if (rc == ERR_OK)
				rc = html_text(out, it->text);
			if (rc == ERR_OK)
				rc = buf_puts(out, "</p>\n");
		}
		if (rc == ERR_OK && in_dl)
			rc = buf_puts(out, "</dl>\n");
	}
	if (rc == ERR_OK)
		rc = buf_puts(out, "</body>\n</html>\n");
	return rc;
}
