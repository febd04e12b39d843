/* SPDX-License-Identifier: MIT */
/* cli/cmd_incident.c: breachkit incident new|list|show|edit|close|reopen|import. */
#include "base/base.h"

#include <errno.h>

#include "base/clock.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "model/json_out.h"

struct opts {
	const char *from;
	const char *reason;
	const char *status;
	int64_t limit;
};

static int
parse(int argc, char **argv, struct cli_env *env, struct opts *o)
{
	static const struct option longopts[] = { { "from", required_argument,
		                                      NULL, 'f' },
		{ "reason", required_argument, NULL, 'r' },
		{ "status", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'l' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	int c, code = -1;

	memset(o, 0, sizeof(*o));
	while ((c = cli_getopt(env, argc, argv, longopts, &code)) != -1) {
		switch (c) {
		case 'f':
			o->from = optarg;
			break;
		case 'r':
			o->reason = optarg;
			break;
		case 's':
			o->status = optarg;
			break;
		case 'l':
			if (str_to_i64(optarg, 1, 100000000, &o->limit) !=
			    ERR_OK)
				return cli_usage(env, "--limit must be a "
				                      "positive number");
			break;
		default:
			return cli_usage(env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	return -1;
}

static int
incident_new(struct cli_env *env, struct opts *o)
{
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	struct buf b;
	const char *ref = NULL;
	enum err rc;
	int code;

	if (o->from == NULL)
		return cli_usage(env, "--from FILE is required (- for stdin)");
	buf_init(&b, FACTS_JSON_MAX);
	code = cli_read_file(env, o->from, &b);
	if (code != 0)
		goto out;
	code = cli_open(env, &st, &s);
	if (code != 0)
		goto out;
	svc_err_clear(&e);
	rc = svc_incident_create(&s, b.p ? b.p : "", b.len, &ref, &e);
	if (rc != ERR_OK)
		code = cli_fail(env, rc, &e);
	else if (env->json)
		cli_print_json(json_pack("{s:s}", "ref", ref));
	else
		printf("%s\n", ref);
	cli_close(st, &s);
out:
	buf_release(&b);
	return code;
}

static int
incident_import(struct cli_env *env, const char *path)
{
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	FILE *fp;
	size_t n;
	enum err rc;
	int code;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (fp == NULL) {
		fprintf(stderr,
		    "breachkit incident import: cannot read %s: "
		    "%s\n",
		    path, strerror(errno));
		return 1;
	}
	code = cli_open(env, &st, &s);
	if (code == 0) {
		svc_err_clear(&e);
		rc = svc_incident_import(&s, fp, &n, &e);
		if (rc != ERR_OK)
			code = cli_fail(env, rc, &e);
		else if (env->json)
			cli_print_json(
			    json_pack("{s:I}", "imported", (json_int_t)n));
		else
			printf("imported %zu incidents\n", n);
		cli_close(st, &s);
	}
	if (fp != stdin)
		fclose(fp);
	return code;
}

struct list_ctx {
	bool json;
	size_t n;
	int64_t now;
};

static enum err
list_row(void *arg, const struct incident *in)
{
	struct list_ctx *x = arg;
	char t[ISO_LEN];

	if (x->json) {
		char *s;
		json_t *j = incident_json(in);

		s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		printf("%s%s", x->n ? ",\n" : "\n", s);
		free(s);
		json_decref(j);
	} else {
		if (in->aware_at != TIME_UNKNOWN)
			clock_format_human(in->aware_at, t);
		else
			snprintf(t, sizeof(t), "not yet aware");
		printf("%-18s %-6s %-24s %.60s\n", in->ref,
		    incident_status_names[in->status], t, in->title);
	}
	x->n++;
	return ERR_OK;
}

static int
incident_list(struct cli_env *env, struct opts *o)
{
	struct store *st = NULL;
	struct svc s;
	struct incident_filter f = { .status = -1, .limit = o->limit };
	struct list_ctx x = { .json = env->json };
	enum err rc;
	int code;

	if (o->status != NULL) {
		f.status = name_lookup(
		    incident_status_names, INCIDENT__MAX, o->status);
		if (f.status < 0)
			return cli_usage(env, "--status must be open or "
			                      "closed");
	}
	code = cli_open(env, &st, &s);
	if (code != 0)
		return code;
	x.now = s.now;
	if (env->json)
		fputs("[", stdout);
	else
		printf(
		    "%-18s %-6s %-24s %s\n", "REF", "STATUS", "AWARE", "TITLE");
	rc = store_incident_each(st, &f, list_row, &x);
	if (env->json)
		fputs("\n]\n", stdout);
	if (rc != ERR_OK) {
		fprintf(
		    stderr, "breachkit incident list: %s\n", store_errmsg(st));
		code = err_exit_code(rc);
	}
	cli_close(st, &s);
	return code;
}

/* One fact value as text: lists joined, booleans yes/no. */
static void
print_value(const char *path, const json_t *v)
{
	size_t i;
	json_t *it;

	printf("  %-34s ", path);
	if (json_is_true(v)) {
		puts("yes");
	} else if (json_is_false(v)) {
		puts("no");
	} else if (json_is_integer(v)) {
		printf("%lld\n", (long long)json_integer_value(v));
	} else if (json_is_array(v)) {
		json_array_foreach (v, i, it)
			printf("%s%s", i ? ", " : "", json_string_value(it));
		puts(json_array_size(v) ? "" : "(none)");
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);

		if (strchr(s, '\n') == NULL && strlen(s) <= 80)
			puts(s);
		else
			printf("\n      %s\n", s);
	}
}

static void
show_human(const struct incident *in, json_t *j, int64_t now)
{
	char t[ISO_LEN], left[DUR_LEN];
	const char *key, *key2;
	json_t *grp, *x, *v;
	size_t i;

	printf("%s  [%s]  %s\n\n", in->ref, incident_status_names[in->status],
	    in->title);
	clock_format_human(in->created_at, t);
	printf("recorded %s; %lld events; head %.16s\n", t,
	    (long long)in->event_n, in->head_hash);
	if (in->aware_at == TIME_UNKNOWN)
		puts("not yet aware: the Art. 33 clock has not started");
	puts("\nfacts (anything not listed is unknown):");
	json_object_foreach (json_object_get(j, "facts"), key, grp) {
		if (!json_is_object(grp)) {
			print_value(key, grp);
			continue;
		}
		json_object_foreach (grp, key2, v) {
			char path[96];

			snprintf(path, sizeof(path), "%s.%s", key, key2);
			print_value(path, v);
		}
	}
	puts("\nobligations:");
	json_array_foreach (json_object_get(j, "obligations"), i, x) {
		const char *status =
		    json_string_value(json_object_get(x, "status"));
		const char *due_s =
		    json_string_value(json_object_get(x, "due_at"));
		const char *why;
		int64_t due = 0;

		(void)iso8601_parse(due_s, strlen(due_s), &due, &why);
		clock_format_human(due, t);
		duration_human(due - now, left);
		printf("  #%-4lld %-10s %-20s due %s",
		    (long long)json_integer_value(json_object_get(x, "id")),
		    json_string_value(json_object_get(x, "recipient")),
		    json_string_value(json_object_get(x, "article")), t);
		if (strcmp(status, "open") == 0)
			printf(
			    "  %s %s\n", due < now ? "OVERDUE by" : "in", left);
		else
			printf("  %s%s%s%s\n", status,
			    json_is_string(json_object_get(x, "phase")) ? " "
			                                                : "",
			    json_is_string(json_object_get(x, "phase"))
			        ? json_string_value(json_object_get(x, "phase"))
			        : "",
			    json_is_true(json_object_get(x, "late")) ? " LATE"
			                                             : "");
	}
	if (json_array_size(json_object_get(j, "obligations")) == 0)
		puts("  none yet");
	puts("\ndecisions:");
	json_array_foreach (json_object_get(j, "decisions"), i, x)
		printf("  %s %s: %s by %s: %s\n",
		    json_string_value(json_object_get(x, "decided_at")),
		    json_string_value(json_object_get(x, "topic")),
		    json_is_true(json_object_get(x, "outcome")) ? "yes" : "no",
		    json_string_value(json_object_get(x, "actor")),
		    json_string_value(json_object_get(x, "rationale")));
	puts("\nattachments:");
	json_array_foreach (json_object_get(j, "attachments"), i, x)
		printf("  %s  %lld bytes  sha256 %s\n",
		    json_string_value(json_object_get(x, "name")),
		    (long long)json_integer_value(json_object_get(x, "size")),
		    json_string_value(json_object_get(x, "sha256")));
	puts("\nhistory:");
	json_array_foreach (json_object_get(j, "events"), i, x)
		printf("  %3lld %s %-11s %s%s\n",
		    (long long)json_integer_value(json_object_get(x, "seq")),
		    json_string_value(json_object_get(x, "at")),
		    json_string_value(json_object_get(x, "kind")),
		    json_string_value(json_object_get(x, "actor")),
		    json_is_true(json_object_get(x, "erased"))
		        ? " (payload erased)"
		        : "");
}

static int
incident_show(struct cli_env *env, const char *id)
{
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	struct incident in;
	json_t *j;
	enum err rc;
	int code;

	code = cli_open(env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	rc = svc_incident_view(&s, id, true, &in, &j, &e);
	if (rc != ERR_OK) {
		code = cli_fail(env, rc, &e);
		cli_close(st, &s);
		return code;
	}
	if (env->json) {
		cli_print_json(j);
	} else {
		json_object_set(j, "events", json_object_get(j, "history"));
		show_human(&in, j, s.now);
		json_decref(j);
	}
	cli_close(st, &s);
	return 0;
}

static int
incident_change(
    struct cli_env *env, const char *verb, const char *id, struct opts *o)
{
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	struct buf b;
	enum err rc;
	int code = 0;

	buf_init(&b, FACTS_JSON_MAX);
	if (strcmp(verb, "edit") == 0) {
		if (o->from == NULL)
			return cli_usage(env, "--from PATCH.json is required");
		code = cli_read_file(env, o->from, &b);
		if (code != 0)
			goto out;
	}
	code = cli_open(env, &st, &s);
	if (code != 0)
		goto out;
	svc_err_clear(&e);
	if (strcmp(verb, "edit") == 0)
		rc = svc_incident_edit(
		    &s, id, b.p ? b.p : "", b.len, o->reason, &e);
	else
		rc = svc_incident_close(
		    &s, id, strcmp(verb, "close") == 0, o->reason, &e);
	if (rc != ERR_OK)
		code = cli_fail(env, rc, &e);
	else if (e.msg[0] != '\0')
		printf("%s\n", e.msg);
	else
		printf("%s: %s\n", id,
		    strcmp(verb, "edit") == 0    ? "updated"
		    : strcmp(verb, "close") == 0 ? "closed"
		                                 : "reopened");
	cli_close(st, &s);
out:
	buf_release(&b);
	return code;
}

int
cmd_incident(int argc, char **argv)
{
	struct cli_env env;
	struct opts o;
	const char *verb;
	int code;
	char name[32];

	if (argc < 2 || argv[1][0] == '-') {
		cli_env_init(&env, "incident");
		if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
			char h[] = "help", i[] = "incident";
			char *av[] = { h, i, NULL };

			return cmd_help(2, av);
		}
		return cli_usage(&env, "which? new, list, show, edit, close, "
		                       "reopen or import");
	}
	verb = argv[1];
	snprintf(name, sizeof(name), "incident %s", verb);
	cli_env_init(&env, name);
	env.cmd = strcmp(verb, "new") == 0      ? "incident new"
	          : strcmp(verb, "list") == 0   ? "incident list"
	          : strcmp(verb, "show") == 0   ? "incident show"
	          : strcmp(verb, "edit") == 0   ? "incident edit"
	          : strcmp(verb, "close") == 0  ? "incident close"
	          : strcmp(verb, "reopen") == 0 ? "incident reopen"
	          : strcmp(verb, "import") == 0 ? "incident import"
	                                        : "incident";
	optind = 1;
	code = parse(argc - 1, argv + 1, &env, &o);
	if (code >= 0)
		return code;
	argc -= optind + 1;
	argv += optind + 1;
	if (strcmp(verb, "new") == 0 || strcmp(verb, "list") == 0) {
		if (argc != 0)
			return cli_usage(
			    &env, "unexpected argument \"%s\"", argv[0]);
		return verb[0] == 'n' ? incident_new(&env, &o)
		                      : incident_list(&env, &o);
	}
	if (strcmp(verb, "show") == 0 || strcmp(verb, "edit") == 0 ||
	    strcmp(verb, "close") == 0 || strcmp(verb, "reopen") == 0 ||
	    strcmp(verb, "import") == 0) {
		if (argc != 1)
			return cli_usage(&env, "give exactly one %s",
			    verb[0] == 'i' ? "FILE" : "incident ID");
		if (strcmp(verb, "show") == 0)
			return incident_show(&env, argv[0]);
		if (strcmp(verb, "import") == 0)
			return incident_import(&env, argv[0]);
		return incident_change(&env, verb, argv[0], &o);
	}
	return cli_usage(&env, "unknown subcommand \"%s\"", verb);
}
