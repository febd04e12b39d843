/* SPDX-License-Identifier: MIT */
/*
 * cli/cli.c: the command table (git's git.c), dispatch, help and man page
 * generated from the table, and the helpers every command shares.
 */
#include "base/base.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/hash.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "cli/cli.h"

struct command {
	const char *name;
	cmd_fn fn;
	bool hidden; /* test or build helpers */
	const char *usage;
	const char *summary;
	const char *details;
};

static const struct command commands[] = {
	{ "init", cmd_init, false,
	    "init [--org NAME] [--prefix ACME] [--timezone ZONE] [--demo]",
	    "Create a new register (SQLite file)",
	    "Creates the register with the built-in regimes (gdpr, tkg).  "
	    "Reference numbers are PREFIX-YEAR-NNNN.  Times are shown in ZONE "
	    "(default Europe/Berlin).  --demo adds a clearly fictional demo "
	    "organisation's incidents." },
	{ "incident", cmd_incident, false,
	    "incident new --from FILE | list [--status open|closed] [--limit N] "
	    "| show ID | edit ID --from PATCH [--reason TEXT] | close ID "
	    "--reason TEXT | reopen ID [--reason TEXT] | import FILE.jsonl",
	    "Record, list, show and change incidents",
	    "new reads a facts document (docs/facts.md; - is stdin).  edit "
	    "applies an RFC 7396 JSON merge patch to the facts.  import creates "
	    "one incident per JSONL line in one transaction: any bad line and "
	    "nothing is written.  ID is the reference (ACME-2026-0007) or the "
	    "number." },
	{ "note", cmd_note, false, "note ID TEXT",
	    "Add a note to an incident's history", NULL },
	{ "attach", cmd_attach, false, "attach ID FILE [--name NAME]",
	    "Store an evidence file with its SHA-256", NULL },
	{ "erase", cmd_erase, false,
	    "erase ID (--field PATH)... [--notes] --reason TEXT",
	    "Erase personal data whose retention has ended",
	    "Replaces the text at each facts PATH (e.g. reporter.name) and, "
	    "with --notes, the text of every note by \"[erased]\", in the state "
	    "and in the history.  The erasure is itself an event; verify still "
	    "passes." },
	{ "assess", cmd_assess, false,
	    "assess ID | assess --facts FILE [--lang en|de]",
	    "Risk assessment: ENISA severity and the EDPB recommendation",
	    "Recommends whether it is a breach, the risk level (none, risk, "
	    "high), whether to notify the authority (Art. 33) and the data "
	    "subjects (Art. 34), with reasons that cite their source and the "
	    "facts that would change the recommendation.  With ID a new "
	    "assessment version is recorded when the facts or the result "
	    "changed; --facts needs no register (- reads stdin).  The keys of "
	    "--json are documented in docs/assessment.md." },
	{ "obligations", cmd_obligations, false,
	    "obligations [ID] [--overdue] [--all] | obligations add ID "
	    "--recipient NAME --due TIME [--label TEXT] [--article TEXT]",
	    "What is due, by deadline, with the time left",
	    "Without ID: the open obligations of all open incidents, overdue "
	    "first.  With ID: every obligation of that incident.  add records "
	    "a contractual obligation." },
	{ "file", cmd_file, false,
	    "file ID (--to RECIPIENT | --obligation N) --phase "
	    "initial|follow-up|final|withdrawn [--at TIME] [--case-ref REF] "
	    "[--delay-reason TEXT] [--by NAME] [--by-contact EMAIL-OR-PHONE]",
	    "Record a filing (a notification that was made)",
	    "A filing after the deadline needs --delay-reason (Art. 33(1)); a "
	    "follow-up, final or withdrawal quotes the authority's case "
	    "reference.  --by and --by-contact record who submitted it (the "
	    "reporting person the authorities' forms ask for); a follow-up "
	    "notification names who submitted the initial one." },
	{ "decide", cmd_decide, false,
	    "decide ID breach|authority|subjects yes|no --rationale TEXT "
	    "[--exception a|b|c]",
	    "Record an attributed decision",
	    "breach: is it a personal data breach; authority: notify the "
	    "supervisory authority; subjects: communicate to the data subjects "
	    "(no with an Art. 34(3) exception; c means a public notice)." },
	{ "notify", cmd_notify, false,
	    "notify ID [--authority nrw|by|bw|bfdi|en] [--format "
	    "text|md|html|json|pdf] [--phase initial|follow-up|final|withdrawn] "
	    "[--out FILE] [--delay-reason TEXT] [--authority-file FILE]",
	    "The Art. 33 notification to the supervisory authority",
	    "Lays the incident out in the authority's section order and "
	    "labels (authorities/CODE.json; --authority-file uses a corrected "
	    "copy): text gives one copy-paste block per form field.  The "
	    "authority defaults to the authority setting, the format to text, "
	    "the phase to initial; follow-up, final and withdrawn quote the "
	    "authority's case reference.  A late notification states the "
	    "reasons for the delay (from the filing, or --delay-reason).  If "
	    "a field the authority requires is missing, nothing is generated: "
	    "the missing fields are listed with where to record them (exit "
	    "2).  pdf needs --out FILE unless standard output is not a "
	    "terminal.  See docs/notify.md." },
	{ "authority", cmd_authority, false,
	    "authority [list] | show CODE | load FILE | reset CODE | history "
	    "CODE",
	    "Authority files (form labels and order) stored in the register",
	    "A corrected copy of an authority file (authorities/CODE.json; "
	    "show prints the one in use) is validated and stored as a new "
	    "version with who stored it and when; notify --authority CODE uses "
	    "the newest.  A file with a code that is not built in adds an "
	    "authority.  reset records a return to the built-in file; history "
	    "lists the versions.  See docs/notify.md." },
	{ "settings", cmd_settings, false,
	    "settings [list] | get KEY | set KEY VALUE | unset KEY",
	    "The organisation, the DPO's contact and other register settings",
	    "Keys: org_name, org_address, org_website, org_channels (the real "
	    "channels named in phishing warnings), dpo_name, dpo_email, "
	    "dpo_phone, dpo_address, mail_from, authority (nrw, by, bw, bfdi, "
	    "en), timezone, ref_prefix.  Documents list the settings they "
	    "need and lack." },
	{ "letters", cmd_letters, false,
	    "letters ID (--subjects FILE.csv | --affected --contacts FILE.csv) "
	    "(--out DIR | --mbox FILE | --smtp URL) [--smtp-ca FILE] "
	    "[--smtp-tls required|optional] [--dry-run] [--rate N] "
	    "[--in-doubt sent|resend] [--file]",
	    "Letters to the affected people (Art. 34), as EML, mbox or SMTP",
	    "One letter per row of the CSV list (columns id, name, email, "
	    "language de|en, categories as ;-separated data categories of "
	    "docs/facts.md), in plain German (Sie) or English, with advice "
	    "chosen from the person's categories.  Bad rows are reported by row "
	    "and column; the others proceed.  SMTP keeps a send log in the "
	    "register: a rerun never sends a letter twice; a letter whose "
	    "delivery is in doubt after a crash is reported until resolved "
	    "with --in-doubt.  SMTP: smtps://HOST[:PORT] is TLS from the "
	    "start; smtp://HOST[:PORT] must switch to TLS with STARTTLS (a "
	    "relay without it is refused; --smtp-tls optional allows a plain "
	    "connection to a loopback address only).  The relay's certificate "
	    "is always verified, against the system's CAs or the PEM bundle of "
	    "--smtp-ca (default $BREACHKIT_SMTP_CA).  The login comes from "
	    "$BREACHKIT_SMTP_USER and $BREACHKIT_SMTP_PASSWORD, never from the "
	    "URL.  --rate N: at most N letters a second.  --file "
	    "records the Art. 34 communication once every letter is sent.  "
	    "--affected --contacts FILE.csv: write to the incident's affected "
	    "list (breachkit match), joined by id with the controller's "
	    "contact export (id, name, email, language) at send time; the "
	    "export is read, not stored; the categories are those found for "
	    "each person; a listed person without a contact is reported "
	    "(no_contact).  "
	    "Needs the settings org_name, org_address, org_website, "
	    "org_channels, dpo_name, dpo_email, mail_from.  See "
	    "docs/letters.md." },
	{ "export", cmd_export, false,
	    "export [--format csv|json] [--out FILE]",
	    "The Art. 33(5) register as CSV or JSON", NULL },
	{ "verify", cmd_verify, false, "verify [--against EXPORT.json]",
	    "Check every hash chain; exit 1 naming the first bad event",
	    "Checks each incident's chain and replays its log against the "
	    "stored state (facts, status, obligations, decisions, filings, "
	    "attachments, assessments), and that no issued reference is "
	    "missing.  --against an earlier `export --format json` also checks "
	    "that every incident it lists still holds the history it had then: "
	    "keep exports outside the machine as witnesses." },
	{ "backup", cmd_backup, false, "backup FILE",
	    "Consistent online copy of the register",
	    "A register is two files: FILE and FILE-access, the log of the "
	    "reads made through the web front end and the API (kept apart so "
	    "that recording reads never disturbs the readers).  backup writes "
	    "both, FILE and FILE-access, and refuses if either exists.  Copy "
	    "or move the two together." },
	{ "regime", cmd_regime, false, "regime list | show ID | load FILE",
	    "Notification regimes as data (hours, anchors, recipients)", NULL },
	{ "notice", cmd_notice, false,
	    "notice ID [--kind public|controller|register] [--lang de|en] "
	    "[--format text|html] [--out FILE]",
	    "Public notice, notice to the controller, register entry",
	    "public: the public communication (Art. 34(3)(c)) as text or HTML, "
	    "with advice chosen from the data categories.  controller: the "
	    "processor's notice to the controller (Art. 33(2)); needs role "
	    "processor.  register: the internal register entry (Art. 33(5)) "
	    "with the reasoning of the decisions and the latest assessment.  "
	    "Settings a document needs and the register lacks are listed "
	    "(exit 2).  Templates: breachkit template; docs/templates.md." },
	{ "template", cmd_template, false,
	    "template list | show KIND [--lang de|en] | set KIND --lang L FILE "
	    "| reset KIND --lang L | history KIND --lang L",
	    "Document templates: built-in, overridable, versioned",
	    "set checks the template before it is stored: it must parse, "
	    "declare the output type of its kind and name only that kind's "
	    "variables (exit 2 listing the allowed ones).  Every set and reset "
	    "is a new version with who and when (history).  Syntax, escaping "
	    "and variables: docs/templates.md." },
	{ "migrate", cmd_migrate, false, "migrate --check",
	    "Report the schema version", NULL },
	{ "scan", cmd_scan, false,
	    "scan [--incident ID] [--format FMT] [--max-line BYTES] [--threads N] "
	    "[--quiet] FILE... | scan --eval LABELS FILE",
	    "Find the personal data in leak files",
	    "Streams each file (plain, .gz, .zst; UTF-8, Latin-1, UTF-16) in a "
	    "limited child process, sniffs the format (csv, jsonl, sql, "
	    "combolist, stealer_log, text) and reports per category the values "
	    "and records, a distinct estimate, the columns and masked samples, "
	    "with the ENISA and facts data categories; never the values.  Exit "
	    "0 when all was read (warnings with byte offsets in the output), 1 "
	    "on failure, 130 when interrupted (results partial).  --eval "
	    "compares the detectors with bench/gen-leak.py labels (precision "
	    "and recall).  --incident ID attaches the result (no values, masked "
	    "samples only) to the incident as a scan event.  See docs/scan.md." },
	{ "subjects", cmd_subjects, false, "subjects import FILE.csv | status",
	    "The subject index: our data subjects as keyed hashes",
	    "import reads a CSV whose header names id and any of email, "
	    "phone, iban, customer_no (other columns are ignored), normalises "
	    "each identifier and stores only two keyed hashes of it (a 64-bit "
	    "SipHash tag and a keyed BLAKE2b hash) under a new secret kept in "
	    "the register.  A re-import replaces the index in one transaction; "
	    "any bad row (reported by row and column, never by value) and "
	    "nothing is imported.  Phones use the setting phone_region "
	    "(default DE).  See docs/subjects.md." },
	{ "match", cmd_match, false,
	    "match --incident ID [--list] [--dry-run] [--threads N] [--quiet] "
	    "FILE...",
	    "Which of our data subjects are in leak files",
	    "Scans each file like breachkit scan and hashes the e-mail "
	    "addresses, phone numbers, IBANs and customer numbers (in columns "
	    "and keys named for them) it finds with the subject index's keys, "
	    "in this process (the scan child never holds the keys).  Records on the incident the scan (event scan), the "
	    "affected subjects with how they were matched and the categories "
	    "found in their records (event affected), and subjects.count "
	    "(marked an estimate when the leak holds identifiers outside the "
	    "index or the scan was partial).  --list prints the affected ids; "
	    "letters --affected writes to them.  --threads N: detector threads "
	    "in the scan child (default: the cores, as for scan).  See "
	    "docs/subjects.md." },
	{ "serve", cmd_serve, false,
	    "serve [--listen HOST:PORT] [--threads N] [--config FILE] [--tls] "
	    "[--public-intake] [--max-body BYTES] [--busy-timeout MS]",
	    "Run the web front end and the JSON API",
	    "Listens on 127.0.0.1:8080 by default.  Settings come from the "
	    "flags, else $BREACHKIT_LISTEN, $BREACHKIT_THREADS, $BREACHKIT_TLS, "
	    "$BREACHKIT_PUBLIC_INTAKE, else the config file (key = value lines: "
	    "listen, threads, tls, public_intake, max_body, db), else the "
	    "defaults.  --tls says a TLS proxy is in front: the session cookie "
	    "becomes __Host- and Secure.  SIGTERM finishes the requests in "
	    "flight and stops.  See docs/web.md." },
	{ "user", cmd_user, false,
	    "user list | add NAME --role ROLE [--lang de|en] [--password-file "
	    "FILE] | set NAME [--role ROLE] [--password-file FILE] [--disable | "
	    "--enable] [--unlock] | token NAME LABEL | tokens | revoke ID",
	    "Accounts of the web front end and API tokens",
	    "Roles: admin, dpo, editor, viewer, reporter.  Without "
	    "--password-file a random password is generated and printed once.  "
	    "Passwords are stored as Argon2id hashes, tokens as BLAKE2b "
	    "hashes: a token is shown once." },
	{ "version", cmd_version, false, "version", "Print the version", NULL },
	{ "help", cmd_help, false, "help [COMMAND] [--man]",
	    "Show help for all commands or one", NULL },
	{ "schema", cmd_schema, true, "schema facts [--markdown]",
	    "Print the facts JSON Schema or Markdown reference", NULL },
	{ "test-routes", cmd_test_routes, true, "test-routes",
	    "Print the HTTP route table (for the security tests)", NULL },
};

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < nitems(commands); i++) {
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	}
	return NULL;
}

