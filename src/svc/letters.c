/* SPDX-License-Identifier: MIT */
/*
 * svc/letters.c: a batch of Art. 34 letters (docs/letters.md).  Reads the
 * list of people as a stream, checks each row, renders its letter and
 * writes it (EML files, an mbox) or delivers it over SMTP, reporting one
 * result per row.  The batch is recorded as one event in the incident's
 * history, with counts only.
 *
 * SMTP delivery keeps a send log in the register (table letter, one row
 * per incident and person, keyed by a hash, never by name or address):
 *   (none) --claim--> sending --body handed over--> handed --250--> sent
 *   sending/handed --4xx/5xx or no connection--> failed (sent again later)
 *   handed --connection lost after the body--> in_doubt
 * Each step is committed before the next SMTP step, so after a crash:
 *   sending   the end-of-data mark was never sent; the relay cannot have
 *             accepted it: the letter is sent again (never skipped);
 *   handed    the relay may or may not have it: it becomes in_doubt, is
 *             NOT sent again (never twice) and is reported with its
 *             Message-ID until the operator resolves it (--in-doubt sent
 *             after finding it in the relay's log, --in-doubt resend
 *             otherwise; a resend keeps the same Message-ID, so a
 *             duplicate is recognisable).
 * File outputs are not deliveries: they are written whole each run (the
 * mbox through a temporary file and a rename).
 */
#include "base/base.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/xalloc.h"
#include "doc/csv.h"
#include "doc/letter.h"
#include "doc/mail.h"
#include "doc/smtp.h"
#include "doc/tmpl.h"
#include "scan/detect.h"
#include "scan/scan.h"
#include "svc/svc_int.h"

enum { MBOX_BUF = 1 << 20 };

static const char *const out_names[] = { "eml", "mbox", "smtp" };

struct run {
	struct svc *s;
	const struct letters_req *rq;
	letters_cb cb;
	void *arg;
	struct letters_sum *sum;
	struct incident in;
	struct letter_gen *gen;
	struct smtp *smtp;
	FILE *mbox;
	char *mbox_tmp;
	struct buf msg, box;
	struct buf mbox_sep; /* the "From " line */
	struct arena *a;
	struct letter_log cur;    /* the log entry being sent */
	char key[LETTER_KEY_LEN]; /* the strings of cur */
	char msgid[LETTER_MSGID_MAX];
	char why[512];
	char broken[512]; /* the connection is unusable: why */
	const char *from; /* mail_from */
	/* Dry run: the texts an English [0] / German [1] letter quotes as
	 * entered for want of a variant in its language, or NULL. */
	const char *as_entered[2];
	json_t *aff; /* --affected: id -> {by, found}; else NULL */
	double t0;
	size_t paced;
};

static double
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --rate N: the k-th letter goes out no earlier than t0 + k/N. */
static void
pace(struct run *r)
{
	double due, now;

	if (r->rq->rate <= 0)
		return;
	due = r->t0 + (double)r->paced / r->rq->rate;
	now = mono_now();
	if (due > now) {
		struct timespec ts;

		ts.tv_sec = (time_t)(due - now);
		ts.tv_nsec = (long)((due - now - (double)ts.tv_sec) * 1e9);
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
	}
	r->paced++;
}

static void
report(struct run *r, int64_t row, const char *id, const char *status,
    const char *detail, const char *msgid)
{
	struct letters_item it = { row, id, status, detail, msgid };

	if (r->cb != NULL)
		r->cb(r->arg, &it);
}

/* ---- templates ---------------------------------------------------------- */

json_t *
svc_letter_example_body(bool german)
{
	(void)german;
	return letter_view_example();
}

json_t *
svc_letter_example_subject(bool german)
{
	(void)german;
	return json_pack("{s:{s:s}, s:{s:s}}", "org", "name",
	    "Beispiel Versand und Logistik GmbH & Co. KG (fictional example)",
	    "incident", "ref", "BK-2024-0001");
}

/* ---- the send log -------------------------------------------------------- */

