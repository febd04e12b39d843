/* SPDX-License-Identifier: MIT */
/*
 * svc/template.c: the registry of template kinds, the template in use
 * (override or built-in), and storing overrides after checking them
 * (lint on save: parse, known variables only, renders the example).
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/hash.h"
#include "base/str.h"
#include "embed.h"
#include "svc/svc_int.h"

#define BUILTIN_DIR "src/doc/templates/"

static const struct template_kind kinds[] = {
	{ "notice-text", TMPL_TEXT,
	    "public notice (Art. 34(3)(c)) as plain text",
	    svc_notice_example_public },
	{ "notice-html", TMPL_HTML,
	    "public notice (Art. 34(3)(c)) as an HTML page",
	    svc_notice_example_public },
	{ "controller-text", TMPL_TEXT,
	    "processor's notice to the controller (Art. 33(2))",
	    svc_notice_example_controller },
	{ "register-text", TMPL_TEXT,
	    "internal register entry (Art. 33(5)) with the reasoning",
	    svc_notice_example_register },
	{ "letter-body", TMPL_TEXT,
	    "letter to an affected person (Art. 34(2)), the body",
	    svc_letter_example_body },
	{ "letter-subject", TMPL_MAILHDR,
	    "letter to an affected person (Art. 34(2)), the subject line",
	    svc_letter_example_subject },
};

static const char *const type_names[TMPL__MAX] = { "html", "text", "mailhdr" };

const struct template_kind *
svc_template_kinds(size_t *n)
{
	*n = nitems(kinds);
	return kinds;
}

const struct template_kind *
svc_template_kind(const char *name)
{
	for (size_t i = 0; i < nitems(kinds); i++) {
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	}
	return NULL;
}

const char *
svc_template_lang(const char *lang)
{
	if (lang != NULL && strcmp(lang, "de") == 0)
		return "de";
	if (lang != NULL && strcmp(lang, "en") == 0)
		return "en";
	return NULL;
}

/* The embedded file `name` (NUL-terminated by mkembed), or NULL. */
static const struct embed *
builtin(const char *name)
{
	for (size_t i = 0; i < embeds_n; i++) {
		if (strcmp(embeds[i].name, name) == 0)
			return &embeds[i];
	}
	return NULL;
}

static enum err
check_kind(const char *kind, const char *lang, const struct template_kind **k,
    struct svc_err *e)
{
	size_t n;

	*k = svc_template_kind(kind);
	if (*k == NULL) {
		svc_err_msg(e, "no template kind \"%.40s\"; kinds:", kind);
		svc_template_kinds(&n);
		for (size_t i = 0; i < n; i++) {
			size_t at = strlen(e->msg);

			snprintf(e->msg + at, sizeof(e->msg) - at, "%s %s",
			    i > 0 ? "," : "", kinds[i].name);
		}
		return ERR_INVAL;
	}
	if (svc_template_lang(lang) == NULL) {
		svc_err_msg(e, "no language \"%.10s\"; de or en", lang);
		return ERR_INVAL;
	}
	return ERR_OK;
}

enum err
svc_template_source(struct svc *s, const char *kind, const char *lang,
    struct arena *a, const char **src, int64_t *version, struct svc_err *e)
{
	const struct template_kind *k;
	const struct embed *b;
	struct template_rec t;
	char name[128];
	enum err rc;

	rc = check_kind(kind, lang, &k, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_template_active(s->st, kind, lang, a, &t);
	if (rc == ERR_OK && t.v.body != NULL) {
		*src = t.v.body;
		*version = t.v.version;
		return ERR_OK;
	}
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return svc_store_err(s, rc, "template", e);
	snprintf(name, sizeof(name), BUILTIN_DIR "%s.%s.mustache", kind, lang);
	b = builtin(name);
	if (b == NULL) {
		svc_err_msg(e, "built-in template %s is missing", name);
		return ERR_INTERNAL;
	}
	*src = arena_strndup(a, (const char *)b->data, b->len);
	*version = 0;
	return ERR_OK;
}

enum err
svc_template_load(struct svc *s, const char *kind, const char *lang,
    struct tmpl **out, struct svc_err *e)
{
	const char *src = NULL;
	int64_t version = 0;
	char why[256];
	enum err rc;

