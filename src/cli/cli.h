/* SPDX-License-Identifier: MIT */
/*
 * cli/cli.h: the command-line front end.  One command table (cli.c) feeds
 * dispatch, `breachkit help` and the man page; commands live in cmd_*.c
 * and return an exit code mapped from enum err in one place.
 */
#ifndef BREACHKIT_CLI_H
#define BREACHKIT_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/err.h"
#include "svc/svc.h"

int cli_main(int argc, char **argv);
/* main.c hands over the server (cli/ and http/ do not include each
 * other). */
void cli_set_serve(serve_fn);
/* ... and the route table's printer (the hidden `test-routes`). */
void cli_set_routes(void (*)(FILE *));
int cmd_test_routes(int, char **);

/* Options every command understands. */
struct cli_env {
	const char *db;
	const char *actor;
	bool json;
	const char *cmd; /* for messages: "incident new" */
};

/* Long options shared by all commands; end a command's table with these. */
#define CLI_COMMON_OPTS                                \
	{ "db", required_argument, NULL, 'D' },        \
	    { "actor", required_argument, NULL, 'A' }, \
	    { "json", no_argument, NULL, 'J' },        \
	{                                              \
		"help", no_argument, NULL, 'h'         \
	}

/*
 * The next option of the command line: getopt_long over `opts` (a table
 * that ends with CLI_COMMON_OPTS), the common options handled on the way.
 * Returns a command's own option ('?' for an unknown one), or -1 at the
 * end of the options and after --help, which prints the usage and sets
 * *exit_code to 0 (the command returns it).
 */
int cli_getopt(struct cli_env *, int argc, char **argv,
    const struct option *opts, int *exit_code);
/* Fill defaults: --db, $BREACHKIT_DB, ./breachkit.db; actor likewise. */
void cli_env_init(struct cli_env *, const char *cmd);
/* Open the register and start a svc; prints and returns an exit code
 * (0 on success). */
int cli_open(struct cli_env *, struct store **, struct svc *);
void cli_close(struct store *, struct svc *);
/* Report `rc` with the detail in `e` to stderr; returns the exit code. */
int cli_fail(const struct cli_env *, enum err rc, const struct svc_err *e);
/* Usage error: message + usage line, exit code 2. */
int cli_usage(const struct cli_env *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Read FILE ("-" = stdin) into `b` (capped); prints and returns exit code. */
int cli_read_file(const struct cli_env *, const char *path, struct buf *b);
/* Print JSON (consumed) to stdout, pretty. */
void cli_print_json(json_t *);
/* Print the history of a stored document (svc_template_history,
 * svc_authority_history; consumed): one line a version, or with --json
 * as it is. */
void cli_print_versions(const struct cli_env *, json_t *h);
/* Parse an ISO-8601 option value; prints and returns exit code. */
int cli_parse_time(
    const struct cli_env *, const char *opt, const char *s, int64_t *out);
/* The clock for this run. */
int64_t cli_now(void);

typedef int (*cmd_fn)(int argc, char **argv);

int cmd_init(int, char **);
int cmd_incident(int, char **);
int cmd_note(int, char **);
int cmd_attach(int, char **);
int cmd_erase(int, char **);
int cmd_assess(int, char **);
int cmd_obligations(int, char **);
int cmd_file(int, char **);
int cmd_decide(int, char **);
int cmd_notify(int, char **);
int cmd_authority(int, char **);
int cmd_export(int, char **);
int cmd_letters(int, char **);
int cmd_subjects(int, char **);
int cmd_match(int, char **);
int cmd_settings(int, char **);
int cmd_verify(int, char **);
int cmd_backup(int, char **);
int cmd_regime(int, char **);
int cmd_notice(int, char **);
int cmd_template(int, char **);
int cmd_schema(int, char **);
int cmd_migrate(int, char **);
int cmd_scan(int, char **);
int cmd_version(int, char **);
int cmd_serve(int, char **);
int cmd_user(int, char **);
int cmd_help(int, char **);

#endif
