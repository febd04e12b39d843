/* SPDX-License-Identifier: MIT */
/*
 * http/ui_case.c: the incident page: the facts, the assessment with its
 * reasons and "would change" facts, the decisions and the form to record
 * one, the obligations with their countdown, the documents, the
 * attachments, the timeline from the event log, verify's verdict on the
 * chain, and the record of reads.  Viewing it is itself recorded.
 */
#include "base/base.h"

#include "base/clock.h"
#include "base/str.h"
#include "http/http_int.h"

static void
h_value(struct http_resp *resp, const json_t *v)
{
	if (json_is_string(v)) {
		h_text(resp, json_string_value(v));
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;

		json_array_foreach (v, i, x) {
			if (i > 0)
				h_text(resp, ", ");
			h_value(resp, x);
		}
		if (json_array_size(v) == 0)
			h_text(resp, "—");
	} else {
		char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);

		h_text(resp, s != NULL ? s : "");
		free(s);
	}
}

/* The facts as nested definition lists, one group per top-level key. */
static void
h_facts(struct http_resp *resp, const char *prefix, json_t *obj, int depth)
{
	const char *k;
	json_t *v;

	h_fmt(resp, "<dl class=\"facts d%d\">", depth);
	json_object_foreach (obj, k, v) {
		h_fmt(resp, "<dt>%s</dt><dd>", k);
		if (json_is_object(v) && depth < 4)
			h_facts(resp, prefix, v, depth + 1);
		else
			h_value(resp, v);
		h_fmt(resp, "</dd>");
	}
	h_fmt(resp, "</dl>");
}

static const char *
level_text(struct http_req *req, const char *lvl)
{
	if (lvl == NULL)
		return "?";
	if (strcmp(lvl, "high") == 0)
		return T(req, "high risk", "hohes Risiko");
	if (strcmp(lvl, "risk") == 0)
		return T(req, "risk", "Risiko");
	return T(
	    req, "unlikely to result in a risk", "voraussichtlich kein Risiko");
}

/* The recommendation box; also used by the intake wizard's preview. */
void
h_assessment(struct http_req *req, struct http_resp *resp, json_t *as)
{
	const char *lang = strcmp(req->lang, "en") == 0 ? "en" : "de";
	json_t *na = json_object_get(as, "notify_authority");
	json_t *arr, *x;
	size_t i;

	h_fmt(resp,
	    "<div class=\"recommendation\" id=\"recommendation\" "
	    "aria-live=\"polite\"><p><strong>%s:</strong> "
	    "<span class=\"level\">%s</span></p><ul>",
	    T(req, "Recommendation", "Empfehlung"),
	    level_text(
	        req, json_string_value(json_object_get(as, "risk_level"))));
	h_fmt(resp, "<li>%s: <strong>%s</strong></li>",
	    T(req, "Notify the supervisory authority (Art. 33)",
	        "Meldung an die Aufsichtsbehörde (Art. 33)"),
	    json_is_true(na)     ? T(req, "yes", "ja")
	    : json_is_string(na) ? T(req, "borderline", "Grenzfall")
	                         : T(req, "no", "nein"));
	h_fmt(resp, "<li>%s: <strong>%s</strong></li></ul>",
	    T(req, "Tell the people affected (Art. 34)",
	        "Benachrichtigung der Betroffenen (Art. 34)"),
	    json_is_true(json_object_get(as, "communicate_subjects"))
	        ? T(req, "yes", "ja")
	        : T(req, "no", "nein"));
	h_fmt(resp, "<details open><summary>%s</summary><ol class=\"reasons\">",
	    T(req, "Reasons", "Begründung"));
	arr = json_object_get(as, "reasons");
	json_array_foreach (arr, i, x)
		h_fmt(resp, "<li>%s <cite>%s</cite></li>",
		    json_string_value(json_object_get(x, lang)),
		    json_string_value(json_object_get(x, "cite")));
	h_fmt(resp, "</ol></details>");
	arr = json_object_get(as, "would_change");
	if (json_array_size(arr) > 0) {
		h_fmt(resp, "<details><summary>%s</summary><ul>",
		    T(req, "Facts that would change it",
		        "Fakten, die die Empfehlung ändern würden"));
		json_array_foreach (arr, i, x) {
			h_fmt(resp, "<li><code>%s</code> = <code>",
			    json_string_value(json_object_get(x, "fact")));
			h_value(resp, json_object_get(x, "value"));
			h_fmt(resp, "</code>: %s</li>",
			    json_string_value(json_object_get(
			        x, strcmp(lang, "en") == 0 ? "effect"
			                                   : "effect_de")));
		}
		h_fmt(resp, "</ul></details>");
	}
	arr = json_object_get(as, "unknown_facts");
	if (json_array_size(arr) > 0) {
		h_fmt(resp, "<p class=\"unknown\">%s: ",
		    T(req, "Unknown, weighed conservatively",
		        "Unbekannt, vorsichtig gewertet"));
		h_value(resp, arr);
		h_fmt(resp, "</p>");
	}
	h_fmt(resp, "</div>");
}

