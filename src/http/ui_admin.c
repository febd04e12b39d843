/* SPDX-License-Identifier: MIT */
/*
 * http/ui_admin.c: the admin pages: the register export, the settings
 * (organisation, DPO contact, competent authority, display zone,
 * channels), the document templates (edit with the lint errors shown,
 * history, reset), the notification regimes (list, show, load), the
 * accounts (add, role, disable/enable, unlock, new password) and the API
 * tokens (create: shown once; revoke).  Every form carries the CSRF token;
 * every text goes through h_fmt's escaping.  German and English.
 */
#include "base/base.h"

#include <sodium.h>

#include "base/str.h"
#include "http/http_int.h"

/* ---- shared bits -------------------------------------------------------- */

static void
sub_nav(struct http_req *req, struct http_resp *resp)
{
	static const struct {
		const char *href, *en, *de;
		enum perm perm;
	} items[] = {
		{ "/settings", "Settings", "Einstellungen", PERM_SETTINGS },
		{ "/settings/templates", "Templates", "Vorlagen",
		    PERM_SETTINGS },
		{ "/settings/regimes", "Regimes", "Meldepflichten",
		    PERM_SETTINGS },
		{ "/settings/users", "Users", "Benutzer", PERM_USERS },
		{ "/settings/tokens", "API tokens", "API-Token", PERM_USERS },
		{ "/register", "Register export", "Verzeichnis exportieren",
		    PERM_EXPORT },
	};

	h_fmt(resp, "<nav class=\"subnav\" aria-label=\"%s\"><ul>",
	    T(req, "Administration", "Verwaltung"));
	for (size_t i = 0; i < nitems(items); i++) {
		if (!perm_has(req->role, items[i].perm))
			continue;
		h_fmt(resp, "<li><a href=\"%s\"%H>%s</a></li>", items[i].href,
		    strcmp(req->path, items[i].href) == 0
		        ? " aria-current=\"page\""
		        : "",
		    T(req, items[i].en, items[i].de));
	}
	h_fmt(resp, "</ul></nav>");
}

static void
admin_begin(struct http_req *req, struct http_resp *resp, const char *title)
{
	page_begin(req, resp, title);
	sub_nav(req, resp);
}

/* The problems of a failed operation, as an alert. */
static void
h_problems(struct http_req *req, struct http_resp *resp, enum err rc,
    const struct svc_err *e)
{
	h_fmt(resp, "<div class=\"error\" role=\"alert\"><p>%s</p>",
	    e->msg[0]
	        ? e->msg
	        : (e->fe.n > 0 ? T(req, "Please correct:", "Bitte korrigieren:")
	                       : err_str(rc)));
	if (e->fe.n > 0) {
		h_fmt(resp, "<ul>");
		for (size_t i = 0; i < e->fe.n; i++)
			h_fmt(resp, "<li><code>%s</code>: %s</li>",
			    e->fe.v[i].field, e->fe.v[i].problem);
		h_fmt(resp, "</ul>");
	}
	h_fmt(resp, "</div>");
}

static void
h_notice(struct http_resp *resp, const char *msg)
{
	h_fmt(resp, "<p class=\"ok\" role=\"status\">%s</p>", msg);
}

/* A form the svc layer refused is 422 (the page says why). */
static int
status_of(enum err rc)
{
	return rc == ERR_INVAL ? 422 : err_http_status(rc);
}

/* ---- the register export ------------------------------------------------ */

static void
verify_count(void *arg, const char *ref, int64_t seq, const char *problem)
{
	(void)ref;
	(void)seq;
	(void)problem;
	(*(size_t *)arg)++;
}

