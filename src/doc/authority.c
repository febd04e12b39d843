/* SPDX-License-Identifier: MIT */
/*
 * doc/authority.c: validation of authority files (authorities/NAME.json),
 * the built-in ones embedded in the binary.  A file is outside input (a
 * DPO edits it to match the real form), so it is checked completely:
 * unknown fields, field keys outside the catalogue, duplicates, sizes,
 * and that the Art. 33(3) minimum is in the form at all.
 */
#include "base/base.h"

#include "base/str.h"
#include "doc/notify.h"
#include "embed.h"

const char *const authority_codes[] = { "nrw", "by", "bw", "bfdi", "en", NULL };

/* The Art. 33 content every notification form must offer. */
static const char *const minimum_keys[] = {
	"notification.type",
	"notification.case_ref",
	"notification.delay_reasons",
	"notification.withdrawal_reason",
	"controller.name",
	"dpo.name",
	"dpo.email",
	"nature.description",
	"data.categories",
	"data.records",
	"subjects.categories",
	"subjects.count",
	"consequences.likely",
	"measures.taken",
};

static bool
key_ok(const json_t *o, const char *const *keys, size_t n, const char *path,
    struct field_errors *fe)
{
	const char *key;
	json_t *v;
	bool ok = true;

	json_object_foreach ((json_t *)o, key, v) {
		size_t k;

		for (k = 0; k < n && strcmp(keys[k], key) != 0; k++)
			;
		if (k == n) {
			field_errors_add(
			    fe, path, "unknown field \"%.40s\"", key);
			ok = false;
		}
	}
	return ok;
}

static const char *
text(const json_t *o, const char *key, const char *path, bool required,
    size_t max, struct arena *a, struct field_errors *fe)
{
	const json_t *v = json_object_get(o, key);
	char where[96];
	const char *why;

	snprintf(where, sizeof(where), "%s%s%s", path, *path ? "." : "", key);
	if (v == NULL) {
		if (required)
			field_errors_add(fe, where, "required");
		return NULL;
	}
	if (!json_is_string(v)) {
		field_errors_add(fe, where, "must be a string");
		return NULL;
	}
	why = text_problem(json_string_value(v), json_string_length(v), max,
	    max > TEXT_SHORT_MAX);
	if (why == NULL && json_string_length(v) == 0)
		why = "empty";
	if (why != NULL) {
		field_errors_add(fe, where, "%s", why);
		return NULL;
	}
	return arena_strdup(a, json_string_value(v));
}

static bool
flag(const json_t *o, const char *key, const char *path, bool dflt,
    struct field_errors *fe)
{
	const json_t *v = json_object_get(o, key);

	if (v == NULL)
		return dflt;
	if (!json_is_boolean(v)) {
		field_errors_add(fe, path, "%s must be true or false", key);
		return dflt;
	}
	return json_is_true(v);
}

/* "required": true | false | ["follow-up", ...] into a phase mask. */
static unsigned
required_mask(const json_t *v, const char *path, struct field_errors *fe)
{
	unsigned mask = 0;
	size_t i;
	json_t *it;
	int k;

	if (v == NULL || json_is_false(v))
		return 0;
	if (json_is_true(v))
		return (1u << PHASE__MAX) - 1;
	if (!json_is_array(v) || json_array_size(v) == 0) {
		field_errors_add(fe, path,
		    "required must be true, false or "
		    "a list of phases (initial, follow-up, final, withdrawn)");
		return 0;
	}
	json_array_foreach (v, i, it) {
		k = json_is_string(it) ? name_lookup(phase_names, PHASE__MAX,
		                             json_string_value(it))
		                       : -1;
		if (k < 0)
			field_errors_add(fe, path,
			    "required[%zu] is not a "
			    "phase (initial, follow-up, final, withdrawn)",
			    i);
		else
			mask |= 1u << k;
	}
	return mask;
}

static void
parse_field(const json_t *o, const char *path, struct arena *a,
    struct auth_field *f, struct field_errors *fe)
{
	static const char *const keys[] = { "key", "label", "required",
		"unknown_allowed" };
	char where[96];

