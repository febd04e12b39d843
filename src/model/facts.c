/* SPDX-License-Identifier: MIT */
/*
 * model/facts.c: the facts field table and everything generated from it:
 * validation (outside JSON -> struct facts + field errors), the canonical
 * JSON, the JSON Schema and the Markdown reference.
 */
#include "base/base.h"

#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/str.h"
#include "model/facts.h"

struct enum_def {
	const char *name;
	unsigned n;
	const char *const *json;
	const char *const *en;
	const char *const *de;
	bool has_unknown;
};

#define XJ(e, s, en, de) s,
#define XE(e, s, en, de) en,
#define XD(e, s, en, de) de,
#define DEF(id, LIST, unk)                                                \
	static const char *const id##_json[] = { LIST(XJ) };              \
	static const char *const id##_en[] = { LIST(XE) };                \
	static const char *const id##_de[] = { LIST(XD) };                \
	static const struct enum_def id##_def = { #id, nitems(id##_json), \
		id##_json, id##_en, id##_de, unk };

DEF(role, ROLE_LIST, true)
DEF(sector, SECTOR_LIST, false)
DEF(text_lang, TEXT_LANG_LIST, true)
DEF(discovery, DISCOVERY_LIST, true)
DEF(breach_type, BREACH_TYPE_LIST, true)
DEF(intent, INTENT_LIST, true)
DEF(origin, ORIGIN_LIST, true)
DEF(attack, ATTACK_LIST, true)
DEF(data_category, DATA_CAT_LIST, false)
DEF(subject_category, SUBJECT_CAT_LIST, false)
DEF(encryption, ENCRYPTION_LIST, true)
DEF(password_storage, PWSTORE_LIST, true)
DEF(recipients, RECIPIENTS_LIST, true)
DEF(credentials_unlock, UNLOCKS_LIST, false)
DEF(identifier, IDENT_LIST, false)
DEF(criticality, CRITICALITY_LIST, true)
DEF(consequence, CONSEQ_LIST, false)
DEF(enisa_category, ENISA_CAT_LIST, false)
DEF(enisa_factor, ENISA_FACTOR_LIST, false)

static_assert(nitems(role_json) == ROLE__MAX, "role table");
static_assert(nitems(sector_json) == SECTOR__MAX, "sector table");
static_assert(nitems(text_lang_json) == TEXT_LANG__MAX, "language table");
static_assert(nitems(discovery_json) == DISCOVERY__MAX, "discovery table");
static_assert(nitems(breach_type_json) == BTYPE__MAX, "type table");
static_assert(nitems(intent_json) == INTENT__MAX, "intent table");
static_assert(nitems(origin_json) == ORIGIN__MAX, "origin table");
static_assert(nitems(attack_json) == ATTACK__MAX, "attack table");
static_assert(nitems(data_category_json) == DATA__MAX, "data table");
static_assert(DATA__MAX <= 64 && SUBJ__MAX <= 64 && CONSEQ__MAX <= 64,
    "sets are 64-bit masks");
static_assert(nitems(encryption_json) == ENC__MAX, "encryption table");
static_assert(nitems(password_storage_json) == PW__MAX, "pw table");
static_assert(nitems(recipients_json) == RCPT__MAX, "recipients table");
static_assert(nitems(criticality_json) == CRIT__MAX, "criticality table");
static_assert(nitems(enisa_category_json) == ENISA_CAT__MAX, "ENISA table");
static_assert(nitems(enisa_factor_json) == ENISA_F__MAX, "factor table");

static const struct enum_def *const enum_defs[] = {
	&role_def,
	&sector_def,
	&text_lang_def,
	&discovery_def,
	&breach_type_def,
	&intent_def,
	&origin_def,
	&attack_def,
	&data_category_def,
	&subject_category_def,
	&encryption_def,
	&password_storage_def,
	&recipients_def,
	&credentials_unlock_def,
	&identifier_def,
	&criticality_def,
	&consequence_def,
	&enisa_category_def,
	&enisa_factor_def,
};

enum ftype {
	FT_TEXT,     /* one line, <= TEXT_SHORT_MAX */
	FT_LONGTEXT, /* multi-line, <= TEXT_LONG_MAX */
	FT_TRI,      /* true / false / null */
	FT_FLAG,     /* true / false; absent = false */
	FT_ENUM,
	FT_SET,
	FT_TIME,
	FT_COUNT,
	FT_DURATION,
	FT_COUNTRIES, /* ISO 3166-1 alpha-2 */
	FT_EEA,       /* EEA member states only */
	FT_NAMES,     /* list of one-line texts */
	FT_IDS,       /* list of identifiers [a-z0-9_-] */
	FT_ENISA_ADJ, /* list of ENISA DPC adjustment objects */
	FT__MAX
};

static const char *const ftype_names[FT__MAX] = {
	"text",
	"text (multi-line)",
	"true / false / null",
	"true / false",
	"enum",
	"list of enum",
	"date-time",
	"integer >= 0",
	"duration",
	"list of country codes",
	"list of EEA country codes",
	"list of names",
	"list of ids",
	"list of ENISA DPC adjustments",
};

struct field {
	const char *path;
	enum ftype type;
	size_t off;
	const struct enum_def *e;
	const char *doc;
};

#define F(p, t, m, e, d)                              \
	{                                             \
		p, t, offsetof(struct facts, m), e, d \
	}

