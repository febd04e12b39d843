/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_tmpl.c: table-driven tests of the template engine
 * (doc/tmpl.h): escaping per output type, sections, inverted sections,
 * loops, partials and their depth limit, raw output only when trusted,
 * parse errors that name the line, the limits, and lint on save.
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/buf.h"
#include "base/clock.h"
#include "doc/tmpl.h"

#define H "{{! type: html }}\n"
#define T "{{! type: text }}\n"
#define M "{{! type: mailhdr }}\n"

static const char view_json[] =
    "{\"name\":\"Erika <b>&</b> \\\"Mu'ster\\\"\","
    "\"plain\":\"Gr\\u00fc\\u00dfe\","
    "\"ctl\":\"a\\u0001b\\u0007c\\td\\ne\\rf\","
    "\"crlf\":\"Evil\\r\\nBcc: x@example.invalid\","
    "\"lf\":\"two\\nlines\","
    "\"n\":42, \"neg\":-7, \"pi\":3.5, \"yes\":true, \"no\":false,"
    "\"nil\":null, \"empty\":\"\", \"none\":[],"
    "\"org\":{\"name\":\"Beispiel GmbH\",\"dpo\":{\"email\":"
    "\"dpo@example.invalid\"}},"
    "\"items\":[{\"t\":\"one\"},{\"t\":\"two\"},{\"t\":\"three\"}],"
    "\"words\":[\"x\",\"y\"],"
    "\"frag\":\"<em>ok</em>\"}";

struct render_case {
	const char *src;
	bool trusted;
	enum err rc;
	const char *want;
};

static const struct render_case render_cases[] = {
	/* escaping per output type */
	{ H "{{name}}", false, ERR_OK,
	    "Erika &lt;b&gt;&amp;&lt;/b&gt; &quot;Mu&#39;ster&quot;" },
	{ T "{{name}}", false, ERR_OK, "Erika <b>&</b> \"Mu'ster\"" },
	{ M "{{name}}", false, ERR_OK, "Erika <b>&</b> \"Mu'ster\"" },
	{ H "{{plain}}", false, ERR_OK,
	    "Gr\xc3\xbc\xc3\x9f"
	    "e" },
	{ T "{{ctl}}", false, ERR_OK, "abc\td\nef" },
	{ H "{{ctl}}", false, ERR_OK, "abc\td\nef" },
	{ M "{{crlf}}", false, ERR_INVAL, NULL },
	{ M "{{lf}}", false, ERR_INVAL, NULL },
	{ M "Subject: {{plain}}", false, ERR_OK,
	    "Subject: Gr\xc3\xbc\xc3\x9f"
	    "e" },
	{ T "{{crlf}}", false, ERR_OK, "Evil\nBcc: x@example.invalid" },
	/* literal text is never escaped */
	{ H "<p>a & b</p>", false, ERR_OK, "<p>a & b</p>" },
	/* scalars */
	{ T "{{n}} {{neg}} {{pi}}", false, ERR_OK, "42 -7 3.5" },
	{ T "[{{yes}}{{no}}{{nil}}{{org}}{{items}}{{missing}}]", false, ERR_OK,
	    "[]" },
	/* dotted names and the context stack */
	{ T "{{org.name}} {{org.dpo.email}}", false, ERR_OK,
	    "Beispiel GmbH dpo@example.invalid" },
	{ T "{{org.nope}}{{org.name.x}}", false, ERR_OK, "" },
	{ T "{{#org}}{{name}}/{{n}}{{#dpo}}/{{email}}/{{name}}{{/dpo}}"
	    "{{/org}}",
	    false, ERR_OK,
	    "Beispiel GmbH/42/dpo@example.invalid/Beispiel GmbH" },
	/* loops, once-sections, inverted */
	{ T "{{#items}}{{t}},{{/items}}", false, ERR_OK, "one,two,three," },
	{ T "{{#words}}<{{.}}>{{/words}}", false, ERR_OK, "<x><y>" },
	{ T "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#nil}}0{{/nil}}", false, ERR_OK,
	    "Y" },
	{ T "{{^no}}a{{/no}}{{^none}}b{{/none}}{{^empty}}c{{/empty}}"
	    "{{^missing}}d{{/missing}}{{^yes}}e{{/yes}}{{^items}}f"
	    "{{/items}}",
	    false, ERR_OK, "abcd" },
	{ T "{{#none}}x{{/none}}{{#empty}}y{{/empty}}", false, ERR_OK, "" },
	{ T "{{#plain}}[{{.}}]{{/plain}}", false, ERR_OK,
	    "[Gr\xc3\xbc\xc3\x9f"
	    "e]" },
	{ T "{{#items}}{{#words}}{{t}}{{.}} {{/words}}{{/items}}", false,
	    ERR_OK, "onex oney twox twoy threex threey " },
	/* comments and standalone lines */
	{ T "a{{! note }}b", false, ERR_OK, "ab" },
	{ T "a\n{{#items}}\n- {{t}}\n{{/items}}\nb\n", false, ERR_OK,
	    "a\n- one\n- two\n- three\nb\n" },
	{ T "  {{! standalone comment }}  \nx", false, ERR_OK, "x" },
	{ T "a {{#yes}}b{{/yes}} c\n", false, ERR_OK, "a b c\n" },
	{ T "{{^no}}\r\nwin\r\n{{/no}}\r\n", false, ERR_OK, "win\r\n" },
	/* raw output: trusted templates only, never CR/LF in headers */
	{ H "{{{frag}}}", true, ERR_OK, "<em>ok</em>" },
	{ H "{{& frag}}", true, ERR_OK, "<em>ok</em>" },
	{ M "{{{crlf}}}", true, ERR_INVAL, NULL },
	/* partials */
	{ T "[{{> sig}}]", false, ERR_OK, "[Beispiel GmbH]" },
	{ T "{{#items}}{{> item}}{{/items}}", false, ERR_OK,
	    "(one)(two)(three)" },
	{ T "{{> nosuch}}", false, ERR_INVAL, NULL },
	{ T "{{> html}}", false, ERR_INVAL, NULL },
	{ T "{{> loop}}", false, ERR_LIMIT, NULL },
	{ T "{{> deep}}", false, ERR_OK, "12345678" },
	/* the empty body and a type line alone */
	{ T, false, ERR_OK, "" },
	{ "{{! type: text }}", false, ERR_OK, "" },
	{ "{{!type:html}}\r\n<b>{{n}}</b>", false, ERR_OK, "<b>42</b>" },
};

