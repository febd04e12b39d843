/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_subjects.c: the subject index: normalisation shared by
 * import and match (IDN e-mail, phone regions, customer numbers), German
 * ID document check digits, the keyed tags and the pre-filter table,
 * import into an in-memory register (atomic re-import, bad rows, no
 * plaintext), and match through the scan child with the categories of
 * the matched records.
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/xalloc.h"
#include "scan/matcher.h"
#include "scan/normalize.h"
#include "scan/scan.h"
#include "svc/svc.h"

enum { T0 = 1780000000 };

/* ---- normalisation ------------------------------------------------------- */

static const struct {
	unsigned kind;
	const char *in, *want; /* want NULL: invalid */
} norms[] = {
	{ MATCH_EMAIL, " Anna.Muster@Example.COM ", "anna.muster@example.com" },
	{ MATCH_EMAIL,
	    "a@b\xc3\xbc"
	    "cher.de",
	    "a@xn--bcher-kva.de" },
	{ MATCH_EMAIL,
	    "a@B\xc3\x9c"
	    "CHER.de",
	    "a@xn--bcher-kva.de" },
	{ MATCH_EMAIL, "j@m\xc3\xbcnchen.de", "j@xn--mnchen-3ya.de" },
	{ MATCH_EMAIL, "j@xn--mnchen-3ya.de", "j@xn--mnchen-3ya.de" },
	{ MATCH_EMAIL, "x@\xc3\xa4\xc3\xb6\xc3\xbc.example",
	    "x@xn--4ca0bs.example" },
	{ MATCH_EMAIL, "x@y.notarealtld", NULL },
	{ MATCH_EMAIL, "x@\xff.de", NULL },
	{ MATCH_PHONE, "0151 12345678", "+4915112345678" },
	{ MATCH_PHONE, "+49 (0)151-12345678", "+4915112345678" },
	{ MATCH_PHONE, "0049 151 12345678", "+4915112345678" },
	{ MATCH_PHONE, "12345", NULL },
	{ MATCH_IBAN, "de89 3704 0044 0532 0130 00", "DE89370400440532013000" },
	{ MATCH_IBAN, "DE89370400440532013001", NULL },
	{ MATCH_CUSTOMER_NO, " k-1001 ", "K-1001" },
	{ MATCH_CUSTOMER_NO, "AB 12 34", "AB1234" },
	{ MATCH_CUSTOMER_NO, "a;b", NULL },
	{ MATCH_CUSTOMER_NO, "", NULL },
	{ MATCH_CUSTOMER_NO, "kd 77/b#1", "KD77/B#1" },
};

static void
t_normalize(void **state)
{
	(void)state;
	assert_true(norm_phone_set_region("DE"));
	for (size_t i = 0; i < nitems(norms); i++) {
		char out[NORM_MAX], again[NORM_MAX];
		size_t n = match_normalize(norms[i].kind, norms[i].in,
		    strlen(norms[i].in), out, sizeof(out));

		if (norms[i].want == NULL) {
			if (n != 0)
				fail_msg("case %zu: accepted as %s", i, out);
			continue;
		}
		if (n == 0 || strcmp(out, norms[i].want) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i,
			    n ? out : "(invalid)", norms[i].want);
		/* a normalised value is a fixed point */
		assert_int_equal(match_normalize(norms[i].kind, out, n, again,
		                     sizeof(again)),
		    n);
		assert_string_equal(again, out);
	}
}

/* A NUL byte is no character of a customer number (strchr() finds it in
 * any string). */
static void
t_customer_no_nul(void **state)
{
	char out[NORM_MAX];

	(void)state;
	assert_int_equal(norm_customer_no("K\0001", 3, out, sizeof(out)), 0);
	assert_int_equal(norm_customer_no("K1\0", 3, out, sizeof(out)), 0);
	assert_int_equal(norm_customer_no("K-1", 3, out, sizeof(out)), 3);
}

