/* SPDX-License-Identifier: MIT */
/* tests/unit/test_facts.c: the facts validator, canonical JSON, merge patch. */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/arena.h"
#include "model/facts.h"
#include "model/json_out.h"

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

/* A document with a field of every type, odd texts included. */
static const char rich_facts[] =
    "{\"title\":\"Quote \\\" back\\\\slash \\u00e9\\u20ac "
    "\\ud83d\\ude00 / end\","
    "\"description\":\"Line one\\nline two\\nend.\","
    "\"role\":\"controller\",\"sectors\":[\"retail\",\"insurance\"],"
    "\"system_criticality\":\"high\","
    "\"reporter\":{\"name\":\"A. Person\",\"function\":\"desk\","
    "\"email\":\"a@example.org\",\"phone\":\"+49 30 1\"},"
    "\"timeline\":{\"discovered_at\":\"2026-03-01T09:00:00Z\","
    "\"aware_at\":\"2026-07-01T11:30:00+02:00\","
    "\"occurred_from\":\"2026-02-28T23:59:59Z\",\"ongoing\":false,"
    "\"discovery\":\"attacker\",\"discovery_text\":\"SOC.\","
    "\"processor_informed_at\":\"2026-03-01T09:30:00Z\"},"
    "\"nature\":{\"confidentiality\":true,\"integrity\":false,"
    "\"type\":\"hacking\"},"
    "\"data\":{\"categories\":[\"health\",\"contact\"],"
    "\"identifiers\":[\"email\"]},"
    "\"subjects\":{\"count\":12,\"count_is_estimate\":true,\"records\":0,"
    "\"countries\":[\"DE\",\"FR\"],\"contact_available\":true},"
    "\"protection\":{\"restore_time\":\"PT90M\",\"encryption\":\"none\"},"
    "\"consequences\":{\"likely\":[],\"text\":\"None.\"},"
    "\"texts\":{\"lang\":\"en\",\"description_de\":\"Zeile \\u00fc\"},"
    "\"jurisdiction\":{\"member_states\":[\"DE\"]},"
    "\"processors\":[\"P \\\"one\\\"\",\"P two\"],\"regimes\":[\"gdpr\"],"
    "\"enisa\":{\"adjustments\":[{\"category\":\"simple\",\"factor\":"
    "\"volume\",\"delta\":1,\"reason\":\"many\"},{\"category\":"
    "\"sensitive\",\"factor\":\"publicly_available\",\"delta\":-1,"
    "\"reason\":\"known\"}]}}";

/* The stored form of `json`: what the register keeps. */
static char *
stored_form(const char *json, struct arena *a)
{
	struct facts f;
	struct field_errors fe;
	const char *bad;
	json_t *j;
	char *s;

	bad = check(json, &f, &fe, a);
	if (bad != NULL)
		fail_msg("%s: %s", bad, fe.v[0].problem);
	j = facts_to_json_utc(&f);
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

/* The stored text rewritten for display is, byte for byte, the dump of
 * the parsed facts in the display zone. */
static void
test_stored_to_local(void **state)
{
	static const char *const docs[] = {
		"{\"title\":\"t\"}",
		rich_facts,
	};
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < nitems(docs); i++) {
		struct facts f;
		struct field_errors fe;
		struct buf out;
		char *stored = stored_form(docs[i], a), *want;
		json_t *j;

		assert_null(check(stored, &f, &fe, a));
		j = facts_to_json(&f);
		want = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(j);
		buf_init(&out, 1 << 20);
		assert_int_equal(buf_puts(&out, "x"), ERR_OK);
		assert_int_equal(
		    facts_stored_to_local(stored, strlen(stored), &out),
		    ERR_OK);
		assert_string_equal(out.p + 1, want);
		buf_release(&out);
		free(stored);
		free(want);
	}
	arena_free(a);
}

/* Text in any other form is refused, and the buffer left as it was: the
 * caller parses it instead. */
