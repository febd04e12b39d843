/* SPDX-License-Identifier: MIT */
/*
 * doc/pdf.c: any `struct doc` as an A4 PDF through cairo + pango.  Pango
 * shapes and wraps the text (umlauts, long words); we place it line by
 * line, so a value longer than a page continues on the next one.  The
 * layout runs twice: once to count the pages, once to draw them with
 * "Page N of M", the reference and the generation time on each.
 */
#include "base/base.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "base/clock.h"
#include "doc/doc.h"

/* A4 in points; margins 20 mm at the sides, room for header/footer. */
#define PAGE_W      595.276
#define PAGE_H      841.890
#define MARGIN_X    56.7
#define BODY_TOP    78.0
#define BODY_BOTTOM (PAGE_H - 70.0)
#define BODY_W      (PAGE_W - 2 * MARGIN_X)
#define FONT        "DejaVu Sans"

struct pdf {
	cairo_t *cr;
	const struct doc *d;
	bool draw;
	int page;
	int pages;
	double y;
	PangoFontDescription *body, *bold, *title, *head, *small;
};

static PangoLayout *
layout_new(struct pdf *p, const PangoFontDescription *font, const char *s,
    double width)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);

	pango_layout_set_font_description(l, font);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, s, -1);
	return l;
}

/* Draw one line of `l` at x, y with its baseline inside. */
static void
show_line(struct pdf *p, PangoLayout *l, double x, double y)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle r;
	int base;

	pango_layout_iter_get_line_extents(it, NULL, &r);
	base = pango_layout_iter_get_baseline(it);
	cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE,
	    y + (double)(base - r.y) / PANGO_SCALE);
	pango_cairo_show_layout_line(
	    p->cr, pango_layout_iter_get_line_readonly(it));
	pango_layout_iter_free(it);
}

static void
page_furniture(struct pdf *p)
{
	PangoLayout *l;
	char *s;
	int w, h;

	s = g_strdup_printf(
	    "%s \xe2\x80\x94 %s", p->d->ref ? p->d->ref : "", p->d->title);
	l = layout_new(p, p->small, s, BODY_W);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	show_line(p, l, MARGIN_X, 36.0);
	g_object_unref(l);
	g_free(s);
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, MARGIN_X, 54.0);
	cairo_line_to(p->cr, PAGE_W - MARGIN_X, 54.0);
	cairo_move_to(p->cr, MARGIN_X, PAGE_H - 56.0);
	cairo_line_to(p->cr, PAGE_W - MARGIN_X, PAGE_H - 56.0);
	cairo_stroke(p->cr);

	s = g_strdup_printf("%s %s", p->d->german ? "Erzeugt" : "Generated",
	    p->d->generated ? p->d->generated : "");
	l = layout_new(p, p->small, s, BODY_W * 0.7);
	show_line(p, l, MARGIN_X, PAGE_H - 48.0);
	g_object_unref(l);
	g_free(s);
	s = g_strdup_printf(p->d->german ? "Seite %d von %d" : "Page %d of %d",
	    p->page, p->pages);
	l = layout_new(p, p->small, s, -1);
	pango_layout_set_width(l, -1);
	pango_layout_get_pixel_size(l, &w, &h);
	show_line(p, l, PAGE_W - MARGIN_X - w, PAGE_H - 48.0);
	g_object_unref(l);
	g_free(s);
}

static void
page_new(struct pdf *p)
{
	if (p->page > 0 && p->draw)
		cairo_show_page(p->cr);
	p->page++;
	p->y = BODY_TOP;
	if (p->draw)
		page_furniture(p);
}

/* Height of the first line of `l`. */
static double
first_line_h(PangoLayout *l)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle r;

	pango_layout_iter_get_line_extents(it, NULL, &r);
	pango_layout_iter_free(it);
	return (double)r.height / PANGO_SCALE;
}

/* Start a new page unless `h` more points fit on this one. */
static void
ensure(struct pdf *p, double h)
{
	if (p->y + h > BODY_BOTTOM && p->y > BODY_TOP)
		page_new(p);
}

/* Place `l` line by line from p->y at x, breaking pages between lines. */
static void
place(struct pdf *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle r;
	double h;
	int base;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		base = pango_layout_iter_get_baseline(it);
		h = (double)r.height / PANGO_SCALE;
		ensure(p, h);
		if (p->draw) {
			cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE,
			    p->y + (double)(base - r.y) / PANGO_SCALE);
			pango_cairo_show_layout_line(
			    p->cr, pango_layout_iter_get_line_readonly(it));
		}
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void
put_text(struct pdf *p, const PangoFontDescription *f, const char *s,
    double gap_after)
{
	PangoLayout *l;

	if (s == NULL || *s == '\0')
		return;
	l = layout_new(p, f, s, BODY_W);
	place(p, l, MARGIN_X);
	g_object_unref(l);
	p->y += gap_after;
}

