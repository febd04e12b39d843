/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/fuzz_http_json.c: every JSON request validator of the API
 * (http/valid.c: login, decide, filing, obligation, note, reason,
 * settings, template, user, user change, token) on the same parsed body,
 * as dispatch.c parses it.  Nothing may crash; an accepted body must give
 * a typed request that keeps the validator's promises (required fields
 * set, enums in range, strings valid UTF-8), and a refused one must name
 * at least one field.
 */
#include "base/base.h"

#include <stdint.h>

#include "base/str.h"
#include "http/valid.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
text_ok(const char *s, bool required)
{
	if (s == NULL) {
		if (required)
			BUG("a required field accepted as absent");
		return;
	}
	if (!utf8_valid(s, strlen(s)))
		BUG("invalid UTF-8 accepted");
}

/* A refusal names a field; an acceptance leaves no field error. */
static void
outcome(enum err rc, struct field_errors *fe)
{
	if (rc == ERR_OK && (fe->n > 0 || fe->dropped > 0))
		BUG("accepted with field errors");
	if (rc != ERR_OK && fe->n == 0)
		BUG("refused without naming a field");
	fe->n = 0;
	fe->dropped = 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const int64_t now = 1714557600; /* 2024-05-01T10:00:00Z */
	struct field_errors fe = { 0 };
	struct login_in li;
	struct decide_req d;
	struct file_req f;
	struct obligation_req o;
	struct settings_in si;
	struct user_in u;
	struct account_change c;
	struct token_in t;
	const char *s;
	json_error_t je;
	json_t *j;
	enum err rc;

	if (len > (1 << 20))
		return 0;
	j = json_loadb((const char *)data, len, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL)
		return 0;
	rc = valid_login(j, &li, &fe);
	if (rc == ERR_OK) {
		text_ok(li.name, true);
		text_ok(li.password, true);
	}
	outcome(rc, &fe);
	rc = valid_decide(j, &d, &fe);
	if (rc == ERR_OK) {
		if ((unsigned)d.topic >= TOPIC__MAX)
			BUG("topic out of range");
		if (d.exception != 0 &&
		    (d.exception < 'a' || d.exception > 'c'))
			BUG("exception out of range");
		text_ok(d.rationale, true);
	}
	outcome(rc, &fe);
	rc = valid_filing(j, now, &f, &fe);
	if (rc == ERR_OK) {
		if ((f.recipient == NULL) == (f.obligation_id == 0))
			BUG("filing: not exactly one of recipient, obligation");
		if ((unsigned)f.phase >= PHASE__MAX || f.filed_at > now)
			BUG("filing: phase or time out of range");
		text_ok(f.case_ref, false);
		text_ok(f.delay_reason, false);
	}
	outcome(rc, &fe);
	rc = valid_obligation(j, &o, &fe);
	if (rc == ERR_OK) {
		text_ok(o.recipient, true);
		text_ok(o.label, true);
		text_ok(o.article, false);
	}
	outcome(rc, &fe);
	rc = valid_note(j, &s, &fe);
	if (rc == ERR_OK)
		text_ok(s, true);
	outcome(rc, &fe);
	rc = valid_reason(j, &s, &fe);
	if (rc == ERR_OK)
		text_ok(s, false);
	outcome(rc, &fe);
	rc = valid_settings(j, &si, &fe);
	if (rc == ERR_OK) {
		if (si.n == 0 || si.n > SETTINGS_PATCH_MAX)
			BUG("settings: count out of range");
		for (size_t i = 0; i < si.n; i++) {
			text_ok(si.key[i], true);
			text_ok(si.value[i], false);
		}
	}
	outcome(rc, &fe);
	rc = valid_template(j, &s, &fe);
	if (rc == ERR_OK)
		text_ok(s, true);
	outcome(rc, &fe);
	rc = valid_user(j, &u, &fe);
	if (rc == ERR_OK) {
		text_ok(u.name, true);
		if (urole_parse(u.role) < 0)
			BUG("user: role out of range");
		text_ok(u.password, false);
	}
	outcome(rc, &fe);
	rc = valid_user_change(j, &c, &fe);
	if (rc == ERR_OK) {
		if (c.role != NULL && urole_parse(c.role) < 0)
			BUG("change: role out of range");
		if (c.role == NULL && c.password == NULL && c.disable < 0 &&
		    !c.unlock)
			BUG("change: nothing to change accepted");
	}
	outcome(rc, &fe);
	rc = valid_token(j, &t, &fe);
	if (rc == ERR_OK) {
		text_ok(t.account, true);
		text_ok(t.label, true);
	}
	outcome(rc, &fe);
	json_decref(j);
	return 0;
}
