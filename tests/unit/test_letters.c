/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_letters.c: the CSV reader (quoting, multi-line fields,
 * caps, recovery after a bad row), the mail encodings (quoted-printable,
 * encoded-words, addresses, mboxrd), the checks of a list row, the letter
 * (advice by category, header injection refused, the stable Message-ID,
 * the cache), and a batch through the svc layer (missing settings,
 * an mbox, the history event).
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/clock.h"
#include "doc/csv.h"
#include "doc/letter.h"
#include "doc/mail.h"
#include "doc/smtp.h"
#include "svc/svc.h"

/* ---- CSV ---------------------------------------------------------------- */

struct csv_case {
	const char *in;
	const char *want; /* records as f1|f2;... and "!row:why" */
};

static void
csv_run(const char *in, char *got, size_t len)
{
	FILE *fp = fmemopen((void *)in, strlen(in), "rb");
	struct csv *c = csv_new(fp);
	struct csv_row r;
	char why[256];
	enum err rc;
	size_t n = 0;

	got[0] = '\0';
	while ((rc = csv_next(c, &r, why, sizeof(why))) != ERR_NOTFOUND) {
		n = strlen(got);
		if (rc == ERR_INVAL) {
			snprintf(got + n, len - n, "!%lld:%s;",
			    (long long)r.row, why);
			continue;
		}
		assert_int_equal(rc, ERR_OK);
		for (size_t i = 0; i < r.n; i++) {
			n = strlen(got);
			snprintf(
			    got + n, len - n, "%s%s", i ? "|" : "", r.f[i]);
		}
		n = strlen(got);
		snprintf(got + n, len - n, ";");
	}
	csv_free(c);
	fclose(fp);
}

static void
t_csv_table(void **state)
{
	static const struct csv_case cases[] = {
		{ "a,b\n1,2\n", "a|b;1|2;" },
		{ "a,b\r\n1,2\r\n", "a|b;1|2;" },
		{ "a,b\n1,2", "a|b;1|2;" },
		{ "\xEF\xBB\xBF"
		  "a\n",
		    "a;" },
		{ "a\n\n\nb\n", "a;b;" },
		{ "\"x,y\",\"say \"\"hi\"\"\"\n", "x,y|say \"hi\";" },
		{ "\"two\nlines\",z\n", "two\nlines|z;" },
		{ ",,\n", "||;" },
		{ "a\"b,c\nok,1\n",
		    "!1:column 1: quote inside an unquoted "
		    "field (quote the whole field and double the quote);ok|1;" },
		{ "\"a\"b,c\nok,1\n", "!1:column 1: text after a closing "
		                      "quote;ok|1;" },
		{ "h\n\"never closed\nnext,1\nlast,2\n",
		    "h;!2:column 1: quoted field opened on line 2 is never "
		    "closed;next|1;last|2;" },
		{ "\xff\xfe,x\nok\n", "!1:column 1: not valid UTF-8;ok;" },
	};
	char got[1024];

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		csv_run(cases[i].in, got, sizeof(got));
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, got,
			    cases[i].want);
	}
}

static void
t_csv_caps(void **state)
{
	char *in = test_calloc(1, CSV_FIELD_MAX + 100);
	char got[512];

	(void)state;
	memset(in, 'x', CSV_FIELD_MAX + 10);
	memcpy(in + CSV_FIELD_MAX + 10, "\nok\n", 5);
	csv_run(in, got, sizeof(got));
	assert_string_equal(got, "!1:column 1: longer than 4096 bytes;ok;");
	test_free(in);
	in = test_calloc(1, CSV_FIELDS_MAX * 2 + 10);
	memset(in, ',', CSV_FIELDS_MAX + 1);
	memcpy(in + CSV_FIELDS_MAX + 1, "\nok\n", 5);
	csv_run(in, got, sizeof(got));
	assert_string_equal(got, "!1:more than 32 columns;ok;");
	test_free(in);
}

/* ---- mail encodings ------------------------------------------------------ */

