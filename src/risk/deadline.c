/* SPDX-License-Identifier: MIT */
/*
 * risk/deadline.c: the deadline arithmetic.  Deadlines run from the anchor
 * the regime names (for Art. 33(1): awareness, never receipt of an e-mail
 * or creation of the record); "without undue delay" obligations carry the
 * regime's reminder target as their due time.
 */
#include "base/base.h"

#include "risk/deadline.h"

static bool
triggered(const struct regime_rule *r, const struct deadline_input *in)
{
	switch (r->trigger) {
	case TRIGGER_AWARE:
		return in->facts->aware_at != TIME_UNKNOWN;
	case TRIGGER_COMMUNICATE:
		return in->communicate_at != TIME_UNKNOWN;
	case TRIGGER_PUBLIC_NOTICE:
		return in->public_notice_at != TIME_UNKNOWN;
	case TRIGGER__MAX:
		break;
	}
	BUG("trigger");
}

static int64_t
anchor_time(const struct regime_rule *r, const struct deadline_input *in)
{
	switch (r->anchor) {
	case ANCHOR_AWARE:
		return in->facts->aware_at;
	case ANCHOR_DISCOVERED:
		return in->facts->discovered_at;
	case ANCHOR_DECIDED:
		return r->trigger == TRIGGER_PUBLIC_NOTICE
		           ? in->public_notice_at
		           : in->communicate_at;
	case ANCHOR__MAX:
		break;
	}
	BUG("anchor");
}

size_t
deadline_compute(const struct regime *reg, const struct deadline_input *in,
    struct due *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < reg->rules_n && n < max; i++) {
		const struct regime_rule *r = &reg->rules[i];
		int64_t t;

		if ((r->roles & (1u << in->facts->role)) == 0)
			continue;
		if (!triggered(r, in))
			continue;
		t = anchor_time(r, in);
		if (t == TIME_UNKNOWN)
			continue;
		out[n].rule = r;
		out[n].anchor_at = t;
		out[n].due_at = t + r->period_s;
		n++;
	}
	return n;
}
