/* SPDX-License-Identifier: MIT */
/*
 * http/ui_wizard.c: the guided intake wizard (/intake).  Step by step over
 * the facts (docs/facts.md); "unknown" is a choice of its own in every
 * question (a radio button, a select option or a checkbox, or an empty
 * text).  Every step is saved as a draft (svc/draft.c), so a report can
 * be resumed from the list of the account's drafts; a step with a
 * problem is not saved and shows the problem next to its field.  Each
 * step's page shows the risk engine's recommendation for the facts so
 * far; app.js updates it live as facts are entered (POST /api/v1/assess).
 * The last step creates the incident and deletes the draft.
 *
 * Form fields are named by their facts path ("timeline.aware_at"); date
 * and time inputs are local times of the register's display zone.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "base/xalloc.h"
#include "http/http_int.h"

enum wkind {
	W_TEXT,  /* one line */
	W_LONG,  /* multi-line */
	W_TRI,   /* yes / no / unknown */
	W_ENUM,  /* one value of an enum with "unknown" */
	W_SET,   /* values of an enum, or unknown */
	W_TIME,  /* datetime-local in the display zone */
	W_COUNT, /* whole number >= 0 */
	W_FLAG,  /* checkbox */
	W_DUR,   /* ISO 8601 duration */
	W_CODES  /* country codes, comma-separated */
};

static const char *const wkind_names[] = { "text", "long", "tri", "enum", "set",
	"time", "count", "flag", "dur", "codes" };

struct wfield {
	const char *path;
	enum wkind kind;
	const char *en_name; /* enum (W_ENUM, W_SET) */
	const char *en;
	const char *de;
};

struct wstep {
	const char *en;
	const char *de;
	const struct wfield *f;
	size_t n;
};

static const struct wfield step_what[] = {
	{ "title", W_TEXT, NULL, "Short title", "Kurzer Titel" },
	{ "description", W_LONG, NULL,
	    "What happened, where, who was involved, how it was learned",
	    "Was ist passiert, wo, wer war beteiligt, wie wurde es bekannt" },
	{ "role", W_ENUM, "role", "Our role for the affected processing",
	    "Unsere Rolle bei der betroffenen Verarbeitung" },
	{ "sectors", W_SET, "sector", "Characteristics of the controller",
	    "Merkmale des Verantwortlichen" },
	{ "system_criticality", W_ENUM, "criticality",
	    "How critical the affected system is to the people",
	    "Wie wichtig das betroffene System für die Personen ist" },
	{ "reporter.name", W_TEXT, NULL, "Reported by (name)",
	    "Gemeldet von (Name)" },
	{ "reporter.function", W_TEXT, NULL, "Reporter's function",
	    "Funktion der meldenden Person" },
	{ "reporter.email", W_TEXT, NULL, "Reporter's e-mail",
	    "E-Mail der meldenden Person" },
};

static const struct wfield step_time[] = {
	{ "timeline.discovered_at", W_TIME, NULL,
	    "When the first alert or suspicion reached us",
	    "Wann der erste Hinweis oder Verdacht einging" },
	{ "timeline.aware_at", W_TIME, NULL,
	    "When we became aware with reasonable certainty (starts the 72 "
	    "hours)",
	    "Wann wir mit hinreichender Sicherheit Kenntnis erlangten "
	    "(beginnt die 72 Stunden)" },
	{ "timeline.occurred_from", W_TIME, NULL, "Start of the breach",
	    "Beginn der Verletzung" },
	{ "timeline.occurred_to", W_TIME, NULL, "End of the breach",
	    "Ende der Verletzung" },
	{ "timeline.ongoing", W_TRI, NULL, "Is the breach still ongoing?",
	    "Dauert die Verletzung noch an?" },
	{ "timeline.discovery", W_ENUM, "discovery",
	    "How the breach was discovered",
	    "Wie die Verletzung entdeckt wurde" },
	{ "timeline.discovery_text", W_LONG, NULL, "Details of the discovery",
	    "Einzelheiten der Entdeckung" },
	{ "timeline.processor_informed_at", W_TIME, NULL,
	    "When the processor informed us (Art. 33(2))",
	    "Wann der Auftragsverarbeiter uns informierte (Art. 33 Abs. 2)" },
};

static const struct wfield step_nature[] = {
	{ "nature.confidentiality", W_TRI, NULL,
	    "Confidentiality: were data disclosed or accessed without "
	    "authorisation?",
	    "Vertraulichkeit: wurden Daten unbefugt offengelegt oder "
	    "eingesehen?" },
	{ "nature.integrity", W_TRI, NULL,
	    "Integrity: were data altered without authorisation?",
	    "Integrität: wurden Daten unbefugt verändert?" },
	{ "nature.availability", W_TRI, NULL,
	    "Availability: were data lost or inaccessible (also "
	    "temporarily)?",
	    "Verfügbarkeit: waren Daten verloren oder (auch vorübergehend) "
	    "nicht zugänglich?" },
	{ "nature.type", W_ENUM, "breach_type", "Type of breach",
	    "Art der Verletzung" },
	{ "cause.intent", W_ENUM, "intent", "Accidental or malicious?",
	    "Versehentlich oder vorsätzlich?" },
	{ "cause.origin", W_ENUM, "origin", "Origin", "Herkunft" },
	{ "cause.attack", W_ENUM, "attack", "Type of attack",
	    "Art des Angriffs" },
	{ "cause.cyber_incident", W_TRI, NULL,
	    "Did a cyber incident cause the breach?",
	    "Wurde die Verletzung durch einen Cybervorfall verursacht?" },
};