static void
h_obligations(struct http_req *req, struct http_resp *resp, json_t *arr)
{
	json_t *o;
	size_t i;

	h_fmt(resp, "<section><h2>%s</h2>", T(req, "Obligations", "Pflichten"));
	if (json_array_size(arr) == 0) {
		h_fmt(resp, "<p>%s</p></section>", T(req, "None.", "Keine."));
		return;
	}
	h_fmt(resp,
	    "<table><thead><tr><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th></tr></thead><tbody>",
	    T(req, "Obligation", "Pflicht"), T(req, "Status", "Status"),
	    T(req, "Due", "Fällig"), T(req, "Time left", "Verbleibend"));
	json_array_foreach (arr, i, o) {
		const char *st =
		    json_string_value(json_object_get(o, "status"));
		json_t *left = json_object_get(o, "seconds_left");

		h_fmt(resp,
		    "<tr><td>%s <small>(%s)</small></td><td>%s</td><td>"
		    "%s</td><td>",
		    json_string_value(json_object_get(o, "label")),
		    json_string_value(json_object_get(o, "article")), st,
		    json_string_value(json_object_get(o, "due_at")));
		if (json_is_integer(left))
			h_countdown(
			    req, resp, req->now + json_integer_value(left));
		h_fmt(resp, "</td></tr>");
	}
	h_fmt(resp, "</tbody></table></section>");
}

static void
h_decide_form(struct http_req *req, struct http_resp *resp, const char *ref)
{
	h_fmt(resp,
	    "<form method=\"post\" action=\"/incidents/%s/decide\" "
	    "class=\"decide\"><fieldset><legend>%s</legend>",
	    ref, T(req, "Record a decision", "Entscheidung festhalten"));
	h_csrf(req, resp);
	h_fmt(resp,
	    "<p><label for=\"topic\">%s</label><select id=\"topic\" "
	    "name=\"topic\">",
	    T(req, "Topic", "Gegenstand"));
	for (int t = 0; t < TOPIC__MAX; t++)
		h_fmt(resp, "<option>%s</option>", topic_names[t]);
	h_fmt(resp,
	    "</select></p><p><label for=\"outcome\">%s</label><select "
	    "id=\"outcome\" name=\"outcome\"><option value=\"yes\">%s</option>"
	    "<option value=\"no\">%s</option></select></p>"
	    "<p><label for=\"rationale\">%s</label><textarea id=\"rationale\" "
	    "name=\"rationale\" required rows=\"3\"></textarea></p>"
	    "<p><button type=\"submit\">%s</button></p></fieldset></form>",
	    T(req, "Outcome", "Ergebnis"), T(req, "yes", "ja"),
	    T(req, "no", "nein"), T(req, "Rationale", "Begründung"),
	    T(req, "Record the decision", "Entscheidung festhalten"));
}

static void
h_documents(struct http_req *req, struct http_resp *resp, const char *ref)
{
	static const char *const codes[] = { "nrw", "by", "bw", "bfdi", "en" };

	h_fmt(resp, "<section><h2>%s</h2><ul class=\"docs\">",
	    T(req, "Documents", "Dokumente"));
	for (size_t i = 0; i < nitems(codes); i++)
		h_fmt(resp,
		    "<li>%s %s: <a href=\"/api/v1/incidents/%s/notification?"
		    "authority=%s&amp;format=html\">%s</a> · <a "
		    "href=\"/api/v1/incidents/%s/notification?authority=%s&amp;"
		    "format=pdf\" download>PDF</a> · <a "
		    "href=\"/api/v1/incidents/%s/notification?authority=%s&amp;"
		    "format=text\">%s</a></li>",
		    T(req, "Notification", "Meldung"), codes[i], ref, codes[i],
		    T(req, "preview", "Vorschau"), ref, codes[i], ref, codes[i],
		    T(req, "text blocks", "Textblöcke"));
	h_fmt(resp, "</ul></section>");
}