static void
print_command_help(FILE *fp, const struct command *c)
{
	fprintf(fp, "usage: breachkit %s\n\n%s.\n", c->usage, c->summary);
	if (c->details != NULL)
		fprintf(fp, "\n%s\n", c->details);
	fputs("\nCommon options: --db PATH (or $BREACHKIT_DB; default "
	      "./breachkit.db), --actor NAME\n(or $BREACHKIT_ACTOR; default "
	      "the OS user), --json (machine output).\n",
	    fp);
}

static void
print_man(void)
{
	fputs(".\\\" generated by `breachkit help --man`: do not edit\n"
	      ".TH BREACHKIT 1\n.SH NAME\nbreachkit \\- personal data breach "
	      "register, risk engine and notifications\n.SH SYNOPSIS\n"
	      ".B breachkit\n.I command\n[options]\n.SH DESCRIPTION\n"
	      "breachkit documents every personal data breach (Art. 33(5) "
	      "GDPR) in an append-only, hash-chained history, tracks the "
	      "obligations to notify (Art. 33, 34) with deadlines anchored on "
	      "awareness, and exports the register.\n.SH COMMANDS\n",
	    stdout);
	for (size_t i = 0; i < nitems(commands); i++) {
		if (commands[i].hidden)
			continue;
		printf(".TP\n.B breachkit %s\n%s.", commands[i].usage,
		    commands[i].summary);
		if (commands[i].details != NULL)
			printf("\n%s", commands[i].details);
		putchar('\n');
	}
	fputs(
	    ".SH OPTIONS\n.TP\n.BI \\-\\-db \" PATH\"\nThe register "
	    "(default $BREACHKIT_DB, else ./breachkit.db).\n.TP\n"
	    ".BI \\-\\-actor \" NAME\"\nWho acts (default $BREACHKIT_ACTOR, "
	    "else the operating-system user).\n.TP\n.B \\-\\-json\n"
	    "Machine-readable output.\n.SH ENVIRONMENT\n.TP\n"
	    ".B BREACHKIT_TZ\nDisplay time zone, overriding the register's "
	    "setting.\n.TP\n.B BREACHKIT_SMTP_USER, BREACHKIT_SMTP_PASSWORD\n"
	    "The login at the SMTP relay (letters --smtp).\n.TP\n"
	    ".B BREACHKIT_SMTP_CA\nA PEM file of CA certificates to trust for "
	    "the SMTP relay (default of letters --smtp-ca).\n.TP\n.B BREACHKIT_TEST_CLOCK\nFixes the clock (tests "
	    "only).\n.SH EXIT STATUS\n0 success; 1 operational failure "
	    "(including a failed verify); 2 usage or validation error; 130 "
	    "interrupted.\n.SH FILES\n.TP\n.I docs/facts.md\nThe facts "
	    "document and its JSON Schema.\n",
	    stdout);
}