static const struct wfield step_data[] = {
	{ "data.categories", W_SET, "data_category",
	    "Categories of personal data concerned",
	    "Betroffene Kategorien personenbezogener Daten" },
	{ "data.text", W_LONG, NULL, "The data concerned, in words",
	    "Die betroffenen Daten, in Worten" },
	{ "data.identifiers", W_SET, "identifier",
	    "Identifiers in the breached data",
	    "Identifikatoren in den betroffenen Daten" },
	{ "subjects.categories", W_SET, "subject_category",
	    "Categories of people affected",
	    "Kategorien betroffener Personen" },
	{ "subjects.text", W_LONG, NULL, "The people affected, in words",
	    "Die betroffenen Personen, in Worten" },
	{ "subjects.count", W_COUNT, NULL, "Number of people affected",
	    "Anzahl betroffener Personen" },
	{ "subjects.count_is_estimate", W_FLAG, NULL,
	    "The number of people is an estimate",
	    "Die Anzahl der Personen ist geschätzt" },
	{ "subjects.records", W_COUNT, NULL, "Number of records affected",
	    "Anzahl betroffener Datensätze" },
	{ "subjects.records_is_estimate", W_FLAG, NULL,
	    "The number of records is an estimate",
	    "Die Anzahl der Datensätze ist geschätzt" },
	{ "subjects.countries", W_CODES, NULL,
	    "Countries where the people live (codes, e.g. DE, AT)",
	    "Länder, in denen die Personen leben (Kürzel, z. B. DE, AT)" },
	{ "subjects.contact_available", W_TRI, NULL,
	    "Do we hold contact details to reach each person?",
	    "Haben wir Kontaktdaten, um jede Person zu erreichen?" },
	{ "subjects.disproportionate_effort", W_TRI, NULL,
	    "Would contacting each person take disproportionate effort?",
	    "Wäre eine Einzelbenachrichtigung unverhältnismäßig aufwendig?" },
};

static const struct wfield step_protect[] = {
	{ "protection.encryption", W_ENUM, "encryption",
	    "Encryption of the data before the breach",
	    "Verschlüsselung der Daten vor der Verletzung" },
	{ "protection.key_compromised", W_TRI, NULL,
	    "Was the key compromised, or can it be worked out?",
	    "Ist der Schlüssel kompromittiert oder ermittelbar?" },
	{ "protection.pseudonymised", W_TRI, NULL,
	    "Were the data pseudonymised (reference table kept apart)?",
	    "Waren die Daten pseudonymisiert (Zuordnungstabelle getrennt)?" },
	{ "protection.password_storage", W_ENUM, "password_storage",
	    "How leaked passwords were stored",
	    "Wie betroffene Passwörter gespeichert waren" },
	{ "protection.credentials_unlock", W_SET, "credentials_unlock",
	    "What leaked credentials give access to",
	    "Wozu betroffene Zugangsdaten Zugang geben" },
	{ "protection.backup_available", W_TRI, NULL,
	    "Is there a usable backup or other copy?",
	    "Gibt es eine nutzbare Sicherung oder Kopie?" },
	{ "protection.restore_time", W_DUR, NULL,
	    "Time to restore the data (e.g. PT4H, P2D)",
	    "Dauer der Wiederherstellung (z. B. PT4H, P2D)" },
};

static const struct wfield step_after[] = {
	{ "exposure.exfiltrated", W_TRI, NULL, "Were data copied out?",
	    "Wurden Daten abgezogen?" },
	{ "exposure.recipients", W_ENUM, "recipients",
	    "Who received or may have received the data",
	    "Wer die Daten erhalten hat oder erhalten haben könnte" },
	{ "exposure.recipients_text", W_LONG, NULL, "The recipients, in words",
	    "Die Empfänger, in Worten" },
	{ "exposure.already_public", W_TRI, NULL,
	    "Were the data already publicly available?",
	    "Waren die Daten bereits öffentlich verfügbar?" },
	{ "exposure.misuse_observed", W_TRI, NULL,
	    "Has misuse of the data been observed?",
	    "Wurde ein Missbrauch der Daten beobachtet?" },
	{ "consequences.likely", W_SET, "consequence", "Likely consequences",
	    "Wahrscheinliche Folgen" },
	{ "consequences.occurred", W_SET, "consequence",
	    "Consequences that have already occurred",
	    "Bereits eingetretene Folgen" },
	{ "consequences.text", W_LONG, NULL, "Consequences, in words",
	    "Folgen, in Worten" },
	{ "measures.taken", W_LONG, NULL, "Measures taken",
	    "Ergriffene Maßnahmen" },
	{ "measures.planned", W_LONG, NULL, "Measures planned",
	    "Geplante Maßnahmen" },
	{ "measures.prevent", W_LONG, NULL, "Measures to prevent recurrence",
	    "Maßnahmen gegen eine Wiederholung" },
	{ "measures.neutralise_high_risk", W_TRI, NULL,
	    "Do measures taken ensure a high risk is no longer likely "
	    "(Art. 34(3)(b))?",
	    "Stellen ergriffene Maßnahmen sicher, dass ein hohes Risiko "
	    "nicht mehr besteht (Art. 34 Abs. 3 lit. b)?" },
	{ "measures.law_enforcement_delay", W_TRI, NULL,
	    "Did law enforcement ask to delay telling the people?",
	    "Haben Strafverfolgungsbehörden um Aufschub der "
	    "Benachrichtigung gebeten?" },
	{ "measures.police_report", W_TRI, NULL,
	    "Was a criminal complaint filed?",
	    "Wurde Strafanzeige erstattet?" },
	{ "measures.other_authorities", W_LONG, NULL,
	    "Other authorities or bodies informed",
	    "Andere informierte Behörden oder Stellen" },
};

