/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_template.c: template overrides in the store (versions
 * per kind and language, resets, history) and the svc layer on top
 * (lint on save, the template in use, the example views of every kind).
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/buf.h"
#include "svc/svc.h"

static struct store *
open_mem(void)
{
	struct store *st = NULL;
	char *msg = NULL;

	if (store_open(":memory:", STORE_MEMORY, &st, &msg) != ERR_OK)
		fail_msg("store_open: %s", msg ? msg : "?");
	return st;
}

static void
test_store_versions(void **state)
{
	struct store *st = open_mem();
	struct arena *a = arena_new();
	struct template_rec t = { 0 }, got, *h;
	size_t n;

	(void)state;
	assert_int_equal(
	    store_template_active(st, "notice-text", "de", a, &got),
	    ERR_NOTFOUND);
	assert_int_equal(store_begin_write(st), ERR_OK);
	t.kind = "notice-text";
	t.lang = "de";
	t.v.body = "{{! type: text }}\nv1";
	t.v.sha256 = "aa";
	t.v.created_at = 100;
	t.v.actor = "a";
	assert_int_equal(store_template_insert(st, &t), ERR_OK);
	assert_int_equal(t.v.version, 1);
	t.lang = "en";
	assert_int_equal(store_template_insert(st, &t), ERR_OK);
	assert_int_equal(t.v.version, 1); /* per language */
	t.lang = "de";
	t.v.body = NULL;
	t.v.sha256 = NULL;
	t.v.actor = "b";
	t.v.created_at = 200;
	assert_int_equal(store_template_insert(st, &t), ERR_OK);
	assert_int_equal(t.v.version, 2);
	t.lang = "fr"; /* refused by the schema */
	t.v.body = "x";
	assert_int_not_equal(store_template_insert(st, &t), ERR_OK);
	assert_int_equal(store_commit(st), ERR_OK);
	assert_int_equal(
	    store_template_active(st, "notice-text", "de", a, &got), ERR_OK);
	assert_int_equal(got.v.version, 2);
	assert_null(got.v.body);
	assert_string_equal(got.v.actor, "b");
	assert_int_equal(
	    store_template_history(st, "notice-text", "de", a, &h, &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].v.body, "{{! type: text }}\nv1");
	assert_string_equal(h[0].v.sha256, "aa");
	assert_int_equal(h[0].v.created_at, 100);
	assert_null(h[1].v.body);
	arena_free(a);
	store_close(st);
}

/* Every kind's built-in template passes its own lint and renders. */
static void
test_builtins_lint(void **state)
{
	static const char *const langs[] = { "de", "en" };
	struct store *st = open_mem();
	struct svc s;
	struct svc_err e;
	const struct template_kind *k;
	size_t n;

	(void)state;
	svc_err_clear(&e);
	assert_int_equal(svc_begin(&s, st, "tester", 1714557600, &e), ERR_OK);
	k = svc_template_kinds(&n);
	assert_true(n >= 4);
	for (size_t i = 0; i < n; i++) {
		for (size_t l = 0; l < nitems(langs); l++) {
			const char *src;
			int64_t v = -1;
			struct tmpl *t = NULL;
			json_t *ex;
			struct partials ps = { 0 };
			struct buf b;
			char why[1024];

			assert_int_equal(svc_template_source(&s, k[i].name,
			                     langs[l], s.a, &src, &v, &e),
			    ERR_OK);
			assert_int_equal(v, 0);
			assert_int_equal(
			    svc_template_load(&s, k[i].name, langs[l], &t, &e),
			    ERR_OK);
			assert_int_equal(tmpl_type(t), k[i].type);
			ex = k[i].example(l == 0);
			assert_non_null(ex);
			if (tmpl_check_vars(t, ex, why, sizeof(why)) != ERR_OK)
				fail_msg("%s.%s: %s", k[i].name, langs[l], why);
			buf_init(&b, 1 << 20);
			assert_int_equal(
			    tmpl_render(t, ex, svc_template_partial, &ps, &b),
			    ERR_OK);
			assert_true(b.len > 100);
			buf_release(&b);
			svc_partials_release(&ps);
			json_decref(ex);
			tmpl_free(t);
		}
	}
	svc_end(&s);
	store_close(st);
}

static void
test_set_lint(void **state)
{
	static const struct {
		const char *kind, *lang, *src;
		enum err rc;
		const char *why;
	} cases[] = {
		{ "notice-text", "de",
		    "{{! type: text }}\n{{title}} {{org.name}}", ERR_OK, NULL },
		{ "notice-text", "de", "{{! type: text }}\n{{nope}}", ERR_INVAL,
		    "unknown variable {{nope}} (line 2); allowed: lang, ref" },
		{ "notice-html", "en", "{{! type: text }}\nx", ERR_INVAL,
		    "must declare {{! type: html }}" },
		{ "notice-html", "en", "{{! type: html }}\n{{{what}}}",
		    ERR_INVAL, "unescaped output" },
		{ "register-text", "en",
		    "{{! type: text }}\n{{#decisions}}{{rationale}}"
		    "{{/decisions}}{{#assessment}}{{#reasons}}{{cite}}"
		    "{{/reasons}}{{/assessment}}",
		    ERR_OK, NULL },
		{ "register-text", "en", "{{! type: text }}\n{{advice}}",
		    ERR_INVAL, "assessment.{version, date, risk" },
		{ "controller-text", "de", "{{! type: text }}\n{{> nope}}",
		    ERR_INVAL, "does not render the example" },
		{ "nope", "de", "{{! type: text }}\n", ERR_INVAL,
		    "no template kind" },
		{ "notice-text", "fr", "{{! type: text }}\n", ERR_INVAL,
		    "no language" },
	};
	struct store *st = open_mem();
	struct svc s;
	struct svc_err e;

	(void)state;
	svc_err_clear(&e);
	assert_int_equal(svc_begin(&s, st, "tester", 1714557600, &e), ERR_OK);
	for (size_t i = 0; i < nitems(cases); i++) {
		int64_t v = 0;
		enum err rc;

		svc_err_clear(&e);
		rc = svc_template_set(&s, cases[i].kind, cases[i].lang,
		    cases[i].src, strlen(cases[i].src), &v, &e);
		if (rc != cases[i].rc)
			fail_msg("case %zu: %s (%s)", i, err_str(rc), e.msg);
		if (cases[i].why != NULL &&
		    strstr(e.msg, cases[i].why) == NULL) {
			/* A long list of allowed names is in field errors. */
			bool found = false;

			for (size_t k = 0; k < e.fe.n; k++)
				found = found || strstr(e.fe.v[k].problem,
				                     cases[i].why) != NULL;
			if (!found)
				fail_msg("case %zu: \"%s\" lacks \"%s\"", i,
				    e.msg, cases[i].why);
		}
	}
	svc_end(&s);
	store_close(st);
}

const struct CMUnitTest template_tests[] = {
	cmocka_unit_test(test_store_versions),
	cmocka_unit_test(test_builtins_lint),
	cmocka_unit_test(test_set_lint),
};
const size_t template_tests_n = nitems(template_tests);