struct partial_set {
	struct tmpl *sig, *item, *html, *loop, *deep[8];
};

static const struct tmpl *
partial_fn(void *arg, const char *name)
{
	struct partial_set *ps = arg;

	if (strcmp(name, "sig") == 0)
		return ps->sig;
	if (strcmp(name, "item") == 0)
		return ps->item;
	if (strcmp(name, "html") == 0)
		return ps->html;
	if (strcmp(name, "loop") == 0)
		return ps->loop;
	if (strncmp(name, "d", 1) == 0 && name[1] >= '1' && name[1] <= '8')
		return ps->deep[name[1] - '1'];
	if (strcmp(name, "deep") == 0)
		return ps->deep[0];
	return NULL;
}

static struct tmpl *
must_parse(const char *src, bool trusted)
{
	struct tmpl *t = NULL;
	char why[256];
	enum err rc;

	rc = tmpl_parse(src, strlen(src), trusted, &t, why, sizeof(why));
	if (rc != ERR_OK)
		fail_msg("parse \"%s\": %s", src, why);
	return t;
}

static void
partials_init(struct partial_set *ps)
{
	char src[64];

	ps->sig = must_parse(T "{{org.name}}", false);
	ps->item = must_parse(T "({{t}})", false);
	ps->html = must_parse(H "x", false);
	ps->loop = must_parse(T "{{> loop}}", false);
	/* deep = d1 -> d2 -> ... -> d8: exactly TMPL_PARTIAL_MAX levels */
	for (int i = 0; i < 8; i++) {
		if (i < 7)
			snprintf(
			    src, sizeof(src), T "%d{{> d%d}}", i + 1, i + 2);
		else
			snprintf(src, sizeof(src), T "%d", i + 1);
		ps->deep[i] = must_parse(src, false);
	}
}

