/* SPDX-License-Identifier: MIT */
/* main.c: signal set-up, then the CLI dispatcher; nothing else. */
#include "base/base.h"

#include <signal.h>

#include "cli/cli.h"

int
main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	return cli_main(argc, argv);
}