static const struct field fields[] = {
	F("title", FT_TEXT, title, NULL,
	    "Short title of the incident (required)."),
	F("description", FT_LONGTEXT, description, NULL,
	    "What happened, where, who was involved, how it was learned, "
	    "who already knows (Art. 33(3)(a))."),
	F("role", FT_ENUM, role, &role_def,
	    "Our role for the affected processing."),
	F("sectors", FT_SET, sectors, &sector_def,
	    "Characteristics of the controller that make the data more "
	    "revealing (EDPB 9/2022 IV.B, ENISA DPC)."),
	F("system_criticality", FT_ENUM, system_criticality, &criticality_def,
	    "How critical the affected system or service is to the data "
	    "subjects."),
	F("reporter.name", FT_TEXT, reporter_name, NULL,
	    "Who reported the incident internally (personal data: erasable)."),
	F("reporter.function", FT_TEXT, reporter_function, NULL,
	    "The reporter's function."),
	F("reporter.email", FT_TEXT, reporter_email, NULL,
	    "The reporter's e-mail (personal data: erasable)."),
	F("reporter.phone", FT_TEXT, reporter_phone, NULL,
	    "The reporter's phone (personal data: erasable)."),
	F("timeline.discovered_at", FT_TIME, discovered_at, NULL,
	    "When the first alert or suspicion reached us."),
	F("timeline.aware_at", FT_TIME, aware_at, NULL,
	    "When we became aware with reasonable certainty (the Art. 33(1) "
	    "anchor); not before discovered_at."),
	F("timeline.occurred_from", FT_TIME, occurred_from, NULL,
	    "Start of the breach; absent if unknown."),
	F("timeline.occurred_to", FT_TIME, occurred_to, NULL,
	    "End of the breach; absent if unknown or ongoing."),
	F("timeline.ongoing", FT_TRI, ongoing, NULL,
	    "Whether the breach is still ongoing."),
	F("timeline.discovery", FT_ENUM, discovery, &discovery_def,
	    "How the breach was discovered."),
	F("timeline.discovery_text", FT_LONGTEXT, discovery_text, NULL,
	    "Details of the discovery."),
	F("timeline.processor_informed_at", FT_TIME, processor_informed_at,
	    NULL, "When the processor informed the controller (Art. 33(2))."),
	F("nature.confidentiality", FT_TRI, confidentiality, NULL,
	    "Unauthorised or accidental disclosure of, or access to, "
	    "personal data."),
	F("nature.integrity", FT_TRI, integrity, NULL,
	    "Unauthorised or accidental alteration of personal data."),
	F("nature.availability", FT_TRI, availability, NULL,
	    "Loss of access to, or destruction of, personal data (also "
	    "temporary)."),
	F("nature.type", FT_ENUM, breach_type, &breach_type_def,
	    "Breach type category as the authority forms ask for it."),
	F("cause.intent", FT_ENUM, intent, &intent_def,
	    "Accidental or malicious."),
	F("cause.origin", FT_ENUM, origin, &origin_def,
	    "Internal or external origin."),
	F("cause.attack", FT_ENUM, attack, &attack_def, "Type of attack."),
	F("cause.cyber_incident", FT_TRI, cyber_incident, NULL,
	    "Whether a cyber incident caused the breach."),
	F("data.categories", FT_SET, data, &data_category_def,
	    "Categories of personal data concerned (Art. 33(3)(a))."),
	F("data.text", FT_LONGTEXT, data_text, NULL,
	    "The data concerned, in words."),
	F("data.identifiers", FT_SET, identifiers, &identifier_def,
	    "Identifiers present in the breached data (ENISA EI)."),
	F("subjects.categories", FT_SET, subjects, &subject_category_def,
	    "Categories of data subjects (Art. 33(3)(a))."),
	F("subjects.text", FT_LONGTEXT, subjects_text, NULL,
	    "The data subjects, in words."),
	F("subjects.count", FT_COUNT, subjects_n, NULL,
	    "Approximate number of data subjects."),
	F("subjects.count_is_estimate", FT_FLAG, subjects_n_estimate, NULL,
	    "Whether subjects.count is an estimate."),
	F("subjects.records", FT_COUNT, records_n, NULL,
	    "Approximate number of personal data records."),
	F("subjects.records_is_estimate", FT_FLAG, records_n_estimate, NULL,
	    "Whether subjects.records is an estimate."),
	F("subjects.countries", FT_COUNTRIES, countries, NULL,
	    "Countries where the affected people live."),
	F("subjects.contact_available", FT_TRI, contact_available, NULL,
	    "Whether we hold contact details to reach each person."),
	F("subjects.disproportionate_effort", FT_TRI, disproportionate_effort,
	    NULL,
	    "Whether individual contact would take disproportionate effort "
	    "(Art. 34(3)(c))."),
	F("protection.encryption", FT_ENUM, encryption, &encryption_def,
	    "Encryption of the data before the breach."),
	F("protection.key_compromised", FT_TRI, key_compromised, NULL,
	    "Whether the key was compromised or can be worked out."),
	F("protection.pseudonymised", FT_TRI, pseudonymised, NULL,
	    "Whether the data was pseudonymised (reference table kept apart)."),
	F("protection.password_storage", FT_ENUM, password_storage,
	    &password_storage_def, "How leaked passwords were stored."),
	F("protection.credentials_unlock", FT_SET, credentials_unlock,
	    &credentials_unlock_def, "What leaked credentials give access to."),
	F("protection.backup_available", FT_TRI, backup_available, NULL,
	    "Whether a usable backup or other copy exists."),
	F("protection.restore_time", FT_DURATION, restore_s, NULL,
	    "Time to restore the data (ISO-8601 duration, e.g. PT4H)."),
	F("exposure.exfiltrated", FT_TRI, exfiltrated, NULL,
	    "Whether data was copied out."),
	F("exposure.recipients", FT_ENUM, recipients, &recipients_def,
	    "Who received or may have received the data."),
	F("exposure.recipients_text", FT_LONGTEXT, recipients_text, NULL,
	    "The recipients, in words."),
	F("exposure.already_public", FT_TRI, already_public, NULL,
	    "Whether the data was already publicly available."),
	F("exposure.misuse_observed", FT_TRI, misuse_observed, NULL,
	    "Whether misuse of the data has been observed."),
	F("consequences.likely", FT_SET, conseq_likely, &consequence_def,
	    "Likely consequences (Recital 85)."),
	F("consequences.occurred", FT_SET, conseq_occurred, &consequence_def,
	    "Consequences that have already occurred."),
	F("consequences.text", FT_LONGTEXT, conseq_text, NULL,
	    "Consequences, in words (Art. 33(3)(c))."),
	F("measures.taken", FT_LONGTEXT, measures_taken, NULL,
	    "Measures taken to address the breach and mitigate its effects "
	    "(Art. 33(3)(d))."),
	F("measures.planned", FT_LONGTEXT, measures_planned, NULL,
	    "Measures proposed or planned."),
	F("measures.prevent", FT_LONGTEXT, measures_prevent, NULL,
	    "Measures to prevent recurrence."),
	F("measures.neutralise_high_risk", FT_TRI, neutralised, NULL,
	    "Whether measures after the breach ensure the high risk is no "
	    "longer likely (Art. 34(3)(b))."),
	F("measures.neutralise_text", FT_LONGTEXT, neutralised_text, NULL,
	    "How the high risk was neutralised."),
	F("measures.law_enforcement_delay", FT_TRI, law_enforcement_delay, NULL,
	    "Whether law enforcement asked to delay the communication "
	    "to data subjects."),
	F("measures.police_report", FT_TRI, police_report, NULL,
	    "Whether a criminal complaint was filed."),
	F("measures.other_authorities", FT_LONGTEXT, other_authorities, NULL,
	    "Other authorities or bodies informed (police, BSI, ...)."),
	F("texts.lang", FT_ENUM, text_lang, &text_lang_def,
	    "The language the texts (description, consequences.text, "
	    "measures.*) were entered in: a document in that language quotes "
	    "them as they are."),
	F("texts.description_de", FT_LONGTEXT, text_de[FTEXT_DESCRIPTION], NULL,
	    "The description in German, quoted by German letters and notices "
	    "instead of the entered one."),
	F("texts.description_en", FT_LONGTEXT, text_en[FTEXT_DESCRIPTION], NULL,
	    "The description in English, quoted by English letters and "
	    "notices instead of the entered one."),
	F("texts.consequences_de", FT_LONGTEXT, text_de[FTEXT_CONSEQUENCES],
	    NULL, "consequences.text in German."),
	F("texts.consequences_en", FT_LONGTEXT, text_en[FTEXT_CONSEQUENCES],
	    NULL, "consequences.text in English."),
	F("texts.measures_taken_de", FT_LONGTEXT, text_de[FTEXT_MEASURES_TAKEN],
	    NULL, "measures.taken in German."),
	F("texts.measures_taken_en", FT_LONGTEXT, text_en[FTEXT_MEASURES_TAKEN],
	    NULL, "measures.taken in English."),
	F("texts.measures_planned_de", FT_LONGTEXT,
	    text_de[FTEXT_MEASURES_PLANNED], NULL,
	    "measures.planned in German."),
	F("texts.measures_planned_en", FT_LONGTEXT,
	    text_en[FTEXT_MEASURES_PLANNED], NULL,
	    "measures.planned in English."),
	F("jurisdiction.eea_establishment", FT_TRI, eea_establishment, NULL,
	    "Whether the controller has an establishment in the EEA."),
	F("jurisdiction.art3_2", FT_TRI, art3_2, NULL,
	    "Whether Art. 3(2) applies (targeting or monitoring people in "
	    "the EU)."),
	F("jurisdiction.cross_border", FT_TRI, cross_border, NULL,
	    "Whether the processing is cross-border (Art. 4(23))."),
	F("jurisdiction.member_states", FT_EEA, member_states, NULL,
	    "EEA member states whose residents are affected."),
	F("jurisdiction.lead_authority", FT_TEXT, lead_authority, NULL,
	    "Lead supervisory authority (Art. 56)."),
	F("jurisdiction.competent_authority", FT_TEXT, competent_authority,
	    NULL, "Competent supervisory authority (Art. 55)."),
	F("processors", FT_NAMES, processors, NULL,
	    "Processors involved in the affected processing."),
	F("regimes", FT_IDS, regimes, NULL,
	    "Notification regimes that apply (default [\"gdpr\"]); see "
	    "`breachkit regime list`."),
	F("enisa.adjustments", FT_ENISA_ADJ, enisa_adj, NULL,
	    "ENISA 2013 DPC adjustments: contextual factors that move the "
	    "basic score of a data category, each with its reason (see "
	    "\"ENISA DPC adjustments\" below)."),
};

