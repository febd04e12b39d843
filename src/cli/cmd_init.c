/* SPDX-License-Identifier: MIT */
/* cli/cmd_init.c: breachkit init. */
#include "base/base.h"

#include <unistd.h>

#include "base/clock.h"
#include "cli/cli.h"

int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, NULL,
		                                  'o' },
		{ "prefix", required_argument, NULL, 'p' },
		{ "timezone", required_argument, NULL, 'z' },
		{ "demo", no_argument, NULL, 'd' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct register_init ri = { "Example Organisation", "BK",
		"Europe/Berlin" };
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	char *msg = NULL;
	enum err rc;
	bool demo = false;
	int c, code = -1;
	size_t n = 0;

	cli_env_init(&env, "init");
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 'o':
			ri.org = optarg;
			break;
		case 'p':
			ri.prefix = optarg;
			break;
		case 'z':
			ri.timezone = optarg;
			break;
		case 'd':
			demo = true;
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	if (optind != argc)
		return cli_usage(
		    &env, "unexpected argument \"%s\"", argv[optind]);
	if (clock_set_zone(ri.timezone) != ERR_OK)
		return cli_usage(&env,
		    "--timezone: \"%s\" is not an installed "
		    "IANA time zone (e.g. Europe/Berlin)",
		    ri.timezone);
	if (demo && strcmp(ri.prefix, "BK") == 0)
		ri.prefix = "DEMO";
	if (demo && strcmp(ri.org, "Example Organisation") == 0)
		ri.org = "Musterschuh Versand GmbH (fictional demo)";
	rc = store_open(env.db, STORE_CREATE, &st, &msg);
	if (rc != ERR_OK) {
		fprintf(
		    stderr, "breachkit init: %s\n", msg ? msg : err_str(rc));
		free(msg);
		return 1;
	}
	svc_err_clear(&e);
	rc = svc_begin(&s, st, env.actor, cli_now(), &e);
	if (rc == ERR_OK)
		rc = svc_register_init(&s, &ri, &e);
	if (rc == ERR_OK && demo)
		rc = svc_demo_seed(&s, &n, &e);
	if (rc != ERR_OK) {
		code = cli_fail(&env, rc, &e);
		cli_close(st, &s);
		/* A half-made register is of no use: remove it. */
		unlink(env.db);
		return code;
	}
	cli_close(st, &s);
	printf("created %s for %s (references %s-YYYY-NNNN, times in %s)\n",
	    env.db, ri.org, ri.prefix, ri.timezone);
	if (demo)
		printf("added %zu fictional demo incidents\n", n);
	return 0;
}
