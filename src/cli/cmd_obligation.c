/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_obligation.c: obligations (what is due), file (a notification
 * was made) and decide (a person's attributed decision).
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "cli/cli.h"
#include "model/json_out.h"

struct due_ctx {
	bool json;
	bool overdue_only;
	int64_t now;
	size_t n;
};

static void
print_obligation(const struct obligation *o, int64_t now)
{
	char t[ISO_LEN], left[DUR_LEN];

	clock_format_human(o->due_at, t);
	duration_human(o->due_at - now, left);
	printf("%-18s #%-5lld %-10s %-28.28s %-24s ",
	    o->incident_ref ? o->incident_ref : "", (long long)o->id,
	    o->recipient, o->article, t);
	if (o->status != OBL_OPEN)
		printf("%s%s%s%s\n", obl_status_names[o->status],
		    o->phase != PHASE_NONE ? " " : "",
		    o->phase != PHASE_NONE ? phase_names[o->phase] : "",
		    o->late ? " LATE" : "");
	else if (o->due_at < now)
		printf("OVERDUE by %s%s\n", left,
		    o->kind == KIND_UNDUE
		        ? " (target for \"without undue delay\")"
		        : "");
	else
		printf("%s left%s\n", left,
		    o->kind == KIND_UNDUE
		        ? " (target for \"without undue delay\")"
		        : "");
}

static enum err
due_row(void *arg, const struct obligation *o)
{
	struct due_ctx *x = arg;

	if (x->overdue_only && o->due_at >= x->now)
		return ERR_OK;
	if (x->json) {
		char *s;
		json_t *j = obligation_json(o, x->now);

		s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		printf("%s%s", x->n ? ",\n" : "\n", s);
		free(s);
		json_decref(j);
	} else {
		print_obligation(o, x->now);
	}
	x->n++;
	return ERR_OK;
}

static int
obligations_add(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = { { "recipient", required_argument,
		                                  NULL, 'r' },
		{ "due", required_argument, NULL, 'd' },
		{ "label", required_argument, NULL, 'l' },
		{ "article", required_argument, NULL, 'a' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct obligation_req rq = { 0 };
	struct store *st;
	struct svc s;
	struct svc_err e;
	bool have_due = false;
	enum err rc;
	int c, code = -1;

	optind = 1;
	while ((c = cli_getopt(env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 'r':
			rq.recipient = optarg;
			break;
		case 'd':
			code = cli_parse_time(env, "--due", optarg, &rq.due_at);
			if (code != 0)
				return code;
			code = -1;
			have_due = true;
			break;
		case 'l':
			rq.label = optarg;
			break;
		case 'a':
			rq.article = optarg;
			break;
		default:
			return cli_usage(env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	if (argc - optind != 1 || rq.recipient == NULL || !have_due)
		return cli_usage(env, "give the incident ID, --recipient and "
		                      "--due");
	code = cli_open(env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	rc = svc_obligation_add(&s, argv[optind], &rq, &e);
	code = rc == ERR_OK ? 0 : cli_fail(env, rc, &e);
	if (rc == ERR_OK)
		printf(
		    "%s: obligation to %s added\n", argv[optind], rq.recipient);
	cli_close(st, &s);
	return code;
}

int
cmd_obligations(int argc, char **argv)
{
	static const struct option opts[] = { { "overdue", no_argument, NULL,
		                                  'o' },
		CLI_COMMON_OPTS, { NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct due_ctx x = { 0 };
	struct store *st;
	struct svc s;
	struct svc_err e;
	struct incident in;
	struct obligation *v;
	size_t n;
	enum err rc;
	int c, code = -1;

	if (argc > 1 && strcmp(argv[1], "add") == 0) {
		cli_env_init(&env, "obligations add");
		return obligations_add(&env, argc - 1, argv + 1);
	}
	cli_env_init(&env, "obligations");
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		if (c == 'o')
			x.overdue_only = true;
		else
			return cli_usage(&env, "unknown option");
	}
	if (code >= 0)
		return code;
	if (argc - optind > 1)
		return cli_usage(&env, "at most one incident ID");
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	x.json = env.json;
	x.now = s.now;
	if (env.json)
		fputs("[", stdout);
	if (argc - optind == 1) {
		svc_err_clear(&e);
		rc = store_begin_read(st);
		if (rc == ERR_OK)
			rc = svc_resolve(&s, argv[optind], s.a, &in, &e);
		if (rc == ERR_OK)
			rc = store_obligation_list(st, in.id, s.a, &v, &n);
		for (size_t i = 0; rc == ERR_OK && i < n; i++)
			due_row(&x, &v[i]);
		store_rollback(st);
		if (rc != ERR_OK) {
			code = cli_fail(&env, rc, &e);
			cli_close(st, &s);
			return code;
		}
	} else {
		rc = store_obligation_each_open(st, due_row, &x);
		if (rc != ERR_OK) {
			fprintf(stderr, "breachkit obligations: %s\n",
			    store_errmsg(st));
			code = err_exit_code(rc);
		}
	}
	if (env.json)
		fputs("\n]\n", stdout);
	else if (x.n == 0)
		puts(x.overdue_only ? "nothing overdue" : "nothing due");
	cli_close(st, &s);
	return code;
}

int
cmd_file(int argc, char **argv)
{
	static const struct option opts[] = { { "to", required_argument, NULL,
		                                  't' },
		{ "obligation", required_argument, NULL, 'o' },
		{ "phase", required_argument, NULL, 'p' },
		{ "at", required_argument, NULL, 'a' },
		{ "case-ref", required_argument, NULL, 'c' },
		{ "delay-reason", required_argument, NULL, 'r' },
		{ "by", required_argument, NULL, 'b' },
		{ "by-contact", required_argument, NULL, 'B' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct file_req rq = { 0 };
	struct store *st;
	struct svc s;
	struct svc_err e;
	bool late, have_at = false;
	const char *phase = NULL;
	enum err rc;
	int c, k, code = -1;

	cli_env_init(&env, "file");
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 't':
			rq.recipient = optarg;
			break;
		case 'o':
			if (str_to_i64(optarg, 1, INT64_MAX,
			        &rq.obligation_id) != ERR_OK)
				return cli_usage(&env, "--obligation must be "
				                       "an obligation number");
			break;
		case 'p':
			phase = optarg;
			break;
		case 'a':
			code =
			    cli_parse_time(&env, "--at", optarg, &rq.filed_at);
			if (code != 0)
				return code;
			code = -1;
			have_at = true;
			break;
		case 'c':
			rq.case_ref = optarg;
			break;
		case 'r':
			rq.delay_reason = optarg;
			break;
		case 'b':
			rq.filed_by = optarg;
			break;
		case 'B':
			rq.filed_by_contact = optarg;
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	if (argc - optind != 1)
		return cli_usage(&env, "give exactly one incident ID");
	if (rq.filed_by_contact != NULL && rq.filed_by == NULL)
		return cli_usage(&env, "--by-contact needs --by NAME");
	if ((rq.recipient == NULL) == (rq.obligation_id == 0))
		return cli_usage(&env, "give --to RECIPIENT or --obligation N");
	k = name_lookup(phase_names, PHASE__MAX, phase);
	if (k < 0)
		return cli_usage(&env, "--phase must be initial, follow-up, "
		                       "final or withdrawn");
	rq.phase = (enum phase)k;
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	if (!have_at)
		rq.filed_at = s.now;
	svc_err_clear(&e);
	rc = svc_file(&s, argv[optind], &rq, &late, &e);
	if (rc != ERR_OK)
		code = cli_fail(&env, rc, &e);
	else
		printf("%s: %s filing recorded%s\n", argv[optind],
		    phase_names[rq.phase],
		    late ? " (late: after the "
		           "deadline)"
		         : "");
	cli_close(st, &s);
	return code;
}

int
cmd_decide(int argc, char **argv)
{
	static const struct option opts[] = { { "rationale", required_argument,
		                                  NULL, 'r' },
		{ "exception", required_argument, NULL, 'x' }, CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 } };
	struct cli_env env;
	struct decide_req rq = { 0 };
	struct store *st;
	struct svc s;
	struct svc_err e;
	enum err rc;
	int c, k, code = -1;

	cli_env_init(&env, "decide");
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 'r':
			rq.rationale = optarg;
			break;
		case 'x':
			if (strlen(optarg) != 1 ||
			    strchr("abc", optarg[0]) == NULL)
				return cli_usage(&env,
				    "--exception must be "
				    "a, b or c (Art. 34(3))");
			rq.exception = optarg[0];
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	if (argc - optind != 3)
		return cli_usage(&env, "give ID, the topic and yes or no");
	k = name_lookup(topic_names, TOPIC__MAX, argv[optind + 1]);
	if (k < 0)
		return cli_usage(&env, "the topic must be breach, authority or "
		                       "subjects");
	rq.topic = (enum topic)k;
	if (strcmp(argv[optind + 2], "yes") != 0 &&
	    strcmp(argv[optind + 2], "no") != 0)
		return cli_usage(&env, "the outcome must be yes or no");
	rq.outcome = strcmp(argv[optind + 2], "yes") == 0;
	if (rq.rationale == NULL)
		return cli_usage(&env, "--rationale is required: a decision "
		                       "carries its reasons");
	code = cli_open(&env, &st, &s);
	if (code != 0)
		return code;
	svc_err_clear(&e);
	rc = svc_decide(&s, argv[optind], &rq, &e);
	if (rc != ERR_OK)
		code = cli_fail(&env, rc, &e);
	else
		printf("%s: decision recorded (%s: %s)\n", argv[optind],
		    topic_names[rq.topic], rq.outcome ? "yes" : "no");
	cli_close(st, &s);
	return code;
}
