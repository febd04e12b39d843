/* SPDX-License-Identifier: MIT */
/*
 * svc/export.c: the Art. 33(5) register as CSV or JSON: every incident,
 * notified or not, with its facts, effects, remedial action, decisions and
 * their reasoning, and the state of each obligation (filed when, late or
 * not, and the reasons for a delay).  Streams: memory grows with the
 * obligations and decisions, not with the facts.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/xalloc.h"
#include "model/json_out.h"
#include "svc/svc_int.h"

enum { EXPORT_TIMES_MAX = 32 };

struct ex {
	FILE *fp;
	bool json;
	int64_t now;
	size_t n;
	json_t *obl; /* incident id (string) -> array */
	json_t *dec;
	struct store *st;
	size_t ntime;
	const char *tgrp[EXPORT_TIMES_MAX]; /* NULL: top level */
	const char *tkey[EXPORT_TIMES_MAX];
	json_t *schema;
};

static enum err
collect_obligation(void *arg, const struct obligation *o)
{
	struct ex *x = arg;
	char key[24];
	json_t *arr;

	snprintf(key, sizeof(key), "%lld", (long long)o->incident_id);
	arr = json_object_get(x->obl, key);
	if (arr == NULL) {
		arr = json_array();
		json_object_set_new(x->obl, key, arr);
	}
	json_array_append_new(arr, obligation_json(o, x->now));
	return ERR_OK;
}

