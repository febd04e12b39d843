/* SPDX-License-Identifier: MIT */
/*
 * svc/match.c: which of our data subjects are in a leak (docs/subjects.md).
 *
 * The index is loaded into memory: a table of 64-bit SipHash tags (the
 * pre-filter) and, per identifier, its keyed BLAKE2b hash and subject.
 * Each leak file is scanned in the limited child (scan/scan.c), which
 * sends the normalised identifiers of every record, then the categories
 * found in that record, over the pipe.  The keyed hashing happens here,
 * in the parent: the child never holds the secret or the keys (its copy
 * of our memory has them wiped before it reads the leak).  A value is a
 * match when its tag is in the table and its BLAKE2b hash equals the
 * stored one; the subject then gets the identifier's kind ("by") and the
 * record's categories ("found").
 */
#include "base/base.h"

#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "model/json_out.h"
#include "scan/detect.h"
#include "scan/matcher.h"
#include "scan/normalize.h"
#include "scan/scan.h"
#include "svc/svc_int.h"

enum { PENDING_MAX = 256 };

/*
 * What the scan reported, in order: an identifier (kind > 0; its tag
 * computed and its filter word prefetched on arrival) or the end of a
 * record (kind 0, with the record's categories).  The work runs in two
 * queues, so that many cache misses are in flight at once: `arr` holds
 * what arrived; when it is full, the filter drops the identifiers that
 * are certainly not ours and moves the rest (about 5 % of a leak) to
 * `cand`, prefetching their table slots, with the record ends that follow
 * them; when `cand` is full, the lookups run (see run_cand).
 */
struct mevent {
	uint64_t tag;
	const unsigned char *v; /* in the chunk being looked up */
	uint32_t cats;
	uint8_t kind, len;
};

enum { BATCH_N = 64 };

/*
 * The lookups run on two threads of the parent: the one that reads the
 * scan child's pipe and a helper (docs/subjects.md, "match").  The
 * reading thread packs what arrives into chunks ([kind][len][bytes]
 * entries as on the pipe, kind 0 with the 4 bytes of a record's
 * categories) and queues them: 256 KiB, ~6,000 identifiers (with 32
 * KiB the helper was woken ~7,000 times a run, and on the VM a woken
 * thread waits ~0.1 ms for a CPU).  The helper takes chunks off the
 * queue, and the reading thread takes one too whenever two wait.  A
 * chunk ends only after a record's end, so every record is looked up by
 * one thread; what a match changes (the subject's `by` and `found` bits) is an
 * atomic OR, and the counts are per thread and added up after the file:
 * the result does not depend on which thread took which chunk.
 */
enum {
	CHUNK_BYTES = 256 << 10,
	/* groups come in whole pipe records (scan.h) */
	GROUP_MAX = SCAN_IDENT_BYTES,
	CHUNKS = 4,
	/* while the index loads, the chunks queue up (~0.25 s of the scan,
	 * ~120 chunks for the bench's leak); at most this many */
	CHUNKS_LOADING = 256,
	HELPER_STACK = 1 << 20 /* mapped: page-aligned, touched as used */
};

struct chunk {
	struct chunk *next;
	size_t n;
	unsigned char b[CHUNK_BYTES];
};

struct mctx;

/* One lookup thread's queues and counts. */
struct mwork {
	struct mctx *m;
	struct mevent arr[BATCH_N], cand[BATCH_N];
	size_t arr_n, cand_n;
	/* matched in the current record */
	uint32_t pend[PENDING_MAX];
	uint8_t pend_kind[PENDING_MAX];
	size_t pend_n;
	uint64_t identifiers, candidates, matched, unmatched;
};

struct mctx {
	struct match_keys keys;
	struct match_filter *filt;
	struct match_table *tab;
	struct match_entry *ent; /* the index as stored (in ent_mem) */
	struct match_mem ent_mem;
	size_t n, cap;
	/* per subject row id: how it was matched, what was found (atomic
	 * ORs while the lookup threads run) */
	uint8_t *by;
	uint32_t *found;
	uint32_t max_sid;
	struct match_sum *sum;
	/* the lookup threads: [0] the reading thread, [1] the helper */
	struct mwork w[2];
	/* chunks: waiting (oldest first) and free; all of them in `all` */
	struct chunk *cur, *full_head, *full_tail, *free_c,
	    *all[CHUNKS_LOADING];
	size_t full_n, chunks_n;
	pthread_mutex_t mu;
	pthread_cond_t cv_work, cv_free;
	pthread_t helper;
	struct match_mem helper_stack;
	bool helper_on, helper_tried, stop;
	/* the index: loaded by the first helper while the child scans
	 * (index_load); `ready` under mu */
	struct store *st;
	bool ready;
	enum err load_rc;
	double load_s;
};
static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum { LOAD_AHEAD = 16 };