	if (!json_is_object(o)) {
		field_errors_add(fe, path, "must be an object");
		return;
	}
	key_ok(o, keys, nitems(keys), path, fe);
	f->key = text(o, "key", path, true, 64, a, fe);
	if (f->key != NULL && !notify_key_known(f->key)) {
		snprintf(where, sizeof(where), "%s.key", path);
		field_errors_add(fe, where,
		    "\"%.64s\" is not a field of the "
		    "catalogue (docs/notify.md)",
		    f->key);
		f->key = NULL;
	}
	f->label = text(o, "label", path, true, TEXT_SHORT_MAX, a, fe);
	snprintf(where, sizeof(where), "%s.required", path);
	f->required = required_mask(json_object_get(o, "required"), where, fe);
	f->unknown_ok = flag(o, "unknown_allowed", path, true, fe);
}

static void
parse_sections(const json_t *secs, struct arena *a, struct authority *out,
    struct field_errors *fe)
{
	char path[64], fpath[96];
	size_t i, k;
	json_t *s, *fields, *f;

	if (!json_is_array(secs) || json_array_size(secs) == 0 ||
	    json_array_size(secs) > AUTH_SECTIONS_MAX) {
		field_errors_add(fe, "sections",
		    "must be a list of 1 to %d "
		    "sections",
		    AUTH_SECTIONS_MAX);
		return;
	}
	out->n = json_array_size(secs);
	out->v = arena_allocarray(a, out->n, sizeof(*out->v));
	json_array_foreach (secs, i, s) {
		static const char *const keys[] = { "title", "fields" };
		struct auth_section *sec = &out->v[i];

		snprintf(path, sizeof(path), "sections[%zu]", i);
		if (!json_is_object(s)) {
			field_errors_add(fe, path, "must be an object");
			continue;
		}
		key_ok(s, keys, nitems(keys), path, fe);
		sec->title =
		    text(s, "title", path, true, TEXT_SHORT_MAX, a, fe);
		fields = json_object_get(s, "fields");
		if (!json_is_array(fields) || json_array_size(fields) == 0 ||
		    json_array_size(fields) > AUTH_FIELDS_MAX) {
			snprintf(fpath, sizeof(fpath), "%s.fields", path);
			field_errors_add(fe, fpath,
			    "must be a list of 1 to "
			    "%d fields",
			    AUTH_FIELDS_MAX);
			continue;
		}
		sec->n = json_array_size(fields);
		sec->v = arena_allocarray(a, sec->n, sizeof(*sec->v));
		json_array_foreach (fields, k, f) {
			snprintf(
			    fpath, sizeof(fpath), "%s.fields[%zu]", path, k);
			parse_field(f, fpath, a, &sec->v[k], fe);
		}
	}
}

/* Each key at most once; the Art. 33 minimum present. */
static void
check_keys(const struct authority *au, struct field_errors *fe)
{
	for (size_t i = 0; i < au->n; i++) {
		for (size_t k = 0; k < au->v[i].n; k++) {
			const char *key = au->v[i].v[k].key;
			char where[96];

			if (key == NULL)
				continue;
			for (size_t j = 0; j <= i; j++) {
				size_t end = j == i ? k : au->v[j].n;

				for (size_t m = 0; m < end; m++) {
					if (au->v[j].v[m].key == NULL ||
					    strcmp(au->v[j].v[m].key, key) != 0)
						continue;
					snprintf(where, sizeof(where),
					    "sections[%zu].fields[%zu].key", i,
					    k);
					field_errors_add(fe, where,
					    "\"%s\" "
					    "appears twice",
					    key);
				}
			}
		}
	}
	for (size_t m = 0; m < nitems(minimum_keys); m++) {
		bool found = false;

		for (size_t i = 0; i < au->n && !found; i++) {
			for (size_t k = 0; k < au->v[i].n && !found; k++)
				found = au->v[i].v[k].key != NULL &&
				        strcmp(au->v[i].v[k].key,
				            minimum_keys[m]) == 0;
		}
		if (!found)
			field_errors_add(fe, "sections",
			    "lacks the field "
			    "\"%s\" (Art. 33 GDPR content)",
			    minimum_keys[m]);
	}
}

static void
parse_top(const json_t *j, struct arena *a, struct authority *out,
    struct field_errors *fe)
{
	static const char *const keys[] = { "code", "name", "short_name",
		"language", "form", "labels_verified", "labels_note", "notes",
		"no_risk_blocked", "phase_labels", "sections" };
	const char *lang, *key;
	const json_t *notes, *pl;
	json_t *v;
	size_t i;
	char where[64];
	int k;