static const char iso_countries[] =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBV"
    "BWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERES"
    "ETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIE"
    "ILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLY"
    "MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNU"
    "NZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSM"
    "SNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVE"
    "VGVIVNVUWFWSXKYEYTZAZMZW";
static const char eea_countries[] =
    "ATBEBGHRCYCZDKEEFIFRDEGRIEITLVLTLUMTNLPLPTROSKSIESSEISLINO";

static bool
code_in(const char *list, const char *cc)
{
	for (size_t i = 0; list[i] != '\0'; i += 2) {
		if (list[i] == cc[0] && list[i + 1] == cc[1])
			return true;
	}
	return false;
}

bool
facts_is_eea_country(const char *cc)
{
	return strlen(cc) == 2 && code_in(eea_countries, cc);
}

/* ---- enum registry ---------------------------------------------------- */

static const struct enum_def *
enum_find(const char *name)
{
	for (size_t i = 0; i < nitems(enum_defs); i++) {
		if (strcmp(enum_defs[i]->name, name) == 0)
			return enum_defs[i];
	}
	return NULL;
}

const char *
enum_json_name(const char *name, unsigned v)
{
	const struct enum_def *e = enum_find(name);

	return e != NULL && v < e->n ? e->json[v] : "?";
}

const char *
enum_label(const char *name, unsigned v, bool german)
{
	const struct enum_def *e = enum_find(name);

	if (e == NULL || v >= e->n)
		return "?";
	return german ? e->de[v] : e->en[v];
}

unsigned
enum_count(const char *name)
{
	const struct enum_def *e = enum_find(name);

	return e != NULL ? e->n : 0;
}

static int
enum_lookup(const struct enum_def *e, const char *s)
{
	for (unsigned i = 0; i < e->n; i++) {
		if (strcmp(e->json[i], s) == 0)
			return (int)i;
	}
	return -1;
}

bool
set_has(const struct set *s, unsigned bit)
{
	return s->known && (s->bits & ((uint64_t)1 << bit)) != 0;
}

/* ---- field errors ----------------------------------------------------- */

void
field_errors_add(
    struct field_errors *fe, const char *field, const char *fmt, ...)
{
	struct field_error *e;
	va_list ap;

	if (fe->n == FIELD_ERRORS_MAX) {
		fe->dropped++;
		return;
	}
	e = &fe->v[fe->n++];
	snprintf(e->field, sizeof(e->field), "%s", field);
	va_start(ap, fmt);
	vsnprintf(e->problem, sizeof(e->problem), fmt, ap);
	va_end(ap);
}

void
field_errors_print(const struct field_errors *fe, FILE *fp)
{
	for (size_t i = 0; i < fe->n; i++)
		fprintf(fp, "  %s: %s\n", fe->v[i].field, fe->v[i].problem);
	if (fe->dropped > 0)
		fprintf(fp, "  (%zu more problems not shown)\n", fe->dropped);
}

json_t *
field_errors_json(const struct field_errors *fe)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < fe->n; i++)
		json_array_append_new(
		    arr, json_pack("{s:s, s:s}", "field", fe->v[i].field,
		             "problem", fe->v[i].problem));
	return json_pack(
	    "{s:{s:s, s:o}}", "error", "code", "invalid", "fields", arr);
}

/* ---- sorted lookup of paths ------------------------------------------ */

static size_t sorted[nitems(fields)];
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static int
cmp_field(const void *a, const void *b)
{
	return strcmp(
	    fields[*(const size_t *)a].path, fields[*(const size_t *)b].path);
}

static void
sort_fields(void)
{
	for (size_t i = 0; i < nitems(fields); i++)
		sorted[i] = i;
	qsort(sorted, nitems(fields), sizeof(sorted[0]), cmp_field);
}

static const struct field *
field_find(const char *path)
{
	size_t lo = 0, hi = nitems(fields);

	pthread_once(&sorted_once, sort_fields);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(path, fields[sorted[mid]].path);

		if (c == 0)
			return &fields[sorted[mid]];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool
facts_is_time(
    const char *group, size_t group_len, const char *key, size_t key_len)
{
	const struct field *fd;
	char path[100];
	size_t n = 0;

	/* As local_object: no name of the field table is longer. */
	if (group_len > 48 || key_len > 48)
		return false;
	if (group_len > 0) {
		memcpy(path, group, group_len);
		path[group_len] = '.';
		n = group_len + 1;
	}
	memcpy(path + n, key, key_len);
	path[n + key_len] = '\0';
	fd = field_find(path);
	return fd != NULL && fd->type == FT_TIME;
}

/* True when `name` is a group ("timeline") of some dotted path. */
static bool
is_group(const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < nitems(fields); i++) {
		if (strncmp(fields[i].path, name, n) == 0 &&
		    fields[i].path[n] == '.')
			return true;
	}
	return false;
}

static_assert(FTEXT__MAX == nitems(((struct facts *)0)->text_de),
    "text_de and text_en have a slot per enum facts_text");

const char *const facts_text_paths[FTEXT__MAX] = { "description",
	"consequences.text", "measures.taken", "measures.planned" };

const char *
facts_text(
    const struct facts *f, enum facts_text t, bool german, bool *as_entered)
{
	const char *v = german ? f->text_de[t] : f->text_en[t];
	const char *entered[FTEXT__MAX] = { f->description, f->conseq_text,
		f->measures_taken, f->measures_planned };

	if (v != NULL && *v != '\0')
		return v;
	/* Quoted in another language than the document's, or in one
	 * nobody recorded. */
	if (entered[t] != NULL && *entered[t] != '\0' && as_entered != NULL &&
	    f->text_lang != (german ? TEXT_LANG_DE : TEXT_LANG_EN))
		*as_entered = true;
	return entered[t];
}

/* ---- validation -------------------------------------------------------- */

void
facts_init(struct facts *f)
{
	memset(f, 0, sizeof(*f));
	f->discovered_at = TIME_UNKNOWN;
	f->aware_at = TIME_UNKNOWN;
	f->occurred_from = TIME_UNKNOWN;
	f->occurred_to = TIME_UNKNOWN;
	f->processor_informed_at = TIME_UNKNOWN;
	f->subjects_n = COUNT_UNKNOWN;
	f->records_n = COUNT_UNKNOWN;
	f->restore_s = COUNT_UNKNOWN;
}

static bool
is_id(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		        (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		        s[i] == '-'))
			return false;
	}
	return true;
}