static const struct wfield step_juris[] = {
	{ "jurisdiction.eea_establishment", W_TRI, NULL,
	    "Does the controller have an establishment in the EEA?",
	    "Hat der Verantwortliche eine Niederlassung im EWR?" },
	{ "jurisdiction.art3_2", W_TRI, NULL,
	    "Does Art. 3(2) apply (targeting or monitoring people in the EU)?",
	    "Gilt Art. 3 Abs. 2 (Angebot an oder Beobachtung von Personen in "
	    "der EU)?" },
	{ "jurisdiction.cross_border", W_TRI, NULL,
	    "Is the processing cross-border (Art. 4(23))?",
	    "Ist die Verarbeitung grenzüberschreitend (Art. 4 Nr. 23)?" },
	{ "jurisdiction.member_states", W_CODES, NULL,
	    "EEA member states whose residents are affected (codes)",
	    "EWR-Staaten, deren Einwohner betroffen sind (Kürzel)" },
	{ "jurisdiction.lead_authority", W_TEXT, NULL,
	    "Lead supervisory authority (Art. 56)",
	    "Federführende Aufsichtsbehörde (Art. 56)" },
	{ "jurisdiction.competent_authority", W_TEXT, NULL,
	    "Competent supervisory authority (Art. 55)",
	    "Zuständige Aufsichtsbehörde (Art. 55)" },
};

#define STEP(en, de, a)              \
	{                            \
		en, de, a, nitems(a) \
	}
static const struct wstep steps[] = {
	STEP("What happened", "Was ist passiert", step_what),
	STEP("Timeline", "Zeitlicher Ablauf", step_time),
	STEP("Nature and cause", "Art und Ursache", step_nature),
	STEP("Data and people", "Daten und Personen", step_data),
	STEP("Protection", "Schutz", step_protect),
	STEP("Recipients, consequences, measures",
	    "Empfänger, Folgen, Maßnahmen", step_after),
	STEP("Jurisdiction", "Zuständigkeit", step_juris),
	{ "Review", "Prüfen und absenden", NULL, 0 },
};
enum { STEP_N = nitems(steps), STEP_REVIEW = STEP_N - 1 };
static_assert(STEP_N <= DRAFT_STEP_MAX + 1, "draft step range");

/* ---- facts paths in JSON ------------------------------------------------ */

/* The value at "a.b" in `facts`, or NULL. */
static json_t *
path_get(json_t *facts, const char *path)
{
	const char *dot = strchr(path, '.');
	char head[64];

	if (dot == NULL)
		return json_object_get(facts, path);
	snprintf(head, sizeof(head), "%.*s", (int)(dot - path), path);
	return json_object_get(json_object_get(facts, head), dot + 1);
}

/* Set (v non-NULL, consumed) or remove the value at "a.b". */
static void
path_set(json_t *facts, const char *path, json_t *v)
{
	const char *dot = strchr(path, '.');
	char head[64];
	json_t *obj;

	if (dot == NULL) {
		if (v != NULL)
			json_object_set_new(facts, path, v);
		else
			json_object_del(facts, path);
		return;
	}
	snprintf(head, sizeof(head), "%.*s", (int)(dot - path), path);
	obj = json_object_get(facts, head);
	if (v == NULL) {
		if (obj != NULL) {
			json_object_del(obj, dot + 1);
			if (json_object_size(obj) == 0)
				json_object_del(facts, head);
		}
		return;
	}
	if (!json_is_object(obj)) {
		obj = json_object();
		json_object_set_new(facts, head, obj);
	}
	json_object_set_new(obj, dot + 1, v);
}

/* ---- local times of the display zone ------------------------------------ */

/* The display zone's offset from UTC at `t`, in seconds. */
int64_t
zone_offset(int64_t t)
{
	char s[ISO_LEN];
	size_t n;
	int64_t off;

	iso8601_format(t, s);
	n = strlen(s);
	if (n < 6 || s[n - 1] == 'Z')
		return 0;
	off = ((s[n - 5] - '0') * 10 + (s[n - 4] - '0')) * 3600 +
	      ((s[n - 2] - '0') * 10 + (s[n - 1] - '0')) * 60;
	return s[n - 6] == '-' ? -off : off;
}

