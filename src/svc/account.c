/* SPDX-License-Identifier: MIT */
/*
 * svc/account.c: accounts, logins, sessions and API tokens of the web
 * front end (docs/web.md).  Passwords are Argon2id strings
 * (crypto_pwhash_str); session and API tokens are 32 random bytes of which
 * the register keeps only the BLAKE2b hash.  Five failed logins in a row
 * lock an account for fifteen minutes.
 */
#include "base/base.h"

#include <pthread.h>
#include <sodium.h>

#include "base/str.h"
#include "svc/svc_int.h"

const char *const urole_names[UROLE__MAX] = { "admin", "dpo", "editor",
	"viewer", "reporter" };

enum {
	LOCK_AFTER = 5,
	LOCK_SECONDS = 15 * 60,
	SESSION_SECONDS = 8 * 3600,
	PASSWORD_MIN = 10,
	PASSWORD_MAX = 256,
	NAME_MAX_LEN = 64
};

int
urole_parse(const char *s)
{
	return s == NULL ? -1 : name_lookup(urole_names, UROLE__MAX, s);
}

static void
token_hash(const char *token, char out[TOKEN_HASH_HEX])
{
	unsigned char h[32];

	crypto_generichash(
	    h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, TOKEN_HASH_HEX, h, sizeof(h));
}

/* "bk_" + 43 characters of URL-safe base64 of 32 random bytes. */
static void
token_new(const char *prefix, char out[TOKEN_MAX])
{
	unsigned char r[32];
	size_t n = strlen(prefix);

	randombytes_buf(r, sizeof(r));
	memcpy(out, prefix, n + 1);
	sodium_bin2base64(out + n, TOKEN_MAX - n, r, sizeof(r),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(r, sizeof(r));
}

static enum err
check_name(const char *name, struct svc_err *e)
{
	size_t n = name != NULL ? strlen(name) : 0;

	if (n == 0 || n > NAME_MAX_LEN) {
		svc_err_msg(
		    e, "an account name has 1 to %d characters", NAME_MAX_LEN);
		return ERR_INVAL;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') &&
		    c != '.' && c != '-' && c != '_') {
			svc_err_msg(e,
			    "account name: only a-z, 0-9, '.', '-' and '_' "
			    "(character %zu)",
			    i + 1);
			return ERR_INVAL;
		}
	}
	return ERR_OK;
}

static enum err
hash_password(
    const char *pw, char out[crypto_pwhash_STRBYTES], struct svc_err *e)
{
	size_t n = pw != NULL ? strlen(pw) : 0;

	if (n < PASSWORD_MIN || n > PASSWORD_MAX) {
		svc_err_msg(e, "a password has %d to %d characters",
		    PASSWORD_MIN, PASSWORD_MAX);
		return ERR_INVAL;
	}
	if (crypto_pwhash_str(out, pw, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		svc_err_msg(e, "out of memory hashing the password");
		return ERR_INTERNAL;
	}
	return ERR_OK;
}

enum err
svc_account_add(struct svc *s, const char *name, const char *role,
    const char *password, const char *lang, struct svc_err *e)
{
	char h[crypto_pwhash_STRBYTES];
	struct account ac;
	enum err rc;

	rc = check_name(name, e);
	if (rc != ERR_OK)
		return rc;
	if (urole_parse(role) < 0) {
		svc_err_msg(e, "role: one of admin, dpo, editor, viewer, "
		               "reporter");
		return ERR_INVAL;
	}
	if (lang != NULL && strcmp(lang, "de") != 0 &&
	    strcmp(lang, "en") != 0) {
		svc_err_msg(e, "language: de or en");
		return ERR_INVAL;
	}
	rc = hash_password(password, h, e);
	if (rc != ERR_OK)
		return rc;
	memset(&ac, 0, sizeof(ac));
	ac.name = name;
	ac.role = role;
	ac.pw_hash = h;
	ac.lang = lang != NULL ? lang : "de";
	ac.created_at = s->now;
	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_account_insert(s->st, &ac);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		if (rc == ERR_CONFLICT) {
			svc_err_msg(e, "account %s exists already", name);
			return rc;
		}
		return svc_store_err(s, rc, "storing the account", e);
	}
	return ERR_OK;
}