	key_ok(j, keys, nitems(keys), "(top)", fe);
	out->code = text(j, "code", "", true, 16, a, fe);
	if (out->code != NULL &&
	    strspn(out->code, "abcdefghijklmnopqrstuvwxyz0123456789_-") !=
	        strlen(out->code))
		field_errors_add(fe, "code",
		    "must be 1-16 characters of a-z, "
		    "0-9, _ and -");
	out->name = text(j, "name", "", true, TEXT_SHORT_MAX, a, fe);
	out->short_name = text(j, "short_name", "", true, 40, a, fe);
	lang = text(j, "language", "", true, 2, a, fe);
	if (lang != NULL && !str_eq(lang, "de") && !str_eq(lang, "en"))
		field_errors_add(fe, "language", "must be de or en");
	out->german = lang != NULL && str_eq(lang, "de");
	out->form = text(j, "form", "", false, TEXT_SHORT_MAX, a, fe);
	out->labels_verified =
	    flag(j, "labels_verified", "labels_verified", false, fe);
	out->no_risk_blocked =
	    flag(j, "no_risk_blocked", "no_risk_blocked", false, fe);
	out->labels_note = text(j, "labels_note", "", false, 2000, a, fe);
	notes = json_object_get(j, "notes");
	if (notes != NULL && (!json_is_array(notes) ||
	                         json_array_size(notes) > AUTH_NOTES_MAX)) {
		field_errors_add(fe, "notes",
		    "must be a list of at most %d "
		    "texts",
		    AUTH_NOTES_MAX);
	} else if (notes != NULL) {
		json_array_foreach (notes, i, v) {
			const char *why =
			    json_is_string(v)
			        ? text_problem(json_string_value(v),
			              json_string_length(v), 2000, true)
			        : "must be a string";

			snprintf(where, sizeof(where), "notes[%zu]", i);
			if (why == NULL && json_string_length(v) == 0)
				why = "empty";
			if (why != NULL)
				field_errors_add(fe, where, "%s", why);
			else
				out->notes[out->notes_n++] =
				    arena_strdup(a, json_string_value(v));
		}
	}
	pl = json_object_get(j, "phase_labels");
	if (pl != NULL && !json_is_object(pl)) {
		field_errors_add(fe, "phase_labels", "must be an object");
	} else if (pl != NULL) {
		json_object_foreach ((json_t *)pl, key, v) {
			k = name_lookup(phase_names, PHASE__MAX, key);
			if (k < 0) {
				field_errors_add(fe, "phase_labels",
				    "\"%.40s\" "
				    "is not a phase (initial, follow-up, "
				    "final, withdrawn)",
				    key);
				continue;
			}
			out->phase_labels[k] = text(pl, key, "phase_labels",
			    true, TEXT_SHORT_MAX, a, fe);
		}
	}
	parse_sections(json_object_get(j, "sections"), a, out, fe);
	check_keys(out, fe);
}

enum err
authority_parse(const char *json, size_t len, struct arena *a,
    struct authority *out, struct field_errors *fe)
{
	json_error_t jerr;
	json_t *j;
	size_t before = fe->n + fe->dropped;

	memset(out, 0, sizeof(*out));
	if (len > AUTHORITY_JSON_MAX) {
		field_errors_add(
		    fe, "(top)", "larger than %d bytes", AUTHORITY_JSON_MAX);
		return ERR_INVAL;
	}
	j = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
	if (j == NULL) {
		field_errors_add(fe, "(json)", "line %d, column %d: %s",
		    jerr.line, jerr.column, jerr.text);
		return ERR_INVAL;
	}
	if (!json_is_object(j))
		field_errors_add(fe, "(top)", "must be an object");
	else
		parse_top(j, a, out, fe);
	json_decref(j);
	return fe->n + fe->dropped > before ? ERR_INVAL : ERR_OK;
}

bool
authority_builtin_source(const char *code, const char **json, size_t *len)
{
	char name[64];

	snprintf(name, sizeof(name), "authorities/%.20s.json", code);
	for (size_t i = 0; i < embeds_n; i++) {
		if (strcmp(embeds[i].name, name) == 0) {
			*json = (const char *)embeds[i].data;
			*len = embeds[i].len;
			return true;
		}
	}
	return false;
}

enum err
authority_builtin(const char *code, struct arena *a, struct authority *out,
    struct field_errors *fe)
{
	const char *json;
	size_t len;

	if (!authority_builtin_source(code, &json, &len))
		return ERR_NOTFOUND;
	return authority_parse(json, len, a, out, fe);
}