static void
t_mail_qp(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "Grüße\n", "Gr=C3=BC=C3=9Fe\n" },
		{ "a=b\n", "a=3Db\n" },
		{ "trailing \n", "trailing=20\n" },
		{ "From here\n", "=46rom here\n" },
		{ ".\n", "=2E\n" },
		{ ">From x\n", "=3EFrom x\n" },
		{ "no newline", "no newline\n" },
		{ "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		  "xxxxxxxxxxxxxxxxxxxx\n",
		    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		    "xxxxxxxxxxxxx=\nxxxxxxxx\n" },
	};
	struct buf b;

	(void)state;
	buf_init(&b, 4096);
	for (size_t i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		assert_int_equal(
		    mail_qp(&b, cases[i].in, strlen(cases[i].in), false),
		    ERR_OK);
		if (strcmp(buf_cstr(&b), cases[i].want) != 0)
			fail_msg("case %zu: got \"%s\"", i, buf_cstr(&b));
	}
	buf_reset(&b);
	assert_int_equal(mail_qp(&b, "a\n", 2, true), ERR_OK);
	assert_string_equal(buf_cstr(&b), "a\r\n");
	buf_release(&b);
}

static void
t_mail_phrase(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 4096);
	assert_int_equal(mail_phrase(&b, "Jane Doe", 4, true), ERR_OK);
	assert_string_equal(buf_cstr(&b), "Jane Doe");
	buf_reset(&b);
	assert_int_equal(mail_phrase(&b, "Doe, \"J\"", 4, true), ERR_OK);
	assert_string_equal(buf_cstr(&b), "\"Doe, \\\"J\\\"\"");
	buf_reset(&b);
	assert_int_equal(mail_phrase(&b, "Jürgen", 4, true), ERR_OK);
	assert_string_equal(buf_cstr(&b), "=?UTF-8?B?SsO8cmdlbg==?=");
	buf_reset(&b);
	assert_int_equal(
	    mail_phrase(&b, "Evil\r\nBcc: x@example.invalid", 4, true),
	    ERR_INVAL);
	assert_int_equal(mail_phrase(&b, "Tab\there", 4, true), ERR_INVAL);
	/* Long names become several words, never split inside a character. */
	buf_reset(&b);
	assert_int_equal(mail_phrase(&b,
	                     "Ää Öö Üü ßß Ää Öö Üü ßß Ää Öö Üü ßß "
	                     "Ää Öö Üü ßß",
	                     4, true),
	    ERR_OK);
	assert_non_null(strstr(buf_cstr(&b), "?=\r\n =?UTF-8?B?"));
	buf_release(&b);
}

static void
t_mail_addr(void **state)
{
	static const char *const good[] = { "a@example.invalid",
		"first.last+tag@sub.example.invalid", "x@a-b.example" };
	static const char *const bad[] = { "", "no-at", "@example.invalid",
		"a@", "a@localhost", "a..b@example.invalid",
		".a@example.invalid", "a@-x.example", "a b@example.invalid",
		"a@example.invalid\r\n", "jürgen@example.invalid",
		"a@@example.invalid", "<a@example.invalid>",
		"a@example..invalid" };

	(void)state;
	for (size_t i = 0; i < nitems(good); i++)
		assert_true(mail_addr_valid(good[i], strlen(good[i])));
	for (size_t i = 0; i < nitems(bad); i++)
		if (mail_addr_valid(bad[i], strlen(bad[i])))
			fail_msg("accepted \"%s\"", bad[i]);
}

static void
t_mail_mbox(void **state)
{
	struct buf b;
	const char *msg = "Subject: x\n\nFrom me\n>From you\nok\n";

	(void)state;
	buf_init(&b, 4096);
	assert_int_equal(mail_mbox_append(&b, "a@example.invalid", 1714557600,
	                     msg, strlen(msg)),
	    ERR_OK);
	assert_string_equal(buf_cstr(&b),
	    "From a@example.invalid Wed May  1 "
	    "10:00:00 2024\nSubject: x\n\n>From me\n>>From you\nok\n\n");
	buf_release(&b);
}

/* ---- rows and letters ------------------------------------------------------ */