int
cmd_help(int argc, char **argv)
{
	const struct command *c;

	if (argc > 1 && strcmp(argv[1], "--man") == 0) {
		print_man();
		return 0;
	}
	if (argc > 1 &&
	    (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		print_command_help(stdout, find_command("help"));
		return 0;
	}
	if (argc > 1) {
		c = find_command(argv[1]);
		if (c == NULL) {
			fprintf(stderr,
			    "breachkit: no command \"%s\"; see "
			    "breachkit help\n",
			    argv[1]);
			return 2;
		}
		print_command_help(stdout, c);
		return 0;
	}
	puts("usage: breachkit <command> [options] [args]\n\ncommands:");
	for (size_t i = 0; i < nitems(commands); i++) {
		if (!commands[i].hidden)
			printf("  %-12s %s\n", commands[i].name,
			    commands[i].summary);
	}
	puts("\nbreachkit help COMMAND shows one command's usage.");
	return 0;
}

int
cmd_version(int argc, char **argv)
{
	if (argc > 1 &&
	    (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		print_command_help(stdout, find_command("version"));
		return 0;
	}
	printf("breachkit %s\n", BREACHKIT_VERSION);
	return 0;
}

/* ---- shared helpers ------------------------------------------------------ */

int64_t
cli_now(void)
{
	return clock_now();
}

void
cli_env_init(struct cli_env *env, const char *cmd)
{
	static char user[64];
	struct passwd pw, *res = NULL;
	char pwbuf[1024];
	const char *v;

	memset(env, 0, sizeof(*env));
	env->cmd = cmd;
	v = getenv("BREACHKIT_DB");
	env->db = v != NULL && *v ? v : "breachkit.db";
	v = getenv("BREACHKIT_ACTOR");
	if (v != NULL && *v) {
		env->actor = v;
	} else {
		if (getpwuid_r(getuid(), &pw, pwbuf, sizeof(pwbuf), &res) ==
		        0 &&
		    res != NULL)
			snprintf(user, sizeof(user), "%s", pw.pw_name);
		else
			snprintf(
			    user, sizeof(user), "uid%u", (unsigned)getuid());
		env->actor = user;
	}
}

/* Handle a common option `c`; true if it was one (see cli_getopt). */
static bool
common_opt(struct cli_env *env, int c, int *exit_code)
{
	const struct command *cmd;
	char name[32];

	switch (c) {
	case 'D':
		env->db = optarg;
		return true;
	case 'A':
		env->actor = optarg;
		return true;
	case 'J':
		env->json = true;
		return true;
	case 'h':
		snprintf(name, sizeof(name), "%s", env->cmd);
		if (strchr(name, ' ') != NULL)
			*strchr(name, ' ') = '\0';
		cmd = find_command(name);
		if (cmd != NULL)
			print_command_help(stdout, cmd);
		*exit_code = 0;
		return true;
	default:
		return false;
	}
}

int
cli_getopt(struct cli_env *env, int argc, char **argv,
    const struct option *opts, int *exit_code)
{
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (!common_opt(env, c, exit_code))
			return c;
		if (*exit_code >= 0)
			return -1;
	}
	return -1;
}

int
cli_usage(const struct cli_env *env, const char *fmt, ...)
{
	const struct command *cmd;
	char name[32];
	va_list ap;

	fprintf(stderr, "breachkit %s: ", env->cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	snprintf(name, sizeof(name), "%s", env->cmd);
	if (strchr(name, ' ') != NULL)
		*strchr(name, ' ') = '\0';
	cmd = find_command(name);
	if (cmd != NULL)
		fprintf(stderr, "\nusage: breachkit %s\n", cmd->usage);
	else
		fputc('\n', stderr);
	return 2;
}

int
cli_fail(const struct cli_env *env, enum err rc, const struct svc_err *e)
{
	if (e->fe.n > 0) {
		fprintf(stderr, "breachkit %s: invalid input%s%s:\n", env->cmd,
		    e->msg[0] ? " at " : "", e->msg);
		field_errors_print(&e->fe, stderr);
	} else {
		fprintf(stderr, "breachkit %s: %s\n", env->cmd,
		    e->msg[0] ? e->msg : err_str(rc));
	}
	return err_exit_code(rc);
}

static const char *
actor_problem(const char *a)
{
	if (a == NULL || *a == '\0')
		return "empty";
	return text_problem(a, strlen(a), TEXT_SHORT_MAX, false);
}

int
cli_open(struct cli_env *env, struct store **st, struct svc *s)
{
	struct svc_err e;
	char *msg = NULL;
	const char *tz, *why;
	enum err rc;
	struct arena *a;

	svc_err_clear(&e);
	why = actor_problem(env->actor);
	if (why != NULL)
		return cli_usage(env, "--actor: %s", why);
	rc = store_open(env->db, STORE_EXISTING, st, &msg);
	if (rc != ERR_OK) {
		if (rc == ERR_NOTFOUND)
			fprintf(stderr,
			    "breachkit %s: no register at %s (create "
			    "one with breachkit init, or give --db)\n",
			    env->cmd, env->db);
		else
			fprintf(stderr, "breachkit %s: %s\n", env->cmd,
			    msg ? msg : err_str(rc));
		free(msg);
		return rc == ERR_INVAL ? 1 : err_exit_code(rc);
	}
	a = arena_new();
	tz = getenv("BREACHKIT_TZ");
	if (tz == NULL || *tz == '\0')
		tz = svc_timezone(*st, a);
	if (tz != NULL && clock_set_zone(tz) != ERR_OK)
		fprintf(stderr,
		    "breachkit %s: unknown time zone \"%s\"; "
		    "showing times in UTC\n",
		    env->cmd, tz);
	arena_free(a);
	rc = svc_begin(s, *st, env->actor, cli_now(), &e);
	if (rc != ERR_OK) {
		store_close(*st);
		*st = NULL;
		return cli_fail(env, rc, &e);
	}
	return 0;
}

void
cli_close(struct store *st, struct svc *s)
{
	if (s != NULL)
		svc_end(s);
	store_close(st);
}

int
cli_read_file(const struct cli_env *env, const char *path, struct buf *b)
{
	FILE *fp;
	enum err rc;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (fp == NULL) {
		fprintf(stderr, "breachkit %s: cannot read %s: %s\n", env->cmd,
		    path, strerror(errno));
		return 1;
	}
	rc = buf_read_file(b, fp);
	if (fp != stdin)
		fclose(fp);
	if (rc == ERR_LIMIT) {
		fprintf(stderr,
		    "breachkit %s: %s is too large: more than %zu "
		    "bytes\n",
		    env->cmd, strcmp(path, "-") == 0 ? "standard input" : path,
		    b->max);
		return 2;
	}
	if (rc != ERR_OK) {
		fprintf(
		    stderr, "breachkit %s: error reading %s\n", env->cmd, path);
		return 1;
	}
	return 0;
}

void
cli_print_json(json_t *j)
{
	char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	if (s != NULL)
		puts(s);
	free(s);
	json_decref(j);
}

void
cli_print_versions(const struct cli_env *env, json_t *h)
{
	json_t *it;
	size_t i;

	if (env->json) {
		cli_print_json(h);
		return;
	}
	json_array_foreach (h, i, it) {
		const json_t *sha = json_object_get(it, "sha256");

		printf("v%-3" JSON_INTEGER_FORMAT " %s  %-9s %s %.12s\n",
		    json_integer_value(json_object_get(it, "version")),
		    json_string_value(json_object_get(it, "created_at")),
		    json_string_value(json_object_get(it, "source")),
		    json_string_value(json_object_get(it, "actor")),
		    json_is_string(sha) ? json_string_value(sha) : "");
	}
	json_decref(h);
}

int
cli_parse_time(
    const struct cli_env *env, const char *opt, const char *s, int64_t *out)
{
	const char *why;

	if (iso8601_parse(s, strlen(s), out, &why) != ERR_OK)
		return cli_usage(env, "%s \"%.40s\": %s", opt, s, why);
	return 0;
}

int
cli_main(int argc, char **argv)
{
	const struct command *c;

	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	if (hash_init() != 0) {
		fputs("breachkit: cannot initialise libsodium\n", stderr);
		return 1;
	}
	if (clock_set_zone("Europe/Berlin") != ERR_OK)
		clock_set_zone("UTC");
	if (argc < 2) {
		cmd_help(1, argv);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_help(1, argv);
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(1, argv);
	c = find_command(argv[1]);
	if (c == NULL) {
		fprintf(stderr,
		    "breachkit: no command \"%s\"; see breachkit "
		    "help\n",
		    argv[1]);
		return 2;
	}
	optind = 1;
	return c->fn(argc - 1, argv + 1);
}
