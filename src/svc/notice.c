/* SPDX-License-Identifier: MIT */
/*
 * svc/notice.c: three documents built from templates: the public notice
 * (Art. 34(3)(c)), the processor's notice to the controller (Art. 33(2))
 * and the internal register entry (Art. 33(5)).  The C code prepares the
 * view model (dates in the display zone, labels in German or English,
 * counts in words, advice chosen from the data categories); templates
 * only place it.  The example views that lint overrides come from the
 * same builders applied to a fictional incident, so the allowed names
 * are exactly the names a real document has.
 */
#include "base/base.h"

#include <inttypes.h>

#include "base/clock.h"
#include "base/str.h"
#include "svc/svc_int.h"

enum {
	S_ORG_NAME,
	S_ORG_ADDRESS,
	S_ORG_WEBSITE,
	S_ORG_CHANNELS,
	S_DPO_NAME,
	S_DPO_EMAIL,
	S_DPO_PHONE,
	S_DPO_ADDRESS,
	S__MAX
};

static const char *const setting_keys[S__MAX] = { "org_name", "org_address",
	"org_website", "org_channels", "dpo_name", "dpo_email", "dpo_phone",
	"dpo_address" };

/* Everything a document is made from. */
struct doc_input {
	const struct incident *in;
	const struct facts *f;
	const char *set[S__MAX];
	const struct decision *dec;
	size_t dec_n;
	const struct obligation *obl; /* register entry: the obligations */
	size_t obl_n;
	const struct filing *const *fil; /* their filings, per obligation */
	const size_t *fil_n;
	const json_t *assessment; /* the latest result, or NULL */
	int64_t assess_version;
	int64_t assessed_at;
	int64_t now;
};

static const char *const months_de[12] = { "Januar", "Februar", "März", "April",
	"Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
	"Dezember" };
