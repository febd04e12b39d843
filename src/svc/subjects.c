/* SPDX-License-Identifier: MIT */
/*
 * svc/subjects.c: the subject index (docs/subjects.md).  `subjects import`
 * reads the controller's CSV of data subjects and stores, per identifier,
 * two keyed hashes of its normalised form, never the identifier.  An
 * import replaces the index and its secret in one write transaction: any
 * bad row, and the old index stays as it was.
 */
#include "base/base.h"

#include <stdarg.h>

#include <sodium.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "doc/csv.h"
#include "model/json_out.h"
#include "scan/matcher.h"
#include "scan/normalize.h"
#include "svc/svc_int.h"

enum { REPORT_MAX = 100, SUBJECT_ID_MAX = 64 };

struct imp {
	struct svc *s;
	subjects_row_cb cb;
	void *arg;
	struct subjects_sum *sum;
	struct match_keys keys;
	int col[MATCH_KIND__MAX]; /* column of each kind, -1 when absent */
	int id_col;
	struct arena *a;          /* the row's strings */
	struct match_entry *pack; /* the block being filled */
	size_t pack_n;
	/* the refs of subjects ref_first .. ref_first + ref_n - 1, each
	 * ended by a NUL (store_subject_ref_pack_insert); ref_next: the row
	 * id a new subject gets next, lower ones were seen before */
	struct buf refs;
	int64_t ref_first, ref_next;
	size_t ref_n, distinct; /* distinct: subjects (rows of one person
	                         * count once) */
	bool writing; /* false once a row was bad: check the rest only */
};

