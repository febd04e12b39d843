/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_svc.c: the register's operations on an in-memory store
 * with a fixed clock: deadlines anchored on awareness, decisions moving
 * obligations, filings and lateness that survives an awareness correction,
 * erasure keeping the chain intact.
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "svc/svc.h"

enum { T0 = 1780000000 }; /* 2026-05-28T20:26:40Z */

struct fx {
	struct store *st;
	struct svc s;
	struct svc_err e;
};

static int
setup(void **state)
{
	static struct fx fx;
	struct register_init ri = { "Example Org (fictional)", "AC",
		"Europe/Berlin" };
	char *msg = NULL;

	memset(&fx, 0, sizeof(fx));
	if (store_open(":memory:", STORE_MEMORY, &fx.st, &msg) != ERR_OK)
		return -1;
	svc_err_clear(&fx.e);
	if (svc_begin(&fx.s, fx.st, "tester", T0, &fx.e) != ERR_OK ||
	    svc_register_init(&fx.s, &ri, &fx.e) != ERR_OK)
		return -1;
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	svc_end(&fx->s);
	store_close(fx->st);
	return 0;
}

/* Create an incident aware `h` hours before T0; returns its ref. */
static const char *
create(struct fx *fx, const char *extra, int hours_ago)
{
	char json[1024];
	const char *ref = NULL;
	char t[32];
	time_t tt = (time_t)(T0 - hours_ago * 3600);
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(t, sizeof(t), "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(json, sizeof(json),
	    "{\"title\":\"t\",\"timeline\":{"
	    "\"discovered_at\":\"%s\",\"aware_at\":\"%s\"}%s}",
	    t, t, extra);
	svc_err_clear(&fx->e);
	if (svc_incident_create(&fx->s, json, strlen(json), &ref, &fx->e) !=
	    ERR_OK)
		fail_msg("create: %s %s", fx->e.msg,
		    fx->e.fe.n ? fx->e.fe.v[0].problem : "");
	return ref;
}

static struct obligation *
obligations(struct fx *fx, const char *ref, struct arena *a, size_t *n)
{
	struct incident in;
	struct obligation *v;

	assert_int_equal(svc_resolve(&fx->s, ref, a, &in, &fx->e), ERR_OK);
	assert_int_equal(
	    store_obligation_list(fx->st, in.id, a, &v, n), ERR_OK);
	return v;
}

static void
verify_ok(struct fx *fx)
{
	size_t checked, bad;

	assert_int_equal(
	    svc_verify(fx->st, NULL, NULL, NULL, &checked, &bad, &fx->e),
	    ERR_OK);
	assert_int_equal(bad, 0);
}

static void
test_deadline_from_awareness(void **state)
{
	struct fx *fx = *state;
	struct arena *a = arena_new();
	struct obligation *v;
	size_t n;
	const char *ref = create(fx, "", 5);

	v = obligations(fx, ref, a, &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].recipient, "authority");
	assert_int_equal(v[0].anchor_at, T0 - 5 * 3600);
	assert_int_equal(v[0].due_at, T0 - 5 * 3600 + 72 * 3600);
	assert_int_equal(v[0].kind, KIND_DEADLINE);
	/* Not yet aware: no clock runs. */
	{
		const char *r2 = NULL;
		const char *j = "{\"title\":\"suspicion\"}";

		assert_int_equal(
		    svc_incident_create(&fx->s, j, strlen(j), &r2, &fx->e),
		    ERR_OK);
		obligations(fx, r2, a, &n);
		assert_int_equal(n, 0);
	}
	verify_ok(fx);
	arena_free(a);
}

static void
test_processor_and_telecom(void **state)
{
	struct fx *fx = *state;
	struct arena *a = arena_new();
	struct obligation *v;
	size_t n;
	const char *ref;

	ref = create(fx, ",\"role\":\"processor\"", 1);
	v = obligations(fx, ref, a, &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].recipient, "controller");
	assert_int_equal(v[0].kind, KIND_UNDUE);
	ref = create(fx, ",\"regimes\":[\"gdpr\",\"tkg\"]", 1);
	v = obligations(fx, ref, a, &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[1].recipient, "bnetza");
	assert_int_equal(v[1].due_at - v[1].anchor_at, 24 * 3600);
	assert_string_equal(v[2].recipient, "bfdi");
	arena_free(a);
}