/* One stored block: kept as it is, and every entry into the pre-filter
 * (customer numbers too: the scanner finds them in columns and keys named
 * for them, docs/scan.md). */
static enum err
load_block(void *arg, const void *data, size_t n)
{
	struct mctx *m = arg;

	if (n > m->cap - m->n)
		return ERR_INTERNAL; /* the index changed under us */
	memcpy(m->ent + m->n, data, n * sizeof(*m->ent));
	for (size_t i = m->n; i < m->n + n; i++) {
		const struct match_entry *x = &m->ent[i];

		/* the slot and the filter word of a later entry: each add is
		 * a cache miss into tens of MiB otherwise */
		if (i + LOAD_AHEAD < m->n + n) {
			match_table_prefetch(m->tab, x[LOAD_AHEAD].tag);
			match_filter_prefetch(m->filt, x[LOAD_AHEAD].tag);
		}
		if (x->kind == MATCH_NONE || x->kind >= MATCH_KIND__MAX ||
		    x->tag == 0 || x->subject == 0)
			return ERR_INTERNAL;
		match_table_add(m->tab, x->tag, (uint32_t)i);
		match_filter_add(m->filt, x->tag);
		if (x->subject > m->max_sid)
			m->max_sid = x->subject;
	}
	m->n += n;
	return ERR_OK;
}

static void
mark_by(struct mctx *m, uint32_t sid, unsigned kind)
{
	__atomic_fetch_or(&m->by[sid], (uint8_t)(1u << kind), __ATOMIC_RELAXED);
}

/* Look up one identifier that passed the filter. */
static void
lookup(struct mwork *w, const struct mevent *q)
{
	struct mctx *m = w->m;
	unsigned char h[MATCH_HASH_LEN];
	bool hashed = false, any = false;
	size_t pos = 0;
	uint32_t idx;

	while (match_table_next(m->tab, q->tag, &pos, &idx)) {
		const struct match_entry *x = &m->ent[idx];

		if (x->tag != q->tag || x->kind != q->kind)
			continue;
		w->candidates++;
		/* where a match goes: loaded while the hash is computed */
		__builtin_prefetch(&m->found[x->subject], 1);
		__builtin_prefetch(&m->by[x->subject], 1);
		if (!hashed) {
			match_hash(
			    &m->keys, q->kind, (const char *)q->v, q->len, h);
			hashed = true;
		}
		if (sodium_memcmp(h, x->hash, MATCH_HASH_LEN) != 0)
			continue;
		any = true;
		if (w->pend_n < PENDING_MAX) {
			w->pend[w->pend_n] = x->subject;
			w->pend_kind[w->pend_n++] = q->kind;
		} else {
			mark_by(m, x->subject, q->kind);
		}
	}
	if (any)
		w->matched++;
	else
		w->unmatched++;
}

/* The end of a record: its categories go to the subjects found in it. */
static void
record_end(struct mwork *w, uint32_t cats)
{
	struct mctx *m = w->m;

	for (size_t i = 0; i < w->pend_n; i++) {
		__atomic_fetch_or(
		    &m->found[w->pend[i]], cats, __ATOMIC_RELAXED);
		mark_by(m, w->pend[i], w->pend_kind[i]);
	}
	w->pend_n = 0;
}

/*
 * The candidates in two passes: the first slot with each one's
 * fingerprint (prefetched when it became a candidate) gives the entry to
 * prefetch (the stored entries are tens of MiB too); then, in order, the
 * lookups and the record ends.
 */
static void
run_cand(struct mwork *w)
{
	const struct mctx *m = w->m;

	for (size_t i = 0; i < w->cand_n; i++) {
		const struct mevent *q = &w->cand[i];
		size_t pos = 0;
		uint32_t idx;

		if (q->kind != MATCH_NONE &&
		    match_table_next(m->tab, q->tag, &pos, &idx))
			__builtin_prefetch(&m->ent[idx]);
	}
	for (size_t i = 0; i < w->cand_n; i++) {
		const struct mevent *q = &w->cand[i];

		if (q->kind == MATCH_NONE)
			record_end(w, q->cats);
		else
			lookup(w, q);
	}
	w->cand_n = 0;
}

static void
cand_push(struct mwork *w, const struct mevent *q)
{
	w->cand[w->cand_n++] = *q;
	if (w->cand_n == BATCH_N)
		run_cand(w);
}

/*
 * What arrived, through the filter (its words were prefetched on
 * arrival).  A record end goes to the candidates while some wait there;
 * with none waiting, all of the record's lookups are done and it is
 * applied at once.
 */
static void
run_arr(struct mwork *w)
{
	const struct mctx *m = w->m;

	for (size_t i = 0; i < w->arr_n; i++) {
		const struct mevent *q = &w->arr[i];

		if (q->kind == MATCH_NONE) {
			if (w->cand_n > 0)
				cand_push(w, q);
			else
				record_end(w, q->cats);
		} else if (match_filter_has(m->filt, q->tag)) {
			match_table_prefetch(m->tab, q->tag);
			cand_push(w, q);
		} else {
			w->unmatched++;
		}
	}
	w->arr_n = 0;
}