void
ui_register(struct http_req *req, struct http_resp *resp)
{
	size_t checked = 0, bad = 0, seen = 0;
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_verify(req->st, NULL, verify_count, &seen, &checked, &bad, &e);
	admin_begin(req, resp,
	    T(req, "Register of breaches (Art. 33(5) GDPR)",
	        "Verzeichnis der Verletzungen (Art. 33 Abs. 5 DSGVO)"));
	h_fmt(resp, "<p>%s</p><ul class=\"actions\">",
	    T(req,
	        "Download every incident with its facts, decisions and "
	        "obligations.",
	        "Alle Vorfälle mit Sachverhalt, Entscheidungen und Pflichten "
	        "herunterladen."));
	h_fmt(resp,
	    "<li><a href=\"/register/export?format=csv\" download>%s</a></li>"
	    "<li><a href=\"/register/export?format=json\" download>%s</a></li>"
	    "</ul>",
	    T(req, "Download as CSV", "Als CSV herunterladen"),
	    T(req, "Download as JSON", "Als JSON herunterladen"));
	h_fmt(resp, "<h2>%s</h2>", T(req, "Integrity", "Integrität"));
	if (rc != ERR_OK)
		h_problems(req, resp, rc, &e);
	else if (bad == 0)
		h_fmt(resp, "<p class=\"ok\">%s: %zu</p>",
		    T(req, "Every hash chain is intact; incidents checked",
		        "Alle Hash-Ketten sind intakt; geprüfte Vorfälle"),
		    checked);
	else
		h_fmt(resp, "<p class=\"error\" role=\"alert\">%s: %zu</p>",
		    T(req, "Incidents with problems (breachkit verify)",
		        "Vorfälle mit Problemen (breachkit verify)"),
		    bad);
	page_end(req, resp);
}

void
ui_register_export(struct http_req *req, struct http_resp *resp)
{
	const char *f = req_query(req, "format");

	if (f != NULL && strcmp(f, "csv") != 0 && strcmp(f, "json") != 0) {
		resp_error(req, resp, 400, "format: csv or json");
		return;
	}
	(void)http_export(req, resp, f != NULL && strcmp(f, "json") == 0);
}

/* ---- settings ----------------------------------------------------------- */

static const struct {
	const char *key, *en, *de;
	bool multiline;
} setting_labels[] = {
	{ "org_name", "Organisation", "Organisation", false },
	{ "org_address", "Postal address", "Anschrift", true },
	{ "org_website", "Website", "Website", false },
	{ "org_channels", "Channels you really use to contact people",
	    "Kanäle, über die Sie Personen wirklich kontaktieren", true },
	{ "dpo_name", "Data protection officer or contact point",
	    "Datenschutzbeauftragte(r) oder Anlaufstelle", false },
	{ "dpo_email", "DPO e-mail", "E-Mail der/des DSB", false },
	{ "dpo_phone", "DPO phone", "Telefon der/des DSB", false },
	{ "dpo_address", "DPO postal address", "Anschrift der/des DSB", true },
	{ "mail_from", "Sender address of letters", "Absender der Briefe",
	    false },
	{ "authority", "Competent supervisory authority",
	    "Zuständige Aufsichtsbehörde", false },
	{ "timezone", "Display time zone (IANA)", "Zeitzone der Anzeige (IANA)",
	    false },
	{ "ref_prefix", "Reference prefix", "Präfix der Aktenzeichen", false },
};

static void
settings_form(struct http_req *req, struct http_resp *resp, bool from_form)
{
	static const char *const auths[] = { "nrw", "by", "bw", "bfdi", "en" };
	json_t *all = svc_settings_json(&req->s), *it;
	size_t i;

	h_fmt(resp, "<form method=\"post\" action=\"/settings\">");
	h_csrf(req, resp);
	json_array_foreach (all, i, it) {
		const char *k = json_string_value(json_object_get(it, "key"));
		const char *v = json_string_value(json_object_get(it, "value"));
		const char *mean =
		    json_string_value(json_object_get(it, "meaning"));
		const char *label = k;
		bool multi = false;

		for (size_t m = 0; m < nitems(setting_labels); m++) {
			if (strcmp(setting_labels[m].key, k) == 0) {
				label = T(req, setting_labels[m].en,
				    setting_labels[m].de);
				multi = setting_labels[m].multiline;
			}
		}
		if (from_form)
			v = req_form(req, k);
		if (v == NULL)
			v = "";
		h_fmt(resp,
		    "<p><label for=\"s-%s\">%s</label> "
		    "<small id=\"h-%s\">%s</small><br>",
		    k, label, k, mean);
		if (strcmp(k, "authority") == 0) {
			h_fmt(resp,
			    "<select id=\"s-%s\" name=\"%s\" "
			    "aria-describedby=\"h-%s\"><option value=\"\">–"
			    "</option>",
			    k, k, k);
			for (size_t m = 0; m < nitems(auths); m++)
				h_fmt(resp, "<option%H>%s</option>",
				    strcmp(v, auths[m]) == 0 ? " selected" : "",
				    auths[m]);
			h_fmt(resp, "</select></p>");
		} else if (multi) {
			h_fmt(resp,
			    "<textarea id=\"s-%s\" name=\"%s\" rows=\"3\" "
			    "cols=\"60\" aria-describedby=\"h-%s\">%s"
			    "</textarea></p>",
			    k, k, k, v);
		} else {
			h_fmt(resp,
			    "<input id=\"s-%s\" name=\"%s\" value=\"%s\" "
			    "size=\"50\" aria-describedby=\"h-%s\"></p>",
			    k, k, v, k);
		}
	}
	json_decref(all);
	h_fmt(resp, "<p><button type=\"submit\">%s</button></p></form>",
	    T(req, "Save", "Speichern"));
}

