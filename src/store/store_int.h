/* SPDX-License-Identifier: MIT */
/*
 * store/store_int.h: what the typed store functions and the backends share:
 * the statement ids and the backend vtable.  Only store/ includes this.
 */
#ifndef BREACHKIT_STORE_INT_H
#define BREACHKIT_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

enum stmt {
	STMT_SETTING_GET,
	STMT_SETTING_SET,
	STMT_SETTING_DEL,
	STMT_REFSEQ_NEXT,
	STMT_REFSEQ_EACH,
	STMT_REGIME_PUT,
	STMT_REGIME_GET,
	STMT_REGIME_EACH,
	STMT_INCIDENT_INSERT,
	STMT_INCIDENT_UPDATE,
	STMT_INCIDENT_GET,
	STMT_INCIDENT_GET_REF,
	STMT_INCIDENT_EACH,
	STMT_INCIDENT_EACH_FACTS,
	STMT_INCIDENT_REG_PUT,
	STMT_INCIDENT_REG_GET,
	STMT_REGISTER_EACH,
	STMT_REGISTER_EACH_FACTS,
	STMT_EVENT_APPEND,
	STMT_EVENT_EACH,
	STMT_EVENT_ERASE,
	STMT_OBLIGATION_INSERT,
	STMT_OBLIGATION_UPDATE,
	STMT_OBLIGATION_LIST,
	STMT_OBLIGATION_EACH_OPEN,
	STMT_OBLIGATION_BY_INCIDENT,
	STMT_FILING_INSERT,
	STMT_FILING_LIST,
	STMT_DECISION_INSERT,
	STMT_DECISION_LIST,
	STMT_DECISION_BY_INCIDENT,
	STMT_ATTACHMENT_INSERT,
	STMT_ATTACHMENT_LIST,
	STMT_ATTACHMENT_CONTENT,
	STMT_ASSESSMENT_INSERT,
	STMT_ASSESSMENT_LIST,
	STMT_LETTER_GET,
	STMT_LETTER_PUT,
	STMT_LETTER_DOUBT,
	STMT_TEMPLATE_INSERT,
	STMT_TEMPLATE_ACTIVE,
	STMT_TEMPLATE_HISTORY,
	STMT_AUTHORITY_INSERT,
	STMT_AUTHORITY_ACTIVE,
	STMT_AUTHORITY_HISTORY,
	STMT_AUTHORITY_NEWEST,
	STMT_ACCOUNT_INSERT,
	STMT_ACCOUNT_GET,
	STMT_ACCOUNT_GET_NAME,
	STMT_ACCOUNT_UPDATE,
	STMT_ACCOUNT_LIST,
	STMT_SESSION_INSERT,
	STMT_SESSION_GET,
	STMT_SESSION_DELETE,
	STMT_SESSION_PURGE,
	STMT_TOKEN_INSERT,
	STMT_TOKEN_GET,
	STMT_TOKEN_REVOKE,
	STMT_TOKEN_LIST,
	STMT_ACCESS_INSERT,
	STMT_ACCESS_LIST,
	STMT_DRAFT_PUT,
	STMT_DRAFT_INSERT,
	STMT_DRAFT_GET,
	STMT_DRAFT_DELETE,
	STMT_INCIDENT_PAGE,
	STMT_INCIDENT_CREATOR,
	STMT_DRAFT_LIST,
	STMT_CHART_EVENT_MAX,
	STMT_CHART_ALL,
	STMT_CHART_ONE,
	STMT_CHART_CHANGED,
	STMT_CHART_DELAYS,
	STMT_SUBJECT_SECRET_GET,
	STMT_SUBJECT_SECRET_PUT,
	STMT_SUBJECT_PACK_CLEAR,
	STMT_SUBJECT_CLEAR,
	STMT_SUBJECT_INSERT,
	STMT_SUBJECT_PACK_INSERT,
	STMT_SUBJECT_PACK_EACH,
	STMT_SUBJECT_EACH,
	STMT_SUBJECT_REF_PACK_CLEAR,
	STMT_SUBJECT_REF_PACK_INSERT,
	STMT_SUBJECT_REF_PACK_EACH,
	STMT__MAX
};

struct sql_def {
	const char *sql; /* portable SQL, ? placeholders */
	const char *pg;  /* non-NULL only where dialects differ */
};

/* The statement table (store/sql.c). */
extern const struct sql_def sql_defs[STMT__MAX];

/* A migration: schema version N is reached by running `sql`. */
struct migration {
	int version;
	const char *name;
	const char *sql;
};
/* Migrations of `dialect` ("sqlite", "pg") in version order (migrate.c). */
size_t migrations_get(const char *dialect, struct migration *out, size_t max);

enum step { STEP_ROW, STEP_DONE, STEP_ERR };

struct backend {
	const char *dialect;
	/* Checks the file is ours before anything is written. */
	enum err (*open)(
	    const char *path, int mode, int newest, void **h, char **errmsg);
	void (*close)(void *h);
	int (*schema_version)(void *h);
	enum err (*migrate)(void *h, const struct migration *m);
	enum err (*prepare_all)(void *h);
	enum err (*begin)(void *h, bool write);
	enum err (*commit)(void *h);
	void (*rollback)(void *h);
	void (*bind_i64)(void *h, enum stmt, int idx, int64_t);
	void (*bind_text)(void *h, enum stmt, int idx, const char *);
	void (*bind_blob)(void *h, enum stmt, int idx, const void *, size_t);
	void (*bind_null)(void *h, enum stmt, int idx);
	enum step (*step)(void *h, enum stmt);
	int64_t (*col_i64)(void *h, enum stmt, int col);
	bool (*col_null)(void *h, enum stmt, int col);
	const char *(*col_text)(void *h, enum stmt, int col);
	const void *(*col_blob)(void *h, enum stmt, int col, size_t *len);
	void (*reset)(void *h, enum stmt);
	int64_t (*changes)(void *h);
	enum err (*last_err)(void *h);
	const char *(*errmsg)(void *h);
	enum err (*backup)(void *h, const char *path);
	enum err (*checkpoint)(void *h);
	void (*autocheckpoint)(void *h, int pages);
	void (*busy_timeout)(void *h, int ms);
	void (*mmap)(void *h, int64_t bytes);
};

extern const struct backend backend_sqlite;

#endif
