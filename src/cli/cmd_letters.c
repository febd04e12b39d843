/* SPDX-License-Identifier: MIT */
/*
 * cli/cmd_letters.c: breachkit letters ID --subjects FILE.csv
 * (--out DIR | --mbox FILE | --smtp URL) [--smtp-ca FILE]
 * [--smtp-tls required|optional] [--dry-run] [--rate N]
 * [--in-doubt sent|resend] [--file] [--json].  One result per row of the
 * list (the id from the list, never the name or address), then a summary.
 * Exit 0 when every row got its letter, 2 when some rows were invalid
 * (the others were processed), 1 when a delivery failed or is in doubt.
 */
#include "base/base.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "base/str.h"
#include "cli/cli.h"

struct out {
	bool json;
	size_t n;
};

static void
print_item(void *arg, const struct letters_item *it)
{
	struct out *o = arg;
	json_t *j;
	char *s;

	if (strcmp(it->status, "invalid") == 0)
		fprintf(stderr, "breachkit letters: row %lld: %s\n",
		    (long long)it->row, it->detail ? it->detail : "invalid");
	if (o->json) {
		j = json_pack("{s:I, s:s?, s:s, s:s?, s:s?}", "row",
		    (json_int_t)it->row, "id", it->id, "status", it->status,
		    "detail", it->detail, "message_id", it->message_id);
		s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		printf("%s\n    %s", o->n ? "," : "", s ? s : "{}");
		free(s);
		json_decref(j);
	} else {
		/* The report of a million rows: no printf per row. */
		char num[24];
		int k = (int)sizeof(num);
		long long v = (long long)it->row;

		num[--k] = '\0';
		do {
			num[--k] = (char)('0' + v % 10);
			v /= 10;
		} while (v > 0 && k > 0);
		fputs("row ", stdout);
		fputs(num + k, stdout);
		fputc(' ', stdout);
		fputs(it->status, stdout);
		fputc(' ', stdout);
		fputs(it->id ? it->id : "-", stdout);
		if (it->detail) {
			fputs("  ", stdout);
			fputs(it->detail, stdout);
		}
		fputc('\n', stdout);
	}
	o->n++;
}

/* One delivering run per register at a time. */
static int
lock_register(const struct cli_env *env, int *fd)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s.letters-lock", env->db);
	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (*fd < 0) {
		fprintf(stderr, "breachkit letters: cannot open %s: %s\n", path,
		    strerror(errno));
		return 1;
	}
	if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
		fprintf(stderr,
		    "breachkit letters: another letters run is "
		    "delivering from this register; wait for it to end\n");
		return 1;
	}
	return 0;
}