static void
check_list_item(const struct field *fd, const char *path, size_t i,
    const char *s, struct field_errors *fe, bool *ok)
{
	char where[96];

	snprintf(where, sizeof(where), "%s[%zu]", path, i);
	switch (fd->type) {
	case FT_COUNTRIES:
	case FT_EEA:
		if (strlen(s) != 2 || !code_in(iso_countries, s)) {
			field_errors_add(fe, where,
			    "\"%.8s\" is not an ISO "
			    "3166-1 alpha-2 country code (e.g. \"DE\")",
			    s);
			*ok = false;
		} else if (fd->type == FT_EEA && !code_in(eea_countries, s)) {
			field_errors_add(fe, where,
			    "\"%s\" is not an EEA "
			    "member state",
			    s);
			*ok = false;
		}
		break;
	case FT_IDS:
		if (!is_id(s)) {
			field_errors_add(fe, where,
			    "must be 1-32 characters "
			    "of a-z, 0-9, _ and -");
			*ok = false;
		}
		break;
	default: {
		const char *why =
		    text_problem(s, strlen(s), TEXT_SHORT_MAX, false);

		if (why != NULL) {
			field_errors_add(fe, where, "%s", why);
			*ok = false;
		}
		break;
	}
	}
}

static void
set_list(const struct field *fd, const char *path, const json_t *v,
    struct arena *a, void *slot, struct field_errors *fe)
{
	struct strlist *l = slot;
	size_t i;
	json_t *it;
	bool ok = true;

	if (!json_is_array(v)) {
		field_errors_add(fe, path, "must be a list or null");
		return;
	}
	if (json_array_size(v) > LIST_MAX) {
		field_errors_add(fe, path, "more than %d items", LIST_MAX);
		return;
	}
	l->v = arena_allocarray(a, json_array_size(v) + 1, sizeof(char *));
	json_array_foreach (v, i, it) {
		char where[96];

		if (!json_is_string(it)) {
			snprintf(where, sizeof(where), "%s[%zu]", path, i);
			field_errors_add(fe, where, "must be a string");
			ok = false;
			continue;
		}
		check_list_item(fd, path, i, json_string_value(it), fe, &ok);
		for (size_t k = 0; k < l->n; k++) {
			if (strcmp(l->v[k], json_string_value(it)) == 0) {
				snprintf(
				    where, sizeof(where), "%s[%zu]", path, i);
				field_errors_add(
				    fe, where, "duplicate \"%.40s\"", l->v[k]);
				ok = false;
			}
		}
		l->v[l->n++] = arena_strdup(a, json_string_value(it));
	}
	l->known = ok;
}

static void
set_enum_set(const struct field *fd, const char *path, const json_t *v,
    void *slot, struct field_errors *fe)
{
	struct set *s = slot;
	size_t i;
	json_t *it;
	bool ok = true;

	if (!json_is_array(v)) {
		field_errors_add(fe, path, "must be a list of values or null");
		return;
	}
	json_array_foreach (v, i, it) {
		char where[96];
		int k = -1;

		snprintf(where, sizeof(where), "%s[%zu]", path, i);
		if (json_is_string(it))
			k = enum_lookup(fd->e, json_string_value(it));
		if (k < 0) {
			field_errors_add(fe, where,
			    "unknown value%s%.40s%s; "
			    "see docs/facts.md (%s)",
			    json_is_string(it) ? " \"" : "",
			    json_is_string(it) ? json_string_value(it) : "",
			    json_is_string(it) ? "\"" : "", fd->e->name);
			ok = false;
		} else if (s->bits & ((uint64_t)1 << k)) {
			field_errors_add(
			    fe, where, "duplicate \"%s\"", fd->e->json[k]);
			ok = false;
		} else {
			s->bits |= (uint64_t)1 << k;
		}
	}
	s->known = ok;
}

/* ---- ENISA DPC adjustments (enisa.adjustments) ------------------------ */

static json_t *enum_values(const struct enum_def *);

static const int enisa_base[ENISA_CAT__MAX] = { 1, 2, 3, 4 };
static const int enisa_min[ENISA_CAT__MAX] = { 0, -1, -2, -3 };
static const int enisa_max[ENISA_CAT__MAX] = { 3, 2, 1, 0 };

int
enisa_cat_base(enum enisa_cat c)
{
	return c < ENISA_CAT__MAX ? enisa_base[c] : 1;
}

int
enisa_cat_min(enum enisa_cat c)
{
	return c < ENISA_CAT__MAX ? enisa_min[c] : 0;
}

int
enisa_cat_max(enum enisa_cat c)
{
	return c < ENISA_CAT__MAX ? enisa_max[c] : 0;
}

bool
enisa_factor_raises(enum enisa_factor f)
{
	return f == ENISA_F_VOLUME || f == ENISA_F_CONTROLLER ||
	       f == ENISA_F_SUBJECTS;
}

/*
 * One adjustment object at `where` ("enisa.adjustments[1]").  Every
 * problem is reported with the member's path; returns false if any.
 */
static bool
enisa_adj_item(const char *where, const json_t *it, struct arena *a,
    struct enisa_adjustment *out, struct field_errors *fe)
{
	static const char *const keys[] = { "category", "factor", "delta",
		"reason" };
	const char *key, *why;
	json_t *v;
	char p[112];
	int cat = -1, fac = -1, lo, hi;
	bool ok = true;

	if (!json_is_object(it)) {
		field_errors_add(fe, where,
		    "must be an object with category, "
		    "factor, delta and reason");
		return false;
	}
	json_object_foreach ((json_t *)it, key, v) {
		size_t k;

		for (k = 0; k < nitems(keys); k++) {
			if (strcmp(key, keys[k]) == 0)
				break;
		}
		if (k == nitems(keys)) {
			snprintf(p, sizeof(p), "%s.%.40s", where, key);
			field_errors_add(fe, p, "unknown field");
			ok = false;
		}
	}
	v = json_object_get(it, "category");
	if (json_is_string(v))
		cat = enum_lookup(&enisa_category_def, json_string_value(v));
	if (cat < 0) {
		snprintf(p, sizeof(p), "%s.category", where);
		field_errors_add(fe, p,
		    "required; one of: simple, behavioural, "
		    "financial, sensitive");
		ok = false;
	}
	v = json_object_get(it, "factor");
	if (json_is_string(v))
		fac = enum_lookup(&enisa_factor_def, json_string_value(v));
	if (fac < 0) {
		snprintf(p, sizeof(p), "%s.factor", where);
		field_errors_add(fe, p,
		    "required; one of: volume, "
		    "controller_characteristics, subject_characteristics, "
		    "invalid_or_inaccurate, publicly_available, "
		    "no_substantial_insight");
		ok = false;
	}
	v = json_object_get(it, "delta");
	snprintf(p, sizeof(p), "%s.delta", where);
	if (!json_is_integer(v)) {
		field_errors_add(fe, p, "required; a whole number");
		ok = false;
	} else if (cat >= 0 && fac >= 0) {
		lo = enisa_factor_raises(fac) ? 0 : enisa_min[cat];
		hi = enisa_factor_raises(fac) ? enisa_max[cat] : 0;
		if (json_integer_value(v) < lo || json_integer_value(v) > hi) {
			field_errors_add(fe, p,
			    "must be from %d to %d for %s "
			    "data and factor %s (ENISA 2013, Table 1)",
			    lo, hi, enisa_category_json[cat],
			    enisa_factor_json[fac]);
			ok = false;
		}
	}
	v = json_object_get(it, "reason");
	snprintf(p, sizeof(p), "%s.reason", where);
	if (!json_is_string(v) || json_string_length(v) == 0) {
		field_errors_add(fe, p, "required; say why the factor applies");
		ok = false;
	} else {
		why = text_problem(json_string_value(v), json_string_length(v),
		    ENISA_REASON_MAX, false);
		if (why != NULL) {
			field_errors_add(fe, p, "%s (at most %d bytes)", why,
			    ENISA_REASON_MAX);
			ok = false;
		}
	}
	if (!ok)
		return false;
	out->category = cat;
	out->factor = fac;
	out->delta = (int)json_integer_value(json_object_get(it, "delta"));
	out->reason =
	    arena_strndup(a, json_string_value(v), json_string_length(v));
	return true;
}