/*
 * The lookups of one chunk (entries as checked by scan.c), then the rest
 * of the queues: a chunk ends after a record's end, except the last of a
 * file whose child was cut short, whose last record still counts its
 * matches.
 */
static void
work_chunk(struct mwork *w, const struct chunk *c)
{
	const struct mctx *m = w->m;

	for (size_t i = 0; i < c->n;) {
		unsigned kind = c->b[i], len = c->b[i + 1];
		const unsigned char *v = c->b + i + 2;
		struct mevent *q = &w->arr[w->arr_n++];

		q->kind = (uint8_t)kind;
		q->len = (uint8_t)len;
		if (kind == MATCH_NONE) {
			q->cats = (uint32_t)v[0] | (uint32_t)v[1] << 8 |
			          (uint32_t)v[2] << 16 | (uint32_t)v[3] << 24;
		} else {
			w->identifiers++;
			q->tag =
			    match_tag(&m->keys, kind, (const char *)v, len);
			q->v = v;
			match_filter_prefetch(m->filt, q->tag);
		}
		if (w->arr_n == BATCH_N)
			run_arr(w);
		i += 2 + len;
	}
	run_arr(w);
	run_cand(w);
	record_end(w, 0);
}

/*
 * The stored blocks into the entries, the table and the filter, then the
 * per-subject bits; ready for lookups.  Runs on the first helper, after
 * the fork, while the child scans (it needs no index, and frees its copy
 * of the empty arrays); the store handle is the helper's alone until it
 * is joined.
 */
static void
index_load(struct mctx *m)
{
	double t0 = mono();
	enum err rc = store_subject_pack_each(m->st, load_block, m);

	m->by = xcalloc((size_t)m->max_sid + 1, sizeof(*m->by));
	m->found = xcalloc((size_t)m->max_sid + 1, sizeof(*m->found));
	m->load_s = mono() - t0;
	pthread_mutex_lock(&m->mu);
	m->load_rc = rc;
	m->ready = true;
	pthread_mutex_unlock(&m->mu);
	pthread_cond_broadcast(&m->cv_free);
}

static struct chunk *
full_pop_locked(struct mctx *m)
{
	struct chunk *c = m->full_head;

	m->full_head = c->next;
	if (m->full_head == NULL)
		m->full_tail = NULL;
	m->full_n--;
	return c;
}

static void
free_push_locked(struct mctx *m, struct chunk *c)
{
	c->next = m->free_c;
	m->free_c = c;
}

static void *
helper_main(void *arg)
{
	struct mctx *m = arg;

	if (!m->ready)
		index_load(m); /* the first helper; no lock: only it writes
		                  `ready` */
	pthread_mutex_lock(&m->mu);
	for (;;) {
		struct chunk *c;

		while (m->full_n == 0 && !m->stop)
			pthread_cond_wait(&m->cv_work, &m->mu);
		if (m->full_n == 0)
			break;
		c = full_pop_locked(m);
		pthread_mutex_unlock(&m->mu);
		work_chunk(&m->w[1], c);
		pthread_mutex_lock(&m->mu);
		free_push_locked(m, c);
		pthread_cond_signal(&m->cv_free);
	}
	pthread_mutex_unlock(&m->mu);
	return NULL;
}

/*
 * The helper starts with the first chunk of a file, so after the fork:
 * the scan child never has it, and the fork is made from one thread.
 * The first one loads the index before its lookups, while the child
 * scans and the reading thread queues chunks.  Its stack is ours, wiped
 * after the join, so that the next file's child does not inherit
 * key-derived state from it (the child scrubs only its own stack).
 * Signals stay with the reading thread.  When the thread cannot be made,
 * the reading thread loads the index and does all the lookups.
 */
static void
helper_start(struct mctx *m)
{
	pthread_attr_t at;
	sigset_t all, old;

	m->helper_tried = true;
	m->stop = false;
	if (m->helper_stack.p == NULL)
		match_mem_alloc(&m->helper_stack, HELPER_STACK, false);
	if (pthread_attr_init(&at) != 0) {
		if (!m->ready)
			index_load(m);
		return;
	}
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_attr_setstack(&at, m->helper_stack.p, HELPER_STACK) == 0 &&
	    pthread_create(&m->helper, &at, helper_main, m) == 0)
		m->helper_on = true;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&at);
	if (!m->helper_on && !m->ready)
		index_load(m);
}

static void
helper_stop(struct mctx *m)
{
	pthread_mutex_lock(&m->mu);
	m->stop = true;
	pthread_cond_signal(&m->cv_work);
	pthread_mutex_unlock(&m->mu);
	pthread_join(m->helper, NULL);
	m->helper_on = false;
	sodium_memzero(m->helper_stack.p, HELPER_STACK);
}