static void
partials_free(struct partial_set *ps)
{
	tmpl_free(ps->sig);
	tmpl_free(ps->item);
	tmpl_free(ps->html);
	tmpl_free(ps->loop);
	for (int i = 0; i < 8; i++)
		tmpl_free(ps->deep[i]);
}

static void
test_render_table(void **state)
{
	struct partial_set ps;
	json_t *view;
	struct buf b;

	(void)state;
	view = json_loads(view_json, 0, NULL);
	assert_non_null(view);
	partials_init(&ps);
	buf_init(&b, 1 << 16);
	for (size_t i = 0; i < nitems(render_cases); i++) {
		const struct render_case *c = &render_cases[i];
		struct tmpl *t = must_parse(c->src, c->trusted);
		enum err rc;

		buf_reset(&b);
		buf_puts(&b, "keep");
		rc = tmpl_render(t, view, partial_fn, &ps, &b);
		if (rc != c->rc)
			fail_msg("case %zu \"%s\": rc %s, want %s", i, c->src,
			    err_str(rc), err_str(c->rc));
		if (c->want != NULL && strcmp(buf_cstr(&b) + 4, c->want) != 0)
			fail_msg("case %zu \"%s\": got \"%s\", want \"%s\"", i,
			    c->src, buf_cstr(&b) + 4, c->want);
		/* an error leaves the buffer as it was */
		if (rc != ERR_OK)
			assert_string_equal(buf_cstr(&b), "keep");
		tmpl_free(t);
	}
	buf_release(&b);
	partials_free(&ps);
	json_decref(view);
}

struct parse_case {
	const char *src;
	bool trusted;
	enum err rc;
	const char *why; /* substring of the message */
};

static const struct parse_case parse_cases[] = {
	{ "", false, ERR_INVAL, "line 1: the first line must declare" },
	{ "hello {{x}}", false, ERR_INVAL, "line 1:" },
	{ "{{! type: pdf }}\n", false, ERR_INVAL, "line 1:" },
	{ "{{! type: html }} x\n", false, ERR_INVAL, "line 1:" },
	{ H "a\n{{#s}}\nb\n", false, ERR_INVAL,
	    "line 3: unclosed section {{#s}}" },
	{ H "a\nb {{/s}}", false, ERR_INVAL,
	    "line 3: {{/s}} closes no open section" },
	{ H "{{#a}}\n{{^b}}\n{{/a}}\n{{/b}}", false, ERR_INVAL,
	    "line 4: {{/a}} does not close {{^b}} (opened on line 3)" },
	{ H "\n\n{{name", false, ERR_INVAL, "line 4: unclosed tag" },
	{ H "{{{frag}}", true, ERR_INVAL, "line 2: unclosed tag" },
	{ H "x\n{{{frag}}}", false, ERR_INVAL,
	    "line 3: unescaped output {{{frag}}} is not allowed" },
	{ H "{{&frag}}", false, ERR_INVAL, "line 2: unescaped output" },
	{ H "{{}}", false, ERR_INVAL, "line 2: empty tag name" },
	{ H "{{a b}}", false, ERR_INVAL, "line 2: bad tag name \"a b\"" },
	{ H "{{a..b}}", false, ERR_INVAL, "(empty part)" },
	{ H "{{.a}}", false, ERR_INVAL, "(empty part)" },
	{ H "{{<script>}}", false, ERR_INVAL, "bad tag name" },
	{ H "{{=<% %>=}}", false, ERR_INVAL, "delimiters" },
	{ H "{{> a.b}}", false, ERR_INVAL, "bad partial name" },
	{ H "{{> }}", false, ERR_INVAL, "empty tag name" },
	{ H "\xff", false, ERR_INVAL, "not valid UTF-8" },
	{ H "{{ a.b-c_d.E9 }}{{.}}{{#x}}{{/x}}", false, ERR_OK, NULL },
};

