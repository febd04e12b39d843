/* SPDX-License-Identifier: MIT */
/*
 * svc/svc_template.h: document templates (docs/templates.md) and the
 * documents built from them.  A template KIND has a name, an output type
 * and an example view model whose keys are the variables it may use.  The
 * template in use for (kind, language) is the newest override stored in
 * the register or, without one, the built-in file src/doc/templates/
 * KIND.LANG.mustache.  Overrides are checked before they are stored:
 * they must parse, name only known variables, and render the example.
 *
 * Kept apart from svc.h so that several people can add to the svc layer
 * at once; it belongs to the same layer and follows its rules.
 */
#ifndef BREACHKIT_SVC_TEMPLATE_H
#define BREACHKIT_SVC_TEMPLATE_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "base/buf.h"
#include "doc/tmpl.h"
#include "svc/svc.h"

struct template_kind {
	const char *name; /* "notice-html" */
	enum tmpl_type type;
	const char *summary;
	/* The example view (the allowed names); new reference. */
	json_t *(*example)(bool german);
};

/* Every kind, in a fixed order. */
const struct template_kind *svc_template_kinds(size_t *n);
/* The kind called `name`, or NULL. */
const struct template_kind *svc_template_kind(const char *name);
/* "de" and "en"; NULL for any other language. */
const char *svc_template_lang(const char *lang);

/*
 * The template in use for (kind, lang): its source in `a`, and the
 * override's version (0: built-in).  ERR_INVAL for an unknown kind or
 * language (message in e).
 */
enum err svc_template_source(struct svc *, const char *kind, const char *lang,
    struct arena *a, const char **src, int64_t *version, struct svc_err *);
/*
 * Parse the template in use (built-ins are trusted, overrides are not).
 * The caller frees *out with tmpl_free().
 */
enum err svc_template_load(struct svc *, const char *kind, const char *lang,
    struct tmpl **out, struct svc_err *);
/*
 * Check and store an override: it must parse, name only variables of its
 * kind (ERR_INVAL listing the allowed ones) and render the example.
 * *version is the new version.
 */
enum err svc_template_set(struct svc *, const char *kind, const char *lang,
    const char *src, size_t len, int64_t *version, struct svc_err *);
/* Record a return to the built-in template as a new version. */
enum err svc_template_reset(struct svc *, const char *kind, const char *lang,
    int64_t *version, struct svc_err *);
/* [{version, source, sha256, created_at, actor}] oldest first. */
enum err svc_template_history(struct svc *, const char *kind, const char *lang,
    json_t **out, struct svc_err *);
/* [{kind, type, lang, source, version, summary}] for every kind/lang. */
json_t *svc_template_list(struct svc *);
/*
 * Built-in partials: {{> name}} is src/doc/templates/_name.mustache.  A
 * tmpl_partial_fn over a `struct partials` the caller releases.
 */
struct partials {
	size_t n;
	const char *name[16];
	struct tmpl *t[16];
};
const struct tmpl *svc_template_partial(void *partials, const char *name);
void svc_partials_release(struct partials *);

/* The documents of svc/notice.c. */
enum notice_kind { NOTICE_PUBLIC, NOTICE_CONTROLLER, NOTICE_REGISTER };
struct notice_req {
	const char *id;
	enum notice_kind kind;
	bool german;
	bool html; /* public notice only */
};
/*
 * Render the document into `out`.  Settings the document needs and the
 * register lacks are listed in e (ERR_INVAL) before anything is rendered.
 */
enum err svc_notice(
    struct svc *, const struct notice_req *, struct buf *out, struct svc_err *);
/* The kind of template a notice uses. */
const char *svc_notice_template(const struct notice_req *);
/* Example views of the notice kinds (svc/notice.c; new references). */
json_t *svc_notice_example_public(bool german);
json_t *svc_notice_example_controller(bool german);
json_t *svc_notice_example_register(bool german);

#endif