/* The oldest waiting chunk, looked up by the reading thread; under mu,
 * once the index is ready. */
static void
work_oldest_locked(struct mctx *m)
{
	struct chunk *c = full_pop_locked(m);

	pthread_mutex_unlock(&m->mu);
	work_chunk(&m->w[0], c);
	pthread_mutex_lock(&m->mu);
	free_push_locked(m, c);
}

/*
 * A chunk to fill: a free one; a new one while there are few, or while
 * the index loads (the child keeps scanning meanwhile); else the oldest
 * waiting one once the reading thread has looked it up itself.
 */
static struct chunk *
chunk_get(struct mctx *m)
{
	struct chunk *c = NULL;

	pthread_mutex_lock(&m->mu);
	for (;;) {
		if (m->free_c != NULL) {
			c = m->free_c;
			m->free_c = c->next;
			break;
		}
		if (m->chunks_n < (m->ready ? CHUNKS : CHUNKS_LOADING)) {
			c = xmalloc(sizeof(*c));
			m->all[m->chunks_n++] = c;
			break;
		}
		if (m->ready && m->full_n > 0)
			work_oldest_locked(m);
		else
			pthread_cond_wait(&m->cv_free, &m->mu);
	}
	pthread_mutex_unlock(&m->mu);
	c->n = 0;
	return c;
}

/* Queue the current chunk; while two wait, the reading thread helps. */
static void
chunk_put(struct mctx *m)
{
	struct chunk *c = m->cur;
	size_t waiting;

	m->cur = NULL;
	if (c == NULL)
		return;
	if (c->n > 0 && !m->helper_on)
		work_chunk(&m->w[0], c); /* no helper: this thread does it */
	if (c->n == 0 || !m->helper_on) {
		pthread_mutex_lock(&m->mu);
		free_push_locked(m, c);
		pthread_mutex_unlock(&m->mu);
		return;
	}
	pthread_mutex_lock(&m->mu);
	c->next = NULL;
	if (m->full_tail != NULL)
		m->full_tail->next = c;
	else
		m->full_head = c;
	m->full_tail = c;
	waiting = ++m->full_n;
	if (!m->ready)
		waiting = 0; /* nothing to look up with yet */
	pthread_mutex_unlock(&m->mu);
	/* signalled without the lock: a helper woken while we hold it
	 * would only block on it again (a second wake-up) */
	pthread_cond_signal(&m->cv_work);
	if (waiting > 1) {
		pthread_mutex_lock(&m->mu);
		while (m->full_n > 1)
			work_oldest_locked(m);
		pthread_mutex_unlock(&m->mu);
	}
}

/* Room for `need` more bytes in the current chunk. */
static unsigned char *
chunk_room(struct mctx *m, size_t need)
{
	if (m->cur == NULL) {
		if (!m->helper_tried)
			helper_start(m);
		m->cur = chunk_get(m);
	}
	assert(m->cur->n + need <= CHUNK_BYTES);
	return m->cur->b + m->cur->n;
}

/* Whole groups of identifiers and record ends (called from scan_file):
 * a chunk ends only after a group, so every record is looked up by one
 * thread. */
static void
on_idents(void *arg, const unsigned char *g, size_t n)
{
	struct mctx *m = arg;

	memcpy(chunk_room(m, n), g, n);
	m->cur->n += n;
	if (m->cur->n > CHUNK_BYTES - GROUP_MAX)
		chunk_put(m);
}

/* After a file: the last chunk, the helper joined, the counts added up. */
static void
end_file(struct mctx *m)
{
	chunk_put(m);
	if (m->helper_on)
		helper_stop(m);
	m->helper_tried = false;
	for (size_t i = 0; i < nitems(m->w); i++) {
		struct mwork *w = &m->w[i];

		m->sum->identifiers += w->identifiers;
		m->sum->candidates += w->candidates;
		m->sum->matched += w->matched;
		m->sum->unmatched += w->unmatched;
		w->identifiers = w->candidates = w->matched = w->unmatched = 0;
	}
}

/* In the scan child, before it reads the leak: no keys, no index. */
static void
child_wipe(void *arg)
{
	struct mctx *m = arg;

	sodium_memzero(&m->keys, sizeof(m->keys));
	match_filter_free(m->filt);
	m->filt = NULL;
	match_table_free(m->tab);
	m->tab = NULL;
	match_mem_release(&m->ent_mem);
	m->ent = NULL;
	match_mem_release(&m->helper_stack);
}

static void
mctx_init(struct mctx *m, struct match_sum *sum)
{
	memset(m, 0, sizeof(*m));
	m->sum = sum;
	for (size_t i = 0; i < nitems(m->w); i++)
		m->w[i].m = m;
	pthread_mutex_init(&m->mu, NULL);
	pthread_cond_init(&m->cv_work, NULL);
	pthread_cond_init(&m->cv_free, NULL);
}