static const char *const months_en[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

/*
 * "1. Mai 2024, 12:00 CEST" / "1 May 2024, 12:00 CEST" in the display
 * zone; "" for an unknown time.
 */
static json_t *
date_json(int64_t t, bool de)
{
	char h[ISO_LEN], out[96];
	int64_t y, m, d;

	if (t == TIME_UNKNOWN)
		return json_string("");
	clock_format_human(t, h); /* "2024-05-01 12:00 CEST" */
	if (strlen(h) < 16 || str_to_i64n(h, 4, 0, 9999, &y) != ERR_OK ||
	    str_to_i64n(h + 5, 2, 1, 12, &m) != ERR_OK ||
	    str_to_i64n(h + 8, 2, 1, 31, &d) != ERR_OK)
		return json_string(h);
	if (de)
		snprintf(out, sizeof(out), "%" PRId64 ". %s %" PRId64 ", %s", d,
		    months_de[m - 1], y, h + 11);
	else
		snprintf(out, sizeof(out), "%" PRId64 " %s %" PRId64 ", %s", d,
		    months_en[m - 1], y, h + 11);
	return json_string(out);
}

/* 5000 -> "5.000" (de) or "5,000" (en). */
static void
group_digits(int64_t n, bool de, char *out, size_t cap)
{
	char raw[32];
	size_t len, o = 0;

	snprintf(raw, sizeof(raw), "%" PRId64, n);
	len = strlen(raw);
	for (size_t i = 0; i < len && o + 2 < cap; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = de ? '.' : ',';
		out[o++] = raw[i];
	}
	out[o] = '\0';
}

/* "etwa 5.000 Personen", "1 person", "" when unknown. */
static json_t *
count_json(int64_t n, bool estimate, bool de, const char *one_de,
    const char *many_de, const char *one_en, const char *many_en)
{
	char num[40], out[128];

	if (n < 0)
		return json_string("");
	group_digits(n, de, num, sizeof(num));
	snprintf(out, sizeof(out), "%s%s %s",
	    estimate ? (de ? "etwa " : "about ") : "", num,
	    n == 1 ? (de ? one_de : one_en) : (de ? many_de : many_en));
	return json_string(out);
}

static json_t *
str_json(const char *s)
{
	return json_string(s != NULL ? s : "");
}

/* [{label}] of the bits of `set` in enum `name`. */
static json_t *
labels_json(const struct set *set, const char *name, bool de)
{
	json_t *arr = json_array();
	unsigned n = enum_count(name);

	for (unsigned i = 0; i < n; i++) {
		if (set_has(set, i))
			json_array_append_new(
			    arr, json_pack("{s:s}", "label",
			             enum_label(name, i, de)));
	}
	return arr;
}

static json_t *
label_json(const char *name, unsigned v, bool de)
{
	/* value 0 of single-valued enums is "unknown": say nothing */
	return json_string(v == 0 ? "" : enum_label(name, v, de));
}

static json_t *
period_json(const struct facts *f, bool de)
{
	json_t *from, *to, *r;
	char out[256];

	if (f->occurred_from == TIME_UNKNOWN)
		return json_string("");
	from = date_json(f->occurred_from, de);
	to = date_json(f->occurred_to, de);
	if (f->occurred_to == TIME_UNKNOWN)
		snprintf(out, sizeof(out), "%s %s", de ? "seit" : "since",
		    json_string_value(from));
	else
		snprintf(out, sizeof(out), "%s %s %s %s", de ? "vom" : "from",
		    json_string_value(from), de ? "bis" : "to",
		    json_string_value(to));
	r = json_string(out);
	json_decref(from);
	json_decref(to);
	return r;
}

/* The part every document shares. */
static json_t *
base_view(const struct doc_input *d, bool de)
{
	const struct facts *f = d->f;
	struct set conseq = f->conseq_likely;

	conseq.bits |= f->conseq_occurred.bits;
	conseq.known = f->conseq_likely.known || f->conseq_occurred.known;
	return json_pack("{s:s, s:s, s:s, s:o, s:{s:s, s:s, s:s, s:s}, "
	                 "s:{s:s, s:s, s:s, s:s}, s:o, s:o, s:o, s:o, s:o, "
	                 "s:o, s:o, s:o, s:o, s:o, s:o}",
	    "lang", de ? "de" : "en", "ref", d->in->ref, "title", d->in->title,
	    "today", date_json(d->now, de), "org", "name", d->set[S_ORG_NAME],
	    "address", d->set[S_ORG_ADDRESS], "website", d->set[S_ORG_WEBSITE],
	    "channels", d->set[S_ORG_CHANNELS], "dpo", "name",
	    d->set[S_DPO_NAME], "email", d->set[S_DPO_EMAIL], "phone",
	    d->set[S_DPO_PHONE], "address", d->set[S_DPO_ADDRESS], "what",
	    str_json(facts_text(f, FTEXT_DESCRIPTION, de, NULL)), "breach_type",
	    label_json("breach_type", f->breach_type, de), "aware_date",
	    date_json(f->aware_at, de), "discovered_date",
	    date_json(f->discovered_at, de), "occurred", period_json(f, de),
	    "data", labels_json(&f->data, "data_category", de),
	    "subjects_count",
	    count_json(f->subjects_n, f->subjects_n_estimate, de, "Person",
	        "Personen", "person", "people"),
	    "consequences", labels_json(&conseq, "consequence", de),
	    "consequences_text",
	    str_json(facts_text(f, FTEXT_CONSEQUENCES, de, NULL)),
	    "measures_taken",
	    str_json(facts_text(f, FTEXT_MEASURES_TAKEN, de, NULL)),
	    "measures_planned",
	    str_json(facts_text(f, FTEXT_MEASURES_PLANNED, de, NULL)));
}

/* ---- the public notice: advice chosen from the data categories -------- */

static void
advice_add(json_t *arr, const char *text)
{
	json_array_append_new(arr, json_pack("{s:s}", "text", text));
}

static json_t *
advice_json(const struct doc_input *d, bool de)
{
	const struct facts *f = d->f;
	json_t *arr = json_array();
	char buf[1024];

	if (set_has(&f->data, DATA_CREDENTIALS))
		advice_add(
		    arr, de ? "Ändern Sie Ihr Passwort bei uns und bei "
		              "allen anderen Diensten, bei denen Sie "
		              "dasselbe Passwort verwenden. Schalten Sie, "
		              "wo es möglich ist, die "
		              "Zwei-Faktor-Anmeldung ein."
		            : "Change your password with us and with "
		              "every other service where you use the same "
		              "password. Turn on two-factor "
		              "authentication wherever you can.");
	if (set_has(&f->data, DATA_BANK) || set_has(&f->data, DATA_FINANCIAL))
		advice_add(
		    arr, de ? "Prüfen Sie Ihre Kontoauszüge in den "
		              "nächsten Monaten sorgfältig. Eine "
		              "Lastschrift, die Sie nicht erteilt haben, "
		              "können Sie bei Ihrer Bank zurückbuchen "
		              "lassen: innerhalb von acht Wochen ohne "
		              "Angabe von Gründen, ohne Mandat bis zu 13 "
		              "Monate lang."
		            : "Check your bank statements carefully over "
		              "the coming months. A direct debit you did "
		              "not authorise can be reversed by your bank: "
		              "within eight weeks without giving a reason, "
		              "and up to 13 months if there was no "
		              "mandate.");
	if (set_has(&f->data, DATA_CARD))
		advice_add(
		    arr, de ? "Prüfen Sie Ihre Kreditkartenabrechnungen. "
		              "Melden Sie unbekannte Buchungen sofort "
		              "Ihrer Bank und lassen Sie die Karte "
		              "sperren, wenn Sie Missbrauch vermuten "
		              "(Sperr-Notruf 116 116)."
		            : "Check your card statements. Report any "
		              "payment you do not recognise to your bank "
		              "at once and have the card blocked if you "
		              "suspect misuse.");
	if (set_has(&f->data, DATA_ID_DOCUMENT) ||
	    set_has(&f->data, DATA_NATIONAL_ID))
		advice_add(
		    arr, de ? "Wenn jemand in Ihrem Namen Verträge "
		              "abschließt oder Konten eröffnet, erstatten "
		              "Sie Anzeige bei der Polizei und informieren "
		              "Sie die ausstellende Behörde. Eine "
		              "Selbstauskunft bei Auskunfteien zeigt, ob "
		              "etwas auf Ihren Namen läuft."
		            : "If anyone takes out contracts or opens "
		              "accounts in your name, report it to the "
		              "police and tell the issuing authority. A "
		              "free report from credit agencies shows "
		              "whether anything runs in your name.");
	if (set_has(&f->data, DATA_HEALTH))
		advice_add(
		    arr, de ? "Ihre Gesundheitsdaten sind besonders "
		              "geschützt. Wenn Sie Fragen dazu haben, wer "
		              "sie gesehen haben könnte, wenden Sie sich "
		              "an unsere Datenschutzbeauftragte oder "
		              "unseren Datenschutzbeauftragten."
		            : "Your health data is specially protected. "
		              "If you have questions about who may have "
		              "seen it, contact our data protection "
		              "officer.");
	if (set_has(&f->data, DATA_CONTACT) ||
	    set_has(&f->data, DATA_CREDENTIALS)) {
		int ch = (int)strlen(d->set[S_ORG_CHANNELS]);

		/* the sentence supplies its own full stop */
		while (ch > 0 && d->set[S_ORG_CHANNELS][ch - 1] == '.')
			ch--;
		if (de)
			snprintf(buf, sizeof(buf),
			    "Seien Sie vorsichtig bei E-Mails, Anrufen und "
			    "Kurznachrichten, die sich auf diesen Vorfall "
			    "beziehen oder nach Passwörtern, PINs oder "
			    "Bankdaten fragen. Danach fragen wir nie. Wir "
			    "wenden uns nur über diese Wege an Sie: %.*s.",
			    ch, d->set[S_ORG_CHANNELS]);
		else
			snprintf(buf, sizeof(buf),
			    "Be careful with e-mails, calls and text messages "
			    "that refer to this incident or ask for passwords, "
			    "PINs or bank details. We never ask for them. We "
			    "contact you only through these channels: %.*s.",
			    ch, d->set[S_ORG_CHANNELS]);
		advice_add(arr, buf);
	}
	if (json_array_size(arr) == 0)
		advice_add(
		    arr, de ? "Achten Sie in der nächsten Zeit auf "
		              "ungewöhnliche Nachrichten oder Vorgänge "
		              "und wenden Sie sich bei Fragen an uns."
		            : "Watch out for unusual messages or events "
		              "in the coming weeks and contact us if you "
		              "have questions.");
	return arr;
}

static json_t *
public_view(const struct doc_input *d, bool de)
{
	json_t *v = base_view(d, de);

	json_object_set_new(v, "advice", advice_json(d, de));
	return v;
}

/* ---- the processor's notice to the controller ------------------------ */

static json_t *
nature_json(const struct facts *f, bool de)
{
	json_t *arr = json_array();

	if (f->confidentiality == TRI_YES)
		json_array_append_new(
		    arr, json_pack("{s:s}", "label",
		             de ? "Vertraulichkeit (unbefugte Offenlegung oder "
		                  "Einsicht)"
		                : "confidentiality (unauthorised disclosure or "
		                  "access)"));
	if (f->integrity == TRI_YES)
		json_array_append_new(
		    arr, json_pack("{s:s}", "label",
		             de ? "Integrität (unbefugte Veränderung)"
		                : "integrity (unauthorised alteration)"));
	if (f->availability == TRI_YES)
		json_array_append_new(
		    arr, json_pack("{s:s}", "label",
		             de ? "Verfügbarkeit (Verlust oder Vernichtung)"
		                : "availability (loss or destruction)"));
	return arr;
}

static json_t *
controller_view(const struct doc_input *d, bool de)
{
	const struct facts *f = d->f;
	json_t *v = base_view(d, de);

	json_object_set_new(v, "nature", nature_json(f, de));
	json_object_set_new(v, "records_count",
	    count_json(f->records_n, f->records_n_estimate, de, "Datensatz",
	        "Datensätze", "record", "records"));
	json_object_set_new(v, "subject_categories",
	    labels_json(&f->subjects, "subject_category", de));
	json_object_set_new(v, "ongoing",
	    json_string(
	        f->ongoing == TRI_YES  ? (de ? "Der Vorfall dauert an."
	                                     : "The incident is ongoing.")
	        : f->ongoing == TRI_NO ? (de ? "Der Vorfall ist beendet."
	                                     : "The incident has ended.")
	                               : ""));
	return v;
}

/* ---- the internal register entry -------------------------------------- */

static const char *
topic_label(enum topic t, bool de)
{
	switch (t) {
	case TOPIC_BREACH:
		return de ? "Verletzung des Schutzes personenbezogener Daten?"
		          : "Personal data breach?";
	case TOPIC_AUTHORITY:
		return de ? "Meldung an die Aufsichtsbehörde (Art. 33)?"
		          : "Notify the supervisory authority (Art. 33)?";
	default:
		return de ? "Benachrichtigung der betroffenen Personen "
		            "(Art. 34)?"
		          : "Communicate to the data subjects (Art. 34)?";
	}
}

static json_t *
decisions_json(const struct doc_input *d, bool de)
{
	json_t *arr = json_array();
	char outcome[96];

	for (size_t i = 0; i < d->dec_n; i++) {
		const struct decision *x = &d->dec[i];

		if (x->exception != 0)
			snprintf(outcome, sizeof(outcome),
			    "%s (%s Art. 34(3)(%c))",
			    x->outcome ? (de ? "ja" : "yes")
			               : (de ? "nein" : "no"),
			    de ? "Ausnahme" : "exception", x->exception);
		else
			snprintf(outcome, sizeof(outcome), "%s",
			    x->outcome ? (de ? "ja" : "yes")
			               : (de ? "nein" : "no"));
		json_array_append_new(
		    arr, json_pack("{s:s, s:s, s:s, s:s, s:o}", "topic",
		             topic_label(x->topic, de), "outcome", outcome,
		             "rationale", x->rationale, "actor", x->actor,
		             "date", date_json(x->decided_at, de)));
	}
	return arr;
}

static const char *
yes_no_json(const json_t *v, bool de)
{
	if (json_is_string(v) &&
	    strcmp(json_string_value(v), "borderline") == 0)
		return de ? "Grenzfall" : "borderline";
	return json_is_true(v) ? (de ? "ja" : "yes") : (de ? "nein" : "no");
}

static const char *
risk_label(const char *level, bool de)
{
	if (level != NULL && strcmp(level, "high") == 0)
		return de ? "hohes Risiko" : "high risk";
	if (level != NULL && strcmp(level, "risk") == 0)
		return de ? "Risiko" : "risk";
	return de ? "voraussichtlich kein Risiko"
	          : "unlikely to result in a risk";
}

static json_t *
assessment_json(const struct doc_input *d, bool de)
{
	const json_t *a = d->assessment, *r;
	json_t *reasons;
	size_t i;

	if (a == NULL)
		return json_null();
	reasons = json_array();
	json_array_foreach (json_object_get(a, "reasons"), i, r) {
		const json_t *t = json_object_get(r, de ? "de" : "en");
		const json_t *cite = json_object_get(r, "cite");

		json_array_append_new(reasons,
		    json_pack("{s:s, s:s}", "text",
		        json_is_string(t) ? json_string_value(t) : "", "cite",
		        json_is_string(cite) ? json_string_value(cite) : ""));
	}
	return json_pack("{s:I, s:o, s:s, s:s, s:s, s:o}", "version",
	    (json_int_t)d->assess_version, "date",
	    date_json(d->assessed_at, de), "risk",
	    risk_label(json_string_value(json_object_get(a, "risk_level")), de),
	    "authority",
	    yes_no_json(json_object_get(a, "notify_authority"), de), "subjects",
	    yes_no_json(json_object_get(a, "communicate_subjects"), de),
	    "reasons", reasons);
}

/* Who an obligation is owed to, in words. */
static const char *
recipient_label(const struct obligation *o, bool de)
{
	static const struct {
		const char *r, *de, *en;
	} t[] = {
		{ "authority", "Aufsichtsbehörde (Art. 33)",
		    "Supervisory authority (Art. 33)" },
		{ "controller", "Verantwortlicher (Art. 33 Abs. 2)",
		    "Controller (Art. 33(2))" },
		{ "subjects", "Betroffene Personen (Art. 34)",
		    "Data subjects (Art. 34)" },
		{ "public",
		    "Öffentliche Bekanntmachung (Art. 34 Abs. 3 lit. c)",
		    "Public communication (Art. 34(3)(c))" },
	};

	for (size_t i = 0; i < nitems(t); i++) {
		if (str_eq(o->recipient, t[i].r))
			return de ? t[i].de : t[i].en;
	}
	return o->label != NULL ? o->label : o->recipient;
}

static const char *
phase_label(enum phase p, bool de)
{
	switch (p) {
	case PHASE_INITIAL:
		return de ? "Erstmeldung" : "initial notification";
	case PHASE_FOLLOWUP:
		return de ? "Nachtrag" : "follow-up";
	case PHASE_FINAL:
		return de ? "abschließende Meldung" : "final notification";
	default:
		return de ? "Rücknahme (keine Verletzung)"
		          : "withdrawal (not a breach)";
	}
}

/* One filing in words: "Erstmeldung am ..., Aktenzeichen X, ...". */
static json_t *
filing_json(const struct filing *fl, bool de)
{
	json_t *when = date_json(fl->filed_at, de), *r;
	char out[2048];
	size_t at;

	at = (size_t)snprintf(out, sizeof(out), "%s %s %s",
	    phase_label(fl->phase, de), de ? "am" : "on",
	    json_string_value(when));
	if (fl->case_ref != NULL && at < sizeof(out))
		at += (size_t)snprintf(out + at, sizeof(out) - at, ", %s %s",
		    de ? "Aktenzeichen" : "case reference", fl->case_ref);
	if (fl->filed_by != NULL && at < sizeof(out))
		at += (size_t)snprintf(out + at, sizeof(out) - at,
		    ", %s %s%s%s%s", de ? "abgegeben von" : "submitted by",
		    fl->filed_by, fl->filed_by_contact ? " (" : "",
		    fl->filed_by_contact ? fl->filed_by_contact : "",
		    fl->filed_by_contact ? ")" : "");
	if (fl->late && at < sizeof(out))
		snprintf(out + at, sizeof(out) - at, "; %s%s",
		    de ? "nach Fristablauf, Gründe: " : "late; reasons: ",
		    fl->delay_reason ? fl->delay_reason
		                     : (de ? "nicht erfasst" : "not recorded"));
	json_decref(when);
	r = json_pack("{s:s}", "text", out);
	return r;
}

/* The obligations, their state and filings. */
static json_t *
notifications_json(const struct doc_input *d, bool de)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < d->obl_n; i++) {
		const struct obligation *o = &d->obl[i];
		json_t *fl = json_array(), *due = date_json(o->due_at, de);
		char state[1024];

		switch (o->status) {
		case OBL_OPEN:
			snprintf(state, sizeof(state), "%s %s",
			    de ? "offen, fällig" : "open, due",
			    json_string_value(due));
			break;
		case OBL_NOT_REQUIRED:
			snprintf(state, sizeof(state), "%s%s%s",
			    de ? "nicht erforderlich" : "not required",
			    o->rationale
			        ? (de ? ", Begründung: " : "; reason: ")
			        : "",
			    o->rationale ? o->rationale : "");
			break;
		case OBL_WITHDRAWN:
			snprintf(state, sizeof(state), "%s",
			    de ? "zurückgenommen" : "withdrawn");
			break;
		default:
			snprintf(state, sizeof(state), "%s%s",
			    de ? "erfüllt" : "filed",
			    o->late ? (de ? " (verspätet)" : " (late)") : "");
			break;
		}
		for (size_t k = 0; k < d->fil_n[i]; k++)
			json_array_append_new(
			    fl, filing_json(&d->fil[i][k], de));
		json_array_append_new(arr,
		    json_pack("{s:s, s:s, s:o}", "recipient",
		        recipient_label(o, de), "state", state, "filings", fl));
		json_decref(due);
	}
	return arr;
}

