/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_http.c: the route table's rules (every route declares a
 * permission, every state change carries R_CSRF, public routes are a
 * short known list), the role table of docs/web.md, the request parsers
 * (http/parse.c) and the JSON body validators (http/valid.c).
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "http/http_int.h"
#include "http/valid.h"

/* Every route names a permission in range, a method, a handler, a
 * summary, and a pattern of ours. */
static void
test_routes_declare_permission(void **state)
{
	(void)state;
	assert_true(routes_n > 0);
	for (size_t i = 0; i < routes_n; i++) {
		const struct route *r = &routes[i];

		if (!((unsigned)r->perm < PERM__MAX) || r->method == 0 ||
		    r->fn == NULL || r->summary == NULL || r->pattern[0] != '/')
			fail_msg("route %zu (%s) lacks a permission, method, "
			         "handler or summary",
			    i, r->pattern);
		if ((r->method & ~(unsigned)(M_GET | M_POST | M_PUT | M_PATCH |
		                             M_DELETE)) != 0)
			fail_msg("route %s: unknown method bits", r->pattern);
	}
}

/* Every non-GET route is a state change and needs the CSRF token. */
static void
test_routes_csrf_on_state_changes(void **state)
{
	(void)state;
	for (size_t i = 0; i < routes_n; i++) {
		const struct route *r = &routes[i];

		if ((r->method & ~(unsigned)M_GET) != 0 && !(r->flags & R_CSRF))
			fail_msg("route %s changes state without R_CSRF",
			    r->pattern);
		if (r->method == M_GET && (r->flags & (R_JSON | R_FORM)))
			fail_msg("GET %s reads a body", r->pattern);
		if ((r->flags & R_JSON) && (r->flags & R_FORM))
			fail_msg("route %s: both JSON and form", r->pattern);
		if ((r->flags & R_FORM) && !(r->flags & R_HTML))
			fail_msg(
			    "route %s: a form that is not a page", r->pattern);
	}
}

/*
 * The routes open to anyone are few and known: logging in, the API
 * description, the assets, the language switch and (only when enabled)
 * the public intake.  A new public route must be added here on purpose.
 */
static void
test_routes_public_are_known(void **state)
{
	static const char *const allowed[] = { "/api/v1/session",
		"/api/v1/openapi.json", "/static/{file}", "/login", "/lang" };

	(void)state;
	for (size_t i = 0; i < routes_n; i++) {
		const struct route *r = &routes[i];
		bool ok = false;

		if (r->perm != PERM_PUBLIC || (r->flags & R_INTAKE))
			continue;
		for (size_t k = 0; k < nitems(allowed); k++)
			ok = ok || strcmp(r->pattern, allowed[k]) == 0;
		if (!ok)
			fail_msg("route %s is public but not in the known list",
			    r->pattern);
		if (strcmp(r->pattern, "/api/v1/session") == 0 &&
		    r->method != M_POST)
			fail_msg("only POST /api/v1/session is public");
	}
}

/* No two routes share a method and a pattern; the first would win. */
static void
test_routes_unique(void **state)
{
	(void)state;
	for (size_t i = 0; i < routes_n; i++) {
		for (size_t k = i + 1; k < routes_n; k++) {
			if ((routes[i].method & routes[k].method) &&
			    strcmp(routes[i].pattern, routes[k].pattern) == 0)
				fail_msg(
				    "duplicate route %s", routes[i].pattern);
		}
	}
}

/* The role table of docs/web.md, written out here as the specification. */
static void
test_role_table(void **state)
{
	static const char *const want[PERM__MAX] = {
		/* admin dpo editor viewer reporter */
		[PERM_PUBLIC] = "11111",
		[PERM_LOGIN] = "11111",
		[PERM_INCIDENT_READ] = "11111",
		[PERM_INCIDENT_NEW] = "11101",
		[PERM_INCIDENT_EDIT] = "11100",
		[PERM_DECIDE] = "11000",
		[PERM_EXPORT] = "11000",
		[PERM_SETTINGS] = "11000",
		[PERM_USERS] = "10000",
	};

	(void)state;
	for (int p = 0; p < PERM__MAX; p++) {
		for (int r = 0; r < UROLE__MAX; r++) {
			bool has = perm_has((enum urole)r, (enum perm)p);

			if (has != (want[p][r] == '1'))
				fail_msg("role %s %s permission %s",
				    urole_names[r], has ? "has" : "lacks",
				    perm_names[p]);
		}
	}
	assert_false(perm_has(UROLE__MAX, PERM_LOGIN));
}