static void
mctx_release(struct mctx *m)
{
	sodium_memzero(&m->keys, sizeof(m->keys));
	match_filter_free(m->filt);
	match_table_free(m->tab);
	match_mem_release(&m->ent_mem);
	match_mem_release(&m->helper_stack);
	for (size_t i = 0; i < m->chunks_n; i++)
		free(m->all[i]);
	pthread_mutex_destroy(&m->mu);
	pthread_cond_destroy(&m->cv_work);
	pthread_cond_destroy(&m->cv_free);
	free(m->by);
	free(m->found);
}

static const char *
kind_name(unsigned k)
{
	return match_kind_name(k);
}

/* An affected subject while the list is built (refs in the arena). */
struct collect {
	const struct mctx *m;
	struct arena *a;
	struct match_row *rows;
	size_t n, cap, packs;
};

static enum err
collect_subject(void *arg, int64_t id, const char *ref)
{
	struct collect *c = arg;
	const struct mctx *m = c->m;

	if (id <= 0 || id > (int64_t)m->max_sid || m->by[id] == 0)
		return ERR_OK;
	/* not UTF-8: left out, as jansson's json_string() left it out */
	if (!utf8_valid(ref, strlen(ref)))
		return ERR_OK;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 1024;
		c->rows = xreallocarray(c->rows, c->cap, sizeof(*c->rows));
	}
	/* the lookups are over: the bits are final */
	c->rows[c->n].ref = arena_strdup(c->a, ref);
	c->rows[c->n].by = m->by[id];
	c->rows[c->n].found = m->found[id];
	c->n++;
	return ERR_OK;
}

/* A block of refs (store_subject_ref_pack_each): each ends with a NUL,
 * exactly n of them; only the affected subjects' are kept. */
static enum err
collect_pack(void *arg, int64_t first, size_t n, const char *d, size_t len)
{
	struct collect *c = arg;
	const char *p = d, *end = d + len;
	enum err rc = ERR_OK;

	c->packs++;
	for (size_t k = 0; k < n && rc == ERR_OK; k++) {
		const char *z = memchr(p, '\0', (size_t)(end - p));

		if (z == NULL || z == p) /* the import writes no empty id */
			return ERR_INTERNAL;
		rc = collect_subject(c, first + (int64_t)k, p);
		p = z + 1;
	}
	return rc == ERR_OK && p != end ? ERR_INTERNAL : rc;
}

/* The affected subjects' refs: from the blocks of refs, or from the rows
 * of an index imported before there were blocks (or with none). */
static enum err
collect_all(struct svc *s, struct collect *c, struct svc_err *e)
{
	enum err rc = store_subject_ref_pack_each(s->st, collect_pack, c);

	if (rc == ERR_OK && c->packs == 0)
		rc = store_subject_each(s->st, collect_subject, c);
	if (rc == ERR_INTERNAL && store_errmsg(s->st)[0] == '\0')
		svc_err_msg(e, "the subject index is inconsistent; import it "
		               "again");
	else if (rc != ERR_OK)
		svc_store_err(s, rc, "reading the subject index", e);
	return rc;
}

static int
by_ref(const void *a, const void *b)
{
	return strcmp(((const struct match_row *)a)->ref,
	    ((const struct match_row *)b)->ref);
}

/* Already in order?  Subjects are numbered in the order of the import's
 * CSV, which is often sorted by id: then one pass of n - 1 compares
 * replaces the merge sort's n log n (small: 0.14 % of a dry run's
 * samples for 393,445 rows). */
static bool
rows_sorted(const struct collect *c)
{
	for (size_t i = 1; i < c->n; i++) {
		if (strcmp(c->rows[i - 1].ref, c->rows[i].ref) > 0)
			return false;
	}
	return true;
}

/* The affected list, sorted by id (stable, golden-file friendly). */
static void
collect_finish(struct collect *c, struct match_affected *out)
{
	if (!rows_sorted(c))
		qsort(c->rows, c->n, sizeof(*c->rows), by_ref);
	out->rows = c->rows;
	out->n = c->n;
	out->a = c->a;
}

void
match_affected_release(struct match_affected *l)
{
	free(l->rows);
	arena_free(l->a);
	memset(l, 0, sizeof(*l));
}

/* A line break and the indent of `depth` (JSON_INDENT), or nothing
 * (JSON_COMPACT): jansson's dump_indent(). */
static enum err
put_indent(struct buf *b, int indent, int depth)
{
	static const char nl[] = "\n                                ";
	size_t n = (size_t)indent * (size_t)depth;
	enum err rc;

	if (indent == 0)
		return ERR_OK;
	if (n + 1 < sizeof(nl))
		return buf_append(b, nl, n + 1); /* one call: 400,000 rows */
	rc = buf_putc(b, '\n');
	for (size_t i = 0; rc == ERR_OK && i < n; i++)
		rc = buf_putc(b, ' ');
	return rc;
}