void
ui_settings(struct http_req *req, struct http_resp *resp)
{
	admin_begin(req, resp, T(req, "Settings", "Einstellungen"));
	if (req_query(req, "saved") != NULL)
		h_notice(resp, T(req, "Saved.", "Gespeichert."));
	settings_form(req, resp, false);
	page_end(req, resp);
}

void
ui_settings_post(struct http_req *req, struct http_resp *resp)
{
	const char *keys[nitems(setting_labels)];
	const char *vals[nitems(setting_labels)];
	struct svc_err e;
	size_t n = 0;
	enum err rc;

	/* Every field of the form: an empty one unsets the setting. */
	for (size_t i = 0; i < nitems(setting_labels); i++) {
		const char *v = req_form(req, setting_labels[i].key);

		if (v == NULL)
			continue;
		keys[n] = setting_labels[i].key;
		vals[n] = *v != '\0' ? v : NULL;
		n++;
	}
	svc_err_clear(&e);
	rc = svc_settings_set_many(&req->s, keys, vals, n, &e);
	if (rc == ERR_OK) {
		resp_redirect(resp, "/settings?saved=1");
		return;
	}
	resp->status = status_of(rc);
	admin_begin(req, resp, T(req, "Settings", "Einstellungen"));
	h_problems(req, resp, rc, &e);
	settings_form(req, resp, true);
	page_end(req, resp);
}

/* ---- templates ---------------------------------------------------------- */

void
ui_templates(struct http_req *req, struct http_resp *resp)
{
	json_t *all = svc_template_list(&req->s), *it;
	size_t i;

	admin_begin(
	    req, resp, T(req, "Document templates", "Dokumentvorlagen"));
	h_fmt(resp,
	    "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s"
	    "</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th></tr></thead><tbody>",
	    T(req, "Template", "Vorlage"), T(req, "Language", "Sprache"),
	    T(req, "Type", "Typ"), T(req, "Version", "Version"),
	    T(req, "Used for", "Verwendung"));
	json_array_foreach (all, i, it) {
		const char *k = json_string_value(json_object_get(it, "kind"));
		const char *l = json_string_value(json_object_get(it, "lang"));
		json_int_t v =
		    json_integer_value(json_object_get(it, "version"));

		h_fmt(resp,
		    "<tr><td><a href=\"/settings/templates/%s/%s\">%s</a></td>"
		    "<td>%s</td><td>%s</td><td>",
		    k, l, k, l, json_string_value(json_object_get(it, "type")));
		if (v == 0)
			h_fmt(resp, "%s", T(req, "built-in", "eingebaut"));
		else
			h_fmt(resp, "%lld", (long long)v);
		h_fmt(resp, "</td><td>%s</td></tr>",
		    json_string_value(json_object_get(it, "summary")));
	}
	json_decref(all);
	h_fmt(resp, "</tbody></table>");
	page_end(req, resp);
}

/* The edit page; `src` overrides the stored source (after an error). */
static void
template_page(struct http_req *req, struct http_resp *resp, const char *src,
    enum err prc, const struct svc_err *pe)
{
	const struct template_kind *k = svc_template_kind(req->param[0]);
	const char *kind = req->param[0], *lang = req->param[1];
	const char *stored = NULL;
	json_t *h = NULL, *it;
	int64_t version = 0;
	struct svc_err e;
	enum err rc;
	size_t i;