/*
 * "enisa.adjustments": a list of at most ENISA_ADJ_MAX objects; one
 * adjustment per (category, factor).  null leaves it unknown.
 */
static void
set_enisa_adj(const char *path, const json_t *v, struct arena *a, void *slot,
    struct field_errors *fe)
{
	struct enisa_adjustments *l = slot;
	size_t i;
	json_t *it;
	bool ok = true;

	if (!json_is_array(v)) {
		field_errors_add(fe, path,
		    "must be a list of adjustment "
		    "objects or null");
		return;
	}
	if (json_array_size(v) > ENISA_ADJ_MAX) {
		field_errors_add(fe, path, "more than %d items", ENISA_ADJ_MAX);
		return;
	}
	l->v = arena_allocarray(a, json_array_size(v) + 1, sizeof(*l->v));
	json_array_foreach (v, i, it) {
		char where[96];

		snprintf(where, sizeof(where), "%s[%zu]", path, i);
		if (!enisa_adj_item(where, it, a, &l->v[l->n], fe)) {
			ok = false;
			continue;
		}
		for (size_t k = 0; k < l->n; k++) {
			if (l->v[k].category == l->v[l->n].category &&
			    l->v[k].factor == l->v[l->n].factor) {
				field_errors_add(fe, where,
				    "duplicate: "
				    "%s data already has an adjustment for "
				    "%s",
				    enisa_category_json[l->v[k].category],
				    enisa_factor_json[l->v[k].factor]);
				ok = false;
			}
		}
		l->n++;
	}
	l->known = ok;
}

static json_t *
enisa_adj_json(const struct enisa_adjustments *l)
{
	json_t *arr;

	if (!l->known)
		return NULL;
	arr = json_array();
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(
		    arr, json_pack("{s:s, s:s, s:i, s:s}", "category",
		             enisa_category_json[l->v[i].category], "factor",
		             enisa_factor_json[l->v[i].factor], "delta",
		             l->v[i].delta, "reason", l->v[i].reason));
	return arr;
}

/*
 * One schema branch per category and direction, so the schema states the
 * same ranges the validator enforces.
 */
static json_t *
enisa_adj_schema(void)
{
	json_t *branches = json_array();

	for (unsigned c = 0; c < ENISA_CAT__MAX; c++) {
		for (int up = 1; up >= 0; up--) {
			json_t *facs = json_array();

			for (unsigned f = 0; f < ENISA_F__MAX; f++) {
				if (enisa_factor_raises(f) == (up == 1))
					json_array_append_new(facs,
					    json_string(enisa_factor_json[f]));
			}
			json_array_append_new(branches,
			    json_pack("{s:{s:{s:s}, s:{s:o}, s:{s:i, s:i}}}",
			        "properties", "category", "const",
			        enisa_category_json[c], "factor", "enum", facs,
			        "delta", "minimum", up ? 0 : enisa_min[c],
			        "maximum", up ? enisa_max[c] : 0));
		}
	}
	return json_pack(
	    "{s:[s,s], s:i, s:{s:s, s:b, s:[s,s,s,s], "
	    "s:{s:{s:o}, s:{s:o}, s:{s:s}, s:{s:s, s:i, s:i}}, s:o}}",
	    "type", "array", "null", "maxItems", ENISA_ADJ_MAX, "items", "type",
	    "object", "additionalProperties", 0, "required", "category",
	    "factor", "delta", "reason", "properties", "category", "enum",
	    enum_values(&enisa_category_def), "factor", "enum",
	    enum_values(&enisa_factor_def), "delta", "type", "integer",
	    "reason", "type", "string", "minLength", 1, "maxLength",
	    ENISA_REASON_MAX, "oneOf", branches);
}

static void
enisa_adj_doc(struct buf *b)
{
	buf_puts(b,
	    "\n### ENISA DPC adjustments\n\n"
	    "`enisa.adjustments` is a list of objects `{\"category\", "
	    "\"factor\", \"delta\", \"reason\"}`: a contextual factor from "
	    "ENISA's Assessment Table 1 (2013) that moves the basic score of "
	    "one data category, with the reason in words (required). At most "
	    "one adjustment per category and factor. Raising factors take a "
	    "delta from 0 up to the category's maximum, lowering factors "
	    "from the category's minimum up to 0. The risk engine clamps the "
	    "adjusted score to 1..4 and adds its own documented adjustments "
	    "(docs/assessment.md) where no explicit one is given.\n\n"
	    "| Category | Basic score | Delta range |\n|---|---|---|\n");
	for (unsigned c = 0; c < ENISA_CAT__MAX; c++)
		buf_printf(b, "| `%s` | %d | %+d .. %+d |\n",
		    enisa_category_json[c], enisa_base[c], enisa_min[c],
		    enisa_max[c]);
	buf_puts(b,
	    "\nRaising factors: `volume`, `controller_characteristics`, "
	    "`subject_characteristics`. Lowering factors: "
	    "`invalid_or_inaccurate`, `publicly_available`, "
	    "`no_substantial_insight`.\n");
}

static void
set_value(const struct field *fd, const char *path, const json_t *v,
    int64_t now, struct arena *a, struct facts *f, struct field_errors *fe)
{
	void *slot = (char *)f + fd->off;
	const char *why;
	int64_t t;

	if (json_is_null(v) && fd->type != FT_FLAG)
		return; /* unknown: already the default */
	switch (fd->type) {
	case FT_TEXT:
	case FT_LONGTEXT:
		if (!json_is_string(v)) {
			field_errors_add(fe, path, "must be a string or null");
			return;
		}
		why = text_problem(json_string_value(v), json_string_length(v),
		    fd->type == FT_TEXT ? TEXT_SHORT_MAX : TEXT_LONG_MAX,
		    fd->type == FT_LONGTEXT);
		if (why != NULL) {
			field_errors_add(fe, path, "%s (at most %d bytes)", why,
			    fd->type == FT_TEXT ? TEXT_SHORT_MAX
			                        : TEXT_LONG_MAX);
			return;
		}
		*(const char **)slot = arena_strndup(
		    a, json_string_value(v), json_string_length(v));
		return;
	case FT_TRI:
		if (!json_is_boolean(v)) {
			field_errors_add(
			    fe, path, "must be true, false or null (unknown)");
			return;
		}
		*(enum tri *)slot = json_is_true(v) ? TRI_YES : TRI_NO;
		return;
	case FT_FLAG:
		if (!json_is_boolean(v)) {
			field_errors_add(fe, path, "must be true or false");
			return;
		}
		*(bool *)slot = json_is_true(v);
		return;
	case FT_ENUM: {
		int k = json_is_string(v)
		            ? enum_lookup(fd->e, json_string_value(v))
		            : -1;

		if (k < 0) {
			struct buf b;

			buf_init(&b, 1024);
			for (unsigned i = 0; i < fd->e->n; i++)
				buf_printf(
				    &b, "%s%s", i ? ", " : "", fd->e->json[i]);
			field_errors_add(
			    fe, path, "must be one of: %.120s", buf_cstr(&b));
			buf_release(&b);
			return;
		}
		*(int *)slot = k;
		return;
	}
	case FT_SET:
		set_enum_set(fd, path, v, slot, fe);
		return;
	case FT_TIME:
		if (!json_is_string(v)) {
			field_errors_add(fe, path,
			    "must be an ISO-8601 "
			    "date-time string or null");
			return;
		}
		if (iso8601_parse(json_string_value(v), json_string_length(v),
		        &t, &why) != ERR_OK) {
			field_errors_add(fe, path, "%s", why);
			return;
		}
		if (t > now + 300) {
			field_errors_add(fe, path, "lies in the future");
			return;
		}
		*(int64_t *)slot = t;
		return;
	case FT_COUNT:
		if (!json_is_integer(v) || json_integer_value(v) < 0 ||
		    json_integer_value(v) > 100000000000LL) {
			field_errors_add(fe, path,
			    "must be a whole number "
			    "from 0 to 100000000000, or null");
			return;
		}
		*(int64_t *)slot = json_integer_value(v);
		return;
	case FT_DURATION:
		if (!json_is_string(v) ||
		    duration_parse(json_string_value(v), json_string_length(v),
		        &t, &why) != ERR_OK) {
			field_errors_add(fe, path, "%s",
			    json_is_string(v)
			        ? why
			        : "must be an ISO-8601 duration string like "
			          "PT4H, or null");
			return;
		}
		*(int64_t *)slot = t;
		return;
	case FT_COUNTRIES:
	case FT_EEA:
	case FT_NAMES:
	case FT_IDS:
		set_list(fd, path, v, a, slot, fe);
		return;
	case FT_ENISA_ADJ:
		set_enisa_adj(path, v, a, slot, fe);
		return;
	case FT__MAX:
		break;
	}
	BUG("field type");
}

