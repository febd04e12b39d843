/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_serve.c: breachkit serve: settings from flags, environment and
 * a config file (in that order of precedence), then http_serve(), which
 * main.c handed over.
 */
#include "base/base.h"

#include <errno.h>

#include "base/str.h"
#include "cli/cli.h"

static serve_fn serve_hook;

void
cli_set_serve(serve_fn fn)
{
	serve_hook = fn;
}

static void (*routes_hook)(FILE *);

void
cli_set_routes(void (*fn)(FILE *))
{
	routes_hook = fn;
}

/* Hidden: the route table for the security tests (tests/e2e 180-189). */
int
cmd_test_routes(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (routes_hook == NULL)
		return 1;
	routes_hook(stdout);
	return 0;
}

struct conf {
	char listen[256];
	char db[4096];
	int64_t threads, max_body, busy_ms;
	int tls, intake; /* -1 unset */
};

static int
parse_bool(const char *v, int *out)
{
	if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ||
	    strcmp(v, "yes") == 0)
		*out = 1;
	else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
	         strcmp(v, "no") == 0)
		*out = 0;
	else
		return -1;
	return 0;
}

/* Apply one setting; -1 with *why on a bad key or value. */
static int
conf_set(struct conf *c, const char *k, const char *v, const char **why)
{
	if (strcmp(k, "listen") == 0) {
		if (strlen(v) >= sizeof(c->listen))
			return *why = "listen: too long", -1;
		snprintf(c->listen, sizeof(c->listen), "%s", v);
	} else if (strcmp(k, "db") == 0) {
		if (strlen(v) >= sizeof(c->db))
			return *why = "db: too long", -1;
		snprintf(c->db, sizeof(c->db), "%s", v);
	} else if (strcmp(k, "threads") == 0) {
		if (str_to_i64(v, 1, 16, &c->threads) != ERR_OK)
			return *why = "threads: 1 to 16", -1;
	} else if (strcmp(k, "max_body") == 0) {
		if (str_to_i64(v, 1024, (int64_t)64 << 20, &c->max_body) !=
		    ERR_OK)
			return *why = "max_body: 1024 to 67108864 bytes", -1;
	} else if (strcmp(k, "busy_timeout") == 0) {
		if (str_to_i64(v, 10, 600000, &c->busy_ms) != ERR_OK)
			return *why = "busy_timeout: 10 to 600000 ms", -1;
	} else if (strcmp(k, "tls") == 0) {
		if (parse_bool(v, &c->tls) != 0)
			return *why = "tls: true or false", -1;
	} else if (strcmp(k, "public_intake") == 0) {
		if (parse_bool(v, &c->intake) != 0)
			return *why = "public_intake: true or false", -1;
	} else {
		return *why = "unknown key (listen, threads, tls, "
		              "public_intake, max_body, busy_timeout, db)",
		       -1;
	}
	return 0;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	                    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int
read_config(const char *path, struct conf *c)
{
	FILE *fp = fopen(path, "r");
	char line[4200];
	int n = 0;

	if (fp == NULL) {
		fprintf(stderr, "breachkit serve: cannot read %s: %s\n", path,
		    strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *k, *eq, *t = trim(line);
		const char *why = NULL;

		n++;
		if (*t == '\0' || *t == '#')
			continue;
		eq = strchr(t, '=');
		if (eq == NULL) {
			fprintf(stderr,
			    "breachkit serve: %s:%d: expected key = value\n",
			    path, n);
			fclose(fp);
			return 2;
		}
		*eq = '\0';
		k = trim(t);
		if (conf_set(c, k, trim(eq + 1), &why) != 0) {
			fprintf(stderr, "breachkit serve: %s:%d: %s\n", path, n,
			    why);
			fclose(fp);
			return 2;
		}
	}
	fclose(fp);
	return 0;
}

static int
from_env(struct conf *c)
{
	static const char *const keys[][2] = { { "BREACHKIT_LISTEN", "listen" },
		{ "BREACHKIT_THREADS", "threads" }, { "BREACHKIT_TLS", "tls" },
		{ "BREACHKIT_PUBLIC_INTAKE", "public_intake" },
		{ "BREACHKIT_MAX_BODY", "max_body" },
		{ "BREACHKIT_BUSY_TIMEOUT", "busy_timeout" } };

	for (size_t i = 0; i < nitems(keys); i++) {
		const char *v = getenv(keys[i][0]), *why = NULL;

		if (v != NULL && *v != '\0' &&
		    conf_set(c, keys[i][1], v, &why) != 0) {
			fprintf(stderr, "breachkit serve: $%s: %s\n",
			    keys[i][0], why);
			return 2;
		}
	}
	return 0;
}

int
cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = { { "listen", required_argument,
		                                  NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "config", required_argument, NULL, 'c' },
		{ "tls", no_argument, NULL, 's' },
		{ "public-intake", no_argument, NULL, 'p' },
		{ "max-body", required_argument, NULL, 'm' },
		{ "busy-timeout", required_argument, NULL, 'b' },
		CLI_COMMON_OPTS, { NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct conf file, flags;
	struct serve_opts o;
	struct store *st = NULL;
	struct svc s;
	const char *cfg = NULL, *why = NULL;
	int c, code = -1;

	cli_env_init(&env, "serve");
	memset(&file, 0, sizeof(file));
	file.tls = file.intake = -1;
	flags = file;
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 'l':
			code = conf_set(&flags, "listen", optarg, &why);
			break;
		case 't':
			code = conf_set(&flags, "threads", optarg, &why);
			break;
		case 'm':
			code = conf_set(&flags, "max_body", optarg, &why);
			break;
		case 'b':
			code = conf_set(&flags, "busy_timeout", optarg, &why);
			break;
		case 'c':
			cfg = optarg;
			break;
		case 's':
			flags.tls = 1;
			break;
		case 'p':
			flags.intake = 1;
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
		if (code != 0 && why != NULL)
			return cli_usage(&env, "--%s", why);
		code = -1;
	}
	if (code >= 0)
		return code;
	if (optind != argc)
		return cli_usage(&env, "serve takes no arguments");
	if (serve_hook == NULL)
		return cli_usage(&env, "this build has no server");
	if (cfg != NULL && (code = read_config(cfg, &file)) != 0)
		return code;
	if ((code = from_env(&file)) != 0)
		return code;
	memset(&o, 0, sizeof(o));
	o.listen = flags.listen[0]  ? flags.listen
	           : file.listen[0] ? file.listen
	                            : "127.0.0.1:8080";
	o.threads = (int)(flags.threads ? flags.threads : file.threads);
	o.max_body = (size_t)(flags.max_body ? flags.max_body : file.max_body);
	o.busy_ms = (int)(flags.busy_ms ? flags.busy_ms : file.busy_ms);
	o.tls = flags.tls == 1 || (flags.tls < 0 && file.tls == 1);
	o.public_intake =
	    flags.intake == 1 || (flags.intake < 0 && file.intake == 1);
	o.db = file.db[0] && getenv("BREACHKIT_DB") == NULL &&
	               strcmp(env.db, "breachkit.db") == 0
	           ? file.db
	           : env.db;
	/* Open once here: the register must exist and be migrated before
	 * the workers open their own handles. */
	env.db = o.db;
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	cli_close(st, &s);
	return serve_hook(&o);
}