	svc_err_clear(&e);
	rc = svc_template_source(
	    &req->s, kind, lang, req->a, &stored, &version, &e);
	if (rc != ERR_OK || k == NULL) {
		resp_error(req, resp, 404, "no template %s in language %s",
		    kind, lang);
		return;
	}
	if (svc_template_history(&req->s, kind, lang, &h, &e) != ERR_OK)
		h = json_array();
	admin_begin(req, resp, T(req, "Edit a template", "Vorlage bearbeiten"));
	h_fmt(resp, "<p><strong>%s</strong> (%s) – %s. %s: ", kind, lang,
	    k->summary, T(req, "Version in use", "Verwendete Version"));
	if (version == 0)
		h_fmt(resp, "%s</p>", T(req, "built-in", "eingebaut"));
	else
		h_fmt(resp, "%lld</p>", (long long)version);
	if (req_query(req, "saved") != NULL)
		h_notice(resp, T(req, "Saved.", "Gespeichert."));
	if (pe != NULL)
		h_problems(req, resp, prc, pe);
	h_fmt(resp,
	    "<form method=\"post\" action=\"/settings/templates/%s/%s\">", kind,
	    lang);
	h_csrf(req, resp);
	h_fmt(resp,
	    "<p><label for=\"source\">%s</label><br>"
	    "<textarea id=\"source\" name=\"source\" rows=\"24\" cols=\"90\" "
	    "spellcheck=\"false\">%s</textarea></p>"
	    "<p><button type=\"submit\">%s</button></p></form>",
	    T(req, "Template source (checked before it is stored)",
	        "Quelltext der Vorlage (wird vor dem Speichern geprüft)"),
	    src != NULL ? src : stored,
	    T(req, "Check and save", "Prüfen und speichern"));
	h_fmt(resp,
	    "<form method=\"post\" "
	    "action=\"/settings/templates/%s/%s/reset\">",
	    kind, lang);
	h_csrf(req, resp);
	h_fmt(resp, "<p><button type=\"submit\">%s</button></p></form>",
	    T(req, "Return to the built-in template",
	        "Zur eingebauten Vorlage zurückkehren"));
	h_fmt(resp,
	    "<h2>%s</h2><table><thead><tr><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">SHA-256</th></tr></thead><tbody>",
	    T(req, "History", "Verlauf"), T(req, "Version", "Version"),
	    T(req, "When", "Wann"), T(req, "Who", "Wer"));
	json_array_foreach (h, i, it) {
		const char *sha =
		    json_string_value(json_object_get(it, "sha256"));

		h_fmt(resp,
		    "<tr><td>%lld</td><td>%s</td><td>%s</td>"
		    "<td><code>%s</code></td></tr>",
		    (long long)json_integer_value(
		        json_object_get(it, "version")),
		    json_string_value(json_object_get(it, "created_at")),
		    json_string_value(json_object_get(it, "actor")),
		    sha != NULL ? sha : "–");
	}
	json_decref(h);
	h_fmt(resp, "</tbody></table>");
	page_end(req, resp);
}

void
ui_template(struct http_req *req, struct http_resp *resp)
{
	template_page(req, resp, NULL, ERR_OK, NULL);
}

void
ui_template_post(struct http_req *req, struct http_resp *resp)
{
	const char *src = req_form(req, "source");
	int64_t version = 0;
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	if (src == NULL || *src == '\0') {
		field_errors_add(&e.fe, "source", "required");
		rc = ERR_INVAL;
	} else {
		rc = svc_template_set(&req->s, req->param[0], req->param[1],
		    src, strlen(src), &version, &e);
	}
	if (rc == ERR_OK) {
		resp_redirect(resp,
		    arena_printf(req->a, "/settings/templates/%s/%s?saved=1",
		        req->param[0], req->param[1]));
		return;
	}
	resp->status = status_of(rc);
	template_page(req, resp, src != NULL ? src : "", rc, &e);
	if (resp->status == 200)
		resp->status = status_of(rc);
}

void
ui_template_reset(struct http_req *req, struct http_resp *resp)
{
	int64_t version = 0;
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	rc = svc_template_reset(
	    &req->s, req->param[0], req->param[1], &version, &e);
	if (rc != ERR_OK) {
		resp_svc_err(
		    req, resp, rc == ERR_INVAL ? ERR_NOTFOUND : rc, &e);
		return;
	}
	resp_redirect(
	    resp, arena_printf(req->a, "/settings/templates/%s/%s?saved=1",
	              req->param[0], req->param[1]));
}