/*
 * Whether the supervisory authority was notified, in one sentence: the
 * register entry is kept for every breach (Art. 33(5), EDPB 9/2022
 * V.A), and it must say which kind it is.
 */
static json_t *
notified_json(const struct doc_input *d, bool de)
{
	const struct decision *dec = NULL;
	char out[2048];

	for (size_t i = 0; i < d->obl_n; i++) {
		const struct obligation *o = &d->obl[i];

		if (!str_eq(o->recipient, "authority") || d->fil_n[i] == 0)
			continue;
		for (size_t k = 0; k < d->fil_n[i]; k++) {
			const struct filing *fl = &d->fil[i][k];
			json_t *when;

			if (fl->phase == PHASE_WITHDRAWN) {
				snprintf(out, sizeof(out), "%s",
				    de ? "gemeldet und zurückgenommen: es lag "
				         "keine Verletzung vor"
				       : "notified, then withdrawn: it was "
				         "not a breach");
				return json_string(out);
			}
			if (fl->phase != PHASE_INITIAL)
				continue;
			when = date_json(fl->filed_at, de);
			snprintf(out, sizeof(out), "%s %s%s%s",
			    de ? "ja, gemeldet am" : "yes, notified on",
			    json_string_value(when),
			    fl->case_ref ? (de ? ", Aktenzeichen "
			                       : ", case "
			                         "reference ")
			                 : "",
			    fl->case_ref ? fl->case_ref : "");
			json_decref(when);
			return json_string(out);
		}
	}
	for (size_t i = 0; i < d->dec_n; i++) {
		if (d->dec[i].topic == TOPIC_AUTHORITY)
			dec = &d->dec[i];
	}
	if (dec != NULL && !dec->outcome) {
		json_t *when = date_json(dec->decided_at, de);

		snprintf(out, sizeof(out), "%s %s %s %s: %s",
		    de ? "nein, nicht gemeldet; entschieden am"
		       : "no, not notified; decided on",
		    json_string_value(when), de ? "von" : "by", dec->actor,
		    dec->rationale);
		json_decref(when);
		return json_string(out);
	}
	return json_string(
	    dec != NULL ? (de ? "noch nicht gemeldet (entschieden: melden)"
	                      : "not yet notified (decided: notify)")
	                : (de ? "noch nicht gemeldet; es ist keine "
	                        "Entscheidung darüber erfasst"
	                      : "not yet notified; no decision about it has "
	                        "been recorded"));
}

