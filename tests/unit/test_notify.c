/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_notify.c: the authority files (all five built-in ones
 * load; bad files are refused naming the field path), the notification
 * layout (authority order, missing required fields, phases, lateness)
 * and the document renderers (text blocks, escaping, PDF pages).
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/clock.h"
#include "doc/doc.h"
#include "doc/notify.h"
#include "svc/svc.h"

enum { T0 = 1714557600 }; /* 2024-05-01T10:00:00Z */

static bool
fe_has(const struct field_errors *fe, const char *field, const char *word)
{
	for (size_t i = 0; i < fe->n; i++) {
		if (strcmp(fe->v[i].field, field) == 0 &&
		    strstr(fe->v[i].problem, word) != NULL)
			return true;
	}
	return false;
}

static void
test_builtin_authorities(void **state)
{
	static const struct {
		const char *code;
		bool german;
	} want[] = { { "nrw", true }, { "by", true }, { "bw", true },
		{ "bfdi", true }, { "en", false } };
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < nitems(want); i++) {
		struct authority au;
		struct field_errors fe = { 0 };
		size_t fields = 0;

		assert_int_equal(
		    authority_builtin(want[i].code, a, &au, &fe), ERR_OK);
		assert_int_equal(fe.n, 0);
		assert_string_equal(au.code, want[i].code);
		assert_true(au.german == want[i].german);
		assert_non_null(au.short_name);
		/* Unverified labels must say so, for the DPO to correct. */
		assert_true(au.labels_verified || au.labels_note != NULL);
		for (size_t k = 0; k < au.n; k++) {
			for (size_t m = 0; m < au.v[k].n; m++) {
				assert_true(notify_key_known(au.v[k].v[m].key));
				assert_true(*au.v[k].v[m].label != '\0');
				fields++;
			}
		}
		assert_true(fields >= 30);
		/* The first section is the type of notification. */
		assert_string_equal(au.v[0].v[0].key, "notification.type");
	}
	for (size_t i = 0; authority_codes[i] != NULL; i++) {
		struct authority au;
		struct field_errors fe = { 0 };

		assert_int_equal(
		    authority_builtin(authority_codes[i], a, &au, &fe), ERR_OK);
	}
	{
		struct authority au;
		struct field_errors fe = { 0 };

		assert_int_equal(
		    authority_builtin("xx", a, &au, &fe), ERR_NOTFOUND);
	}
	arena_free(a);
}

/* A minimal valid file with `extra` spliced in. */
#define MIN_FIELDS                                                         \
	"{\"key\":\"notification.type\",\"label\":\"T\"},"                 \
	"{\"key\":\"notification.case_ref\",\"label\":\"R\"},"             \
	"{\"key\":\"notification.delay_reasons\",\"label\":\"D\"},"        \
	"{\"key\":\"notification.withdrawal_reason\",\"label\":\"W\"},"    \
	"{\"key\":\"controller.name\",\"label\":\"N\",\"required\":true}," \
	"{\"key\":\"dpo.name\",\"label\":\"P\"},"                          \
	"{\"key\":\"dpo.email\",\"label\":\"E\"},"                         \
	"{\"key\":\"nature.description\",\"label\":\"X\"},"                \
	"{\"key\":\"data.categories\",\"label\":\"C\"},"                   \
	"{\"key\":\"data.records\",\"label\":\"Y\"},"                      \
	"{\"key\":\"subjects.categories\",\"label\":\"S\"},"               \
	"{\"key\":\"subjects.count\",\"label\":\"Z\","                     \
	"\"unknown_allowed\":false},"                                      \
	"{\"key\":\"consequences.likely\",\"label\":\"L\"},"               \
	"{\"key\":\"measures.taken\",\"label\":\"M\",\"required\":true}"
#define MIN_DOC(top, fields)                                                 \
	"{\"code\":\"t\",\"name\":\"Test authority\",\"short_name\":\"TA\"," \
	"\"language\":\"en\"" top ",\"sections\":[{\"title\":\"One\","       \
	"\"fields\":[" fields "]}]}"