static void
test_parse_errors(void **state)
{
	char why[256];
	struct tmpl *t;

	(void)state;
	for (size_t i = 0; i < nitems(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];
		enum err rc;

		t = (struct tmpl *)1;
		rc = tmpl_parse(
		    c->src, strlen(c->src), c->trusted, &t, why, sizeof(why));
		if (rc != c->rc)
			fail_msg("case %zu \"%s\": rc %s, want %s (%s)", i,
			    c->src, err_str(rc), err_str(c->rc), why);
		if (c->why != NULL && strstr(why, c->why) == NULL)
			fail_msg("case %zu \"%s\": \"%s\" lacks \"%s\"", i,
			    c->src, why, c->why);
		if (rc == ERR_OK)
			assert_non_null(t);
		else
			assert_null(t);
		tmpl_free(t);
	}
}

static void
test_limits(void **state)
{
	char why[256], *src;
	struct tmpl *t = NULL;
	size_t n;
	struct buf b;
	json_t *view;

	(void)state;
	/* source size */
	n = TMPL_SRC_MAX + 1;
	src = test_malloc(n);
	memset(src, 'a', n);
	memcpy(src, T, strlen(T));
	assert_int_equal(
	    tmpl_parse(src, n, false, &t, why, sizeof(why)), ERR_LIMIT);
	assert_null(t);
	assert_int_equal(
	    tmpl_parse(src, n - 1, false, &t, why, sizeof(why)), ERR_OK);
	tmpl_free(t);
	test_free(src);

	/* nesting: TMPL_DEPTH_MAX is fine, one more is refused */
	for (int depth = TMPL_DEPTH_MAX; depth <= TMPL_DEPTH_MAX + 1; depth++) {
		struct buf s;

		buf_init(&s, 1 << 16);
		buf_puts(&s, T);
		for (int i = 0; i < depth; i++)
			buf_puts(&s, "{{#a}}");
		buf_puts(&s, "{{x}}");
		for (int i = 0; i < depth; i++)
			buf_puts(&s, "{{/a}}");
		t = NULL;
		assert_int_equal(
		    tmpl_parse(s.p, s.len, false, &t, why, sizeof(why)),
		    depth <= TMPL_DEPTH_MAX ? ERR_OK : ERR_INVAL);
		if (depth > TMPL_DEPTH_MAX)
			assert_non_null(strstr(why, "nested deeper than 32"));
		if (t != NULL) {
			/* renders against a recursive-looking view */
			view = json_loads("{\"a\":{\"x\":\"deep\"}}", 0, NULL);
			buf_init(&b, 64);
			assert_int_equal(
			    tmpl_render(t, view, NULL, NULL, &b), ERR_OK);
			assert_string_equal(buf_cstr(&b), "deep");
			buf_release(&b);
			json_decref(view);
		}
		tmpl_free(t);
		buf_release(&s);
	}

	/* work: nested loops with no output end at the step budget */
	{
		struct buf s;

		buf_init(&s, 1 << 16);
		buf_puts(&s, T);
		for (int i = 0; i < 12; i++)
			buf_puts(&s, "{{#l}}");
		for (int i = 0; i < 12; i++)
			buf_puts(&s, "{{/l}}");
		t = NULL;
		assert_int_equal(
		    tmpl_parse(s.p, s.len, false, &t, why, sizeof(why)),
		    ERR_OK);
		view = json_loads("{\"l\":[1,2,3,4,5,6,7,8]}", 0, NULL);
		buf_init(&b, 64);
		assert_int_equal(
		    tmpl_render(t, view, NULL, NULL, &b), ERR_LIMIT);
		buf_release(&b);
		json_decref(view);
		tmpl_free(t);
		buf_release(&s);
	}

	/* output cap: ERR_LIMIT past it, the buffer left as it was */
	t = NULL;
	assert_int_equal(tmpl_parse(T "{{#l}}0123456789{{/l}}",
	                     strlen(T "{{#l}}0123456789{{/l}}"), false, &t, why,
	                     sizeof(why)),
	    ERR_OK);
	view = json_loads("{\"l\":[1,2,3,4,5]}", 0, NULL);
	buf_init(&b, 49);
	assert_int_equal(tmpl_render(t, view, NULL, NULL, &b), ERR_LIMIT);
	assert_int_equal(b.len, 0);
	buf_release(&b);
	buf_init(&b, 50);
	assert_int_equal(tmpl_render(t, view, NULL, NULL, &b), ERR_OK);
	assert_int_equal(b.len, 50);
	buf_release(&b);
	json_decref(view);
	tmpl_free(t);
}