/* ---- regimes ------------------------------------------------------------ */

static enum err
regime_row(void *arg, const char *id, const char *body)
{
	struct http_resp *resp = arg;
	json_t *j = json_loads(body, 0, NULL);
	const char *name =
	    j != NULL ? json_string_value(json_object_get(j, "name")) : NULL;

	h_fmt(resp,
	    "<tr><td><a href=\"/settings/regimes/%s\">%s</a></td><td>%s</td>"
	    "</tr>",
	    id, id, name != NULL ? name : "");
	json_decref(j);
	return ERR_OK;
}

static void
regimes_page(struct http_req *req, struct http_resp *resp, const char *doc,
    enum err prc, const struct svc_err *pe)
{
	enum err rc;

	admin_begin(req, resp,
	    T(req, "Notification regimes", "Meldepflichten (Regelwerke)"));
	if (req_query(req, "loaded") != NULL)
		h_notice(resp, T(req, "Loaded.", "Geladen."));
	h_fmt(resp,
	    "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s"
	    "</th></tr></thead><tbody>",
	    T(req, "Regime", "Regelwerk"), T(req, "Name", "Name"));
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_regime_each(req->st, req->a, regime_row, resp);
	store_rollback(req->st);
	h_fmt(resp, "</tbody></table>");
	if (rc != ERR_OK)
		h_fmt(resp, "<p class=\"error\" role=\"alert\">%s</p>",
		    T(req, "Reading the regimes failed.",
		        "Die Regelwerke konnten nicht gelesen werden."));
	h_fmt(resp, "<h2>%s</h2>",
	    T(req, "Load a regime (JSON)", "Regelwerk laden (JSON)"));
	if (pe != NULL)
		h_problems(req, resp, prc, pe);
	h_fmt(resp, "<form method=\"post\" action=\"/settings/regimes\">");
	h_csrf(req, resp);
	h_fmt(resp,
	    "<p><label for=\"document\">%s</label><br>"
	    "<textarea id=\"document\" name=\"document\" rows=\"16\" "
	    "cols=\"90\" spellcheck=\"false\" required>%s</textarea></p>"
	    "<p><button type=\"submit\">%s</button></p></form>",
	    T(req, "Regime document (docs/regimes.md)",
	        "Regelwerk-Dokument (docs/regimes.md)"),
	    doc != NULL ? doc : "",
	    T(req, "Check and load", "Prüfen und laden"));
	page_end(req, resp);
}

void
ui_regimes(struct http_req *req, struct http_resp *resp)
{
	regimes_page(req, resp, NULL, ERR_OK, NULL);
}

void
ui_regime_load(struct http_req *req, struct http_resp *resp)
{
	const char *doc = req_form(req, "document");
	const char *id = NULL;
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	if (doc == NULL || *doc == '\0') {
		field_errors_add(&e.fe, "document", "required");
		rc = ERR_INVAL;
	} else {
		rc = svc_regime_load(&req->s, doc, strlen(doc), &id, &e);
	}
	if (rc == ERR_OK) {
		resp_redirect(resp, "/settings/regimes?loaded=1");
		return;
	}
	resp->status = status_of(rc);
	regimes_page(req, resp, doc, rc, &e);
}

void
ui_regime(struct http_req *req, struct http_resp *resp)
{
	const char *body = NULL;
	json_t *j = NULL;
	char *pretty = NULL;
	enum err rc;

	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_regime_get(req->st, req->param[0], req->a, &body);
	store_rollback(req->st);
	if (rc != ERR_OK) {
		resp_error(req, resp, rc == ERR_NOTFOUND ? 404 : 500,
		    "no regime %s", req->param[0]);
		return;
	}
	j = json_loads(body, 0, NULL);
	pretty = j != NULL ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER)
	                   : NULL;
	admin_begin(req, resp, T(req, "Regime", "Regelwerk"));
	h_fmt(resp, "<p><strong>%s</strong> %s</p><pre>%s</pre>", req->param[0],
	    j != NULL ? json_string_value(json_object_get(j, "name")) : "",
	    pretty != NULL ? pretty : body);
	free(pretty);
	json_decref(j);
	page_end(req, resp);
}