static void
t_phone_region(void **state)
{
	char out[NORM_MAX];

	(void)state;
	assert_true(norm_phone_set_region("AT"));
	assert_int_not_equal(
	    norm_phone("0664 1234567", 12, out, sizeof(out)), 0);
	assert_string_equal(out, "+436641234567");
	/* an international number does not depend on the region */
	assert_int_not_equal(
	    norm_phone("+49 151 12345678", 16, out, sizeof(out)), 0);
	assert_string_equal(out, "+4915112345678");
	assert_false(norm_phone_set_region("XX"));
	assert_string_equal(norm_phone_get_region(), "AT");
	assert_true(norm_phone_set_region("DE"));
	assert_int_not_equal(
	    norm_phone("0151 12345678", 13, out, sizeof(out)), 0);
	assert_string_equal(out, "+4915112345678");
}

static void
t_iddoc(void **state)
{
	/* ICAO 9303 7-3-1 over generated serials (not real documents) */
	static const struct {
		const char *in;
		bool ok;
	} v[] = {
		{ "T220001293", true },  /* the specimen ID card serial */
		{ "t22000129 3", true }, /* case and a blank */
		{ "T220001294", false }, /* check digit */
		{ "C01X00T478", true },  /* a specimen passport serial */
		{ "C01X00T479", false },
		{ "A220001293", false }, /* no such first letter */
		{ "T22000129", false },  /* too short */
		{ "TA20001293", false }, /* vowel */
	};
	char out[16];

	(void)state;
	assert_int_equal(norm_icao_check("T22000129", 9), 3);
	assert_int_equal(norm_icao_check("C01X00T47", 9), 8);
	assert_int_equal(norm_icao_check("a", 1), -1);
	for (size_t i = 0; i < nitems(v); i++) {
		size_t n =
		    norm_de_iddoc(v[i].in, strlen(v[i].in), out, sizeof(out));

		if ((n != 0) != v[i].ok)
			fail_msg("case %zu (%s): %s", i, v[i].in,
			    n ? "accepted" : "rejected");
	}
}

/* ---- detectors: ID documents, JSON escapes ------------------------------ */

struct hits {
	unsigned n[SCAN_CAT__MAX];
	char last[SCAN_CAT__MAX][NORM_MAX];
};

static void
on_hit(void *ctx, const struct scan_hit *h)
{
	struct hits *x = ctx;

	x->n[h->cat]++;
	snprintf(x->last[h->cat], NORM_MAX, "%.*s", (int)h->len, h->val);
}

static void
t_detect(void **state)
{
	static const char jsonl[] =
	    "{\"mail\":\"anna\\u0040example.com\",\"ausweisnummer\":"
	    "\"T220001293\",\"passport_no\":\"C01X00T479\"}\n"
	    "{\"mail\":\"x\\ud83d\\ude00@example.com\",\"reisepass\":"
	    "\"c01x00t478\",\"note\":\"bad \\u12\"}\n";
	static const char csv[] = "id,personalausweis,pass\n"
	                          "1,T220001293,secret99\n"
	                          "2,T220001294,secret98\n";
	struct hits x;
	struct scan_engine *e;

	(void)state;
	memset(&x, 0, sizeof(x));
	e = scan_engine_new(on_hit, &x);
	scan_engine_set_format(e, SCAN_FMT_JSON, 0);
	scan_engine_lines(e, jsonl, sizeof(jsonl) - 1);
	scan_engine_free(e);
	/* \u0040 is '@'; a surrogate pair is one UTF-8 character */
	assert_int_equal(x.n[SCAN_CAT_EMAIL], 2);
	assert_string_equal(
	    x.last[SCAN_CAT_EMAIL], "x\xf0\x9f\x98\x80@example.com");
	/* the passport with a bad check digit is not one */
	assert_int_equal(x.n[SCAN_CAT_ID_DOC], 2);
	assert_string_equal(x.last[SCAN_CAT_ID_DOC], "C01X00T478");
	assert_int_equal(x.n[SCAN_CAT_PASSWORD], 0);

	memset(&x, 0, sizeof(x));
	e = scan_engine_new(on_hit, &x);
	scan_engine_sniff(e, csv, sizeof(csv) - 1);
	scan_engine_lines(e, csv, sizeof(csv) - 1);
	scan_engine_free(e);
	assert_int_equal(x.n[SCAN_CAT_ID_DOC], 1);
	assert_string_equal(x.last[SCAN_CAT_ID_DOC], "T220001293");
	assert_int_equal(x.n[SCAN_CAT_PASSWORD], 2);
	assert_string_equal(scan_cat_name(SCAN_CAT_ID_DOC), "id_document");
}

