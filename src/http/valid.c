/* SPDX-License-Identifier: MIT */
/*
 * http/valid.c: JSON request bodies -> typed requests plus field errors
 * (valid.h).  Handlers never walk raw JSON; these functions do, once, at
 * the boundary.  Only the shape is checked here (types, lengths, enums,
 * the set of fields); the svc layer checks what needs the register.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "http/valid.h"
#include "svc/svc.h"

enum { PASSWORD_FIELD_MAX = 256, SOURCE_MAX = 256 << 10 };

/* The body must be an object with only `allowed` keys. */
static bool
object_only(const json_t *j, const char *const *allowed, size_t n,
    struct field_errors *fe)
{
	const char *k;
	json_t *v;

	if (!json_is_object(j)) {
		field_errors_add(fe, "(body)", "must be a JSON object");
		return false;
	}
	json_object_foreach ((json_t *)j, k, v) {
		size_t i;

		(void)v;
		for (i = 0; i < n; i++) {
			if (strcmp(k, allowed[i]) == 0)
				break;
		}
		if (i == n)
			field_errors_add(
			    fe, k, "unknown field (allowed: see the API docs)");
	}
	return true;
}

/*
 * A text field: absent (NULL, and an error when `required`), or a string
 * that passes text_problem() with `max` bytes.
 */
static const char *
text_field(const json_t *j, const char *k, bool required, size_t max,
    bool multiline, struct field_errors *fe)
{
	json_t *v = json_object_get(j, k);
	const char *s, *why;

	if (v == NULL || json_is_null(v)) {
		if (required)
			field_errors_add(fe, k, "required");
		return NULL;
	}
	if (!json_is_string(v)) {
		field_errors_add(fe, k, "must be a string");
		return NULL;
	}
	s = json_string_value(v);
	why = text_problem(s, json_string_length(v), max, multiline);
	if (why == NULL && strlen(s) != json_string_length(v))
		why = "contains a NUL character";
	if (why != NULL) {
		field_errors_add(fe, k, "%s", why);
		return NULL;
	}
	if (required && *s == '\0') {
		field_errors_add(fe, k, "required (empty)");
		return NULL;
	}
	return s;
}

/* An enum field: one of names[0..n). -1 when absent or bad. */
static int
enum_field(const json_t *j, const char *k, const char *const *names, int n,
    bool required, struct field_errors *fe)
{
	const char *s = text_field(j, k, required, 64, false, fe);
	int i;

	if (s == NULL)
		return -1;
	i = name_lookup(names, n, s);
	if (i < 0) {
		char list[256];
		size_t off = 0;

		list[0] = '\0';
		for (int m = 0; m < n && off < sizeof(list); m++)
			off += (size_t)snprintf(list + off, sizeof(list) - off,
			    "%s%s", m ? ", " : "", names[m]);
		field_errors_add(fe, k, "one of %s", list);
	}
	return i;
}

/* A time field (ISO-8601 with a zone); `*out` unchanged when absent. */
static bool
time_field(const json_t *j, const char *k, bool required, int64_t *out,
    struct field_errors *fe)
{
	const char *s = text_field(j, k, required, 64, false, fe);
	const char *why = NULL;

	if (s == NULL)
		return false;
	if (iso8601_parse(s, strlen(s), out, &why) != ERR_OK) {
		field_errors_add(fe, k, "%s", why != NULL ? why : "not a time");
		return false;
	}
	return true;
}

static enum err
result(const struct field_errors *fe, size_t before)
{
	return fe->n > before || fe->dropped > 0 ? ERR_INVAL : ERR_OK;
}

enum err
valid_login(const json_t *j, struct login_in *out, struct field_errors *fe)
{
	static const char *const keys[] = { "name", "password" };
	size_t n0 = fe->n;

	memset(out, 0, sizeof(*out));
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	out->name = text_field(j, "name", true, 64, false, fe);
	out->password =
	    text_field(j, "password", true, PASSWORD_FIELD_MAX, false, fe);
	return result(fe, n0);
}