static enum err
row_check(const char *line, struct subject *s, char *why, size_t len)
{
	static char buf[4][512];
	static int k;
	char *in = buf[k++ % 4];
	FILE *fp;
	struct csv *c;
	struct csv_row r;
	struct subjects_cols cols;
	enum err rc;

	snprintf(in, sizeof(buf[0]), "id,name,email,language,categories\n%s\n",
	    line);
	fp = fmemopen(in, strlen(in), "rb");
	c = csv_new(fp);
	assert_int_equal(csv_next(c, &r, why, len), ERR_OK);
	assert_int_equal(subjects_header(&r, &cols, false, why, len), ERR_OK);
	rc = csv_next(c, &r, why, len);
	if (rc == ERR_OK)
		rc = subject_from_row(&cols, &r, s, why, len);
	/* The row's strings live in the reader: copy what the tests read. */
	if (rc == ERR_OK) {
		static char id[4][80], name[4][256], email[4][256];

		snprintf(id[k % 4], 80, "%s", s->id);
		snprintf(name[k % 4], 256, "%s", s->name);
		snprintf(email[k % 4], 256, "%s", s->email);
		s->id = id[k % 4];
		s->name = name[k % 4];
		s->email = email[k % 4];
	}
	csv_free(c);
	fclose(fp);
	return rc;
}

static void
t_rows(void **state)
{
	static const struct {
		const char *line, *why;
	} bad[] = {
		{ ",N,a@example.invalid,de,", "column id: empty" },
		{ "1,N,,de,", "column email: missing" },
		{ "1,N,nope,de,", "column email: not a valid" },
		{ "1,N,a@example.invalid,fr,", "column language: unknown" },
		{ "1,N,a@example.invalid,,", "column language: missing" },
		{ "1,N,a@example.invalid,de,bank;nope",
		    "column categories: unknown category \"bank\"" },
		{ "1,\"Evil\r\nBcc: b@example.invalid\",a@example.invalid,de,",
		    "column name: contains a line break" },
		{ "1,\"A\nB\",a@example.invalid,de,",
		    "column name: contains a line break" },
		{ "1,N,a@example.invalid,de", "has 4 columns, the header 5" },
	};
	struct subject s;
	char why[256];

	(void)state;
	for (size_t i = 0; i < nitems(bad); i++) {
		assert_int_equal(
		    row_check(bad[i].line, &s, why, sizeof(why)), ERR_INVAL);
		if (strstr(why, bad[i].why) == NULL)
			fail_msg("case %zu: \"%s\"", i, why);
		/* The value is never echoed. */
		assert_null(strstr(why, "example.invalid"));
	}
	assert_int_equal(row_check("c-1,Jürgen Müller,j@example.invalid,de,"
	                           " credentials ; bank_account ",
	                     &s, why, sizeof(why)),
	    ERR_OK);
	assert_true(s.german);
	assert_int_equal(s.cats,
	    ((uint64_t)1 << DATA_CREDENTIALS) | ((uint64_t)1 << DATA_BANK));
	assert_string_equal(s.name, "Jürgen Müller");
}

/* ---- through the svc layer ------------------------------------------------- */

enum { T0 = 1714557600 }; /* 2024-05-01T10:00:00Z */

struct fx {
	struct store *st;
	struct svc s;
	struct svc_err e;
	const char *ref;
	char dir[64];
};

static const char *const settings[][2] = {
	{ "org_name", "Beispiel Versand GmbH (fiktiv)" },
	{ "org_address", "Musterstraße 1, 40210 Düsseldorf" },
	{ "org_website", "https://beispiel.example.invalid" },
	{ "org_channels", "We only write from @beispiel.example.invalid." },
	{ "dpo_name", "Dana Beispiel" },
	{ "dpo_email", "dpo@beispiel.example.invalid" },
	{ "mail_from", "dpo@beispiel.example.invalid" },
};

