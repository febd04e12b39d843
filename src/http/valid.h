/* SPDX-License-Identifier: MIT */
/*
 * http/valid.h: the validators of the JSON request bodies of the API.
 * Each takes the parsed body (a json_t), fills a typed struct and adds one
 * field error per problem (field named, problem said); ERR_INVAL when
 * there was any.  Unknown fields are refused.  Strings in the result are
 * borrowed from the json_t and live as long as it does.  They need no
 * server, store or clock, so tests/fuzz/fuzz_http_json.c calls them all.
 */
#ifndef BREACHKIT_HTTP_VALID_H
#define BREACHKIT_HTTP_VALID_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "model/facts.h"
#include "svc/svc.h"

enum { SETTINGS_PATCH_MAX = 32 };

struct login_in {
	const char *name;
	const char *password;
};
struct user_in {
	const char *name;
	const char *role;
	const char *lang;     /* NULL: de */
	const char *password; /* NULL: a random one, shown once */
};
struct token_in {
	const char *account;
	const char *label;
};
struct settings_in {
	size_t n;
	const char *key[SETTINGS_PATCH_MAX];
	const char *value[SETTINGS_PATCH_MAX]; /* NULL: unset */
};

/* {"name": text, "password": text} */
enum err valid_login(const json_t *, struct login_in *, struct field_errors *);
/* {"topic", "outcome": bool, "rationale", "exception": "a"|"b"|"c"} */
enum err valid_decide(
    const json_t *, struct decide_req *, struct field_errors *);
/*
 * {"recipient" | "obligation", "phase", "filed_at"?, "case_ref"?,
 *  "delay_reason"?}: exactly one of recipient and obligation; filed_at
 * defaults to `now` (and may not lie after it).
 */
enum err valid_filing(
    const json_t *, int64_t now, struct file_req *, struct field_errors *);
/* {"recipient", "label", "article"?, "due_at"} */
enum err valid_obligation(
    const json_t *, struct obligation_req *, struct field_errors *);
/* {"text"} (a note) */
enum err valid_note(const json_t *, const char **text, struct field_errors *);
/* {"reason"?} (close and reopen); *reason NULL when absent. */
enum err valid_reason(
    const json_t *, const char **reason, struct field_errors *);
/* {"KEY": text | null, ...}: the settings to set or unset. */
enum err valid_settings(
    const json_t *, struct settings_in *, struct field_errors *);
/* {"source"} (a template override) */
enum err valid_template(
    const json_t *, const char **source, struct field_errors *);
/* {"name", "role", "lang"?, "password"?} (a new account) */
enum err valid_user(const json_t *, struct user_in *, struct field_errors *);
/* {"role"?, "password"?, "disabled"?: bool, "unlock"?: true}; at least one. */
enum err valid_user_change(
    const json_t *, struct account_change *, struct field_errors *);
/* {"account", "label"} (a new API token) */
enum err valid_token(const json_t *, struct token_in *, struct field_errors *);

#endif