enum err
match_names_put(struct buf *b, uint32_t bits, bool found, int indent, int depth)
{
	unsigned max = found ? SCAN_CAT__MAX : MATCH_KIND__MAX;
	bool first = true;
	enum err rc;

	if (bits == 0)
		return buf_puts(b, "[]");
	rc = buf_putc(b, '[');
	for (unsigned k = 0; rc == ERR_OK && k < max; k++) {
		if ((bits & (1u << k)) == 0)
			continue;
		if (!first)
			rc = buf_putc(b, ',');
		first = false;
		if (rc == ERR_OK)
			rc = put_indent(b, indent, depth + 1);
		if (rc == ERR_OK)
			rc = json_str_put(
			    b, found ? scan_cat_name(k) : kind_name(k));
	}
	if (rc == ERR_OK)
		rc = put_indent(b, indent, depth);
	return rc == ERR_OK ? buf_putc(b, ']') : rc;
}

/* One member of a row: `key` then its value at depth + 1. */
static enum err
put_key(struct buf *b, const char *key, bool first, int indent, int depth)
{
	enum err rc = first ? ERR_OK : buf_putc(b, ',');

	if (rc == ERR_OK)
		rc = put_indent(b, indent, depth + 1);
	if (rc == ERR_OK)
		rc = json_str_put(b, key);
	return rc == ERR_OK ? buf_puts(b, indent ? ": " : ":") : rc;
}

/* The list as JSON text appended to `b`, as json_dumps() writes the array
 * of {"id", "by", "found"} objects, nested `depth` deep. */
static enum err
match_affected_put(
    const struct match_affected *l, struct buf *b, int indent, int depth)
{
	enum err rc;

	if (l->n == 0)
		return buf_puts(b, "[]");
	rc = buf_putc(b, '[');
	for (size_t i = 0; rc == ERR_OK && i < l->n; i++) {
		const struct match_row *r = &l->rows[i];
		int d = depth + 1;

		if (i > 0)
			rc = buf_putc(b, ',');
		if (rc == ERR_OK)
			rc = put_indent(b, indent, d);
		if (rc == ERR_OK)
			rc = buf_putc(b, '{');
		if (rc == ERR_OK)
			rc = put_key(b, "id", true, indent, d);
		if (rc == ERR_OK)
			rc = json_str_put(b, r->ref);
		if (rc == ERR_OK)
			rc = put_key(b, "by", false, indent, d);
		if (rc == ERR_OK)
			rc = match_names_put(b, r->by, false, indent, d + 1);
		if (rc == ERR_OK)
			rc = put_key(b, "found", false, indent, d);
		if (rc == ERR_OK)
			rc = match_names_put(b, r->found, true, indent, d + 1);
		if (rc == ERR_OK)
			rc = put_indent(b, indent, d);
		if (rc == ERR_OK)
			rc = buf_putc(b, '}');
	}
	if (rc == ERR_OK)
		rc = put_indent(b, indent, depth);
	return rc == ERR_OK ? buf_putc(b, ']') : rc;
}

char *
match_affected_json(json_t *head, const struct match_affected *l, int indent)
{
	size_t flags = JSON_PRESERVE_ORDER |
	               (indent > 0 ? JSON_INDENT(indent) : JSON_COMPACT);
	size_t end = indent > 0 ? 2 : 1, len;
	char *text;
	struct buf b;

	if (!json_is_object(head) || json_object_size(head) == 0)
		BUG("match_affected_json: a summary object");
	text = json_dumps(head, flags);
	json_decref(head);
	if (text == NULL)
		BUG("json_dumps");
	/* the closing brace (after a line break when indented) goes; the
	 * list comes in as the last member */
	len = strlen(text) - end;
	buf_init(&b, SIZE_MAX / 2);
	if (buf_append(&b, text, len) != ERR_OK ||
	    put_key(&b, "affected", false, indent, 0) != ERR_OK ||
	    match_affected_put(l, &b, indent, 1) != ERR_OK ||
	    put_indent(&b, indent, 0) != ERR_OK || buf_putc(&b, '}') != ERR_OK)
		BUG("out of memory");
	free(text);
	return b.p;
}

/* ---- the union of the affected events ------------------------------------ */

struct aff {
	json_t *map;
	enum err rc;
};

static void
merge_names(json_t *into, json_t *from)
{
	size_t i;
	json_t *v;

	json_array_foreach (from, i, v) {
		bool have = false;
		size_t j;
		json_t *w;

		json_array_foreach (into, j, w)
			have = have || json_equal(v, w);
		if (!have)
			json_array_append(into, v);
	}
}