static void
test_parse_urlencoded(void **state)
{
	static const struct {
		const char *in;
		bool ok;
		const char *k, *v; /* one expected pair */
	} cases[] = {
		{ "a=1&b=x%20y", true, "b", "x y" },
		{ "q=a+b", true, "q", "a b" },
		{ "q=%C3%A4", true, "q", "\xc3\xa4" },
		{ "flag", true, "flag", "" },
		{ "", true, NULL, NULL },
		{ "q=%zz", false, NULL, NULL },
		{ "q=%", false, NULL, NULL },
		{ "q=%00", false, NULL, NULL },
		{ "q=%01", false, NULL, NULL },
		{ "q=%C3", false, NULL, NULL },
		{ "q=%FF%FE", false, NULL, NULL },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		struct arena *a = arena_new();
		struct kvlist kv = { 0 };
		const char *why = NULL;
		bool ok = parse_urlencoded(
		    cases[i].in, strlen(cases[i].in), a, &kv, &why);

		if (ok != cases[i].ok)
			fail_msg(
			    "parse_urlencoded(\"%s\") = %d", cases[i].in, ok);
		if (!ok)
			assert_non_null(why);
		if (ok && cases[i].k != NULL)
			assert_string_equal(
			    kv_get(&kv, cases[i].k), cases[i].v);
		arena_free(a);
	}
}

static void
test_parse_limits(void **state)
{
	struct arena *a = arena_new();
	struct kvlist kv = { 0 };
	const char *why = NULL;
	char *many = arena_alloc(a, (KV_MAX + 1) * 4 + 1);
	size_t n = 0;

	(void)state;
	for (int i = 0; i <= KV_MAX; i++) {
		memcpy(many + n, "a=1&", 4);
		n += 4;
	}
	many[n] = '\0';
	assert_false(parse_urlencoded(many, n, a, &kv, &why));
	assert_non_null(why);
	arena_free(a);
}

static void
test_parse_cookies_lang_path(void **state)
{
	struct arena *a = arena_new();
	struct kvlist kv = { 0 };

	(void)state;
	parse_cookies("a=1; breachkit_session=abc; junk; b=", a, &kv);
	assert_string_equal(kv_get(&kv, "breachkit_session"), "abc");
	assert_string_equal(kv_get(&kv, "a"), "1");
	assert_null(kv_get(&kv, "junk"));
	parse_cookies(NULL, a, &kv);

	assert_string_equal(parse_accept_language("en-GB,en;q=0.9"), "en");
	assert_string_equal(parse_accept_language("de-DE"), "de");
	assert_string_equal(parse_accept_language(NULL), "de");
	assert_string_equal(parse_accept_language("fr"), "de");

	assert_string_equal(
	    parse_path("/incidents/BK%2D1", a), "/incidents/BK-1");
	assert_null(parse_path("/static/..", a));
	assert_null(parse_path("/static/../etc", a));
	assert_null(parse_path("/a%00b", a));
	assert_null(parse_path("/a%zz", a));
	arena_free(a);
}

/* Parse `text` and run `fn`; the first field error's name, or NULL. */
typedef enum err (*check_fn)(const json_t *, struct field_errors *);

static const char *
first_field(check_fn fn, const char *text, struct arena *a)
{
	struct field_errors fe = { 0 };
	json_t *j =
	    json_loads(text, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, NULL);
	enum err rc;
	const char *f = NULL;

	assert_non_null(j);
	rc = fn(j, &fe);
	if (rc != ERR_OK) {
		assert_true(fe.n > 0);
		f = arena_strdup(a, fe.v[0].field);
	} else {
		assert_int_equal(fe.n, 0);
	}
	json_decref(j);
	return f;
}