/* "2024-05-01T10:00" (a local time of the display zone) to an instant. */
bool
local_parse(const char *v, int64_t *out)
{
	char buf[ISO_LEN];
	const char *why;
	size_t n = strlen(v);
	int64_t t0, t;

	if (n != 16 && n != 19)
		return false;
	snprintf(buf, sizeof(buf), "%s%sZ", v, n == 16 ? ":00" : "");
	if (iso8601_parse(buf, strlen(buf), &t0, &why) != ERR_OK)
		return false;
	t = t0 - zone_offset(t0);
	*out = t0 - zone_offset(t);
	return true;
}

/* The value of a datetime-local input for a stored time. */
const char *
local_value(struct arena *a, const json_t *v)
{
	const char *s = json_string_value(v);
	const char *why;
	char iso[ISO_LEN];
	int64_t t;

	if (s == NULL)
		return "";
	if (iso8601_parse(s, strlen(s), &t, &why) != ERR_OK)
		return s; /* a bad entry, shown back as it was */
	iso8601_format(t, iso);
	return arena_printf(a, "%.16s", iso);
}

/* ---- form -> facts ------------------------------------------------------ */

static bool
form_has(const struct kvlist *form, const char *k, const char *v)
{
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->v[i].k, k) == 0 &&
		    strcmp(form->v[i].v, v) == 0)
			return true;
	}
	return false;
}

/* A multi-line text with the browser's CRLF as LF. */
static json_t *
text_value(const char *v)
{
	size_t n = strlen(v), j = 0;
	char *s = xmalloc(n + 1);
	json_t *r;

	for (size_t i = 0; i < n; i++) {
		if (v[i] == '\r' && v[i + 1] == '\n')
			continue;
		s[j++] = v[i];
	}
	s[j] = '\0';
	r = json_string(s);
	free(s);
	return r != NULL ? r : json_string("");
}

static json_t *
codes_value(const char *v)
{
	json_t *arr = json_array();
	const char *p = v;

	while (*p != '\0') {
		size_t n;
		char c[8];

		p += strspn(p, ", \t");
		n = strcspn(p, ", \t");
		if (n == 0)
			break;
		snprintf(c, sizeof(c), "%.*s", (int)(n < 7 ? n : 7), p);
		for (char *q = c; *q; q++)
			if (*q >= 'a' && *q <= 'z')
				*q = (char)(*q - 'a' + 'A');
		json_array_append_new(arr, json_string(c));
		p += n;
	}
	return arr;
}

/* One field of the form into `facts`; a problem goes into `fe`. */
static void
field_from_form(const struct http_req *req, const struct wfield *f,
    json_t *facts, struct field_errors *fe)
{
	const char *v = kv_get(&req->form, f->path);
	json_t *x = NULL;
	int64_t n;

	switch (f->kind) {
	case W_TEXT:
	case W_DUR:
		if (v != NULL && *v != '\0')
			x = json_string(v);
		if (v != NULL && *v != '\0' && x == NULL)
			field_errors_add(fe, f->path, "not valid UTF-8");
		break;
	case W_LONG:
		if (v != NULL && *v != '\0')
			x = text_value(v);
		break;
	case W_TRI:
		if (v != NULL && strcmp(v, "yes") == 0)
			x = json_true();
		else if (v != NULL && strcmp(v, "no") == 0)
			x = json_false();
		else if (v != NULL && *v != '\0' && strcmp(v, "unknown") != 0)
			field_errors_add(fe, f->path, "yes, no or unknown");
		break;
	case W_ENUM:
		if (v != NULL && *v != '\0' && strcmp(v, "unknown") != 0)
			x = json_string(v);
		break;
	case W_SET:
		if (form_has(&req->form, f->path, "unknown"))
			break;
		x = json_array();
		for (size_t i = 0; i < req->form.n; i++)
			if (strcmp(req->form.v[i].k, f->path) == 0)
				json_array_append_new(
				    x, json_string(req->form.v[i].v));
		break;
	case W_TIME:
		if (v == NULL || *v == '\0')
			break;
		if (local_parse(v, &n)) {
			char iso[ISO_LEN];

			iso8601_format(n, iso);
			x = json_string(iso);
		} else {
			field_errors_add(fe, f->path,
			    "a date and time, e.g. 2024-05-01T10:00");
			x = json_string(v);
		}
		break;
	case W_COUNT:
		if (v == NULL || *v == '\0')
			break;
		if (str_to_i64(v, 0, INT64_MAX / 2, &n) == ERR_OK) {
			x = json_integer(n);
		} else {
			field_errors_add(
			    fe, f->path, "a whole number, 0 or more");
			x = json_string(v);
		}
		break;
	case W_FLAG:
		if (v != NULL && *v != '\0')
			x = json_true();
		break;
	case W_CODES:
		if (v != NULL && *v != '\0')
			x = codes_value(v);
		break;
	}
	path_set(facts, f->path, x);
}

/* ---- the pages ---------------------------------------------------------- */

static bool
draft_id(struct http_req *req, struct http_resp *resp, int64_t *id)
{
	if (str_to_i64(req->param[0], 1, INT64_MAX, id) != ERR_OK) {
		resp_error(req, resp, 404, "no such draft");
		return false;
	}
	return true;
}

