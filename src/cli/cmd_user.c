/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_user.c: breachkit user list | add | set | token | tokens |
 * revoke: the web front end's accounts and API tokens.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "cli/cli.h"

struct uopts {
	const char *role, *lang, *pwfile;
	int disable;
	bool unlock;
};

/* The first line of FILE ("-" = stdin), without the newline. */
static int
read_password(struct cli_env *env, const char *path, char *out, size_t n)
{
	struct buf b;
	int code;
	size_t len;

	buf_init(&b, 4096);
	code = cli_read_file(env, path, &b);
	if (code == 0) {
		len = strcspn(buf_cstr(&b), "\r\n");
		if (len >= n) {
			fprintf(stderr, "breachkit user: the password is too "
			                "long\n");
			code = 2;
		} else {
			memcpy(out, b.p, len);
			out[len] = '\0';
		}
	}
	if (b.p != NULL)
		memset(b.p, 0, b.len);
	buf_release(&b);
	return code;
}

static int
list(struct cli_env *env, struct svc *s)
{
	struct account *v;
	size_t n;
	enum err rc;

	rc = store_begin_read(s->st);
	if (rc == ERR_OK)
		rc = store_account_list(s->st, s->a, &v, &n);
	store_rollback(s->st);
	if (rc != ERR_OK)
		return err_exit_code(rc);
	if (env->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			    arr, json_pack("{s:s, s:s, s:s, s:b, s:b}", "name",
			             v[i].name, "role", v[i].role, "lang",
			             v[i].lang, "disabled", v[i].disabled,
			             "locked", v[i].locked_until > s->now));
		cli_print_json(arr);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		printf("%-20s %-9s %s%s%s\n", v[i].name, v[i].role, v[i].lang,
		    v[i].disabled ? " disabled" : "",
		    v[i].locked_until > s->now ? " locked" : "");
	return 0;
}

static int
tokens(struct cli_env *env, struct svc *s)
{
	struct token_info *v;
	size_t n;
	enum err rc;
	char t[ISO_LEN];

	rc = store_begin_read(s->st);
	if (rc == ERR_OK)
		rc = store_token_list(s->st, s->a, &v, &n);
	store_rollback(s->st);
	if (rc != ERR_OK)
		return err_exit_code(rc);
	if (env->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++) {
			char r[ISO_LEN];

			iso8601_format(v[i].created_at, t);
			if (v[i].revoked_at)
				iso8601_format(v[i].revoked_at, r);
			json_array_append_new(arr,
			    json_pack("{s:I, s:s, s:s, s:s, s:s?}", "id",
			        (json_int_t)v[i].id, "account", v[i].account,
			        "label", v[i].label, "created_at", t,
			        "revoked_at", v[i].revoked_at ? r : NULL));
		}
		cli_print_json(arr);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		iso8601_format(v[i].created_at, t);
		printf("%-4lld %-20s %-30s %s%s\n", (long long)v[i].id,
		    v[i].account, v[i].label, t,
		    v[i].revoked_at ? " revoked" : "");
	}
	return 0;
}

static int
run(struct cli_env *env, char **args, int n, struct uopts *o)
{
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	char pw[300] = "", tok[TOKEN_MAX];
	bool generated = false;
	int64_t id = 0;
	enum err rc = ERR_OK;
	int code;

	if (o->pwfile != NULL &&
	    (code = read_password(env, o->pwfile, pw, sizeof(pw))) != 0)
		return code;
	code = cli_open(env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	if (strcmp(args[0], "list") == 0) {
		code = list(env, &s);
	} else if (strcmp(args[0], "tokens") == 0) {
		code = tokens(env, &s);
	} else if (strcmp(args[0], "add") == 0) {
		if (o->pwfile == NULL) {
			svc_password_new(pw);
			generated = true;
		}
		rc = svc_account_add(&s, args[1], o->role, pw, o->lang, &e);
		if (rc == ERR_OK && generated)
			printf("%s: password %s (shown once)\n", args[1], pw);
		else if (rc == ERR_OK)
			printf("%s: added\n", args[1]);
	} else if (strcmp(args[0], "set") == 0) {
		struct account_change c = { o->role,
			o->pwfile != NULL ? pw : NULL, o->disable, o->unlock };

		rc = svc_account_change(&s, args[1], &c, &e);
		if (rc == ERR_OK)
			printf("%s: changed\n", args[1]);
	} else if (strcmp(args[0], "token") == 0) {
		rc = svc_token_create(&s, args[1], args[2], tok, &id, &e);
		if (rc == ERR_OK)
			printf("token %lld for %s: %s (shown once)\n",
			    (long long)id, args[1], tok);
	} else if (strcmp(args[0], "revoke") == 0) {
		if (str_to_i64(args[1], 1, INT64_MAX, &id) != ERR_OK) {
			cli_close(st, &s);
			return cli_usage(env, "revoke takes a token number");
		}
		rc = svc_token_revoke(&s, id, &e);
		if (rc == ERR_OK)
			printf("token %lld: revoked\n", (long long)id);
	}
	(void)n;
	if (rc != ERR_OK)
		code = cli_fail(env, rc, &e);
	memset(pw, 0, sizeof(pw));
	cli_close(st, &s);
	return code;
}

int
cmd_user(int argc, char **argv)
{
	static const struct option opts[] = { { "role", required_argument, NULL,
		                                  'r' },
		{ "lang", required_argument, NULL, 'L' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "disable", no_argument, NULL, 'd' },
		{ "enable", no_argument, NULL, 'e' },
		{ "unlock", no_argument, NULL, 'u' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct uopts o = { NULL, NULL, NULL, -1, false };
	const char *verb;
	int c, code = -1, n;

	cli_env_init(&env, "user");
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 'r':
			o.role = optarg;
			break;
		case 'L':
			o.lang = optarg;
			break;
		case 'p':
			o.pwfile = optarg;
			break;
		case 'd':
			o.disable = 1;
			break;
		case 'e':
			o.disable = 0;
			break;
		case 'u':
			o.unlock = true;
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	n = argc - optind;
	verb = n > 0 ? argv[optind] : "list";
	if (!((strcmp(verb, "list") == 0 && n <= 1) ||
	        (strcmp(verb, "tokens") == 0 && n == 1) ||
	        (strcmp(verb, "add") == 0 && n == 2) ||
	        (strcmp(verb, "set") == 0 && n == 2) ||
	        (strcmp(verb, "token") == 0 && n == 3) ||
	        (strcmp(verb, "revoke") == 0 && n == 2)))
		return cli_usage(&env,
		    "list, add NAME --role ROLE, set NAME ..., token NAME "
		    "LABEL, tokens or revoke ID");
	if (strcmp(verb, "add") == 0 && o.role == NULL)
		return cli_usage(&env, "add needs --role (admin, dpo, editor, "
		                       "viewer, reporter)");
	if (n == 0) {
		char list_verb[] = "list";
		char *l[] = { list_verb, NULL, NULL };

		return run(&env, l, 1, &o);
	}
	return run(&env, argv + optind, n, &o);
}