enum err
valid_decide(const json_t *j, struct decide_req *out, struct field_errors *fe)
{
	static const char *const keys[] = { "topic", "outcome", "rationale",
		"exception" };
	static const char *const exc[] = { "a", "b", "c" };
	size_t n0 = fe->n;
	json_t *o;
	int t, x;

	memset(out, 0, sizeof(*out));
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	t = enum_field(j, "topic", topic_names, TOPIC__MAX, true, fe);
	if (t >= 0)
		out->topic = (enum topic)t;
	o = json_object_get(j, "outcome");
	if (o == NULL)
		field_errors_add(fe, "outcome", "required");
	else if (!json_is_boolean(o))
		field_errors_add(fe, "outcome", "must be true or false");
	else
		out->outcome = json_is_true(o);
	out->rationale =
	    text_field(j, "rationale", true, TEXT_LONG_MAX, true, fe);
	x = enum_field(j, "exception", exc, 3, false, fe);
	out->exception = x >= 0 ? exc[x][0] : 0;
	return result(fe, n0);
}

enum err
valid_filing(
    const json_t *j, int64_t now, struct file_req *out, struct field_errors *fe)
{
	static const char *const keys[] = { "recipient", "obligation", "phase",
		"filed_at", "case_ref", "delay_reason", "filed_by",
		"filed_by_contact" };
	size_t n0 = fe->n;
	json_t *ob;
	int p;

	memset(out, 0, sizeof(*out));
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	out->recipient = text_field(j, "recipient", false, 64, false, fe);
	ob = json_object_get(j, "obligation");
	if (ob != NULL) {
		if (!json_is_integer(ob) || json_integer_value(ob) < 1)
			field_errors_add(fe, "obligation",
			    "must be an obligation number (1 or more)");
		else
			out->obligation_id = json_integer_value(ob);
	}
	if (json_object_get(j, "recipient") == NULL && ob == NULL)
		field_errors_add(
		    fe, "recipient", "required (or give \"obligation\")");
	else if (json_object_get(j, "recipient") != NULL && ob != NULL)
		field_errors_add(fe, "obligation",
		    "give either recipient or obligation, not both");
	p = enum_field(j, "phase", phase_names, PHASE__MAX, true, fe);
	if (p >= 0)
		out->phase = (enum phase)p;
	out->filed_at = now;
	if (time_field(j, "filed_at", false, &out->filed_at, fe) &&
	    out->filed_at > now)
		field_errors_add(fe, "filed_at", "lies in the future");
	out->case_ref = text_field(j, "case_ref", false, 200, false, fe);
	out->delay_reason =
	    text_field(j, "delay_reason", false, TEXT_LONG_MAX, true, fe);
	out->filed_by =
	    text_field(j, "filed_by", false, TEXT_SHORT_MAX, false, fe);
	out->filed_by_contact =
	    text_field(j, "filed_by_contact", false, TEXT_SHORT_MAX, false, fe);
	if (out->filed_by_contact != NULL && out->filed_by == NULL)
		field_errors_add(
		    fe, "filed_by_contact", "needs filed_by (who filed it)");
	return result(fe, n0);
}

enum err
valid_obligation(
    const json_t *j, struct obligation_req *out, struct field_errors *fe)
{
	static const char *const keys[] = { "recipient", "label", "article",
		"due_at" };
	size_t n0 = fe->n;

	memset(out, 0, sizeof(*out));
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	out->recipient = text_field(j, "recipient", true, 64, false, fe);
	out->label = text_field(j, "label", true, TEXT_SHORT_MAX, false, fe);
	out->article = text_field(j, "article", false, 64, false, fe);
	(void)time_field(j, "due_at", true, &out->due_at, fe);
	return result(fe, n0);
}

enum err
valid_note(const json_t *j, const char **text, struct field_errors *fe)
{
	static const char *const keys[] = { "text" };
	size_t n0 = fe->n;

	*text = NULL;
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	*text = text_field(j, "text", true, TEXT_LONG_MAX, true, fe);
	return result(fe, n0);
}

enum err
valid_reason(const json_t *j, const char **reason, struct field_errors *fe)
{
	static const char *const keys[] = { "reason" };
	size_t n0 = fe->n;

	*reason = NULL;
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	*reason = text_field(j, "reason", false, TEXT_LONG_MAX, true, fe);
	return result(fe, n0);
}