static enum err
aff_event(void *arg, const struct event *ev)
{
	struct aff *a = arg;
	json_t *p, *list, *x;
	size_t i;

	if (strcmp(ev->kind, "affected") != 0 || ev->erased)
		return ERR_OK;
	p = json_loads(ev->payload, 0, NULL);
	list = json_object_get(p, "affected");
	json_array_foreach (list, i, x) {
		const char *id = json_string_value(json_object_get(x, "id"));
		json_t *have;

		if (id == NULL)
			continue;
		have = json_object_get(a->map, id);
		if (have == NULL) {
			json_object_set_new(a->map, id,
			    json_pack("{s:O, s:O}", "by",
			        json_object_get(x, "by"), "found",
			        json_object_get(x, "found")));
			continue;
		}
		merge_names(
		    json_object_get(have, "by"), json_object_get(x, "by"));
		merge_names(json_object_get(have, "found"),
		    json_object_get(x, "found"));
	}
	json_decref(p);
	return ERR_OK;
}

enum err
svc_affected_load(
    struct svc *s, const struct incident *in, json_t **out, struct svc_err *e)
{
	struct aff a = { json_object(), ERR_OK };
	enum err rc = store_event_each(s->st, in->id, aff_event, &a);

	if (rc != ERR_OK) {
		json_decref(a.map);
		return svc_store_err(s, rc, "reading the affected list", e);
	}
	*out = a.map;
	return ERR_OK;
}

/* ---- scan --incident ------------------------------------------------------ */

static enum err
scan_event(
    struct svc *s, struct incident *in, const json_t *scan, struct svc_err *e)
{
	return svc_event(s, in, "scan", json_deep_copy(scan), e);
}

enum err
svc_scan_record(
    struct svc *s, const char *id, const json_t *scan, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct incident in;
	enum err rc;

	rc = svc_tx_begin(s, id, a, &in, e);
	if (rc == ERR_OK) {
		rc = scan_event(s, &in, scan, e);
		if (rc == ERR_OK)
			rc = svc_incident_save(s, &in, e);
		rc = svc_tx_finish(s, rc, e);
	}
	arena_free(a);
	return rc;
}

/* ---- match ---------------------------------------------------------------- */

/* The keys and the memory of the index; the blocks are read by
 * index_load (on the helper, beside the first file's scan). */
static enum err
index_open(struct svc *s, struct mctx *m, struct svc_err *e)
{
	struct subject_secret sec;
	enum err rc;

	rc = store_subject_secret_get(s->st, s->a, &sec);
	if (rc == ERR_NOTFOUND) {
		svc_err_msg(e, "there is no subject index yet: run breachkit "
		               "subjects import FILE.csv first");
		return ERR_INVAL;
	}
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "reading the subject index", e);
	match_keys_derive(sec.secret, &m->keys);
	sodium_memzero(sec.secret, sizeof(sec.secret));
	if (!norm_phone_set_region(sec.phone_region)) {
		svc_err_msg(e, "the subject index has an unknown phone region");
		return ERR_INTERNAL;
	}
	m->cap = sec.identifiers > 0 ? (size_t)sec.identifiers : 1;
	match_mem_alloc(&m->ent_mem, m->cap * sizeof(*m->ent), false);
	m->ent = m->ent_mem.p;
	m->tab = match_table_new(m->cap);
	m->filt = match_filter_new(m->cap);
	m->st = s->st;
	m->sum->indexed = (size_t)sec.subjects;
	return ERR_OK;
}

/* After the helper that loaded the index was joined: how it went. */
static enum err
index_loaded(struct svc *s, const struct mctx *m, struct svc_err *e)
{
	if (m->load_rc == ERR_INTERNAL && store_errmsg(s->st)[0] == '\0')
		svc_err_msg(e, "the subject index is inconsistent; import it "
		               "again");
	else if (m->load_rc != ERR_OK)
		svc_store_err(s, m->load_rc, "reading the subject index", e);
	return m->load_rc;
}

/* The "affected" event's payload (DUMP_FLAGS, as svc_event dumps). */
static char *
affected_payload(const struct match_req *rq, const struct match_sum *sum,
    const struct match_affected *list)
{
	json_t *files = json_array();

	for (size_t i = 0; i < rq->files_n; i++)
		json_array_append_new(files, json_string(rq->files[i]));
	return match_affected_json(
	    json_pack("{s:o, s:b, s:I, s:I, s:I, s:I}", "files", files,
	        "partial", sum->partial, "identifiers",
	        (json_int_t)sum->identifiers, "matched",
	        (json_int_t)sum->matched, "unmatched",
	        (json_int_t)sum->unmatched, "count", (json_int_t)list->n),
	    list, 0);
}