static json_t *
register_view(const struct doc_input *d, bool de)
{
	json_t *v = base_view(d, de);

	json_object_set_new(v, "status",
	    json_string(d->in->status == INCIDENT_CLOSED
	                    ? (de ? "abgeschlossen" : "closed")
	                    : (de ? "offen" : "open")));
	json_object_set_new(
	    v, "recorded_date", date_json(d->in->created_at, de));
	json_object_set_new(v, "decisions", decisions_json(d, de));
	json_object_set_new(v, "assessment", assessment_json(d, de));
	json_object_set_new(
	    v, "measures_prevent", str_json(d->f->measures_prevent));
	json_object_set_new(v, "notified", notified_json(d, de));
	json_object_set_new(v, "notifications", notifications_json(d, de));
	return v;
}

/* ---- the example views (lint on save) ---------------------------------- */

static void
example_input(struct doc_input *d, struct incident *in, struct facts *f,
    struct decision *dec)
{
	memset(d, 0, sizeof(*d));
	memset(in, 0, sizeof(*in));
	facts_init(f);
	in->ref = "EX-2024-0001";
	in->title = "Example incident";
	in->created_at = 1714557600;
	in->status = INCIDENT_OPEN;
	f->title = in->title;
	f->description = "A fictional example.";
	f->role = ROLE_PROCESSOR;
	f->breach_type = BTYPE_HACKING;
	f->aware_at = f->discovered_at = 1714557600;
	f->occurred_from = 1714500000;
	f->occurred_to = 1714550000;
	f->ongoing = TRI_NO;
	f->confidentiality = TRI_YES;
	f->data.known = f->subjects.known = f->conseq_likely.known = true;
	f->data.bits =
	    ((uint64_t)1 << DATA_CONTACT) | ((uint64_t)1 << DATA_CREDENTIALS);
	f->subjects.bits = (uint64_t)1 << SUBJ_CUSTOMERS;
	f->conseq_likely.bits = (uint64_t)1 << CONSEQ_LOSS_CONTROL;
	f->subjects_n = 5000;
	f->records_n = 12000;
	f->conseq_text = "Phishing.";
	f->measures_taken = "Closed the gap.";
	f->measures_planned = "An audit.";
	f->measures_prevent = "Patching.";
	memset(dec, 0, sizeof(*dec));
	dec->topic = TOPIC_AUTHORITY;
	dec->outcome = true;
	dec->rationale = "Example rationale.";
	dec->actor = "example";
	dec->decided_at = 1714557600;
	d->in = in;
	d->f = f;
	for (int i = 0; i < S__MAX; i++)
		d->set[i] = "example";
	d->dec = dec;
	d->dec_n = 1;
	{
		static struct obligation o;
		static struct filing fl;
		static const struct filing *fls[1] = { &fl };
		static const size_t fln[1] = { 1 };

		memset(&o, 0, sizeof(o));
		o.recipient = "authority";
		o.status = OBL_FILED;
		o.due_at = 1714816800;
		memset(&fl, 0, sizeof(fl));
		fl.phase = PHASE_INITIAL;
		fl.filed_at = 1714600000;
		fl.case_ref = "EX-1";
		fl.filed_by = "Example";
		d->obl = &o;
		d->obl_n = 1;
		d->fil = fls;
		d->fil_n = fln;
	}
	d->assess_version = 1;
	d->assessed_at = 1714557600;
	d->now = 1714557600;
}

