/* SPDX-License-Identifier: MIT */
/*
 * svc/svc.c: the svc context, events and the hash chain, regimes, and the
 * reconciliation of obligations with facts and decisions.
 */
#include "base/base.h"

#include <stdarg.h>

#include "base/clock.h"
#include "base/hash.h"
#include "base/str.h"
#include "embed.h"
#include "model/json_out.h"
#include "risk/deadline.h"
#include "svc/svc_int.h"

const char chain_genesis[SHA256_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

void
svc_err_clear(struct svc_err *e)
{
	e->fe.n = 0;
	e->fe.dropped = 0;
	e->msg[0] = '\0';
}

void
svc_err_msg(struct svc_err *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
}

enum err
svc_store_err(struct svc *s, enum err rc, const char *what, struct svc_err *e)
{
	if (rc == ERR_BUSY)
		svc_err_msg(e,
		    "%s: the register is busy (another process is "
		    "writing); try again",
		    what);
	else
		svc_err_msg(e, "%s: %s", what, store_errmsg(s->st));
	return rc;
}

json_t *
svc_version_json(const struct version_rec *v, const char *stored)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:s}", "version",
	    (json_int_t)v->version, "source",
	    v->body != NULL ? stored : "built-in", "sha256",
	    v->sha256 != NULL ? json_string(v->sha256) : json_null(),
	    "created_at", json_time(v->created_at), "actor", v->actor);
}

enum err
svc_check_text(
    const char *field, const char *s, bool required, struct svc_err *e)
{
	const char *why;

	if (s == NULL || *s == '\0') {
		if (!required)
			return ERR_OK;
		field_errors_add(&e->fe, field, "required");
		return ERR_INVAL;
	}
	why = text_problem(s, strlen(s), TEXT_LONG_MAX, true);
	if (why != NULL) {
		field_errors_add(&e->fe, field, "%s", why);
		return ERR_INVAL;
	}
	return ERR_OK;
}

enum err
svc_begin(struct svc *s, struct store *st, const char *actor, int64_t now,
    struct svc_err *e)
{
	(void)e;
	memset(s, 0, sizeof(*s));
	s->st = st;
	s->actor = actor;
	s->now = now;
	s->a = arena_new();
	return ERR_OK;
}

enum err
svc_prefix(struct svc *s, const char **out, struct svc_err *e)
{
	enum err rc = ERR_OK;

	if (s->prefix == NULL) {
		rc = store_setting_get(s->st, "ref_prefix", s->a, &s->prefix);
		if (rc == ERR_NOTFOUND) {
			s->prefix = "BK";
			rc = ERR_OK;
		}
		if (rc != ERR_OK) {
			s->prefix = NULL;
			return svc_store_err(s, rc, "reading settings", e);
		}
	}
	*out = s->prefix;
	return rc;
}

void
svc_end(struct svc *s)
{
	arena_free(s->a);
	s->a = NULL;
}

const char *
svc_timezone(struct store *st, struct arena *a)
{
	const char *tz = NULL;

	if (store_setting_get(st, "timezone", a, &tz) != ERR_OK)
		return NULL;
	return tz;
}

enum err
svc_register_init(
    struct svc *s, const struct register_init *ri, struct svc_err *e)
{
	enum err rc;
	const char *id;

	if (ri->prefix == NULL || strlen(ri->prefix) == 0 ||
	    strlen(ri->prefix) > 16) {
		svc_err_msg(e, "the reference prefix must be 1 to 16 "
		               "characters");
		return ERR_INVAL;
	}
	for (const char *p = ri->prefix; *p; p++) {
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) {
			svc_err_msg(e,
			    "the reference prefix may hold only "
			    "A-Z and 0-9 (got \"%s\")",
			    ri->prefix);
			return ERR_INVAL;
		}
	}
	if (svc_check_text("org", ri->org, true, e) != ERR_OK)
		return ERR_INVAL;
	rc = store_begin_write(s->st);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "init", e);
	rc = store_setting_set(s->st, "org_name", ri->org);
	if (rc == ERR_OK)
		rc = store_setting_set(s->st, "ref_prefix", ri->prefix);
	if (rc == ERR_OK)
		rc = store_setting_set(s->st, "timezone", ri->timezone);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return svc_store_err(s, rc, "init", e);
	}
	store_commit(s->st);
	s->prefix = arena_strdup(s->a, ri->prefix);
	for (size_t i = 0; i < embeds_n; i++) {
		if (!str_has_prefix(embeds[i].name, "regimes/"))
			continue;
		rc = svc_regime_load(
		    s, (const char *)embeds[i].data, embeds[i].len, &id, e);
		if (rc != ERR_OK)
			return rc;
	}
	return ERR_OK;
}

