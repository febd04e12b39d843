/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_facts.c: the facts validator (outside JSON -> struct
 * facts).  Whatever the bytes, it must not crash; when it accepts them,
 * the canonical JSON must validate again to the same canonical JSON.
 * The read path's rewrite of stored facts (facts_stored_to_local()) must
 * not crash either, must write JSON when it accepts, and must accept the
 * stored form and write exactly what parsing and dumping it writes.
 */
#include "base/base.h"

#include <stdint.h>

#include "base/arena.h"
#include "base/hash.h"
#include "model/facts.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static bool init;
	struct arena *a;
	struct facts f, g;
	struct field_errors fe = { 0 };
	json_t *j = NULL, *c1, *c2;
	struct buf out;
	char *s;

	if (!init) {
		hash_init();
		init = true;
	}
	a = arena_new();
	buf_init(&out, (size_t)4 << 20);
	if (facts_stored_to_local((const char *)data, len, &out) == ERR_OK) {
		json_t *v = json_loadb(out.p, out.len, 0, NULL);

		if (v == NULL)
			BUG("stored facts rewritten into bad JSON");
		json_decref(v);
	}
	if (facts_parse((const char *)data, len, 2000000000, a, &f, &j, &fe) ==
	    ERR_OK) {
		c1 = facts_to_json_utc(&f);
		s = json_dumps(c1, JSON_COMPACT);
		assert(s != NULL);
		fe.n = 0;
		if (facts_parse(s, strlen(s), 2000000000, a, &g, NULL, &fe) !=
		    ERR_OK)
			BUG("canonical facts do not validate");
		c2 = facts_to_json_utc(&g);
		if (!json_equal(c1, c2))
			BUG("canonical facts do not round-trip");
		free(s);
		s = json_dumps(c1, JSON_COMPACT | JSON_PRESERVE_ORDER);
		buf_reset(&out);
		if (facts_stored_to_local(s, strlen(s), &out) != ERR_OK)
			BUG("the stored form is refused by the read path");
		json_decref(c2);
		c2 = facts_to_json(&g);
		free(s);
		s = json_dumps(c2, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (strcmp(s, out.p) != 0)
			BUG("the read path differs from parsing and dumping");
		free(s);
		json_decref(c1);
		json_decref(c2);
		json_decref(j);
	} else {
		assert(fe.n > 0 || fe.dropped > 0);
	}
	buf_release(&out);
	arena_free(a);
	return 0;
}
