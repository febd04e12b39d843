/* SPDX-License-Identifier: MIT */
/*
 * model/regime.h: a notification regime as data (the files in regimes/): which
 * recipients are owed a notification, triggered by what, anchored on which
 * time, within how long.  Adding the proposed 96-hour rule or a national
 * law is a new file loaded with `breachkit regime load`, not a new build.
 */
#ifndef BREACHKIT_REGIME_H
#define BREACHKIT_REGIME_H

#include <stdint.h>

#include "base/arena.h"
#include "model/facts.h"
#include "model/record.h"

enum trigger {
	TRIGGER_AWARE,         /* once awareness is recorded */
	TRIGGER_COMMUNICATE,   /* a decision to communicate (Art. 34) */
	TRIGGER_PUBLIC_NOTICE, /* a decision for Art. 34(3)(c) */
	TRIGGER__MAX
};

enum anchor {
	ANCHOR_AWARE,      /* facts.timeline.aware_at */
	ANCHOR_DISCOVERED, /* facts.timeline.discovered_at */
	ANCHOR_DECIDED,    /* time of the triggering decision */
	ANCHOR__MAX
};

enum { REGIME_RULES_MAX = 16 };

struct regime_rule {
	const char *id;
	const char *recipient;
	const char *label;
	const char *article;
	enum trigger trigger;
	uint32_t roles; /* bit per enum role */
	enum anchor anchor;
	enum obl_kind kind; /* DEADLINE or UNDUE */
	int64_t period_s;   /* deadline, or reminder target */
	int topic;          /* enum topic that decides it, or -1 */
};

struct regime {
	const char *id;
	const char *name;
	size_t rules_n;
	struct regime_rule rules[REGIME_RULES_MAX];
};

/*
 * Validate a regime document into `out` (strings in `a`).  Problems go to
 * `fe` with field paths ("rules[1].deadline"); ERR_INVAL if any.
 */
enum err regime_parse(const char *json, size_t len, struct arena *a,
    struct regime *out, struct field_errors *fe);

#endif