/* ---- keyed tags and the table ---------------------------------------------- */

static void
t_tags(void **state)
{
	unsigned char s1[MATCH_SECRET_LEN] = { 1 },
	              s2[MATCH_SECRET_LEN] = { 2 };
	unsigned char h1[MATCH_HASH_LEN], h2[MATCH_HASH_LEN];
	struct match_keys k1, k2;

	(void)state;
	match_keys_derive(s1, &k1);
	match_keys_derive(s2, &k2);
	/* keyed: another secret, other tags and hashes */
	assert_true(match_tag(&k1, MATCH_EMAIL, "a@example.com", 13) !=
	            match_tag(&k2, MATCH_EMAIL, "a@example.com", 13));
	/* the kind is part of the input */
	assert_true(match_tag(&k1, MATCH_EMAIL, "K1", 2) !=
	            match_tag(&k1, MATCH_CUSTOMER_NO, "K1", 2));
	assert_true(match_tag(&k1, MATCH_EMAIL, "a@example.com", 13) ==
	            match_tag(&k1, MATCH_EMAIL, "a@example.com", 13));
	match_hash(&k1, MATCH_EMAIL, "a@example.com", 13, h1);
	match_hash(&k2, MATCH_EMAIL, "a@example.com", 13, h2);
	assert_memory_not_equal(h1, h2, MATCH_HASH_LEN);
	assert_int_equal(match_kind_by_name("customer_no"), MATCH_CUSTOMER_NO);
	assert_int_equal(match_kind_by_name("name"), MATCH_NONE);
}

static void
t_table(void **state)
{
	struct match_table *t = match_table_new(1000);
	size_t pos;
	uint32_t idx, seen;

	(void)state;
	for (uint32_t i = 0; i < 1000; i++)
		match_table_add(t, (uint64_t)(i % 500) * 0x100000001ull + 1, i);
	for (uint32_t i = 0; i < 500; i++) {
		pos = 0;
		seen = 0;
		while (match_table_next(
		    t, (uint64_t)i * 0x100000001ull + 1, &pos, &idx)) {
			assert_int_equal(idx % 500, i);
			seen++;
		}
		assert_int_equal(seen, 2);
	}
	pos = 0;
	assert_false(match_table_next(t, 0xdeadbeefcafeull, &pos, &idx));
	match_table_free(t);
}

/* The filter in front of the table: every tag added passes; few others. */
static void
t_filter(void **state)
{
	enum { N = 20000 };
	unsigned char sec[MATCH_SECRET_LEN] = { 3 };
	struct match_keys k;
	struct match_filter *f;
	char v[64];
	size_t pass = 0;
	int len;

	(void)state;
	match_keys_derive(sec, &k);
	f = match_filter_new(N);
	assert_true(match_filter_bytes(f) * 8 >= (size_t)N * 12);
	for (unsigned i = 0; i < N; i++) {
		len = snprintf(v, sizeof(v), "user%u@example.com", i);
		match_filter_add(f, match_tag(&k, MATCH_EMAIL, v, (size_t)len));
	}
	/* no false negatives: a dropped subject would be a missed person */
	for (unsigned i = 0; i < N; i++) {
		len = snprintf(v, sizeof(v), "user%u@example.com", i);
		assert_true(match_filter_has(
		    f, match_tag(&k, MATCH_EMAIL, v, (size_t)len)));
	}
	/* values that are not ours (and ours under another kind): about
	 * 1 % pass (12 to 24 bits per tag) */
	for (unsigned i = 0; i < 10 * N; i++) {
		len = snprintf(v, sizeof(v), "user%u@example.com", N + i);
		pass += match_filter_has(
		    f, match_tag(&k, MATCH_EMAIL, v, (size_t)len));
	}
	for (unsigned i = 0; i < N; i++) {
		len = snprintf(v, sizeof(v), "user%u@example.com", i);
		pass += match_filter_has(
		    f, match_tag(&k, MATCH_CUSTOMER_NO, v, (size_t)len));
	}
	assert_true(pass < 11 * N / 33); /* under 3 % */
	match_filter_free(f);
	/* the smallest filter works too */
	f = match_filter_new(0);
	assert_false(match_filter_has(f, 0x123456789abcdefull));
	match_filter_add(f, 0x123456789abcdefull);
	assert_true(match_filter_has(f, 0x123456789abcdefull));
	match_filter_free(f);
	match_filter_free(NULL);
}

