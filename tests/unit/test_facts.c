/* SPDX-License-Identifier: MIT */
/* tests/unit/test_facts.c: the facts validator, canonical JSON, merge patch. */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/arena.h"
#include "model/facts.h"

enum { NOW = 1800000000 }; /* 2027-01-15 */

/* Validate `json`; returns the field of the first error or NULL. */
static const char *
check(
    const char *json, struct facts *f, struct field_errors *fe, struct arena *a)
{
	memset(fe, 0, sizeof(*fe));
	if (facts_parse(json, strlen(json), NOW, a, f, NULL, fe) == ERR_OK)
		return NULL;
	assert_true(fe->n > 0);
	return fe->v[0].field;
}

static void
test_facts_errors(void **state)
{
	static const struct {
		const char *json;
		const char *field; /* NULL: valid */
	} cases[] = {
		{ "{\"title\":\"t\"}", NULL },
		{ "{}", "title" },
		{ "{\"title\":\"\"}", "title" },
		{ "[]", "(top)" },
		{ "{\"title\":\"t\",", "(json)" },
		{ "{\"title\":\"t\",\"title\":\"u\"}", "(json)" },
		{ "{\"title\":\"t\",\"colour\":1}", "colour" },
		{ "{\"title\":\"t\",\"nature\":{\"smell\":true}}",
		    "nature.smell" },
		{ "{\"title\":\"t\",\"role\":\"king\"}", "role" },
		{ "{\"title\":\"t\",\"role\":\"unknown\"}", NULL },
		{ "{\"title\":\"t\",\"nature\":{\"integrity\":\"yes\"}}",
		    "nature.integrity" },
		{ "{\"title\":\"t\",\"nature\":{\"integrity\":null}}", NULL },
		{ "{\"title\":\"t\",\"nature\":5}", "nature" },
		{ "{\"title\":\"t\",\"data\":{\"categories\":[\"health\","
		  "\"gossip\"]}}",
		    "data.categories[1]" },
		{ "{\"title\":\"t\",\"data\":{\"categories\":[\"health\","
		  "\"health\"]}}",
		    "data.categories[1]" },
		{ "{\"title\":\"t\",\"timeline\":{\"aware_at\":"
		  "\"2026-01-01T10:00:00\"}}",
		    "timeline.aware_at" },
		{ "{\"title\":\"t\",\"timeline\":{\"aware_at\":"
		  "\"2099-01-01T10:00:00Z\"}}",
		    "timeline.aware_at" },
		{ "{\"title\":\"t\",\"timeline\":{\"discovered_at\":"
		  "\"2026-01-02T10:00:00Z\",\"aware_at\":"
		  "\"2026-01-01T10:00:00Z\"}}",
		    "timeline.aware_at" },
		{ "{\"title\":\"t\",\"timeline\":{\"occurred_from\":"
		  "\"2026-01-02T10:00:00Z\",\"occurred_to\":"
		  "\"2026-01-01T10:00:00Z\"}}",
		    "timeline.occurred_to" },
		{ "{\"title\":\"t\",\"subjects\":{\"count\":-1}}",
		    "subjects.count" },
		{ "{\"title\":\"t\",\"subjects\":{\"count\":1.5}}",
		    "subjects.count" },
		{ "{\"title\":\"t\",\"subjects\":{\"count_is_estimate\":"
		  "true}}",
		    "subjects.count_is_estimate" },
		{ "{\"title\":\"t\",\"subjects\":{\"countries\":[\"XX\"]}}",
		    "subjects.countries[0]" },
		{ "{\"title\":\"t\",\"jurisdiction\":{\"member_states\":"
		  "[\"US\"]}}",
		    "jurisdiction.member_states[0]" },
		{ "{\"title\":\"t\",\"protection\":{\"restore_time\":"
		  "\"P1M\"}}",
		    "protection.restore_time" },
		{ "{\"title\":\"a\\u0007b\"}", "title" },
		{ "{\"title\":\"t\",\"regimes\":[\"GDPR!\"]}", "regimes[0]" },
	};
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		struct facts f;
		struct field_errors fe;
		const char *got = check(cases[i].json, &f, &fe, a);

		if (cases[i].field == NULL) {
			if (got != NULL)
				fail_msg("case %zu: unexpected error %s: %s", i,
				    got, fe.v[0].problem);
		} else {
			if (got == NULL)
				fail_msg("case %zu: accepted, want error at %s",
				    i, cases[i].field);
			if (strcmp(got, cases[i].field) != 0)
				fail_msg("case %zu: error at %s, want %s", i,
				    got, cases[i].field);
		}
	}
	arena_free(a);
}