/* The facts with a stand-in title, assessed (NULL if they are invalid). */
static json_t *
assess_draft(struct http_req *req, const json_t *facts)
{
	json_t *c = json_deep_copy(facts), *as = NULL;
	struct field_errors fe;
	struct facts f;

	if (c == NULL)
		return NULL;
	if (!json_is_string(json_object_get(c, "title")))
		json_object_set_new(c, "title", json_string("draft"));
	memset(&fe, 0, sizeof(fe));
	if (facts_from_json(c, req->now, req->a, &f, &fe) == ERR_OK)
		as = svc_assess_facts(&f);
	json_decref(c);
	return as;
}

static const char *
field_id(struct http_req *req, const char *path)
{
	char *s = arena_printf(req->a, "f-%s", path);

	for (char *p = s; *p; p++)
		if (*p == '.')
			*p = '-';
	return s;
}

/* The problem reported for `path` (or one of its items), or NULL. */
static const char *
field_problem(const struct field_errors *fe, const char *path)
{
	size_t n = strlen(path);

	for (size_t i = 0; fe != NULL && i < fe->n; i++) {
		const char *f = fe->v[i].field;

		if (strncmp(f, path, n) == 0 &&
		    (f[n] == '\0' || f[n] == '[' || f[n] == '.'))
			return fe->v[i].problem;
	}
	return NULL;
}

static void
h_choice(struct http_resp *resp, const char *type, const char *id,
    const char *name, const char *value, const char *kind, bool checked,
    const char *label)
{
	h_fmt(resp,
	    "<label class=\"choice\" for=\"%s\"><input type=\"%s\" id=\"%s\" "
	    "name=\"%s\" value=\"%s\" data-kind=\"%s\"%H> %s</label>",
	    id, type, id, name, value, kind, checked ? " checked" : "", label);
}

static void
h_field(struct http_req *req, struct http_resp *resp, const struct wfield *f,
    json_t *facts, const struct field_errors *fe)
{
	bool de = strcmp(req->lang, "de") == 0;
	const char *label = de ? f->de : f->en;
	const char *id = field_id(req, f->path);
	const char *kind = wkind_names[f->kind];
	const char *problem = field_problem(fe, f->path);
	const char *err_id = arena_printf(req->a, "%s-err", id);
	const char *unknown = T(req, "unknown", "unbekannt");
	const char *desc = problem != NULL ? arena_printf(req->a,
	                                         " aria-invalid=\"true\" "
	                                         "aria-describedby=\"%s\"",
	                                         err_id)
	                                   : "";
	json_t *v = path_get(facts, f->path);
	char num[32];

	switch (f->kind) {
	case W_TRI: {
		const char *cur = json_is_true(v)    ? "yes"
		                  : json_is_false(v) ? "no"
		                                     : "unknown";

		h_fmt(resp,
		    "<fieldset class=\"q tri\" id=\"%s\"%H><legend>%s"
		    "</legend>",
		    id, desc, label);
		h_choice(resp, "radio", arena_printf(req->a, "%s-yes", id),
		    f->path, "yes", kind, strcmp(cur, "yes") == 0,
		    T(req, "yes", "ja"));
		h_choice(resp, "radio", arena_printf(req->a, "%s-no", id),
		    f->path, "no", kind, strcmp(cur, "no") == 0,
		    T(req, "no", "nein"));
		h_choice(resp, "radio", arena_printf(req->a, "%s-unknown", id),
		    f->path, "unknown", kind, strcmp(cur, "unknown") == 0,
		    unknown);
		break;
	}
	case W_SET: {
		unsigned n = enum_count(f->en_name);

		h_fmt(resp,
		    "<fieldset class=\"q set\" id=\"%s\"%H><legend>%s</legend>"
		    "<p class=\"hint\">%s</p>",
		    id, desc, label,
		    T(req, "Tick all that apply; none ticked means none.",
		        "Alles Zutreffende ankreuzen; nichts angekreuzt heißt "
		        "keine."));
		h_choice(resp, "checkbox",
		    arena_printf(req->a, "%s-unknown", id), f->path, "unknown",
		    kind, !json_is_array(v),
		    T(req, "not known yet", "noch nicht bekannt"));
		for (unsigned i = 0; i < n; i++) {
			const char *name = enum_json_name(f->en_name, i);
			bool on = false;
			size_t k;
			json_t *x;

			json_array_foreach (v, k, x)
				on = on || (json_is_string(x) &&
				               strcmp(json_string_value(x),
				                   name) == 0);
			h_choice(resp, "checkbox",
			    arena_printf(req->a, "%s-%s", id, name), f->path,
			    name, kind, on, enum_label(f->en_name, i, de));
		}
		break;
	}
	case W_ENUM: {
		unsigned n = enum_count(f->en_name);
		const char *cur = json_string_value(v);

		h_fmt(resp,
		    "<p class=\"q\"><label for=\"%s\">%s</label><select "
		    "id=\"%s\" name=\"%s\" data-kind=\"%s\"%H>",
		    id, label, id, f->path, kind, desc);
		for (unsigned i = 0; i < n; i++) {
			const char *name = enum_json_name(f->en_name, i);
			bool on = cur != NULL ? strcmp(cur, name) == 0
			                      : strcmp(name, "unknown") == 0;

			h_fmt(resp, "<option value=\"%s\"%H>%s</option>", name,
			    on ? " selected" : "",
			    enum_label(f->en_name, i, de));
		}
		h_fmt(resp, "</select>");
		break;
	}
	case W_FLAG:
		h_fmt(resp,
		    "<p class=\"q flag\"><input type=\"checkbox\" id=\"%s\" "
		    "name=\"%s\" value=\"1\" data-kind=\"%s\"%H%H> <label "
		    "for=\"%s\">%s</label>",
		    id, f->path, kind, json_is_true(v) ? " checked" : "", desc,
		    id, label);
		break;
	case W_LONG:
		h_fmt(resp,
		    "<p class=\"q\"><label for=\"%s\">%s</label><textarea "
		    "id=\"%s\" name=\"%s\" rows=\"4\" data-kind=\"%s\"%H>%s"
		    "</textarea><small class=\"hint\">%s</small>",
		    id, label, id, f->path, kind, desc,
		    json_is_string(v) ? json_string_value(v) : "",
		    T(req, "Leave empty if unknown.",
		        "Leer lassen, wenn unbekannt."));
		break;
	default: {
		const char *type = "text", *val = "";

		if (f->kind == W_TIME) {
			type = "datetime-local";
			val = local_value(req->a, v);
		} else if (f->kind == W_COUNT) {
			type = "number";
			if (json_is_integer(v)) {
				snprintf(num, sizeof(num), "%lld",
				    (long long)json_integer_value(v));
				val = num;
			} else if (json_is_string(v)) {
				val = json_string_value(v);
			}
		} else if (f->kind == W_CODES && json_is_array(v)) {
			size_t k;
			json_t *x;
			struct buf b;

			buf_init(&b, 1024);
			json_array_foreach (v, k, x)
				(void)buf_printf(&b, "%s%s", k ? ", " : "",
				    json_is_string(x) ? json_string_value(x)
				                      : "?");
			val = arena_strdup(req->a, buf_cstr(&b));
			buf_release(&b);
		} else if (json_is_string(v)) {
			val = json_string_value(v);
		}
		h_fmt(resp,
		    "<p class=\"q\"><label for=\"%s\">%s</label><input "
		    "type=\"%s\" id=\"%s\" name=\"%s\" value=\"%s\" "
		    "data-kind=\"%s\"%H%H><small class=\"hint\">%s</small>",
		    id, label, type, id, f->path, val, kind,
		    f->kind == W_COUNT ? " min=\"0\" step=\"1\"" : "", desc,
		    T(req, "Leave empty if unknown.",
		        "Leer lassen, wenn unbekannt."));
		break;
	}
	}
	if (problem != NULL)
		h_fmt(resp,
		    "<span class=\"field-error\" id=\"%s\" role=\"alert\">%s: "
		    "%s</span>",
		    err_id, f->path, problem);
	h_fmt(resp,
	    (f->kind == W_TRI || f->kind == W_SET) ? "</fieldset>" : "</p>");
}