static void
h_timeline(struct http_req *req, struct http_resp *resp, json_t *hist)
{
	json_t *ev;
	size_t i;

	h_fmt(resp, "<section><h2>%s</h2><ol class=\"timeline\">",
	    T(req, "Timeline", "Verlauf"));
	json_array_foreach (hist, i, ev) {
		json_t *pl = json_object_get(ev, "payload");
		const char *txt =
		    json_string_value(json_object_get(pl, "text"));

		if (txt == NULL)
			txt = json_string_value(json_object_get(pl, "reason"));
		h_fmt(resp,
		    "<li><span class=\"at\">%s</span> <strong>%s</strong>"
		    " %s <code class=\"hash\">%s</code>",
		    json_string_value(json_object_get(ev, "at")),
		    json_string_value(json_object_get(ev, "kind")),
		    json_string_value(json_object_get(ev, "actor")),
		    arena_printf(resp->a, "%.12s",
		        json_string_value(json_object_get(ev, "hash"))));
		if (txt != NULL)
			h_fmt(resp, "<p class=\"event-text\">%s</p>", txt);
		h_fmt(resp, "</li>");
	}
	h_fmt(resp, "</ol></section>");
}

static void
h_reads(struct http_req *req, struct http_resp *resp, int64_t id)
{
	struct access_rec *v = NULL;
	size_t n = 0;

	if (!perm_has(req->role, PERM_DECIDE))
		return;
	if (store_begin_read(req->st) != ERR_OK)
		return;
	(void)store_access_list(req->st, id, 20, req->a, &v, &n);
	store_rollback(req->st);
	h_fmt(resp, "<details><summary>%s (%zu)</summary><ul>",
	    T(req, "Recent reads", "Letzte Zugriffe"), n);
	for (size_t i = 0; i < n; i++) {
		h_fmt(resp, "<li>");
		h_time(resp, v[i].at);
		h_fmt(resp, " %s: %s</li>", v[i].actor, v[i].what);
	}
	h_fmt(resp, "</ul></details>");
}

/* verify's verdict on this incident's chain and state. */
static void
h_verify(struct http_req *req, struct http_resp *resp, const char *ref)
{
	const char *problem = NULL;
	int64_t seq = 0;
	struct svc_err e;

	svc_err_clear(&e);
	if (svc_verify_incident(&req->s, ref, &problem, &seq, &e) != ERR_OK) {
		h_fmt(resp, "<strong class=\"verify-bad\">%s</strong>",
		    T(req, "verify could not run", "verify lief nicht"));
		return;
	}
	if (problem == NULL)
		h_fmt(resp, "<strong class=\"verify-ok\">%s</strong>",
		    T(req, "verify: chain and state intact",
		        "verify: Kette und Zustand unversehrt"));
	else
		h_fmt(resp,
		    "<strong class=\"verify-bad\" role=\"alert\">%s %lld: %s"
		    "</strong>",
		    T(req, "verify FAILED at event",
		        "verify FEHLGESCHLAGEN bei "
		        "Ereignis"),
		    (long long)seq, problem);
}

static void
h_upload_form(struct http_req *req, struct http_resp *resp, const char *ref)
{
	h_fmt(resp,
	    "<form class=\"upload\" hidden data-action=\"/incidents/%s/"
	    "attachments\" data-none=\"%s\" data-busy=\"%s\"><fieldset>"
	    "<legend>%s</legend><p><label for=\"upload-file\">%s</label>"
	    "<input type=\"file\" id=\"upload-file\" name=\"file\"></p>"
	    "<p><button type=\"submit\">%s</button> <span "
	    "class=\"upload-status\" role=\"status\"></span></p></fieldset>"
	    "</form><noscript><p>%s</p></noscript>",
	    ref,
	    T(req, "Choose a file first.",
	        "Bitte zuerst eine Datei "
	        "wählen."),
	    T(req, "Uploading…", "Wird hochgeladen …"),
	    T(req, "Add an attachment", "Anhang hinzufügen"),
	    T(req, "File (at most the server's body limit)",
	        "Datei (höchstens die Größengrenze des Servers)"),
	    T(req, "Upload", "Hochladen"),
	    T(req, "Uploading needs JavaScript, or: breachkit attach REF FILE.",
	        "Das Hochladen braucht JavaScript, oder: breachkit attach "
	        "REF DATEI."));
}