int
cmd_letters(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "subjects", required_argument, NULL, 's' },
		{ "out", required_argument, NULL, 'o' },
		{ "mbox", required_argument, NULL, 'm' },
		{ "smtp", required_argument, NULL, 'S' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "rate", required_argument, NULL, 'r' },
		{ "in-doubt", required_argument, NULL, 'd' },
		{ "file", no_argument, NULL, 'f' },
		{ "smtp-ca", required_argument, NULL, 'C' },
		{ "smtp-tls", required_argument, NULL, 'T' },
		{ "affected", no_argument, NULL, 'a' },
		{ "contacts", required_argument, NULL, 'c' },
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_env env;
	struct store *st = NULL;
	struct svc s;
	struct svc_err e;
	struct letters_req rq;
	struct letters_sum sum;
	struct out o = { false, 0 };
	static char outbuf[64 << 10];
	const char *subjects = NULL, *contacts = NULL;
	int c, code = -1, outs = 0, lockfd = -1;
	bool tls_opt = false;
	int64_t rate;
	FILE *fp;
	enum err rc;

	cli_env_init(&env, "letters");
	memset(&rq, 0, sizeof(rq));
	optind = 1;
	while ((c = cli_getopt(&env, argc, argv, opts, &code)) != -1) {
		switch (c) {
		case 's':
			subjects = optarg;
			break;
		case 'o':
		case 'm':
		case 'S':
			rq.out = c == 'o'   ? LETTERS_EML
			         : c == 'm' ? LETTERS_MBOX
			                    : LETTERS_SMTP;
			rq.target = optarg;
			outs++;
			break;
		case 'n':
			rq.dry_run = true;
			break;
		case 'r':
			if (str_to_i64(optarg, 1, 1000000, &rate) != ERR_OK)
				return cli_usage(&env, "--rate: letters per "
				                       "second, 1 to 1000000");
			rq.rate = (double)rate;
			break;
		case 'd':
			if (strcmp(optarg, "sent") == 0)
				rq.doubt = DOUBT_SENT;
			else if (strcmp(optarg, "resend") == 0)
				rq.doubt = DOUBT_RESEND;
			else
				return cli_usage(&env, "--in-doubt: sent or "
				                       "resend");
			break;
		case 'f':
			rq.file = true;
			break;
		case 'C':
			rq.smtp_ca = optarg;
			break;
		case 'T':
			if (strcmp(optarg, "required") == 0)
				rq.smtp_tls_optional = false;
			else if (strcmp(optarg, "optional") == 0)
				rq.smtp_tls_optional = true;
			else
				return cli_usage(&env, "--smtp-tls: required "
				                       "or optional");
			tls_opt = true;
			break;
		case 'a':
			rq.affected = true;
			break;
		case 'c':
			contacts = optarg;
			break;
		default:
			return cli_usage(&env, "unknown option");
		}
	}
	if (code >= 0)
		return code;
	if (argc - optind != 1)
		return cli_usage(&env, "give one incident ID");
	if (rq.affected != (contacts != NULL))
		return cli_usage(&env, "--affected and --contacts FILE.csv go "
		                       "together");
	if ((subjects == NULL) == (contacts == NULL))
		return cli_usage(&env, "give --subjects FILE.csv or --affected "
		                       "--contacts FILE.csv");
	if (contacts != NULL)
		subjects = contacts;
	if (outs != 1)
		return cli_usage(&env, "give exactly one of --out DIR, --mbox "
		                       "FILE, --smtp URL");
	if (rq.file && rq.out != LETTERS_SMTP)
		return cli_usage(&env,
		    "--file needs --smtp: files are not "
		    "yet delivered; file with breachkit file ID --to subjects "
		    "once they are sent");
	if (*rq.target == '\0')
		return cli_usage(&env, "the output is empty");
	if ((rq.smtp_ca != NULL || tls_opt) && rq.out != LETTERS_SMTP)
		return cli_usage(&env, "--smtp-ca and --smtp-tls need --smtp");
	if (rq.smtp_ca == NULL && rq.out == LETTERS_SMTP) {
		const char *ca = getenv("BREACHKIT_SMTP_CA");

		if (ca != NULL && *ca != '\0')
			rq.smtp_ca = ca;
	}
	rq.id = argv[optind];
	o.json = env.json;
	fp = strcmp(subjects, "-") == 0 ? stdin : fopen(subjects, "rb");
	if (fp == NULL) {
		fprintf(stderr, "breachkit letters: cannot read %s: %s\n",
		    subjects, strerror(errno));
		return 1;
	}
	rq.subjects = fp;
	code = cli_open(&env, &st, &s);
	if (code != 0)
		goto out;
	if (rq.out == LETTERS_SMTP && !rq.dry_run) {
		code = lock_register(&env, &lockfd);
		if (code != 0)
			goto out;
	}
	svc_err_clear(&e);
	/* A report of many rows to a file or pipe: write it in big blocks. */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	if (o.json)
		fputs("{\n  \"letters\": [", stdout);
	rc = svc_letters(&s, &rq, print_item, &o, &sum, &e);
	if (o.json) {
		json_t *j = json_pack("{s:s, s:b, s:I, s:I, s:I, s:I, s:I,"
		                      " s:I, s:I, s:I, s:b, s:s?}",
		    "output",
		    rq.out == LETTERS_EML    ? "eml"
		    : rq.out == LETTERS_MBOX ? "mbox"
		                             : "smtp",
		    "dry_run", rq.dry_run, "rows", (json_int_t)sum.rows,
		    "invalid", (json_int_t)sum.invalid, "written",
		    (json_int_t)sum.written, "sent", (json_int_t)sum.sent,
		    "already_sent", (json_int_t)sum.already, "failed",
		    (json_int_t)sum.failed, "in_doubt",
		    (json_int_t)sum.in_doubt, "would", (json_int_t)sum.would,
		    "filed", sum.filed, "error", rc == ERR_OK ? NULL : e.msg);
		char *t = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);

		printf("%s],\n  \"summary\": %s\n}\n", o.n ? "\n  " : "", t);
		free(t);
		json_decref(j);
	} else if (sum.rows > 0 || rc == ERR_OK) {
		if (rq.affected)
			printf("affected list: %zu people in the contact "
			       "export, %zu without a contact\n",
			    sum.rows, sum.no_contact);
		printf("%zu rows: %zu invalid, %zu written, %zu sent, %zu "
		       "already sent, %zu failed, %zu in doubt%s%s%s\n",
		    sum.rows, sum.invalid, sum.written, sum.sent, sum.already,
		    sum.failed, sum.in_doubt, rq.dry_run ? " (dry run: " : "",
		    rq.dry_run ? "nothing written or sent)" : "",
		    sum.filed ? "; Art. 34 communication filed" : "");
	}
	fflush(stdout);
	if (rc != ERR_OK)
		code = cli_fail(&env, rc, &e);
	else if (sum.failed > 0 || sum.in_doubt > 0)
		code = 1;
	else if (sum.invalid > 0)
		code = 2;
	else
		code = 0;
	if (sum.invalid > 0)
		fprintf(stderr,
		    "breachkit letters: %zu invalid row%s (see "
		    "the report); the other rows were processed\n",
		    sum.invalid, sum.invalid == 1 ? "" : "s");
out:
	if (lockfd >= 0)
		close(lockfd);
	if (st != NULL)
		cli_close(st, &s);
	if (fp != stdin)
		fclose(fp);
	return code;
}
