/* SPDX-License-Identifier: MIT */
/*
 * doc/doc.h: a simple document model (a title, header lines, sections of
 * label/value fields and paragraphs) and its renderers: copy-paste text,
 * Markdown, HTML (escaped) and PDF (cairo + pango, doc/pdf.c).  Any
 * document (the authority notification, a register entry, ...) that is
 * built as a `struct doc` gets all formats; the renderers hold no
 * knowledge of what the document is about.
 *
 * Memory: a doc and everything it points to live in the arena given to
 * doc_init(); strings are borrowed, not copied, unless the adder says so.
 * Rendering appends to a capped buffer (ERR_LIMIT past its cap).
 */
#ifndef BREACHKIT_DOC_H
#define BREACHKIT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

enum doc_item_kind { DOC_FIELD, DOC_PARA };

struct doc_item {
	enum doc_item_kind kind;
	const char *key;   /* stable machine key (fields) */
	const char *label; /* fields only */
	const char *text;  /* the value or the paragraph */
};

struct doc_section {
	const char *title;
	size_t n;
	size_t cap;
	struct doc_item *v;
};

struct doc {
	struct arena *a;
	const char *title;
	bool german;           /* page numbers, "generated" */
	const char *ref;       /* on every PDF page */
	const char *generated; /* display time, every page */
	int64_t generated_at;  /* PDF metadata */
	size_t meta_n;         /* lines under the title */
	const char *meta[8];
	size_t n;
	size_t cap;
	struct doc_section *v;
};

void doc_init(struct doc *, struct arena *, const char *title, bool german);
/* Add a line under the title (at most 8; more are ignored). */
void doc_meta_add(struct doc *, const char *line);
/* A new section at the end; the pointer stays valid until the next add. */
struct doc_section *doc_section_add(struct doc *, const char *title);
void doc_field_add(struct doc *, struct doc_section *, const char *key,
    const char *label, const char *value);
void doc_para_add(struct doc *, struct doc_section *, const char *text);

/*
 * Copy-paste text: one block per field (the label on its own line, then
 * the value, then a blank line), section titles as "== title ==".
 */
enum err doc_render_text(const struct doc *, struct buf *);
/* Markdown; values have Markdown and HTML metacharacters escaped. */
enum err doc_render_md(const struct doc *, struct buf *);
/* A standalone UTF-8 HTML page; every text is escaped. */
enum err doc_render_html(const struct doc *, struct buf *);
/* Append `s` to `out` with & < > " ' escaped. */
enum err doc_html_escape(struct buf *out, const char *s);
/*
 * An A4 PDF (DejaVu Sans): wrapped text, page breaks inside long values,
 * and on every page the reference, the generation time and "Page N of
 * M" ("Seite N von M" when german).  ERR_INTERNAL if cairo fails.
 */
enum err doc_render_pdf(const struct doc *, struct buf *);
/*
 * Release the font caches pango and cairo keep for the whole process, so
 * that a leak checker sees only real leaks.  Call once at exit, when no
 * thread renders any more.
 */
void doc_pdf_shutdown(void);

#endif
