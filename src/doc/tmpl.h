/* SPDX-License-Identifier: MIT */
/*
 * doc/tmpl.h: our Mustache subset (STYLE.md 3.10), parsed once into an
 * AST and rendered against a jansson view model.  Escaping is chosen by
 * the template's output type, declared in its first line ("{{! type:
 * html }}", "text" or "mailhdr"), never by the person who writes it:
 *   html     escapes & < > " '
 *   text     strips C0 controls except \t and \n
 *   mailhdr  refuses CR and LF (no header injection through a name)
 *
 * Syntax: {{a.b}} (escaped), {{#list}}...{{/list}} (loop over an array, or
 * a once-section for an object or true value), {{^x}}...{{/x}} (inverted),
 * {{! comment }}, {{> partial}} (built-in partials only, depth <= 8),
 * {{{raw}}} (refused in templates that are not `trusted`, i.e. every
 * template an administrator edits).
 *
 * Thread-safety: a parsed template is immutable and may be rendered from
 * several threads at once.
 */
#ifndef BREACHKIT_TMPL_H
#define BREACHKIT_TMPL_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "base/buf.h"
#include "base/err.h"

enum tmpl_type { TMPL_HTML, TMPL_TEXT, TMPL_MAILHDR, TMPL__MAX };

enum { TMPL_SRC_MAX = 256 << 10, TMPL_DEPTH_MAX = 32, TMPL_PARTIAL_MAX = 8 };

struct tmpl;

/* Looks up built-in partials by name; NULL when there is none. */
typedef const struct tmpl *(*tmpl_partial_fn)(void *arg, const char *name);

/*
 * Parse `src` (at most TMPL_SRC_MAX bytes).  `trusted` allows {{{raw}}}.
 * On ERR_INVAL `why` says what is wrong and where ("line 3: unclosed
 * section {{#items}}").  The template is the caller's (tmpl_free).
 */
enum err tmpl_parse(const char *src, size_t len, bool trusted,
    struct tmpl **out, char *why, size_t why_len);
void tmpl_free(struct tmpl *);
enum tmpl_type tmpl_type(const struct tmpl *);
/*
 * Render against `view`, appending to `out` (whose cap bounds the output:
 * ERR_LIMIT past it).  Missing variables render as nothing.  mailhdr
 * templates return ERR_INVAL when a value holds CR or LF; a missing or
 * mistyped partial is ERR_INVAL too, partials nested deeper than
 * TMPL_PARTIAL_MAX ERR_LIMIT, and so is a render that would visit more
 * than about four million tags (nested loops over long lists).  On any
 * error `out` is left as it was.
 * Allocates nothing but the growth of `out`.
 */
enum err tmpl_render(const struct tmpl *, const json_t *view, tmpl_partial_fn,
    void *partial_arg, struct buf *out);
/*
 * Lint on save: every variable and section the template names must exist
 * in `schema` (an example view model of the letter kind, whose keys are
 * the allowed names).  Unknown names are listed in `why` together with
 * the allowed ones; ERR_INVAL if there is any.
 */
enum err tmpl_check_vars(
    const struct tmpl *, const json_t *schema, char *why, size_t why_len);

#endif