enum err
svc_regime_load(struct svc *s, const char *json, size_t len,
    const char **id_out, struct svc_err *e)
{
	struct regime r;
	enum err rc;

	rc = regime_parse(json, len, s->a, &r, &e->fe);
	if (rc != ERR_OK)
		return rc;
	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_regime_put(s->st, r.id, json, s->now, s->actor);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return svc_store_err(s, rc, "regime", e);
	}
	s->regimes_loaded = false;
	s->regimes_n = 0;
	*id_out = r.id;
	return ERR_OK;
}

static enum err
regime_cb_load(void *arg, const char *id, const char *body)
{
	struct svc *s = arg;
	struct field_errors fe = { 0 };

	(void)id;
	if (s->regimes_n == nitems(s->regimes))
		return ERR_LIMIT;
	if (regime_parse(body, strlen(body), s->a, &s->regimes[s->regimes_n],
	        &fe) == ERR_OK)
		s->regimes_n++;
	return ERR_OK;
}

const struct regime *
svc_regime(struct svc *s, const char *id, struct svc_err *e)
{
	if (!s->regimes_loaded) {
		s->regimes_n = 0;
		if (store_regime_each(s->st, s->a, regime_cb_load, s) !=
		    ERR_OK) {
			svc_err_msg(e, "cannot read the regimes: %s",
			    store_errmsg(s->st));
			return NULL;
		}
		s->regimes_loaded = true;
	}
	for (size_t i = 0; i < s->regimes_n; i++) {
		if (strcmp(s->regimes[i].id, id) == 0)
			return &s->regimes[i];
	}
	return NULL;
}

enum err
svc_resolve(struct svc *s, const char *id, struct arena *a,
    struct incident *out, struct svc_err *e)
{
	int64_t n;
	enum err rc;

	if (id == NULL || *id == '\0') {
		svc_err_msg(e, "no incident given");
		return ERR_INVAL;
	}
	if (str_to_i64(id, 1, INT64_MAX, &n) == ERR_OK)
		rc = store_incident_get(s->st, n, a, out);
	else
		rc = store_incident_get_by_ref(s->st, id, a, out);
	if (rc == ERR_NOTFOUND)
		svc_err_msg(e, "no incident \"%.64s\"", id);
	else if (rc != ERR_OK)
		svc_store_err(s, rc, "reading the incident", e);
	return rc;
}

enum err
svc_tx_begin(struct svc *s, const char *id, struct arena *a,
    struct incident *in, struct svc_err *e)
{
	enum err rc;

	memset(in, 0, sizeof(*in));
	rc = store_begin_write(s->st);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "opening a transaction", e);
	rc = svc_resolve(s, id, a, in, e);
	if (rc != ERR_OK)
		store_rollback(s->st);
	return rc;
}

enum err
svc_tx_finish(struct svc *s, enum err rc, struct svc_err *e)
{
	if (rc == ERR_OK) {
		rc = store_commit(s->st);
		if (rc != ERR_OK)
			svc_store_err(s, rc, "commit", e);
	}
	if (rc != ERR_OK)
		store_rollback(s->st);
	return rc;
}

/* ---- events and the chain ----------------------------------------------- */

void
chain_hash(const char *ref, const struct event *ev, char out[SHA256_HEX])
{
	struct sha256 h;
	char num[64];

	sha256_begin(&h);
	sha256_update(&h, "breachkit-event-v1\n", 19);
	sha256_update(&h, ev->prev_hash, strlen(ev->prev_hash));
	sha256_update(&h, "\n", 1);
	sha256_update(&h, ref, strlen(ref));
	snprintf(num, sizeof(num), "\n%lld\n%lld\n", (long long)ev->seq,
	    (long long)ev->at);
	sha256_update(&h, num, strlen(num));
	sha256_update(&h, ev->actor, strlen(ev->actor));
	sha256_update(&h, "\n", 1);
	sha256_update(&h, ev->kind, strlen(ev->kind));
	sha256_update(&h, "\n", 1);
	sha256_update(&h, ev->payload_digest, strlen(ev->payload_digest));
	sha256_end_hex(&h, out);
}

enum err
svc_event(struct svc *s, struct incident *in, const char *kind, json_t *payload,
    struct svc_err *e)
{
	char *text = json_dumps(payload, DUMP_FLAGS);
	enum err rc;

	json_decref(payload);
	if (text == NULL)
		BUG("json_dumps");
	rc = svc_event_text(s, in, kind, text, e);
	free(text);
	return rc;
}

