/* SPDX-License-Identifier: MIT */
/*
 * store/backend_sqlite.c: the SQLite backend, the only file that includes
 * <sqlite3.h>.  One file, WAL, foreign keys, secure_delete, defensive mode;
 * every statement prepared once at open.  A file is checked to be ours
 * (SQLite header, application_id, schema version) before any pragma that
 * could change it runs.
 */
#include "base/base.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/xalloc.h"
#include "store/store_int.h"

/* 'BRKT': marks a breachkit register in the SQLite header; 'BRKA' its
 * access log (<register>-access, attached as "audit"). */
#define APPLICATION_ID        0x42524B54
#define APPLICATION_ID_ACCESS 0x42524B41
/* How long a writer waits for another before reporting "busy", unless
 * store_busy_timeout() says otherwise. */
#define BUSY_TIMEOUT_MS 5000

/* The transaction statements, prepared once like the others: compiling
 * "BEGIN" and "COMMIT" on every request cost the server a tenth of its
 * time (bench/http.sh). */
enum tx { TX_BEGIN, TX_BEGIN_WRITE, TX_COMMIT, TX_ROLLBACK, TX__MAX };

static const char *const tx_sql[TX__MAX] = {
	[TX_BEGIN] = "BEGIN",
	[TX_BEGIN_WRITE] = "BEGIN IMMEDIATE",
	[TX_COMMIT] = "COMMIT",
	[TX_ROLLBACK] = "ROLLBACK",
};

struct sq {
	sqlite3 *db;
	sqlite3_stmt *st[STMT__MAX];
	sqlite3_stmt *tx[TX__MAX];
	int64_t busy_since; /* microseconds, CLOCK_MONOTONIC */
	int busy_ms;        /* how long to wait; 0: BUSY_TIMEOUT_MS */
	int last_rc;
	char msg[512];
};

static enum err
map_rc(struct sq *q, int rc)
{
	q->last_rc = rc;
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return ERR_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ERR_BUSY;
	case SQLITE_CONSTRAINT:
		return ERR_CONFLICT;
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
		return ERR_IO;
	default:
		return ERR_DB;
	}
}

static enum err
fail(struct sq *q, int rc)
{
	snprintf(q->msg, sizeof(q->msg), "%s", sqlite3_errmsg(q->db));
	return map_rc(q, rc);
}

/*
 * Is `path` an SQLite file?  Reads the 16-byte header without opening the
 * file as a database, so nothing is ever written to a stranger's file.
 * The read goes through SQLite's VFS, not open()/close(): closing any
 * descriptor of a file drops every POSIX lock the process holds on it,
 * so a server worker opening its handle would silently release the locks
 * of the others, and another process would then take itself for the last
 * user and delete the WAL under them (the writes after that were lost).
 * SQLite's unix VFS defers such a close while locks are held.
 */
static enum err
check_header(const char *path, char **errmsg)
{
	static const char magic[16] = "SQLite format 3";
	sqlite3_vfs *vfs = sqlite3_vfs_find(NULL);
	sqlite3_file *f;
	char hdr[16];
	int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, out = 0, rc;

	if (access(path, F_OK) != 0) {
		*errmsg =
		    xasprintf("cannot open %s: %s", path, strerror(errno));
		return errno == ENOENT ? ERR_NOTFOUND : ERR_IO;
	}
	f = xcalloc(1, (size_t)vfs->szOsFile);
	rc = vfs->xOpen(vfs, path, f, flags, &out);
	if (rc != SQLITE_OK) {
		free(f);
		*errmsg = xasprintf("cannot open %s", path);
		return ERR_IO;
	}
	rc = f->pMethods->xRead(f, hdr, sizeof(hdr), 0);
	f->pMethods->xClose(f);
	free(f);
	if (rc != SQLITE_OK || memcmp(hdr, magic, 16) != 0) {
		*errmsg = xasprintf("%s is not a breachkit register (not an "
		                    "SQLite database); it was left untouched",
		    path);
		return ERR_INVAL;
	}
	return ERR_OK;
}

/*
 * Wait for another writer, at most busy_ms (BUSY_TIMEOUT_MS).  SQLite's own handler
 * sleeps 1, 2, 5, 10, ... ms between tries, while the server's writes (a
 * batch of reads' audit records) take about a tenth of a millisecond: a
 * worker slept ten times as long as it had to wait, with requests queued
 * behind it (bench/http.sh).  Here: yield a few times, then sleep from
 * 50 us doubling up to 2 ms.
 */