static void
walk(const json_t *obj, const char *prefix, int64_t now, struct arena *a,
    struct facts *f, struct field_errors *fe)
{
	const char *key;
	json_t *v;

	json_object_foreach ((json_t *)obj, key, v) {
		char path[96];
		const struct field *fd;

		if (strlen(key) > 48) {
			field_errors_add(fe, prefix[0] ? prefix : "(top)",
			    "unknown field with a %zu-byte name", strlen(key));
			continue;
		}
		snprintf(path, sizeof(path), "%s%s%s", prefix,
		    prefix[0] ? "." : "", key);
		fd = field_find(path);
		if (fd != NULL) {
			set_value(fd, path, v, now, a, f, fe);
		} else if (prefix[0] == '\0' && is_group(key)) {
			if (json_is_object(v))
				walk(v, key, now, a, f, fe);
			else if (!json_is_null(v))
				field_errors_add(
				    fe, path, "must be an object or null");
		} else {
			field_errors_add(fe, path, "unknown field");
		}
	}
}

static void
cross_checks(const struct facts *f, struct field_errors *fe)
{
	if (f->title == NULL || f->title[0] == '\0')
		field_errors_add(fe, "title", "required");
	if (f->aware_at != TIME_UNKNOWN && f->discovered_at != TIME_UNKNOWN &&
	    f->aware_at < f->discovered_at)
		field_errors_add(fe, "timeline.aware_at",
		    "lies before "
		    "timeline.discovered_at: awareness cannot precede "
		    "discovery");
	if (f->occurred_from != TIME_UNKNOWN &&
	    f->occurred_to != TIME_UNKNOWN && f->occurred_to < f->occurred_from)
		field_errors_add(fe, "timeline.occurred_to",
		    "lies before timeline.occurred_from");
	if (f->occurred_from != TIME_UNKNOWN &&
	    f->discovered_at != TIME_UNKNOWN &&
	    f->discovered_at < f->occurred_from)
		field_errors_add(fe, "timeline.discovered_at",
		    "lies before "
		    "timeline.occurred_from: a breach cannot be discovered "
		    "before it began");
	if (f->ongoing == TRI_YES && f->occurred_to != TIME_UNKNOWN)
		field_errors_add(fe, "timeline.occurred_to",
		    "given, but timeline.ongoing is true");
	if (f->subjects_n_estimate && f->subjects_n == COUNT_UNKNOWN)
		field_errors_add(fe, "subjects.count_is_estimate",
		    "set, but subjects.count is unknown");
	if (f->records_n_estimate && f->records_n == COUNT_UNKNOWN)
		field_errors_add(fe, "subjects.records_is_estimate",
		    "set, but subjects.records is unknown");
}

enum err
facts_from_json(const json_t *j, int64_t now, struct arena *a,
    struct facts *out, struct field_errors *fe)
{
	size_t before = fe->n + fe->dropped;

	facts_init(out);
	if (!json_is_object(j)) {
		field_errors_add(
		    fe, "(top)", "the facts must be a JSON object");
		return ERR_INVAL;
	}
	walk(j, "", now, a, out, fe);
	cross_checks(out, fe);
	return fe->n + fe->dropped > before ? ERR_INVAL : ERR_OK;
}

enum err
facts_parse(const char *s, size_t len, int64_t now, struct arena *a,
    struct facts *out, json_t **json_out, struct field_errors *fe)
{
	json_error_t jerr;
	json_t *j;
	enum err rc;

	if (len > FACTS_JSON_MAX) {
		field_errors_add(fe, "(top)",
		    "document is %zu bytes; the "
		    "limit is %d",
		    len, FACTS_JSON_MAX);
		return ERR_INVAL;
	}
	j = json_loadb(s, len, JSON_REJECT_DUPLICATES, &jerr);
	if (j == NULL) {
		field_errors_add(fe, "(json)", "line %d, column %d: %s",
		    jerr.line, jerr.column, jerr.text);
		return ERR_INVAL;
	}
	rc = facts_from_json(j, now, a, out, fe);
	if (rc == ERR_OK && json_out != NULL)
		*json_out = j;
	else
		json_decref(j);
	return rc;
}

/* ---- canonical JSON --------------------------------------------------- */

static json_t *
set_json(const struct enum_def *e, const struct set *s)
{
	json_t *arr = json_array();

	for (unsigned i = 0; i < e->n; i++) {
		if (s->bits & ((uint64_t)1 << i))
			json_array_append_new(arr, json_string(e->json[i]));
	}
	return arr;
}

static json_t *
value_json(const struct field *fd, const struct facts *f, bool utc)
{
	const void *slot = (const char *)f + fd->off;
	char tbuf[ISO_LEN > DUR_LEN ? ISO_LEN : DUR_LEN];

	switch (fd->type) {
	case FT_TEXT:
	case FT_LONGTEXT:
		return *(const char *const *)slot != NULL
		           ? json_string(*(const char *const *)slot)
		           : NULL;
	case FT_TRI:
		if (*(const enum tri *)slot == TRI_UNKNOWN)
			return NULL;
		return json_boolean(*(const enum tri *)slot == TRI_YES);
	case FT_FLAG:
		return *(const bool *)slot ? json_true() : NULL;
	case FT_ENUM:
		if (fd->e->has_unknown && *(const int *)slot == 0)
			return NULL;
		return json_string(fd->e->json[*(const int *)slot]);
	case FT_SET:
		if (!((const struct set *)slot)->known)
			return NULL;
		return set_json(fd->e, slot);
	case FT_TIME:
		if (*(const int64_t *)slot == TIME_UNKNOWN)
			return NULL;
		if (utc)
			iso8601_format_utc(*(const int64_t *)slot, tbuf);
		else
			iso8601_format(*(const int64_t *)slot, tbuf);
		return json_string(tbuf);
	case FT_COUNT:
		if (*(const int64_t *)slot < 0)
			return NULL;
		return json_integer(*(const int64_t *)slot);
	case FT_DURATION:
		if (*(const int64_t *)slot < 0)
			return NULL;
		duration_format(*(const int64_t *)slot, tbuf);
		return json_string(tbuf);
	case FT_COUNTRIES:
	case FT_EEA:
	case FT_NAMES:
	case FT_IDS: {
		const struct strlist *l = slot;
		json_t *arr;

		if (!l->known)
			return NULL;
		arr = json_array();
		for (size_t i = 0; i < l->n; i++)
			json_array_append_new(arr, json_string(l->v[i]));
		return arr;
	}
	case FT_ENISA_ADJ:
		return enisa_adj_json(slot);
	case FT__MAX:
		break;
	}
	BUG("field type");
}