static void
test_decisions(void **state)
{
	struct fx *fx = *state;
	struct arena *a = arena_new();
	struct obligation *v;
	struct decide_req d = { TOPIC_AUTHORITY, false, 0,
		"Unlikely to result in a risk: data already public." };
	size_t n;
	const char *ref = create(fx, "", 2);

	assert_int_equal(svc_decide(&fx->s, ref, &d, &fx->e), ERR_OK);
	v = obligations(fx, ref, a, &n);
	assert_int_equal(v[0].status, OBL_NOT_REQUIRED);
	assert_string_equal(v[0].rationale, d.rationale);
	assert_string_equal(v[0].decided_by, "tester");
	/* A decision needs its reasons. */
	d.rationale = "";
	assert_int_equal(svc_decide(&fx->s, ref, &d, &fx->e), ERR_INVAL);
	/* Communicate: the Art. 34 obligation appears. */
	d.topic = TOPIC_SUBJECTS;
	d.outcome = true;
	d.rationale = "High risk.";
	assert_int_equal(svc_decide(&fx->s, ref, &d, &fx->e), ERR_OK);
	v = obligations(fx, ref, a, &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[1].recipient, "subjects");
	assert_int_equal(v[1].anchor_at, T0);
	/* An exception goes only with "no". */
	d.exception = 'a';
	assert_int_equal(svc_decide(&fx->s, ref, &d, &fx->e), ERR_INVAL);
	verify_ok(fx);
	arena_free(a);
}

static void
test_late_filing_stays_late(void **state)
{
	struct fx *fx = *state;
	struct arena *a = arena_new();
	struct obligation *v;
	struct file_req f = { "authority", 0, PHASE_INITIAL, T0, "SA-9", NULL,
		NULL, NULL };
	size_t n;
	bool late;
	const char *ref = create(fx, "", 80);
	const char *patch;

	/* 80 h after awareness: late, and the reasons are required. */
	svc_err_clear(&fx->e);
	assert_int_equal(svc_file(&fx->s, ref, &f, &late, &fx->e), ERR_INVAL);
	assert_string_equal(fx->e.fe.v[0].field, "delay_reason");
	f.delay_reason = "Forensics needed to confirm the breach.";
	assert_int_equal(svc_file(&fx->s, ref, &f, &late, &fx->e), ERR_OK);
	assert_true(late);
	/* Correct awareness to later: the due time moves, lateness stays. */
	patch = "{\"timeline\":{\"aware_at\":\"2026-05-28T18:00:00Z\"}}";
	svc_err_clear(&fx->e);
	assert_int_equal(svc_incident_edit(&fx->s, ref, patch, strlen(patch),
	                     "awareness corrected", &fx->e),
	    ERR_OK);
	v = obligations(fx, ref, a, &n);
	assert_true(v[0].due_at > T0);
	assert_true(v[0].late);
	assert_int_equal(v[0].status, OBL_FILED);
	/* Phases: no second initial; a follow-up quotes the case ref. */
	f.delay_reason = NULL;
	assert_int_equal(
	    svc_file(&fx->s, ref, &f, &late, &fx->e), ERR_CONFLICT);
	f.phase = PHASE_FOLLOWUP;
	f.case_ref = NULL;
	assert_int_equal(svc_file(&fx->s, ref, &f, &late, &fx->e), ERR_OK);
	v = obligations(fx, ref, a, &n);
	assert_string_equal(v[0].case_ref, "SA-9");
	assert_int_equal(v[0].phase, PHASE_FOLLOWUP);
	verify_ok(fx);
	arena_free(a);
}

static void
test_edit_and_erase(void **state)
{
	struct fx *fx = *state;
	struct arena *a = arena_new();
	struct incident in;
	const char *ref = create(fx,
	    ",\"reporter\":{\"name\":\"Erika "
	    "Example\"}",
	    1);
	const char *paths[] = { "reporter.name" };
	const char *bad = "{\"nature\":{\"integrity\":\"maybe\"}}";

	/* A bad patch changes nothing. */
	svc_err_clear(&fx->e);
	assert_int_equal(
	    svc_incident_edit(&fx->s, ref, bad, strlen(bad), NULL, &fx->e),
	    ERR_INVAL);
	assert_int_equal(svc_resolve(&fx->s, ref, a, &in, &fx->e), ERR_OK);
	assert_int_equal(in.event_n, 2);
	assert_int_equal(
	    svc_note(&fx->s, ref, "Called Erika Example.", &fx->e), ERR_OK);
	assert_int_equal(
	    svc_erase(&fx->s, ref, paths, 1, true, "retention ended", &fx->e),
	    ERR_OK);
	assert_int_equal(svc_resolve(&fx->s, ref, a, &in, &fx->e), ERR_OK);
	assert_null(strstr(in.facts, "Erika"));
	assert_non_null(strstr(in.facts, "[erased]"));
	verify_ok(fx);
	arena_free(a);
}

/* An account for drafts; returns its id. */
static int64_t
account(struct fx *fx, const char *name, struct arena *a)
{
	struct account ac;

	assert_int_equal(svc_account_add(&fx->s, name, "editor",
	                     "synthetic-password-1", "de", &fx->e),
	    ERR_OK);
	assert_int_equal(
	    store_account_get_by_name(fx->st, name, a, &ac), ERR_OK);
	return ac.id;
}