/* CSV cell: quoted, with spreadsheet formula triggers neutralised. */
static void
csv_cell(FILE *fp, const char *s, bool last)
{
	fputc('"', fp);
	if (s != NULL && (*s == '=' || *s == '+' || *s == '-' || *s == '@' ||
	                     *s == '\t' || *s == '\r'))
		fputc('\'', fp);
	for (; s != NULL && *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
	fputc(last ? '\n' : ',', fp);
}

static const char *
jstr(const json_t *o, const char *a, const char *b)
{
	const json_t *v = json_object_get(o, a);

	if (b != NULL)
		v = json_object_get(v, b);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static char *
jlist(const json_t *o, const char *a, const char *b)
{
	const json_t *v = json_object_get(json_object_get(o, a), b);
	struct buf out;
	size_t i;
	json_t *it;
	char *s;

	if (!json_is_array(v))
		return NULL;
	buf_init(&out, 1 << 16);
	json_array_foreach (v, i, it) {
		if (json_is_string(it))
			buf_printf(
			    &out, "%s%s", i ? ";" : "", json_string_value(it));
	}
	s = xstrdup(buf_cstr(&out));
	buf_release(&out);
	return s;
}

static const char *
tri(const json_t *o, const char *a, const char *b)
{
	const json_t *v = json_object_get(json_object_get(o, a), b);

	return json_is_true(v) ? "yes" : json_is_false(v) ? "no" : "unknown";
}

static const char *const csv_head[] = {
	"ref",
	"title",
	"status",
	"role",
	"discovered_at",
	"aware_at",
	"occurred_from",
	"occurred_to",
	"confidentiality",
	"integrity",
	"availability",
	"breach_type",
	"data_categories",
	"subject_categories",
	"subjects",
	"subjects_estimate",
	"records",
	"consequences_likely",
	"consequences",
	"measures_taken",
	"authority_status",
	"authority_filed_at",
	"authority_late",
	"delay_reason",
	"subjects_status",
	"decisions",
	"closed_at",
};

/* The obligation of `arr` owed to `recipient`, or NULL. */
static const json_t *
obl_to(const json_t *arr, const char *recipient)
{
	size_t i;
	json_t *o;

	json_array_foreach (arr, i, o) {
		if (strcmp(jstr(o, "recipient", NULL), recipient) == 0)
			return o;
	}
	return NULL;
}

static void
write_csv(struct ex *x, const struct incident *in, json_t *facts,
    const json_t *obl, const json_t *dec)
{
	char t[6][ISO_LEN], num[2][24];
	const json_t *auth = obl_to(obl, "authority");
	const json_t *subj = obl_to(obl, "subjects");
	char *l1 = jlist(facts, "data", "categories");
	char *l2 = jlist(facts, "subjects", "categories");
	char *l3 = jlist(facts, "consequences", "likely");
	struct buf d;
	const json_t *v;
	size_t i;
	json_t *it;

	buf_init(&d, 1 << 20);
	json_array_foreach (dec, i, it)
		buf_printf(&d, "%s%s=%s: %s", i ? " | " : "",
		    jstr(it, "topic", NULL),
		    json_is_true(json_object_get(it, "outcome")) ? "yes" : "no",
		    jstr(it, "rationale", NULL));
	iso8601_format(in->discovered_at, t[0]);
	iso8601_format(in->aware_at, t[1]);
	csv_cell(x->fp, in->ref, false);
	csv_cell(x->fp, in->title, false);
	csv_cell(x->fp, incident_status_names[in->status], false);
	csv_cell(x->fp, jstr(facts, "role", NULL), false);
	csv_cell(x->fp, in->discovered_at != TIME_UNKNOWN ? t[0] : NULL, false);
	csv_cell(x->fp, in->aware_at != TIME_UNKNOWN ? t[1] : NULL, false);
	csv_cell(x->fp, jstr(facts, "timeline", "occurred_from"), false);
	csv_cell(x->fp, jstr(facts, "timeline", "occurred_to"), false);
	csv_cell(x->fp, tri(facts, "nature", "confidentiality"), false);
	csv_cell(x->fp, tri(facts, "nature", "integrity"), false);
	csv_cell(x->fp, tri(facts, "nature", "availability"), false);
	csv_cell(x->fp, jstr(facts, "nature", "type"), false);
	csv_cell(x->fp, l1, false);
	csv_cell(x->fp, l2, false);
	v = json_object_get(json_object_get(facts, "subjects"), "count");
	snprintf(
	    num[0], sizeof(num[0]), "%lld", (long long)json_integer_value(v));
	csv_cell(x->fp, json_is_integer(v) ? num[0] : NULL, false);
	csv_cell(x->fp,
	    json_is_true(json_object_get(
	        json_object_get(facts, "subjects"), "count_is_estimate"))
	        ? "yes"
	        : "no",
	    false);
	v = json_object_get(json_object_get(facts, "subjects"), "records");
	snprintf(
	    num[1], sizeof(num[1]), "%lld", (long long)json_integer_value(v));
	csv_cell(x->fp, json_is_integer(v) ? num[1] : NULL, false);
	csv_cell(x->fp, l3, false);
	csv_cell(x->fp, jstr(facts, "consequences", "text"), false);
	csv_cell(x->fp, jstr(facts, "measures", "taken"), false);
	csv_cell(x->fp, auth ? jstr(auth, "status", NULL) : "none", false);
	csv_cell(x->fp, auth ? jstr(auth, "filed_at", NULL) : NULL, false);
	csv_cell(x->fp,
	    auth ? (json_is_true(json_object_get(auth, "late")) ? "yes" : "no")
	         : NULL,
	    false);
	csv_cell(x->fp, auth ? jstr(auth, "delay_reason", NULL) : NULL, false);
	csv_cell(x->fp, subj ? jstr(subj, "status", NULL) : "none", false);
	csv_cell(x->fp, buf_cstr(&d), false);
	iso8601_format(in->closed_at, t[2]);
	csv_cell(x->fp, in->closed_at != TIME_UNKNOWN ? t[2] : NULL, true);
	buf_release(&d);
	free(l1);
	free(l2);
	free(l3);
}

static void
time_path(struct ex *x, const char *grp, const char *key, const json_t *p)
{
	if (!json_is_string(json_object_get(p, "format")) ||
	    strcmp(json_string_value(json_object_get(p, "format")),
	        "date-time") != 0)
		return;
	if (x->ntime == EXPORT_TIMES_MAX)
		BUG("facts have more date-time fields than EXPORT_TIMES_MAX");
	x->tgrp[x->ntime] = grp;
	x->tkey[x->ntime] = key;
	x->ntime++;
}

/* The facts' date-time fields (group.key), from the facts schema. */
static void
time_paths(struct ex *x)
{
	const char *k, *k2;
	json_t *p, *p2;

	x->schema = facts_schema();
	json_object_foreach (json_object_get(x->schema, "properties"), k, p) {
		time_path(x, NULL, k, p);
		json_object_foreach (json_object_get(p, "properties"), k2, p2)
			time_path(x, k, k2, p2);
	}
}

/*
 * The stored facts in the display zone.  They were stored canonical
 * (facts_to_json_utc() of validated facts), so they differ from
 * facts_to_json() of the same facts only in the zone of the date-time
 * fields: rewrite those instead of validating and rebuilding every
 * document, which dominated the export's time.
 */
static json_t *
facts_display(const struct ex *x, const char *stored)
{
	json_t *j = json_loads(stored, 0, NULL), *v;
	char t[ISO_LEN];
	const char *why;
	int64_t at;

	for (size_t i = 0; j != NULL && i < x->ntime; i++) {
		v = x->tgrp[i] == NULL
		        ? json_object_get(j, x->tkey[i])
		        : json_object_get(
		              json_object_get(j, x->tgrp[i]), x->tkey[i]);
		if (!json_is_string(v) ||
		    iso8601_parse(json_string_value(v), json_string_length(v),
		        &at, &why) != ERR_OK)
			continue;
		iso8601_format(at, t);
		json_string_set(v, t);
	}
	return j;
}

static enum err
export_incident(void *arg, const struct incident *in)
{
	struct ex *x = arg;
	char key[24];
	json_t *facts, *obl, *dec, *dl;
	struct arena *a;
	struct decision *dv;
	size_t dn;

	snprintf(key, sizeof(key), "%lld", (long long)in->id);
	/* Our own reference: an incident without obligations gets a fresh
	 * empty list, released below like the shared one. */
	obl = json_object_get(x->obl, key);
	obl = obl != NULL ? json_incref(obl) : json_array();
	a = arena_new();
	dl = json_array();
	if (store_decision_list(x->st, in->id, a, &dv, &dn) == ERR_OK) {
		for (size_t i = 0; i < dn; i++)
			json_array_append_new(dl, decision_json(&dv[i]));
	}
	dec = dl;
	/* Re-render the stored (UTC) facts in the display zone. */
	facts = facts_display(x, in->facts);
	if (x->json) {
		json_t *o = incident_json(in);
		char *s;

		json_object_set_new(o, "facts", facts);
		json_object_set(o, "obligations", obl);
		json_object_set(o, "decisions", dec);
		s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fprintf(x->fp, "%s%s", x->n ? ",\n" : "\n", s);
		free(s);
		json_decref(o);
	} else {
		write_csv(x, in, facts, obl, dec);
		json_decref(facts);
	}
	json_decref(obl);
	json_decref(dl);
	arena_free(a);
	x->n++;
	return ferror(x->fp) ? ERR_IO : ERR_OK;
}

enum err
svc_export(
    struct store *st, FILE *fp, bool json, int64_t now, struct svc_err *e)
{
	struct incident_filter f = { .status = -1, .with_facts = true };
	struct ex x = { .fp = fp, .json = json, .now = now, .st = st };
	enum err rc;

	x.obl = json_object();
	time_paths(&x);
	rc = store_begin_read(st);
	if (rc == ERR_OK)
		rc = store_obligation_each(st, collect_obligation, &x);
	if (rc == ERR_OK) {
		if (json)
			fputs("{\"register\":[", fp);
		else
			for (size_t i = 0; i < nitems(csv_head); i++)
				fprintf(fp, "%s%c", csv_head[i],
				    i + 1 < nitems(csv_head) ? ',' : '\n');
		rc = store_incident_each(st, &f, export_incident, &x);
		if (json)
			fputs("\n]}\n", fp);
	}
	store_rollback(st);
	json_decref(x.obl);
	json_decref(x.schema);
	if (rc != ERR_OK)
		svc_err_msg(e, "export: %s",
		    rc == ERR_IO ? "write error" : store_errmsg(st));
	return rc;
}
