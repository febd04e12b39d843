/* SPDX-License-Identifier: MIT */
/*
 * model/facts_reg.c: the register columns of an incident (struct
 * incident_reg) derived from its canonical facts, and their comparison.
 * One derivation serves the writers (create, edit, import, erase) and
 * verify, so the columns and the check cannot drift apart.
 */
#include "base/base.h"

#include "base/clock.h"
#include "model/facts.h"

static const json_t *
get2(const json_t *o, const char *a, const char *b)
{
	const json_t *v = json_object_get(o, a);

	return b != NULL ? json_object_get(v, b) : v;
}

static const char *
str2(const json_t *o, const char *a, const char *b, struct arena *ar)
{
	const json_t *v = get2(o, a, b);

	return json_is_string(v) ? arena_strdup(ar, json_string_value(v))
	                         : NULL;
}

/* The strings of a list joined with ';'; "" if empty, NULL if absent. */
static const char *
list2(const json_t *o, const char *a, const char *b, struct arena *ar)
{
	const json_t *v = get2(o, a, b);
	size_t i, len = 0;
	json_t *it;
	char *s, *p;

	if (!json_is_array(v))
		return NULL;
	json_array_foreach (v, i, it) {
		if (json_is_string(it))
			len += json_string_length(it) + 1;
	}
	p = s = arena_alloc(ar, len + 1);
	json_array_foreach (v, i, it) {
		if (!json_is_string(it))
			continue;
		if (i > 0)
			*p++ = ';';
		memcpy(p, json_string_value(it), json_string_length(it));
		p += json_string_length(it);
	}
	*p = '\0';
	return s;
}

static int
tri2(const json_t *o, const char *a, const char *b)
{
	const json_t *v = get2(o, a, b);

	return json_is_true(v) ? 1 : json_is_false(v) ? 0 : -1;
}

static int64_t
count2(const json_t *o, const char *a, const char *b)
{
	const json_t *v = get2(o, a, b);

	return json_is_integer(v) && json_integer_value(v) >= 0
	           ? (int64_t)json_integer_value(v)
	           : -1;
}

static int64_t
time2(const json_t *o, const char *a, const char *b)
{
	const json_t *v = get2(o, a, b);
	const char *why;
	int64_t at;

	if (!json_is_string(v) ||
	    iso8601_parse(json_string_value(v), json_string_length(v), &at,
	        &why) != ERR_OK)
		return TIME_UNKNOWN;
	return at;
}

void
facts_reg(const json_t *f, struct arena *a, struct incident_reg *out)
{
	out->role = str2(f, "role", NULL, a);
	out->occurred_from = time2(f, "timeline", "occurred_from");
	out->occurred_to = time2(f, "timeline", "occurred_to");
	out->confidentiality = tri2(f, "nature", "confidentiality");
	out->integrity = tri2(f, "nature", "integrity");
	out->availability = tri2(f, "nature", "availability");
	out->breach_type = str2(f, "nature", "type", a);
	out->data_categories = list2(f, "data", "categories", a);
	out->subject_categories = list2(f, "subjects", "categories", a);
	out->subjects = count2(f, "subjects", "count");
	out->subjects_estimate =
	    json_is_true(get2(f, "subjects", "count_is_estimate"));
	out->records = count2(f, "subjects", "records");
	out->consequences_likely = list2(f, "consequences", "likely", a);
	out->consequences = str2(f, "consequences", "text", a);
	out->measures_taken = str2(f, "measures", "taken", a);
}

static bool
str_same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	       (a != NULL && b != NULL && strcmp(a, b) == 0);
}

const char *
facts_reg_diff(const struct incident_reg *a, const struct incident_reg *b)
{
#define S(f)                       \
	if (!str_same(a->f, b->f)) \
		return #f;
#define N(f)              \
	if (a->f != b->f) \
		return #f;
	S(role)
	N(occurred_from)
	N(occurred_to)
	N(confidentiality)
	N(integrity)
	N(availability)
	S(breach_type)
	S(data_categories)
	S(subject_categories)
	N(subjects)
	N(subjects_estimate)
	N(records)
	S(consequences_likely)
	S(consequences)
	S(measures_taken)
#undef S
#undef N
	return NULL;
}
