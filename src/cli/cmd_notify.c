/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_notify.c: breachkit notify ID --authority CODE --format FMT
 * [--phase P] [--out FILE] [--delay-reason TEXT] [--authority-file F].
 * Prints the Art. 33 notification in the authority's order and words, or,
 * when a field the authority requires is missing, lists what is missing
 * and where to record it, and exits 2 without generating anything.
 */
#include "base/base.h"

#include <errno.h>
#include <inttypes.h>
#include <unistd.h>

#include "base/str.h"
#include "cli/cli.h"
#include "doc/notify.h"

enum { NOTIFY_OUT_MAX = 64 << 20 };

/*
 * The file `path` when given, else the file in use for `code`: stored in
 * the register (breachkit authority load) or built in.
 */
static int
load_authority(const struct cli_env *env, struct svc *s, const char *code,
    const char *path, struct arena *a, struct authority *au)
{
	struct svc_err e;
	struct buf b;
	int64_t version;
	enum err rc;
	int code_rc;

	svc_err_clear(&e);
	if (path != NULL) {
		buf_init(&b, AUTHORITY_JSON_MAX);
		code_rc = cli_read_file(env, path, &b);
		if (code_rc != 0) {
			buf_release(&b);
			return code_rc;
		}
		rc = authority_parse(b.p ? b.p : "", b.len, a, au, &e.fe);
		buf_release(&b);
		snprintf(e.msg, sizeof(e.msg), "%s", path);
	} else {
		rc = svc_authority_get(s, code, a, au, &version, &e);
		if (rc == ERR_NOTFOUND) {
			fprintf(stderr, "breachkit %s: %s\n", env->cmd, e.msg);
			return 2;
		}
	}
	if (rc != ERR_OK)
		return cli_fail(env, rc, &e);
	if (code != NULL && !str_eq(au->code, code)) {
		fprintf(stderr,
		    "breachkit %s: %s describes authority \"%s\", "
		    "not \"%s\"\n",
		    env->cmd, path ? path : "the file", au->code, code);
		return 2;
	}
	return 0;
}

static int
write_out(const struct cli_env *env, const char *path, const struct buf *b)
{
	FILE *fp = stdout;

	if (path != NULL) {
		fp = fopen(path, "wb");
		if (fp == NULL) {
			fprintf(stderr, "breachkit %s: cannot write %s: %s\n",
			    env->cmd, path, strerror(errno));
			return 1;
		}
	}
	if (b->len > 0 && fwrite(b->p, 1, b->len, fp) != b->len) {
		fprintf(stderr, "breachkit %s: error writing %s\n", env->cmd,
		    path ? path : "standard output");
		if (fp != stdout)
			fclose(fp);
		return 1;
	}
	if (fp != stdout && fclose(fp) != 0) {
		fprintf(
		    stderr, "breachkit %s: error writing %s\n", env->cmd, path);
		return 1;
	}
	return 0;
}

/* The authority from --authority, else the register's setting. */
static const char *
default_authority(struct svc *s)
{
	const char *v = NULL;

	if (store_setting_get(s->st, "authority", s->a, &v) != ERR_OK)
		return NULL;
	return v;
}

int
cmd_notify(int argc, char **argv)
{
	static const struct option opts[] = { { "authority", required_argument,
		                                  NULL, 'a' },
		{ "authority-file", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ "phase", required_argument, NULL, 'p' },
		{ "out", required_argument, NULL, 'o' },
		{ "delay-reason", required_argument, NULL, 'r' },
		CLI_COMMON_OPTS, { NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	struct authority au;
	struct notify_doc nd;
	struct arena *a = NULL;
	struct buf b;
	const char *code = NULL, *afile = NULL, *outp = NULL;
	const char *reason = NULL;
	int fmt = FMT_TEXT, phase = PHASE_INITIAL;
	int c, rc_code = -1;
	enum err rc;

	cli_env_init(&env, "notify");
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &rc_code)) != -1) {
		switch (c) {
		case 'a':
			code = optarg;
			break;
		case 'F':
			afile = optarg;
			break;
		case 'f':
			fmt = name_lookup(notify_fmt_names, FMT__MAX, optarg);
			if (fmt < 0)
				return cli_usage(&env, "--format must be text, "
				                       "md, html, json or pdf");
			break;
		case 'p':
			phase = name_lookup(phase_names, PHASE__MAX, optarg);
			if (phase < 0)
				return cli_usage(&env,
				    "--phase must be "
				    "initial, follow-up, final or withdrawn");
			break;
		case 'o':
			outp = optarg;
			break;
		case 'r':
			reason = optarg;
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
	}
	if (rc_code >= 0)
		return rc_code;
	if (argc - optind != 1)
		return cli_usage(&env, "give one incident ID");
	if (env.json)
		fmt = FMT_JSON;
	if (fmt == FMT_PDF && outp == NULL && isatty(STDOUT_FILENO))
		return cli_usage(&env, "a PDF goes to --out FILE (or to a "
		                       "pipe), not to a terminal");
	rc_code = cli_open(&env, &st, &s);
	if (rc_code != 0)
		return rc_code;
	a = arena_new();
	buf_init(&b, NOTIFY_OUT_MAX);
	if (code == NULL && afile == NULL)
		code = default_authority(&s);
	if (code == NULL && afile == NULL) {
		rc_code = cli_usage(&env,
		    "give --authority (nrw, by, bw, "
		    "bfdi, en) or set one with breachkit settings set "
		    "authority CODE");
		goto out;
	}
	rc_code = load_authority(&env, &s, code, afile, a, &au);
	if (rc_code != 0)
		goto out;
	svc_err_clear(&e);
	rc = svc_notify(
	    &s, argv[optind], &au, (enum phase)phase, reason, a, &nd, &e);
	if (rc != ERR_OK) {
		rc_code = cli_fail(&env, rc, &e);
		goto out;
	}
	if (nd.missing_n > 0) {
		notify_missing_text(&nd, &b);
		fprintf(stderr,
		    "breachkit notify: %s: nothing generated.\n%s\n",
		    argv[optind], buf_cstr(&b));
		buf_reset(&b);
		if (fmt == FMT_JSON &&
		    notify_render(&nd, FMT_JSON, &b) == ERR_OK)
			write_out(&env, NULL, &b);
		rc_code = 2;
		goto out;
	}
	rc = notify_render(&nd, (enum notify_fmt)fmt, &b);
	if (fmt == FMT_PDF)
		doc_pdf_shutdown();
	if (rc != ERR_OK) {
		fprintf(stderr, "breachkit notify: cannot render the %s: %s\n",
		    notify_fmt_names[fmt], err_str(rc));
		rc_code = err_exit_code(rc) ? err_exit_code(rc) : 1;
		goto out;
	}
	rc_code = write_out(&env, outp, &b);
out:
	buf_release(&b);
	arena_free(a);
	cli_close(st, &s);
	return rc_code;
}