json_t *
svc_notice_example_public(bool de)
{
	struct doc_input d;
	struct incident in;
	struct facts f;
	struct decision dec;

	example_input(&d, &in, &f, &dec);
	return public_view(&d, de);
}

json_t *
svc_notice_example_controller(bool de)
{
	struct doc_input d;
	struct incident in;
	struct facts f;
	struct decision dec;

	example_input(&d, &in, &f, &dec);
	return controller_view(&d, de);
}

json_t *
svc_notice_example_register(bool de)
{
	struct doc_input d;
	struct incident in;
	struct facts f;
	struct decision dec;
	json_t *a, *v;

	example_input(&d, &in, &f, &dec);
	a = json_pack("{s:s, s:b, s:b, s:[{s:s, s:s, s:s}]}", "risk_level",
	    "risk", "notify_authority", 1, "communicate_subjects", 0, "reasons",
	    "en", "Example reason.", "de", "Beispielgrund.", "cite",
	    "EDPB 9/2022");
	d.assessment = a;
	v = register_view(&d, de);
	json_decref(a);
	return v;
}

/* ---- rendering ----------------------------------------------------------- */

const char *
svc_notice_template(const struct notice_req *r)
{
	switch (r->kind) {
	case NOTICE_CONTROLLER:
		return "controller-text";
	case NOTICE_REGISTER:
		return "register-text";
	default:
		return r->html ? "notice-html" : "notice-text";
	}
}