	rc = svc_template_source(s, kind, lang, s->a, &src, &version, e);
	if (rc != ERR_OK)
		return rc;
	if (src == NULL)
		BUG("template source without text");
	rc = tmpl_parse(src, strlen(src), version == 0, out, why, sizeof(why));
	if (rc != ERR_OK) {
		svc_err_msg(e, "template %s (%s, %s): %s", kind, lang,
		    version == 0 ? "built-in" : "override", why);
		return version == 0 ? ERR_INTERNAL : rc;
	}
	return ERR_OK;
}

/*
 * Unknown variables, with the allowed names.  A long list of allowed
 * names does not fit the message: it goes into field errors of at most
 * one line each.
 */
static enum err
check_vars(const struct tmpl *t, const json_t *ex, struct svc_err *e)
{
	char big[4096], *allowed;
	size_t len, n;
	enum err rc;

	rc = tmpl_check_vars(t, ex, big, sizeof(big));
	if (rc == ERR_OK || strlen(big) < sizeof(e->msg))
		goto out;
	allowed = strstr(big, "; allowed: ");
	if (allowed == NULL)
		goto out;
	*allowed = '\0';
	allowed += strlen("; allowed: ");
	svc_err_msg(e, "%s", big);
	for (len = strlen(allowed); len > 0; allowed += n, len -= n) {
		n = len < 100 ? len : 100;
		while (n < len && allowed[n - 1] != ' ')
			n++;
		field_errors_add(&e->fe, "allowed", "%.*s", (int)n, allowed);
	}
	return rc;
out:
	if (rc != ERR_OK)
		svc_err_msg(e, "%s", big);
	return rc;
}

/* Lint on save: type, variables, and a render of the example. */
static enum err
lint(const struct template_kind *k, const char *lang, const char *src,
    size_t len, struct svc_err *e)
{
	struct tmpl *t = NULL;
	struct partials ps = { 0 };
	json_t *ex = NULL;
	struct buf b;
	enum err rc;

	buf_init(&b, 1 << 20);
	rc = tmpl_parse(src, len, false, &t, e->msg, sizeof(e->msg));
	if (rc != ERR_OK)
		goto out;
	if (tmpl_type(t) != k->type) {
		svc_err_msg(e, "a %s template must declare {{! type: %s }}",
		    k->name, type_names[k->type]);
		rc = ERR_INVAL;
		goto out;
	}
	ex = k->example(strcmp(lang, "de") == 0);
	rc = check_vars(t, ex, e);
	if (rc != ERR_OK)
		goto out;
	rc = tmpl_render(t, ex, svc_template_partial, &ps, &b);
	if (rc != ERR_OK) {
		svc_err_msg(e,
		    "the template does not render the example of "
		    "%s (%s): an unknown partial, or output too large",
		    k->name, err_str(rc));
		rc = ERR_INVAL;
	}
out:
	buf_release(&b);
	json_decref(ex);
	svc_partials_release(&ps);
	tmpl_free(t);
	return rc;
}

static enum err
insert(struct svc *s, struct template_rec *t, struct svc_err *e)
{
	enum err rc;

	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_template_insert(s->st, t);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return svc_store_err(s, rc, "template", e);
	}
	return ERR_OK;
}

enum err
svc_template_set(struct svc *s, const char *kind, const char *lang,
    const char *src, size_t len, int64_t *version, struct svc_err *e)
{
	const struct template_kind *k;
	struct template_rec t = { 0 };
	char hex[SHA256_HEX];
	enum err rc;

	rc = check_kind(kind, lang, &k, e);
	if (rc != ERR_OK)
		return rc;
	rc = lint(k, lang, src, len, e);
	if (rc != ERR_OK)
		return rc;
	sha256_hex(src, len, hex);
	t.kind = kind;
	t.lang = lang;
	t.v.body = arena_strndup(s->a, src, len);
	t.v.sha256 = hex;
	t.v.created_at = s->now;
	t.v.actor = s->actor;
	rc = insert(s, &t, e);
	*version = t.v.version;
	return rc;
}

enum err
svc_template_reset(struct svc *s, const char *kind, const char *lang,
    int64_t *version, struct svc_err *e)
{
	const struct template_kind *k;
	struct template_rec t = { 0 };
	enum err rc;

	rc = check_kind(kind, lang, &k, e);
	if (rc != ERR_OK)
		return rc;
	t.kind = kind;
	t.lang = lang;
	t.v.created_at = s->now;
	t.v.actor = s->actor;
	rc = insert(s, &t, e);
	*version = t.v.version;
	return rc;
}

enum err
svc_template_history(struct svc *s, const char *kind, const char *lang,
    json_t **out, struct svc_err *e)
{
	const struct template_kind *k;
	struct template_rec *v;
	size_t n;
	enum err rc;

	rc = check_kind(kind, lang, &k, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_template_history(s->st, kind, lang, s->a, &v, &n);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "template", e);
	*out = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		    *out, svc_version_json(&v[i].v, "override"));
	return ERR_OK;
}

json_t *
svc_template_list(struct svc *s)
{
	static const char *const langs[] = { "de", "en" };
	json_t *arr = json_array();

	for (size_t i = 0; i < nitems(kinds); i++) {
		for (size_t l = 0; l < nitems(langs); l++) {
			struct template_rec t;
			bool over;

			over = store_template_active(s->st, kinds[i].name,
			           langs[l], s->a, &t) == ERR_OK &&
			       t.v.body != NULL;
			json_array_append_new(arr,
			    json_pack("{s:s, s:s, s:s, s:s, s:I, s:s}", "kind",
			        kinds[i].name, "lang", langs[l], "type",
			        type_names[kinds[i].type], "source",
			        over ? "override" : "built-in", "version",
			        (json_int_t)(over ? t.v.version : 0), "summary",
			        kinds[i].summary));
		}
	}
	return arr;
}

const struct tmpl *
svc_template_partial(void *arg, const char *name)
{
	struct partials *ps = arg;
	const struct embed *b;
	char path[160];
	struct tmpl *t;

	snprintf(path, sizeof(path), BUILTIN_DIR "_%s.mustache", name);
	for (size_t i = 0; i < ps->n; i++) {
		if (strcmp(ps->name[i], path) == 0)
			return ps->t[i];
	}
	if (ps->n == nitems(ps->t))
		return NULL;
	b = builtin(path);
	if (b == NULL || tmpl_parse((const char *)b->data, b->len, true, &t,
	                     NULL, 0) != ERR_OK)
		return NULL;
	ps->name[ps->n] = b->name;
	ps->t[ps->n++] = t;
	return t;
}

void
svc_partials_release(struct partials *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		tmpl_free(ps->t[i]);
	ps->n = 0;
}