static int
setup(void **state)
{
	static struct fx fx;
	struct register_init ri = { "Example (fictional)", "BK",
		"Europe/Berlin" };
	static const char facts[] =
	    "{\"title\":\"t\",\"description\":\"A "
	    "test breach (fictional).\",\"timeline\":{\"discovered_at\":"
	    "\"2024-04-30T08:00:00Z\",\"aware_at\":\"2024-04-30T09:00:00Z\"},"
	    "\"data\":{\"categories\":[\"contact\",\"credentials\"]},"
	    "\"measures\":{\"taken\":\"Closed the hole.\"}}";
	char *msg = NULL;

	memset(&fx, 0, sizeof(fx));
	if (store_open(":memory:", STORE_MEMORY, &fx.st, &msg) != ERR_OK)
		return -1;
	svc_err_clear(&fx.e);
	if (svc_begin(&fx.s, fx.st, "tester", T0, &fx.e) != ERR_OK ||
	    svc_register_init(&fx.s, &ri, &fx.e) != ERR_OK)
		return -1;
	for (size_t i = 0; i < nitems(settings); i++) {
		if (svc_setting_set(
		        &fx.s, settings[i][0], settings[i][1], &fx.e) != ERR_OK)
			return -1;
	}
	if (svc_incident_create(&fx.s, facts, strlen(facts), &fx.ref, &fx.e) !=
	    ERR_OK)
		return -1;
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/bk-letters-XXXXXX");
	if (mkdtemp(fx.dir) == NULL)
		return -1;
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	char path[128];

	snprintf(path, sizeof(path), "%s/out.mbox", fx->dir);
	unlink(path);
	rmdir(fx->dir);
	svc_end(&fx->s);
	store_close(fx->st);
	return 0;
}

struct gen_fx {
	struct tmpl *t[4];
	struct letter_tmpls lt;
	struct letter_org org;
	struct facts f;
	struct arena *a;
	struct letter_gen *g;
};

static void
gen_open(struct fx *fx, struct gen_fx *g)
{
	const char **slot[] = { &g->org.org_name, &g->org.org_address,
		&g->org.org_website, &g->org.org_channels, &g->org.dpo_name,
		&g->org.dpo_email, &g->org.mail_from };
	static const char *const kind[4] = { "letter-subject", "letter-subject",
		"letter-body", "letter-body" };
	struct letter_cfg cfg;
	struct incident in;
	char why[256];

	memset(g, 0, sizeof(*g));
	g->a = arena_new();
	for (size_t i = 0; i < nitems(slot); i++)
		*slot[i] = settings[i][1];
	for (int i = 0; i < 4; i++)
		assert_int_equal(svc_template_load(&fx->s, kind[i],
		                     i % 2 ? "de" : "en", &g->t[i], &fx->e),
		    ERR_OK);
	g->lt.subject[0] = g->t[0];
	g->lt.subject[1] = g->t[1];
	g->lt.body[0] = g->t[2];
	g->lt.body[1] = g->t[3];
	assert_int_equal(
	    svc_resolve(&fx->s, fx->ref, g->a, &in, &fx->e), ERR_OK);
	assert_int_equal(
	    svc_facts_load(&fx->s, &in, g->a, &g->f, &fx->e), ERR_OK);
	memset(&cfg, 0, sizeof(cfg));
	cfg.ref = fx->ref;
	cfg.facts = &g->f;
	cfg.org = &g->org;
	cfg.t = &g->lt;
	cfg.date_at = T0;
	cfg.crlf = true;
	assert_int_equal(letter_gen_new(&cfg, &g->g, why, sizeof(why)), ERR_OK);
}

static void
gen_close(struct gen_fx *g)
{
	letter_gen_free(g->g);
	for (int i = 0; i < 4; i++)
		tmpl_free(g->t[i]);
	arena_free(g->a);
}