enum err
svc_event_text(struct svc *s, struct incident *in, const char *kind,
    const char *text, struct svc_err *e)
{
	struct event ev;
	enum err rc;

	memset(&ev, 0, sizeof(ev));
	ev.incident_id = in->id;
	ev.seq = in->event_n + 1;
	ev.at = s->now;
	ev.actor = s->actor;
	ev.kind = kind;
	ev.payload = text;
	sha256_hex(text, strlen(text), ev.payload_digest);
	snprintf(ev.prev_hash, sizeof(ev.prev_hash), "%s",
	    in->event_n == 0 ? chain_genesis : in->head_hash);
	chain_hash(in->ref, &ev, ev.hash);
	rc = store_event_append(s->st, &ev);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "appending the event", e);
	in->event_n = ev.seq;
	snprintf(in->head_hash, sizeof(in->head_hash), "%s", ev.hash);
	return ERR_OK;
}

enum err
svc_incident_save(struct svc *s, struct incident *in, struct svc_err *e)
{
	enum err rc;

	in->updated_at = s->now;
	rc = store_incident_update(s->st, in);
	return rc == ERR_OK ? ERR_OK
	                    : svc_store_err(s, rc, "saving the incident", e);
}

enum err
svc_incident_facts(struct svc *s, struct incident *in, const json_t *canon,
    const char *text, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident_reg reg;
	enum err rc;

	in->facts = text;
	facts_reg(canon, a, &reg);
	rc = store_incident_reg_put(s->st, in->id, &reg);
	arena_free(a);
	return rc == ERR_OK
	           ? ERR_OK
	           : svc_store_err(s, rc, "saving the register columns", e);
}

enum err
svc_facts_load(struct svc *s, const struct incident *in, struct arena *a,
    struct facts *f, struct svc_err *e)
{
	struct field_errors fe = { 0 };

	(void)s;
	/* Stored facts were valid when written; re-check times against the
	 * far future only, since "now" may have moved the other way. */
	if (facts_parse(in->facts, strlen(in->facts), INT64_MAX / 2, a, f, NULL,
	        &fe) != ERR_OK) {
		svc_err_msg(e, "%s: stored facts do not validate (%s: %s)",
		    in->ref, fe.n ? fe.v[0].field : "?",
		    fe.n ? fe.v[0].problem : "?");
		return ERR_INTERNAL;
	}
	return ERR_OK;
}

/* ---- obligations --------------------------------------------------------- */

struct decided {
	int64_t communicate_at;
	int64_t public_notice_at;
	bool not_a_breach;
};

static enum err
latest_decisions(struct svc *s, int64_t incident_id, struct arena *a,
    struct decided *d, struct svc_err *e)
{
	struct decision *v;
	size_t n;
	enum err rc;
	int last[TOPIC__MAX] = { -1, -1, -1 };

	d->communicate_at = TIME_UNKNOWN;
	d->public_notice_at = TIME_UNKNOWN;
	d->not_a_breach = false;
	rc = store_decision_list(s->st, incident_id, a, &v, &n);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "reading decisions", e);
	for (size_t i = 0; i < n; i++)
		last[v[i].topic] = (int)i;
	if (last[TOPIC_SUBJECTS] >= 0) {
		const struct decision *x = &v[last[TOPIC_SUBJECTS]];

		if (x->outcome)
			d->communicate_at = x->decided_at;
		else if (x->exception == 'c')
			d->public_notice_at = x->decided_at;
	}
	if (last[TOPIC_BREACH] >= 0 && !v[last[TOPIC_BREACH]].outcome)
		d->not_a_breach = true;
	return ERR_OK;
}

void
svc_obligation_new(struct svc *s, int64_t incident_id, struct obligation *o)
{
	memset(o, 0, sizeof(*o));
	o->incident_id = incident_id;
	o->status = OBL_OPEN;
	o->phase = PHASE_NONE;
	o->filed_at = TIME_UNKNOWN;
	o->decided_at = TIME_UNKNOWN;
	o->created_at = s->now;
}

json_t *
svc_obligation_event(const char *action, const struct obligation *o)
{
	return json_pack("{s:s, s:I, s:s, s:s, s:s, s:s, s:o, s:o}", "action",
	    action, "obligation", (json_int_t)o->id, "regime", o->regime,
	    "rule", o->rule, "recipient", o->recipient, "kind",
	    obl_kind_names[o->kind], "anchor_at", json_time_utc(o->anchor_at),
	    "due_at", json_time_utc(o->due_at));
}

/*
 * An open obligation whose rule no longer applies to the facts (the role
 * changed, awareness was withdrawn) lapses: it is closed as not required,
 * with the reason, by whoever changed the facts.  Nothing is deleted.
 */
static enum err
lapse(struct svc *s, struct incident *in, const struct facts *f,
    const struct regime *reg, const struct due *due, size_t n,
    struct obligation *have, size_t have_n, struct svc_err *e)
{
	enum err rc = ERR_OK;

