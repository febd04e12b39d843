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

/* An ISO-8601 string, or JSON null for TIME_UNKNOWN. */
json_t *json_time(int64_t t);
/* The same in UTC ("...Z"): for event payloads, which must not depend on
 * the display zone. */
json_t *json_time_utc(int64_t t);
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