static json_t *
to_json(const struct facts *f, bool utc)
{
	json_t *root = json_object();

	for (size_t i = 0; i < nitems(fields); i++) {
		const char *dot = strchr(fields[i].path, '.');
		json_t *v = value_json(&fields[i], f, utc), *grp;
		char gname[32];

		if (v == NULL)
			continue;
		if (dot == NULL) {
			json_object_set_new(root, fields[i].path, v);
			continue;
		}
		snprintf(gname, sizeof(gname), "%.*s",
		    (int)(dot - fields[i].path), fields[i].path);
		grp = json_object_get(root, gname);
		if (grp == NULL) {
			grp = json_object();
			json_object_set_new(root, gname, grp);
		}
		json_object_set_new(grp, dot + 1, v);
	}
	return root;
}

json_t *
facts_to_json(const struct facts *f)
{
	return to_json(f, false);
}

json_t *
facts_to_json_utc(const struct facts *f)
{
	return to_json(f, true);
}

/* ---- the stored text, rewritten for display ---------------------------- */

/*
 * A scanner over compact JSON as jansson dumps it (no white space).  It
 * checks what it passes (string escapes, UTF-8, no control characters)
 * so that whatever it copies is well-formed JSON.
 */
struct scan {
	const char *p, *end;
};

/* A string at sc->p; its contents (escapes undone not) in *s, *n. */
static bool
scan_string(struct scan *sc, const char **s, size_t *n, bool *escaped)
{
	const char *p = sc->p;

	if (p >= sc->end || *p != '"')
		return false;
	*s = ++p;
	*escaped = false;
	while (p < sc->end && *p != '"') {
		unsigned char c = (unsigned char)*p;

		if (c < 0x20)
			return false;
		if (c == '\\') {
			*escaped = true;
			if (++p >= sc->end)
				return false;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (p + i >= sc->end ||
					    !isxdigit((unsigned char)p[i]))
						return false;
				p += 4;
			} else if (strchr("\"\\/bfnrt", *p) == NULL) {
				return false;
			}
		}
		p++;
	}
	if (p >= sc->end)
		return false;
	*n = (size_t)(p - *s);
	sc->p = p + 1;
	return utf8_valid(*s, *n);
}

static bool
scan_lit(struct scan *sc, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(sc->end - sc->p) < n || memcmp(sc->p, lit, n) != 0)
		return false;
	sc->p += n;
	return true;
}

/* An integer (the facts hold no other numbers). */
static bool
scan_int(struct scan *sc)
{
	const char *p = sc->p;

	if (p < sc->end && *p == '-')
		p++;
	if (p >= sc->end || !isdigit((unsigned char)*p))
		return false;
	if (*p == '0' && p + 1 < sc->end && isdigit((unsigned char)p[1]))
		return false;
	while (p < sc->end && isdigit((unsigned char)*p))
		p++;
	sc->p = p;
	return true;
}

/* Any value but null, nested at most `depth` deep. */
static bool
scan_value(struct scan *sc, int depth)
{
	const char *s;
	size_t n;
	bool esc;

	if (sc->p >= sc->end || depth == 0)
		return false;
	switch (*sc->p) {
	case '"':
		return scan_string(sc, &s, &n, &esc);
	case 't':
		return scan_lit(sc, "true");
	case 'f':
		return scan_lit(sc, "false");
	case '[':
	case '{': {
		char close = *sc->p == '[' ? ']' : '}';
		bool obj = close == '}';

		sc->p++;
		if (sc->p < sc->end && *sc->p == close) {
			sc->p++;
			return true;
		}
		for (;;) {
			if (obj && !(scan_string(sc, &s, &n, &esc) &&
			               scan_lit(sc, ":")))
				return false;
			if (!scan_value(sc, depth - 1))
				return false;
			if (sc->p < sc->end && *sc->p == ',') {
				sc->p++;
				continue;
			}
			return scan_lit(sc, obj ? "}" : "]");
		}
	}
	default:
		return scan_int(sc);
	}
}

static bool
is_enum_value(const struct enum_def *e, const char *s, size_t n)
{
	for (unsigned i = e->has_unknown ? 1 : 0; i < e->n; i++)
		if (strlen(e->json[i]) == n && memcmp(e->json[i], s, n) == 0)
			return true;
	return false;
}

/* A list of strings; of enum values when `e` is given. */
static bool
scan_str_array(struct scan *sc, const struct enum_def *e)
{
	const char *s;
	size_t n;
	bool esc;

	if (!scan_lit(sc, "["))
		return false;
	if (scan_lit(sc, "]"))
		return true;
	do {
		if (!scan_string(sc, &s, &n, &esc))
			return false;
		if (e != NULL && (esc || !is_enum_value(e, s, n)))
			return false;
	} while (scan_lit(sc, ","));
	return scan_lit(sc, "]");
}

/* One field's value: checked, and appended to `out` (times converted). */
static bool
local_value(struct scan *sc, const struct field *fd, struct buf *out)
{
	const char *from = sc->p, *s;
	char tbuf[ISO_LEN];
	size_t n;
	int64_t t;
	bool esc, ok;

	switch (fd->type) {
	case FT_TIME:
		/* Stored times are "YYYY-MM-DDTHH:MM:SSZ". */
		if (!scan_string(sc, &s, &n, &esc) || esc || n != 20 ||
		    s[19] != 'Z' || iso8601_parse(s, n, &t, &from) != ERR_OK)
			return false;
		iso8601_format(t, tbuf);
		return buf_putc(out, '"') == ERR_OK &&
		       buf_puts(out, tbuf) == ERR_OK &&
		       buf_putc(out, '"') == ERR_OK;
	case FT_TEXT:
	case FT_LONGTEXT:
	case FT_DURATION:
		ok = scan_string(sc, &s, &n, &esc);
		break;
	case FT_ENUM:
		ok = scan_string(sc, &s, &n, &esc) && !esc &&
		     is_enum_value(fd->e, s, n);
		break;
	case FT_TRI:
		ok = scan_lit(sc, "true") || scan_lit(sc, "false");
		break;
	case FT_FLAG: /* false is never stored: absent means false */
		ok = scan_lit(sc, "true");
		break;
	case FT_COUNT:
		ok = sc->p < sc->end && *sc->p != '-' && scan_int(sc);
		break;
	case FT_SET:
		ok = scan_str_array(sc, fd->e);
		break;
	case FT_COUNTRIES:
	case FT_EEA:
	case FT_NAMES:
	case FT_IDS:
		ok = scan_str_array(sc, NULL);
		break;
	case FT_ENISA_ADJ:
		ok = sc->p < sc->end && *sc->p == '[' && scan_value(sc, 3);
		break;
	default:
		ok = false;
		break;
	}
	return ok && buf_append(out, from, (size_t)(sc->p - from)) == ERR_OK;
}

/* The members of one object level: fields, or (at the top) groups. */
static bool
local_object(struct scan *sc, const char *group, struct buf *out)
{
	if (!scan_lit(sc, "{") || buf_putc(out, '{') != ERR_OK)
		return false;
	if (scan_lit(sc, "}"))
		return buf_putc(out, '}') == ERR_OK;
	do {
		const struct field *fd;
		const char *key;
		char path[100];
		size_t n, gn;
		bool esc;

		if (!scan_string(sc, &key, &n, &esc) || esc || n > 48 ||
		    !scan_lit(sc, ":"))
			return false;
		gn = strlen(group);
		memcpy(path, group, gn);
		path[gn] = '.';
		gn += gn > 0 ? 1 : 0;
		memcpy(path + gn, key, n);
		path[gn + n] = '\0';
		if (buf_putc(out, '"') != ERR_OK ||
		    buf_append(out, key, n) != ERR_OK ||
		    buf_puts(out, "\":") != ERR_OK)
			return false;
		fd = field_find(path);
		if (fd != NULL) {
			if (!local_value(sc, fd, out))
				return false;
		} else if (group[0] == '\0' && is_group(path)) {
			if (!local_object(sc, path, out))
				return false;
		} else {
			return false;
		}
	} while (scan_lit(sc, ",") && buf_putc(out, ',') == ERR_OK);
	return scan_lit(sc, "}") && buf_putc(out, '}') == ERR_OK;
}