/* The settings `kind` needs; the register needs only the organisation. */
static enum err
load_settings(struct svc *s, enum notice_kind kind, struct doc_input *d,
    struct svc_err *e)
{
	size_t at;
	bool missing = false;

	for (int i = 0; i < S__MAX; i++) {
		bool need = kind != NOTICE_REGISTER || i == S_ORG_NAME;

		if (store_setting_get(
		        s->st, setting_keys[i], s->a, &d->set[i]) != ERR_OK)
			d->set[i] = NULL;
		if (d->set[i] != NULL || !need)
			continue;
		if (!missing)
			svc_err_msg(e, "missing settings:");
		at = strlen(e->msg);
		snprintf(e->msg + at, sizeof(e->msg) - at, "%s %s",
		    missing ? "," : "", setting_keys[i]);
		missing = true;
	}
	if (missing) {
		at = strlen(e->msg);
		snprintf(e->msg + at, sizeof(e->msg) - at,
		    " (set them with breachkit settings set KEY VALUE)");
		return ERR_INVAL;
	}
	for (int i = 0; i < S__MAX; i++) {
		if (d->set[i] == NULL)
			d->set[i] = "";
	}
	return ERR_OK;
}

static enum err
load_reasoning(struct svc *s, struct doc_input *d, struct svc_err *e)
{
	struct decision *dec;
	struct assessment_rec *as;
	struct obligation *obl;
	const struct filing **fil;
	size_t n, *fil_n;
	enum err rc;

	rc = store_decision_list(s->st, d->in->id, s->a, &dec, &d->dec_n);
	if (rc == ERR_OK)
		d->dec = dec;
	if (rc == ERR_OK)
		rc = store_obligation_list(
		    s->st, d->in->id, s->a, &obl, &d->obl_n);
	if (rc == ERR_OK) {
		d->obl = obl;
		fil = arena_allocarray(
		    s->a, d->obl_n + 1, sizeof(struct filing *));
		fil_n = arena_allocarray(s->a, d->obl_n + 1, sizeof(*fil_n));
		for (size_t i = 0; i < d->obl_n && rc == ERR_OK; i++) {
			struct filing *v;

			rc = store_filing_list(
			    s->st, obl[i].id, s->a, &v, &fil_n[i]);
			fil[i] = v;
		}
		d->fil = (const struct filing *const *)fil;
		d->fil_n = fil_n;
	}
	if (rc == ERR_OK)
		rc = store_assessment_list(s->st, d->in->id, s->a, &as, &n);
	if (rc != ERR_OK)
		return svc_store_err(s, rc, "notice", e);
	if (n > 0) {
		d->assessment = json_loads(as[n - 1].result, 0, NULL);
		d->assess_version = as[n - 1].version;
		d->assessed_at = as[n - 1].created_at;
	}
	return ERR_OK;
}

