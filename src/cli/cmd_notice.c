/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_notice.c: breachkit notice ID [--kind public|controller|register]
 * [--lang de|en] [--format text|html] [--out FILE].  Settings the
 * document needs and the register lacks are listed (exit 2) before
 * anything is written.
 */
#include "base/base.h"

#include <errno.h>

#include "cli/cli.h"
#include "svc/svc.h"

enum { NOTICE_MAX = 4 << 20 };

static int
write_out(const struct cli_env *env, const char *path, const struct buf *b)
{
	FILE *fp;

	if (path == NULL) {
		fwrite(b->p != NULL ? b->p : "", 1, b->len, stdout);
		return 0;
	}
	fp = fopen(path, "wb");
	if (fp == NULL ||
	    fwrite(b->p != NULL ? b->p : "", 1, b->len, fp) != b->len) {
		fprintf(stderr, "breachkit %s: cannot write %s: %s\n", env->cmd,
		    path, strerror(errno));
		if (fp != NULL)
			fclose(fp);
		return 1;
	}
	if (fclose(fp) != 0) {
		fprintf(stderr, "breachkit %s: cannot write %s: %s\n", env->cmd,
		    path, strerror(errno));
		return 1;
	}
	return 0;
}

int
cmd_notice(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_env env;
	struct notice_req r = { 0 };
	struct store *st;
	struct svc s;
	struct svc_err e;
	struct buf b;
	const char *out = NULL;
	int c, code = -1;
	enum err rc;

	cli_env_init(&env, "notice");
	r.kind = NOTICE_PUBLIC;
	r.german = true;
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 'k':
			if (strcmp(optarg, "public") == 0)
				r.kind = NOTICE_PUBLIC;
			else if (strcmp(optarg, "controller") == 0)
				r.kind = NOTICE_CONTROLLER;
			else if (strcmp(optarg, "register") == 0)
				r.kind = NOTICE_REGISTER;
			else
				return cli_usage(&env,
				    "--kind: public, "
				    "controller or register");
			break;
		case 'l':
			if (strcmp(optarg, "de") != 0 &&
			    strcmp(optarg, "en") != 0)
				return cli_usage(&env, "--lang: de or en");
			r.german = strcmp(optarg, "de") == 0;
			break;
		case 'f':
			if (strcmp(optarg, "text") != 0 &&
			    strcmp(optarg, "html") != 0)
				return cli_usage(
				    &env, "--format: text or html");
			r.html = strcmp(optarg, "html") == 0;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	if (argc - optind != 1)
		return cli_usage(&env, "one incident ID");
	if (r.html && r.kind != NOTICE_PUBLIC)
		return cli_usage(
		    &env, "--format html is for the public notice");
	r.id = argv[optind];
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	buf_init(&b, NOTICE_MAX);
	rc = svc_notice(&s, &r, &b, &e);
	code = rc == ERR_OK ? write_out(&env, out, &b) : cli_fail(&env, rc, &e);
	buf_release(&b);
	cli_close(st, &s);
	return code;
}