static enum err
c_decide(const json_t *j, struct field_errors *fe)
{
	struct decide_req d;

	return valid_decide(j, &d, fe);
}

static enum err
c_filing(const json_t *j, struct field_errors *fe)
{
	struct file_req f;

	/* now = 2024-05-01T10:00:00Z */
	return valid_filing(j, 1714557600, &f, fe);
}

static enum err
c_obligation(const json_t *j, struct field_errors *fe)
{
	struct obligation_req o;

	return valid_obligation(j, &o, fe);
}

static enum err
c_login(const json_t *j, struct field_errors *fe)
{
	struct login_in l;

	return valid_login(j, &l, fe);
}

static enum err
c_settings(const json_t *j, struct field_errors *fe)
{
	struct settings_in s;

	return valid_settings(j, &s, fe);
}

static enum err
c_user(const json_t *j, struct field_errors *fe)
{
	struct user_in u;

	return valid_user(j, &u, fe);
}

static enum err
c_user_change(const json_t *j, struct field_errors *fe)
{
	struct account_change c;

	return valid_user_change(j, &c, fe);
}

static enum err
c_token(const json_t *j, struct field_errors *fe)
{
	struct token_in t;

	return valid_token(j, &t, fe);
}

static enum err
c_note(const json_t *j, struct field_errors *fe)
{
	const char *t;

	return valid_note(j, &t, fe);
}

static enum err
c_template(const json_t *j, struct field_errors *fe)
{
	const char *t;

	return valid_template(j, &t, fe);
}

static void
test_validators(void **state)
{
	static const struct {
		check_fn fn;
		const char *body;
		const char *field; /* NULL: valid */
	} cases[] = {
		{ c_decide,
		    "{\"topic\":\"authority\",\"outcome\":true,"
		    "\"rationale\":\"r\"}",
		    NULL },
		{ c_decide,
		    "{\"topic\":\"nosuch\",\"outcome\":true,"
		    "\"rationale\":\"r\"}",
		    "topic" },
		{ c_decide,
		    "{\"topic\":\"authority\",\"outcome\":\"yes\","
		    "\"rationale\":\"r\"}",
		    "outcome" },
		{ c_decide, "{\"topic\":\"authority\",\"outcome\":false}",
		    "rationale" },
		{ c_decide,
		    "{\"topic\":\"subjects\",\"outcome\":false,"
		    "\"rationale\":\"r\",\"exception\":\"d\"}",
		    "exception" },
		{ c_decide, "[]", "(body)" },
		{ c_filing,
		    "{\"recipient\":\"authority\",\"phase\":"
		    "\"initial\"}",
		    NULL },
		{ c_filing,
		    "{\"obligation\":3,\"phase\":\"final\","
		    "\"filed_at\":\"2024-05-01T09:00:00Z\"}",
		    NULL },
		{ c_filing, "{\"phase\":\"initial\"}", "recipient" },
		{ c_filing,
		    "{\"recipient\":\"authority\",\"obligation\":1,"
		    "\"phase\":\"initial\"}",
		    "obligation" },
		{ c_filing, "{\"obligation\":0,\"phase\":\"initial\"}",
		    "obligation" },
		{ c_filing,
		    "{\"recipient\":\"authority\",\"phase\":"
		    "\"initial\",\"filed_at\":\"2030-01-01T00:00:00Z\"}",
		    "filed_at" },
		{ c_filing,
		    "{\"recipient\":\"authority\",\"phase\":"
		    "\"initial\",\"filed_at\":\"2024-05-01 09:00\"}",
		    "filed_at" },
		{ c_obligation,
		    "{\"recipient\":\"customer\",\"label\":\"24h\","
		    "\"due_at\":\"2024-05-02T08:00:00Z\"}",
		    NULL },
		{ c_obligation,
		    "{\"recipient\":\"customer\",\"label\":\"24h\"}",
		    "due_at" },
		{ c_obligation,
		    "{\"recipient\":5,\"label\":\"x\","
		    "\"due_at\":\"2024-05-02T08:00:00Z\"}",
		    "recipient" },
		{ c_login, "{\"name\":\"a\",\"password\":\"b\"}", NULL },
		{ c_login, "{\"name\":\"a\"}", "password" },
		{ c_login, "{\"name\":\"a\",\"password\":\"b\",\"x\":1}", "x" },
		{ c_login, "{\"name\":\"a\\u0000b\",\"password\":\"b\"}",
		    "name" },
		{ c_settings, "{\"dpo_name\":\"D\",\"org_website\":null}",
		    NULL },
		{ c_settings, "{}", "(body)" },
		{ c_settings, "{\"dpo_name\":7}", "dpo_name" },
		{ c_user, "{\"name\":\"u1\",\"role\":\"viewer\"}", NULL },
		{ c_user, "{\"name\":\"u1\",\"role\":\"king\"}", "role" },
		{ c_user,
		    "{\"name\":\"u1\",\"role\":\"viewer\",\"lang\":"
		    "\"fr\"}",
		    "lang" },
		{ c_user_change, "{\"disabled\":true}", NULL },
		{ c_user_change, "{}", "(body)" },
		{ c_user_change, "{\"unlock\":false}", "unlock" },
		{ c_user_change, "{\"disabled\":\"no\"}", "disabled" },
		{ c_token, "{\"account\":\"u1\",\"label\":\"SIEM\"}", NULL },
		{ c_token, "{\"account\":\"u1\"}", "label" },
		{ c_note, "{\"text\":\"line one\\nline two\"}", NULL },
		{ c_note, "{\"text\":\"\"}", "text" },
		{ c_note, "{\"text\":\"bell\\u0007\"}", "text" },
		{ c_template, "{\"source\":\"{{! type: text }}\\n\"}", NULL },
		{ c_template, "{\"source\":null}", "source" },
	};
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		const char *got = first_field(cases[i].fn, cases[i].body, a);

		if ((got == NULL) != (cases[i].field == NULL) ||
		    (got != NULL && strcmp(got, cases[i].field) != 0))
			fail_msg("case %zu %s: first field error %s, want %s",
			    i, cases[i].body, got ? got : "(none)",
			    cases[i].field ? cases[i].field : "(none)");
	}
	arena_free(a);
}