enum err
svc_notice(struct svc *s, const struct notice_req *r, struct buf *out,
    struct svc_err *e)
{
	struct doc_input d = { 0 };
	struct incident in;
	struct facts f;
	struct tmpl *t = NULL;
	struct partials ps = { 0 };
	json_t *view = NULL;
	enum err rc;

	rc = svc_resolve(s, r->id, s->a, &in, e);
	if (rc == ERR_OK)
		rc = svc_facts_load(s, &in, s->a, &f, e);
	if (rc != ERR_OK)
		return rc;
	d.in = &in;
	d.f = &f;
	d.now = s->now;
	if (r->kind == NOTICE_CONTROLLER && f.role != ROLE_PROCESSOR) {
		svc_err_msg(e,
		    "%s: the notice to the controller (Art. 33(2)) "
		    "is for incidents where we are the processor (role is "
		    "%s)",
		    in.ref, enum_json_name("role", f.role));
		return ERR_INVAL;
	}
	rc = load_settings(s, r->kind, &d, e);
	if (rc == ERR_OK && r->kind == NOTICE_REGISTER)
		rc = load_reasoning(s, &d, e);
	if (rc == ERR_OK)
		rc = svc_template_load(
		    s, svc_notice_template(r), r->german ? "de" : "en", &t, e);
	if (rc != ERR_OK)
		goto out;
	switch (r->kind) {
	case NOTICE_CONTROLLER:
		view = controller_view(&d, r->german);
		break;
	case NOTICE_REGISTER:
		view = register_view(&d, r->german);
		break;
	default:
		view = public_view(&d, r->german);
		break;
	}
	rc = tmpl_render(t, view, svc_template_partial, &ps, out);
	if (rc != ERR_OK)
		svc_err_msg(e, "%s: rendering %s failed (%s)", in.ref,
		    svc_notice_template(r), err_str(rc));
out:
	json_decref(view);
	json_decref((json_t *)d.assessment);
	svc_partials_release(&ps);
	tmpl_free(t);
	return rc;
}