enum err
svc_account_change(struct svc *s, const char *name,
    const struct account_change *c, struct svc_err *e)
{
	char h[crypto_pwhash_STRBYTES];
	struct account ac;
	enum err rc;

	if (c->role != NULL && urole_parse(c->role) < 0) {
		svc_err_msg(e, "role: one of admin, dpo, editor, viewer, "
		               "reporter");
		return ERR_INVAL;
	}
	if (c->password != NULL) {
		rc = hash_password(c->password, h, e);
		if (rc != ERR_OK)
			return rc;
	}
	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_account_get_by_name(s->st, name, s->a, &ac);
	if (rc == ERR_OK) {
		if (c->role != NULL)
			ac.role = c->role;
		if (c->password != NULL)
			ac.pw_hash = h;
		if (c->disable >= 0)
			ac.disabled = c->disable != 0;
		if (c->unlock) {
			ac.failed = 0;
			ac.locked_until = 0;
		}
		rc = store_account_update(s->st, &ac);
	}
	/* A new password, a new role or disabling ends every session. */
	if (rc == ERR_OK &&
	    (c->password != NULL || c->role != NULL || c->disable == 1))
		rc = store_session_delete(s->st, NULL, ac.id);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	sodium_memzero(h, sizeof(h));
	if (rc != ERR_OK) {
		store_rollback(s->st);
		if (rc == ERR_NOTFOUND) {
			svc_err_msg(e, "no account %s", name);
			return rc;
		}
		return svc_store_err(s, rc, "changing the account", e);
	}
	return ERR_OK;
}

