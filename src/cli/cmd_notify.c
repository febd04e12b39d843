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
#include <unistd.h>

#include "base/str.h"
#include "cli/cli.h"
#include "doc/notify.h"

enum { NOTIFY_OUT_MAX = 64 << 20 };

/* The built-in authority `code`, or the file `path` when given. */
static int
load_authority(const struct cli_env *env, const char *code, const char *path,
    struct arena *a, struct authority *au)
{
	struct svc_err e;
	struct buf b;
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
		rc = authority_builtin(code, a, au, &e.fe);
		snprintf(
		    e.msg, sizeof(e.msg), "built-in authorities/%s.json", code);
		if (rc == ERR_NOTFOUND)
			return cli_usage(env, "--authority must be one of nrw, "
			                      "by, bw, bfdi, en");
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
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (cli_common_opt(&env, c, &rc_code)) {
			if (rc_code >= 0)
				return rc_code;
			continue;
		}
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
	rc_code = load_authority(&env, code, afile, a, &au);
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