static void
t_letter_advice(void **state)
{
	struct fx *fx = *state;
	struct gen_fx g;
	struct subject s = { "c-1", "Jürgen Müller", "j@example.invalid", true,
		((uint64_t)1 << DATA_CREDENTIALS) | ((uint64_t)1 << DATA_BANK),
		2 };
	struct buf b;
	char key[LETTER_KEY_LEN], key2[LETTER_KEY_LEN], why[256];
	size_t rendered, cached, n;

	gen_open(fx, &g);
	buf_init(&b, LETTER_MAX);
	buf_reset(&b);
	assert_int_equal(
	    letter_render(g.g, &s, &b, key, why, sizeof(why)), ERR_OK);
	/* Headers: the name as an encoded-word, a stable Message-ID. */
	assert_non_null(strstr(b.p, "To: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= "
	                            "<j@example.invalid>\r\n"));
	assert_non_null(strstr(b.p, "Message-ID: <letter."));
	assert_non_null(strstr(b.p, "Content-Transfer-Encoding: "
	                            "quoted-printable\r\n"));
	assert_non_null(strstr(b.p, "Content-Language: de\r\n"));
	/* Advice of exactly these categories (quoted-printable text). */
	assert_non_null(strstr(b.p, "Zwei-Faktor"));
	assert_non_null(strstr(b.p, "8 Wochen"));
	assert_null(strstr(b.p, "Phishing"));
	assert_non_null(strstr(b.p, "Guten Tag J=C3=BCrgen M=C3=BCller,"));
	letter_key(fx->ref, "c-1", key2);
	assert_string_equal(key, key2);
	letter_key(fx->ref, "c-2", key2);
	assert_string_not_equal(key, key2);
	/* English, contact only: the phishing warning names the channels. */
	s.german = false;
	s.cats = (uint64_t)1 << DATA_CONTACT;
	s.name = "Jane Doe";
	buf_reset(&b);
	assert_int_equal(
	    letter_render(g.g, &s, &b, key, why, sizeof(why)), ERR_OK);
	assert_non_null(strstr(b.p, "phishing"));
	assert_non_null(strstr(b.p, "@beispiel.example.invalid."));
	assert_null(strstr(b.p, "two-factor"));
	assert_non_null(strstr(b.p, "Dear Jane Doe,"));
	/* No categories given: the incident's (contact, credentials). */
	s.cats = 0;
	buf_reset(&b);
	assert_int_equal(
	    letter_render(g.g, &s, &b, key, why, sizeof(why)), ERR_OK);
	assert_non_null(strstr(b.p, "two-factor"));
	/* Header injection through the name is refused. */
	s.name = "Eve\r\nBcc: all@example.invalid";
	n = b.len;
	assert_int_equal(
	    letter_render(g.g, &s, &b, key, why, sizeof(why)), ERR_INVAL);
	assert_int_equal(b.len, n); /* left as it was */
	/* The same (language, categories, has-name) renders once. */
	s.name = "Other Name";
	s.cats = (uint64_t)1 << DATA_CONTACT;
	buf_reset(&b);
	assert_int_equal(
	    letter_render(g.g, &s, &b, key, why, sizeof(why)), ERR_OK);
	letter_gen_stats(g.g, &rendered, &cached);
	assert_int_equal(rendered, 4);
	assert_int_equal(cached, 3);
	buf_release(&b);
	gen_close(&g);
}

static void
t_letters_missing_settings(void **state)
{
	struct fx *fx = *state;
	struct letters_req rq;
	struct letters_sum sum;
	char csv[] = "id,name,email,language,categories\n1,A,a@example.invalid,"
	             "de,\n";
	char path[128];
	FILE *fp = fmemopen(csv, strlen(csv), "rb");

	assert_int_equal(
	    svc_setting_set(&fx->s, "dpo_email", NULL, &fx->e), ERR_OK);
	snprintf(path, sizeof(path), "%s/out.mbox", fx->dir);
	memset(&rq, 0, sizeof(rq));
	rq.id = fx->ref;
	rq.subjects = fp;
	rq.out = LETTERS_MBOX;
	rq.target = path;
	svc_err_clear(&fx->e);
	assert_int_equal(
	    svc_letters(&fx->s, &rq, NULL, NULL, &sum, &fx->e), ERR_INVAL);
	assert_non_null(strstr(fx->e.msg, "dpo_email"));
	assert_int_equal(access(path, F_OK), -1);
	fclose(fp);
	assert_int_equal(svc_setting_set(&fx->s, "dpo_email",
	                     "dpo@beispiel.example.invalid", &fx->e),
	    ERR_OK);
}

