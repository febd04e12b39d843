/* SPDX-License-Identifier: MIT */
/* svc/svc_int.h: what the svc files share. */
#ifndef BREACHKIT_SVC_INT_H
#define BREACHKIT_SVC_INT_H

#include <jansson.h>

#include "svc/svc.h"

#define ERASED_MARK "[erased]"
/* The rationale prefix of obligations a "not a breach" decision closed. */
#define NOT_A_BREACH "Not a personal data breach: "
#define DUMP_FLAGS   (JSON_COMPACT | JSON_PRESERVE_ORDER)

/* The hash of an event: covers prev_hash, the header and the digest. */
void chain_hash(const char *ref, const struct event *ev, char out[SHA256_HEX]);
/* All-zero genesis hash. */
extern const char chain_genesis[SHA256_HEX];

/*
 * Append event `kind` with `payload` (consumed) to incident `in`,
 * advancing in->event_n and in->head_hash.  The caller stores `in`.
 */
enum err svc_event(struct svc *, struct incident *in, const char *kind,
    json_t *payload, struct svc_err *);
/* The same with the payload already dumped (DUMP_FLAGS: compact, in
 * order), for payloads too big to build as a tree. */
enum err svc_event_text(struct svc *, struct incident *in, const char *kind,
    const char *text, struct svc_err *);
/* Store in->... after events: updated_at = now. */
/*
 * Make `text` (the dump of canonical facts `canon`) the incident's facts
 * and write the register columns derived from them; in the caller's
 * write transaction, before svc_incident_save().  Every change of the
 * facts goes through here.
 */
enum err svc_incident_facts(struct svc *, struct incident *in,
    const json_t *canon, const char *text, struct svc_err *);
enum err svc_incident_save(struct svc *, struct incident *in, struct svc_err *);
/* The regime `id` parsed, or NULL. */
const struct regime *svc_regime(struct svc *, const char *id, struct svc_err *);
/*
 * Start obligation `o` of incident `incident_id` as every new one starts:
 * open, no phase, nothing filed or decided, created now.  The caller
 * fills in its rule, recipient, kind and times.
 */
void svc_obligation_new(
    struct svc *, int64_t incident_id, struct obligation *o);
/* The payload of an "obligation" event: `action` ("created", ...) of `o`. */
json_t *svc_obligation_event(const char *action, const struct obligation *o);
/* Bring the obligations of `in` in line with its facts and decisions. */
enum err svc_reconcile(
    struct svc *, struct incident *in, const struct facts *f, struct svc_err *);
/*
 * Open a write transaction and load incident `id` into `in`.  On success
 * the caller ends it with svc_tx_finish().
 */
enum err svc_tx_begin(struct svc *, const char *id, struct arena *,
    struct incident *in, struct svc_err *);
/* Commit when `rc` is ERR_OK, else roll back; returns the final status. */
enum err svc_tx_finish(struct svc *, enum err rc, struct svc_err *);
/*
 * Apply an RFC 7396 merge patch to the facts of `in` inside the caller's
 * write transaction (event, obligations, state).  ERR_OK with a message
 * in e->msg when nothing changed.  Strings of `in` end up in `a`.
 */
enum err svc_facts_patch_tx(struct svc *, struct incident *in,
    const json_t *patch, const char *reason, struct arena *a, struct svc_err *);
/* Map a store error to the svc error with the store's message. */
enum err svc_store_err(
    struct svc *, enum err, const char *what, struct svc_err *);
/*
 * One entry of a stored document's history (template overrides, authority
 * files): its source is `stored` when it has a body, else "built-in".
 */
json_t *svc_version_json(const struct version_rec *v, const char *stored);
/* Validate a free text argument (rationale, reason, note). */
enum err svc_check_text(
    const char *field, const char *s, bool required, struct svc_err *);

/*
 * svc_incident_create() with `also` called inside its write transaction
 * after the incident is in (the intake wizard deletes its draft there):
 * an error from it rolls everything back.
 */
enum err svc_incident_create_also(struct svc *, const char *json, size_t len,
    enum err (*also)(struct svc *, void *, struct svc_err *), void *arg,
    const char **ref_out, struct svc_err *);

#endif