static void
test_authority_bad(void **state)
{
	static const struct {
		const char *doc;
		const char *field;
		const char *word;
	} cases[] = {
		{ MIN_DOC("", MIN_FIELDS), NULL, NULL },
		{ "{", "(json)", "line" },
		{ "[]", "(top)", "object" },
		{ MIN_DOC(",\"colour\":1", MIN_FIELDS), "(top)", "colour" },
		{ MIN_DOC(",\"language\":\"fr\"", MIN_FIELDS), "(json)",
		    "duplicate" },
		{ "{\"code\":\"t\",\"name\":\"n\",\"short_name\":\"s\","
		  "\"language\":\"fr\",\"sections\":[{\"title\":\"a\","
		  "\"fields\":[" MIN_FIELDS "]}]}",
		    "language", "de or en" },
		{ MIN_DOC("", MIN_FIELDS ",{\"key\":\"nope\",\"label\":\"q\"}"),
		    "sections[0].fields[14].key", "catalogue" },
		{ MIN_DOC("", MIN_FIELDS ",{\"key\":\"dpo.name\",\"label\":"
		                         "\"q\"}"),
		    "sections[0].fields[14].key", "twice" },
		{ MIN_DOC("", MIN_FIELDS ",{\"key\":\"dpo.phone\"}"),
		    "sections[0].fields[14].label", "required" },
		{ MIN_DOC("", MIN_FIELDS ",{\"key\":\"dpo.phone\",\"label\":"
		                         "\"\"}"),
		    "sections[0].fields[14].label", "empty" },
		{ MIN_DOC("", MIN_FIELDS ",{\"key\":\"dpo.phone\",\"label\":"
		                         "\"p\",\"required\":[\"later\"]}"),
		    "sections[0].fields[14].required", "not a phase" },
		{ MIN_DOC("", MIN_FIELDS ",{\"key\":\"dpo.phone\",\"label\":"
		                         "\"p\",\"required\":\"yes\"}"),
		    "sections[0].fields[14].required", "true, false" },
		{ MIN_DOC("", MIN_FIELDS ",{\"key\":\"dpo.phone\",\"label\":"
		                         "\"p\",\"colour\":1}"),
		    "sections[0].fields[14]", "colour" },
		{ MIN_DOC(
		      "", "{\"key\":\"notification.type\",\"label\":\"T\"}"),
		    "sections", "dpo.email" },
		{ MIN_DOC(",\"phase_labels\":{\"later\":\"x\"}", MIN_FIELDS),
		    "phase_labels", "not a phase" },
		{ MIN_DOC(",\"notes\":[\"a\",1]", MIN_FIELDS), "notes[1]",
		    "string" },
		{ MIN_DOC(",\"labels_verified\":\"no\"", MIN_FIELDS),
		    "labels_verified", "true or false" },
		{ "{\"code\":\"T!\",\"name\":\"n\",\"short_name\":\"s\","
		  "\"language\":\"en\",\"sections\":[{\"title\":\"a\","
		  "\"fields\":[" MIN_FIELDS "]}]}",
		    "code", "a-z" },
		{ "{\"code\":\"t\",\"name\":\"n\",\"short_name\":\"s\","
		  "\"language\":\"en\",\"sections\":[]}",
		    "sections", "1 to" },
		{ "{\"code\":\"t\",\"name\":\"n\",\"short_name\":\"s\","
		  "\"language\":\"en\",\"sections\":[{\"title\":\"a\","
		  "\"fields\":[]}]}",
		    "sections[0].fields", "1 to" },
		{ "{\"code\":\"t\",\"short_name\":\"s\",\"language\":\"en\","
		  "\"sections\":[{\"title\":\"a\",\"fields\":[" MIN_FIELDS
		  "]}]}",
		    "name", "required" },
		{ "{\"code\":\"t\",\"name\":\"a\\u0001b\",\"short_name\":\"s\","
		  "\"language\":\"en\",\"sections\":[{\"title\":\"a\","
		  "\"fields\":[" MIN_FIELDS "]}]}",
		    "name", "control" },
	};
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		struct authority au;
		struct field_errors fe = { 0 };
		enum err rc;

		rc = authority_parse(
		    cases[i].doc, strlen(cases[i].doc), a, &au, &fe);
		if (cases[i].field == NULL) {
			if (rc != ERR_OK)
				fail_msg("case %zu: %s: %s", i,
				    fe.n ? fe.v[0].field : "?",
				    fe.n ? fe.v[0].problem : "?");
			continue;
		}
		assert_int_equal(rc, ERR_INVAL);
		if (!fe_has(&fe, cases[i].field, cases[i].word))
			fail_msg("case %zu: want %s ~ %s, got %s: %s", i,
			    cases[i].field, cases[i].word,
			    fe.n ? fe.v[0].field : "?",
			    fe.n ? fe.v[0].problem : "?");
	}
	{
		char *big = arena_alloc(a, AUTHORITY_JSON_MAX + 2);
		struct authority au;
		struct field_errors fe = { 0 };

		memset(big, ' ', AUTHORITY_JSON_MAX + 1);
		assert_int_equal(
		    authority_parse(big, AUTHORITY_JSON_MAX + 1, a, &au, &fe),
		    ERR_INVAL);
		assert_true(fe_has(&fe, "(top)", "larger"));
	}
	arena_free(a);
}