static enum err
log_put(struct run *r, const char *state, const char *detail, struct svc_err *e)
{
	enum err rc;

	r->cur.state = state;
	r->cur.detail = detail;
	r->cur.updated_at = r->s->now;
	rc = store_begin_write(r->s->st);
	if (rc == ERR_OK)
		rc = store_letter_put(r->s->st, &r->cur);
	if (rc == ERR_OK)
		rc = store_commit(r->s->st);
	if (rc != ERR_OK) {
		store_rollback(r->s->st);
		return svc_store_err(r->s, rc, "the send log", e);
	}
	return ERR_OK;
}

static int
on_handed(void *arg)
{
	struct run *r = arg;
	struct svc_err e;

	svc_err_clear(&e);
	return log_put(r, "handed", NULL, &e) == ERR_OK ? 0 : 1;
}

/* Deliver one rendered letter over SMTP, or report why not. */
static enum err
deliver_one(struct run *r, const struct subject *sj, const char *key,
    const char *msgid, struct svc_err *e)
{
	struct letter_log old;
	enum smtp_result res;
	enum err rc;

	rc = store_letter_get(r->s->st, r->in.id, key, r->a, &old);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return svc_store_err(r->s, rc, "the send log", e);
	if (rc == ERR_OK && strcmp(old.state, "sent") == 0) {
		r->sum->already++;
		report(r, sj->row, sj->id, "already_sent", NULL, msgid);
		return ERR_OK;
	}
	if (rc == ERR_OK && (strcmp(old.state, "in_doubt") == 0 ||
	                        strcmp(old.state, "handed") == 0)) {
		if (r->rq->doubt == DOUBT_REPORT || r->rq->dry_run) {
			r->sum->in_doubt++;
			report(r, sj->row, sj->id, "in_doubt",
			    "a crash or a "
			    "broken connection after the letter was handed to "
			    "the relay: look for its Message-ID in the relay's "
			    "log, then run again with --in-doubt sent or "
			    "--in-doubt resend",
			    msgid);
			return ERR_OK;
		}
		if (r->rq->doubt == DOUBT_SENT) {
			r->cur = old;
			rc = log_put(
			    r, "sent", "marked sent by the operator", e);
			if (rc == ERR_OK) {
				r->sum->sent++;
				report(r, sj->row, sj->id, "marked_sent", NULL,
				    msgid);
			}
			return rc;
		}
	}
	if (r->rq->dry_run) {
		r->sum->would++;
		report(r, sj->row, sj->id, "would_send",
		    r->as_entered[sj->german], msgid);
		return ERR_OK;
	}
	if (r->broken[0] != '\0') {
		/* TLS or the login failed: trying again for every person
		 * would only hammer the relay (and lock the account). */
		r->sum->failed++;
		report(r, sj->row, sj->id, "failed", r->broken, msgid);
		return ERR_OK;
	}
	memset(&r->cur, 0, sizeof(r->cur));
	r->cur.incident_id = r->in.id;
	r->cur.key = key;
	r->cur.message_id = msgid;
	r->cur.attempts = (rc == ERR_OK ? old.attempts : 0) + 1;
	pace(r);
	rc = log_put(r, "sending", NULL, e);
	if (rc != ERR_OK)
		return rc;
	res = smtp_send(r->smtp, sj->email, r->msg.p, r->msg.len, on_handed, r,
	    r->why, sizeof(r->why));
	switch (res) {
	case SMTP_SENT:
		rc = log_put(r, "sent", NULL, e);
		if (rc == ERR_OK) {
			r->sum->sent++;
			report(r, sj->row, sj->id, "sent", NULL, msgid);
		}
		break;
	case SMTP_BROKEN:
		snprintf(r->broken, sizeof(r->broken),
		    "not attempted: row %lld: %.400s", (long long)sj->row,
		    r->why);
		FALLTHROUGH;
	case SMTP_REFUSED:
		rc = log_put(r, "failed", r->why, e);
		if (rc == ERR_OK) {
			r->sum->failed++;
			report(r, sj->row, sj->id, "failed", r->why, msgid);
		}
		break;
	default:
		rc = log_put(r, "in_doubt", r->why, e);
		if (rc == ERR_OK) {
			r->sum->in_doubt++;
			report(r, sj->row, sj->id, "in_doubt", r->why, msgid);
		}
		break;
	}
	return rc;
}