static void
h_steps_nav(
    struct http_req *req, struct http_resp *resp, int64_t id, int64_t cur)
{
	bool de = strcmp(req->lang, "de") == 0;

	h_fmt(resp, "<nav class=\"steps\" aria-label=\"%s\"><ol>",
	    T(req, "Steps", "Schritte"));
	for (size_t i = 0; i < STEP_N; i++)
		h_fmt(resp,
		    "<li><a href=\"/intake/%lld?step=%zu\"%H>%s</a></li>",
		    (long long)id, i,
		    (int64_t)i == cur ? " aria-current=\"step\"" : "",
		    de ? steps[i].de : steps[i].en);
	h_fmt(resp, "</ol></nav>");
}

/* The facts entered, step by step, for the review. */
static void
h_review(struct http_req *req, struct http_resp *resp, json_t *facts)
{
	bool de = strcmp(req->lang, "de") == 0;

	for (size_t s = 0; s < STEP_REVIEW; s++) {
		h_fmt(resp, "<h3>%s</h3><dl class=\"facts\">",
		    de ? steps[s].de : steps[s].en);
		for (size_t i = 0; i < steps[s].n; i++) {
			const struct wfield *f = &steps[s].f[i];
			json_t *v = path_get(facts, f->path);
			char *txt;

			h_fmt(resp, "<dt>%s</dt><dd>", de ? f->de : f->en);
			if (v == NULL) {
				h_fmt(resp, "<em>%s</em>",
				    T(req, "unknown", "unbekannt"));
			} else if (json_is_string(v)) {
				h_text(resp, json_string_value(v));
			} else {
				txt = json_dumps(v, JSON_ENCODE_ANY);
				h_text(resp, txt != NULL ? txt : "");
				free(txt);
			}
			h_fmt(resp, "</dd>");
		}
		h_fmt(resp, "</dl>");
	}
}