struct check_case {
	const char *src;
	enum err rc;
	const char *why;
};

static const struct check_case check_cases[] = {
	{ T "{{org_name}} {{dpo.email}} {{#advice}}{{text}}{{/advice}}", ERR_OK,
	    NULL },
	{ T "{{#dpo}}{{email}} {{org_name}}{{/dpo}}{{^advice}}-{{/advice}}",
	    ERR_OK, NULL },
	{ T "{{#advice}}{{.}}{{/advice}}{{> any_partial}}", ERR_OK, NULL },
	{ T "Dear {{firstname}},\n\n{{dpo.fax}}\n{{firstname}}", ERR_INVAL,
	    "unknown variables {{firstname}} (line 2), {{dpo.fax}} (line 4);"
	    " allowed: org_name, dpo.{email, phone}, advice[].{text}, count" },
	{ T "{{#advice}}{{email}}{{/advice}}", ERR_INVAL,
	    "unknown variable {{email}} (line 2)" },
	{ T "{{#nosection}}{{org_name}}{{/nosection}}", ERR_INVAL,
	    "unknown variable {{nosection}}" },
	{ T "{{^nope}}x{{/nope}}", ERR_INVAL, "{{nope}}" },
};

static void
test_check_vars(void **state)
{
	json_t *schema;
	char why[512];

	(void)state;
	schema = json_loads("{\"org_name\":\"x\",\"dpo\":{\"email\":\"x\","
	                    "\"phone\":\"x\"},\"advice\":[{\"text\":\"x\"}],"
	                    "\"count\":1}",
	    JSON_PRESERVE_ORDER, NULL);
	assert_non_null(schema);
	for (size_t i = 0; i < nitems(check_cases); i++) {
		struct tmpl *t = must_parse(check_cases[i].src, false);
		enum err rc = tmpl_check_vars(t, schema, why, sizeof(why));

		if (rc != check_cases[i].rc)
			fail_msg("case %zu: rc %s (%s)", i, err_str(rc), why);
		if (check_cases[i].why != NULL &&
		    strstr(why, check_cases[i].why) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, why,
			    check_cases[i].why);
		tmpl_free(t);
	}
	/* a tiny message buffer is cut, never overrun */
	{
		struct tmpl *t = must_parse(T "{{a}}{{b}}{{c}}", false);
		char small[16];

		assert_int_equal(
		    tmpl_check_vars(t, schema, small, sizeof(small)),
		    ERR_INVAL);
		assert_true(strlen(small) < sizeof(small));
		tmpl_free(t);
	}
	json_decref(schema);
}

/*
 * Speed: a German letter of about 1.5 KB with 20 variables and a list.
 * Prints ns per render; fails only if rendering allocates per render
 * (the buffer must not move once grown) or is grossly slow.
 */
static const char letter_src[] =
    T "Betreff: Information über eine Verletzung des Schutzes Ihrer "
      "personenbezogenen Daten ({{ref}})\n\n"
      "Sehr geehrte{{#salutation}} {{.}}{{/salutation}} {{name}},\n\n"
      "wir müssen Ihnen leider mitteilen, dass es bei {{org.name}} zu "
      "einer Verletzung des Schutzes personenbezogener Daten gekommen ist. "
      "Am {{aware_date}} haben wir festgestellt, dass {{nature}}. Davon "
      "betroffen sind auch Daten, die wir über Sie gespeichert haben.\n\n"
      "Welche Daten sind betroffen?\n"
      "{{#categories}}\n  - {{label}}\n{{/categories}}\n\n"
      "Was bedeutet das für Sie?\n{{consequences}}\n\n"
      "Was haben wir unternommen?\n{{measures}}\n\n"
      "Was können Sie tun?\n"
      "{{#advice}}\n  - {{text}}\n{{/advice}}\n\n"
      "Bitte beachten Sie: Wir werden Sie niemals per E-Mail oder Telefon "
      "nach Ihrem Passwort fragen. Wir erreichen Sie ausschließlich über "
      "{{org.channels}}. Nachrichten, die angeblich von uns stammen und auf "
      "anderem Weg kommen, sollten Sie nicht beantworten.\n\n"
      "Wenn Sie Fragen haben, wenden Sie sich bitte an unsere "
      "Datenschutzbeauftragte {{dpo.name}}: E-Mail {{dpo.email}}, Telefon "
      "{{dpo.phone}}, Anschrift {{dpo.address}}. Sie haben außerdem das "
      "Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren.\n\n"
      "Wir bedauern diesen Vorfall sehr und entschuldigen uns für die "
      "Unannehmlichkeiten.\n\n"
      "Mit freundlichen Grüßen\n\n{{org.name}}\n{{org.address}}\n"
      "{{org.website}}\n\nIhre Kundennummer: {{id}}\n";

