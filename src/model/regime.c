/* SPDX-License-Identifier: MIT */
/* model/regime.c: validation of regime documents. */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "model/regime.h"

static const char *const trigger_names[TRIGGER__MAX] = {
	"aware",
	"decision:communicate",
	"decision:public_notice",
};
static const char *const anchor_names[ANCHOR__MAX] = {
	"aware_at",
	"discovered_at",
	"decided_at",
};

static const char *
get_text(const json_t *o, const char *key, const char *path, bool required,
    struct arena *a, struct field_errors *fe)
{
	const json_t *v = json_object_get(o, key);
	char where[96];
	const char *why;

	snprintf(where, sizeof(where), "%s%s", path, key);
	if (v == NULL) {
		if (required)
			field_errors_add(fe, where, "required");
		return NULL;
	}
	if (!json_is_string(v)) {
		field_errors_add(fe, where, "must be a string");
		return NULL;
	}
	why = text_problem(
	    json_string_value(v), json_string_length(v), TEXT_SHORT_MAX, false);
	if (why != NULL || json_string_length(v) == 0) {
		field_errors_add(fe, where, "%s", why ? why : "empty");
		return NULL;
	}
	return arena_strdup(a, json_string_value(v));
}

static void
parse_rule(const json_t *o, size_t i, struct arena *a, struct regime_rule *r,
    struct field_errors *fe)
{
	static const char *const keys[] = { "id", "recipient", "label",
		"article", "when", "roles", "anchor", "deadline", "undue_delay",
		"reminder", "topic" };
	char path[32], where[96];
	const char *key, *s, *dur;
	const json_t *v, *roles;
	int k;
	int64_t secs;
	size_t j;
	bool undue;

	snprintf(path, sizeof(path), "rules[%zu].", i);
	if (!json_is_object(o)) {
		field_errors_add(fe, path, "must be an object");
		return;
	}
	json_object_foreach ((json_t *)o, key, v) {
		for (k = 0; k < (int)nitems(keys); k++) {
			if (strcmp(keys[k], key) == 0)
				break;
		}
		if (k == (int)nitems(keys)) {
			snprintf(where, sizeof(where), "%s%.40s", path, key);
			field_errors_add(fe, where, "unknown field");
		}
	}
	r->id = get_text(o, "id", path, true, a, fe);
	r->recipient = get_text(o, "recipient", path, true, a, fe);
	r->label = get_text(o, "label", path, true, a, fe);
	r->article = get_text(o, "article", path, true, a, fe);
	s = get_text(o, "when", path, true, a, fe);
	k = name_lookup(trigger_names, TRIGGER__MAX, s);
	snprintf(where, sizeof(where), "%swhen", path);
	if (s != NULL && k < 0)
		field_errors_add(fe, where,
		    "must be aware, "
		    "decision:communicate or decision:public_notice");
	r->trigger = k < 0 ? TRIGGER_AWARE : (enum trigger)k;
	s = get_text(o, "anchor", path, true, a, fe);
	k = name_lookup(anchor_names, ANCHOR__MAX, s);
	snprintf(where, sizeof(where), "%sanchor", path);
	if (s != NULL && k < 0)
		field_errors_add(fe, where,
		    "must be aware_at, discovered_at "
		    "or decided_at");
	r->anchor = k < 0 ? ANCHOR_AWARE : (enum anchor)k;
	if (r->anchor == ANCHOR_DECIDED && r->trigger == TRIGGER_AWARE)
		field_errors_add(fe, where,
		    "decided_at needs a decision "
		    "trigger");
	s = get_text(o, "topic", path, false, a, fe);
	r->topic = s == NULL ? -1 : name_lookup(topic_names, TOPIC__MAX, s);
	snprintf(where, sizeof(where), "%stopic", path);
	if (s != NULL && r->topic < 0)
		field_errors_add(fe, where, "must be authority or subjects");
	roles = json_object_get(o, "roles");
	snprintf(where, sizeof(where), "%sroles", path);
	if (!json_is_array(roles) || json_array_size(roles) == 0) {
		field_errors_add(fe, where,
		    "must be a non-empty list of "
		    "roles");
	} else {
		json_array_foreach (roles, j, v) {
			k = -1;
			for (unsigned x = 0;
			     json_is_string(v) && x < enum_count("role"); x++) {
				if (strcmp(enum_json_name("role", x),
				        json_string_value(v)) == 0)
					k = (int)x;
			}
			if (k < 0)
				field_errors_add(fe, where, "unknown role");
			else
				r->roles |= 1u << k;
		}
	}
	undue = json_is_true(json_object_get(o, "undue_delay"));
	dur = get_text(o, undue ? "reminder" : "deadline", path, true, a, fe);
	snprintf(where, sizeof(where), "%s%s", path,
	    undue ? "reminder" : "deadline");
	if (dur != NULL &&
	    duration_parse(dur, strlen(dur), &secs, &s) != ERR_OK)
		field_errors_add(fe, where, "%s", s);
	else if (dur != NULL)
		r->period_s = secs;
	r->kind = undue ? KIND_UNDUE : KIND_DEADLINE;
}

enum err
regime_parse(const char *json, size_t len, struct arena *a, struct regime *out,
    struct field_errors *fe)
{
	json_error_t jerr;
	json_t *j, *rules, *v;
	const char *key;
	size_t before = fe->n, i;

	memset(out, 0, sizeof(*out));
	if (len > REGIME_JSON_MAX) {
		field_errors_add(
		    fe, "(top)", "larger than %d bytes", REGIME_JSON_MAX);
		return ERR_INVAL;
	}
	j = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
	if (j == NULL) {
		field_errors_add(fe, "(json)", "line %d, column %d: %s",
		    jerr.line, jerr.column, jerr.text);
		return ERR_INVAL;
	}
	if (!json_is_object(j)) {
		field_errors_add(fe, "(top)", "must be an object");
		goto out;
	}
	json_object_foreach (j, key, v) {
		if (strcmp(key, "id") != 0 && strcmp(key, "name") != 0 &&
		    strcmp(key, "rules") != 0)
			field_errors_add(fe, key, "unknown field");
	}
	out->id = get_text(j, "id", "", true, a, fe);
	out->name = get_text(j, "name", "", true, a, fe);
	if (out->id != NULL) {
		for (const char *p = out->id; *p; p++) {
			if (!((*p >= 'a' && *p <= 'z') ||
			        (*p >= '0' && *p <= '9') || *p == '_' ||
			        *p == '-') ||
			    p - out->id >= 32) {
				field_errors_add(fe, "id",
				    "must be 1-32 "
				    "characters of a-z, 0-9, _ and -");
				break;
			}
		}
	}
	rules = json_object_get(j, "rules");
	if (!json_is_array(rules) || json_array_size(rules) == 0 ||
	    json_array_size(rules) > REGIME_RULES_MAX) {
		field_errors_add(fe, "rules", "must be a list of 1 to %d rules",
		    REGIME_RULES_MAX);
		goto out;
	}
	json_array_foreach (rules, i, v) {
		parse_rule(v, i, a, &out->rules[i], fe);
		for (size_t k = 0; k < i; k++) {
			if (out->rules[i].id && out->rules[k].id &&
			    strcmp(out->rules[i].id, out->rules[k].id) == 0)
				field_errors_add(fe, "rules",
				    "duplicate rule "
				    "id \"%s\"",
				    out->rules[i].id);
		}
	}
	out->rules_n = json_array_size(rules);
out:
	json_decref(j);
	return fe->n > before ? ERR_INVAL : ERR_OK;
}