/* A complete input: nothing is missing for any authority. */
static void
full_input(struct notify_input *in, struct facts *f)
{
	facts_init(f);
	f->title = "Invoice list sent to the wrong customer";
	f->description = "A list was e-mailed to the wrong address.";
	f->role = ROLE_CONTROLLER;
	f->discovered_at = T0 - 7200;
	f->aware_at = T0 - 3600;
	f->occurred_from = T0 - 86400;
	f->confidentiality = TRI_YES;
	f->data.known = true;
	f->data.bits = 1ull << DATA_CONTACT | 1ull << DATA_HEALTH;
	f->subjects.known = true;
	f->subjects.bits = 1ull << SUBJ_CUSTOMERS;
	f->subjects_n = 120;
	f->subjects_n_estimate = true;
	f->records_n = 130;
	f->conseq_likely.known = true;
	f->conseq_likely.bits = 1ull << CONSEQ_DISCRIMINATION;
	f->measures_taken = "Recipient asked to delete the list.";
	memset(in, 0, sizeof(*in));
	in->ref = "BK-2024-0001";
	in->f = f;
	in->now = T0;
	in->phase = PHASE_INITIAL;
	in->org_name = "Example Org (fictional)";
	in->org_address = "1 Example Street, Example City";
	in->dpo_name = "Dee Pio (fictional)";
	in->dpo_email = "dpo@example.invalid";
	in->has_deadline = true;
	in->due_at = f->aware_at + 72 * 3600;
	in->initial_at = TIME_UNKNOWN;
	in->breach_decision = -1;
	in->authority_decision = 1;
	in->authority_rationale = "Health data of customers.";
	in->subjects_decision = -1;
	in->subjects_notified_at = TIME_UNKNOWN;
}

static const char *
field_value(const struct notify_doc *nd, const char *key)
{
	for (size_t i = 0; i < nd->doc.n; i++) {
		for (size_t k = 0; k < nd->doc.v[i].n; k++) {
			const struct doc_item *it = &nd->doc.v[i].v[k];

			if (it->kind == DOC_FIELD && strcmp(it->key, key) == 0)
				return it->text;
		}
	}
	return NULL;
}

/* Load the built-in authority `code` (the test fails if it does not). */
static void
load_builtin(const char *code, struct arena *a, struct authority *au)
{
	struct field_errors fe = { 0 };

	assert_int_equal(authority_builtin(code, a, au, &fe), ERR_OK);
}

static bool
is_missing(const struct notify_doc *nd, const char *key)
{
	for (size_t i = 0; i < nd->missing_n; i++) {
		if (strcmp(nd->missing[i].key, key) == 0)
			return true;
	}
	return false;
}