enum err
facts_stored_to_local(const char *s, size_t len, struct buf *out)
{
	struct scan sc = { s, s + len };
	size_t was = out->len;

	if (len <= FACTS_JSON_MAX && local_object(&sc, "", out) &&
	    sc.p == sc.end)
		return ERR_OK;
	out->len = was;
	if (out->p != NULL)
		out->p[was] = '\0';
	return ERR_INVAL;
}

/* ---- JSON Schema and Markdown ----------------------------------------- */

static json_t *
enum_values(const struct enum_def *e)
{
	json_t *arr = json_array();

	for (unsigned i = 0; i < e->n; i++)
		json_array_append_new(arr, json_string(e->json[i]));
	return arr;
}

static json_t *
field_schema(const struct field *fd)
{
	json_t *s;

	switch (fd->type) {
	case FT_TEXT:
	case FT_LONGTEXT:
		s = json_pack("{s:[s,s], s:i}", "type", "string", "null",
		    "maxLength",
		    fd->type == FT_TEXT ? TEXT_SHORT_MAX : TEXT_LONG_MAX);
		break;
	case FT_TRI:
		s = json_pack("{s:[s,s]}", "type", "boolean", "null");
		break;
	case FT_FLAG:
		s = json_pack("{s:s}", "type", "boolean");
		break;
	case FT_ENUM:
		s = json_pack("{s:o}", "enum", enum_values(fd->e));
		json_array_append_new(json_object_get(s, "enum"), json_null());
		break;
	case FT_SET:
		s = json_pack("{s:[s,s], s:{s:o}, s:b, s:i}", "type", "array",
		    "null", "items", "enum", enum_values(fd->e), "uniqueItems",
		    1, "maxItems", LIST_MAX);
		break;
	case FT_TIME:
		s = json_pack("{s:[s,s], s:s}", "type", "string", "null",
		    "format", "date-time");
		break;
	case FT_COUNT:
		s = json_pack("{s:[s,s], s:i, s:I}", "type", "integer", "null",
		    "minimum", 0, "maximum", (json_int_t)100000000000LL);
		break;
	case FT_DURATION:
		s = json_pack("{s:[s,s], s:s, s:s}", "type", "string", "null",
		    "format", "duration", "pattern",
		    "^P(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?$");
		break;
	case FT_COUNTRIES:
	case FT_EEA:
		s = json_pack("{s:[s,s], s:{s:s, s:s}, s:b, s:i}", "type",
		    "array", "null", "items", "type", "string", "pattern",
		    "^[A-Z]{2}$", "uniqueItems", 1, "maxItems", LIST_MAX);
		break;
	case FT_NAMES:
		s = json_pack("{s:[s,s], s:{s:s, s:i}, s:b, s:i}", "type",
		    "array", "null", "items", "type", "string", "maxLength",
		    TEXT_SHORT_MAX, "uniqueItems", 1, "maxItems", LIST_MAX);
		break;
	case FT_IDS:
		s = json_pack("{s:[s,s], s:{s:s, s:s}, s:b, s:i}", "type",
		    "array", "null", "items", "type", "string", "pattern",
		    "^[a-z0-9_-]{1,32}$", "uniqueItems", 1, "maxItems",
		    LIST_MAX);
		break;
	case FT_ENISA_ADJ:
		s = enisa_adj_schema();
		break;
	default:
		BUG("field type");
	}
	json_object_set_new(s, "description", json_string(fd->doc));
	return s;
}

json_t *
facts_schema(void)
{
	json_t *props = json_object(), *root;

	for (size_t i = 0; i < nitems(fields); i++) {
		const char *dot = strchr(fields[i].path, '.');
		json_t *grp;
		char gname[32];

		if (dot == NULL) {
			json_object_set_new(
			    props, fields[i].path, field_schema(&fields[i]));
			continue;
		}
		snprintf(gname, sizeof(gname), "%.*s",
		    (int)(dot - fields[i].path), fields[i].path);
		grp = json_object_get(props, gname);
		if (grp == NULL) {
			grp = json_pack("{s:[s,s], s:b, s:{}}", "type",
			    "object", "null", "additionalProperties", 0,
			    "properties");
			json_object_set_new(props, gname, grp);
		}
		json_object_set_new(json_object_get(grp, "properties"), dot + 1,
		    field_schema(&fields[i]));
	}
	root = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:[s], s:o}",
	    "$schema", "https://json-schema.org/draft/2020-12/schema", "$id",
	    "https://breachkit.invalid/schema/facts.json", "title",
	    "breachkit incident facts", "description",
	    "What is known about a personal data breach. "
	    "Absent or null means unknown.",
	    "type", "object", "additionalProperties", 0, "required", "title",
	    "properties", props);
	return root;
}

void
facts_doc_markdown(struct buf *b)
{
	buf_puts(b, "| Field | Type | Meaning |\n|---|---|---|\n");
	for (size_t i = 0; i < nitems(fields); i++) {
		const struct field *fd = &fields[i];

		buf_printf(b, "| `%s` | %s", fd->path, ftype_names[fd->type]);
		if (fd->e != NULL)
			buf_printf(b, " (`%s`)", fd->e->name);
		buf_printf(b, " | %s |\n", fd->doc);
	}
	enisa_adj_doc(b);
	buf_puts(b, "\n### Value lists\n");
	for (size_t i = 0; i < nitems(enum_defs); i++) {
		const struct enum_def *e = enum_defs[i];

		buf_printf(b,
		    "\n`%s`%s:\n\n| Value | English | Deutsch |\n"
		    "|---|---|---|\n",
		    e->name,
		    e->has_unknown
		        ? " (single value; `unknown` is the same as absent)"
		        : " (list; absent or null = unknown, [] = none)");
		for (unsigned k = 0; k < e->n; k++)
			buf_printf(b, "| `%s` | %s | %s |\n", e->json[k],
			    e->en[k], e->de[k]);
	}
}

/* ---- RFC 7396 merge patch --------------------------------------------- */

json_t *
json_merge_patch(const json_t *target, const json_t *patch)
{
	json_t *out, *v;
	const char *key;

	if (!json_is_object(patch))
		return json_deep_copy(patch);
	out = json_is_object(target) ? json_deep_copy(target) : json_object();
	json_object_foreach ((json_t *)patch, key, v) {
		if (json_is_null(v)) {
			json_object_del(out, key);
		} else {
			json_t *merged =
			    json_merge_patch(json_object_get(out, key), v);

			json_object_set_new(out, key, merged);
		}
	}
	return out;
}

json_t *
json_merge_diff(const json_t *from, const json_t *to)
{
	json_t *out = json_object(), *v;
	const char *key;

	json_object_foreach ((json_t *)from, key, v) {
		if (json_object_get(to, key) == NULL)
			json_object_set_new(out, key, json_null());
	}
	json_object_foreach ((json_t *)to, key, v) {
		json_t *old = json_object_get(from, key);

		if (old != NULL && json_equal(old, v))
			continue;
		if (json_is_object(old) && json_is_object(v))
			json_object_set_new(out, key, json_merge_diff(old, v));
		else
			json_object_set_new(out, key, json_deep_copy(v));
	}
	return out;
}