/* ---- import and match on an in-memory register ------------------------------- */

struct fx {
	struct store *st;
	struct svc s;
	struct svc_err e;
	char dir[64];
	int bad;
	int64_t bad_row;
	char bad_col[32];
};

static int
setup(void **state)
{
	static struct fx fx;
	struct register_init ri = { "Example Org (fictional)", "AC",
		"Europe/Berlin" };
	char *msg = NULL;

	memset(&fx, 0, sizeof(fx));
	snprintf(fx.dir, sizeof(fx.dir), "/tmp/bk-subj-XXXXXX");
	if (mkdtemp(fx.dir) == NULL)
		return -1;
	if (store_open(":memory:", STORE_MEMORY, &fx.st, &msg) != ERR_OK)
		return -1;
	svc_err_clear(&fx.e);
	if (svc_begin(&fx.s, fx.st, "tester", T0, &fx.e) != ERR_OK ||
	    svc_register_init(&fx.s, &ri, &fx.e) != ERR_OK)
		return -1;
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	char path[128];

	svc_end(&fx->s);
	store_close(fx->st);
	snprintf(path, sizeof(path), "%s/leak.csv", fx->dir);
	unlink(path);
	rmdir(fx->dir);
	return 0;
}

static void
on_bad(void *arg, int64_t row, const char *col, const char *problem)
{
	struct fx *fx = arg;

	fx->bad++;
	fx->bad_row = row;
	snprintf(fx->bad_col, sizeof(fx->bad_col), "%s", col ? col : "-");
	/* never the value */
	assert_null(strstr(problem, "@"));
}

static enum err
import(struct fx *fx, const char *csv, struct subjects_sum *sum)
{
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");
	enum err rc;

	svc_err_clear(&fx->e);
	fx->bad = 0;
	rc = svc_subjects_import(&fx->s, fp, on_bad, fx, sum, &fx->e);
	fclose(fp);
	return rc;
}

static const char subjects_csv[] =
    "Name,ID,Email,Phone,IBAN,customer_no\n"
    "Erika,S1,erika@example.com,0151 12345678,,\n"
    "Max,S2,max@example.org,,DE89 3704 0044 0532 0130 00,K-2\n"
    "Nobody,S3,nobody@example.net,,,\n";

static int64_t
status_int(struct fx *fx, const char *key)
{
	json_t *j = svc_subjects_status(&fx->s, &fx->e);
	int64_t v = json_integer_value(json_object_get(j, key));

	json_decref(j);
	return v;
}

static void
t_import(void **state)
{
	struct fx *fx = *state;
	struct subjects_sum sum;

	assert_int_equal(import(fx, subjects_csv, &sum), ERR_OK);
	assert_int_equal(sum.rows, 3);
	assert_int_equal(sum.identifiers, 6);
	assert_int_equal(sum.by_kind[MATCH_EMAIL], 3);
	assert_int_equal(status_int(fx, "identifiers"), 6);
	/* a bad row: reported by row and column, and nothing changes */
	assert_int_equal(
	    import(fx, "id,email\nA,a@example.com\nB,b@bad.notatld\n", &sum),
	    ERR_INVAL);
	assert_int_equal(fx->bad, 1);
	assert_int_equal(fx->bad_row, 3);
	assert_string_equal(fx->bad_col, "email");
	assert_int_equal(status_int(fx, "identifiers"), 6);
	/* no id column */
	assert_int_equal(import(fx, "email\na@example.com\n", &sum), ERR_INVAL);
	assert_non_null(strstr(fx->e.msg, "id column"));
	/* a row without any identifier */
	assert_int_equal(import(fx, "id,email\nA,\n", &sum), ERR_INVAL);
	assert_int_equal(fx->bad_row, 2);
	assert_int_equal(status_int(fx, "identifiers"), 6);
	/* a re-import replaces the index */
	assert_int_equal(
	    import(fx, "id,email\nA,a@example.com\n", &sum), ERR_OK);
	assert_int_equal(status_int(fx, "identifiers"), 1);
}