static const char letter_view[] =
    "{\"ref\":\"BK-2024-0001\",\"salutation\":\"Frau\",\"name\":\"Erika "
    "Musterfrau\",\"id\":\"K-000123\",\"aware_date\":\"1. Mai 2024\","
    "\"nature\":\"Unbefugte über eine Sicherheitslücke auf unseren "
    "Kundendatenbestand zugreifen konnten\",\"consequences\":\"Es besteht "
    "das Risiko, dass Ihre Daten für betrügerische E-Mails genutzt werden."
    "\",\"measures\":\"Wir haben die Lücke geschlossen und alle Passwörter "
    "zurückgesetzt.\",\"org\":{\"name\":\"Beispiel Versand GmbH\","
    "\"address\":\"Musterstraße 1, 12345 Musterstadt\",\"website\":"
    "\"https://www.example.invalid\",\"channels\":\"service@example.invalid"
    " und Ihr Kundenkonto\"},\"dpo\":{\"name\":\"Dr. Maria Beispiel\","
    "\"email\":\"datenschutz@example.invalid\",\"phone\":\"+49 30 "
    "0000000\",\"address\":\"Musterstraße 1, 12345 Musterstadt\"},"
    "\"categories\":[{\"label\":\"Kontaktdaten (Name, Anschrift, E-Mail)\"},"
    "{\"label\":\"Zugangsdaten (Benutzernamen, Passwörter)\"}],"
    "\"advice\":[{\"text\":\"Ändern Sie Ihr Passwort und aktivieren Sie die"
    " Zwei-Faktor-Anmeldung.\"},{\"text\":\"Seien Sie misstrauisch bei "
    "E-Mails, die nach Ihren Zugangsdaten fragen.\"}]}";

static void
test_speed(void **state)
{
	struct tmpl *t = must_parse(letter_src, false);
	json_t *view = json_loads(letter_view, 0, NULL);
	struct timespec t0, t1;
	struct buf b;
	const char *p;
	enum { N = 200000 };
	double ns;

	(void)state;
	assert_non_null(view);
	buf_init(&b, 1 << 20);
	assert_int_equal(tmpl_render(t, view, NULL, NULL, &b), ERR_OK);
	assert_true(b.len > 1400 && b.len < 2000);
	assert_non_null(strstr(buf_cstr(&b), "Sehr geehrte Frau Erika"));
	assert_non_null(strstr(buf_cstr(&b), "\n  - Zugangsdaten"));
	p = b.p;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < N; i++) {
		buf_reset(&b);
		if (tmpl_render(t, view, NULL, NULL, &b) != ERR_OK)
			fail_msg("render %d failed", i);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ns = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 +
	         (double)(t1.tv_nsec - t0.tv_nsec)) /
	     N;
	print_message("tmpl: %zu-byte letter, %.0f ns per render\n", b.len, ns);
	assert_ptr_equal(p, b.p); /* no reallocation per render */
	assert_true(ns < 100000);
	buf_release(&b);
	json_decref(view);
	tmpl_free(t);
}

const struct CMUnitTest tmpl_tests[] = {
	cmocka_unit_test(test_render_table),
	cmocka_unit_test(test_parse_errors),
	cmocka_unit_test(test_limits),
	cmocka_unit_test(test_check_vars),
	cmocka_unit_test(test_speed),
};
const size_t tmpl_tests_n = nitems(tmpl_tests);
