/* SPDX-License-Identifier: MIT */
/* main.c: signal set-up, the server handed to the CLI, then the CLI
 * dispatcher; nothing else. */
#include "base/base.h"

#include <signal.h>

#include "cli/cli.h"
#include "http/http.h"

int
main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	cli_set_serve(http_serve);
	cli_set_routes(http_routes_print);
	return cli_main(argc, argv);
}
