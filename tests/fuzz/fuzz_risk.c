/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_risk.c: the risk engine over whatever facts the validator
 * accepts.  It must not crash, and it must always return a complete
 * assessment: every documented key present, with its documented type, and
 * the invariants between the keys holding.
 */
#include "base/base.h"

#include <stdint.h>

#include "base/arena.h"
#include "base/hash.h"
#include "model/facts.h"
#include "risk/risk.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const keys[] = { "rules_version", "is_breach", "risk_level",
	"notify_authority", "notify_controller", "communicate_subjects",
	"art34_exception", "public_notice", "dimensions", "enisa",
	"enisa_vs_legal", "reasons", "would_change", "unknown_facts",
	"number_of_subjects" };

static void
check(const struct assessment *as, const json_t *j)
{
	const json_t *e, *dpc, *cb, *v, *n;
	size_t i;

	if (j == NULL)
		BUG("assessment_to_json returned NULL");
	for (i = 0; i < nitems(keys); i++) {
		if (json_object_get(j, keys[i]) == NULL)
			BUG("a documented key is missing");
	}
	n = json_object_get(j, "notify_authority");
	if (!json_is_boolean(n) && !json_is_string(n))
		BUG("notify_authority");
	e = json_object_get(j, "enisa");
	dpc = json_object_get(e, "dpc");
	cb = json_object_get(e, "cb");
	if (json_object_get(dpc, "base_category") == NULL ||
	    !json_is_integer(json_object_get(dpc, "base")) ||
	    !json_is_array(json_object_get(dpc, "adjustments")) ||
	    !json_is_integer(json_object_get(dpc, "value")) ||
	    !json_is_real(json_object_get(e, "ei")) ||
	    !json_is_real(json_object_get(e, "se")) ||
	    !json_is_string(json_object_get(e, "band")) ||
	    !json_is_real(json_object_get(cb, "total")))
		BUG("enisa keys");
	if (json_real_value(json_object_get(cb, "total")) > 2.0 ||
	    json_real_value(json_object_get(e, "se")) > 6.0 ||
	    json_real_value(json_object_get(e, "se")) < 0.25)
		BUG("enisa ranges");
	if (json_array_size(json_object_get(j, "reasons")) == 0)
		BUG("no reasons");
	json_array_foreach (json_object_get(j, "reasons"), i, v) {
		if (json_string_length(json_object_get(v, "en")) == 0 ||
		    json_string_length(json_object_get(v, "de")) == 0 ||
		    json_string_length(json_object_get(v, "cite")) == 0)
			BUG("incomplete reason");
	}
	json_array_foreach (json_object_get(j, "would_change"), i, v) {
		if (json_string_length(json_object_get(v, "effect")) == 0 ||
		    json_object_get(v, "value") == NULL)
			BUG("incomplete would_change");
	}
	if (as->reasons_n >= RISK_REASONS_MAX)
		BUG("reason table full");
	if (as->communicate && as->level != RISK_HIGH)
		BUG("communicate without high risk");
	if (as->public_notice != (as->art34 == ART34_C))
		BUG("public notice without Art. 34(3)(c)");
	if (as->notify != NOTIFY_NO && as->level == RISK_NONE)
		BUG("notify without risk");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static bool init;
	struct arena *a;
	struct facts f;
	struct field_errors fe = { 0 };
	struct assessment x, y;
	json_t *jx, *jy;

	if (!init) {
		hash_init();
		init = true;
	}
	a = arena_new();
	if (facts_parse((const char *)data, len, 2000000000, a, &f, NULL,
	        &fe) == ERR_OK) {
		risk_assess(&f, &x);
		risk_assess(&f, &y);
		jx = assessment_to_json(&x);
		jy = assessment_to_json(&y);
		check(&x, jx);
		if (!json_equal(jx, jy))
			BUG("the engine is not deterministic");
		json_decref(jx);
		json_decref(jy);
	}
	arena_free(a);
	return 0;
}