static size_t
draft_count(struct fx *fx, int64_t acc, struct arena *a, const char **title)
{
	struct draft_info *v;
	size_t n = 0;

	assert_int_equal(store_begin_read(fx->st), ERR_OK);
	assert_int_equal(store_draft_list(fx->st, acc, 10, a, &v, &n), ERR_OK);
	store_rollback(fx->st);
	if (title != NULL)
		*title = n > 0 ? v[0].title : NULL;
	return n;
}

/* Drafts: every facts rule but the title; private to their account;
 * submitting creates the incident and drops the draft together. */
static void
test_drafts(void **state)
{
	struct fx *fx = *state;
	struct arena *a = arena_new();
	int64_t me = account(fx, "drafter", a), other = account(fx, "other", a);
	int64_t id = 0, step = -1, id2;
	json_t *f = json_object(), *got = NULL;
	const char *ref = NULL, *title = NULL, *problem = NULL;
	size_t checked, bad;

	assert_int_equal(svc_draft_save(&fx->s, me, &id, 0, f, &fx->e), ERR_OK);
	assert_true(id > 0);
	/* A future awareness: refused, named, nothing saved. */
	json_object_set_new(f, "timeline",
	    json_pack("{s:s}", "aware_at", "2030-01-01T00:00:00Z"));
	svc_err_clear(&fx->e);
	assert_int_equal(
	    svc_draft_save(&fx->s, me, &id, 3, f, &fx->e), ERR_INVAL);
	assert_int_equal(fx->e.fe.n, 1);
	assert_string_equal(fx->e.fe.v[0].field, "timeline.aware_at");
	assert_int_equal(
	    svc_draft_load(&fx->s, me, id, &got, &step, &fx->e), ERR_OK);
	assert_int_equal(json_object_size(got), 0);
	assert_int_equal(step, 0);
	json_decref(got);
	/* No title yet is fine. */
	json_object_set_new(f, "timeline",
	    json_pack("{s:s}", "aware_at", "2026-05-28T10:00:00Z"));
	svc_err_clear(&fx->e);
	assert_int_equal(svc_draft_save(&fx->s, me, &id, 2, f, &fx->e), ERR_OK);
	assert_int_equal(draft_count(fx, me, a, &title), 1);
	assert_null(title);
	assert_int_equal(draft_count(fx, other, a, NULL), 0);
	/* Another account can neither read, change, delete nor submit it. */
	svc_err_clear(&fx->e);
	assert_int_equal(svc_draft_load(&fx->s, other, id, &got, &step, &fx->e),
	    ERR_NOTFOUND);
	id2 = id;
	assert_int_equal(
	    svc_draft_save(&fx->s, other, &id2, 1, f, &fx->e), ERR_NOTFOUND);
	assert_int_equal(
	    svc_draft_delete(&fx->s, other, id, &fx->e), ERR_NOTFOUND);
	assert_int_equal(
	    svc_draft_submit(&fx->s, other, id, &ref, &fx->e), ERR_NOTFOUND);
	/* Submitting without a title: refused, the draft stays. */
	svc_err_clear(&fx->e);
	assert_int_equal(
	    svc_draft_submit(&fx->s, me, id, &ref, &fx->e), ERR_INVAL);
	assert_string_equal(fx->e.fe.v[0].field, "title");
	assert_int_equal(draft_count(fx, me, a, NULL), 1);
	json_object_set_new(f, "title", json_string("Draft title"));
	svc_err_clear(&fx->e);
	assert_int_equal(svc_draft_save(&fx->s, me, &id, 7, f, &fx->e), ERR_OK);
	assert_int_equal(draft_count(fx, me, a, &title), 1);
	assert_string_equal(title, "Draft title");
	assert_int_equal(
	    svc_draft_submit(&fx->s, me, id, &ref, &fx->e), ERR_OK);
	assert_string_equal(ref, "AC-2026-0001");
	assert_int_equal(draft_count(fx, me, a, NULL), 0);
	assert_int_equal(
	    svc_verify_incident(&fx->s, ref, &problem, &step, &fx->e), ERR_OK);
	assert_null(problem);
	assert_int_equal(
	    svc_verify(fx->st, NULL, NULL, NULL, &checked, &bad, &fx->e),
	    ERR_OK);
	assert_int_equal(checked, 1);
	assert_int_equal(bad, 0);
	json_decref(f);
	arena_free(a);
}

const struct CMUnitTest svc_tests[] = {
	cmocka_unit_test_setup_teardown(
	    test_deadline_from_awareness, setup, teardown),
	cmocka_unit_test_setup_teardown(
	    test_processor_and_telecom, setup, teardown),
	cmocka_unit_test_setup_teardown(test_decisions, setup, teardown),
	cmocka_unit_test_setup_teardown(
	    test_late_filing_stays_late, setup, teardown),
	cmocka_unit_test_setup_teardown(test_edit_and_erase, setup, teardown),
	cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
};
const size_t svc_tests_n = nitems(svc_tests);