static void
test_unknown_is_not_false(void **state)
{
	struct arena *a = arena_new();
	struct facts f;
	struct field_errors fe;
	json_t *j;

	(void)state;
	assert_null(check("{\"title\":\"t\",\"nature\":{\"confidentiality\":"
	                  "false}}",
	    &f, &fe, a));
	assert_int_equal(f.confidentiality, TRI_NO);
	assert_int_equal(f.integrity, TRI_UNKNOWN);
	assert_int_equal(f.aware_at, TIME_UNKNOWN);
	assert_int_equal(f.subjects_n, COUNT_UNKNOWN);
	assert_false(f.data.known);
	j = facts_to_json(&f);
	/* Unknown facts are absent from the canonical form, never false. */
	assert_null(json_object_get(json_object_get(j, "nature"), "integrity"));
	assert_true(json_is_false(
	    json_object_get(json_object_get(j, "nature"), "confidentiality")));
	json_decref(j);
	/* An empty list is known (none), an absent one unknown. */
	assert_null(check(
	    "{\"title\":\"t\",\"data\":{\"categories\":[]}}", &f, &fe, a));
	assert_true(f.data.known);
	assert_int_equal(f.data.bits, 0);
	arena_free(a);
}

static void
test_canonical_round_trip(void **state)
{
	const char *in =
	    "{\"title\":\"t\",\"timeline\":{\"discovered_at\":"
	    "\"2026-03-01T09:00:00Z\",\"aware_at\":\"2026-03-01T11:30:00+01:00\""
	    "},\"protection\":{\"restore_time\":\"PT90M\"},\"data\":{"
	    "\"categories\":[\"health\",\"contact\"]}}";
	struct arena *a = arena_new();
	struct facts f, g;
	struct field_errors fe;
	json_t *c1, *c2;
	char *s;

	(void)state;
	assert_null(check(in, &f, &fe, a));
	c1 = facts_to_json(&f);
	assert_string_equal(json_string_value(json_object_get(
	                        json_object_get(c1, "timeline"), "aware_at")),
	    "2026-03-01T11:30:00+01:00");
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_object_get(c1, "protection"), "restore_time")),
	    "PT1H30M");
	/* Sets come out in taxonomy order. */
	assert_string_equal(
	    json_string_value(json_array_get(
	        json_object_get(json_object_get(c1, "data"), "categories"), 0)),
	    "contact");
	s = json_dumps(c1, JSON_COMPACT);
	assert_null(check(s, &g, &fe, a));
	c2 = facts_to_json(&g);
	assert_true(json_equal(c1, c2));
	free(s);
	json_decref(c1);
	json_decref(c2);
	arena_free(a);
}

