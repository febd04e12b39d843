/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_subjects.c: breachkit subjects import FILE.csv | subjects status,
 * and breachkit match --incident ID FILE...: the subject index and which
 * of our data subjects are in a leak (docs/subjects.md).  Messages name
 * rows, columns and subject ids, never an identifier.
 */
#include "base/base.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "base/str.h"
#include "cli/cli.h"
#include "scan/scan.h"

static void
print_bad_row(void *arg, int64_t row, const char *col, const char *problem)
{
	(void)arg;
	fprintf(stderr, "breachkit subjects import: row %lld%s%s: %s\n",
	    (long long)row, col ? ", column " : "", col ? col : "", problem);
}

static int
subjects_import(struct cli_env *env, const char *path)
{
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	struct subjects_sum sum;
	FILE *fp;
	enum err rc;
	int code;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (fp == NULL) {
		fprintf(stderr,
		    "breachkit subjects import: cannot read %s: %s\n", path,
		    strerror(errno));
		return 1;
	}
	code = cli_open(env, &st, &s);
	if (code != 0)
		goto out;
	svc_err_clear(&e);
	rc = svc_subjects_import(&s, fp, print_bad_row, NULL, &sum, &e);
	if (rc != ERR_OK) {
		code = cli_fail(env, rc, &e);
		goto out;
	}
	if (env->json)
		cli_print_json(json_pack(
		    "{s:I, s:I, s:I, s:{s:I, s:I, s:I, s:I}}", "rows",
		    (json_int_t)sum.rows, "subjects", (json_int_t)sum.subjects,
		    "identifiers", (json_int_t)sum.identifiers, "by_kind",
		    "email", (json_int_t)sum.by_kind[1], "phone",
		    (json_int_t)sum.by_kind[2], "iban",
		    (json_int_t)sum.by_kind[3], "customer_no",
		    (json_int_t)sum.by_kind[4]));
	else
		printf("subject index replaced: %zu rows, %zu subjects, %zu "
		       "identifiers (%zu e-mail, %zu phone, %zu IBAN, %zu "
		       "customer no.), keyed hashes only\n",
		    sum.rows, sum.subjects, sum.identifiers, sum.by_kind[1],
		    sum.by_kind[2], sum.by_kind[3], sum.by_kind[4]);
	code = 0;
out:
	if (st != NULL)
		cli_close(st, &s);
	if (fp != stdin)
		fclose(fp);
	return code;
}

static int
subjects_status(struct cli_env *env)
{
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	json_t *j;
	int code = cli_open(env, &st, &s);

	if (code != 0)
		return code;
	svc_err_clear(&e);
	j = svc_subjects_status(&s, &e);
	if (j == NULL) {
		code = cli_fail(env, ERR_DB, &e);
	} else if (env->json) {
		cli_print_json(j);
	} else {
		if (json_is_true(json_object_get(j, "index")))
			printf("subject index: %lld rows, %lld identifiers, "
			       "imported %s, phone region %s\n",
			    (long long)json_integer_value(
			        json_object_get(j, "subjects")),
			    (long long)json_integer_value(
			        json_object_get(j, "identifiers")),
			    json_string_value(
			        json_object_get(j, "imported_at")),
			    json_string_value(
			        json_object_get(j, "phone_region")));
		else
			puts("no subject index (breachkit subjects import "
			     "FILE.csv)");
		json_decref(j);
	}
	cli_close(st, &s);
	return code;
}

int
cmd_subjects(int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	int code = -1;

	cli_env_init(&env, "subjects");
	optind = 1;
	if (cli_getopt(&env, argc, argv, opts, &code) != -1)
		return cli_usage(&env, "unknown option");
	if (code >= 0)
		return code;
	if (optind < argc && str_eq(argv[optind], "import")) {
		env.cmd = "subjects import";
		if (argc - optind != 2)
			return cli_usage(&env, "give one FILE.csv");
		return subjects_import(&env, argv[optind + 1]);
	}
	if (optind < argc && str_eq(argv[optind], "status")) {
		if (argc - optind != 1)
			return cli_usage(&env, "status takes no arguments");
		return subjects_status(&env);
	}
	return cli_usage(&env, "give import FILE.csv or status");
}

/* ---- match ------------------------------------------------------------------ */