static void row_problem(struct imp *m, int64_t row, const char *col,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
row_problem(struct imp *m, int64_t row, const char *col, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	m->sum->bad++;
	m->writing = false;
	if (m->sum->bad > REPORT_MAX || m->cb == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	m->cb(m->arg, row, col, why);
}

/* The columns of the header row; the names are matched without case. */
static enum err
header(struct imp *m, const struct csv_row *r, struct svc_err *e)
{
	bool any = false;

	m->id_col = -1;
	for (unsigned k = 0; k < MATCH_KIND__MAX; k++)
		m->col[k] = -1;
	for (size_t i = 0; i < r->n; i++) {
		char name[32];
		size_t n = 0;
		int *slot = NULL;

		for (const char *p = r->f[i]; *p && n + 1 < sizeof(name); p++)
			name[n++] =
			    (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		name[n] = '\0';
		if (str_eq(name, "id"))
			slot = &m->id_col;
		else if (match_kind_by_name(name) != MATCH_NONE)
			slot = &m->col[match_kind_by_name(name)];
		if (slot == NULL)
			continue; /* other columns are ignored */
		if (*slot >= 0) {
			svc_err_msg(
			    e, "row 1: column \"%s\" appears twice", name);
			return ERR_INVAL;
		}
		*slot = (int)i;
		any = any || slot != &m->id_col;
	}
	if (m->id_col < 0 || !any) {
		svc_err_msg(e,
		    "row 1: the header needs an id column and at least one "
		    "of email, phone, iban, customer_no");
		return ERR_INVAL;
	}
	return ERR_OK;
}

/* Store the filled part of the block. */
static enum err
pack_flush(struct imp *m)
{
	enum err rc = ERR_OK;

	if (m->pack_n > 0)
		rc = store_subject_pack_insert(m->s->st, m->pack, m->pack_n);
	m->pack_n = 0;
	return rc;
}

/* Store the filled block of refs. */
static enum err
ref_flush(struct imp *m)
{
	enum err rc = ERR_OK;

	if (m->ref_n > 0)
		rc = store_subject_ref_pack_insert(
		    m->s->st, m->ref_first, m->ref_n, m->refs.p, m->refs.len);
	m->ref_n = 0;
	buf_reset(&m->refs);
	return rc;
}

/*
 * Subject `sid`'s ref into the block: a new subject gets the next row id
 * (the table was emptied first), a ref seen before (the same person on
 * two rows) its old one, which is in a block already.
 */
static enum err
ref_add(struct imp *m, int64_t sid, const char *ref, size_t len)
{
	enum err rc = ERR_OK;

	if (sid < m->ref_next)
		return ERR_OK;
	if (m->ref_n > 0 && (sid != m->ref_next || m->ref_n == MATCH_PACK_MAX))
		rc = ref_flush(m);
	if (rc != ERR_OK)
		return rc;
	if (m->ref_n == 0)
		m->ref_first = sid;
	rc = buf_append(&m->refs, ref, len);
	if (rc == ERR_OK)
		rc = buf_putc(&m->refs, '\0');
	m->ref_n++;
	m->distinct++;
	m->ref_next = sid + 1;
	return rc;
}

/* One data row: check every field, then (while no row was bad) store. */
static enum err
one_row(struct imp *m, const struct csv_row *r, struct svc_err *e)
{
	struct {
		unsigned kind;
		size_t len;
		char v[NORM_MAX];
	} ids[MATCH_KIND__MAX];
	size_t ids_n = 0, idlen;
	const char *id, *why;
	int64_t sid;
	enum err rc;

	m->sum->rows++;
	if ((size_t)m->id_col >= r->n) {
		row_problem(
		    m, r->row, "id", "missing (the row has %zu fields)", r->n);
		return ERR_OK;
	}
	id = norm_trim(r->f[m->id_col], r->len[m->id_col], &idlen);
	why = text_problem(id, idlen, SUBJECT_ID_MAX, false);
	if (idlen == 0 || idlen > SUBJECT_ID_MAX || why != NULL) {
		row_problem(m, r->row, "id", "%s",
		    idlen == 0               ? "empty"
		    : idlen > SUBJECT_ID_MAX ? "longer than 64 bytes"
		                             : why);
		return ERR_OK;
	}
	for (unsigned k = 1; k < MATCH_KIND__MAX; k++) {
		size_t n;
		const char *f;

		if (m->col[k] < 0 || (size_t)m->col[k] >= r->n)
			continue;
		f = norm_trim(r->f[m->col[k]], r->len[m->col[k]], &n);
		if (n == 0)
			continue; /* this person has none of this kind */
		ids[ids_n].kind = k;
		ids[ids_n].len =
		    match_normalize(k, f, n, ids[ids_n].v, sizeof(ids[0].v));
		if (ids[ids_n].len == 0) {
			row_problem(m, r->row, match_kind_name(k),
			    "not a valid %s (%zu bytes; the value is not "
			    "shown)",
			    k == MATCH_EMAIL   ? "e-mail address"
			    : k == MATCH_PHONE ? "phone number"
			    : k == MATCH_IBAN  ? "IBAN (checksum)"
			                       : "customer number",
			    n);
			return ERR_OK;
		}
		ids_n++;
	}
	if (ids_n == 0) {
		row_problem(m, r->row, NULL,
		    "no identifier: email, phone, iban and customer_no are "
		    "all empty");
		return ERR_OK;
	}
	if (!m->writing)
		return ERR_OK;
	rc = store_subject_insert(
	    m->s->st, arena_strndup(m->a, id, idlen), &sid);
	if (rc == ERR_OK && (sid <= 0 || sid > (int64_t)UINT32_MAX))
		rc = ERR_LIMIT;
	if (rc == ERR_OK)
		rc = ref_add(m, sid, id, idlen);
	for (size_t i = 0; i < ids_n && rc == ERR_OK; i++) {
		struct match_entry *x = &m->pack[m->pack_n++];

		memset(x, 0, sizeof(*x));
		x->tag = match_tag(&m->keys, ids[i].kind, ids[i].v, ids[i].len);
		match_hash(
		    &m->keys, ids[i].kind, ids[i].v, ids[i].len, x->hash);
		x->subject = (uint32_t)sid;
		x->kind = (uint8_t)ids[i].kind;
		m->sum->identifiers++;
		m->sum->by_kind[ids[i].kind]++;
		if (m->pack_n == MATCH_PACK_MAX)
			rc = pack_flush(m);
	}
	sodium_memzero(ids, sizeof(ids));
	if (rc != ERR_OK)
		return svc_store_err(m->s, rc, "storing the subject index", e);
	return ERR_OK;
}

enum err
svc_subjects_import(struct svc *s, FILE *fp, subjects_row_cb cb, void *arg,
    struct subjects_sum *sum, struct svc_err *e)
{
	struct imp m;
	struct subject_secret sec;
	struct csv *c = csv_new(fp);
	struct csv_row row;
	const char *region = NULL;
	char why[256];
	bool head = true;
	enum err rc;

	memset(&m, 0, sizeof(m));
	memset(sum, 0, sizeof(*sum));
	memset(&sec, 0, sizeof(sec));
	m.s = s;
	m.cb = cb;
	m.arg = arg;
	m.sum = sum;
	m.writing = true;
	m.a = arena_new();
	m.pack = xcalloc(MATCH_PACK_MAX, sizeof(*m.pack));
	buf_init(&m.refs, (size_t)MATCH_PACK_MAX * (SUBJECT_ID_MAX + 1));
	if (store_setting_get(s->st, "phone_region", s->a, &region) != ERR_OK)
		region = "DE";
	if (!norm_phone_set_region(region)) {
		svc_err_msg(e, "the setting phone_region (%s) is not supported",
		    region);
		rc = ERR_INVAL;
		goto out;
	}
	/* A new secret for every import: the old hashes become useless. */
	randombytes_buf(sec.secret, sizeof(sec.secret));
	match_keys_derive(sec.secret, &m.keys);
	rc = store_begin_write(s->st);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "subjects import", e);
		goto out;
	}
	rc = store_subject_clear(s->st);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "clearing the subject index", e);
		goto out;
	}
	for (;;) {
		rc = csv_next(c, &row, why, sizeof(why));
		if (rc == ERR_NOTFOUND) {
			rc = ERR_OK;
			if (head) {
				svc_err_msg(e, "the file is empty (it needs a "
				               "header: id,email,phone,...)");
				rc = ERR_INVAL;
			}
			break;
		}
		if (rc == ERR_IO) {
			svc_err_msg(e, "cannot read the list of subjects");
			break;
		}
		if (head) {
			if (rc == ERR_INVAL) {
				svc_err_msg(e, "row 1 (the header): %s", why);
				break;
			}
			rc = header(&m, &row, e);
			if (rc != ERR_OK)
				break;
			head = false;
			continue;
		}
		if (rc == ERR_INVAL) {
			sum->rows++;
			row_problem(&m, row.row, NULL, "%s", why);
			continue;
		}
		rc = one_row(&m, &row, e);
		if (rc != ERR_OK)
			break;
		if ((sum->rows & 4095) == 0) {
			arena_free(m.a);
			m.a = arena_new();
		}
	}
	if (rc == ERR_OK && sum->bad == 0) {
		rc = pack_flush(&m);
		if (rc == ERR_OK)
			rc = ref_flush(&m);
		if (rc != ERR_OK)
			svc_store_err(s, rc, "storing the subject index", e);
	}
	if (rc == ERR_OK && sum->bad > 0) {
		svc_err_msg(e,
		    "%zu bad row%s%s; nothing was imported and the previous "
		    "index is unchanged",
		    sum->bad, sum->bad == 1 ? "" : "s",
		    sum->bad > REPORT_MAX ? " (the first 100 are listed)" : "");
		rc = ERR_INVAL;
	}
	if (rc == ERR_OK && sum->identifiers == 0) {
		svc_err_msg(e, "no subjects in the file; nothing was imported");
		rc = ERR_INVAL;
	}
	if (rc == ERR_OK) {
		sec.created_at = s->now;
		sec.phone_region = norm_phone_get_region();
		sec.identifiers = (int64_t)sum->identifiers;
		sec.subjects = (int64_t)m.distinct;
		rc = store_subject_secret_put(s->st, &sec);
		if (rc == ERR_OK)
			rc = store_commit(s->st);
		if (rc != ERR_OK)
			svc_store_err(s, rc, "storing the subject index", e);
	}
	if (rc != ERR_OK)
		store_rollback(s->st);
	else
		sum->subjects = m.distinct;
out:
	sodium_memzero(&sec, sizeof(sec));
	sodium_memzero(&m.keys, sizeof(m.keys));
	arena_free(m.a);
	sodium_memzero(m.pack, MATCH_PACK_MAX * sizeof(*m.pack));
	free(m.pack);
	buf_release(&m.refs);
	csv_free(c);
	return rc;
}

json_t *
svc_subjects_status(struct svc *s, struct svc_err *e)
{
	struct subject_secret sec;
	enum err rc = store_subject_secret_get(s->st, s->a, &sec);
	json_t *j;

	if (rc == ERR_NOTFOUND)
		return json_pack("{s:b}", "index", 0);
	if (rc != ERR_OK) {
		svc_store_err(s, rc, "reading the subject index", e);
		return NULL;
	}
	j = json_pack("{s:b, s:o, s:I, s:I, s:s}", "index", 1, "imported_at",
	    json_time_utc(sec.created_at), "subjects", (json_int_t)sec.subjects,
	    "identifiers", (json_int_t)sec.identifiers, "phone_region",
	    sec.phone_region);
	sodium_memzero(&sec, sizeof(sec));
	return j;
}