/* What the validators hand on: typed values, defaults filled in. */
static void
test_validator_values(void **state)
{
	struct field_errors fe = { 0 };
	struct file_req f;
	struct decide_req d;
	struct account_change c;
	json_t *j;

	(void)state;
	j = json_loads(
	    "{\"recipient\":\"authority\",\"phase\":\"follow-up\"}", 0, NULL);
	assert_int_equal(valid_filing(j, 1714557600, &f, &fe), ERR_OK);
	assert_string_equal(f.recipient, "authority");
	assert_int_equal(f.filed_at, 1714557600);
	assert_string_equal(phase_names[f.phase], "follow-up");
	json_decref(j);
	j = json_loads("{\"topic\":\"subjects\",\"outcome\":false,"
	               "\"rationale\":\"r\",\"exception\":\"c\"}",
	    0, NULL);
	assert_int_equal(valid_decide(j, &d, &fe), ERR_OK);
	assert_false(d.outcome);
	assert_int_equal(d.exception, 'c');
	json_decref(j);
	j = json_loads("{\"unlock\":true}", 0, NULL);
	assert_int_equal(valid_user_change(j, &c, &fe), ERR_OK);
	assert_true(c.unlock);
	assert_int_equal(c.disable, -1);
	assert_null(c.role);
	json_decref(j);
}

const struct CMUnitTest http_tests[] = {
	cmocka_unit_test(test_routes_declare_permission),
	cmocka_unit_test(test_routes_csrf_on_state_changes),
	cmocka_unit_test(test_routes_public_are_known),
	cmocka_unit_test(test_routes_unique),
	cmocka_unit_test(test_role_table),
	cmocka_unit_test(test_parse_urlencoded),
	cmocka_unit_test(test_parse_limits),
	cmocka_unit_test(test_parse_cookies_lang_path),
	cmocka_unit_test(test_validators),
	cmocka_unit_test(test_validator_values),
};
const size_t http_tests_n = nitems(http_tests);
