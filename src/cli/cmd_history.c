/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_history.c: the commands that add to an incident's history
 * without changing its facts: note, attach, erase.
 */
#include "base/base.h"

#include "cli/cli.h"

/* Parse common options only; returns -1 to continue. */
static int
common_only(int argc, char **argv, struct cli_env *env,
    const struct option *extra, int (*on)(int, void *), void *arg)
{
	struct option opts[16];
	static const struct option common[] = { CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	size_t n = 0;
	int c, code = -1;

	for (; extra != NULL && extra[n].name != NULL; n++)
		opts[n] = extra[n];
	for (size_t i = 0; i < nitems(common); i++)
		opts[n + i] = common[i];
	optind = 1;
	while ((c = cli_getopt(env, argc, argv, opts, &code)) != -1) {
		if (on == NULL || on(c, arg) != 0)
			return cli_usage(env, "unknown option");
	}
	return code;
}

int
cmd_note(int argc, char **argv)
{
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	enum err rc;
	int code;

	cli_env_init(&env, "note");
	code = common_only(argc, argv, &env, NULL, NULL, NULL);
	if (code >= 0)
		return code;
	if (argc - optind != 2)
		return cli_usage(&env, "give an incident ID and the TEXT");
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	rc = svc_note(&s, argv[optind], argv[optind + 1], &e);
	code = rc == ERR_OK ? 0 : cli_fail(&env, rc, &e);
	cli_close(st, &s);
	return code;
}

static int
attach_opt(int c, void *arg)
{
	if (c != 'n')
		return -1;
	*(const char **)arg = optarg;
	return 0;
}

int
cmd_attach(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' }, { NULL, 0, NULL, 0 }
	};
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	struct buf b;
	const char *name = NULL, *path;
	enum err rc;
	int code;

	cli_env_init(&env, "attach");
	code = common_only(argc, argv, &env, opts, attach_opt, &name);
	if (code >= 0)
		return code;
	if (argc - optind != 2)
		return cli_usage(&env, "give an incident ID and a FILE");
	path = argv[optind + 1];
	if (name == NULL) {
		name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	}
	buf_init(&b, ATTACH_MAX);
	code = cli_read_file(&env, path, &b);
	if (code == 0)
		code = cli_open(&env, &st, &s);
	if (code == 0) {
		svc_err_clear(&e);
		rc = svc_attach(
		    &s, argv[optind], name, b.p ? b.p : "", b.len, &e);
		if (rc != ERR_OK)
			code = cli_fail(&env, rc, &e);
		else
			printf("attached %s (%zu bytes, sha256 %s)\n", name,
			    b.len, e.msg);
		cli_close(st, &s);
	}
	buf_release(&b);
	return code;
}

struct erase_opts {
	const char *fields[32];
	size_t n;
	bool notes;
	const char *reason;
	bool too_many;
};

static int
erase_opt(int c, void *arg)
{
	struct erase_opts *o = arg;

	switch (c) {
	case 'f':
		if (o->n == nitems(o->fields))
			o->too_many = true;
		else
			o->fields[o->n++] = optarg;
		return 0;
	case 'N':
		o->notes = true;
		return 0;
	case 'r':
		o->reason = optarg;
		return 0;
	default:
		return -1;
	}
}

int
cmd_erase(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "field", required_argument, NULL, 'f' },
		{ "notes", no_argument, NULL, 'N' },
		{ "reason", required_argument, NULL, 'r' }, { NULL, 0, NULL, 0 }
	};
	struct cli_env env;
	struct erase_opts o = { 0 };
	struct store *st;
	struct svc s;
	struct svc_err e;
	enum err rc;
	int code;

	cli_env_init(&env, "erase");
	code = common_only(argc, argv, &env, opts, erase_opt, &o);
	if (code >= 0)
		return code;
	if (o.too_many)
		return cli_usage(&env, "at most 32 --field options");
	if (argc - optind != 1)
		return cli_usage(&env, "give exactly one incident ID");
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	rc = svc_erase(&s, argv[optind], o.fields, o.n, o.notes, o.reason, &e);
	if (rc != ERR_OK)
		code = cli_fail(&env, rc, &e);
	else
		printf("%s: erased\n", argv[optind]);
	cli_close(st, &s);
	return code;
}
