/* SPDX-License-Identifier: MIT */
/*
 * svc/authority.c: authority files stored in the register (docs/notify.md,
 * "Authority files").  A DPO who finds that a form differs from the
 * built-in file stores a corrected copy once (breachkit authority load);
 * notify --authority CODE then uses it.  Like template overrides, rows
 * are only added: the newest version of a code is the one in use, a
 * reset records a return to the built-in file, and every version names
 * who stored it and when.  A file is validated with authority_parse
 * before it is stored and again whenever it is loaded.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/hash.h"
#include "base/str.h"
#include "doc/notify.h"
#include "svc/svc_int.h"

static enum err
check_code(const char *code, struct svc_err *e)
{
	size_t n = code != NULL ? strlen(code) : 0;

	if (n == 0 || n > 16 ||
	    strspn(code, "abcdefghijklmnopqrstuvwxyz"
	                 "0123456789_-") != n) {
		svc_err_msg(e,
		    "an authority code is 1-16 of a-z, 0-9, _ and - "
		    "(nrw, by, bw, bfdi, en, or one stored with breachkit "
		    "authority load)");
		return ERR_INVAL;
	}
	return ERR_OK;
}

enum err
svc_authority_source(struct svc *s, const char *code, struct arena *a,
    const char **json, size_t *len, int64_t *version, struct svc_err *e)
{
	struct authority_rec r;
	enum err rc;

	*version = 0;
	rc = check_code(code, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_authority_active(s->st, code, a, &r);
	if (rc != ERR_OK && rc != ERR_NOTFOUND)
		return svc_store_err(s, rc, "authority file", e);
	if (rc == ERR_OK && r.v.body != NULL) {
		*json = r.v.body;
		*len = strlen(r.v.body);
		*version = r.v.version;
		return ERR_OK;
	}
	if (rc == ERR_OK)
		*version = r.v.version; /* a reset: the built-in one */
	if (authority_builtin_source(code, json, len))
		return ERR_OK;
	svc_err_msg(e,
	    "no authority \"%s\": the built-in ones are nrw, by, bw, "
	    "bfdi, en; others are stored with breachkit authority load FILE",
	    code);
	return ERR_NOTFOUND;
}

enum err
svc_authority_get(struct svc *s, const char *code, struct arena *a,
    struct authority *out, int64_t *version, struct svc_err *e)
{
	const char *json = NULL;
	size_t len = 0;
	enum err rc;

	rc = svc_authority_source(s, code, a, &json, &len, version, e);
	if (rc != ERR_OK)
		return rc;
	rc = authority_parse(json, len, a, out, &e->fe);
	if (rc != ERR_OK) {
		if (*version > 0)
			svc_err_msg(e,
			    "the authority file %s stored as version "
			    "%lld",
			    code, (long long)*version);
		else
			svc_err_msg(e, "built-in authorities/%s.json", code);
		return rc;
	}
	if (!str_eq(out->code, code)) {
		svc_err_msg(e,
		    "the authority file stored for \"%s\" describes "
		    "\"%s\"",
		    code, out->code);
		return ERR_INVAL;
	}
	return ERR_OK;
}

static enum err
insert(struct svc *s, struct authority_rec *r, struct svc_err *e)
{
	enum err rc;

	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_authority_insert(s->st, r);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return svc_store_err(s, rc, "authority file", e);
	}
	return ERR_OK;
}

enum err
svc_authority_load(struct svc *s, const char *json, size_t len,
    const char **code, int64_t *version, struct svc_err *e)
{
	struct authority au;
	struct authority_rec r = { 0 };
	char hex[SHA256_HEX];
	enum err rc;

	*version = 0;
	if (memchr(json, '\0', len) != NULL) {
		svc_err_msg(e, "the file holds a NUL byte");
		return ERR_INVAL;
	}
	rc = authority_parse(json, len, s->a, &au, &e->fe);
	if (rc != ERR_OK)
		return rc;
	sha256_hex(json, len, hex);
	r.code = au.code;
	r.v.body = arena_strndup(s->a, json, len);
	r.v.sha256 = hex;
	r.v.created_at = s->now;
	r.v.actor = s->actor;
	rc = insert(s, &r, e);
	*code = au.code;
	*version = r.v.version;
	return rc;
}

enum err
svc_authority_reset(
    struct svc *s, const char *code, int64_t *version, struct svc_err *e)
{
	struct authority_rec r = { 0 }, cur;
	enum err rc;

	*version = 0;
	rc = check_code(code, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_authority_active(s->st, code, s->a, &cur);
	if (rc == ERR_NOTFOUND || (rc == ERR_OK && cur.v.body == NULL)) {
		svc_err_msg(e,
		    "authority \"%s\": no stored file is in use; "
		    "nothing to reset",
		    code);
		return ERR_CONFLICT;
	}
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "authority file", e);
	r.code = code;
	r.v.created_at = s->now;
	r.v.actor = s->actor;
	rc = insert(s, &r, e);
	*version = r.v.version;
	return rc;
}

enum err
svc_authority_history(
    struct svc *s, const char *code, json_t **out, struct svc_err *e)
{
	struct authority_rec *v;
	size_t n;
	enum err rc;

	rc = check_code(code, e);
	if (rc != ERR_OK)
		return rc;
	rc = store_authority_history(s->st, code, s->a, &v, &n);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "authority file", e);
	*out = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		    *out, svc_version_json(&v[i].v, "register"));
	return ERR_OK;
}

/* One entry of the list: the file in use for `code`. */
static void
list_add(struct svc *s, json_t *arr, const char *code)
{
	struct authority au;
	struct authority_rec r;
	struct svc_err e;
	int64_t version;
	bool stored;
	enum err rc;

	stored = store_authority_active(s->st, code, s->a, &r) == ERR_OK &&
	         r.v.body != NULL;
	svc_err_clear(&e);
	rc = svc_authority_get(s, code, s->a, &au, &version, &e);
	json_array_append_new(arr,
	    json_pack("{s:s, s:s?, s:s, s:I, s:s?}", "code", code, "short_name",
	        rc == ERR_OK ? au.short_name : NULL, "source",
	        stored ? "register" : "built-in", "version",
	        (json_int_t)version, "problem", rc == ERR_OK ? NULL : e.msg));
}

json_t *
svc_authority_list(struct svc *s)
{
	struct authority_rec *v = NULL;
	size_t n = 0;
	json_t *arr = json_array();

	for (size_t i = 0; authority_codes[i] != NULL; i++)
		list_add(s, arr, authority_codes[i]);
	if (store_authority_newest(s->st, s->a, &v, &n) != ERR_OK)
		n = 0;
	for (size_t i = 0; i < n; i++) {
		const char *j;
		size_t len;

		if (!authority_builtin_source(v[i].code, &j, &len))
			list_add(s, arr, v[i].code);
	}
	return arr;
}
