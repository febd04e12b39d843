/* SPDX-License-Identifier: MIT */
/*
 * model/json_out.h: records to JSON, the one serializer for the CLI's
 * --json, the exports and (later) the API.  Times come out as ISO 8601 in
 * the display zone.  Each returns a new reference.
 */
#ifndef BREACHKIT_JSON_OUT_H
#define BREACHKIT_JSON_OUT_H

#include <jansson.h>

#include "base/buf.h"

#include "model/record.h"

/* Does byte `c` need escaping in a JSON string as jansson writes one
 * (the quote, the backslash, control characters; UTF-8 kept as is)? */
#define JSON_NEEDS_ESC(c) \
	((unsigned char)(c) < 0x20 || (c) == '"' || (c) == '\\')
enum { JSON_ESC_MAX = 6 };
/* The escape of such a byte (\" \\ \b \f \n \r \t or \u00XX) in `out`;
 * returns its length. */
size_t json_escape_char(unsigned char c, char out[JSON_ESC_MAX]);
/* `s` as a JSON string, escaped as jansson's json_dumps() escapes it
 * (the quote, the backslash and control characters; UTF-8 as it is), or
 * null for NULL. */
enum err json_str_put(struct buf *, const char *s);
/* An ISO-8601 string, or JSON null for TIME_UNKNOWN. */
json_t *json_time(int64_t t);
/* The same in UTC ("...Z"): for event payloads, which must not depend on
 * the display zone. */
json_t *json_time_utc(int64_t t);
/*
 * The members of a record's JSON object, in order: the one list of fields
 * that every writer walks (the jansson trees below, the compact writers
 * of the API, the export's pretty writer).  A writer gives one callback
 * per kind of value, called with `arg`; a NULL string is JSON null, and
 * so is the time TIME_UNKNOWN.
 */
struct json_fields {
	void (*i64)(void *arg, const char *key, int64_t v);
	void (*str)(void *arg, const char *key, const char *v);
	void (*time)(void *arg, const char *key, int64_t t);
	void (*boolean)(void *arg, const char *key, bool v);
};
/* The summary fields of an incident (no facts). */
void incident_fields(
    const struct incident *, const struct json_fields *, void *arg);
/* An obligation; an open one also says how long is left at `now`. */
void obligation_fields(const struct obligation *, int64_t now,
    const struct json_fields *, void *arg);
void decision_fields(
    const struct decision *, const struct json_fields *, void *arg);

/* Summary fields (no facts). */
json_t *incident_json(const struct incident *);
/* The compact dump of incident_json() appended to `b`, byte for byte,
 * without building a tree: the list and the read of the API. */
enum err incident_json_put(const struct incident *, struct buf *b);
json_t *obligation_json(const struct obligation *, int64_t now);
/* The compact dump of obligation_json(), the same way. */
enum err obligation_json_put(
    const struct obligation *, int64_t now, struct buf *b);
json_t *filing_json(const struct filing *);
json_t *decision_json(const struct decision *);
json_t *attachment_json(const struct attachment *);
json_t *event_json(const struct event *);

#endif
