/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_store.c: open an in-memory register (migrate + prepare
 * every statement) and run every typed call; the append-only rules.
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "model/facts.h"
#include "store/store.h"

static struct store *
mem(void)
{
	struct store *st = NULL;
	char *msg = NULL;

	if (store_open(":memory:", STORE_MEMORY, &st, &msg) != ERR_OK)
		fail_msg("open: %s", msg ? msg : "?");
	return st;
}

static void
test_open_migrate(void **state)
{
	struct store *st = mem();
	int have, newest;

	(void)state;
	store_schema_version(st, &have, &newest);
	assert_true(newest >= 1);
	assert_int_equal(have, newest);
	store_close(st);
	store_close(NULL);
}

static void
test_settings_refseq(void **state)
{
	struct store *st = mem();
	struct arena *a = arena_new();
	const char *v;
	int64_t n;

	(void)state;
	assert_int_equal(store_setting_get(st, "x", a, &v), ERR_NOTFOUND);
	assert_int_equal(store_setting_set(st, "x", "1"), ERR_OK);
	assert_int_equal(store_setting_set(st, "x", "2"), ERR_OK);
	assert_int_equal(store_setting_get(st, "x", a, &v), ERR_OK);
	assert_string_equal(v, "2");
	for (int64_t i = 1; i <= 3; i++) {
		assert_int_equal(store_refseq_next(st, "AC", 2026, &n), ERR_OK);
		assert_int_equal(n, i);
	}
	assert_int_equal(store_refseq_next(st, "AC", 2027, &n), ERR_OK);
	assert_int_equal(n, 1);
	arena_free(a);
	store_close(st);
}

static struct incident
sample(const char *ref)
{
	struct incident in;

	memset(&in, 0, sizeof(in));
	in.ref = ref;
	in.title = "t";
	in.status = INCIDENT_OPEN;
	in.discovered_at = TIME_UNKNOWN;
	in.aware_at = 1000;
	in.created_at = 1;
	in.updated_at = 1;
	in.closed_at = TIME_UNKNOWN;
	in.facts = "{\"title\":\"t\"}";
	snprintf(in.head_hash, sizeof(in.head_hash), "%064d", 0);
	return in;
}

static enum err
count_rows_cb(void *arg, const struct incident *in)
{
	(void)in;
	(*(int *)arg)++;
	return ERR_OK;
}

static enum err
sum_seq_cb(void *arg, const struct event *ev)
{
	(*(int64_t *)arg) += ev->seq;
	return ERR_OK;
}

static void
test_incident_event(void **state)
{
	struct store *st = mem();
	struct arena *a = arena_new();
	struct incident in = sample("AC-2026-0001"), out;
	struct incident_filter f = { .status = -1 };
	struct event ev;
	int n = 0;
	int64_t sum = 0;

	(void)state;
	assert_int_equal(store_begin_write(st), ERR_OK);
	assert_int_equal(store_incident_insert(st, &in), ERR_OK);
	assert_true(in.id > 0);
	/* The reference is unique. */
	assert_int_equal(store_incident_insert(st, &in), ERR_CONFLICT);
	memset(&ev, 0, sizeof(ev));
	ev.incident_id = in.id;
	ev.at = 5;
	ev.actor = "me";
	ev.kind = "note";
	ev.payload = "{}";
	snprintf(ev.payload_digest, SHA256_HEX, "%064d", 1);
	snprintf(ev.prev_hash, SHA256_HEX, "%064d", 0);
	snprintf(ev.hash, SHA256_HEX, "%064d", 2);
	for (ev.seq = 1; ev.seq <= 3; ev.seq++)
		assert_int_equal(store_event_append(st, &ev), ERR_OK);
	ev.seq = 2;
	assert_int_equal(store_event_append(st, &ev), ERR_CONFLICT);
	assert_int_equal(store_commit(st), ERR_OK);
	assert_int_equal(store_event_each(st, in.id, sum_seq_cb, &sum), ERR_OK);
	assert_int_equal(sum, 6);
	assert_int_equal(
	    store_incident_get_by_ref(st, "AC-2026-0001", a, &out), ERR_OK);
	assert_string_equal(out.facts, "{\"title\":\"t\"}");
	assert_int_equal(out.aware_at, 1000);
	assert_int_equal(out.discovered_at, TIME_UNKNOWN);
	assert_int_equal(store_incident_get(st, 999, a, &out), ERR_NOTFOUND);
	out.status = INCIDENT_CLOSED;
	out.closed_at = 77;
	assert_int_equal(store_incident_update(st, &out), ERR_OK);
	f.status = INCIDENT_OPEN;
	assert_int_equal(
	    store_incident_each(st, &f, count_rows_cb, &n), ERR_OK);
	assert_int_equal(n, 0);
	/* Erasure may blank a payload; nothing else may change an event. */
	assert_int_equal(store_event_erase(st, in.id, 2, "{\"x\":1}"), ERR_OK);
	assert_int_equal(store_event_erase(st, in.id, 9, "{}"), ERR_NOTFOUND);
	arena_free(a);
	store_close(st);
}