/* ---- accounts ----------------------------------------------------------- */

static void
role_select(struct http_req *req, struct http_resp *resp, const char *id,
    const char *current)
{
	(void)req;
	h_fmt(resp, "<select id=\"%s\" name=\"role\">", id);
	for (int r = 0; r < UROLE__MAX; r++)
		h_fmt(resp, "<option%H>%s</option>",
		    current != NULL && strcmp(current, urole_names[r]) == 0
		        ? " selected"
		        : "",
		    urole_names[r]);
	h_fmt(resp, "</select>");
}

static void
users_page(struct http_req *req, struct http_resp *resp, enum err prc,
    const struct svc_err *pe, const char *shown_name, const char *shown_pw)
{
	struct account *v = NULL;
	size_t n = 0;
	enum err rc;

	admin_begin(req, resp, T(req, "Users", "Benutzer"));
	if (shown_pw != NULL)
		h_fmt(resp,
		    "<div class=\"ok\" role=\"status\"><p>%s <strong>%s"
		    "</strong>:</p><p><code class=\"secret\">%s</code></p>"
		    "<p>%s</p></div>",
		    T(req, "New password of", "Neues Passwort von"), shown_name,
		    shown_pw,
		    T(req,
		        "It is shown only now: pass it on safely; only its hash "
		        "is kept.",
		        "Es wird nur jetzt angezeigt: sicher weitergeben; "
		        "gespeichert wird nur sein Hash."));
	else if (req_query(req, "done") != NULL)
		h_notice(resp, T(req, "Done.", "Erledigt."));
	if (pe != NULL)
		h_problems(req, resp, prc, pe);
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_account_list(req->st, req->a, &v, &n);
	store_rollback(req->st);
	h_fmt(resp,
	    "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s"
	    "</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>"
	    "</thead><tbody>",
	    T(req, "Name", "Name"), T(req, "Role", "Rolle"),
	    T(req, "State", "Zustand"), T(req, "Actions", "Aktionen"));
	for (size_t i = 0; rc == ERR_OK && i < n; i++) {
		const struct account *ac = &v[i];
		bool locked = ac->locked_until > req->now;
		const char *rid = arena_printf(req->a, "role-%zu", i);

		h_fmt(resp, "<tr><td>%s</td><td>%s</td><td>%s%s</td><td>",
		    ac->name, ac->role,
		    ac->disabled ? T(req, "disabled", "deaktiviert")
		                 : T(req, "active", "aktiv"),
		    locked ? T(req, ", locked", ", gesperrt") : "");
		h_fmt(resp,
		    "<form method=\"post\" action=\"/settings/users/%s\" "
		    "class=\"inline\">",
		    ac->name);
		h_csrf(req, resp);
		h_fmt(resp, "<label for=\"%s\">%s</label> ", rid,
		    T(req, "Role", "Rolle"));
		role_select(req, resp, rid, ac->role);
		h_fmt(resp,
		    " <button name=\"action\" value=\"role\">%s</button> "
		    "<button name=\"action\" value=\"%s\">%s</button> ",
		    T(req, "Set role", "Rolle setzen"),
		    ac->disabled ? "enable" : "disable",
		    ac->disabled ? T(req, "Enable", "Aktivieren")
		                 : T(req, "Disable", "Deaktivieren"));
		if (locked || ac->failed > 0)
			h_fmt(resp,
			    "<button name=\"action\" value=\"unlock\">%s"
			    "</button> ",
			    T(req, "Unlock", "Entsperren"));
		h_fmt(resp,
		    "<button name=\"action\" value=\"password\">%s</button>"
		    "</form></td></tr>",
		    T(req, "New password", "Neues Passwort"));
	}
	h_fmt(resp, "</tbody></table>");
	h_fmt(resp,
	    "<h2>%s</h2><form method=\"post\" action=\"/settings/users\">",
	    T(req, "Add a user", "Benutzer anlegen"));
	h_csrf(req, resp);
	h_fmt(resp,
	    "<p><label for=\"u-name\">%s</label> <input id=\"u-name\" "
	    "name=\"name\" required pattern=\"[a-z0-9._-]{1,64}\" "
	    "aria-describedby=\"u-name-h\"> <small id=\"u-name-h\">a-z 0-9 . - "
	    "_</small></p><p><label for=\"u-role\">%s</label> ",
	    T(req, "Name", "Name"), T(req, "Role", "Rolle"));
	role_select(req, resp, "u-role", "viewer");
	h_fmt(resp,
	    "</p><p><label for=\"u-lang\">%s</label> <select id=\"u-lang\" "
	    "name=\"lang\"><option value=\"de\">Deutsch</option>"
	    "<option value=\"en\">English</option></select></p>"
	    "<p><button type=\"submit\">%s</button> <small>%s</small></p>"
	    "</form>",
	    T(req, "Language", "Sprache"), T(req, "Add", "Anlegen"),
	    T(req, "A random password is generated and shown once.",
	        "Ein zufälliges Passwort wird erzeugt und einmal angezeigt."));
	page_end(req, resp);
}

