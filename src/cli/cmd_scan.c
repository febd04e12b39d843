/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_scan.c: breachkit scan FILE...: personal data in leak files
 * (docs/scan.md).  Each file is parsed in a limited child process; this
 * prints the categories, counts, distinct estimates, columns and masked
 * samples, never a value.  --eval is the test tool behind the precision and
 * recall figures: it compares the detectors with a generator's labels.
 */
#include "base/base.h"

#include <signal.h>
#include <unistd.h>

#include "base/str.h"
#include "cli/cli.h"
#include "model/facts.h"
#include "scan/reader.h"
#include "scan/scan.h"

static volatile int scan_interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	scan_interrupted = 1;
}

static void
human_bytes(char *out, size_t sz, uint64_t n)
{
	if (n >= 1000000000ull)
		snprintf(out, sz, "%.2f GB", (double)n / 1e9);
	else if (n >= 1000000ull)
		snprintf(out, sz, "%.1f MB", (double)n / 1e6);
	else
		snprintf(out, sz, "%llu B", (unsigned long long)n);
}

static void
print_human(const struct scan_result *r)
{
	bool any = false;

	for (size_t i = 0; i < r->files_n; i++) {
		const struct scan_file_result *f = &r->files[i];
		char b[32];
		static const char *const st[] = { "complete", "partial",
			"FAILED" };

		human_bytes(b, sizeof(b), f->size);
		if (f->status == SCAN_FAILED) /* no format, encoding, counts */
			printf("%s: %s, %.2f s, %s\n", f->path, b, f->seconds,
			    st[f->status]);
		else
			printf("%s: %s, %s, %s encoding, %s compression, %llu "
			       "records, %.2f s, %s\n",
			    f->path, b, scan_format_name(f->format),
			    reader_enc_name(f->encoding),
			    reader_comp_name(f->compression),
			    (unsigned long long)f->records, f->seconds,
			    st[f->status]);
		if (f->error[0] != '\0')
			printf("  error: %s\n", f->error);
		for (unsigned k = 0; k < f->warnings_n; k++)
			printf("  warning at byte %llu: %s\n",
			    (unsigned long long)f->warnings[k].off,
			    f->warnings[k].msg);
		if (f->warnings_dropped > 0)
			printf("  ... %llu more warnings\n",
			    (unsigned long long)f->warnings_dropped);
	}
	printf("\n%-20s %12s %12s %14s %-11s %-14s %s\n", "CATEGORY", "VALUES",
	    "RECORDS", "DISTINCT(est.)", "ENISA", "DATA CATEGORY",
	    "COLUMNS / SAMPLES");
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		const struct scan_cat_result *c = &r->cats[k];

		if (c->values == 0)
			continue;
		any = true;
		printf("%-20s %12llu %12llu %14llu %-11s %-14s ",
		    scan_cat_name(k), (unsigned long long)c->values,
		    (unsigned long long)c->records,
		    (unsigned long long)scan_distinct_estimate(c),
		    scan_cat_enisa(k),
		    enum_json_name("data_category", scan_cat_data_cat(k)));
		for (unsigned i = 0; i < c->cols_n; i++)
			printf("%s%s", i ? "," : "[", c->cols[i]);
		printf("%s", c->cols_n ? "] " : "");
		for (unsigned i = 0; i < c->samples_n; i++)
			printf("%s%s", i ? ", " : "", c->samples[i]);
		putchar('\n');
	}
	if (!any)
		puts("(no personal data found)");
	if (r->interrupted)
		puts("\nINTERRUPTED: the results are partial.");
}

static int
run_eval(const char *file, const char *labels, bool json)
{
	struct scan_eval_cat ev[SCAN_CAT__MAX];
	json_t *out = json_object();
	enum err rc = scan_eval(file, labels, ev);

	if (rc != ERR_OK) {
		fprintf(stderr, "breachkit scan: --eval: %s\n", err_str(rc));
		json_decref(out);
		return err_exit_code(rc);
	}
	if (!json)
		printf("%-20s %10s %10s %10s %9s %9s\n", "CATEGORY", "TP", "FP",
		    "FN", "PRECISION", "RECALL");
	for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
		double p, r;

		if (ev[k].tp + ev[k].fp + ev[k].fn == 0)
			continue;
		p = ev[k].tp + ev[k].fp
		        ? (double)ev[k].tp / (double)(ev[k].tp + ev[k].fp)
		        : 1.0;
		r = ev[k].tp + ev[k].fn
		        ? (double)ev[k].tp / (double)(ev[k].tp + ev[k].fn)
		        : 1.0;
		if (json)
			json_object_set_new(out, scan_cat_name(k),
			    json_pack("{s:I,s:I,s:I,s:f,s:f}", "tp",
			        (json_int_t)ev[k].tp, "fp",
			        (json_int_t)ev[k].fp, "fn",
			        (json_int_t)ev[k].fn, "precision", p, "recall",
			        r));
		else
			printf("%-20s %10llu %10llu %10llu %8.2f%% %8.2f%%\n",
			    scan_cat_name(k), (unsigned long long)ev[k].tp,
			    (unsigned long long)ev[k].fp,
			    (unsigned long long)ev[k].fn, 100 * p, 100 * r);
	}
	if (json)
		cli_print_json(out);
	else
		json_decref(out);
	return 0;
}

