/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_assess.c: breachkit assess ID | --facts FILE.  With ID the
 * assessment is recorded as a new version when it changed; with --facts
 * no register is needed (- reads stdin).
 */
#include "base/base.h"

#include "cli/cli.h"

static const char *
yn(const json_t *v)
{
	if (json_is_true(v))
		return "yes";
	if (json_is_false(v))
		return "no";
	if (json_is_string(v))
		return json_string_value(v);
	return "-";
}

static void
print_human(const json_t *r, bool german)
{
	const json_t *en = json_object_get(r, "enisa");
	const json_t *dpc = json_object_get(en, "dpc");
	const json_t *x;
	size_t i;
	json_t *it;

	printf("  personal data breach      %s\n",
	    yn(json_object_get(r, "is_breach")));
	printf("  risk level                %s\n",
	    yn(json_object_get(r, "risk_level")));
	printf("  notify the authority      %s   (Art. 33)\n",
	    yn(json_object_get(r, "notify_authority")));
	printf("  communicate to subjects   %s   (Art. 34)",
	    yn(json_object_get(r, "communicate_subjects")));
	x = json_object_get(r, "art34_exception");
	if (json_is_string(x))
		printf("  exception Art. 34(3)(%s)", json_string_value(x));
	if (json_is_true(json_object_get(r, "public_notice")))
		printf("  -> public notice instead");
	putchar('\n');
	if (en != NULL)
		printf("  ENISA severity            SE %.2f (%s) = DPC %g x EI "
		       "%g + CB %g\n",
		    json_number_value(json_object_get(en, "se")),
		    yn(json_object_get(en, "band")),
		    json_number_value(json_object_get(dpc, "value")),
		    json_number_value(json_object_get(en, "ei")),
		    json_number_value(
		        json_object_get(json_object_get(en, "cb"), "total")));
	x = json_object_get(r, "enisa_vs_legal");
	if (json_is_string(x))
		printf("  note: %s\n", json_string_value(x));
	puts(german ? "\nGründe:" : "\nreasons:");
	json_array_foreach (json_object_get(r, "reasons"), i, it)
		printf("  - %s [%s]\n",
		    yn(json_object_get(it, german ? "de" : "en")),
		    yn(json_object_get(it, "cite")));
	if (json_array_size(json_object_get(r, "would_change")) > 0) {
		puts(german ? "\nwas die Empfehlung ändern würde:"
		            : "\nwhat would change the recommendation:");
		json_array_foreach (json_object_get(r, "would_change"), i, it) {
			char *v = json_dumps(
			    json_object_get(it, "value"), JSON_ENCODE_ANY);

			printf("  - %s = %s: %s\n",
			    yn(json_object_get(it, "fact")), v ? v : "?",
			    yn(json_object_get(it, "effect")));
			free(v);
		}
	}
	puts("\nThe engine recommends; record the decision with "
	     "breachkit decide.");
}

int
cmd_assess(int argc, char **argv)
{
	static const struct option opts[] = { { "facts", required_argument,
		                                  NULL, 'f' },
		{ "lang", required_argument, NULL, 'l' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct store *st;
	struct svc s;
	struct svc_err e;
	const char *facts = NULL, *lang = "en";
	json_t *res = NULL;
	int64_t version = 0;
	bool recorded = false;
	enum err rc;
	int c, code = -1;

	cli_env_init(&env, "assess");
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		if (c == 'f')
			facts = optarg;
		else if (c == 'l')
			lang = optarg;
		else
			return cli_usage(&env, "unknown option");
	}
	if (code >= 0)
		return code;
	if (strcmp(lang, "en") != 0 && strcmp(lang, "de") != 0)
		return cli_usage(&env, "--lang must be en or de");
	if ((facts != NULL) == (argc - optind == 1) || argc - optind > 1)
		return cli_usage(&env, "give an incident ID or --facts FILE");
	svc_err_clear(&e);
	if (facts != NULL) {
		struct buf b;
		struct arena *a = arena_new();
		struct facts f;

		buf_init(&b, FACTS_JSON_MAX);
		code = cli_read_file(&env, facts, &b);
		if (code == 0 && facts_parse(b.p ? b.p : "", b.len, cli_now(),
		                     a, &f, NULL, &e.fe) != ERR_OK)
			code = cli_fail(&env, ERR_INVAL, &e);
		if (code == 0)
			res = svc_assess_facts(&f);
		buf_release(&b);
		arena_free(a);
		if (code != 0)
			return code;
	} else {
		code = cli_open(&env, &st, &s);
		if (code != 0)
			return code;
		rc =
		    svc_assess(&s, argv[optind], &res, &version, &recorded, &e);
		cli_close(st, &s);
		if (rc != ERR_OK)
			return cli_fail(&env, rc, &e);
	}
	if (env.json) {
		if (facts == NULL) {
			json_object_set_new(
			    res, "version", json_integer(version));
			json_object_set_new(
			    res, "recorded", json_boolean(recorded));
		}
		cli_print_json(res);
		return 0;
	}
	if (facts == NULL)
		printf("%s: assessment version %lld%s\n", argv[optind],
		    (long long)version,
		    recorded ? " (recorded)" : " (unchanged)");
	print_human(res, strcmp(lang, "de") == 0);
	json_decref(res);
	return 0;
}