void
ui_users(struct http_req *req, struct http_resp *resp)
{
	users_page(req, resp, ERR_OK, NULL, NULL, NULL);
}

void
ui_user_add(struct http_req *req, struct http_resp *resp)
{
	const char *name = req_form(req, "name");
	char pw[TOKEN_MAX];
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	svc_password_new(pw);
	rc = svc_account_add(&req->s, name != NULL ? name : "",
	    req_form(req, "role"), pw, req_form(req, "lang"), &e);
	if (rc != ERR_OK) {
		resp->status = status_of(rc);
		users_page(req, resp, rc, &e, NULL, NULL);
	} else {
		users_page(req, resp, ERR_OK, NULL, name, pw);
	}
	sodium_memzero(pw, sizeof(pw));
}

void
ui_user_post(struct http_req *req, struct http_resp *resp)
{
	const char *action = req_form(req, "action");
	struct account_change c = { NULL, NULL, -1, false };
	char pw[TOKEN_MAX];
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	pw[0] = '\0';
	if (action == NULL)
		action = "";
	if (strcmp(action, "role") == 0) {
		c.role = req_form(req, "role");
		if (c.role == NULL)
			c.role = "";
	} else if (strcmp(action, "disable") == 0) {
		c.disable = 1;
	} else if (strcmp(action, "enable") == 0) {
		c.disable = 0;
	} else if (strcmp(action, "unlock") == 0) {
		c.unlock = true;
	} else if (strcmp(action, "password") == 0) {
		svc_password_new(pw);
		c.password = pw;
		c.unlock = true;
	} else {
		field_errors_add(&e.fe, "action",
		    "one of role, disable, enable, unlock, password");
	}
	rc = e.fe.n > 0 ? ERR_INVAL
	                : svc_account_change(&req->s, req->param[0], &c, &e);
	if (rc != ERR_OK) {
		resp->status = status_of(rc);
		users_page(req, resp, rc, &e, NULL, NULL);
	} else if (pw[0] != '\0') {
		users_page(req, resp, ERR_OK, NULL, req->param[0], pw);
	} else {
		resp_redirect(resp, "/settings/users?done=1");
	}
	sodium_memzero(pw, sizeof(pw));
}

/* ---- API tokens --------------------------------------------------------- */