/* A real hash to verify against for unknown names (same cost). */
static char dummy[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void
dummy_init(void)
{
	unsigned char r[16];

	randombytes_buf(r, sizeof(r));
	if (crypto_pwhash_str(dummy, (const char *)r, sizeof(r),
	        crypto_pwhash_OPSLIMIT_INTERACTIVE,
	        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy[0] = '\0';
}

/*
 * Verify `password` for account `name`.  Unknown names cost the same as
 * known ones (a dummy verification), and the message never says which of
 * the two was wrong.
 */
enum err
svc_login(struct svc *s, const char *name, const char *password,
    struct account *out, struct login_tokens *tok, struct svc_err *e)
{
	char th[TOKEN_HASH_HEX];
	size_t pn = password != NULL ? strlen(password) : 0;
	bool ok;
	enum err rc;

	if (pn == 0 || pn > PASSWORD_MAX || name == NULL ||
	    strlen(name) > NAME_MAX_LEN) {
		svc_err_msg(e, "wrong name or password");
		return ERR_AUTH;
	}
	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_account_get_by_name(s->st, name, s->a, out);
	if (rc == ERR_NOTFOUND) {
		store_rollback(s->st);
		pthread_once(&dummy_once, dummy_init);
		if (crypto_pwhash_str_verify(dummy, password, pn) == 0)
			dummy[0] = '\0'; /* cannot happen: random password */
		svc_err_msg(e, "wrong name or password");
		return ERR_AUTH;
	}
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return svc_store_err(s, rc, "reading the account", e);
	}
	if (out->disabled || out->locked_until > s->now) {
		store_rollback(s->st);
		svc_err_msg(
		    e, out->disabled
		           ? "this account is disabled"
		           : "too many failed logins: this account is "
		             "locked for a while; an admin can unlock it");
		return out->disabled ? ERR_AUTH : ERR_PERM;
	}
	ok = crypto_pwhash_str_verify(out->pw_hash, password, pn) == 0;
	if (!ok) {
		out->failed++;
		if (out->failed >= LOCK_AFTER)
			out->locked_until = s->now + LOCK_SECONDS;
		rc = store_account_update(s->st, out);
		if (rc == ERR_OK)
			rc = store_commit(s->st);
		if (rc != ERR_OK)
			store_rollback(s->st);
		svc_err_msg(e, "wrong name or password");
		return ERR_AUTH;
	}
	out->failed = 0;
	out->locked_until = 0;
	token_new("", tok->session);
	token_new("", tok->csrf);
	token_hash(tok->session, th);
	rc = store_account_update(s->st, out);
	if (rc == ERR_OK)
		rc = store_session_purge(s->st, s->now);
	if (rc == ERR_OK)
		rc = store_session_insert(s->st, th, out->id, tok->csrf, s->now,
		    s->now + SESSION_SECONDS);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return svc_store_err(s, rc, "starting the session", e);
	}
	return ERR_OK;
}

enum err
svc_session_get(struct store *st, const char *token, int64_t now,
    struct arena *a, struct account *out, const char **csrf)
{
	char th[TOKEN_HASH_HEX];
	int64_t exp = 0;
	enum err rc;

	if (token == NULL || strlen(token) != TOKEN_LEN)
		return ERR_AUTH;
	token_hash(token, th);
	rc = store_session_get(st, th, a, out, csrf, &exp);
	if (rc == ERR_NOTFOUND || (rc == ERR_OK && exp <= now))
		return ERR_AUTH;
	if (rc == ERR_OK && out->disabled)
		return ERR_AUTH;
	return rc;
}

enum err
svc_logout(struct store *st, const char *token)
{
	char th[TOKEN_HASH_HEX];
	enum err rc;

	if (token == NULL || strlen(token) != TOKEN_LEN)
		return ERR_OK;
	token_hash(token, th);
	rc = store_begin_write(st);
	if (rc == ERR_OK)
		rc = store_session_delete(st, th, 0);
	if (rc == ERR_OK)
		rc = store_commit(st);
	if (rc != ERR_OK)
		store_rollback(st);
	return rc;
}

enum err
svc_token_create(struct svc *s, const char *name, const char *label,
    char token[TOKEN_MAX], int64_t *id, struct svc_err *e)
{
	char th[TOKEN_HASH_HEX];
	struct account ac;
	enum err rc;

	rc = svc_check_text("label", label, true, e);
	if (rc != ERR_OK)
		return rc;
	token_new(TOKEN_PREFIX, token);
	token_hash(token, th);
	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = store_account_get_by_name(s->st, name, s->a, &ac);
	if (rc == ERR_OK)
		rc = store_token_insert(s->st, th, ac.id, label, s->now, id);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		if (rc == ERR_NOTFOUND) {
			svc_err_msg(e, "no account %s", name);
			return rc;
		}
		return svc_store_err(s, rc, "storing the token", e);
	}
	return ERR_OK;
}

enum err
svc_token_get(
    struct store *st, const char *token, struct arena *a, struct account *out)
{
	char th[TOKEN_HASH_HEX];
	enum err rc;

	if (token == NULL ||
	    strlen(token) != TOKEN_LEN + strlen(TOKEN_PREFIX) ||
	    strncmp(token, TOKEN_PREFIX, strlen(TOKEN_PREFIX)) != 0)
		return ERR_AUTH;
	token_hash(token, th);
	rc = store_token_get(st, th, a, out);
	if (rc == ERR_NOTFOUND || (rc == ERR_OK && out->disabled))
		return ERR_AUTH;
	return rc;
}

enum err
svc_token_revoke(struct svc *s, int64_t id, struct svc_err *e)
{
	enum err rc = store_begin_write(s->st);

	if (rc == ERR_OK)
		rc = store_token_revoke(s->st, id, s->now);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		if (rc == ERR_NOTFOUND) {
			svc_err_msg(e, "no live token %lld", (long long)id);
			return rc;
		}
		return svc_store_err(s, rc, "revoking the token", e);
	}
	return ERR_OK;
}

void
svc_password_new(char out[TOKEN_MAX])
{
	token_new("", out);
	out[20] = '\0';
}
