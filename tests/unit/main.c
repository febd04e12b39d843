/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/main.c: runs every cmocka group (or those named on argv) and
 * prints one summary line "unit: N passed, M failed" as the last line of
 * stdout.  Exits non-zero if anything failed or no test ran.
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/clock.h"
#include "base/hash.h"
#include "unit_groups.h"

static const struct {
	const char *name;
	const struct CMUnitTest *tests;
	const size_t *n;
} groups[] = { UNIT_GROUPS };

int
main(int argc, char **argv)
{
	size_t passed = 0, failed = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (hash_init() != 0 || clock_set_zone("Europe/Berlin") != ERR_OK) {
		fputs("unit: cannot initialise libsodium or the time zone\n",
		    stderr);
		return 1;
	}
	for (size_t i = 0; i < nitems(groups); i++) {
		int f, k;

		if (argc > 1) {
			for (k = 1; k < argc; k++) {
				if (strcmp(argv[k], groups[i].name) == 0)
					break;
			}
			if (k == argc)
				continue;
		}
		f = _cmocka_run_group_tests(
		    groups[i].name, groups[i].tests, *groups[i].n, NULL, NULL);
		fflush(stderr);
		failed += (size_t)f;
		passed += *groups[i].n - (size_t)f;
	}
	printf("unit: %zu passed, %zu failed\n", passed, failed);
	return failed > 0 || passed == 0 ? 1 : 0;
}
