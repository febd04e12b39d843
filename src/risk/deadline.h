/* SPDX-License-Identifier: MIT */
/*
 * risk/deadline.h: which obligations an incident owes under a regime, and
 * when each is due.  Pure: facts and decisions in, due times out.
 */
#ifndef BREACHKIT_DEADLINE_H
#define BREACHKIT_DEADLINE_H

#include <stddef.h>
#include <stdint.h>

#include "model/facts.h"
#include "model/regime.h"

struct deadline_input {
	const struct facts *facts;
	/* Time of the latest decision to communicate, or TIME_UNKNOWN. */
	int64_t communicate_at;
	/* Time of the latest decision for a public notice, or TIME_UNKNOWN. */
	int64_t public_notice_at;
};

struct due {
	const struct regime_rule *rule;
	int64_t anchor_at;
	int64_t due_at;
};

/*
 * The obligations `r` creates for `in`, at most `max`, into `out`.  A rule
 * whose trigger has not happened or whose anchor is unknown owes nothing
 * yet.  Returns the count.
 */
size_t deadline_compute(const struct regime *r, const struct deadline_input *in,
    struct due *out, size_t max);

#endif