static void
h_note_form(struct http_req *req, struct http_resp *resp, const char *ref)
{
	h_fmt(resp,
	    "<form method=\"post\" action=\"/incidents/%s/notes\" "
	    "class=\"note\"><fieldset><legend>%s</legend>",
	    ref, T(req, "Add a note", "Notiz hinzufügen"));
	h_csrf(req, resp);
	h_fmt(resp,
	    "<p><label for=\"note-text\">%s</label><textarea id=\"note-text\" "
	    "name=\"text\" rows=\"3\" required></textarea></p><p><button "
	    "type=\"submit\">%s</button></p></fieldset></form>",
	    T(req, "Note", "Notiz"), T(req, "Add the note", "Notiz speichern"));
}

static void
h_status_form(
    struct http_req *req, struct http_resp *resp, const char *ref, bool open)
{
	h_fmt(resp,
	    "<form method=\"post\" action=\"/incidents/%s/status\" "
	    "class=\"status-form\"><fieldset><legend>%s</legend>",
	    ref,
	    open ? T(req, "Close the incident", "Vorfall schließen")
	         : T(req, "Reopen the incident", "Vorfall wieder öffnen"));
	h_csrf(req, resp);
	h_fmt(resp,
	    "<input type=\"hidden\" name=\"action\" value=\"%s\"><p><label "
	    "for=\"status-reason\">%s</label><input id=\"status-reason\" "
	    "name=\"reason\"%H></p><p><button type=\"submit\">%s</button></p>"
	    "</fieldset></form>",
	    open ? "close" : "reopen", T(req, "Reason", "Grund"),
	    open ? " required" : "",
	    open ? T(req, "Close", "Schließen")
	         : T(req, "Reopen", "Wieder öffnen"));
}

static void
h_filing_form(
    struct http_req *req, struct http_resp *resp, const char *ref, json_t *obl)
{
	char off[8];
	int64_t o = zone_offset(req->now);
	char now[ISO_LEN];
	json_t *x;
	size_t i;