/*
 * breachkit authority list | show CODE | load FILE | reset CODE |
 * history CODE: authority files stored in the register.
 */
static int
authority_print_list(struct cli_env *env, struct svc *s)
{
	json_t *all = svc_authority_list(s), *it;
	size_t i;

	if (env->json) {
		cli_print_json(all);
		return 0;
	}
	json_array_foreach (all, i, it) {
		const json_t *sn = json_object_get(it, "short_name");
		const json_t *pr = json_object_get(it, "problem");

		printf("%-8s %-9s",
		    json_string_value(json_object_get(it, "code")),
		    json_string_value(json_object_get(it, "source")));
		if (json_integer_value(json_object_get(it, "version")) > 0)
			printf(" v%-3" JSON_INTEGER_FORMAT,
			    json_integer_value(json_object_get(it, "version")));
		else
			printf("     ");
		printf(" %s\n", json_is_string(sn)   ? json_string_value(sn)
		                : json_is_string(pr) ? json_string_value(pr)
		                                     : "");
	}
	json_decref(all);
	return 0;
}

static int
authority_print_history(struct cli_env *env, struct svc *s, const char *code)
{
	struct svc_err e;
	json_t *h;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_authority_history(s, code, &h, &e);
	if (rc != ERR_OK)
		return cli_fail(env, rc, &e);
	if (!env->json && json_array_size(h) == 0)
		printf("%s: never stored in this register\n", code);
	cli_print_versions(env, h);
	return 0;
}

int
cmd_authority(int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	struct buf b;
	const char *verb, *json, *code;
	size_t len;
	int rc_code = -1, n;
	int64_t version;
	enum err rc;

	cli_env_init(&env, "authority");
	optind = 1;
	if (cli_getopt(&env, argc, argv, opts, &rc_code) != -1)
		return cli_usage(&env, "unknown option");
	if (rc_code >= 0)
		return rc_code;
	n = argc - optind;
	verb = n > 0 ? argv[optind] : "list";
	if (!((str_eq(verb, "list") && n <= 1) ||
	        (str_eq(verb, "show") && n == 2) ||
	        (str_eq(verb, "load") && n == 2) ||
	        (str_eq(verb, "reset") && n == 2) ||
	        (str_eq(verb, "history") && n == 2)))
		return cli_usage(&env, "list, show CODE, load FILE, reset CODE "
		                       "or history CODE");
	buf_init(&b, AUTHORITY_JSON_MAX);
	if (str_eq(verb, "load")) {
		rc_code = cli_read_file(&env, argv[optind + 1], &b);
		if (rc_code != 0) {
			buf_release(&b);
			return rc_code;
		}
	}
	rc_code = cli_open(&env, &st, &s);
	if (rc_code != 0) {
		buf_release(&b);
		return rc_code;
	}
	svc_err_clear(&e);
	if (str_eq(verb, "list")) {
		rc_code = authority_print_list(&env, &s);
	} else if (str_eq(verb, "history")) {
		rc_code = authority_print_history(&env, &s, argv[optind + 1]);
	} else if (str_eq(verb, "show")) {
		rc = svc_authority_source(
		    &s, argv[optind + 1], s.a, &json, &len, &version, &e);
		if (rc == ERR_OK)
			fwrite(json, 1, len, stdout);
		rc_code = rc == ERR_OK ? 0 : cli_fail(&env, rc, &e);
		if (rc == ERR_NOTFOUND)
			rc_code = 2;
	} else if (str_eq(verb, "load")) {
		rc = svc_authority_load(
		    &s, b.p ? b.p : "", b.len, &code, &version, &e);
		if (rc == ERR_OK)
			printf("%s: version %" PRId64 " stored; notify "
			       "--authority %s uses it\n",
			    code, version, code);
		else
			snprintf(e.msg, sizeof(e.msg), "%s", argv[optind + 1]);
		rc_code = rc == ERR_OK ? 0 : cli_fail(&env, rc, &e);
	} else {
		rc = svc_authority_reset(&s, argv[optind + 1], &version, &e);
		if (rc == ERR_OK)
			printf("%s: version %" PRId64 ", back to the "
			       "built-in file\n",
			    argv[optind + 1], version);
		rc_code = rc == ERR_OK ? 0 : cli_fail(&env, rc, &e);
	}
	buf_release(&b);
	cli_close(st, &s);
	return rc_code;
}