static int
busy_wait(void *arg, int tries)
{
	struct sq *q = arg;
	struct timespec now, nap = { 0, 0 };
	int64_t us;

	clock_gettime(CLOCK_MONOTONIC, &now);
	us = (int64_t)now.tv_sec * 1000000 + now.tv_nsec / 1000;
	if (tries == 0)
		q->busy_since = us;
	else if (us - q->busy_since >=
	         (int64_t)(q->busy_ms > 0 ? q->busy_ms : BUSY_TIMEOUT_MS) *
	             1000)
		return 0;
	if (tries < 4) {
		sched_yield();
		return 1;
	}
	nap.tv_nsec = 50000L << (tries - 4 < 5 ? tries - 4 : 5);
	if (nap.tv_nsec > 2000000L)
		nap.tv_nsec = 2000000L;
	nanosleep(&nap, NULL);
	return 1;
}

static int
pragma_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *s = NULL;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(s, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

static int sq_schema_version(void *);

static enum err
sq_setup(struct sq *q, bool create)
{
	static const char *const pragmas[] = {
		"PRAGMA journal_mode = WAL",
		"PRAGMA foreign_keys = ON",
		"PRAGMA synchronous = NORMAL",
		"PRAGMA secure_delete = ON",
		"PRAGMA trusted_schema = OFF",
	};
	char sql[64];
	int rc;

	sqlite3_busy_handler(q->db, busy_wait, q);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
	sqlite3_db_config(
	    q->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	if (create) {
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d",
		    APPLICATION_ID);
		rc = sqlite3_exec(q->db, sql, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return fail(q, rc);
	}
	for (size_t i = 0; i < nitems(pragmas); i++) {
		rc = sqlite3_exec(q->db, pragmas[i], NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return fail(q, rc);
	}
	return ERR_OK;
}

/*
 * Apply migration m to `schema` ("main" or "audit") in one transaction that
 * reads the version again under the write lock: another process may have
 * applied it since the caller looked.
 */
static enum err
run_migration(struct sq *q, const char *schema, const struct migration *m)
{
	char sql[80];
	int rc, v = 0;

	rc = sqlite3_exec(q->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return fail(q, rc);
	snprintf(sql, sizeof(sql), "PRAGMA %s.user_version", schema);
	rc = pragma_int(q->db, sql, &v);
	if (rc == SQLITE_OK && v < m->version) {
		rc = sqlite3_exec(q->db, m->sql, NULL, NULL, NULL);
		snprintf(sql, sizeof(sql), "PRAGMA %s.user_version = %d",
		    schema, m->version);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(q->db, sql, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(q->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		enum err e = fail(q, rc);

		sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
		return e;
	}
	return ERR_OK;
}

/* Apply the access log's own migrations (schema/sqlite-audit); nothing is
 * locked when the file is current. */
static enum err
audit_migrate(struct sq *q)
{
	struct migration m[8];
	size_t n = migrations_get("sqlite-audit", m, nitems(m));
	int newest = n > 0 ? m[n - 1].version : 0;
	int rc, v = 0;
	enum err e = ERR_OK;

	rc = pragma_int(q->db, "PRAGMA audit.user_version", &v);
	if (rc != SQLITE_OK)
		return fail(q, rc);
	if (v > newest)
		return ERR_INVAL;
	for (size_t i = 0; i < n && e == ERR_OK; i++)
		if (v < m[i].version)
			e = run_migration(q, "audit", &m[i]);
	return e;
}

/*
 * Attach the access log, <path>-access (created if missing), as "audit":
 * it must be empty or carry APPLICATION_ID_ACCESS.  The reads the server
 * records go there, so that they never change the register's write-ahead
 * log: each such change makes every other connection drop its page cache
 * and memory map of the register.
 */
static enum err
attach_audit(struct sq *q, const char *path, bool memory, char **errmsg)
{
	static const char *const pragmas[] = {
		"PRAGMA audit.journal_mode = WAL",
		"PRAGMA audit.synchronous = NORMAL",
		"PRAGMA audit.secure_delete = ON",
	};
	char *apath =
	    memory ? xstrdup(":memory:") : xasprintf("%s-access", path);
	sqlite3_stmt *st = NULL;
	int rc, appid = 0, tables = 0;
	enum err e = ERR_OK;

	rc = sqlite3_prepare_v2(
	    q->db, "ATTACH DATABASE ? AS audit", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 1, apath, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*errmsg = xasprintf("cannot open the access log %s: %s", apath,
		    sqlite3_errmsg(q->db));
		free(apath);
		return ERR_IO;
	}
	rc = pragma_int(q->db, "PRAGMA audit.application_id", &appid);
	if (rc == SQLITE_OK)
		/* 0 until anything was ever created in the file. */
		rc = pragma_int(q->db, "PRAGMA audit.schema_version", &tables);
	if (rc == SQLITE_OK && appid != APPLICATION_ID_ACCESS &&
	    (appid != 0 || tables != 0)) {
		*errmsg = xasprintf("%s is not the access log of a breachkit "
		                    "register; it was left untouched",
		    apath);
		free(apath);
		return ERR_INVAL;
	}
	for (size_t i = 0; rc == SQLITE_OK && i < nitems(pragmas); i++)
		rc = sqlite3_exec(q->db, pragmas[i], NULL, NULL, NULL);
	if (rc == SQLITE_OK && appid == 0) {
		char sql[64];

		snprintf(sql, sizeof(sql), "PRAGMA audit.application_id = %d",
		    APPLICATION_ID_ACCESS);
		rc = sqlite3_exec(q->db, sql, NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK)
		e = fail(q, rc);
	if (e == ERR_OK)
		e = audit_migrate(q);
	if (e != ERR_OK)
		*errmsg =
		    e == ERR_INVAL
		        ? xasprintf("%s was written by a newer breachkit; "
		                    "upgrade breachkit",
		              apath)
		        : xasprintf("%s: %s", apath, q->msg);
	free(apath);
	return e;
}

static enum err
sq_open(const char *path, int mode, int newest, void **h, char **errmsg)
{
	struct sq *q = xcalloc(1, sizeof(*q));
	struct stat st;
	int flags, rc, appid = 0;
	enum err e;
	bool create = mode != 0;

	*errmsg = NULL;
	if (mode == 1 && stat(path, &st) == 0) {
		*errmsg = xasprintf("%s already exists; refusing to "
		                    "overwrite it",
		    path);
		e = ERR_CONFLICT;
		goto fail;
	}
	if (mode == 1) {
		/* A new register starts a new log: one left by a register of
		 * the same name would attribute its reads to our incidents. */
		char *apath = xasprintf("%s-access", path);
		bool there = stat(apath, &st) == 0;

		if (there)
			*errmsg =
			    xasprintf("%s already exists (the access log "
			              "of an earlier register?); refusing "
			              "to use it for a new one",
			        apath);
		free(apath);
		if (there) {
			e = ERR_CONFLICT;
			goto fail;
		}
	}
	if (mode == 0) {
		e = check_header(path, errmsg);
		if (e != ERR_OK)
			goto fail;
	}
	/* CREATE also for an existing register (checked above): the access
	 * log is attached with the same flags and may not exist yet. */
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
	        SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_CREATE;
	rc =
	    sqlite3_open_v2(mode == 2 ? ":memory:" : path, &q->db, flags, NULL);
	if (rc != SQLITE_OK) {
		*errmsg = xasprintf("cannot open %s: %s", path,
		    q->db ? sqlite3_errmsg(q->db) : "out of memory");
		e = ERR_IO;
		goto fail;
	}
	/* Wait for other writers from the first read on: the checks below
	 * read the file, and a busy file is not a foreign one. */
	sqlite3_busy_handler(q->db, busy_wait, q);
	if (!create) {
		rc = pragma_int(q->db, "PRAGMA application_id", &appid);
		if (rc != SQLITE_OK) {
			e = map_rc(q, rc) == ERR_BUSY ? ERR_BUSY : ERR_INVAL;
			*errmsg =
			    e == ERR_BUSY
			        ? xasprintf(
			              "%s is busy "
			              "(another process is writing); try again",
			              path)
			        : xasprintf(
			              "%s: %s", path, sqlite3_errmsg(q->db));
			goto fail;
		}
		if (appid != APPLICATION_ID) {
			*errmsg = xasprintf(
			    "%s is an SQLite database but not "
			    "a breachkit register; it was left untouched",
			    path);
			e = ERR_INVAL;
			goto fail;
		}
		if (sq_schema_version(q) > newest) {
			*errmsg = xasprintf(
			    "%s was written by a newer "
			    "breachkit (schema version %d; this build knows "
			    "up to %d); upgrade breachkit.  The file was left "
			    "untouched",
			    path, sq_schema_version(q), newest);
			e = ERR_INVAL;
			goto fail;
		}
	}
	e = sq_setup(q, create);
	if (e != ERR_OK) {
		*errmsg = e == ERR_BUSY
		              ? xasprintf("%s is busy (another "
		                          "process is writing); try again",
		                    path)
		              : xasprintf("%s: %s", path, q->msg);
		goto fail;
	}
	e = attach_audit(q, path, mode == 2, errmsg);
	if (e != ERR_OK)
		goto fail;
	*h = q;
	return ERR_OK;
fail:
	sqlite3_close(q->db);
	free(q);
	return e;
}

static void
sq_close(void *h)
{
	struct sq *q = h;

	if (q == NULL)
		return;
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(q->st[i]);
	for (int i = 0; i < TX__MAX; i++)
		sqlite3_finalize(q->tx[i]);
	sqlite3_close(q->db);
	free(q);
}

static int
sq_schema_version(void *h)
{
	struct sq *q = h;
	int v = -1;

	if (pragma_int(q->db, "PRAGMA user_version", &v) != SQLITE_OK)
		return -1;
	return v;
}

static enum err
sq_migrate(void *h, const struct migration *m)
{
	return run_migration(h, "main", m);
}

static enum err
sq_prepare_all(void *h)
{
	struct sq *q = h;
	int rc;

	for (int i = 0; i < STMT__MAX; i++) {
		if (sql_defs[i].sql == NULL)
			BUG("statement without SQL");
		rc = sqlite3_prepare_v3(q->db, sql_defs[i].sql, -1,
		    SQLITE_PREPARE_PERSISTENT, &q->st[i], NULL);
		if (rc != SQLITE_OK) {
			snprintf(q->msg, sizeof(q->msg), "statement %d: %s", i,
			    sqlite3_errmsg(q->db));
			return map_rc(q, rc);
		}
	}
	return ERR_OK;
}

/* Run one of the transaction statements, preparing it on first use. */
static int
tx_run(struct sq *q, enum tx t)
{
	int rc;

	if (q->tx[t] == NULL) {
		rc = sqlite3_prepare_v3(q->db, tx_sql[t], -1,
		    SQLITE_PREPARE_PERSISTENT, &q->tx[t], NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	rc = sqlite3_step(q->tx[t]);
	sqlite3_reset(q->tx[t]);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static enum err
sq_begin(void *h, bool write)
{
	struct sq *q = h;
	int rc;

	assert(sqlite3_get_autocommit(q->db));
	rc = tx_run(q, write ? TX_BEGIN_WRITE : TX_BEGIN);
	return rc == SQLITE_OK ? ERR_OK : fail(q, rc);
}

static enum err
sq_commit(void *h)
{
	struct sq *q = h;
	int rc;

	rc = tx_run(q, TX_COMMIT);
	return rc == SQLITE_OK ? ERR_OK : fail(q, rc);
}

static void
sq_rollback(void *h)
{
	struct sq *q = h;

	if (!sqlite3_get_autocommit(q->db))
		(void)tx_run(q, TX_ROLLBACK);
}

static void
sq_bind_i64(void *h, enum stmt s, int idx, int64_t v)
{
	sqlite3_bind_int64(((struct sq *)h)->st[s], idx, v);
}

static void
sq_bind_text(void *h, enum stmt s, int idx, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(((struct sq *)h)->st[s], idx);
	else
		sqlite3_bind_text(
		    ((struct sq *)h)->st[s], idx, v, -1, SQLITE_TRANSIENT);
}

static void
sq_bind_blob(void *h, enum stmt s, int idx, const void *p, size_t n)
{
	sqlite3_bind_blob64(((struct sq *)h)->st[s], idx, p, n, SQLITE_STATIC);
}

static void
sq_bind_null(void *h, enum stmt s, int idx)
{
	sqlite3_bind_null(((struct sq *)h)->st[s], idx);
}

static enum step
sq_step(void *h, enum stmt s)
{
	struct sq *q = h;
	int rc = sqlite3_step(q->st[s]);

	if (rc == SQLITE_ROW)
		return STEP_ROW;
	if (rc == SQLITE_DONE) {
		q->last_rc = rc;
		return STEP_DONE;
	}
	fail(q, rc);
	return STEP_ERR;
}

static int64_t
sq_col_i64(void *h, enum stmt s, int col)
{
	return sqlite3_column_int64(((struct sq *)h)->st[s], col);
}

static bool
sq_col_null(void *h, enum stmt s, int col)
{
	return sqlite3_column_type(((struct sq *)h)->st[s], col) == SQLITE_NULL;
}

static const char *
sq_col_text(void *h, enum stmt s, int col)
{
	return (const char *)sqlite3_column_text(((struct sq *)h)->st[s], col);
}

static const void *
sq_col_blob(void *h, enum stmt s, int col, size_t *len)
{
	const void *p = sqlite3_column_blob(((struct sq *)h)->st[s], col);

	*len = (size_t)sqlite3_column_bytes(((struct sq *)h)->st[s], col);
	return p;
}

static void
sq_reset(void *h, enum stmt s)
{
	sqlite3_reset(((struct sq *)h)->st[s]);
	sqlite3_clear_bindings(((struct sq *)h)->st[s]);
}

static int64_t
sq_changes(void *h)
{
	return sqlite3_changes64(((struct sq *)h)->db);
}

static enum err
sq_last_err(void *h)
{
	struct sq *q = h;

	return map_rc(q, q->last_rc);
}

static const char *
sq_errmsg(void *h)
{
	return ((struct sq *)h)->msg;
}

static enum err
sq_checkpoint(void *h)
{
	struct sq *q = h;
	int rc = sqlite3_wal_checkpoint_v2(
	    q->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

	return rc == SQLITE_OK ? ERR_OK : fail(q, rc);
}

static void
sq_autocheckpoint(void *h, int pages)
{
	sqlite3_wal_autocheckpoint(((struct sq *)h)->db, pages);
}

static void
sq_busy_timeout(void *h, int ms)
{
	((struct sq *)h)->busy_ms = ms;
}

/* Copy the attached database `name` to a new file `path`. */
static enum err
backup_one(struct sq *q, const char *name, const char *path)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	struct stat st;
	int rc;

	if (stat(path, &st) == 0) {
		snprintf(q->msg, sizeof(q->msg), "%s already exists", path);
		return ERR_CONFLICT;
	}
	rc = sqlite3_open_v2(
	    path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(q->msg, sizeof(q->msg), "cannot create %s: %s", path,
		    dst ? sqlite3_errmsg(dst) : "out of memory");
		sqlite3_close(dst);
		return ERR_IO;
	}
	b = sqlite3_backup_init(dst, "main", q->db, name);
	if (b == NULL) {
		snprintf(q->msg, sizeof(q->msg), "%s", sqlite3_errmsg(dst));
		sqlite3_close(dst);
		unlink(path);
		return ERR_DB;
	}
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(q->msg, sizeof(q->msg), "backup failed: %s",
		    sqlite3_errstr(rc));
		sqlite3_close(dst);
		unlink(path);
		return map_rc(q, rc);
	}
	rc = sqlite3_close(dst);
	return rc == SQLITE_OK ? ERR_OK : ERR_IO;
}

/* The register to `path` and its access log to `path`-access. */
static enum err
sq_backup(void *h, const char *path)
{
	struct sq *q = h;
	char *apath = xasprintf("%s-access", path);
	struct stat st;
	enum err e = ERR_CONFLICT;

	if (stat(apath, &st) == 0)
		snprintf(q->msg, sizeof(q->msg), "%s already exists", apath);
	else
		e = backup_one(q, "main", path);
	if (e == ERR_OK) {
		e = backup_one(q, "audit", apath);
		if (e != ERR_OK)
			unlink(path);
	}
	free(apath);
	return e;
}

static void
sq_mmap(void *h, int64_t bytes)
{
	struct sq *q = h;
	char sql[64];

	snprintf(
	    sql, sizeof(sql), "PRAGMA main.mmap_size = %lld", (long long)bytes);
	(void)sqlite3_exec(q->db, sql, NULL, NULL, NULL);
}

const struct backend backend_sqlite = {
	.dialect = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.schema_version = sq_schema_version,
	.migrate = sq_migrate,
	.prepare_all = sq_prepare_all,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.bind_i64 = sq_bind_i64,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_i64 = sq_col_i64,
	.col_null = sq_col_null,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.reset = sq_reset,
	.changes = sq_changes,
	.last_err = sq_last_err,
	.errmsg = sq_errmsg,
	.backup = sq_backup,
	.checkpoint = sq_checkpoint,
	.autocheckpoint = sq_autocheckpoint,
	.busy_timeout = sq_busy_timeout,
	.mmap = sq_mmap,
};