static void
test_notify_layout(void **state)
{
	struct arena *a = arena_new();
	struct authority au;
	struct notify_input in;
	struct notify_doc nd;
	struct facts f;

	(void)state;
	load_builtin("en", a, &au);
	full_input(&in, &f);
	notify_build(&au, &in, a, &nd);
	assert_int_equal(nd.missing_n, 0);
	assert_string_equal(
	    field_value(&nd, "subjects.count"), "120 (estimate)");
	assert_string_equal(
	    field_value(&nd, "data.special"), "yes: health data (Art. 9)");
	assert_string_equal(field_value(&nd, "notification.type"),
	    "Initial notification (Art. 33(1) GDPR)");
	/* An initial notification has no earlier reference, no delay. */
	assert_null(field_value(&nd, "notification.case_ref"));
	assert_null(field_value(&nd, "notification.delay_reasons"));
	/* Unknown is stated, not left blank. */
	assert_string_equal(field_value(&nd, "timeline.ongoing"), "unknown");
	/* Not held and not required: omitted. */
	assert_null(field_value(&nd, "controller.website"));
	/* The authority's section order; the notes come first. */
	assert_string_equal(nd.doc.v[1].title, "1. Type of notification");
	assert_string_equal(nd.doc.v[1].v[0].key, "notification.type");

	/* LDI NRW's form refuses "no risk": the notes warn first. */
	{
		json_t *res = json_pack("{s:s}", "risk_level", "none");
		json_t *j;

		load_builtin("nrw", a, &au);
		assert_true(au.no_risk_blocked);
		in.assessment = res;
		in.authority_decision = -1;
		notify_build(&au, &in, a, &nd);
		assert_non_null(strstr(nd.doc.v[0].v[0].text, "Achtung"));
		assert_non_null(strstr(nd.doc.v[0].v[0].text, "LDI NRW"));
		j = notify_json(&nd);
		assert_non_null(strstr(json_string_value(json_array_get(
		                           json_object_get(j, "notes"), 0)),
		    "Achtung"));
		json_decref(j);
		/* A decision to notify overrides the assessment. */
		in.authority_decision = 1;
		notify_build(&au, &in, a, &nd);
		assert_null(strstr(nd.doc.v[0].v[0].text, "Achtung"));
		/* Other authorities do not refuse it. */
		in.authority_decision = -1;
		load_builtin("by", a, &au);
		notify_build(&au, &in, a, &nd);
		assert_null(strstr(nd.doc.v[0].v[0].text, "Achtung"));
		in.assessment = NULL;
		in.authority_decision = 1;
		json_decref(res);
	}

	/* Details held only sometimes are added when held (BayLDA). */
	f.restore_s = 4 * 3600;
	f.neutralised = TRI_YES;
	f.neutralised_text = "The recipient deleted the list.";
	notify_build(&au, &in, a, &nd);
	assert_non_null(strstr(field_value(&nd, "protection.measures"),
	    "\nWiederherstellungszeit: 4h"));
	assert_non_null(strstr(field_value(&nd, "communication.details"),
	    "(Art. 34 Abs. 3 lit. b DSGVO): The recipient deleted the list."));
	f.restore_s = COUNT_UNKNOWN;
	f.neutralised = TRI_UNKNOWN;
	f.neutralised_text = NULL;

	/* German labels and values. */
	load_builtin("bw", a, &au);
	notify_build(&au, &in, a, &nd);
	assert_int_equal(nd.missing_n, 0);
	assert_string_equal(
	    field_value(&nd, "subjects.count"), "120 (geschätzt)");
	assert_string_equal(field_value(&nd, "nature.cia"),
	    "Vertraulichkeit: ja\nIntegrität: unbekannt\nVerfügbarkeit: "
	    "unbekannt");
	arena_free(a);
}

