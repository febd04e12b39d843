/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_template.c: breachkit template list | show KIND [--lang L] |
 * set KIND --lang L FILE | reset KIND --lang L | history KIND --lang L.
 * Overrides are checked before they are stored (exit 2 naming the
 * problem, or the unknown variables with the allowed ones).
 */
#include "base/base.h"

#include <inttypes.h>

#include "cli/cli.h"
#include "svc/svc.h"

static int
do_list(struct cli_env *env, struct svc *s)
{
	json_t *all = svc_template_list(s), *it;
	size_t i;

	if (env->json) {
		cli_print_json(all);
		return 0;
	}
	json_array_foreach (all, i, it) {
		const char *src =
		    json_string_value(json_object_get(it, "source"));

		printf("%-16s %s  %-7s %-9s",
		    json_string_value(json_object_get(it, "kind")),
		    json_string_value(json_object_get(it, "lang")),
		    json_string_value(json_object_get(it, "type")), src);
		if (strcmp(src, "override") == 0)
			printf(" v%" JSON_INTEGER_FORMAT,
			    json_integer_value(json_object_get(it, "version")));
		printf("  %s\n",
		    json_string_value(json_object_get(it, "summary")));
	}
	json_decref(all);
	return 0;
}

static int
do_history(
    struct cli_env *env, struct svc *s, const char *kind, const char *lang)
{
	struct svc_err e;
	json_t *h;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_template_history(s, kind, lang, &h, &e);
	if (rc != ERR_OK)
		return cli_fail(env, rc, &e);
	if (!env->json && json_array_size(h) == 0)
		printf("%s (%s): built-in, never changed\n", kind, lang);
	cli_print_versions(env, h);
	return 0;
}

int
cmd_template(int argc, char **argv)
{
	static const struct option opts[] = { { "lang", required_argument, NULL,
		                                  'l' },
		CLI_COMMON_OPTS, { NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	struct buf b;
	const char *verb, *lang = NULL, *src;
	int c, code = -1, n;
	int64_t version;
	enum err rc;

	cli_env_init(&env, "template");
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		if (c != 'l')
			return cli_usage(&env, "unknown option");
		lang = optarg;
	}
	if (code >= 0)
		return code;
	n = argc - optind;
	verb = n > 0 ? argv[optind] : "list";
	if (!((strcmp(verb, "list") == 0 && n <= 1) ||
	        (strcmp(verb, "show") == 0 && n == 2) ||
	        (strcmp(verb, "set") == 0 && n == 3 && lang != NULL) ||
	        (strcmp(verb, "reset") == 0 && n == 2 && lang != NULL) ||
	        (strcmp(verb, "history") == 0 && n == 2 && lang != NULL)))
		return cli_usage(&env, "list, show KIND, set KIND --lang L "
		                       "FILE, reset KIND --lang L or history "
		                       "KIND --lang L");
	if (lang == NULL)
		lang = "de";
	buf_init(&b, TMPL_SRC_MAX);
	if (strcmp(verb, "set") == 0) {
		code = cli_read_file(&env, argv[optind + 2], &b);
		if (code != 0)
			return code;
	}
	code = cli_open(&env, &st, &s);
	if (code != 0) {
		buf_release(&b);
		return code;
	}
	svc_err_clear(&e);
	if (strcmp(verb, "list") == 0) {
		code = do_list(&env, &s);
	} else if (strcmp(verb, "history") == 0) {
		code = do_history(&env, &s, argv[optind + 1], lang);
	} else if (strcmp(verb, "show") == 0) {
		rc = svc_template_source(
		    &s, argv[optind + 1], lang, s.a, &src, &version, &e);
		if (rc == ERR_OK)
			fputs(src, stdout);
		code = rc == ERR_OK ? 0 : cli_fail(&env, rc, &e);
	} else {
		if (strcmp(verb, "set") == 0)
			rc = svc_template_set(&s, argv[optind + 1], lang,
			    buf_cstr(&b), b.len, &version, &e);
		else
			rc = svc_template_reset(
			    &s, argv[optind + 1], lang, &version, &e);
		if (rc == ERR_OK)
			printf("%s (%s): version %" PRId64 "%s\n",
			    argv[optind + 1], lang, version,
			    verb[0] == 'r' ? ", back to the built-in" : "");
		code = rc == ERR_OK ? 0 : cli_fail(&env, rc, &e);
	}
	buf_release(&b);
	cli_close(st, &s);
	return code;
}
