/* SPDX-License-Identifier: MIT */
/*
 * svc/demo.c: a clearly fictional demo organisation with a handful of
 * incidents modelled on the seed cases, dated relative to now so that
 * the deadlines are live.  No real person or company appears.
 */
#include "base/base.h"

#include "base/clock.h"
#include "model/json_out.h"
#include "svc/svc_int.h"

static json_t *
ago(int64_t now, int hours)
{
	return json_time_utc(now - (int64_t)hours * 3600);
}

static enum err
add(struct svc *s, json_t *facts, const char **ref, struct svc_err *e)
{
	char *text = json_dumps(facts, DUMP_FLAGS);
	enum err rc;

	json_decref(facts);
	rc = svc_incident_create(s, text, strlen(text), ref, e);
	free(text);
	return rc;
}

enum err
svc_demo_seed(struct svc *s, size_t *count, struct svc_err *e)
{
	const char *ref;
	struct decide_req d;
	struct file_req f;
	enum err rc;
	bool late;
	int64_t now = s->now;

	static const char *const settings[][2] = {
		{ "org_address", "Musterstraße 1\n40210 Düsseldorf" },
		{ "org_website", "https://musterschuh.example.invalid" },
		{ "org_channels",
		    "E-Mail only from @musterschuh.example.invalid; "
		    "we never ask for passwords or payment details by e-mail or "
		    "phone." },
		{ "dpo_name", "Dana Beispiel (fictional DPO)" },
		{ "dpo_email", "datenschutz@musterschuh.example.invalid" },
		{ "dpo_phone", "+49 211 000000" },
		{ "dpo_address",
		    "Datenschutz, Musterstraße 1, 40210 Düsseldorf" },
		{ "mail_from", "datenschutz@musterschuh.example.invalid" },
		{ "authority", "nrw" },
	};

	*count = 0;
	for (size_t i = 0; i < nitems(settings); i++) {
		rc = svc_setting_set(s, settings[i][0], settings[i][1], e);
		if (rc != ERR_OK)
			return rc;
	}
	rc = add(s,
	    json_pack("{s:s, s:s, s:s, s:[s], s:{s:o, s:o, s:s},"
	              " s:{s:b, s:b, s:b, s:s}, s:{s:s, s:s, s:s},"
	              " s:{s:[s,s], s:[s,s]}, s:{s:[s], s:i, s:b},"
	              " s:{s:s, s:b, s:b, s:s}, s:{s:b, s:s}, s:{s:s}}",
	        "title", "Ransomware on the web shop database (demo)",
	        "description",
	        "Fictional demo: ransomware encrypted the shop's "
	        "customer and order database; forensics show the data was also "
	        "copied out, but it was stored encrypted and the key was not "
	        "reachable.  Restored from last night's backup within hours.",
	        "role", "controller", "sectors", "retail", "timeline",
	        "discovered_at", ago(now, 31), "aware_at", ago(now, 30),
	        "discovery", "internal_monitoring", "nature", "confidentiality",
	        1, "integrity", 1, "availability", 1, "type", "hacking",
	        "cause", "intent", "malicious", "origin", "external", "attack",
	        "ransomware", "data", "categories", "contact", "order",
	        "identifiers", "name", "email", "subjects", "categories",
	        "customers", "count", 48, "count_is_estimate", 1, "protection",
	        "encryption", "state_of_the_art", "key_compromised", 0,
	        "backup_available", 1, "restore_time", "PT5H", "exposure",
	        "exfiltrated", 1, "recipients", "unidentified", "measures",
	        "taken",
	        "Systems rebuilt, restored from backup, "
	        "credentials rotated."),
	    &ref, e);
	if (rc != ERR_OK)
		return rc;
	(*count)++;
	rc = add(s,
	    json_pack("{s:s, s:s, s:s, s:{s:o, s:o, s:s},"
	              " s:{s:b, s:b, s:b, s:s}, s:{s:s, s:s, s:s},"
	              " s:{s:[s,s,s], s:[s,s,s]}, s:{s:[s], s:i, s:b, s:b},"
	              " s:{s:s}, s:{s:b, s:s, s:b}, s:{s:[s,s]}, s:{s:s}}",
	        "title",
	        "Forwarding rules in mailboxes diverted payments (demo)",
	        "description",
	        "Fictional demo: attackers created rules forwarding "
	        "every e-mail about invoices to an outside address, then asked "
	        "customers to pay into a new account.",
	        "role", "controller", "timeline", "discovered_at", ago(now, 52),
	        "aware_at", ago(now, 50), "discovery", "data_subject", "nature",
	        "confidentiality", 1, "integrity", 0, "availability", 0, "type",
	        "hacking", "cause", "intent", "malicious", "origin", "external",
	        "attack", "mailbox_compromise", "data", "categories", "contact",
	        "order", "financial", "identifiers", "name", "postal_address",
	        "customer_number", "subjects", "categories", "customers",
	        "count", 1200, "count_is_estimate", 1, "contact_available", 1,
	        "protection", "encryption", "none", "exposure", "exfiltrated",
	        1, "recipients", "unidentified", "misuse_observed", 1,
	        "consequences", "occurred", "financial_loss", "loss_of_control",
	        "measures", "taken",
	        "Rules removed, passwords reset, two-factor "
	        "authentication enforced."),
	    &ref, e);
	if (rc != ERR_OK)
		return rc;
	(*count)++;
	memset(&d, 0, sizeof(d));
	d.topic = TOPIC_SUBJECTS;
	d.outcome = true;
	d.rationale = "Misuse already observed (payments diverted): high risk; "
	              "customers must be warned.";
	rc = svc_decide(s, ref, &d, e);
	if (rc != ERR_OK)
		return rc;
	memset(&f, 0, sizeof(f));
	f.recipient = "authority";
	f.phase = PHASE_INITIAL;
	f.filed_at = now - (int64_t)26 * 3600;
	f.case_ref = "DEMO-SA-4711";
	rc = svc_file(s, ref, &f, &late, e);
	if (rc != ERR_OK)
		return rc;
	rc = add(s,
	    json_pack("{s:s, s:s, s:s, s:{s:o, s:o, s:s},"
	              " s:{s:b, s:b, s:b, s:s}, s:{s:s, s:s},"
	              " s:{s:[s], s:[s,s,s]}, s:{s:[s]}, s:{s:s},"
	              " s:{s:b, s:s, s:b}}",
	        "title", "Unencrypted laptop lost on a train (demo)",
	        "description",
	        "Fictional demo: a buyer's laptop with the business "
	        "contact details of sales representatives was lost on a train.",
	        "role", "controller", "timeline", "discovered_at", ago(now, 10),
	        "aware_at", ago(now, 9), "discovery", "employee", "nature",
	        "confidentiality", 1, "integrity", 0, "availability", 0, "type",
	        "lost_device", "cause", "intent", "accidental", "origin",
	        "internal", "data", "categories", "contact", "identifiers",
	        "name", "email", "phone", "subjects", "categories",
	        "business_contacts", "protection", "encryption", "none",
	        "exposure", "exfiltrated", 0, "recipients", "unknown",
	        "already_public", 1),
	    &ref, e);
	if (rc != ERR_OK)
		return rc;
	(*count)++;
	rc = add(s,
	    json_pack("{s:s, s:s, s:s, s:{s:o, s:o, s:s},"
	              " s:{s:b, s:b, s:b, s:s}, s:{s:s, s:s},"
	              " s:{s:[s], s:[s]}, s:{s:[s], s:i}, s:{s:s}}",
	        "title", "Sick note e-mailed to the wrong colleague (demo)",
	        "description",
	        "Fictional demo: HR sent an employee's sick note to "
	        "a colleague with a similar name.",
	        "role", "controller", "timeline", "discovered_at", ago(now, 81),
	        "aware_at", ago(now, 80), "discovery", "employee", "nature",
	        "confidentiality", 1, "integrity", 0, "availability", 0, "type",
	        "misdirected", "cause", "intent", "accidental", "origin",
	        "internal", "data", "categories", "health", "identifiers",
	        "name", "subjects", "categories", "employees", "count", 1,
	        "exposure", "recipients", "trusted"),
	    &ref, e);
	if (rc != ERR_OK)
		return rc;
	(*count)++;
	return ERR_OK;
}