static void
wizard_page(struct http_req *req, struct http_resp *resp, int64_t id,
    int64_t step, json_t *facts, const struct field_errors *fe, const char *msg)
{
	bool de = strcmp(req->lang, "de") == 0;
	const struct wstep *st = &steps[step];
	char *draft = json_dumps(facts, JSON_COMPACT);
	char off[8];
	int64_t o = zone_offset(req->now);
	json_t *as;

	snprintf(off, sizeof(off), "%c%02d:%02d", o < 0 ? '-' : '+',
	    (int)((o < 0 ? -o : o) / 3600),
	    (int)((o < 0 ? -o : o) % 3600 / 60));
	page_begin(req, resp, T(req, "Report a breach", "Vorfall melden"));
	h_steps_nav(req, resp, id, step);
	if (msg != NULL)
		h_fmt(resp, "<p class=\"error\" role=\"alert\">%s</p>", msg);
	h_fmt(resp,
	    "<div class=\"wizard\"><form method=\"post\" action=\"/intake/"
	    "%lld\" id=\"wizard\" data-draft=\"%s\" data-offset=\"%s\" "
	    "data-lang=\"%s\" novalidate>",
	    (long long)id, draft != NULL ? draft : "{}", off, req->lang);
	free(draft);
	h_csrf(req, resp);
	h_fmt(resp,
	    "<input type=\"hidden\" name=\"step\" value=\"%lld\">"
	    "<fieldset class=\"step\"><legend>%s %lld/%zu: %s</legend>",
	    (long long)step, T(req, "Step", "Schritt"), (long long)step + 1,
	    (size_t)STEP_N, de ? st->de : st->en);
	if (step == STEP_REVIEW) {
		const char *p = field_problem(fe, "title");

		if (p != NULL)
			h_fmt(resp,
			    "<p class=\"field-error\" role=\"alert\">title: %s "
			    "(<a href=\"/intake/%lld?step=0\">%s</a>)</p>",
			    p, (long long)id, T(req, "step 1", "Schritt 1"));
		h_review(req, resp, facts);
	}
	for (size_t i = 0; i < st->n; i++)
		h_field(req, resp, &st->f[i], facts, fe);
	h_fmt(resp, "</fieldset><p class=\"buttons\">");
	if (step == STEP_REVIEW)
		h_fmt(resp,
		    "<button type=\"submit\" name=\"nav\" value=\"submit\" "
		    "class=\"primary\">%s</button>",
		    T(req, "Record the incident", "Vorfall erfassen"));
	else
		h_fmt(resp,
		    "<button type=\"submit\" name=\"nav\" value=\"next\" "
		    "class=\"primary\">%s</button>",
		    T(req, "Save and continue", "Speichern und weiter"));
	h_fmt(resp,
	    "<button type=\"submit\" name=\"nav\" value=\"save\">%s</button>",
	    T(req, "Save", "Speichern"));
	if (step > 0)
		h_fmt(resp,
		    "<button type=\"submit\" name=\"nav\" value=\"back\">%s"
		    "</button>",
		    T(req, "Save and go back", "Speichern und zurück"));
	h_fmt(resp, "</p></form><aside class=\"live\" aria-label=\"%s\">",
	    T(req, "Recommendation so far", "Bisherige Empfehlung"));
	as = assess_draft(req, facts);
	if (as != NULL) {
		h_assessment(req, resp, as);
		json_decref(as);
	} else {
		h_fmt(resp,
		    "<div class=\"recommendation\" id=\"recommendation\" "
		    "aria-live=\"polite\"><p>%s</p></div>",
		    T(req, "No recommendation while the facts have problems.",
		        "Keine Empfehlung, solange die Fakten Probleme haben."));
	}
	h_fmt(resp, "</aside></div>");
	page_end(req, resp);
}

/* GET /intake: the account's drafts and a button to start a new report. */
void
ui_wizard_home(struct http_req *req, struct http_resp *resp)
{
	struct draft_info *v = NULL;
	size_t n = 0;
	enum err rc;

	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc =
		    store_draft_list(req->st, req->user.id, 50, req->a, &v, &n);
	store_rollback(req->st);
	if (rc != ERR_OK) {
		resp_error(req, resp, 500, "reading the drafts failed");
		return;
	}
	page_begin(req, resp, T(req, "Report a breach", "Vorfall melden"));
	h_fmt(resp, "<p>%s</p><form method=\"post\" action=\"/intake\">",
	    T(req,
	        "The wizard asks for the facts step by step. Anything not yet "
	        "known can be left as \"unknown\"; every step is saved as a "
	        "draft you can come back to.",
	        "Der Assistent fragt die Fakten Schritt für Schritt ab. Was "
	        "noch nicht bekannt ist, bleibt \"unbekannt\"; jeder Schritt "
	        "wird als Entwurf gespeichert, zu dem Sie zurückkehren "
	        "können."));
	h_csrf(req, resp);
	h_fmt(resp,
	    "<button type=\"submit\" class=\"primary\">%s</button></form>"
	    "<section aria-labelledby=\"drafts\"><h2 id=\"drafts\">%s</h2>",
	    T(req, "Start a new report", "Neue Meldung beginnen"),
	    T(req, "Your drafts", "Ihre Entwürfe"));
	if (n == 0)
		h_fmt(resp, "<p>%s</p>", T(req, "None.", "Keine."));
	else
		h_fmt(resp,
		    "<table class=\"drafts\"><thead><tr><th scope=\"col\">%s"
		    "</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\"><span class=\"sr\">%s</span></th></tr>"
		    "</thead><tbody>",
		    T(req, "Title", "Titel"), T(req, "Step", "Schritt"),
		    T(req, "Saved", "Gespeichert"),
		    T(req, "Actions", "Aktionen"));
	for (size_t i = 0; i < n; i++) {
		int64_t s = v[i].step < STEP_N ? v[i].step : 0;

		h_fmt(resp,
		    "<tr><td><a href=\"/intake/%lld?step=%lld\">%s</a></td>"
		    "<td>%lld/%zu</td><td>",
		    (long long)v[i].id, (long long)s,
		    v[i].title != NULL ? v[i].title
		                       : T(req, "(untitled)", "(ohne Titel)"),
		    (long long)s + 1, (size_t)STEP_N);
		h_time(resp, v[i].updated_at);
		h_fmt(resp,
		    "</td><td><form method=\"post\" action=\"/intake/%lld/"
		    "delete\" class=\"inline\">",
		    (long long)v[i].id);
		h_csrf(req, resp);
		h_fmt(resp,
		    "<button type=\"submit\">%s</button></form></td></tr>",
		    T(req, "Delete", "Löschen"));
	}
	if (n > 0)
		h_fmt(resp, "</tbody></table>");
	h_fmt(resp, "</section>");
	page_end(req, resp);
}