static void
test_notify_missing(void **state)
{
	struct arena *a = arena_new();
	struct authority au;
	struct notify_input in;
	struct notify_doc nd;
	struct facts f;
	struct buf b;

	(void)state;
	load_builtin("nrw", a, &au);
	full_input(&in, &f);
	in.org_name = NULL;
	f.measures_taken = NULL;
	f.aware_at = TIME_UNKNOWN;    /* unknown_allowed: false */
	f.subjects_n = COUNT_UNKNOWN; /* unknown allowed: stated */
	notify_build(&au, &in, a, &nd);
	assert_true(is_missing(&nd, "controller.name"));
	assert_true(is_missing(&nd, "measures.taken"));
	assert_true(is_missing(&nd, "timeline.aware_at"));
	assert_false(is_missing(&nd, "subjects.count"));
	assert_int_equal(nd.missing_n, 3);
	buf_init(&b, 4096);
	notify_missing_text(&nd, &b);
	assert_non_null(strstr(buf_cstr(&b), "LDI NRW requires:"));
	assert_non_null(strstr(buf_cstr(&b), "Name des Verantwortlichen"));
	assert_non_null(strstr(buf_cstr(&b), "settings set org_name"));
	buf_release(&b);

	/* Late: the reasons for the delay are required (Art. 33(1)). */
	full_input(&in, &f);
	in.late = true;
	notify_build(&au, &in, a, &nd);
	assert_true(is_missing(&nd, "notification.delay_reasons"));
	in.delay_reason = "External forensics (fictional).";
	notify_build(&au, &in, a, &nd);
	assert_int_equal(nd.missing_n, 0);
	assert_string_equal(field_value(&nd, "notification.delay_reasons"),
	    "External forensics (fictional).");
	assert_non_null(strstr(field_value(&nd, "notification.late"), "ja"));

	/* Follow-up: the authority's case reference is required. */
	full_input(&in, &f);
	in.phase = PHASE_FOLLOWUP;
	notify_build(&au, &in, a, &nd);
	assert_true(is_missing(&nd, "notification.case_ref"));
	in.case_ref = "LDI-4711";
	in.initial_at = T0 - 1800;
	notify_build(&au, &in, a, &nd);
	assert_int_equal(nd.missing_n, 0);
	assert_non_null(
	    strstr(field_value(&nd, "notification.case_ref"), "LDI-4711"));
	assert_string_equal(field_value(&nd, "notification.type"),
	    "Nachtrag zu einer bereits erfolgten Meldung");

	/* Withdrawn: needs the decision that it is not a breach. */
	in.phase = PHASE_WITHDRAWN;
	notify_build(&au, &in, a, &nd);
	assert_true(is_missing(&nd, "notification.withdrawal_reason"));
	in.breach_decision = 0;
	in.breach_rationale = "Only test data was concerned.";
	notify_build(&au, &in, a, &nd);
	assert_int_equal(nd.missing_n, 0);
	assert_string_equal(field_value(&nd, "notification.withdrawal_reason"),
	    "Only test data was concerned.");
	arena_free(a);
}

static void
test_notify_json(void **state)
{
	struct arena *a = arena_new();
	struct authority au;
	struct notify_input in;
	struct notify_doc nd;
	struct facts f;
	json_t *j;

	(void)state;
	load_builtin("by", a, &au);
	full_input(&in, &f);
	notify_build(&au, &in, a, &nd);
	j = notify_json(&nd);
	assert_string_equal(
	    json_string_value(json_object_get(j, "authority")), "by");
	assert_string_equal(
	    json_string_value(json_object_get(j, "phase")), "initial");
	assert_int_equal(json_array_size(json_object_get(j, "missing")), 0);
	/* The notes are not a form section. */
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_array_get(json_object_get(j, "sections"), 0), "title")),
	    "1. Art der Meldung");
	json_decref(j);
	in.dpo_email = NULL;
	notify_build(&au, &in, a, &nd);
	j = notify_json(&nd);
	assert_int_equal(json_array_size(json_object_get(j, "sections")), 0);
	assert_string_equal(
	    json_string_value(json_object_get(
	        json_array_get(json_object_get(j, "missing"), 0), "key")),
	    "dpo.email");
	json_decref(j);
	arena_free(a);
}

static void
small_doc(struct doc *d, struct arena *a, const char *title)
{
	struct doc_section *s;

	doc_init(d, a, title, false);
	d->ref = "BK-2024-0001";
	d->generated = "2024-05-01 12:00 CEST";
	doc_meta_add(d, "To: Example");
	s = doc_section_add(d, "One");
	doc_field_add(d, s, "a.b", "Label <A>", "Value\nline 2 & \"q\"");
	doc_para_add(d, s, "A paragraph.");
}