static void
test_merge_patch(void **state)
{
	/* RFC 7396 appendix A, a selection. */
	static const struct {
		const char *target, *patch, *want;
	} cases[] = {
		{ "{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}" },
		{ "{\"a\":\"b\"}", "{\"b\":\"c\"}",
		    "{\"a\":\"b\",\"b\":\"c\"}" },
		{ "{\"a\":\"b\"}", "{\"a\":null}", "{}" },
		{ "{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}",
		    "{\"b\":\"c\"}" },
		{ "{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}" },
		{ "{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}",
		    "{\"a\":{\"b\":\"d\"}}" },
		{ "{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}" },
		{ "[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]" },
		{ "{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}" },
		{ "{}", "{\"a\":{\"bb\":{\"ccc\":null}}}",
		    "{\"a\":{\"bb\":{}}}" },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		json_t *t = json_loads(cases[i].target, 0, NULL);
		json_t *p = json_loads(cases[i].patch, 0, NULL);
		json_t *w = json_loads(cases[i].want, 0, NULL);
		json_t *r = json_merge_patch(t, p), *d, *back;

		if (!json_equal(r, w))
			fail_msg("merge patch case %zu", i);
		/* The diff turns the target into the result again. */
		if (json_is_object(t) && json_is_object(r)) {
			d = json_merge_diff(t, r);
			back = json_merge_patch(t, d);
			if (!json_equal(back, r))
				fail_msg("merge diff case %zu", i);
			json_decref(d);
			json_decref(back);
		}
		json_decref(t);
		json_decref(p);
		json_decref(w);
		json_decref(r);
	}
}

static void
test_schema(void **state)
{
	json_t *s = facts_schema(), *p;

	(void)state;
	p = json_object_get(s, "properties");
	assert_non_null(json_object_get(p, "title"));
	assert_false(json_is_true(json_object_get(s, "additionalProperties")));
	assert_non_null(json_object_get(
	    json_object_get(json_object_get(p, "timeline"), "properties"),
	    "aware_at"));
	json_decref(s);
}

/* The register columns from canonical facts: values, unknowns, lists. */
static void
test_facts_reg(void **state)
{
	const char *doc =
	    "{\"role\":\"controller\",\"timeline\":{\"occurred_from\":"
	    "\"2024-04-20T04:00:00Z\"},\"nature\":{\"confidentiality\":"
	    "true,\"integrity\":false,\"type\":\"hacking\"},\"data\":"
	    "{\"categories\":[\"contact\",\"financial\"]},\"subjects\":"
	    "{\"categories\":[],\"count\":250,\"count_is_estimate\":true},"
	    "\"consequences\":{\"text\":\"x\"}}";
	struct arena *a = arena_new();
	struct incident_reg r, r2;
	json_t *j = json_loads(doc, 0, NULL);

	(void)state;
	assert_non_null(j);
	facts_reg(j, a, &r);
	assert_string_equal(r.role, "controller");
	assert_int_equal(r.occurred_from, 1713585600);
	assert_int_equal(r.occurred_to, TIME_UNKNOWN);
	assert_int_equal(r.confidentiality, 1);
	assert_int_equal(r.integrity, 0);
	assert_int_equal(r.availability, -1);
	assert_string_equal(r.breach_type, "hacking");
	assert_string_equal(r.data_categories, "contact;financial");
	assert_string_equal(r.subject_categories, "");
	assert_null(r.consequences_likely);
	assert_int_equal(r.subjects, 250);
	assert_true(r.subjects_estimate);
	assert_int_equal(r.records, -1);
	assert_string_equal(r.consequences, "x");
	assert_null(r.measures_taken);
	facts_reg(j, a, &r2);
	assert_null(facts_reg_diff(&r, &r2));
	r2.consequences = NULL;
	assert_string_equal(facts_reg_diff(&r, &r2), "consequences");
	r2 = r;
	r2.subjects_estimate = false;
	assert_string_equal(facts_reg_diff(&r, &r2), "subjects_estimate");
	json_decref(j);
	arena_free(a);
}

const struct CMUnitTest facts_tests[] = {
	cmocka_unit_test(test_facts_reg),
	cmocka_unit_test(test_facts_errors),
	cmocka_unit_test(test_unknown_is_not_false),
	cmocka_unit_test(test_canonical_round_trip),
	cmocka_unit_test(test_merge_patch),
	cmocka_unit_test(test_schema),
};
const size_t facts_tests_n = nitems(facts_tests);
