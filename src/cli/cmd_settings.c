/* SPDX-License-Identifier: MIT */
/* cli/cmd_settings.c: breachkit settings [list] | get KEY | set KEY VALUE | unset KEY. */
#include "base/base.h"

#include "cli/cli.h"

int
cmd_settings(int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	const char *verb;
	json_t *all, *it;
	size_t i;
	int code = -1, n;
	enum err rc;

	cli_env_init(&env, "settings");
	optind = 1;
	if (cli_getopt(&env, argc, argv, opts, &code) != -1)
		return cli_usage(&env, "unknown option");
	if (code >= 0)
		return code;
	n = argc - optind;
	verb = n > 0 ? argv[optind] : "list";
	if (!((strcmp(verb, "list") == 0 && n <= 1) ||
	        (strcmp(verb, "get") == 0 && n == 2) ||
	        (strcmp(verb, "set") == 0 && n == 3) ||
	        (strcmp(verb, "unset") == 0 && n == 2)))
		return cli_usage(&env, "list, get KEY, set KEY VALUE or "
		                       "unset KEY");
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	if (strcmp(verb, "set") == 0 || strcmp(verb, "unset") == 0) {
		rc = svc_setting_set(&s, argv[optind + 1],
		    verb[0] == 's' ? argv[optind + 2] : NULL, &e);
		code = rc == ERR_OK ? 0 : cli_fail(&env, rc, &e);
		cli_close(st, &s);
		return code;
	}
	all = svc_settings_json(&s);
	if (strcmp(verb, "get") == 0) {
		code = 1;
		json_array_foreach (all, i, it) {
			if (strcmp(
			        json_string_value(json_object_get(it, "key")),
			        argv[optind + 1]) != 0)
				continue;
			code = 0;
			if (json_is_string(json_object_get(it, "value")))
				puts(json_string_value(
				    json_object_get(it, "value")));
			else
				code = 1;
		}
		if (code != 0)
			fprintf(stderr,
			    "breachkit settings: \"%s\" is not "
			    "set\n",
			    argv[optind + 1]);
		json_decref(all);
	} else if (env.json) {
		cli_print_json(all);
	} else {
		json_array_foreach (all, i, it)
			printf("%-13s %s\n",
			    json_string_value(json_object_get(it, "key")),
			    json_is_string(json_object_get(it, "value"))
			        ? json_string_value(
			              json_object_get(it, "value"))
			        : "(not set)");
		json_decref(all);
	}
	cli_close(st, &s);
	return code;
}
