/* SPDX-License-Identifier: MIT */
/*
 * svc/settings.c: the register's settings (the organisation, the DPO's
 * contact, the channels letters name, the display zone, the reference
 * prefix).  A fixed table of known keys, each validated before it is
 * stored; documents read them and list the ones they lack.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "doc/notify.h"
#include "scan/normalize.h"
#include "svc/svc_int.h"

enum check {
	CHK_LINE,
	CHK_TEXT,
	CHK_EMAIL,
	CHK_ZONE,
	CHK_PREFIX,
	CHK_AUTH,
	CHK_REGION
};

static const struct setting_def {
	const char *key;
	enum check check;
	const char *doc;
} defs[] = {
	{ "org_name", CHK_LINE, "the controller's name" },
	{ "org_address", CHK_TEXT, "the controller's postal address" },
	{ "org_website", CHK_LINE, "the controller's website" },
	{ "org_channels", CHK_TEXT,
	    "the real channels the controller uses "
	    "to contact people (named in phishing warnings)" },
	{ "dpo_name", CHK_LINE,
	    "the data protection officer or contact "
	    "point (Art. 33(3)(b))" },
	{ "dpo_email", CHK_EMAIL, "the DPO's e-mail address" },
	{ "dpo_phone", CHK_LINE, "the DPO's phone number" },
	{ "dpo_address", CHK_TEXT, "the DPO's postal address" },
	{ "mail_from", CHK_EMAIL, "the sender address of letters" },
	{ "authority", CHK_AUTH,
	    "the competent supervisory authority "
	    "(nrw, by, bw, bfdi, en)" },
	{ "timezone", CHK_ZONE, "the IANA zone times are shown in" },
	{ "ref_prefix", CHK_PREFIX, "the prefix of new reference numbers" },
	{ "phone_region", CHK_REGION,
	    "the default region of national phone numbers in subjects "
	    "import and match (DE unless set; docs/subjects.md)" },
};

static const struct setting_def *
find(const char *key)
{
	for (size_t i = 0; i < nitems(defs); i++) {
		if (strcmp(defs[i].key, key) == 0)
			return &defs[i];
	}
	return NULL;
}

static const char *
problem(const struct setting_def *d, const char *v)
{
	const char *why, *at;

	why = text_problem(v, strlen(v),
	    d->check == CHK_TEXT ? TEXT_LONG_MAX : TEXT_SHORT_MAX,
	    d->check == CHK_TEXT);
	if (why != NULL)
		return why;
	if (*v == '\0')
		return "empty (use unset to remove a setting)";
	switch (d->check) {
	case CHK_EMAIL:
		at = strchr(v, '@');
		if (at == NULL || at == v || strchr(at + 1, '.') == NULL ||
		    strchr(at + 1, '@') != NULL ||
		    strpbrk(v, " <>,;\"") != NULL)
			return "not an e-mail address (name@example.org)";
		break;
	case CHK_REGION: {
		char cur[4];

		snprintf(cur, sizeof(cur), "%s", norm_phone_get_region());
		if (!norm_phone_set_region(v))
			return "not a supported region (DE AT CH NL BE LU FR "
			       "DK PL CZ SE FI GB IE ES PT)";
		norm_phone_set_region(cur);
		break;
	}
	case CHK_ZONE:
		if (clock_set_zone(v) != ERR_OK)
			return "not an installed IANA time zone";
		break;
	case CHK_PREFIX:
		if (strlen(v) > 16 || strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		                                "0123456789") != strlen(v))
			return "1 to 16 characters of A-Z and 0-9";
		break;
	case CHK_AUTH:
		if (!str_eq(v, "nrw") && !str_eq(v, "by") && !str_eq(v, "bw") &&
		    !str_eq(v, "bfdi") && !str_eq(v, "en"))
			return "one of nrw, by, bw, bfdi, en, or a code stored "
			       "with breachkit authority load";
		break;
	default:
		break;
	}
	return NULL;
}

enum err
svc_setting_set(
    struct svc *s, const char *key, const char *value, struct svc_err *e)
{
	const struct setting_def *d = find(key);
	const char *why;
	enum err rc;

	if (d == NULL) {
		svc_err_msg(e,
		    "no setting \"%.40s\"; see breachkit settings "
		    "list",
		    key);
		return ERR_INVAL;
	}
	if (value != NULL) {
		why = problem(d, value);
		/* An authority stored in the register (authority load). */
		if (why != NULL && d->check == CHK_AUTH) {
			struct authority au;
			struct svc_err e2;
			int64_t v;

			svc_err_clear(&e2);
			if (svc_authority_get(s, value, s->a, &au, &v, &e2) ==
			    ERR_OK)
				why = NULL;
		}
		if (why != NULL) {
			field_errors_add(&e->fe, key, "%s", why);
			return ERR_INVAL;
		}
	}
	rc = store_begin_write(s->st);
	if (rc == ERR_OK)
		rc = value != NULL ? store_setting_set(s->st, key, value)
		                   : store_setting_del(s->st, key);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return svc_store_err(s, rc, "settings", e);
	}
	return ERR_OK;
}

enum err
svc_settings_set_many(struct svc *s, const char *const *keys,
    const char *const *values, size_t n, struct svc_err *e)
{
	const struct setting_def *d;
	const char *why;
	enum err rc;

	for (size_t i = 0; i < n; i++) {
		d = find(keys[i]);
		if (d == NULL) {
			field_errors_add(&e->fe, keys[i], "no such setting");
			continue;
		}
		why = values[i] != NULL ? problem(d, values[i]) : NULL;
		if (why != NULL)
			field_errors_add(&e->fe, keys[i], "%s", why);
	}
	if (e->fe.n > 0 || e->fe.dropped > 0) {
		svc_err_msg(
		    e, "the settings are not valid; nothing was changed");
		return ERR_INVAL;
	}
	rc = store_begin_write(s->st);
	for (size_t i = 0; rc == ERR_OK && i < n; i++)
		rc = values[i] != NULL
		         ? store_setting_set(s->st, keys[i], values[i])
		         : store_setting_del(s->st, keys[i]);
	if (rc == ERR_OK)
		rc = store_commit(s->st);
	if (rc != ERR_OK) {
		store_rollback(s->st);
		return svc_store_err(s, rc, "settings", e);
	}
	return ERR_OK;
}

json_t *
svc_settings_json(struct svc *s)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < nitems(defs); i++) {
		const char *v = NULL;

		if (store_setting_get(s->st, defs[i].key, s->a, &v) != ERR_OK)
			v = NULL;
		json_array_append_new(
		    arr, json_pack("{s:s, s:o, s:s}", "key", defs[i].key,
		             "value", v ? json_string(v) : json_null(),
		             "meaning", defs[i].doc));
	}
	return arr;
}