enum err
valid_settings(
    const json_t *j, struct settings_in *out, struct field_errors *fe)
{
	size_t n0 = fe->n;
	const char *k;
	json_t *v;

	memset(out, 0, sizeof(*out));
	if (!json_is_object(j)) {
		field_errors_add(fe, "(body)",
		    "must be a JSON object of settings (key: text or null)");
		return ERR_INVAL;
	}
	if (json_object_size(j) == 0) {
		field_errors_add(fe, "(body)", "no settings given");
		return ERR_INVAL;
	}
	json_object_foreach ((json_t *)j, k, v) {
		const char *s = NULL;

		if (out->n == SETTINGS_PATCH_MAX) {
			field_errors_add(fe, "(body)",
			    "at most %d settings at once", SETTINGS_PATCH_MAX);
			break;
		}
		if (strlen(k) > 64 || text_problem(k, strlen(k), 64, false)) {
			field_errors_add(fe, "(key)", "not a setting name");
			continue;
		}
		if (!json_is_null(v)) {
			s = text_field(j, k, false, TEXT_LONG_MAX, true, fe);
			if (s == NULL)
				continue;
		}
		out->key[out->n] = k;
		out->value[out->n] = s;
		out->n++;
	}
	return result(fe, n0);
}

enum err
valid_template(const json_t *j, const char **source, struct field_errors *fe)
{
	static const char *const keys[] = { "source" };
	size_t n0 = fe->n;

	*source = NULL;
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	*source = text_field(j, "source", true, SOURCE_MAX, true, fe);
	return result(fe, n0);
}

enum err
valid_user(const json_t *j, struct user_in *out, struct field_errors *fe)
{
	static const char *const keys[] = { "name", "role", "lang",
		"password" };
	static const char *const langs[] = { "de", "en" };
	size_t n0 = fe->n;
	int r, l;

	memset(out, 0, sizeof(*out));
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	out->name = text_field(j, "name", true, 64, false, fe);
	r = enum_field(j, "role", urole_names, UROLE__MAX, true, fe);
	out->role = r >= 0 ? urole_names[r] : NULL;
	l = enum_field(j, "lang", langs, 2, false, fe);
	out->lang = l >= 0 ? langs[l] : NULL;
	out->password =
	    text_field(j, "password", false, PASSWORD_FIELD_MAX, false, fe);
	return result(fe, n0);
}

enum err
valid_user_change(
    const json_t *j, struct account_change *out, struct field_errors *fe)
{
	static const char *const keys[] = { "role", "password", "disabled",
		"unlock" };
	size_t n0 = fe->n;
	json_t *d, *u;
	int r;

	memset(out, 0, sizeof(*out));
	out->disable = -1;
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	r = enum_field(j, "role", urole_names, UROLE__MAX, false, fe);
	out->role = r >= 0 ? urole_names[r] : NULL;
	out->password =
	    text_field(j, "password", false, PASSWORD_FIELD_MAX, false, fe);
	d = json_object_get(j, "disabled");
	if (d != NULL && !json_is_boolean(d))
		field_errors_add(fe, "disabled", "must be true or false");
	else if (d != NULL)
		out->disable = json_is_true(d) ? 1 : 0;
	u = json_object_get(j, "unlock");
	if (u != NULL && !json_is_true(u))
		field_errors_add(fe, "unlock", "must be true (or left out)");
	else if (u != NULL)
		out->unlock = true;
	if (fe->n == n0 && json_object_size(j) == 0)
		field_errors_add(fe, "(body)",
		    "nothing to change: give role, password, disabled or "
		    "unlock");
	return result(fe, n0);
}

enum err
valid_token(const json_t *j, struct token_in *out, struct field_errors *fe)
{
	static const char *const keys[] = { "account", "label" };
	size_t n0 = fe->n;

	memset(out, 0, sizeof(*out));
	if (!object_only(j, keys, nitems(keys), fe))
		return ERR_INVAL;
	out->account = text_field(j, "account", true, 64, false, fe);
	out->label = text_field(j, "label", true, TEXT_SHORT_MAX, false, fe);
	return result(fe, n0);
}