static void
test_stored_to_local_refuses(void **state)
{
	static const char *const bad[] = {
		"",
		"{",
		"[]",
		"{\"title\": \"t\"}",
		"{\"title\":\"t\"} ",
		"{\"title\":\"t\"}x",
		"{\"title\":\"t\",}",
		"{\"colour\":\"red\"}",
		"{\"nature\":{\"smell\":true}}",
		"{\"nature\":null}",
		"{\"nature\":{\"integrity\":null}}",
		"{\"title\":5}",
		"{\"role\":\"king\"}",
		"{\"role\":\"unknown\"}",
		"{\"role\":\"contr\\u006fller\"}",
		"{\"sectors\":[\"retail\",\"gossip\"]}",
		"{\"subjects\":{\"count\":-1}}",
		"{\"subjects\":{\"count\":1.5}}",
		"{\"subjects\":{\"count\":01}}",
		"{\"subjects\":{\"count_is_estimate\":false}}",
		"{\"timeline\":{\"aware_at\":\"2026-03-01T10:00:00+01:00\"}}",
		"{\"timeline\":{\"aware_at\":\"2026-03-01T10:00:00\"}}",
		"{\"timeline\":{\"aware_at\":\"2026-13-01T10:00:00Z\"}}",
		"{\"timeline\":{\"aware_at\":5}}",
		"{\"timeline\":{\"timeline\":{}}}",
		"{\"t\\u0069tle\":\"t\"}",
		"{\"title\":\"a\\x\"}",
		"{\"title\":\"a\\u12\"}",
		"{\"title\":\"a\nb\"}",
		"{\"title\":\"\xff\"}",
		"{\"title\":\"open",
		"{\"enisa\":{\"adjustments\":{}}}",
		"{\"enisa\":{\"adjustments\":[[[[1]]]]}}",
	};
	struct buf out;

	(void)state;
	buf_init(&out, 1 << 20);
	for (size_t i = 0; i < nitems(bad); i++) {
		buf_reset(&out);
		assert_int_equal(buf_puts(&out, "kept"), ERR_OK);
		if (facts_stored_to_local(bad[i], strlen(bad[i]), &out) !=
		    ERR_INVAL)
			fail_msg("accepted: %s", bad[i]);
		assert_string_equal(out.p, "kept");
	}
	buf_release(&out);
}

/* incident_json_put() writes what json_dumps(incident_json()) writes. */
static void
test_incident_json_put(void **state)
{
	static const char *const titles[] = {
		"plain",
		"quote \" backslash \\ slash /",
		"controls \x01\x08\x09\x0a\x0c\x0d\x1f\x7f",
		"UTF-8 \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
		"",
	};
	struct incident in;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.id = 1234567890123;
	in.ref = "ACME-2026-0001";
	in.status = INCIDENT_OPEN;
	in.discovered_at = 1772355600;
	in.aware_at = 1782900000;
	in.created_at = 0;
	in.updated_at = 1782900001;
	in.closed_at = TIME_UNKNOWN;
	in.event_n = 7;
	snprintf(in.head_hash, sizeof(in.head_hash), "%064d", 0);
	for (size_t i = 0; i < nitems(titles); i++) {
		struct buf out;
		json_t *j;
		char *want;

		in.title = titles[i];
		in.status = i % 2 ? INCIDENT_CLOSED : INCIDENT_OPEN;
		in.discovered_at = i == 4 ? TIME_UNKNOWN : in.discovered_at;
		j = incident_json(&in);
		want = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(j);
		buf_init(&out, 1 << 20);
		assert_int_equal(incident_json_put(&in, &out), ERR_OK);
		assert_string_equal(out.p, want);
		buf_release(&out);
		free(want);
	}
}

/* obligation_json_put() writes what json_dumps(obligation_json()) writes,
 * open (with the time left) and filed. */
static void
test_obligation_json_put(void **state)
{
	struct obligation o;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.id = 42;
	o.incident_id = 7;
	o.regime = "gdpr";
	o.rule = "art33-authority";
	o.recipient = "authority";
	o.label = "Supervisory \"authority\"";
	o.article = "Art. 33(1) GDPR";
	o.anchor_at = 1772355600;
	o.due_at = 1772355600 + 72 * 3600;
	o.phase = PHASE_NONE;
	o.filed_at = TIME_UNKNOWN;
	o.decided_at = TIME_UNKNOWN;
	for (int i = 0; i < 3; i++) {
		struct buf out;
		json_t *j;
		char *want;

		if (i == 1) {
			o.incident_ref = "ACME-2026-0007";
			o.status = OBL_FILED;
			o.phase = PHASE_INITIAL;
			o.filed_at = 1772355600 + 80 * 3600;
			o.case_ref = "AZ 1/2";
			o.late = true;
			o.delay_reason = "weekend\nand more";
			o.rationale = "r";
			o.decided_by = "dpo1";
			o.decided_at = 1772355700;
		} else if (i == 2) {
			o.status = OBL_OPEN;
			o.due_at = 1772355500; /* overdue against `now` */
		}
		j = obligation_json(&o, 1772355600);
		want = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(j);
		buf_init(&out, 1 << 20);
		assert_int_equal(
		    obligation_json_put(&o, 1772355600, &out), ERR_OK);
		assert_string_equal(out.p, want);
		buf_release(&out);
		free(want);
	}
}

const struct CMUnitTest facts_tests[] = {
	cmocka_unit_test(test_facts_reg),
	cmocka_unit_test(test_facts_errors),
	cmocka_unit_test(test_unknown_is_not_false),
	cmocka_unit_test(test_canonical_round_trip),
	cmocka_unit_test(test_stored_to_local),
	cmocka_unit_test(test_stored_to_local_refuses),
	cmocka_unit_test(test_incident_json_put),
	cmocka_unit_test(test_obligation_json_put),
	cmocka_unit_test(test_merge_patch),
	cmocka_unit_test(test_schema),
};
const size_t facts_tests_n = nitems(facts_tests);
