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
		h_fmt(resp,
		    "<li><span class=\"at\">%s</span> <strong>%s</strong>"
		    " %s <code class=\"hash\">%.12s</code></li>",
		    json_string_value(json_object_get(ev, "at")),
		    json_string_value(json_object_get(ev, "kind")),
		    json_string_value(json_object_get(ev, "actor")),
		    json_string_value(json_object_get(ev, "hash")));
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
	    "<p class=\"verify\" data-ref=\"%s\">%s: <code>%.16s</code>"
	    " (%lld %s)</p>",
	    in.ref, T(req, "Head of the hash chain", "Kopf der Hash-Kette"),
	    in.head_hash, (long long)in.event_n,
	    T(req, "events", "Ereignisse"));
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
		    "<li>%s <small>SHA-256 <code>%s</code></small></li>",
		    json_string_value(json_object_get(x, "name")),
		    json_string_value(json_object_get(x, "sha256")));
	h_fmt(resp, "</ul></section>");
	h_timeline(req, resp, json_object_get(j, "history"));
	h_reads(req, resp, in.id);
	page_end(req, resp);
	json_decref(j);
	resp->audit_incident = in.id;
	resp->audit_what = "page: incident";
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
	if (rc != ERR_OK) {
		resp_svc_err(req, resp, rc, &e);
		return;
	}
	resp_redirect(
	    resp, arena_printf(req->a, "/incidents/%s", req->param[0]));
}
