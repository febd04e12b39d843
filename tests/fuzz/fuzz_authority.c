/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_authority.c: the authority file validator, and the
 * notification layout and text, Markdown, HTML and JSON renderers over
 * whatever it accepts (with an incident that holds nothing, and again
 * with a late follow-up, so every field path runs).
 */
#include "base/base.h"

#include <stdint.h>

#include "base/arena.h"
#include "doc/notify.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct arena *a = arena_new();
	struct authority au;
	struct field_errors fe = { 0 };
	struct notify_input in;
	struct notify_doc nd;
	struct facts f;
	struct buf b;
	json_t *j;

	if (authority_parse((const char *)data, len, a, &au, &fe) != ERR_OK) {
		assert(fe.n > 0);
		goto out;
	}
	facts_init(&f);
	memset(&in, 0, sizeof(in));
	in.ref = "FZ-2024-0001";
	in.f = &f;
	in.now = 1714557600;
	in.initial_at = TIME_UNKNOWN;
	in.subjects_notified_at = TIME_UNKNOWN;
	in.breach_decision = in.authority_decision = -1;
	in.subjects_decision = -1;
	buf_init(&b, 1 << 20);
	for (int round = 0; round < 2; round++) {
		notify_build(&au, &in, a, &nd);
		assert(nd.missing_n <= 64 * AUTH_SECTIONS_MAX);
		doc_render_text(&nd.doc, &b);
		doc_render_md(&nd.doc, &b);
		doc_render_html(&nd.doc, &b);
		j = notify_json(&nd);
		assert(j != NULL);
		json_decref(j);
		buf_reset(&b);
		in.phase = PHASE_FOLLOWUP;
		in.case_ref = "CASE-1";
		in.has_deadline = true;
		in.late = true;
		in.due_at = in.now - 3600;
		in.delay_reason = "fuzz";
		f.title = "t";
		f.description = "d <b>";
		f.subjects_n = 3;
	}
	buf_release(&b);
out:
	arena_free(a);
	return 0;
}