static void
test_render_text_md_html(void **state)
{
	struct arena *a = arena_new();
	struct doc d;
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 16);
	small_doc(&d, a, "Title <script>alert(1)</script>");
	assert_int_equal(doc_render_text(&d, &b), ERR_OK);
	assert_string_equal(buf_cstr(&b),
	    "Title <script>alert(1)</script>\nTo: Example\n\n== One ==\n\n"
	    "Label <A>\nValue\nline 2 & \"q\"\n\nA paragraph.\n\n");
	buf_reset(&b);
	assert_int_equal(doc_render_html(&d, &b), ERR_OK);
	assert_null(strstr(buf_cstr(&b), "<script>"));
	assert_non_null(strstr(buf_cstr(&b),
	    "<h1>Title &lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
	assert_non_null(strstr(buf_cstr(&b),
	    "<dt id=\"a.b\">Label &lt;A&gt;</dt>\n<dd>Value<br>\nline 2 "
	    "&amp; &quot;q&quot;</dd>"));
	buf_reset(&b);
	assert_int_equal(doc_render_md(&d, &b), ERR_OK);
	assert_null(strstr(buf_cstr(&b), "<script>"));
	assert_non_null(strstr(buf_cstr(&b), "**Label &lt;A&gt;**  \nValue"));
	/* The cap is honoured. */
	buf_release(&b);
	buf_init(&b, 16);
	assert_int_equal(doc_render_text(&d, &b), ERR_LIMIT);
	buf_release(&b);
	arena_free(a);
}

/* Number of page objects in a cairo PDF. */
static size_t
pdf_pages(const struct buf *b)
{
	static const char pat[] = "/Type /Page";
	size_t n = 0, k = sizeof(pat) - 1;

	for (size_t i = 0; i + k < b->len; i++) {
		if (memcmp(b->p + i, pat, k) == 0 && b->p[i + k] != 's')
			n++;
	}
	return n;
}

static void
test_render_pdf(void **state)
{
	struct arena *a = arena_new();
	struct doc d;
	struct doc_section *s;
	struct buf b, longtext;

	(void)state;
	buf_init(&b, 64 << 20);
	small_doc(&d, a, "Prüfung äöü ß");
	assert_int_equal(doc_render_pdf(&d, &b), ERR_OK);
	assert_true(b.len > 1000);
	assert_memory_equal(b.p, "%PDF-", 5);
	assert_int_equal(pdf_pages(&b), 1);

	/* A value longer than a page continues on the next pages. */
	buf_init(&longtext, 1 << 20);
	for (int i = 0; i < 600; i++)
		buf_printf(&longtext, "Satz %d über Größe und Maße. ", i);
	s = doc_section_add(&d, "Long");
	doc_field_add(&d, s, "long", "Long value", buf_cstr(&longtext));
	buf_reset(&b);
	assert_int_equal(doc_render_pdf(&d, &b), ERR_OK);
	assert_true(pdf_pages(&b) >= 3);

	/* The buffer's cap. */
	buf_release(&b);
	buf_init(&b, 512);
	assert_int_equal(doc_render_pdf(&d, &b), ERR_LIMIT);
	buf_release(&b);
	buf_release(&longtext);
	arena_free(a);
	doc_pdf_shutdown();
}

/* svc_notify gathers settings, filings, decisions and the assessment. */
static void
test_svc_notify(void **state)
{
	static const char facts[] =
	    "{\"title\":\"Fictional test\",\"role\":\"controller\","
	    "\"description\":\"A fictional incident.\","
	    "\"timeline\":{\"discovered_at\":\"2024-04-25T07:00:00Z\","
	    "\"aware_at\":\"2024-04-25T08:00:00Z\"},"
	    "\"nature\":{\"confidentiality\":true},"
	    "\"measures\":{\"taken\":\"Contained.\"}}";
	struct register_init ri = { "Example Org (fictional)", "TS",
		"Europe/Berlin" };
	struct file_req fr = { 0 };
	struct decide_req dr = { 0 };
	struct arena *a = arena_new();
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	struct authority au;
	struct notify_doc nd;
	const char *ref;
	char *msg = NULL;
	json_t *res = NULL;
	int64_t version;
	bool recorded, late;

	(void)state;
	svc_err_clear(&e);
	assert_int_equal(
	    store_open(":memory:", STORE_MEMORY, &st, &msg), ERR_OK);
	assert_int_equal(svc_begin(&s, st, "tester", T0, &e), ERR_OK);
	assert_int_equal(svc_register_init(&s, &ri, &e), ERR_OK);
	assert_int_equal(
	    svc_incident_create(&s, facts, strlen(facts), &ref, &e), ERR_OK);
	load_builtin("en", a, &au);

	/* Not filed, past the deadline: late, reasons required. */
	assert_int_equal(
	    svc_notify(&s, ref, &au, PHASE_INITIAL, NULL, a, &nd, &e), ERR_OK);
	assert_true(is_missing(&nd, "notification.delay_reasons"));
	assert_true(is_missing(&nd, "dpo.name"));
	assert_true(is_missing(&nd, "risk.level"));

	assert_int_equal(
	    svc_setting_set(&s, "org_address", "1 Example Street", &e), ERR_OK);
	assert_int_equal(
	    svc_setting_set(&s, "dpo_name", "Dee Pio", &e), ERR_OK);
	assert_int_equal(
	    svc_setting_set(&s, "dpo_email", "dpo@example.invalid", &e),
	    ERR_OK);
	assert_int_equal(
	    svc_assess(&s, ref, &res, &version, &recorded, &e), ERR_OK);
	json_decref(res);
	dr.topic = TOPIC_SUBJECTS;
	dr.outcome = false;
	dr.exception = 'c';
	dr.rationale = "No contact details (fictional).";
	assert_int_equal(svc_decide(&s, ref, &dr, &e), ERR_OK);
	fr.recipient = "authority";
	fr.phase = PHASE_INITIAL;
	fr.filed_at = T0 - 60;
	fr.case_ref = "SA-0815";
	fr.delay_reason = "Forensics (fictional).";
	assert_int_equal(svc_file(&s, ref, &fr, &late, &e), ERR_OK);
	assert_true(late);

	assert_int_equal(
	    svc_notify(&s, ref, &au, PHASE_FOLLOWUP, NULL, a, &nd, &e), ERR_OK);
	if (nd.missing_n > 0)
		fail_msg("missing %s", nd.missing[0].key);
	assert_string_equal(
	    field_value(&nd, "controller.name"), "Example Org (fictional)");
	assert_non_null(strstr(field_value(&nd, "notification.case_ref"),
	    "SA-0815 (initial notification of "));
	assert_string_equal(field_value(&nd, "notification.delay_reasons"),
	    "Forensics (fictional).");
	assert_non_null(strstr(
	    field_value(&nd, "risk.level"), "(risk assessment, version 1)"));
	assert_non_null(strstr(field_value(&nd, "communication.decision"),
	    "Art. 34(3)(c) GDPR; a public communication instead."));
	/* --delay-reason overrides the filing's text. */
	assert_int_equal(
	    svc_notify(&s, ref, &au, PHASE_INITIAL, "Other.", a, &nd, &e),
	    ERR_OK);
	assert_string_equal(
	    field_value(&nd, "notification.delay_reasons"), "Other.");
	assert_int_equal(
	    svc_notify(&s, ref, &au, PHASE_INITIAL, "a\001b", a, &nd, &e),
	    ERR_INVAL);
	assert_int_equal(svc_notify(&s, "TS-2024-0099", &au, PHASE_INITIAL,
	                     NULL, a, &nd, &e),
	    ERR_NOTFOUND);
	svc_end(&s);
	store_close(st);
	arena_free(a);
}

const struct CMUnitTest notify_tests[] = {
	cmocka_unit_test(test_builtin_authorities),
	cmocka_unit_test(test_authority_bad),
	cmocka_unit_test(test_notify_layout),
	cmocka_unit_test(test_notify_missing),
	cmocka_unit_test(test_notify_json),
	cmocka_unit_test(test_svc_notify),
	cmocka_unit_test(test_render_text_md_html),
	cmocka_unit_test(test_render_pdf),
};
const size_t notify_tests_n = nitems(notify_tests);