int
cmd_scan(int argc, char **argv)
{
	static const struct option opts[] = { { "format", required_argument,
		                                  NULL, 'f' },
		{ "max-line", required_argument, NULL, 'm' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "threads", required_argument, NULL, 't' },
		{ "eval", required_argument, NULL, 'E' },
		{ "incident", required_argument, NULL, 'i' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct scan_opts o;
	struct scan_result res = { 0 };
	struct sigaction sa = { 0 }, old;
	const char *eval = NULL, *incident = NULL;
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	bool quiet = false, failed = false;
	enum err rc = ERR_OK;
	int c, code = -1;
	int64_t v;

	cli_env_init(&env, "scan");
	scan_opts_init(&o);
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		if (c == 'f') {
			o.force_format = -2;
			for (unsigned k = 0; k < SCAN_FMT__MAX; k++) {
				if (str_eq(optarg, scan_format_name(k)))
					o.force_format = (int)k;
			}
			if (o.force_format == -2)
				return cli_usage(
				    &env, "--format: unknown %s", optarg);
		} else if (c == 'm') {
			if (str_to_i64(optarg, 4096, 1 << 30, &v) != ERR_OK)
				return cli_usage(&env,
				    "--max-line: bytes from 4096 to 1 GiB");
			o.max_line = (size_t)v;
		} else if (c == 't') {
			if (str_to_i64(optarg, 1, 64, &v) != ERR_OK)
				return cli_usage(
				    &env, "--threads: from 1 to 64");
			o.threads = (unsigned)v;
		} else if (c == 'q') {
			quiet = true;
		} else if (c == 'E') {
			eval = optarg;
		} else if (c == 'i') {
			incident = optarg;
		} else {
			return cli_usage(&env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	if (optind >= argc)
		return cli_usage(&env, "give one or more FILEs");
	if (eval != NULL) {
		if (argc - optind != 1)
			return cli_usage(&env, "--eval takes one FILE");
		return run_eval(argv[optind], eval, env.json);
	}
	if (incident != NULL) {
		/* the incident must exist before minutes of scanning */
		struct incident in;
		struct arena *a;

		code = cli_open(&env, &st, &s);
		if (code != 0)
			return code;
		svc_err_clear(&e);
		a = arena_new();
		rc = svc_resolve(&s, incident, a, &in, &e);
		arena_free(a);
		if (rc != ERR_OK) {
			code = cli_fail(&env, rc, &e);
			cli_close(st, &s);
			return code;
		}
	}
	o.progress = !quiet && isatty(STDERR_FILENO);
	o.interrupt = &scan_interrupted;
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	for (int i = optind; i < argc && !scan_interrupted; i++) {
		enum err r = scan_file(argv[i], &o, &res);

		if (r == ERR_INTR)
			rc = ERR_INTR;
		else if (r != ERR_OK)
			failed = true;
	}
	sigaction(SIGINT, &old, NULL);
	if (scan_interrupted) {
		res.interrupted = true;
		rc = ERR_INTR;
	}
	if (env.json)
		cli_print_json(scan_result_json(&res));
	else
		print_human(&res);
	if (st != NULL) {
		json_t *j = scan_result_json(&res);
		enum err r = svc_scan_record(&s, incident, j, &e);

		json_decref(j);
		if (r != ERR_OK) {
			code = cli_fail(&env, r, &e);
			failed = true;
		} else if (!env.json) {
			printf("\nrecorded on %s as a scan event\n", incident);
		}
		cli_close(st, &s);
	}
	for (size_t i = 0; i < res.files_n; i++) {
		if (res.files[i].status == SCAN_FAILED)
			fprintf(stderr, "breachkit scan: %s: %s\n",
			    res.files[i].path, res.files[i].error);
	}
	scan_result_release(&res);
	if (rc == ERR_INTR)
		return 130;
	return failed ? 1 : 0;
}