static void
put_field(struct pdf *p, const struct doc_item *it)
{
	PangoLayout *lab, *val;
	PangoRectangle r;

	lab = layout_new(p, p->bold, it->label ? it->label : "", BODY_W);
	val = layout_new(p, p->body, it->text ? it->text : "", BODY_W - 12.0);
	/* Keep the label with the first line of its value. */
	pango_layout_get_extents(lab, NULL, &r);
	ensure(p, (double)r.height / PANGO_SCALE + 2.0 + first_line_h(val));
	place(p, lab, MARGIN_X);
	p->y += 2.0;
	if (it->text != NULL && *it->text != '\0')
		place(p, val, MARGIN_X + 12.0);
	p->y += 9.0;
	g_object_unref(lab);
	g_object_unref(val);
}

static void
run(struct pdf *p)
{
	const struct doc *d = p->d;

	p->page = 0;
	page_new(p);
	put_text(p, p->title, d->title, 6.0);
	for (size_t i = 0; i < d->meta_n; i++)
		put_text(
		    p, p->small, d->meta[i], i + 1 == d->meta_n ? 10.0 : 1.0);
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_section *s = &d->v[i];

		/* A heading never ends a page: keep ~3 lines after it. */
		ensure(p, 60.0);
		p->y += 6.0;
		put_text(p, p->head, s->title, 6.0);
		for (size_t k = 0; k < s->n; k++) {
			if (s->v[k].kind == DOC_FIELD)
				put_field(p, &s->v[k]);
			else
				put_text(p, p->body, s->v[k].text, 8.0);
		}
	}
	p->pages = p->page;
}

static cairo_status_t
write_buf(void *arg, const unsigned char *data, unsigned int len)
{
	return buf_append(arg, data, len) == ERR_OK ? CAIRO_STATUS_SUCCESS
	                                            : CAIRO_STATUS_WRITE_ERROR;
}

static PangoFontDescription *
font(const char *spec)
{
	return pango_font_description_from_string(spec);
}

enum err
doc_render_pdf(const struct doc *d, struct buf *out)
{
	cairo_surface_t *sf;
	struct pdf p;
	char when[ISO_LEN];
	enum err rc = ERR_OK;

	memset(&p, 0, sizeof(p));
	p.d = d;
	sf =
	    cairo_pdf_surface_create_for_stream(write_buf, out, PAGE_W, PAGE_H);
	if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(sf);
		return ERR_INTERNAL;
	}
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(
	    sf, CAIRO_PDF_METADATA_CREATOR, "breachkit");
	if (d->generated_at != 0) {
		iso8601_format_utc(d->generated_at, when);
		cairo_pdf_surface_set_metadata(
		    sf, CAIRO_PDF_METADATA_CREATE_DATE, when);
	}
	p.cr = cairo_create(sf);
	p.body = font(FONT " 10");
	p.bold = font(FONT " Bold 10");
	p.title = font(FONT " Bold 15");
	p.head = font(FONT " Bold 12");
	p.small = font(FONT " 8");

	p.draw = false; /* pass 1: count the pages */
	run(&p);
	p.draw = true;
	run(&p);
	cairo_show_page(p.cr);

	pango_font_description_free(p.body);
	pango_font_description_free(p.bold);
	pango_font_description_free(p.title);
	pango_font_description_free(p.head);
	pango_font_description_free(p.small);
	if (cairo_status(p.cr) != CAIRO_STATUS_SUCCESS)
		rc = ERR_INTERNAL;
	cairo_destroy(p.cr);
	cairo_surface_finish(sf);
	if (cairo_surface_status(sf) == CAIRO_STATUS_WRITE_ERROR)
		rc = ERR_LIMIT; /* the buffer's cap */
	else if (rc == ERR_OK &&
	         cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS)
		rc = ERR_INTERNAL;
	cairo_surface_destroy(sf);
	return rc;
}

void
doc_pdf_shutdown(void)
{
	pango_cairo_font_map_set_default(NULL);
}

/*
 * fontconfig keeps its configuration for the life of the process and
 * loses track of one small block of it; that is no leak of ours, so the
 * leak checker of sanitizer builds is told to ignore fontconfig only.
 */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

const char *__lsan_default_options(void);
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif
#endif