/* POST /intake: a new, empty draft. */
void
ui_wizard_new(struct http_req *req, struct http_resp *resp)
{
	json_t *facts = json_object();
	int64_t id = 0;
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_draft_save(&req->s, req->user.id, &id, 0, facts, &e);
	json_decref(facts);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_redirect(
	    resp, arena_printf(req->a, "/intake/%lld?step=0", (long long)id));
}

/* GET /intake/{id}?step=N */
void
ui_wizard_step(struct http_req *req, struct http_resp *resp)
{
	const char *sq = req_query(req, "step");
	json_t *facts = NULL;
	int64_t id, step = 0;
	struct svc_err e;
	enum err rc;

	if (!draft_id(req, resp, &id))
		return;
	svc_err_clear(&e);
	rc = svc_draft_load(&req->s, req->user.id, id, &facts, &step, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	if (sq != NULL && str_to_i64(sq, 0, STEP_N - 1, &step) != ERR_OK) {
		json_decref(facts);
		resp_error(req, resp, 400, "step: 0 to %d", STEP_N - 1);
		return;
	}
	if (step >= STEP_N)
		step = 0;
	wizard_page(req, resp, id, step, facts, NULL, NULL);
	json_decref(facts);
}

/* POST /intake/{id}: save the step's fields, then go on (or submit). */
void
ui_wizard_save(struct http_req *req, struct http_resp *resp)
{
	const char *nav = req_form(req, "nav");
	const char *sv = req_form(req, "step");
	struct field_errors conv;
	json_t *facts = NULL;
	int64_t id, step, stored, next;
	const char *ref = NULL;
	struct svc_err e;
	enum err rc;

	if (!draft_id(req, resp, &id))
		return;
	if (sv == NULL || str_to_i64(sv, 0, STEP_N - 1, &step) != ERR_OK) {
		resp_error(req, resp, 400, "step: 0 to %d", STEP_N - 1);
		return;
	}
	if (nav == NULL)
		nav = "next";
	svc_err_clear(&e);
	rc = svc_draft_load(&req->s, req->user.id, id, &facts, &stored, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	memset(&conv, 0, sizeof(conv));
	for (size_t i = 0; i < steps[step].n; i++)
		field_from_form(req, &steps[step].f[i], facts, &conv);
	next = strcmp(nav, "back") == 0 ? (step > 0 ? step - 1 : 0)
	       : strcmp(nav, "next") == 0
	           ? (step < STEP_REVIEW ? step + 1 : step)
	           : step;
	if (conv.n > 0) {
		/* Also every other problem of the step, once per field. */
		struct svc_err more;

		svc_err_clear(&more);
		(void)svc_draft_check(&req->s, facts, &more);
		rc = ERR_INVAL;
		e.fe = conv;
		for (size_t i = 0; i < more.fe.n; i++)
			if (field_problem(&conv, more.fe.v[i].field) == NULL &&
			    e.fe.n < FIELD_ERRORS_MAX)
				e.fe.v[e.fe.n++] = more.fe.v[i];
	} else {
		rc =
		    svc_draft_save(&req->s, req->user.id, &id, next, facts, &e);
	}
	if (rc == ERR_OK && strcmp(nav, "submit") == 0) {
		rc = svc_draft_submit(&req->s, req->user.id, id, &ref, &e);
		if (rc == ERR_OK) {
			json_decref(facts);
			resp_redirect(
			    resp, arena_printf(req->a, "/incidents/%s", ref));
			return;
		}
	}
	if (rc == ERR_INVAL) {
		resp->status = 422;
		wizard_page(req, resp, id, step, facts, &e.fe,
		    T(req,
		        "Please check the marked answers; this step was not "
		        "saved.",
		        "Bitte prüfen Sie die markierten Angaben; dieser Schritt "
		        "wurde nicht gespeichert."));
		json_decref(facts);
		return;
	}
	json_decref(facts);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_redirect(resp, arena_printf(req->a, "/intake/%lld?step=%lld",
	                        (long long)id, (long long)next));
}

/* POST /intake/{id}/delete */
void
ui_wizard_delete(struct http_req *req, struct http_resp *resp)
{
	struct svc_err e;
	int64_t id;
	enum err rc;

	if (!draft_id(req, resp, &id))
		return;
	svc_err_clear(&e);
	rc = svc_draft_delete(&req->s, req->user.id, id, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_redirect(resp, "/intake");
}