static const char *
write_file(struct fx *fx, const char *name, const char *body)
{
	static char path[128];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", fx->dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(body, fp);
	fclose(fp);
	return path;
}

static const char *
create(struct fx *fx)
{
	static const char json[] =
	    "{\"title\":\"t\",\"timeline\":{\"discovered_at\":"
	    "\"2026-05-28T10:00:00Z\",\"aware_at\":\"2026-05-28T10:00:00Z\"}}";
	const char *ref = NULL;

	svc_err_clear(&fx->e);
	assert_int_equal(
	    svc_incident_create(&fx->s, json, strlen(json), &ref, &fx->e),
	    ERR_OK);
	return ref;
}

static json_t *
find_id(json_t *list, const char *id)
{
	size_t i;
	json_t *x;

	json_array_foreach (list, i, x) {
		if (strcmp(json_string_value(json_object_get(x, "id")), id) ==
		    0)
			return x;
	}
	return NULL;
}

static bool
has_name(json_t *arr, const char *s)
{
	size_t i;
	json_t *x;

	json_array_foreach (arr, i, x) {
		if (strcmp(json_string_value(x), s) == 0)
			return true;
	}
	return false;
}

/* The affected list as a tree, through its compact text. */
static json_t *
match_tree(struct match_affected *l)
{
	char *text = match_affected_json(json_pack("{s:i}", "n", 1), l, 0);
	json_t *d = json_loads(text, 0, NULL), *t;

	assert_non_null(d);
	t = json_incref(json_object_get(d, "affected"));
	assert_non_null(t);
	json_decref(d);
	free(text);
	match_affected_release(l);
	return t;
}

static void
t_match(void **state)
{
	struct fx *fx = *state;
	struct subjects_sum sum;
	struct scan_opts o;
	struct scan_result res = { 0 };
	struct match_sum ms;
	struct match_req rq;
	struct incident in;
	struct facts f;
	struct arena *a = arena_new();
	struct match_affected l;
	json_t *aff = NULL, *x, *all = NULL;
	char *file;

	assert_int_equal(import(fx, subjects_csv, &sum), ERR_OK);
	file = xstrdup(write_file(fx, "leak.csv",
	    "email,password,phone,iban\n"
	    "ERIKA@example.com,hunter22,,\n"
	    "other@example.com,pw,+49 151 12345678,\n"
	    "stranger@example.com,pw,,\n"
	    "x@example.com,,,DE89370400440532013000\n"));
	scan_opts_init(&o);
	memset(&rq, 0, sizeof(rq));
	rq.id = create(fx);
	rq.files = &file;
	rq.files_n = 1;
	rq.opts = &o;
	svc_err_clear(&fx->e);
	if (svc_match(&fx->s, &rq, &res, &l, &ms, &fx->e) != ERR_OK)
		fail_msg("match: %s", fx->e.msg);
	aff = match_tree(&l);
	assert_int_equal(ms.identifiers, 6);
	assert_int_equal(ms.matched, 3);
	assert_int_equal(ms.unmatched, 3);
	assert_int_equal(json_array_size(aff), 2);
	/* S1 by e-mail (row 1) and phone (row 2): both records' categories */
	x = find_id(aff, "S1");
	assert_non_null(x);
	assert_true(has_name(json_object_get(x, "by"), "email"));
	assert_true(has_name(json_object_get(x, "by"), "phone"));
	assert_true(has_name(json_object_get(x, "found"), "password"));
	assert_true(has_name(json_object_get(x, "found"), "phone"));
	assert_false(has_name(json_object_get(x, "found"), "iban"));
	x = find_id(aff, "S2");
	assert_non_null(x);
	assert_true(has_name(json_object_get(x, "by"), "iban"));
	assert_false(has_name(json_object_get(x, "by"), "email"));
	assert_null(find_id(aff, "S3"));
	/* the facts: subjects.count 2, an estimate (strangers in the leak) */
	assert_int_equal(svc_resolve(&fx->s, rq.id, a, &in, &fx->e), ERR_OK);
	assert_int_equal(svc_facts_load(&fx->s, &in, a, &f, &fx->e), ERR_OK);
	assert_int_equal(f.subjects_n, 2);
	assert_true(f.subjects_n_estimate);
	assert_int_equal(svc_affected_load(&fx->s, &in, &all, &fx->e), ERR_OK);
	assert_int_equal(json_object_size(all), 2);
	json_decref(all);
	json_decref(aff);
	scan_result_release(&res);
	free(file);
	arena_free(a);
}

