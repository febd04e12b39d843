/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_register.c: commands over the whole register: export, verify,
 * backup, regime, migrate, schema.
 */
#include "base/base.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "cli/cli.h"

/* Parse only the common options plus one string option `name`. */
static int
opts_with(int argc, char **argv, struct cli_env *env, const char *name,
    const char **val, const char *flag, bool *flag_val)
{
	struct option opts[] = { { name ? name : "-", required_argument, NULL,
		                     'v' },
		{ flag ? flag : "--", no_argument, NULL, 'f' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	int c, code = -1;

	optind = 1;
	while ((c = cli_getopt(env, argc, argv, opts, &code)) != -1) {
		if (c == 'v' && name != NULL)
			*val = optarg;
		else if (c == 'f' && flag != NULL)
			*flag_val = true;
		else
			return cli_usage(env, "unknown option");
	}
	return code;
}

int
cmd_export(int argc, char **argv)
{
	static const struct option opts[] = { { "format", required_argument,
		                                  NULL, 'F' },
		{ "out", required_argument, NULL, 'o' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	const char *format = "csv", *out = NULL;
	FILE *fp = stdout;
	char tmp[4096];
	enum err rc;
	int c, code = -1;

	cli_env_init(&env, "export");
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		if (c == 'F')
			format = optarg;
		else if (c == 'o')
			out = optarg;
		else
			return cli_usage(&env, "unknown option");
	}
	if (code >= 0)
		return code;
	if (env.json)
		format = "json";
	if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
		return cli_usage(&env, "--format must be csv or json");
	if (optind != argc)
		return cli_usage(&env, "unexpected argument");
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	if (out != NULL) {
		int fd;

		/* Write to a temporary file and rename: never a half export. */
		snprintf(tmp, sizeof(tmp), "%s.tmpXXXXXX", out);
		fd = mkstemp(tmp);
		fp = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (fp == NULL) {
			fprintf(stderr,
			    "breachkit export: cannot write %s: "
			    "%s\n",
			    out, strerror(errno));
			cli_close(st, &s);
			return 1;
		}
	}
	svc_err_clear(&e);
	rc = svc_export(st, fp, strcmp(format, "json") == 0, s.now, &e);
	if (out != NULL) {
		if (fclose(fp) != 0 && rc == ERR_OK) {
			svc_err_msg(&e, "writing %s failed", out);
			rc = ERR_IO;
		}
		if (rc == ERR_OK && rename(tmp, out) != 0) {
			svc_err_msg(&e, "cannot rename to %s: %s", out,
			    strerror(errno));
			rc = ERR_IO;
		}
		if (rc != ERR_OK)
			unlink(tmp);
	}
	code = rc == ERR_OK ? 0 : cli_fail(&env, rc, &e);
	cli_close(st, &s);
	return code;
}

struct vrep {
	bool json;
	json_t *problems;
};

static void
verify_report(void *arg, const char *ref, int64_t seq, const char *problem)
{
	struct vrep *r = arg;

	if (r->json)
		json_array_append_new(r->problems,
		    json_pack("{s:s, s:I, s:s}", "incident", ref, "event",
		        (json_int_t)seq, "problem", problem));
	else if (seq > 0)
		printf(
		    "FAIL %s event %lld: %s\n", ref, (long long)seq, problem);
	else
		printf("FAIL %s: %s\n", ref, problem);
}

int
cmd_verify(int argc, char **argv)
{
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	struct vrep r = { 0 };
	size_t checked = 0, bad = 0;
	const char *against = NULL;
	json_t *old = NULL;
	json_error_t jerr;
	enum err rc;
	int code;

	cli_env_init(&env, "verify");
	code = opts_with(argc, argv, &env, "against", &against, NULL, NULL);
	if (code >= 0)
		return code;
	if (optind != argc)
		return cli_usage(&env, "unexpected argument");
	if (against != NULL) {
		old = json_load_file(against, JSON_REJECT_DUPLICATES, &jerr);
		if (old == NULL ||
		    !json_is_array(json_object_get(old, "register"))) {
			fprintf(stderr,
			    "breachkit verify: %s is not a register "
			    "export (breachkit export --format json): %s\n",
			    against,
			    old == NULL ? jerr.text : "no \"register\"");
			json_decref(old);
			return 2;
		}
	}
	code = cli_open(&env, &st, &s);
	if (code != 0) {
		json_decref(old);
		return code;
	}
	r.json = env.json;
	r.problems = json_array();
	svc_err_clear(&e);
	rc = svc_verify(st, old, verify_report, &r, &checked, &bad, &e);
	json_decref(old);
	if (rc != ERR_OK) {
		code = cli_fail(&env, rc, &e);
	} else {
		if (env.json)
			cli_print_json(json_pack("{s:b, s:I, s:O}", "ok",
			    bad == 0, "incidents", (json_int_t)checked,
			    "problems", r.problems));
		else
			printf("%s: %zu incidents checked, %zu with problems\n",
			    bad == 0 ? "ok" : "FAILED", checked, bad);
		code = bad == 0 ? 0 : 1;
	}
	json_decref(r.problems);
	cli_close(st, &s);
	return code;
}

int
cmd_backup(int argc, char **argv)
{
	struct cli_env env;
	struct store *st;
	struct svc s;
	enum err rc;
	int code;

	cli_env_init(&env, "backup");
	code = opts_with(argc, argv, &env, NULL, NULL, NULL, NULL);
	if (code >= 0)
		return code;
	if (argc - optind != 1)
		return cli_usage(&env, "give the FILE to write");
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	rc = store_backup(st, argv[optind]);
	if (rc != ERR_OK) {
		fprintf(stderr, "breachkit backup: %s\n", store_errmsg(st));
		code = err_exit_code(rc);
	} else {
		printf("backup written to %s (and its access log %s-access)\n",
		    argv[optind], argv[optind]);
	}
	cli_close(st, &s);
	return code;
}

struct rlist {
	bool json;
	json_t *arr;
	const char *want;
	bool found;
};

static enum err
regime_row(void *arg, const char *id, const char *body)
{
	struct rlist *r = arg;
	json_t *j = json_loads(body, 0, NULL);

	if (r->want != NULL) {
		if (strcmp(r->want, id) == 0) {
			puts(body);
			r->found = true;
		}
	} else if (r->json) {
		json_array_append(r->arr, j);
	} else {
		printf("%-8s %s\n", id,
		    json_string_value(json_object_get(j, "name")));
	}
	json_decref(j);
	return ERR_OK;
}

int
cmd_regime(int argc, char **argv)
{
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	struct rlist r = { 0 };
	struct buf b;
	const char *verb, *id;
	enum err rc;
	int code;

	cli_env_init(&env, "regime");
	code = opts_with(argc, argv, &env, NULL, NULL, NULL, NULL);
	if (code >= 0)
		return code;
	if (argc - optind < 1)
		return cli_usage(&env, "which? list, show ID or load FILE");
	verb = argv[optind];
	if (strcmp(verb, "list") != 0 && argc - optind != 2)
		return cli_usage(&env, "%s needs one argument", verb);
	if (strcmp(verb, "list") != 0 && strcmp(verb, "show") != 0 &&
	    strcmp(verb, "load") != 0)
		return cli_usage(&env, "unknown subcommand \"%s\"", verb);
	buf_init(&b, REGIME_JSON_MAX);
	if (strcmp(verb, "load") == 0) {
		code = cli_read_file(&env, argv[optind + 1], &b);
		if (code != 0)
			goto out;
	}
	code = cli_open(&env, &st, &s);
	if (code != 0)
		goto out;
	svc_err_clear(&e);
	if (strcmp(verb, "load") == 0) {
		rc = svc_regime_load(&s, b.p ? b.p : "", b.len, &id, &e);
		if (rc != ERR_OK)
			code = cli_fail(&env, rc, &e);
		else
			printf("regime %s loaded\n", id);
	} else {
		r.json = env.json;
		r.arr = json_array();
		r.want = strcmp(verb, "show") == 0 ? argv[optind + 1] : NULL;
		rc = store_regime_each(st, s.a, regime_row, &r);
		if (rc != ERR_OK) {
			fprintf(
			    stderr, "breachkit regime: %s\n", store_errmsg(st));
			code = err_exit_code(rc);
		} else if (r.json && r.want == NULL)
			cli_print_json(json_incref(r.arr));
		if (r.want != NULL && !r.found) {
			fprintf(stderr, "breachkit regime: no regime \"%s\"\n",
			    r.want);
			code = 1;
		}
		json_decref(r.arr);
	}
	cli_close(st, &s);
out:
	buf_release(&b);
	return code;
}

int
cmd_migrate(int argc, char **argv)
{
	struct cli_env env;
	struct store *st;
	struct svc s;
	bool check = false;
	int code, have, newest;

	cli_env_init(&env, "migrate");
	code = opts_with(argc, argv, &env, NULL, NULL, "check", &check);
	if (code >= 0)
		return code;
	/* Opening migrates; the report says where the register stands. */
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	store_schema_version(st, &have, &newest);
	printf("schema version %d (this build knows up to %d)\n", have, newest);
	cli_close(st, &s);
	return 0;
}

int
cmd_schema(int argc, char **argv)
{
	struct cli_env env;
	struct buf b;
	bool md = false;
	int code;

	cli_env_init(&env, "schema");
	code = opts_with(argc, argv, &env, NULL, NULL, "markdown", &md);
	if (code >= 0)
		return code;
	if (argc - optind != 1 || strcmp(argv[optind], "facts") != 0)
		return cli_usage(&env, "only \"schema facts\" exists");
	if (md) {
		buf_init(&b, 1 << 20);
		facts_doc_markdown(&b);
		fputs(buf_cstr(&b), stdout);
		buf_release(&b);
	} else {
		cli_print_json(facts_schema());
	}
	return 0;
}
