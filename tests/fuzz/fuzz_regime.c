/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_regime.c: the regime validator, and the deadline
 * arithmetic over whatever it accepts.
 */
#include "base/base.h"

#include <stdint.h>

#include "base/arena.h"
#include "model/regime.h"
#include "risk/deadline.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct arena *a = arena_new();
	struct regime r;
	struct field_errors fe = { 0 };
	struct facts f;
	struct deadline_input in;
	struct due due[REGIME_RULES_MAX];
	size_t n;

	if (regime_parse((const char *)data, len, a, &r, &fe) == ERR_OK) {
		facts_init(&f);
		f.aware_at = 1700000000;
		f.discovered_at = 1699990000;
		in.facts = &f;
		in.communicate_at = 1700003600;
		in.public_notice_at = TIME_UNKNOWN;
		for (int role = 0; role < ROLE__MAX; role++) {
			f.role = (enum role)role;
			n = deadline_compute(&r, &in, due, nitems(due));
			for (size_t i = 0; i < n; i++)
				assert(due[i].due_at >= due[i].anchor_at);
		}
	}
	arena_free(a);
	return 0;
}