/*
 * Many subjects: every one of ours in the leak is found (a filter or table
 * that dropped a real subject fails this), strangers are not, and the
 * affected list is sorted by id with shared "by"/"found" arrays that
 * serialise like separate ones.
 */
static void
t_match_many(void **state)
{
	enum { N = 3000 };
	struct fx *fx = *state;
	struct subjects_sum sum;
	struct scan_opts o;
	struct scan_result res = { 0 };
	struct match_sum ms;
	struct match_req rq;
	size_t cap = (size_t)N * 80 + 64, at = 0, lat = 0;
	char *csv = xmalloc(cap), *leak = xmalloc(2 * cap), *file, *dump;
	struct match_affected l;
	json_t *aff = NULL, *x;

	at += (size_t)snprintf(csv, cap, "id,email,phone\n");
	lat += (size_t)snprintf(leak, 2 * cap, "email,password,phone\n");
	for (unsigned i = 0; i < N; i++) {
		if (i % 3 == 0)
			at += (size_t)snprintf(csv + at, cap - at,
			    "S%05u,person%u@example.com,+49 151 1%06u\n", i, i,
			    i);
		else
			at += (size_t)snprintf(csv + at, cap - at,
			    "S%05u,person%u@example.com,\n", i, i);
		/* ours (some in upper case), a stranger */
		lat += (size_t)snprintf(leak + lat, 2 * cap - lat,
		    "%s%u@example.com,pw,\nstranger%u@example.com,pw,\n",
		    i % 7 == 0 ? "PERSON" : "person", i, i);
	}
	assert_int_equal(import(fx, csv, &sum), ERR_OK);
	assert_int_equal(sum.identifiers, N + N / 3);
	file = xstrdup(write_file(fx, "leak.csv", leak));
	scan_opts_init(&o);
	memset(&rq, 0, sizeof(rq));
	rq.id = create(fx);
	rq.files = &file;
	rq.files_n = 1;
	rq.opts = &o;
	rq.dry_run = true;
	svc_err_clear(&fx->e);
	if (svc_match(&fx->s, &rq, &res, &l, &ms, &fx->e) != ERR_OK)
		fail_msg("match: %s", fx->e.msg);
	aff = match_tree(&l);
	assert_int_equal(ms.identifiers, 2 * N);
	assert_int_equal(ms.matched, N);
	assert_int_equal(ms.unmatched, N);
	assert_int_equal(ms.candidates, N);
	assert_int_equal(json_array_size(aff), N);
	for (unsigned i = 0; i < N; i++) {
		char id[16];

		snprintf(id, sizeof(id), "S%05u", i);
		x = json_array_get(aff, i);
		assert_string_equal(
		    json_string_value(json_object_get(x, "id")), id);
	}
	x = json_array_get(aff, 0);
	dump = json_dumps(x, JSON_COMPACT);
	assert_string_equal(dump, "{\"id\":\"S00000\",\"by\":[\"email\"],"
	                          "\"found\":[\"email\",\"password\"]}");
	free(dump);
	json_decref(aff);
	scan_result_release(&res);
	free(file);
	free(csv);
	free(leak);
}