static void
tokens_page(struct http_req *req, struct http_resp *resp, enum err prc,
    const struct svc_err *pe, const char *shown, int64_t shown_id)
{
	struct token_info *v = NULL;
	struct account *acc = NULL;
	size_t n = 0, an = 0;
	enum err rc;

	admin_begin(req, resp, T(req, "API tokens", "API-Token"));
	if (shown != NULL)
		h_fmt(resp,
		    "<div class=\"ok\" role=\"status\"><p>%s %lld:</p>"
		    "<p><code class=\"secret\">%s</code></p><p>%s</p></div>",
		    T(req, "New token", "Neues Token"), (long long)shown_id,
		    shown,
		    T(req,
		        "Copy it now: it is shown only once (only its hash is "
		        "kept).  Send it as Authorization: Bearer TOKEN.",
		        "Jetzt kopieren: es wird nur einmal angezeigt "
		        "(gespeichert wird nur sein Hash).  Senden als "
		        "Authorization: Bearer TOKEN."));
	else if (req_query(req, "done") != NULL)
		h_notice(resp, T(req, "Revoked.", "Widerrufen."));
	if (pe != NULL)
		h_problems(req, resp, prc, pe);
	rc = store_begin_read(req->st);
	if (rc == ERR_OK)
		rc = store_token_list(req->st, req->a, &v, &n);
	if (rc == ERR_OK)
		rc = store_account_list(req->st, req->a, &acc, &an);
	store_rollback(req->st);
	h_fmt(resp,
	    "<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">%s"
	    "</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th></tr></thead><tbody>",
	    T(req, "Account", "Konto"), T(req, "Label", "Bezeichnung"),
	    T(req, "Created", "Erstellt"), T(req, "State", "Zustand"));
	for (size_t i = 0; rc == ERR_OK && i < n; i++) {
		h_fmt(resp, "<tr><td>%lld</td><td>%s</td><td>%s</td><td>",
		    (long long)v[i].id, v[i].account, v[i].label);
		h_time(resp, v[i].created_at);
		h_fmt(resp, "</td><td>");
		if (v[i].revoked_at != 0) {
			h_fmt(resp, "%s ", T(req, "revoked", "widerrufen"));
			h_time(resp, v[i].revoked_at);
		} else {
			h_fmt(resp,
			    "<form method=\"post\" "
			    "action=\"/settings/tokens/%lld/revoke\" "
			    "class=\"inline\">",
			    (long long)v[i].id);
			h_csrf(req, resp);
			h_fmt(resp,
			    "<button type=\"submit\">%s</button></form>",
			    T(req, "Revoke", "Widerrufen"));
		}
		h_fmt(resp, "</td></tr>");
	}
	h_fmt(resp, "</tbody></table><h2>%s</h2>",
	    T(req, "Create a token", "Token erstellen"));
	h_fmt(resp, "<form method=\"post\" action=\"/settings/tokens\">");
	h_csrf(req, resp);
	h_fmt(resp,
	    "<p><label for=\"t-account\">%s</label> <select id=\"t-account\" "
	    "name=\"account\">",
	    T(req, "Account (the token acts with its role)",
	        "Konto (das Token handelt mit dessen Rolle)"));
	for (size_t i = 0; rc == ERR_OK && i < an; i++)
		h_fmt(resp, "<option>%s</option>", acc[i].name);
	h_fmt(resp,
	    "</select></p><p><label for=\"t-label\">%s</label> "
	    "<input id=\"t-label\" name=\"label\" required maxlength=\"200\">"
	    "</p><p><button type=\"submit\">%s</button></p></form>",
	    T(req, "Label (what uses it)", "Bezeichnung (wofür)"),
	    T(req, "Create", "Erstellen"));
	page_end(req, resp);
}

void
ui_tokens(struct http_req *req, struct http_resp *resp)
{
	tokens_page(req, resp, ERR_OK, NULL, NULL, 0);
}

void
ui_token_create(struct http_req *req, struct http_resp *resp)
{
	const char *acct = req_form(req, "account");
	const char *label = req_form(req, "label");
	char tok[TOKEN_MAX];
	int64_t id = 0;
	struct svc_err e;
	enum err rc;

	svc_err_clear(&e);
	if (acct == NULL || *acct == '\0')
		field_errors_add(&e.fe, "account", "required");
	if (label == NULL || *label == '\0')
		field_errors_add(&e.fe, "label", "required");
	rc = e.fe.n > 0 ? ERR_INVAL
	                : svc_token_create(&req->s, acct, label, tok, &id, &e);
	if (rc != ERR_OK) {
		resp->status = status_of(rc);
		tokens_page(req, resp, rc, &e, NULL, 0);
		return;
	}
	tokens_page(req, resp, ERR_OK, NULL, tok, id);
	sodium_memzero(tok, sizeof(tok));
}

void
ui_token_revoke(struct http_req *req, struct http_resp *resp)
{
	struct svc_err e;
	int64_t id;
	enum err rc;

	svc_err_clear(&e);
	if (str_to_i64(req->param[0], 1, INT64_MAX, &id) != ERR_OK) {
		resp_error(req, resp, 404, "no token %s", req->param[0]);
		return;
	}
	rc = svc_token_revoke(&req->s, id, &e);
	if (rc != ERR_OK) {
		resp->status = status_of(rc);
		tokens_page(req, resp, rc, &e, NULL, 0);
		return;
	}
	resp_redirect(resp, "/settings/tokens?done=1");
}