	if (json_array_size(obl) == 0)
		return;
	snprintf(off, sizeof(off), "%c%02d:%02d", o < 0 ? '-' : '+',
	    (int)((o < 0 ? -o : o) / 3600),
	    (int)((o < 0 ? -o : o) % 3600 / 60));
	iso8601_format(req->now, now);
	h_fmt(resp,
	    "<form method=\"post\" action=\"/incidents/%s/filings\" "
	    "class=\"filing\"><fieldset><legend>%s</legend>",
	    ref, T(req, "Record a filing", "Meldung erfassen"));
	h_csrf(req, resp);
	h_fmt(resp,
	    "<p><label for=\"filing-obligation\">%s</label><select "
	    "id=\"filing-obligation\" name=\"obligation\">",
	    T(req, "Obligation (recipient)", "Pflicht (Empfänger)"));
	json_array_foreach (obl, i, x)
		h_fmt(resp, "<option value=\"%lld\">%s: %s (%s)</option>",
		    (long long)json_integer_value(json_object_get(x, "id")),
		    json_string_value(json_object_get(x, "recipient")),
		    json_string_value(json_object_get(x, "label")),
		    json_string_value(json_object_get(x, "status")));
	h_fmt(resp,
	    "</select></p><p><label for=\"filing-phase\">%s</label><select "
	    "id=\"filing-phase\" name=\"phase\">",
	    T(req, "Phase", "Phase"));
	for (int p = 0; p < PHASE__MAX; p++)
		h_fmt(resp, "<option>%s</option>", phase_names[p]);
	h_fmt(resp,
	    "</select></p><p><label for=\"filing-at\">%s (%s)</label><input "
	    "type=\"datetime-local\" id=\"filing-at\" name=\"filed_at\" "
	    "value=\"%s\" required></p>"
	    "<p><label for=\"filing-case\">%s</label><input id=\"filing-case\" "
	    "name=\"case_ref\"></p>"
	    "<p><label for=\"filing-delay\">%s</label><textarea "
	    "id=\"filing-delay\" name=\"delay_reason\" rows=\"2\"></textarea>"
	    "</p><p><label for=\"filing-by\">%s</label><input "
	    "id=\"filing-by\" name=\"filed_by\" value=\"%s\"></p>"
	    "<p><label for=\"filing-by-contact\">%s</label><input "
	    "id=\"filing-by-contact\" name=\"filed_by_contact\"></p>"
	    "<p><button type=\"submit\">%s</button></p></fieldset></form>",
	    T(req, "Filed at", "Eingereicht am"), off,
	    arena_printf(resp->a, "%.16s", now),
	    T(req, "Case reference of the recipient",
	        "Aktenzeichen des "
	        "Empfängers"),
	    T(req, "Reasons for the delay (Art. 33(1), when late)",
	        "Gründe für die Verzögerung (Art. 33 Abs. 1, bei Verspätung)"),
	    T(req, "Filed by (the person who submitted it)",
	        "Eingereicht von (Person)"),
	    req->user.name != NULL ? req->user.name : "",
	    T(req, "Their e-mail or phone, for the recipient's questions",
	        "Deren E-Mail oder Telefon, für Rückfragen"),
	    T(req, "Record the filing", "Meldung erfassen"));
}