static void
t_match_no_index(void **state)
{
	struct fx *fx = *state;
	struct scan_opts o;
	struct scan_result res = { 0 };
	struct match_sum ms;
	struct match_req rq;
	struct match_affected aff;
	char *file = xstrdup("/nonexistent");

	scan_opts_init(&o);
	memset(&rq, 0, sizeof(rq));
	rq.id = create(fx);
	rq.files = &file;
	rq.files_n = 1;
	rq.opts = &o;
	svc_err_clear(&fx->e);
	assert_int_equal(
	    svc_match(&fx->s, &rq, &res, &aff, &ms, &fx->e), ERR_INVAL);
	assert_non_null(strstr(fx->e.msg, "subjects import"));
	assert_null(aff.a);
	scan_result_release(&res);
	free(file);
}

/*
 * The affected list is written out without a tree, for the event and the
 * CLI: it must be what jansson would have dumped of the tree, byte for
 * byte (the event's digest is of this text), compact and indented, with
 * ids that need escaping and every combination of bits.
 */
static void
t_affected_text(void **state)
{
	static const char *const ids[] = { "S1", "C\"1", "C\\2",
		"\xc3\x9c"
		"3",
		"tab\there", "nl\nx",
		"\x01"
		"ctl",
		"/slash", "", "x\x7f" };
	struct match_affected l = { 0 };
	json_t *tree = json_array(), *env;
	uint64_t r = 0x9e3779b97f4a7c15ull;

	(void)state;
	l.n = 200;
	l.rows = xcalloc(l.n, sizeof(*l.rows));
	for (size_t i = 0; i < l.n; i++) {
		json_t *x = json_object(), *by = json_array(),
		       *found = json_array();

		r = r * 6364136223846793005ull + 1442695040888963407ull;
		l.rows[i].ref = ids[i % nitems(ids)];
		l.rows[i].by = (uint8_t)((r >> 33) & 0x1e);
		l.rows[i].found =
		    (uint32_t)(r >> 40) & ((1u << SCAN_CAT__MAX) - 1);
		if (i == 0)
			l.rows[i].found = 0;
		for (unsigned k = 0; k < MATCH_KIND__MAX; k++)
			if (l.rows[i].by & (1u << k))
				json_array_append_new(
				    by, json_string(match_kind_name(k)));
		for (unsigned k = 0; k < SCAN_CAT__MAX; k++)
			if (l.rows[i].found & (1u << k))
				json_array_append_new(
				    found, json_string(scan_cat_name(k)));
		json_object_set_new(x, "id", json_string(l.rows[i].ref));
		json_object_set_new(x, "by", by);
		json_object_set_new(x, "found", found);
		json_array_append_new(tree, x);
	}
	for (int pass = 0; pass < 3; pass++) {
		struct match_affected *lp = &l, empty = { 0 };
		int indent = pass == 0 ? 0 : 2;
		char *want, *got;

		if (pass == 2)
			lp = &empty;
		env = pass == 2
		          ? json_pack("{s:i, s:[]}", "n", 1, "affected")
		          : json_pack("{s:i, s:O}", "n", 1, "affected", tree);
		want = json_dumps(
		    env, JSON_PRESERVE_ORDER |
		             (indent ? JSON_INDENT(indent) : JSON_COMPACT));
		got =
		    match_affected_json(json_pack("{s:i}", "n", 1), lp, indent);
		assert_string_equal(got, want);
		free(want);
		free(got);
		json_decref(env);
	}
	json_decref(tree);
	free(l.rows);
}

const struct CMUnitTest subjects_tests[] = {
	cmocka_unit_test(t_affected_text),
	cmocka_unit_test(t_normalize),
	cmocka_unit_test(t_customer_no_nul),
	cmocka_unit_test(t_phone_region),
	cmocka_unit_test(t_iddoc),
	cmocka_unit_test(t_detect),
	cmocka_unit_test(t_tags),
	cmocka_unit_test(t_table),
	cmocka_unit_test(t_filter),
	cmocka_unit_test_setup_teardown(t_import, setup, teardown),
	cmocka_unit_test_setup_teardown(t_match, setup, teardown),
	cmocka_unit_test_setup_teardown(t_match_many, setup, teardown),
	cmocka_unit_test_setup_teardown(t_match_no_index, setup, teardown),
};
const size_t subjects_tests_n = nitems(subjects_tests);