static enum err
deliver(struct run *r, const struct subject *sj, const char *key,
    const char *msgid, struct svc_err *e)
{
	/* The log entry points into the run, never into a caller's stack. */
	snprintf(r->key, sizeof(r->key), "%s", key);
	snprintf(r->msgid, sizeof(r->msgid), "%s", msgid);
	return deliver_one(r, sj, r->key, r->msgid, e);
}

/* ---- files ----------------------------------------------------------------- */

static enum err
write_eml(struct run *r, const struct subject *sj, const char *key,
    const char *msgid, struct svc_err *e)
{
	char *path, *tmp;
	FILE *fp;
	enum err rc = ERR_OK;

	path = arena_printf(r->a, "%s/%s.eml", r->rq->target, key);
	if (r->rq->dry_run) {
		r->sum->would++;
		report(r, sj->row, sj->id, "would_write",
		    r->as_entered[sj->german]
		        ? arena_printf(
		              r->a, "%s; %s", path, r->as_entered[sj->german])
		        : path,
		    msgid);
		return ERR_OK;
	}
	pace(r);
	tmp = arena_printf(r->a, "%s/.%s.eml.tmp", r->rq->target, key);
	fp = fopen(tmp, "wb");
	if (fp == NULL || fwrite(r->msg.p, 1, r->msg.len, fp) != r->msg.len ||
	    fflush(fp) != 0 || fsync(fileno(fp)) != 0)
		rc = ERR_IO;
	if (fp != NULL && fclose(fp) != 0)
		rc = ERR_IO;
	if (rc == ERR_OK && rename(tmp, path) != 0)
		rc = ERR_IO;
	if (rc != ERR_OK) {
		svc_err_msg(e, "cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
		return rc;
	}
	r->sum->written++;
	report(r, sj->row, sj->id, "written", path, msgid);
	return ERR_OK;
}

static enum err
flush_box(struct run *r)
{
	if (r->box.len > 0 &&
	    fwrite(r->box.p, 1, r->box.len, r->mbox) != r->box.len)
		return ERR_IO;
	buf_reset(&r->box);
	return ERR_OK;
}

static enum err
write_mbox(struct run *r, const struct subject *sj, const char *msgid,
    size_t mark, struct svc_err *e)
{
	enum err rc;

	if (r->rq->dry_run) {
		r->box.len = mark;
		r->box.p[mark] = '\0';
		r->sum->would++;
		report(r, sj->row, sj->id, "would_write",
		    r->as_entered[sj->german], msgid);
		return ERR_OK;
	}
	pace(r);
	/* The letter is in `box` already (no line of it needs mboxrd
	 * quoting, see mail_qp); letters go out a megabyte at a time. */
	rc = buf_putc(&r->box, '\n');
	if (rc == ERR_OK && r->box.len >= MBOX_BUF)
		rc = flush_box(r);
	if (rc != ERR_OK) {
		svc_err_msg(e, "cannot write %s: %s", r->mbox_tmp,
		    rc == ERR_IO ? strerror(errno) : err_str(rc));
		return rc;
	}
	r->sum->written++;
	report(r, sj->row, sj->id, "written", NULL, msgid);
	return ERR_OK;
}

static enum err
open_output(struct run *r, struct svc_err *e)
{
	const struct letters_req *rq = r->rq;
	char why[256];
	struct stat sb;
	int fd;

	switch (rq->out) {
	case LETTERS_EML:
		if (stat(rq->target, &sb) != 0 && !rq->dry_run &&
		    mkdir(rq->target, 0700) != 0) {
			svc_err_msg(e, "cannot create %s: %s", rq->target,
			    strerror(errno));
			return ERR_IO;
		}
		if (!rq->dry_run &&
		    (stat(rq->target, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
			svc_err_msg(e, "%s is not a directory", rq->target);
			return ERR_INVAL;
		}
		return ERR_OK;
	case LETTERS_MBOX:
		if (rq->dry_run)
			return ERR_OK;
		r->mbox_tmp = arena_printf(r->a, "%s.tmp", rq->target);
		fd = open(r->mbox_tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		    0600);
		r->mbox = fd >= 0 ? fdopen(fd, "wb") : NULL;
		if (r->mbox == NULL) {
			svc_err_msg(e, "cannot write %s: %s", r->mbox_tmp,
			    strerror(errno));
			if (fd >= 0)
				close(fd);
			return ERR_IO;
		}
		return ERR_OK;
	default: {
		struct smtp_cfg sc = { rq->target, r->from, rq->smtp_ca,
			rq->smtp_tls_optional };

		if (smtp_open(&sc, &r->smtp, why, sizeof(why)) != ERR_OK) {
			svc_err_msg(e, "%s", why);
			return ERR_INVAL;
		}
		return ERR_OK;
	}
	}
}

/* ---- the batch -------------------------------------------------------------- */

/*
 * "quotes as entered (no English text): description [texts.description_en],
 * ..." for a letter in `german` or English, or NULL when every quoted text
 * has a variant in that language (or there is nothing to quote).
 */
static const char *
as_entered(const struct facts *f, bool german, struct arena *a)
{
	static const enum facts_text quoted[] = { FTEXT_DESCRIPTION,
		FTEXT_MEASURES_TAKEN, FTEXT_MEASURES_PLANNED };
	char list[512] = "";
	size_t at = 0;

	for (size_t i = 0; i < nitems(quoted); i++) {
		bool entered = false;
		const char *p = facts_text_paths[quoted[i]];
		const char *dot = strchr(p, '.');
		char var[48];

		facts_text(f, quoted[i], german, &entered);
		if (!entered)
			continue;
		/* texts.description_en, texts.measures_taken_en, ... */
		snprintf(var, sizeof(var), "texts.%.*s%s%s_%s",
		    dot ? (int)(dot - p) : (int)strlen(p), p, dot ? "_" : "",
		    dot ? dot + 1 : "", german ? "de" : "en");
		at += (size_t)snprintf(list + at, sizeof(list) - at,
		    "%s%s [%s]", at ? ", " : "", p, var);
		if (at >= sizeof(list))
			break;
	}
	if (at == 0)
		return NULL;
	return arena_printf(a, "quotes as entered (no %s text): %s",
	    german ? "German" : "English", list);
}

static enum err
load_org(struct run *r, struct letter_org *o, struct svc_err *e)
{
	static const char *const keys[] = { "org_name", "org_address",
		"org_website", "org_channels", "dpo_name", "dpo_email",
		"dpo_phone", "dpo_address", "mail_from" };
	const char **slot[] = { &o->org_name, &o->org_address, &o->org_website,
		&o->org_channels, &o->dpo_name, &o->dpo_email, &o->dpo_phone,
		&o->dpo_address, &o->mail_from };
	char miss[256];

	memset(o, 0, sizeof(*o));
	for (size_t i = 0; i < nitems(keys); i++) {
		if (store_setting_get(r->s->st, keys[i], r->a, slot[i]) !=
		    ERR_OK)
			*slot[i] = NULL;
	}
	letter_org_missing(o, miss, sizeof(miss));
	if (miss[0] != '\0') {
		svc_err_msg(e,
		    "letters need these settings, which are not "
		    "set: %s (breachkit settings set KEY VALUE); nothing was "
		    "sent",
		    miss);
		return ERR_INVAL;
	}
	return ERR_OK;
}

/* The data categories (bits of enum data_cat) of scan categories. */
static uint64_t
found_cats(const json_t *found)
{
	uint64_t bits = 0;
	size_t i;
	json_t *v;

	json_array_foreach (found, i, v) {
		for (unsigned k = 0; k < SCAN_CAT__MAX; k++) {
			if (json_is_string(v) &&
			    strcmp(json_string_value(v), scan_cat_name(k)) == 0)
				bits |= (uint64_t)1 << scan_cat_data_cat(k);
		}
	}
	return bits;
}

/* People on the affected list the contact export did not have. */
static void
report_no_contact(struct run *r)
{
	const char *id;
	json_t *x;

	json_object_foreach (r->aff, id, x) {
		if (json_object_get(x, "seen") != NULL)
			continue;
		r->sum->no_contact++;
		r->sum->invalid++;
		report(r, 0, id, "no_contact",
		    "on the incident's affected list, but not in the contact "
		    "export: no letter",
		    NULL);
	}
}

static enum err
one_row(struct run *r, const struct subjects_cols *cols,
    const struct csv_row *row, struct svc_err *e)
{
	json_t *x = NULL;
	struct subject sj;
	struct buf *dst;
	size_t mark;
	char why[256], key[LETTER_KEY_LEN], msgid[LETTER_MSGID_MAX];
	enum err rc;

	if (r->aff != NULL) {
		/* the contact export lists everybody: only the affected */
		x = (size_t)cols->id < row->n
		        ? json_object_get(r->aff, row->f[cols->id])
		        : NULL;
		if (x == NULL)
			return ERR_OK;
		json_object_set_new(x, "seen", json_true());
	}
	r->sum->rows++;
	if (subject_from_row(cols, row, &sj, why, sizeof(why)) != ERR_OK) {
		r->sum->invalid++;
		report(r, row->row, sj.id, "invalid", why, NULL);
		return ERR_OK;
	}
	if (x != NULL && sj.cats == 0)
		sj.cats = found_cats(json_object_get(x, "found"));
	if (sj.german)
		r->sum->german++;
	else
		r->sum->english++;
	/* An mbox letter is rendered straight into the output block. */
	dst = r->rq->out == LETTERS_MBOX ? &r->box : &r->msg;
	if (dst == &r->msg)
		buf_reset(dst);
	mark = dst->len;
	if (dst == &r->box)
		buf_append(dst, r->mbox_sep.p, r->mbox_sep.len);
	rc = letter_render(r->gen, &sj, dst, key, why, sizeof(why));
	if (rc != ERR_OK) {
		dst->len = mark;
		dst->p[mark] = '\0';
		r->sum->invalid++;
		report(r, row->row, sj.id, "invalid", why, NULL);
		return ERR_OK;
	}
	letter_msgid(r->gen, key, msgid, sizeof(msgid));
	switch (r->rq->out) {
	case LETTERS_EML:
		return write_eml(r, &sj, key, msgid, e);
	case LETTERS_MBOX:
		return write_mbox(r, &sj, msgid, mark, e);
	default:
		return deliver(r, &sj, key, msgid, e);
	}
}

static enum err
read_list(struct run *r, struct svc_err *e)
{
	struct csv *c = csv_new(r->rq->subjects);
	struct csv_row row;
	struct subjects_cols cols;
	char why[256];
	bool header = true;
	enum err rc;

	for (;;) {
		rc = csv_next(c, &row, why, sizeof(why));
		if (rc == ERR_NOTFOUND) {
			rc = header ? ERR_INVAL : ERR_OK;
			if (header)
				svc_err_msg(e,
				    "the list of people is empty "
				    "(it needs a header: id,name,email,"
				    "language,categories)");
			break;
		}
		if (rc == ERR_IO) {
			svc_err_msg(e, "cannot read the list of people");
			break;
		}
		if (header) {
			if (rc == ERR_OK)
				rc = subjects_header(&row, &cols,
				    r->aff != NULL, why, sizeof(why));
			else
				snprintf(why + strlen(why),
				    sizeof(why) - strlen(why),
				    " (row 1, the header)");
			if (rc != ERR_OK) {
				svc_err_msg(e, "%s", why);
				break;
			}
			header = false;
			continue;
		}
		if (rc == ERR_INVAL) {
			r->sum->rows++;
			r->sum->invalid++;
			report(r, row.row, NULL, "invalid", why, NULL);
			continue;
		}
		rc = one_row(r, &cols, &row, e);
		if (rc != ERR_OK)
			break;
		if ((r->sum->rows & 1023) == 0) {
			arena_free(r->a);
			r->a = arena_new();
		}
	}
	csv_free(c);
	if (rc == ERR_OK && r->aff != NULL)
		report_no_contact(r);
	return rc;
}

/* The batch as an event of the incident; counts only. */
static enum err
record(struct run *r, struct svc_err *e)
{
	struct letters_sum *m = r->sum;
	struct incident in;
	struct arena *a = arena_new();
	enum err rc;

	rc = svc_tx_begin(r->s, r->rq->id, a, &in, e);
	if (rc == ERR_OK) {
		json_t *p = json_pack(
		    "{s:s, s:I,"
		    " s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
		    "channel", out_names[r->rq->out], "rows",
		    (json_int_t)m->rows, "invalid", (json_int_t)m->invalid,
		    "written", (json_int_t)m->written, "sent",
		    (json_int_t)m->sent, "already_sent", (json_int_t)m->already,
		    "failed", (json_int_t)m->failed, "in_doubt",
		    (json_int_t)m->in_doubt, "german", (json_int_t)m->german,
		    "english", (json_int_t)m->english);

		if (r->aff != NULL) {
			json_object_set_new(p, "list", json_string("affected"));
			json_object_set_new(p, "no_contact",
			    json_integer((json_int_t)m->no_contact));
		}
		rc = svc_event(r->s, &in, "letters", p, e);
		if (rc == ERR_OK)
			rc = svc_incident_save(r->s, &in, e);
		rc = svc_tx_finish(r->s, rc, e);
	}
	arena_free(a);
	return rc;
}

enum err
svc_letters(struct svc *s, const struct letters_req *rq, letters_cb cb,
    void *arg, struct letters_sum *sum, struct svc_err *e)
{
	struct run r;
	struct facts f;
	struct letter_org org;
	struct letter_tmpls lt;
	struct tmpl *t[4] = { NULL, NULL, NULL, NULL };
	struct letter_cfg cfg;
	struct arena *fa = arena_new();
	char miss[256], why[256];
	enum err rc;
	int64_t n;

	memset(&r, 0, sizeof(r));
	memset(sum, 0, sizeof(*sum));
	r.s = s;
	r.rq = rq;
	r.cb = cb;
	r.arg = arg;
	r.sum = sum;
	r.a = arena_new();
	buf_init(&r.msg, LETTER_MAX);
	buf_init(&r.box, MBOX_BUF + 2 * LETTER_MAX + 4096);
	buf_init(&r.mbox_sep, 1024);
	rc = svc_resolve(s, rq->id, fa, &r.in, e);
	if (rc == ERR_OK)
		rc = svc_facts_load(s, &r.in, fa, &f, e);
	if (rc == ERR_OK)
		rc = load_org(&r, &org, e);
	if (rc == ERR_OK && rq->affected) {
		rc = svc_affected_load(s, &r.in, &r.aff, e);
		if (rc == ERR_OK && json_object_size(r.aff) == 0) {
			svc_err_msg(e,
			    "%s has no affected list: run breachkit match "
			    "--incident %s FILE... first; nothing was sent",
			    r.in.ref, r.in.ref);
			rc = ERR_INVAL;
		}
	}
	if (rc != ERR_OK)
		goto out;
	letter_facts_missing(&f, miss, sizeof(miss));
	if (miss[0] != '\0') {
		svc_err_msg(e,
		    "%s: letters need these facts, which the "
		    "incident lacks: %s (breachkit incident edit); nothing "
		    "was sent",
		    r.in.ref, miss);
		rc = ERR_INVAL;
		goto out;
	}
	r.from = org.mail_from;
	if (rq->dry_run) {
		r.as_entered[0] = as_entered(&f, false, fa);
		r.as_entered[1] = as_entered(&f, true, fa);
	}
	mail_mbox_from(&r.mbox_sep, org.mail_from, s->now);
	/* The templates in use: an override stored in the register, else
	 * the built-in one (svc/template.c). */
	rc = svc_template_load(s, "letter-subject", "en", &t[0], e);
	if (rc == ERR_OK)
		rc = svc_template_load(s, "letter-subject", "de", &t[1], e);
	if (rc == ERR_OK)
		rc = svc_template_load(s, "letter-body", "en", &t[2], e);
	if (rc == ERR_OK)
		rc = svc_template_load(s, "letter-body", "de", &t[3], e);
	if (rc != ERR_OK)
		goto out;
	lt.subject[0] = t[0];
	lt.subject[1] = t[1];
	lt.body[0] = t[2];
	lt.body[1] = t[3];
	memset(&cfg, 0, sizeof(cfg));
	cfg.ref = r.in.ref;
	cfg.facts = &f;
	cfg.org = &org;
	cfg.t = &lt;
	cfg.date_at = s->now;
	cfg.crlf = rq->out != LETTERS_MBOX;
	rc = letter_gen_new(&cfg, &r.gen, why, sizeof(why));
	if (rc != ERR_OK) {
		svc_err_msg(e, "%s", why);
		goto out;
	}
	rc = open_output(&r, e);
	if (rc != ERR_OK)
		goto out;
	if (rq->out == LETTERS_SMTP && !rq->dry_run) {
		/* Left "handed" by a run that died: the relay may have it. */
		rc = store_begin_write(s->st);
		if (rc == ERR_OK)
			rc = store_letter_doubt(s->st, r.in.id, &n);
		if (rc == ERR_OK)
			rc = store_commit(s->st);
		if (rc != ERR_OK) {
			store_rollback(s->st);
			svc_store_err(s, rc, "the send log", e);
			goto out;
		}
	}
	r.t0 = mono_now();
	rc = read_list(&r, e);
	if (rc == ERR_OK && r.mbox != NULL) {
		if (flush_box(&r) != ERR_OK || fflush(r.mbox) != 0 ||
		    fsync(fileno(r.mbox)) != 0)
			rc = ERR_IO;
		if (fclose(r.mbox) != 0)
			rc = ERR_IO;
		r.mbox = NULL;
		if (rc == ERR_OK && rename(r.mbox_tmp, rq->target) != 0)
			rc = ERR_IO;
		if (rc != ERR_OK)
			svc_err_msg(e, "cannot write %s: %s", rq->target,
			    strerror(errno));
	}
	if (!rq->dry_run && (rc == ERR_OK || sum->rows > 0)) {
		enum err rc2 =
		    record(&r, rc == ERR_OK ? e : &(struct svc_err){ 0 });

		if (rc == ERR_OK)
			rc = rc2;
	}
	if (rc == ERR_OK && rq->file && !rq->dry_run) {
		struct file_req fr = { "subjects", 0, PHASE_INITIAL, s->now,
			NULL, NULL, NULL, NULL };
		bool late;

		if (sum->invalid || sum->failed || sum->in_doubt) {
			svc_err_msg(e, "not filing the Art. 34 communication: "
			               "not every letter is out");
			rc = ERR_CONFLICT;
		} else {
			rc = svc_file(s, rq->id, &fr, &late, e);
			sum->filed = rc == ERR_OK;
		}
	}
out:
	if (r.mbox != NULL) {
		fclose(r.mbox);
		unlink(r.mbox_tmp);
	}
	smtp_close(r.smtp);
	json_decref(r.aff);
	letter_gen_free(r.gen);
	for (size_t i = 0; i < nitems(t); i++)
		tmpl_free(t[i]);
	buf_release(&r.msg);
	buf_release(&r.box);
	buf_release(&r.mbox_sep);
	arena_free(r.a);
	arena_free(fa);
	return rc;
}