static void
test_obligation_decision_attachment(void **state)
{
	struct store *st = mem();
	struct arena *a = arena_new();
	struct incident in = sample("AC-2026-0002");
	struct obligation o, *ov;
	struct decision d, *dv;
	struct filing fl, *fv;
	struct attachment at, *av;
	const void *data;
	size_t n, len;

	(void)state;
	assert_int_equal(store_incident_insert(st, &in), ERR_OK);
	memset(&o, 0, sizeof(o));
	o.incident_id = in.id;
	o.regime = "gdpr";
	o.rule = "art33-authority";
	o.recipient = "authority";
	o.label = "SA";
	o.article = "Art. 33(1) GDPR";
	o.kind = KIND_DEADLINE;
	o.anchor_at = 1000;
	o.due_at = 1000 + 72 * 3600;
	o.status = OBL_OPEN;
	o.phase = PHASE_NONE;
	o.filed_at = TIME_UNKNOWN;
	o.decided_at = TIME_UNKNOWN;
	assert_int_equal(store_obligation_insert(st, &o), ERR_OK);
	/* One obligation per (incident, regime, rule). */
	assert_int_equal(store_obligation_insert(st, &o), ERR_CONFLICT);
	o.status = OBL_FILED;
	o.phase = PHASE_INITIAL;
	o.filed_at = 2000;
	o.case_ref = "SA-1";
	assert_int_equal(store_obligation_update(st, &o), ERR_OK);
	assert_int_equal(store_obligation_list(st, in.id, a, &ov, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ov[0].status, OBL_FILED);
	assert_int_equal(ov[0].phase, PHASE_INITIAL);
	assert_string_equal(ov[0].case_ref, "SA-1");
	assert_string_equal(ov[0].incident_ref, "AC-2026-0002");
	memset(&fl, 0, sizeof(fl));
	fl.obligation_id = o.id;
	fl.phase = PHASE_INITIAL;
	fl.filed_at = 2000;
	fl.actor = "me";
	fl.filed_by = "Dana Beispiel";
	assert_int_equal(store_filing_insert(st, &fl), ERR_OK);
	assert_int_equal(store_filing_list(st, o.id, a, &fv, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_string_equal(fv[0].filed_by, "Dana Beispiel");
	assert_null(fv[0].filed_by_contact);
	memset(&d, 0, sizeof(d));
	d.incident_id = in.id;
	d.topic = TOPIC_SUBJECTS;
	d.exception = 'c';
	d.rationale = "r";
	d.actor = "me";
	d.decided_at = 3;
	assert_int_equal(store_decision_insert(st, &d), ERR_OK);
	assert_int_equal(store_decision_list(st, in.id, a, &dv, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(dv[0].exception, 'c');
	assert_false(dv[0].outcome);
	memset(&at, 0, sizeof(at));
	at.incident_id = in.id;
	at.name = "log.txt";
	at.size = 3;
	snprintf(at.sha256, SHA256_HEX, "%064d", 5);
	at.actor = "me";
	assert_int_equal(store_attachment_insert(st, &at, "abc", 3), ERR_OK);
	assert_int_equal(store_attachment_list(st, in.id, a, &av, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(
	    store_attachment_content(st, av[0].id, a, &data, &len), ERR_OK);
	assert_int_equal(len, 3);
	assert_memory_equal(data, "abc", 3);
	arena_free(a);
	store_close(st);
}

static void
test_rollback(void **state)
{
	struct store *st = mem();
	struct arena *a = arena_new();
	struct incident in = sample("AC-2026-0003"), out;

	(void)state;
	assert_int_equal(store_begin_write(st), ERR_OK);
	assert_int_equal(store_incident_insert(st, &in), ERR_OK);
	store_rollback(st);
	store_rollback(st); /* no transaction: a no-op */
	assert_int_equal(store_incident_get_by_ref(st, "AC-2026-0003", a, &out),
	    ERR_NOTFOUND);
	arena_free(a);
	store_close(st);
}

struct reg_seen {
	int n;
	int64_t ids[8];
	size_t obl_n[8];
	size_t dec_n[8];
	bool has_reg[8];
	int64_t first_obl[8];
};

static enum err
reg_seen_cb(void *arg, const struct register_row *r)
{
	struct reg_seen *x = arg;

	assert_true(x->n < 8);
	x->ids[x->n] = r->in->id;
	x->obl_n[x->n] = r->obl_n;
	x->dec_n[x->n] = r->dec_n;
	x->has_reg[x->n] = r->reg != NULL;
	x->first_obl[x->n] = r->obl_n > 0 ? r->obl[0].id : 0;
	for (size_t i = 0; i < r->obl_n; i++) {
		assert_int_equal(r->obl[i].incident_id, r->in->id);
		assert_string_equal(r->obl[i].incident_ref, r->in->ref);
	}
	for (size_t i = 0; i < r->dec_n; i++)
		assert_int_equal(r->dec[i].incident_id, r->in->id);
	if (r->in->id == 1) {
		assert_non_null(r->reg);
		assert_string_equal(r->reg->role, "processor");
		assert_string_equal(r->reg->data_categories, "");
		assert_int_equal(r->reg->integrity, 0);
	}
	x->n++;
	return ERR_OK;
}

static void
add_obligation(struct store *st, int64_t incident_id, const char *rule)
{
	struct obligation o;

	memset(&o, 0, sizeof(o));
	o.incident_id = incident_id;
	o.regime = "gdpr";
	o.rule = rule;
	o.recipient = "authority";
	o.label = "SA";
	o.article = "Art. 33(1) GDPR";
	o.kind = KIND_DEADLINE;
	o.anchor_at = 1000;
	o.due_at = 2000;
	o.status = OBL_OPEN;
	o.phase = PHASE_NONE;
	o.filed_at = TIME_UNKNOWN;
	o.decided_at = TIME_UNKNOWN;
	assert_int_equal(store_obligation_insert(st, &o), ERR_OK);
}

/* Register columns round-trip, NULLs included; the register stream
 * pairs each incident with exactly its own obligations and decisions,
 * whatever order they were written in. */
static void
test_register_stream(void **state)
{
	struct store *st = mem();
	struct arena *a = arena_new();
	struct incident in[3] = { sample("AC-2026-0011"),
		sample("AC-2026-0012"), sample("AC-2026-0013") };
	struct incident_reg r = { .role = "processor",
		.occurred_from = 100,
		.occurred_to = TIME_UNKNOWN,
		.confidentiality = 1,
		.integrity = 0,
		.availability = -1,
		.breach_type = NULL,
		.data_categories = "",
		.subject_categories = "customers;employees",
		.subjects = 0,
		.subjects_estimate = true,
		.records = -1,
		.consequences = "c\"q" },
	                    got;
	struct reg_seen seen = { 0 };
	struct decision d;

	(void)state;
	assert_int_equal(store_begin_write(st), ERR_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_incident_insert(st, &in[i]), ERR_OK);
	assert_int_equal(store_incident_reg_put(st, in[0].id, &r), ERR_OK);
	assert_int_equal(store_incident_reg_put(st, in[2].id, &r), ERR_OK);
	/* Put again: replaces. */
	r.measures_taken = "m";
	assert_int_equal(store_incident_reg_put(st, in[2].id, &r), ERR_OK);
	/* Obligations written out of incident order. */
	add_obligation(st, in[2].id, "a");
	add_obligation(st, in[0].id, "a");
	add_obligation(st, in[2].id, "b");
	memset(&d, 0, sizeof(d));
	d.incident_id = in[1].id;
	d.topic = TOPIC_AUTHORITY;
	d.rationale = "r";
	d.actor = "me";
	d.decided_at = 3;
	assert_int_equal(store_decision_insert(st, &d), ERR_OK);
	assert_int_equal(store_decision_insert(st, &d), ERR_OK);
	assert_int_equal(store_commit(st), ERR_OK);

	assert_int_equal(
	    store_incident_reg_get(st, in[1].id, a, &got), ERR_NOTFOUND);
	assert_int_equal(store_incident_reg_get(st, in[2].id, a, &got), ERR_OK);
	assert_null(facts_reg_diff(&got, &r));
	assert_int_equal(got.occurred_to, TIME_UNKNOWN);
	assert_int_equal(got.availability, -1);
	assert_int_equal(got.records, -1);
	assert_null(got.breach_type);
	assert_string_equal(got.measures_taken, "m");
	got.subjects = 1;
	assert_string_equal(facts_reg_diff(&got, &r), "subjects");

	assert_int_equal(store_begin_read(st), ERR_OK);
	assert_int_equal(
	    store_register_each(st, false, reg_seen_cb, &seen), ERR_OK);
	store_rollback(st);
	assert_int_equal(seen.n, 3);
	for (int i = 0; i < 3; i++)
		assert_int_equal(seen.ids[i], in[i].id);
	assert_int_equal(seen.obl_n[0], 1);
	assert_int_equal(seen.obl_n[1], 0);
	assert_int_equal(seen.obl_n[2], 2);
	assert_int_equal(seen.first_obl[2], 1);
	assert_int_equal(seen.dec_n[0], 0);
	assert_int_equal(seen.dec_n[1], 2);
	assert_int_equal(seen.dec_n[2], 0);
	assert_true(seen.has_reg[0]);
	assert_false(seen.has_reg[1]);
	assert_true(seen.has_reg[2]);
	arena_free(a);
	store_close(st);
}

/* Stored authority files: versions per code, the newest in use. */
static void
test_authority_file(void **state)
{
	struct store *st = mem();
	struct arena *a = arena_new();
	struct authority_rec r = { 0 }, cur, *v;
	size_t n;

	(void)state;
	assert_int_equal(
	    store_authority_active(st, "nrw", a, &cur), ERR_NOTFOUND);
	r.code = "nrw";
	r.v.body = "{\"code\": \"nrw\"}";
	r.v.sha256 = "00";
	r.v.created_at = 100;
	r.v.actor = "dpo";
	assert_int_equal(store_authority_insert(st, &r), ERR_OK);
	assert_int_equal(r.v.version, 1);
	r.code = "ni";
	assert_int_equal(store_authority_insert(st, &r), ERR_OK);
	assert_int_equal(r.v.version, 1);
	r.code = "nrw";
	r.v.body = NULL; /* a reset */
	r.v.sha256 = NULL;
	assert_int_equal(store_authority_insert(st, &r), ERR_OK);
	assert_int_equal(r.v.version, 2);
	assert_int_equal(store_authority_active(st, "nrw", a, &cur), ERR_OK);
	assert_int_equal(cur.v.version, 2);
	assert_null(cur.v.body);
	assert_int_equal(store_authority_history(st, "nrw", a, &v, &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].v.body, "{\"code\": \"nrw\"}");
	assert_string_equal(v[0].v.actor, "dpo");
	assert_int_equal(store_authority_newest(st, a, &v, &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].code, "ni");
	assert_int_equal(v[1].v.version, 2);
	arena_free(a);
	store_close(st);
}

const struct CMUnitTest store_tests[] = {
	cmocka_unit_test(test_authority_file),
	cmocka_unit_test(test_open_migrate),
	cmocka_unit_test(test_settings_refseq),
	cmocka_unit_test(test_incident_event),
	cmocka_unit_test(test_obligation_decision_attachment),
	cmocka_unit_test(test_rollback),
	cmocka_unit_test(test_register_stream),
};
const size_t store_tests_n = nitems(store_tests);