static void
t_letters_mbox(void **state)
{
	struct fx *fx = *state;
	struct letters_req rq;
	struct letters_sum sum;
	struct incident in;
	struct arena *a = arena_new();
	char csv[] = "id,name,email,language,categories\n"
	             "1,Anna,a@example.invalid,de,credentials\n"
	             "2,Bob,bad address,en,\n"
	             "3,Cem,c@example.invalid,en,contact\n";
	char path[128];
	FILE *fp = fmemopen(csv, strlen(csv), "rb");
	int64_t before;

	assert_int_equal(svc_resolve(&fx->s, fx->ref, a, &in, &fx->e), ERR_OK);
	before = in.event_n;
	snprintf(path, sizeof(path), "%s/out.mbox", fx->dir);
	memset(&rq, 0, sizeof(rq));
	rq.id = fx->ref;
	rq.subjects = fp;
	rq.out = LETTERS_MBOX;
	rq.target = path;
	svc_err_clear(&fx->e);
	assert_int_equal(
	    svc_letters(&fx->s, &rq, NULL, NULL, &sum, &fx->e), ERR_OK);
	assert_int_equal(sum.rows, 3);
	assert_int_equal(sum.invalid, 1);
	assert_int_equal(sum.written, 2);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(svc_resolve(&fx->s, fx->ref, a, &in, &fx->e), ERR_OK);
	assert_int_equal(in.event_n, before + 1);
	fclose(fp);
	arena_free(a);
}

/* Which hosts count as loopback (STARTTLS may be optional), and which
 * URLs smtp_open refuses before anything is sent. */
static void
t_smtp_urls(void **state)
{
	static const struct {
		const char *url;
		bool loopback;
	} lb[] = {
		{ "smtp://127.0.0.1:25", true },
		{ "smtp://127.8.9.10", true },
		{ "smtp://user@127.0.0.1:2525/x", true },
		{ "smtp://[::1]:25", true },
		{ "smtp://LOCALHOST:25", true },
		{ "smtp://localhost", true },
		{ "smtp://127.0.0.1.example.invalid:25", false },
		{ "smtp://localhost.example.invalid", false },
		{ "smtp://127.0.0.1@relay.example.invalid", false },
		{ "smtp://relay.example.invalid", false },
		{ "smtp://128.0.0.1", false },
		{ "smtp://0177.0.0.1", false },
		{ "smtp://[::2]", false },
		{ "smtp://", false },
	};
	static const struct {
		const char *url;
		const char *ca;
		bool optional;
		const char *why;
	} bad[] = {
		{ "http://127.0.0.1", NULL, false, "must start with" },
		{ "smtp://a:b@127.0.0.1", NULL, false, "holds a password" },
		{ "smtp://relay.example.invalid", NULL, true, "loopback" },
		{ "smtps://127.0.0.1", NULL, true, "loopback" },
		{ "smtp:///x", NULL, false, "with a host" },
		{ "smtp://127.0.0.1", "/nonexistent/ca.pem", false,
		    "--smtp-ca" },
	};
	struct smtp *s = NULL;
	char why[256];

	(void)state;
	for (size_t i = 0; i < nitems(lb); i++) {
		if (smtp_url_loopback(lb[i].url) != lb[i].loopback)
			fail_msg("%s: loopback should be %d", lb[i].url,
			    lb[i].loopback);
	}
	for (size_t i = 0; i < nitems(bad); i++) {
		struct smtp_cfg c = { bad[i].url, "dpo@example.invalid",
			bad[i].ca, bad[i].optional };

		assert_int_not_equal(
		    smtp_open(&c, &s, why, sizeof(why)), ERR_OK);
		assert_null(s);
		if (strstr(why, bad[i].why) == NULL)
			fail_msg("%s: \"%s\" lacks \"%s\"", bad[i].url, why,
			    bad[i].why);
		assert_null(strstr(why, ":b@"));
	}
	{
		struct smtp_cfg c = { "smtp://127.0.0.1:1",
			"dpo@example.invalid", NULL, true };

		assert_int_equal(smtp_open(&c, &s, why, sizeof(why)), ERR_OK);
		smtp_close(s);
	}
}

const struct CMUnitTest letters_tests[] = {
	cmocka_unit_test(t_smtp_urls),
	cmocka_unit_test(t_csv_table),
	cmocka_unit_test(t_csv_caps),
	cmocka_unit_test(t_mail_qp),
	cmocka_unit_test(t_mail_phrase),
	cmocka_unit_test(t_mail_addr),
	cmocka_unit_test(t_mail_mbox),
	cmocka_unit_test(t_rows),
	cmocka_unit_test_setup_teardown(t_letter_advice, setup, teardown),
	cmocka_unit_test_setup_teardown(
	    t_letters_missing_settings, setup, teardown),
	cmocka_unit_test_setup_teardown(t_letters_mbox, setup, teardown),
};
const size_t letters_tests_n = nitems(letters_tests);