void
ui_incident(struct http_req *req, struct http_resp *resp)
{
	struct incident in;
	struct svc_err e;
	struct facts f;
	json_t *j, *as = NULL, *arr, *x;
	size_t i;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_incident_view(&req->s, req->param[0], true, &in, &j, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	if (store_begin_read(req->st) == ERR_OK) {
		if (svc_facts_load(&req->s, &in, req->a, &f, &e) == ERR_OK)
			as = svc_assess_facts(&f);
		store_rollback(req->st);
	}
	page_begin(req, resp, in.ref);
	h_fmt(resp,
	    "<p class=\"title\">%s <span class=\"status\">%s</span></p>",
	    in.title,
	    in.status == INCIDENT_OPEN ? T(req, "open", "offen")
	                               : T(req, "closed", "geschlossen"));
	h_fmt(resp,
	    "<p class=\"verify\" data-ref=\"%s\">%s: <code>%s</code>"
	    " (%lld %s) ",
	    in.ref, T(req, "Head of the hash chain", "Kopf der Hash-Kette"),
	    arena_printf(req->a, "%.16s", in.head_hash), (long long)in.event_n,
	    T(req, "events", "Ereignisse"));
	h_verify(req, resp, in.ref);
	h_fmt(resp, "</p>");
	if (as != NULL) {
		h_fmt(resp, "<section><h2>%s</h2>",
		    T(req, "Assessment", "Bewertung"));
		h_assessment(req, resp, as);
		h_fmt(resp, "</section>");
		json_decref(as);
	}
	h_obligations(req, resp, json_object_get(j, "obligations"));
	h_fmt(resp, "<section><h2>%s</h2>",
	    T(req, "Decisions", "Entscheidungen"));
	arr = json_object_get(j, "decisions");
	if (json_array_size(arr) == 0)
		h_fmt(resp, "<p>%s</p>", T(req, "None yet.", "Noch keine."));
	h_fmt(resp, "<ul>");
	json_array_foreach (arr, i, x) {
		h_fmt(resp, "<li><strong>%s</strong>: ",
		    json_string_value(json_object_get(x, "topic")));
		h_value(resp, json_object_get(x, "outcome"));
		h_fmt(resp, " — %s (%s, %s)</li>",
		    json_string_value(json_object_get(x, "rationale")),
		    json_string_value(json_object_get(x, "decided_by")),
		    json_string_value(json_object_get(x, "decided_at")));
	}
	h_fmt(resp, "</ul>");
	if (perm_has(req->role, PERM_DECIDE))
		h_decide_form(req, resp, in.ref);
	h_fmt(resp, "</section>");
	if (perm_has(req->role, PERM_DECIDE))
		h_documents(req, resp, in.ref);
	h_fmt(resp, "<section><h2>%s</h2>", T(req, "Facts", "Fakten"));
	h_facts(resp, "", json_object_get(j, "facts"), 0);
	h_fmt(resp, "</section><section><h2>%s</h2><ul>",
	    T(req, "Attachments", "Anhänge"));
	arr = json_object_get(j, "attachments");
	json_array_foreach (arr, i, x)
		h_fmt(resp,
		    "<li><a href=\"/incidents/%s/attachments/%lld\" "
		    "download>%s</a> <small>(%lld bytes, SHA-256 <code>%s"
		    "</code>)</small></li>",
		    in.ref,
		    (long long)json_integer_value(json_object_get(x, "id")),
		    json_string_value(json_object_get(x, "name")),
		    (long long)json_integer_value(json_object_get(x, "size")),
		    json_string_value(json_object_get(x, "sha256")));
	h_fmt(resp, "</ul>");
	if (perm_has(req->role, PERM_INCIDENT_EDIT))
		h_upload_form(req, resp, in.ref);
	h_fmt(resp, "</section>");
	if (perm_has(req->role, PERM_DECIDE))
		h_filing_form(
		    req, resp, in.ref, json_object_get(j, "obligations"));
	if (perm_has(req->role, PERM_INCIDENT_EDIT)) {
		h_note_form(req, resp, in.ref);
		h_status_form(req, resp, in.ref, in.status == INCIDENT_OPEN);
	}
	h_timeline(req, resp, json_object_get(j, "history"));
	h_reads(req, resp, in.id);
	page_end(req, resp);
	json_decref(j);
	resp->audit_incident = in.id;
	resp->audit_what = "page: incident";
}

/* Back to the incident's page after a change, or the error `rc`. */
static void
back_or_err(struct http_req *req, struct http_resp *resp, enum err rc,
    const struct svc_err *e)
{
	if (rc != ERR_OK)
		resp_svc_err(req, resp, rc, e);
	else
		resp_redirect(
		    resp, arena_printf(req->a, "/incidents/%s", req->param[0]));
}

void
ui_decide(struct http_req *req, struct http_resp *resp)
{
	struct decide_req d;
	struct svc_err e;
	const char *topic = req_form(req, "topic");
	const char *outcome = req_form(req, "outcome");
	int t =
	    topic != NULL ? name_lookup(topic_names, TOPIC__MAX, topic) : -1;
	enum err rc;

	if (t < 0 || outcome == NULL ||
	    (strcmp(outcome, "yes") != 0 && strcmp(outcome, "no") != 0)) {
		resp_error(req, resp, 400, "choose a topic and an outcome");
		return;
	}
	memset(&d, 0, sizeof(d));
	d.topic = (enum topic)t;
	d.outcome = strcmp(outcome, "yes") == 0;
	d.rationale = req_form(req, "rationale");
	svc_err_clear(&e);
	rc = svc_decide(&req->s, req->param[0], &d, &e);
	back_or_err(req, resp, rc, &e);
}

/* POST /incidents/{id}/notes */
void
ui_note(struct http_req *req, struct http_resp *resp)
{
	struct svc_err e;
	const char *text = req_form(req, "text");
	enum err rc;

	svc_err_clear(&e);
	rc = svc_note(&req->s, req->param[0], text != NULL ? text : "", &e);
	back_or_err(req, resp, rc, &e);
}

/* POST /incidents/{id}/status: action=close|reopen, reason */
void
ui_status(struct http_req *req, struct http_resp *resp)
{
	const char *action = req_form(req, "action");
	const char *reason = req_form_text(req, "reason");
	struct svc_err e;
	enum err rc;

	if (action == NULL ||
	    (strcmp(action, "close") != 0 && strcmp(action, "reopen") != 0)) {
		resp_error(req, resp, 400, "action: close or reopen");
		return;
	}
	svc_err_clear(&e);
	rc = svc_incident_close(
	    &req->s, req->param[0], strcmp(action, "close") == 0, reason, &e);
	back_or_err(req, resp, rc, &e);
}

/* POST /incidents/{id}/filings: obligation, phase, filed_at, case_ref,
 * delay_reason, filed_by, filed_by_contact */
void
ui_file(struct http_req *req, struct http_resp *resp)
{
	const char *ob = req_form(req, "obligation");
	const char *ph = req_form(req, "phase");
	const char *at = req_form(req, "filed_at");
	struct file_req f;
	struct svc_err e;
	bool late = false;
	int64_t n;
	int p;
	enum err rc;

	memset(&f, 0, sizeof(f));
	svc_err_clear(&e);
	if (ob == NULL || str_to_i64(ob, 1, INT64_MAX, &n) != ERR_OK)
		field_errors_add(&e.fe, "obligation", "choose an obligation");
	else
		f.obligation_id = n;
	p = ph != NULL ? name_lookup(phase_names, PHASE__MAX, ph) : -1;
	if (p < 0)
		field_errors_add(
		    &e.fe, "phase", "initial, follow-up, final or withdrawn");
	else
		f.phase = (enum phase)p;
	if (at == NULL || !local_parse(at, &f.filed_at))
		field_errors_add(&e.fe, "filed_at",
		    "a date and time, e.g. 2024-05-01T10:00");
	f.case_ref = req_form_text(req, "case_ref");
	f.delay_reason = req_form_text(req, "delay_reason");
	f.filed_by = req_form_text(req, "filed_by");
	f.filed_by_contact = req_form_text(req, "filed_by_contact");
	if (f.filed_by_contact != NULL && f.filed_by == NULL)
		field_errors_add(&e.fe, "filed_by_contact",
		    "needs the name of who filed it");
	if (e.fe.n > 0) {
		resp_svc_err(req, resp, ERR_INVAL, &e);
		return;
	}
	rc = svc_file(&req->s, req->param[0], &f, &late, &e);
	back_or_err(req, resp, rc, &e);
}

/* POST /incidents/{id}/attachments?name=FILE: the file is the raw body
 * (Content-Type: application/octet-stream), sent by app.js. */
void
ui_attach(struct http_req *req, struct http_resp *resp)
{
	const char *name = req_query(req, "name");
	struct svc_err e;
	enum err rc;

	if (req->ctype == NULL ||
	    strncasecmp(req->ctype, "application/octet-stream", 24) != 0) {
		resp_error(req, resp, 415,
		    "send the file as the body with Content-Type: "
		    "application/octet-stream");
		return;
	}
	if (name == NULL || *name == '\0') {
		resp_error(req, resp, 400, "name: the file name (?name=...)");
		return;
	}
	svc_err_clear(&e);
	rc = svc_attach(&req->s, req->param[0], name,
	    req->body != NULL ? req->body : "", req->body_len, &e);
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_json(resp, 201,
	    json_pack(
	        "{s:s, s:I}", "name", name, "size", (json_int_t)req->body_len));
}

/* GET /incidents/{id}/attachments/{aid}: the file, as stored. */
void
ui_attachment_get(struct http_req *req, struct http_resp *resp)
{
	struct attachment *v = NULL;
	struct incident in;
	const void *data = NULL;
	size_t n = 0, len = 0;
	struct svc_err e;
	int64_t aid;
	const char *name = NULL;
	enum err rc;

	if (str_to_i64(req->param[1], 1, INT64_MAX, &aid) != ERR_OK) {
		resp_error(req, resp, 404, "no such attachment");
		return;
	}
	svc_err_clear(&e);
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = svc_resolve(&req->s, req->param[0], req->a, &in, &e);
	if (rc == ERR_OK)
		rc = store_attachment_list(req->st, in.id, req->a, &v, &n);
	for (size_t i = 0; rc == ERR_OK && i < n; i++)
		if (v[i].id == aid)
			name = v[i].name;
	if (rc == ERR_OK && name == NULL)
		rc = ERR_NOTFOUND;
	if (rc == ERR_OK)
		rc =
		    store_attachment_content(req->st, aid, req->a, &data, &len);
	store_rollback(req->st);
	if (rc != ERR_OK) {
		if (rc == ERR_NOTFOUND)
			resp_error(req, resp, 404, "no such attachment");
		else
			resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_file(resp, "application/octet-stream", name, data, len);
	resp->audit_incident = in.id;
	resp->audit_what = "page: attachment";
}