/* Record the scan, the affected list and the count; one transaction. */
static enum err
record_match(struct svc *s, const struct match_req *rq, struct mctx *m,
    const json_t *scan, const struct match_affected *list, struct svc_err *e)
{
	struct arena *a = arena_new();
	struct match_sum *sum = m->sum;
	struct incident in;
	json_t *all = NULL, *patch;
	enum err rc;

	rc = svc_tx_begin(s, rq->id, a, &in, e);
	if (rc != ERR_OK) {
		arena_free(a);
		return rc;
	}
	/* The union with the lists recorded before: their ids, and those of
	 * the new list that are not among them (the new list's ids are
	 * distinct).  Counted before the new event is written, so that its
	 * JSON is not parsed back. */
	rc = svc_affected_load(s, &in, &all, e);
	if (rc == ERR_OK) {
		sum->affected_total = json_object_size(all);
		for (size_t i = 0; i < list->n; i++) {
			if (json_object_get(all, list->rows[i].ref) == NULL)
				sum->affected_total++;
		}
		json_decref(all);
		all = NULL;
		rc = scan_event(s, &in, scan, e);
	}
	if (rc == ERR_OK) {
		char *text = affected_payload(rq, sum, list);

		rc = svc_event_text(s, &in, "affected", text, e);
		free(text);
	}
	if (rc == ERR_OK) {
		patch = json_pack("{s:{s:I, s:b}}", "subjects", "count",
		    (json_int_t)sum->affected_total, "count_is_estimate",
		    sum->estimate);
		rc = svc_facts_patch_tx(
		    s, &in, patch, "subjects.count from breachkit match", a, e);
		json_decref(patch);
		e->msg[0] = '\0'; /* "nothing changed" is fine here */
	}
	if (rc == ERR_OK)
		rc = svc_incident_save(s, &in, e);
	rc = svc_tx_finish(s, rc, e);
	json_decref(all);
	arena_free(a);
	return rc;
}

enum err
svc_match(struct svc *s, const struct match_req *rq, struct scan_result *res,
    struct match_affected *affected, struct match_sum *sum, struct svc_err *e)
{
	struct mctx m;
	struct scan_opts o = *rq->opts;
	struct incident in;
	struct collect col;
	struct match_affected list;
	json_t *scan = NULL;
	double t0;
	enum err rc, frc = ERR_OK;

	memset(sum, 0, sizeof(*sum));
	mctx_init(&m, sum);
	memset(affected, 0, sizeof(*affected));
	rc = svc_resolve(s, rq->id, s->a, &in, e);
	if (rc == ERR_OK)
		rc = index_open(s, &m, e);
	if (rc != ERR_OK)
		goto out;
	/* the index loads on the helper, started with the first chunk of
	 * identifiers, so after the fork: the child has only the empty
	 * arrays, and forks from a single thread (the store is the
	 * helper's until it is joined, in end_file) */
	t0 = mono();
	/* Detector threads: as many as for a scan (the online CPUs) unless
	 * told otherwise.  With the filter the parent's share is small
	 * enough that a detector thread fewer than the cores left a core
	 * half idle (docs/benchmarks.md, "Subject matching"). */
	o.idents = on_idents;
	o.ident_ctx = &m;
	o.child_wipe = child_wipe;
	for (size_t i = 0; i < rq->files_n; i++) {
		enum err r;

		if (o.interrupt != NULL && *o.interrupt)
			break;
		r = scan_file(rq->files[i], &o, res);
		end_file(&m);
		if (r == ERR_INTR)
			frc = ERR_INTR;
		else if (r != ERR_OK && frc == ERR_OK)
			frc = r;
	}
	if (!m.ready)
		index_load(&m); /* no identifier came: checked all the same */
	sum->load_s = m.load_s;
	rc = index_loaded(s, &m, e);
	if (rc != ERR_OK)
		goto out;
	if (o.interrupt != NULL && *o.interrupt)
		res->interrupted = true;
	sum->scan_s = mono() - t0;
	sum->partial = frc != ERR_OK || res->interrupted;
	/* Unmatched identifiers may be people outside our index, or ours
	 * under identifiers we do not hold: the count is a lower bound. */
	sum->estimate = sum->partial || sum->unmatched > 0;
	memset(&col, 0, sizeof(col));
	col.m = &m;
	col.a = arena_new();
	rc = collect_all(s, &col, e);
	if (rc != ERR_OK) {
		free(col.rows);
		arena_free(col.a);
		goto out;
	}
	collect_finish(&col, &list);
	sum->affected = list.n;
	scan = scan_result_json(res);
	if (!rq->dry_run)
		rc = record_match(s, rq, &m, scan, &list, e);
	if (rc == ERR_OK) {
		*affected = list;
		rc = frc;
		if (rc != ERR_OK)
			svc_err_msg(e, "%s",
			    rc == ERR_INTR ? "interrupted: the results "
			                     "are partial (recorded as such)"
			                   : "a file could not be scanned "
			                     "completely (see above)");
	} else {
		match_affected_release(&list);
	}
out:
	json_decref(scan);
	mctx_release(&m);
	return rc;
}