/* --json, as cli_print_json() prints; the list is written out. */
static void
match_json_print(const struct scan_result *res, const struct match_sum *sum,
    const struct match_affected *aff)
{
	char *text = match_affected_json(
	    json_pack("{s:o, s:{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:b, s:b,"
	              " s:f, s:f}}",
	        "scan", scan_result_json(res), "match", "indexed",
	        (json_int_t)sum->indexed, "identifiers",
	        (json_int_t)sum->identifiers, "candidates",
	        (json_int_t)sum->candidates, "matched",
	        (json_int_t)sum->matched, "unmatched",
	        (json_int_t)sum->unmatched, "affected",
	        (json_int_t)sum->affected, "affected_total",
	        (json_int_t)sum->affected_total, "partial", sum->partial,
	        "count_is_estimate", sum->estimate, "load_seconds", sum->load_s,
	        "scan_seconds", sum->scan_s),
	    aff, 2);

	puts(text);
	free(text);
}

/* --list: a line per affected subject. */
static void
match_list_print(const struct match_affected *aff)
{
	struct buf by, f;

	buf_init(&by, 4096);
	buf_init(&f, 4096);
	for (size_t i = 0; i < aff->n; i++) {
		const struct match_row *r = &aff->rows[i];

		buf_reset(&by);
		buf_reset(&f);
		if (match_names_put(&by, r->by, false, 0, 0) != ERR_OK ||
		    match_names_put(&f, r->found, true, 0, 0) != ERR_OK)
			BUG("names");
		printf("%s\tby %s\tfound %s\n", r->ref, buf_cstr(&by),
		    buf_cstr(&f));
	}
	buf_release(&by);
	buf_release(&f);
}

static volatile int match_interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	match_interrupted = 1;
}

int
cmd_match(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "incident", required_argument, NULL, 'i' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "list", no_argument, NULL, 'l' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "max-line", required_argument, NULL, 'm' },
		{ "threads", required_argument, NULL, 't' },
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_env env;
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	struct scan_opts o;
	struct scan_result res = { 0 };
	struct match_req rq;
	struct match_sum sum;
	struct sigaction sa = { 0 }, old;
	struct match_affected aff;
	bool quiet = false, list = false;
	int c, code = -1;
	int64_t v;
	enum err rc;

	cli_env_init(&env, "match");
	scan_opts_init(&o);
	memset(&rq, 0, sizeof(rq));
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 'i':
			rq.id = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'l':
			list = true;
			break;
		case 'n':
			rq.dry_run = true;
			break;
		case 'm':
			if (str_to_i64(optarg, 4096, 1 << 30, &v) != ERR_OK)
				return cli_usage(&env,
				    "--max-line: bytes from 4096 to 1 GiB");
			o.max_line = (size_t)v;
			break;
		case 't':
			if (str_to_i64(optarg, 1, 64, &v) != ERR_OK)
				return cli_usage(
				    &env, "--threads: from 1 to 64");
			o.threads = (unsigned)v;
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	if (rq.id == NULL)
		return cli_usage(&env, "--incident ID is required");
	if (optind >= argc)
		return cli_usage(&env, "give one or more FILEs");
	rq.files = argv + optind;
	rq.files_n = (size_t)(argc - optind);
	o.progress = !quiet && isatty(STDERR_FILENO);
	o.interrupt = &match_interrupted;
	rq.opts = &o;
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	rc = svc_match(&s, &rq, &res, &aff, &sum, &e);
	sigaction(SIGINT, &old, NULL);
	for (size_t i = 0; i < res.files_n; i++) {
		if (res.files[i].status == SCAN_FAILED)
			fprintf(stderr, "breachkit match: %s: %s\n",
			    res.files[i].path, res.files[i].error);
	}
	/* aff.a: the list came (also when a file failed or was cut short) */
	if (aff.a != NULL && env.json) {
		match_json_print(&res, &sum, &aff);
	} else if (aff.a != NULL) {
		printf("%llu identifiers in the leak, %llu matched our "
		       "subjects, %llu did not (%llu pre-filter candidates)\n"
		       "%zu of %zu indexed subjects affected; the incident now "
		       "lists %zu%s%s\n",
		    (unsigned long long)sum.identifiers,
		    (unsigned long long)sum.matched,
		    (unsigned long long)sum.unmatched,
		    (unsigned long long)sum.candidates, sum.affected,
		    sum.indexed, sum.affected_total,
		    sum.estimate ? " (subjects.count marked an estimate)" : "",
		    rq.dry_run ? " (dry run: nothing recorded)" : "");
		if (list)
			match_list_print(&aff);
	}
	match_affected_release(&aff);
	fflush(stdout);
	if (rc == ERR_INTR) {
		fprintf(stderr, "breachkit match: %s\n", e.msg);
		code = 130;
	} else if (rc != ERR_OK) {
		code = cli_fail(&env, rc, &e);
	} else {
		code = 0;
	}
	scan_result_release(&res);
	cli_close(st, &s);
	return code;
}