	for (size_t k = 0; k < have_n && rc == ERR_OK; k++) {
		struct obligation *o = &have[k];
		const char *why;
		bool owed = false;

		if (o->status != OBL_OPEN || strcmp(o->regime, reg->id) != 0)
			continue;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(due[i].rule->id, o->rule) == 0)
				owed = true;
		}
		if (owed)
			continue;
		why = arena_printf(s->a,
		    "No longer applies: rule %s of regime "
		    "%s does not apply to the facts (role %s, awareness %s).",
		    o->rule, o->regime, enum_json_name("role", f->role),
		    f->aware_at == TIME_UNKNOWN ? "not recorded" : "recorded");
		o->status = OBL_NOT_REQUIRED;
		o->rationale = why;
		o->decided_by = s->actor;
		o->decided_at = s->now;
		rc = store_obligation_update(s->st, o);
		if (rc != ERR_OK)
			return svc_store_err(s, rc, "obligation", e);
		rc = svc_event(s, in, "obligation",
		    json_pack("{s:s, s:I, s:s,"
		              " s:s, s:s}",
		        "action", "lapsed", "obligation", (json_int_t)o->id,
		        "regime", o->regime, "rule", o->rule, "rationale", why),
		    e);
	}
	return rc;
}

enum err
svc_reconcile(struct svc *s, struct incident *in, const struct facts *f,
    struct svc_err *e)
{
	static const char *const deflt[] = { "gdpr" };
	struct arena *a = arena_new();
	struct obligation *have;
	struct decided d;
	struct deadline_input di;
	struct due due[REGIME_RULES_MAX];
	const char *const *ids;
	size_t have_n, ids_n, n;
	enum err rc;

	ids = f->regimes.known ? f->regimes.v : deflt;
	ids_n = f->regimes.known ? f->regimes.n : 1;
	rc = latest_decisions(s, in->id, a, &d, e);
	if (rc != ERR_OK)
		goto out;
	rc = store_obligation_list(s->st, in->id, a, &have, &have_n);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "reading obligations", e);
		goto out;
	}
	di.facts = f;
	di.communicate_at = d.communicate_at;
	di.public_notice_at = d.public_notice_at;
	for (size_t r = 0; r < ids_n; r++) {
		const struct regime *reg = svc_regime(s, ids[r], e);

		if (reg == NULL) {
			char where[64];

			snprintf(where, sizeof(where), "regimes[%zu]", r);
			field_errors_add(&e->fe, where,
			    "no regime \"%.32s\" "
			    "is loaded (see breachkit regime list)",
			    ids[r]);
			rc = ERR_INVAL;
			goto out;
		}
		n = deadline_compute(reg, &di, due, nitems(due));
		for (size_t i = 0; i < n; i++) {
			struct obligation *o = NULL, fresh;

			for (size_t k = 0; k < have_n; k++) {
				if (strcmp(have[k].regime, reg->id) == 0 &&
				    strcmp(have[k].rule, due[i].rule->id) == 0)
					o = &have[k];
			}
			if (o == NULL) {
				if (d.not_a_breach)
					continue;
				svc_obligation_new(s, in->id, &fresh);
				fresh.regime = reg->id;
				fresh.rule = due[i].rule->id;
				fresh.recipient = due[i].rule->recipient;
				fresh.label = due[i].rule->label;
				fresh.article = due[i].rule->article;
				fresh.kind = due[i].rule->kind;
				fresh.anchor_at = due[i].anchor_at;
				fresh.due_at = due[i].due_at;
				rc = store_obligation_insert(s->st, &fresh);
				if (rc != ERR_OK) {
					svc_store_err(s, rc, "obligation", e);
					goto out;
				}
				rc = svc_event(s, in, "obligation",
				    svc_obligation_event("created", &fresh), e);
				if (rc != ERR_OK)
					goto out;
				continue;
			}
			if (o->anchor_at == due[i].anchor_at &&
			    o->due_at == due[i].due_at)
				continue;
			{
				json_t *p =
				    svc_obligation_event("due_changed", o);

				json_object_set_new(p, "new_anchor_at",
				    json_time_utc(due[i].anchor_at));
				json_object_set_new(p, "new_due_at",
				    json_time_utc(due[i].due_at));
				o->anchor_at = due[i].anchor_at;
				o->due_at = due[i].due_at;
				/* Lateness once established is never erased;
				 * an earlier due time can establish it. */
				if (o->filed_at != TIME_UNKNOWN &&
				    o->filed_at > o->due_at)
					o->late = true;
				json_object_set_new(
				    p, "late", json_boolean(o->late));
				rc = store_obligation_update(s->st, o);
				if (rc != ERR_OK) {
					json_decref(p);
					svc_store_err(s, rc, "obligation", e);
					goto out;
				}
				rc = svc_event(s, in, "obligation", p, e);
				if (rc != ERR_OK)
					goto out;
			}
		}
		rc = lapse(s, in, f, reg, due, n, have, have_n, e);
		if (rc != ERR_OK)
			goto out;
	}
out:
	arena_free(a);
	return rc;
}
