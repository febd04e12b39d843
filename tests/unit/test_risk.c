/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_risk.c: the risk engine.  The three seed cases of
 * ../shared/domain/seed-cases.json (tests/data/seed-003-*.json), a table of
 * named rule cases from breach-rules.md, property tests over random facts
 * from a fixed-seed generator, the guard against single-keyword
 * escalation, would_change, the ENISA edge cases, the JSON keys, and the
 * validation of enisa.adjustments in the facts.
 */
#include "base/base.h"

#include <setjmp.h>
#include <stdarg.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/facts.h"
#include "risk/risk.h"

enum { NOW = 2000000000 }; /* 2033-05-18 */

/*
 * The facts every rule case starts from: a controller in the EEA, nothing
 * affected yet, every circumstance known.  Single quotes stand for double
 * quotes, so the cases stay readable.
 */
static const char base_facts[] =
    "{'title':'rule case','role':'controller','system_criticality':'low',"
    "'nature':{'confidentiality':false,'integrity':false,"
    "'availability':false},"
    "'cause':{'intent':'accidental'},"
    "'data':{'categories':['contact'],'identifiers':['name','email']},"
    "'subjects':{'categories':['customers'],'contact_available':true,"
    "'disproportionate_effort':false},"
    "'protection':{'encryption':'none','key_compromised':false,"
    "'backup_available':true,'restore_time':'PT1H',"
    "'password_storage':'not_applicable'},"
    "'exposure':{'exfiltrated':false,'recipients':'none',"
    "'already_public':false,'misuse_observed':false},"
    "'measures':{'neutralise_high_risk':false},"
    "'jurisdiction':{'eea_establishment':true}}";

static char *
unquote(struct arena *a, const char *s)
{
	char *t = arena_strdup(a, s);

	for (char *p = t; *p != '\0'; p++) {
		if (*p == '\'')
			*p = '"';
	}
	return t;
}

/* Validate `json` into `f` through facts_parse(); fail loudly if invalid. */
static void
parse_or_fail(const char *json, struct arena *a, struct facts *f)
{
	struct field_errors fe;

	memset(&fe, 0, sizeof(fe));
	if (facts_parse(json, strlen(json), NOW, a, f, NULL, &fe) != ERR_OK) {
		field_errors_print(&fe, stderr);
		fail_msg("facts do not validate: %s", json);
	}
}

/* The base facts with `patch` (RFC 7396) applied. */
static void
case_facts(const char *patch, struct arena *a, struct facts *f)
{
	json_error_t jerr;
	json_t *b = json_loads(unquote(a, base_facts), 0, &jerr), *p, *m;
	char *s;

	assert_non_null(b);
	p = json_loads(unquote(a, patch), 0, &jerr);
	if (p == NULL)
		fail_msg("bad patch (%s): %s", jerr.text, patch);
	m = json_merge_patch(b, p);
	s = json_dumps(m, JSON_COMPACT);
	parse_or_fail(s, a, f);
	free(s);
	json_decref(m);
	json_decref(p);
	json_decref(b);
}

static void
load_file(const char *path, struct arena *a, struct facts *f)
{
	struct buf b;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL)
		fail_msg("cannot open %s (run from the top of the tree)", path);
	buf_init(&b, FACTS_JSON_MAX);
	assert_int_equal(buf_read_file(&b, fp), ERR_OK);
	fclose(fp);
	parse_or_fail(buf_cstr(&b), a, f);
	buf_release(&b);
}

static const char *const notify_names[NOTIFY__MAX] = { "false", "borderline",
	"true" };

/* ---- seed cases -------------------------------------------------------- */

static void
test_seed_cases(void **state)
{
	static const struct {
		const char *file;
		enum notify notify;
		bool communicate;
		enum risk_level level;
		const char *reason;
	} cases[] = {
		/* Ciphertext with a safe key left; restored within hours. */
		{ "tests/data/seed-003-a.json", NOTIFY_NO, false, RISK_NONE,
		    "encryption.unintelligible" },
		/* Forwarding rules: financial data, misuse observed. */
		{ "tests/data/seed-003-b.json", NOTIFY_YES, true, RISK_HIGH,
		    "exposure.misuse" },
		/* Lost laptop, public business contacts, accidental. */
		{ "tests/data/seed-003-c.json", NOTIFY_BORDERLINE, false,
		    RISK_RISK, "decision.borderline" },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		struct arena *a = arena_new();
		struct facts f;
		struct assessment as;

		load_file(cases[i].file, a, &f);
		risk_assess(&f, &as);
		if (as.notify != cases[i].notify ||
		    as.communicate != cases[i].communicate ||
		    as.level != cases[i].level)
			fail_msg("%s: notify %s communicate %d level %s; want "
			         "%s %d %s",
			    cases[i].file, notify_names[as.notify],
			    as.communicate, risk_level_name(as.level),
			    notify_names[cases[i].notify], cases[i].communicate,
			    risk_level_name(cases[i].level));
		assert_true(as.is_breach);
		assert_true(assessment_has_reason(&as, cases[i].reason));
		assert_true(assessment_has_reason(&as, "document"));
		arena_free(a);
	}
}

/* Seed A: the exception and the ENISA note are documented, not silent. */
static void
test_seed_a_details(void **state)
{
	struct arena *a = arena_new();
	struct facts f;
	struct assessment as;
	json_t *j;

	(void)state;
	load_file("tests/data/seed-003-a.json", a, &f);
	risk_assess(&f, &as);
	assert_int_equal(as.art34, ART34_A);
	assert_false(as.public_notice);
	assert_int_equal(as.conf.score, 0);
	assert_int_equal(as.avail.affected, AFFECTED_YES);
	assert_true(as.avail.score > 0); /* assessed, not skipped */
	j = assessment_to_json(&as);
	assert_string_equal(json_string_value(json_object_get(
	                        json_object_get(j, "enisa_vs_legal"), "id")),
	    "enisa.higher_encrypted");
	assert_string_equal(json_string_value(json_object_get(
	                        json_object_get(j, "enisa"), "band")),
	    "high");
	json_decref(j);
	arena_free(a);
}

/* ---- rule cases -------------------------------------------------------- */

struct rule_case {
	const char *name;
	const char *rule;
	const char *patch;
	enum risk_level level;
	enum notify notify;
	bool communicate;
	enum art34 art34;
	const char *reason; /* a reason that must be given, or NULL */
};

#define CONF       "'nature':{'confidentiality':true}"
#define MAL        "'intent':'malicious'"
#define EXFIL_UNID "'exposure':{'exfiltrated':true,'recipients':'unidentified'}"

static const struct rule_case rule_cases[] = {
	{ "ransomware, backup restored in hours, no exfiltration",
	    "EDPB 9/2022 I.B; 01/2021 case 1: availability restored quickly",
	    "{'nature':{'integrity':true,'availability':true},'cause':{" MAL
	    ",'attack':'ransomware'},'data':{'categories':['contact','order']},"
	    "'protection':{'restore_time':'PT6H'}}",
	    RISK_NONE, NOTIFY_NO, false, ART34_NONE, "attack.ransomware" },
	{ "ransomware without a usable backup",
	    "EDPB 01/2021 case 2: the loss is permanent",
	    "{'nature':{'integrity':true,'availability':true},'cause':{" MAL
	    ",'attack':'ransomware'},'data':{'categories':['contact','order']},"
	    "'protection':{'backup_available':false}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE,
	    "availability.no_backup" },
	{ "ransomware in a hospital, restored from backup within a day",
	    "EDPB 9/2022 I.B: unavailable medical records are a risk",
	    "{'sectors':['health_care'],'system_criticality':'critical',"
	    "'nature':{'integrity':true,'availability':true},'cause':{" MAL
	    ",'attack':'ransomware'},'data':{'categories':['health','contact']},"
	    "'protection':{'restore_time':'PT12H'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE,
	    "availability.criticality" },
	{ "ransomware in a hospital without a backup",
	    "EDPB 9/2022 I.B, IV.B: patient care without the records",
	    "{'sectors':['health_care'],'system_criticality':'critical',"
	    "'nature':{'integrity':true,'availability':true},'cause':{" MAL
	    ",'attack':'ransomware'},'data':{'categories':['health','contact']},"
	    "'protection':{'backup_available':false}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "availability.no_backup" },
	{ "ransomware with exfiltration of readable customer data",
	    "EDPB 01/2021 case 4; 9/2022 IV.B: deliberate, copied out",
	    "{'nature':{'confidentiality':true,'integrity':true,"
	    "'availability':true},'cause':{" MAL ",'attack':'ransomware'},"
	    "'data':{'categories':['contact','order']}," EXFIL_UNID "}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "exposure.exfiltrated" },
	{ "ransomware exfiltrating state-of-the-art ciphertext, key safe",
	    "Art. 34(3)(a); EDPB 9/2022 II.D: unintelligible data",
	    "{'nature':{'confidentiality':true,'integrity':true,"
	    "'availability':true},'cause':{" MAL ",'attack':'ransomware'},"
	    "'data':{'categories':['contact','order']}," EXFIL_UNID ","
	    "'protection':{'encryption':'state_of_the_art'}}",
	    RISK_NONE, NOTIFY_NO, false, ART34_A, "encryption.unintelligible" },
	{ "salted modern password hashes and user names exfiltrated",
	    "EDPB 01/2021 case 6; 9/2022 II.D: essentially unintelligible",
	    "{" CONF ",'cause':{" MAL ",'attack':'sql_injection'},'data':{"
	    "'categories':['credentials'],'identifiers':['username']},"
	    "'protection':{'password_storage':'salted_modern_hash',"
	    "'credentials_unlock':['same_service']}," EXFIL_UNID "}",
	    RISK_NONE, NOTIFY_NO, false, ART34_NONE, "passwords.salted_hash" },
	{ "salted password hashes with e-mail addresses exfiltrated",
	    "EDPB 9/2022 IV.B: the addresses still invite phishing",
	    "{" CONF ",'cause':{" MAL "},'data':{'categories':['credentials',"
	    "'contact'],'identifiers':['email','username']},'protection':{"
	    "'password_storage':'salted_modern_hash'}," EXFIL_UNID "}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "passwords.salted_hash" },
	{ "plaintext passwords that open other accounts exfiltrated",
	    "EDPB 9/2022 IV.B; ENISA: credentials weigh what they unlock",
	    "{" CONF ",'cause':{" MAL "},'data':{'categories':['credentials',"
	    "'contact']},'protection':{'password_storage':'plaintext',"
	    "'credentials_unlock':['other_services']}," EXFIL_UNID "}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "passwords.plaintext" },
	{ "unsalted fast hashes of e-mail account passwords exfiltrated",
	    "EDPB 01/2021 case 6: fast hashes can be cracked",
	    "{" CONF ",'cause':{" MAL "},'data':{'categories':['credentials',"
	    "'contact']},'protection':{'password_storage':'unsalted_hash',"
	    "'credentials_unlock':['email']}," EXFIL_UNID "}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "passwords.fast_hash" },
	{ "credential stuffing into web shop accounts",
	    "EDPB 01/2021 case 7; 9/2022 IV.B: account data exposed",
	    "{" CONF ",'cause':{'intent':null,'attack':'credential_stuffing'},"
	    "'data':{'categories':['contact','order'],'identifiers':['name',"
	    "'email','postal_address']},'exposure':{'recipients':"
	    "'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "intent.attack" },
	{ "credential stuffing into online banking accounts",
	    "EDPB 01/2021 case 7: financial data: high",
	    "{" CONF ",'cause':{'attack':'credential_stuffing'," MAL "},"
	    "'data':{'categories':['contact','financial','bank_account']},"
	    "'exposure':{'recipients':'unidentified'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE,
	    "attack.credential_stuffing" },
	{ "lost unencrypted laptop with customer contacts",
	    "EDPB 01/2021 case 11; 9/2022 IV.B: unprotected device in public",
	    "{'nature':{'confidentiality':true,'type':'lost_device'},"
	    "'exposure':{'recipients':'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "encryption.none" },
	{ "lost laptop encrypted to the state of the art, another copy",
	    "EDPB 01/2021 case 10; 9/2022 II.D: not notifiable",
	    "{'nature':{'confidentiality':true,'availability':true,'type':"
	    "'lost_device'},'protection':{'encryption':'state_of_the_art'},"
	    "'exposure':{'recipients':'unidentified'}}",
	    RISK_NONE, NOTIFY_NO, false, ART34_NONE,
	    "encryption.unintelligible" },
	{ "stolen unencrypted laptop with health data",
	    "EDPB 01/2021 case 11; 9/2022 IV.B: sensitive data, theft",
	    "{'nature':{'confidentiality':true,'type':'stolen_device'},"
	    "'cause':{" MAL ",'attack':'physical_theft'},'data':{'categories':"
	    "['health','contact']},'exposure':{'recipients':'unidentified'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE,
	    "data.special_categories" },
	{ "stolen laptop with outdated encryption, contact data",
	    "EDPB 9/2022 II.D: weak encryption lowers the likelihood somewhat",
	    "{'nature':{'confidentiality':true,'type':'stolen_device'},"
	    "'cause':{" MAL "},'protection':{'encryption':'weak'},"
	    "'exposure':{'recipients':'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "encryption.weak" },
	{ "lost USB key encrypted, but the key was taped to it",
	    "EDPB 9/2022 II.D: a compromised key does not protect",
	    "{'nature':{'confidentiality':true,'type':'lost_device'},'data':{"
	    "'categories':['health']},'protection':{'encryption':"
	    "'state_of_the_art','key_compromised':true},'exposure':{"
	    "'recipients':'unidentified'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE,
	    "encryption.key_compromised" },
	{ "encrypted device lost that held the only copy",
	    "EDPB 9/2022 II.D: encryption does not cure the availability loss",
	    "{'nature':{'confidentiality':true,'availability':true,'type':"
	    "'lost_device'},'protection':{'encryption':'state_of_the_art',"
	    "'backup_available':false},'exposure':{'recipients':"
	    "'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE,
	    "encryption.not_for_availability" },
	{ "paper files with health data stolen from a car",
	    "EDPB 01/2021 case 12: stolen paper files with sensitive data",
	    "{'nature':{'confidentiality':true,'type':'paper'},'cause':{" MAL
	    ",'attack':'physical_theft'},'data':{'categories':['health',"
	    "'contact']},'exposure':{'recipients':'unidentified'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "decision.high_risk" },
	{ "lost paper file returned unopened",
	    "EDPB 9/2022 IV.B: nobody saw it: unlikely to result in a risk",
	    "{'nature':{'confidentiality':true,'type':'paper'}}", RISK_NONE,
	    NOTIFY_NO, false, ART34_NONE, "recipients.none" },
	{ "order data e-mailed to a trusted wrong recipient",
	    "EDPB 01/2021 case 9; 9/2022 IV.B: trusted recipient",
	    "{'nature':{'confidentiality':true,'type':'misdirected'},'data':{"
	    "'categories':['contact','order']},'exposure':{'recipients':"
	    "'trusted'}}",
	    RISK_NONE, NOTIFY_NO, false, ART34_NONE, "recipients.trusted" },
	{ "order data posted to an untrusted wrong recipient",
	    "EDPB 9/2022 IV.B: known but not trusted recipient",
	    "{'nature':{'confidentiality':true,'type':'misdirected'},'data':{"
	    "'categories':['contact','order']},'exposure':{'recipients':"
	    "'known'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "recipients.known" },
	{ "health data e-mailed to a trusted wrong recipient (a doctor)",
	    "EDPB 9/2022 IV.B: health data alone does not make a high risk",
	    "{'nature':{'confidentiality':true,'type':'misdirected'},'data':{"
	    "'categories':['health']},'exposure':{'recipients':'trusted'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "decision.not_high" },
	{ "health data posted to an untrusted private person",
	    "EDPB 01/2021 case 14; 9/2022 IV.B: highly confidential data",
	    "{'nature':{'confidentiality':true,'type':'misdirected'},'data':{"
	    "'categories':['health','contact']},'exposure':{'recipients':"
	    "'known'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "recipients.known" },
	{ "open recipient list in a newsletter to 300 people",
	    "EDPB 9/2022 IV.B: e-mail addresses disclosed to each other",
	    "{'nature':{'confidentiality':true,'type':"
	    "'unauthorised_disclosure'},'data':{'identifiers':['email']},"
	    "'subjects':{'count':300},'exposure':{'recipients':'known'}}",
	    RISK_RISK, NOTIFY_BORDERLINE, false, ART34_NONE,
	    "decision.borderline" },
	{ "open recipient list in a mass e-mail to 5000 people",
	    "EDPB 9/2022 IV.B factor 7: the number settles the borderline case",
	    "{'nature':{'confidentiality':true,'type':"
	    "'unauthorised_disclosure'},'data':{'identifiers':['email']},"
	    "'subjects':{'count':5000},'exposure':{'recipients':'known'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE,
	    "decision.borderline_settled_by_number" },
	{ "open recipient list of a patient support group",
	    "EDPB 9/2022 IV.B factor 6; Art. 9: membership reveals health",
	    "{'sectors':['health_care'],'nature':{'confidentiality':true},"
	    "'data':{'categories':['contact','health'],'identifiers':"
	    "['email']},'exposure':{'recipients':'known'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "controller.sector" },
	{ "health data published on the web by mistake",
	    "EDPB 9/2022 IV.B: special categories disclosed to the public",
	    "{'nature':{'confidentiality':true,'type':'publication'},'data':{"
	    "'categories':['health','contact']},'exposure':{'recipients':"
	    "'public'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "recipients.public" },
	{ "special categories exfiltrated as ciphertext, key safe",
	    "Art. 34(3)(a); EDPB 9/2022 II.D: exfiltration alone is not a risk",
	    "{" CONF ",'cause':{" MAL "},'data':{'categories':['health',"
	    "'contact']},'protection':{'encryption':"
	    "'state_of_the_art'}," EXFIL_UNID "}",
	    RISK_NONE, NOTIFY_NO, false, ART34_A, "art34.a" },
	{ "pseudonymised research data exfiltrated, table kept apart",
	    "Art. 4(5); EDPB 9/2022 IV.B: ease of identification",
	    "{" CONF ",'cause':{" MAL "},'data':{'categories':['health'],"
	    "'identifiers':['pseudonym']},'protection':{'pseudonymised':"
	    "true}," EXFIL_UNID "}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE,
	    "identification.pseudonymised" },
	{ "a school's pupil contact list lost",
	    "Recital 38; EDPB 9/2022 IV.B factor 5: children",
	    "{'sectors':['education'],'nature':{'confidentiality':true,'type':"
	    "'lost_device'},'subjects':{'categories':['children','students']},"
	    "'exposure':{'recipients':'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "subjects.vulnerable" },
	{ "children's data taken by an attacker",
	    "Recital 38; EDPB 9/2022 IV.B: children, deliberate",
	    "{" CONF ",'cause':{" MAL "},'subjects':{'categories':"
	    "['children']}," EXFIL_UNID "}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE, "subjects.vulnerable" },
	{ "breach reported by our processor",
	    "Art. 33(2); EDPB 9/2022 II.A.4: awareness from the report",
	    "{'timeline':{'discovery':'processor'},'nature':{"
	    "'confidentiality':true,'type':'lost_device'},'exposure':{"
	    "'recipients':'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "discovery.processor" },
	{ "we are the processor",
	    "Art. 33(2): inform the controller; it assesses and notifies",
	    "{'role':'processor','nature':{'confidentiality':true,'type':"
	    "'lost_device'},'exposure':{'recipients':'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "role.processor" },
	{ "controller outside the EEA targeting people in the EU",
	    "Art. 3(2), 27; EDPB 9/2022 para. 73: every SA concerned",
	    "{'jurisdiction':{'eea_establishment':false,'art3_2':true},"
	    "'nature':{'confidentiality':true,'type':'lost_device'},"
	    "'exposure':{'recipients':'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "jurisdiction.non_eea" },
	{ "controller outside the EEA without an Art. 3(2) link",
	    "Art. 3 GDPR: Arts. 33 and 34 do not apply",
	    "{'jurisdiction':{'eea_establishment':false,'art3_2':false},"
	    "'nature':{'confidentiality':true,'type':'lost_device'},"
	    "'exposure':{'recipients':'unidentified'}}",
	    RISK_RISK, NOTIFY_NO, false, ART34_NONE,
	    "jurisdiction.gdpr_not_applicable" },
	{ "outage of a critical system (patient records) for hours",
	    "EDPB 9/2022 I.B: unavailable medical records are a risk",
	    "{'system_criticality':'critical','nature':{'availability':true,"
	    "'type':'outage'},'cause':{'attack':'none'},'data':{'categories':"
	    "['health']},'protection':{'restore_time':'PT6H'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE,
	    "availability.restored_within_a_day" },
	{ "short outage of a non-critical service",
	    "EDPB 9/2022 I.B: a short outage of a non-critical service",
	    "{'nature':{'availability':true,'type':'outage'},'protection':{"
	    "'restore_time':'PT2H'}}",
	    RISK_NONE, NOTIFY_NO, false, ART34_NONE, "decision.no_risk" },
	{ "critical system down for ten days",
	    "EDPB 9/2022 I.B, IV.B: long loss of a critical service",
	    "{'system_criticality':'critical','nature':{'availability':true,"
	    "'type':'outage'},'data':{'categories':['health']},'protection':{"
	    "'restore_time':'P10D'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE,
	    "availability.restore_days" },
	{ "public business contacts sent to a known recipient",
	    "EDPB 9/2022 II.D: already public, disclosure adds little",
	    "{'nature':{'confidentiality':true,'type':'misdirected'},"
	    "'subjects':{'categories':['business_contacts']},'exposure':{"
	    "'recipients':'known','already_public':true}}",
	    RISK_NONE, NOTIFY_NO, false, ART34_NONE, "data.already_public" },
	{ "health data already public, published again",
	    "EDPB 9/2022 II.D, IV.B: public availability lowers the weight",
	    "{'nature':{'confidentiality':true,'type':'publication'},'data':{"
	    "'categories':['health']},'exposure':{'recipients':'public',"
	    "'already_public':true}}",
	    RISK_RISK, NOTIFY_BORDERLINE, false, ART34_NONE,
	    "data.already_public" },
	{ "attacker changed employees' bank details, no clean copy",
	    "EDPB 9/2022 IV.B; ENISA loss of integrity: altered, unrecoverable",
	    "{'nature':{'integrity':true,'type':'alteration'},'cause':{" MAL
	    ",'attack':'mailbox_compromise'},'data':{'categories':"
	    "['bank_account','employment']},'subjects':{'categories':"
	    "['employees']},'protection':{'backup_available':false}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE,
	    "integrity.unrecoverable" },
	{ "accidental corruption repaired from the backup",
	    "EDPB 9/2022 I.B: integrity restored, no misuse",
	    "{'nature':{'integrity':true,'type':'alteration'}}", RISK_NONE,
	    NOTIFY_NO, false, ART34_NONE, "integrity.recoverable" },
	{ "wrong recipient identified and stopped before misuse",
	    "Art. 34(3)(b): the high risk is no longer likely",
	    "{'nature':{'confidentiality':true,'type':'misdirected'},'data':{"
	    "'categories':['health','contact']},'exposure':{'recipients':"
	    "'known'},'measures':{'neutralise_high_risk':true}}",
	    RISK_HIGH, NOTIFY_YES, false, ART34_B, "art34.b" },
	{ "individual letters would take disproportionate effort",
	    "Art. 34(3)(c): a public communication instead",
	    "{'nature':{'confidentiality':true,'type':'paper'},'cause':{" MAL
	    "},'data':{'categories':['health','contact']},'subjects':{"
	    "'disproportionate_effort':true},'exposure':{'recipients':"
	    "'unidentified'}}",
	    RISK_HIGH, NOTIFY_YES, false, ART34_C, "art34.c" },
	{ "no contact details held for the people affected",
	    "Art. 34(3)(c); EDPB 9/2022 III.D: contact details never held",
	    "{'nature':{'confidentiality':true,'type':'paper'},'cause':{" MAL
	    "},'data':{'categories':['health','contact']},'subjects':{"
	    "'contact_available':false,'disproportionate_effort':null},"
	    "'exposure':{'recipients':'unidentified'}}",
	    RISK_HIGH, NOTIFY_YES, false, ART34_C,
	    "art34.c_no_contact_details" },
	{ "law enforcement asks to delay the communication",
	    "Recital 88; EDPB 9/2022 III.A: delay, then communicate",
	    "{'nature':{'confidentiality':true,'type':'paper'},'cause':{" MAL
	    "},'data':{'categories':['health','contact']},'measures':{"
	    "'law_enforcement_delay':true},'exposure':{'recipients':"
	    "'unidentified'}}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE,
	    "art34.law_enforcement_delay" },
	{ "contact data used for phishing after an accidental disclosure",
	    "Recital 85; EDPB 9/2022 IV.B: misuse observed",
	    "{'nature':{'confidentiality':true},'exposure':{'recipients':"
	    "'unidentified','misuse_observed':true}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "exposure.misuse" },
	{ "copies of identity documents exfiltrated",
	    "Recital 85; EDPB 9/2022 IV.B: identity theft and fraud",
	    "{" CONF ",'cause':{" MAL "},'data':{'categories':['id_documents',"
	    "'contact']}," EXFIL_UNID "}",
	    RISK_HIGH, NOTIFY_YES, true, ART34_NONE,
	    "data.identity_documents" },
	{ "unknown intent, recipients and exfiltration",
	    "Art. 33(1); EDPB 9/2022 IV.B: in doubt, notify",
	    "{" CONF
	    ",'cause':{'intent':null},'protection':{'encryption':null},"
	    "'exposure':{'exfiltrated':null,'recipients':null}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "recipients.unknown" },
	{ "nothing affected", "Art. 4(12): not a personal data breach", "{}",
	    RISK_NONE, NOTIFY_NO, false, ART34_NONE, "breach.no_cia" },
	{ "no personal data concerned",
	    "Art. 4(1), 4(12): not a personal data breach",
	    "{" CONF ",'data':{'categories':[]}}", RISK_NONE, NOTIFY_NO, false,
	    ART34_NONE, "breach.no_personal_data" },
	{ "usage data with device identifiers only, exfiltrated",
	    "EDPB 9/2022 IV.B: ease of identification",
	    "{" CONF ",'cause':{" MAL "},'data':{'categories':['behavioural'],"
	    "'identifiers':['device_id']}," EXFIL_UNID "}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "identification.hard" },
	{ "a law firm's client list lost",
	    "EDPB 9/2022 IV.B factor 6: the controller's field reveals more",
	    "{'sectors':['legal_professional'],'nature':{'confidentiality':"
	    "true,'type':'lost_device'},'exposure':{'recipients':"
	    "'unidentified'}}",
	    RISK_RISK, NOTIFY_YES, false, ART34_NONE, "controller.sector" },
};

static void
test_rule_cases(void **state)
{
	size_t bad = 0;

	(void)state;
	assert_true(nitems(rule_cases) >= 40);
	for (size_t i = 0; i < nitems(rule_cases); i++) {
		const struct rule_case *c = &rule_cases[i];
		struct arena *a = arena_new();
		struct facts f;
		struct assessment as;

		case_facts(c->patch, a, &f);
		risk_assess(&f, &as);
		if (as.level != c->level || as.notify != c->notify ||
		    as.communicate != c->communicate || as.art34 != c->art34 ||
		    as.public_notice != (c->art34 == ART34_C) ||
		    (c->reason != NULL &&
		        !assessment_has_reason(&as, c->reason))) {
			print_error(
			    "rule case \"%s\" [%s]: got level %s notify "
			    "%s communicate %d art34 %d; want %s %s "
			    "%d %d (reason %s %s)\n",
			    c->name, c->rule, risk_level_name(as.level),
			    notify_names[as.notify], as.communicate, as.art34,
			    risk_level_name(c->level), notify_names[c->notify],
			    c->communicate, c->art34,
			    c->reason ? c->reason : "-",
			    c->reason && !assessment_has_reason(&as, c->reason)
			        ? "missing"
			        : "present");
			bad++;
		}
		arena_free(a);
	}
	if (bad > 0)
		fail_msg(
		    "%zu of %zu rule cases failed", bad, nitems(rule_cases));
}

/* The processor owes Art. 33(2) to its controller; the rest is advice. */
static void
test_processor_duty(void **state)
{
	struct arena *a = arena_new();
	struct facts f;
	struct assessment as;

	(void)state;
	case_facts(
	    "{'role':'processor','nature':{'availability':true}}", a, &f);
	risk_assess(&f, &as);
	assert_true(as.notify_controller);
	case_facts(
	    "{'role':'controller','nature':{'availability':true}}", a, &f);
	risk_assess(&f, &as);
	assert_false(as.notify_controller);
	case_facts("{'role':'processor'}", a, &f); /* not a breach */
	risk_assess(&f, &as);
	assert_false(as.notify_controller);
	arena_free(a);
}

/* ---- single-keyword escalation ------------------------------------------ */

/*
 * The same keyword must land on different levels depending on the other
 * factors: health data is not automatically high, an exfiltration is not
 * automatically notifiable.
 */
static void
test_no_single_keyword(void **state)
{
	static const struct {
		const char *patch;
		bool want_high;  /* else: must not be high */
		bool want_quiet; /* must not be notifiable at all */
	} cases[] = {
		/* health data */
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['health']},'exposure':{'recipients':'trusted'}}",
		    false, false },
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['health']},'protection':{'encryption':'state_of_the_art'},"
		  "'exposure':{'recipients':'unidentified'}}",
		    false, true },
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['health']},'exposure':{'recipients':'none'}}",
		    false, true },
		{ "{'nature':{'availability':true},'data':{'categories':"
		  "['health']},'protection':{'restore_time':'PT1H'}}",
		    false, true },
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['health'],'identifiers':['pseudonym']},'protection':{"
		  "'pseudonymised':true},'exposure':{'recipients':'known'}}",
		    false, false },
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['health']},'exposure':{'recipients':'public'}}",
		    true, false },
		/* exfiltration */
		{ "{'nature':{'confidentiality':true},'cause':{'intent':"
		  "'malicious'},'protection':{'encryption':'state_of_the_art'},"
		  "'exposure':{'exfiltrated':true,'recipients':'unidentified'}}",
		    false, true },
		{ "{'nature':{'confidentiality':true},'cause':{'intent':"
		  "'malicious'},'data':{'categories':['credentials'],"
		  "'identifiers':['username']},'protection':{'password_storage':"
		  "'salted_modern_hash'},'exposure':{'exfiltrated':true,"
		  "'recipients':'unidentified'}}",
		    false, true },
		{ "{'nature':{'confidentiality':true},'cause':{'intent':"
		  "'malicious'},'data':{'categories':['financial']},'exposure':{"
		  "'exfiltrated':true,'recipients':'unidentified'}}",
		    true, false },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		struct arena *a = arena_new();
		struct facts f;
		struct assessment as;

		case_facts(cases[i].patch, a, &f);
		risk_assess(&f, &as);
		if ((as.level == RISK_HIGH) != cases[i].want_high)
			fail_msg(
			    "case %zu: level %s", i, risk_level_name(as.level));
		if (cases[i].want_quiet && as.notify != NOTIFY_NO)
			fail_msg(
			    "case %zu: notify %s", i, notify_names[as.notify]);
		arena_free(a);
	}
}

/* ---- property tests over random facts ----------------------------------- */

/* splitmix64: a fixed-seed generator of our own (rand() is banned). */
static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned
pick(uint64_t *s, unsigned n)
{
	return (unsigned)(next(s) % n);
}

static enum tri
rtri(uint64_t *s)
{
	return (enum tri)pick(s, 3);
}

static struct set
rset(uint64_t *s, unsigned n)
{
	struct set r = { 0, pick(s, 5) != 0 };

	for (unsigned i = 0; r.known && i < n; i++) {
		if (pick(s, 5) == 0)
			r.bits |= (uint64_t)1 << i;
	}
	return r;
}

static void
random_facts(uint64_t *s, struct facts *f)
{
	static const int64_t counts[] = { COUNT_UNKNOWN, 3, 300, 1000, 50000 };
	static const int64_t restores[] = { COUNT_UNKNOWN, 3600, 2 * 86400,
		5 * 86400, 30 * 86400 };

	facts_init(f);
	f->title = "random";
	f->role = (enum role)pick(s, ROLE__MAX);
	f->sectors = rset(s, SECTOR__MAX);
	f->system_criticality = (enum criticality)pick(s, CRIT__MAX);
	f->discovery = (enum discovery)pick(s, DISCOVERY__MAX);
	f->confidentiality = rtri(s);
	f->integrity = rtri(s);
	f->availability = rtri(s);
	f->intent = (enum intent)pick(s, INTENT__MAX);
	f->attack = (enum attack)pick(s, ATTACK__MAX);
	f->data = rset(s, DATA__MAX);
	f->identifiers = rset(s, IDENT__MAX);
	f->subjects = rset(s, SUBJ__MAX);
	f->subjects_n = counts[pick(s, nitems(counts))];
	f->contact_available = rtri(s);
	f->disproportionate_effort = rtri(s);
	f->encryption = (enum encryption)pick(s, ENC__MAX);
	f->key_compromised = rtri(s);
	f->pseudonymised = rtri(s);
	f->password_storage = (enum pwstore)pick(s, PW__MAX);
	f->credentials_unlock = rset(s, UNLOCK__MAX);
	f->backup_available = rtri(s);
	f->restore_s = restores[pick(s, nitems(restores))];
	f->exfiltrated = rtri(s);
	f->recipients = (enum recipients)pick(s, RCPT__MAX);
	f->already_public = rtri(s);
	f->misuse_observed = rtri(s);
	f->neutralised = rtri(s);
	f->law_enforcement_delay = rtri(s);
	f->eea_establishment = rtri(s);
	f->art3_2 = rtri(s);
	f->cross_border = rtri(s);
}

enum { PROPERTY_RUNS = 4000 };

/* `g` (f made worse in one respect) is never assessed lower than `f`. */
static void
not_lower(
    const struct facts *f, const struct facts *g, const char *what, size_t run)
{
	struct assessment x, y;

	risk_assess(f, &x);
	risk_assess(g, &y);
	if (y.level < x.level || y.notify < x.notify)
		fail_msg("run %zu: %s lowered level %s -> %s, notify %s -> %s",
		    run, what, risk_level_name(x.level),
		    risk_level_name(y.level), notify_names[x.notify],
		    notify_names[y.notify]);
}

static void
test_property_monotone(void **state)
{
	static const enum data_cat special[] = { DATA_RACIAL, DATA_POLITICAL,
		DATA_RELIGIOUS, DATA_UNION, DATA_GENETIC, DATA_BIOMETRIC,
		DATA_HEALTH, DATA_SEX, DATA_CRIMINAL };
	uint64_t seed = 20240501;
	size_t widened = 0, added = 0;

	(void)state;
	for (size_t run = 0; run < PROPERTY_RUNS; run++) {
		struct facts f, g;

		random_facts(&seed, &f);

		g = f;
		if (g.data.known) {
			g.data.bits |= (uint64_t)1
			               << special[pick(&seed, nitems(special))];
			not_lower(&f, &g, "adding a special category", run);
			added++;
		}

		g = f;
		g.encryption = ENC_NONE;
		not_lower(&f, &g, "removing the encryption", run);

		g = f;
		g.intent = INTENT_MALICIOUS;
		not_lower(&f, &g, "making the intent malicious", run);

		g = f;
		if (f.recipients != RCPT_UNKNOWN &&
		    f.recipients != RCPT_PUBLIC) {
			g.recipients = (enum recipients)(
			    f.recipients + 1 +
			    pick(&seed, RCPT_PUBLIC - f.recipients));
			not_lower(&f, &g, "widening the recipients", run);
			widened++;
		}
	}
	/* The generator did exercise both conditional properties. */
	assert_true(added > PROPERTY_RUNS / 2);
	assert_true(widened > PROPERTY_RUNS / 3);
}

/*
 * State-of-the-art encryption with a safe key never triggers Art. 34 for a
 * confidentiality-only breach, whatever else is true.
 */
static void
test_property_sota(void **state)
{
	uint64_t seed = 77;

	(void)state;
	for (size_t run = 0; run < PROPERTY_RUNS; run++) {
		struct facts f;
		struct assessment as;

		random_facts(&seed, &f);
		f.encryption = ENC_SOTA;
		f.key_compromised = TRI_NO;
		f.integrity = TRI_NO;
		f.availability = TRI_NO;
		risk_assess(&f, &as);
		if (as.communicate || as.public_notice || as.level != RISK_NONE)
			fail_msg("run %zu: communicate %d public %d level %s",
			    run, as.communicate, as.public_notice,
			    risk_level_name(as.level));
		assert_int_equal(as.conf.score, 0);
	}
}

static const char *const top_keys[] = { "rules_version", "is_breach",
	"risk_level", "notify_authority", "notify_controller",
	"communicate_subjects", "art34_exception", "public_notice",
	"dimensions", "enisa", "enisa_vs_legal", "reasons", "would_change",
	"unknown_facts", "number_of_subjects" };

/* Every key of docs/assessment.md with the documented type. */
static void
check_complete(const json_t *j)
{
	const json_t *e, *dpc, *cb, *v;
	size_t i;

	assert_non_null(j);
	for (i = 0; i < nitems(top_keys); i++) {
		if (json_object_get(j, top_keys[i]) == NULL)
			fail_msg("key %s missing", top_keys[i]);
	}
	assert_true(json_is_boolean(json_object_get(j, "is_breach")));
	v = json_object_get(j, "notify_authority");
	assert_true(json_is_boolean(v) ||
	            strcmp(json_string_value(v), "borderline") == 0);
	v = json_object_get(j, "art34_exception");
	assert_true(json_is_null(v) || json_is_string(v));
	e = json_object_get(j, "enisa");
	dpc = json_object_get(e, "dpc");
	cb = json_object_get(e, "cb");
	assert_non_null(json_object_get(dpc, "base_category"));
	assert_true(json_is_integer(json_object_get(dpc, "base")));
	assert_true(json_is_array(json_object_get(dpc, "adjustments")));
	assert_true(json_is_integer(json_object_get(dpc, "value")));
	assert_true(json_is_real(json_object_get(e, "ei")));
	assert_true(json_is_real(json_object_get(e, "se")));
	assert_true(json_is_string(json_object_get(e, "band")));
	assert_true(json_is_real(json_object_get(cb, "confidentiality")));
	assert_true(json_is_real(json_object_get(cb, "integrity")));
	assert_true(json_is_real(json_object_get(cb, "availability")));
	assert_true(json_is_real(json_object_get(cb, "malicious")));
	assert_true(json_is_real(json_object_get(cb, "total")));
	json_array_foreach (json_object_get(dpc, "adjustments"), i, v) {
		assert_non_null(json_object_get(v, "factor"));
		assert_true(json_is_integer(json_object_get(v, "delta")));
		assert_non_null(json_object_get(v, "reason"));
	}
	json_array_foreach (json_object_get(j, "reasons"), i, v) {
		assert_true(json_string_length(json_object_get(v, "en")) > 0);
		assert_true(json_string_length(json_object_get(v, "de")) > 0);
		assert_true(json_string_length(json_object_get(v, "cite")) > 0);
		assert_null(
		    strstr(json_string_value(json_object_get(v, "en")), "{}"));
	}
	assert_true(json_array_size(json_object_get(j, "reasons")) > 0);
	json_array_foreach (json_object_get(j, "would_change"), i, v) {
		assert_true(json_is_string(json_object_get(v, "fact")));
		assert_non_null(json_object_get(v, "value"));
		assert_true(
		    json_string_length(json_object_get(v, "effect")) > 0);
	}
}

/* Complete, deterministic, consistent; would_change entries really move. */
static void
test_property_complete(void **state)
{
	uint64_t seed = 4242;

	(void)state;
	for (size_t run = 0; run < PROPERTY_RUNS / 4; run++) {
		struct facts f;
		struct assessment x, y;
		json_t *jx, *jy;

		random_facts(&seed, &f);
		risk_assess(&f, &x);
		risk_assess(&f, &y);
		jx = assessment_to_json(&x);
		jy = assessment_to_json(&y);
		check_complete(jx);
		assert_true(json_equal(jx, jy));
		assert_true(x.reasons_n < RISK_REASONS_MAX);
		assert_true(x.enisa.se_q >= 1 && x.enisa.se_q <= 24);
		assert_true(x.communicate ? x.level == RISK_HIGH : true);
		assert_true(x.public_notice == (x.art34 == ART34_C));
		assert_true(x.notify == NOTIFY_NO || x.level != RISK_NONE);
		for (size_t k = 0; k < x.changes_n; k++) {
			const struct risk_change *c = &x.changes[k];

			assert_true(c->level != x.level ||
			            c->notify != x.notify ||
			            c->communicate != x.communicate ||
			            c->public_notice != x.public_notice);
		}
		json_decref(jx);
		json_decref(jy);
	}
}

/* ---- would_change ------------------------------------------------------- */

static const json_t *
find_change(const json_t *j, const char *fact, const json_t *value)
{
	size_t i;
	const json_t *v;

	json_array_foreach (json_object_get(j, "would_change"), i, v) {
		if (strcmp(json_string_value(json_object_get(v, "fact")),
		        fact) == 0 &&
		    json_equal(json_object_get(v, "value"), value))
			return v;
	}
	return NULL;
}

/*
 * Seed A with the key's fate unknown: in doubt the ciphertext counts as
 * readable (high risk), and would_change names the fact that settles it.
 */
static void
test_would_change_key(void **state)
{
	struct arena *a = arena_new();
	struct facts f;
	struct assessment as;
	json_t *j, *no = json_false(), *uk;
	const json_t *c;

	(void)state;
	load_file("tests/data/seed-003-a.json", a, &f);
	f.key_compromised = TRI_UNKNOWN;
	risk_assess(&f, &as);
	assert_int_equal(as.level, RISK_HIGH);
	assert_int_equal(as.notify, NOTIFY_YES);
	j = assessment_to_json(&as);
	uk = json_object_get(j, "unknown_facts");
	assert_int_equal(json_array_size(uk), 1);
	assert_string_equal(json_string_value(json_array_get(uk, 0)),
	    "protection.key_compromised");
	c = find_change(j, "protection.key_compromised", no);
	assert_non_null(c);
	assert_non_null(strstr(json_string_value(json_object_get(c, "effect")),
	    "notifying the authority would not be required"));
	assert_non_null(
	    strstr(json_string_value(json_object_get(c, "effect_de")),
	        "Meldung an die Behörde wäre nicht erforderlich"));
	assert_true(json_is_false(json_object_get(
	    json_object_get(c, "changes"), "notify_authority")));
	/* A value that changes nothing is not listed. */
	assert_null(find_change(j, "protection.key_compromised", json_true()));
	json_decref(j);
	json_decref(no);
	arena_free(a);
}

/* Every reported change reproduces when the engine is re-run by hand. */
static void
test_would_change_reproduces(void **state)
{
	struct arena *a = arena_new();
	struct facts f, g;
	struct assessment as, bs;
	size_t checked = 0;

	(void)state;
	case_facts("{'nature':{'confidentiality':true},'cause':{'intent':null},"
	           "'data':{'categories':['contact','order']},"
	           "'protection':{'encryption':null,'backup_available':null},"
	           "'exposure':{'recipients':null,'exfiltrated':null}}",
	    a, &f);
	risk_assess(&f, &as);
	assert_true(as.changes_n > 0);
	for (size_t i = 0; i < as.changes_n; i++) {
		const struct risk_change *c = &as.changes[i];

		g = f;
		if (c->fact == RF_RECIPIENTS) {
			for (unsigned v = 0; v < RCPT__MAX; v++) {
				if (strcmp(enum_json_name("recipients", v),
				        c->s) == 0)
					g.recipients = (enum recipients)v;
			}
		} else if (c->fact == RF_INTENT) {
			g.intent = strcmp(c->s, "accidental") == 0
			               ? INTENT_ACCIDENTAL
			               : INTENT_MALICIOUS;
		} else if (c->fact == RF_EXFILTRATED) {
			g.exfiltrated = c->b ? TRI_YES : TRI_NO;
		} else {
			continue;
		}
		risk_assess(&g, &bs);
		assert_int_equal(bs.level, c->level);
		assert_int_equal(bs.notify, c->notify);
		assert_int_equal(bs.communicate, c->communicate);
		checked++;
	}
	assert_true(checked >= 2);
	/* Trusted recipients and an accidental cause would each lower it. */
	{
		json_t *j = assessment_to_json(&as),
		       *t = json_string("trusted");
		json_t *acc = json_string("accidental");

		assert_non_null(find_change(j, "exposure.recipients", t));
		assert_non_null(find_change(j, "cause.intent", acc));
		json_decref(t);
		json_decref(acc);
		json_decref(j);
	}
	arena_free(a);
}

/* ---- ENISA -------------------------------------------------------------- */

static void
enisa_of(const char *patch, struct arena *a, struct assessment *as)
{
	struct facts f;

	case_facts(patch, a, &f);
	risk_assess(&f, as);
}

static void
test_enisa_bands(void **state)
{
	static const struct {
		const char *patch;
		int se_q; /* quarters */
		enum enisa_band band;
		int dpc, ei_q, cb_q;
	} cases[] = {
		/* Behavioural (2) x EI 1.0 + CB 0 = 2.0: medium, not low. */
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['order']}}",
		    8, BAND_MEDIUM, 2, 4, 0 },
		/* Financial (3) x 1.0 = 3.0: high. */
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['bank_account']}}",
		    12, BAND_HIGH, 3, 4, 0 },
		/* Sensitive (4) x 1.0 = 4.0: very high. */
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['health']}}",
		    16, BAND_VERY_HIGH, 4, 4, 0 },
		/* Simple (1) x EI 0.75 (e-mail only) = 0.75: low. */
		{ "{'nature':{'confidentiality':true},'data':{'identifiers':"
		  "['email']}}",
		    3, BAND_LOW, 1, 3, 0 },
		/* 1 x 0.75 + known recipients 0.25 = 1.0; + malice 0.5. */
		{ "{'nature':{'confidentiality':true},'cause':{'intent':"
		  "'malicious'},'data':{'identifiers':['email']},'exposure':{"
		  "'recipients':'known'}}",
		    6, BAND_LOW, 1, 3, 3 },
		/* CB maximum 2.0: SE maximum 6.0. */
		{ "{'nature':{'confidentiality':true,'integrity':true,"
		  "'availability':true},'cause':{'intent':'malicious'},'data':{"
		  "'categories':['health']},'protection':{'backup_available':"
		  "false},'exposure':{'recipients':'public'}}",
		    24, BAND_VERY_HIGH, 4, 4, 8 },
		/* Name + date of birth: maximum; pseudonymised: one lower. */
		{ "{'nature':{'confidentiality':true},'data':{'identifiers':"
		  "['name','date_of_birth']},'protection':{'pseudonymised':"
		  "true}}",
		    3, BAND_LOW, 1, 3, 0 },
		/* A pseudonym alone: negligible (0.25). */
		{ "{'nature':{'confidentiality':true},'data':{'categories':"
		  "['health'],'identifiers':['pseudonym']}}",
		    4, BAND_LOW, 4, 1, 0 },
		/* Restored after two days: temporary unavailability. */
		{ "{'nature':{'availability':true},'protection':{"
		  "'restore_time':'P2D'}}",
		    5, BAND_LOW, 1, 4, 1 },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		struct arena *a = arena_new();
		struct assessment as;
		const struct enisa_result *e = &as.enisa;
		int cbq;

		enisa_of(cases[i].patch, a, &as);
		cbq = e->cb_conf_q + e->cb_integ_q + e->cb_avail_q +
		      e->cb_malicious_q;
		if (e->se_q != cases[i].se_q || e->band != cases[i].band ||
		    e->dpc != cases[i].dpc || e->ei_q != cases[i].ei_q ||
		    cbq != cases[i].cb_q)
			fail_msg("case %zu: SE %d/4 %s DPC %d EI %d/4 CB %d/4",
			    i, e->se_q, enisa_band_name(e->band), e->dpc,
			    e->ei_q, cbq);
		arena_free(a);
	}
}

static const json_t *
dpc_json(const json_t *j)
{
	return json_object_get(json_object_get(j, "enisa"), "dpc");
}

static void
test_enisa_dpc(void **state)
{
	struct arena *a = arena_new();
	struct assessment as;
	json_t *j;
	const json_t *adj;

	(void)state;
	/* Clamped at 4: simple + volume 3 + the health sector's 2. */
	enisa_of("{'sectors':['health_care'],'nature':{'confidentiality':"
	         "true},'enisa':{'adjustments':[{'category':'simple','factor':"
	         "'volume','delta':3,'reason':'complete patient files'}]}}",
	    a, &as);
	assert_int_equal(as.enisa.dpc, 4);
	assert_int_equal(as.enisa.adj_n, 2);
	assert_true(as.enisa.adj[1].automatic);
	assert_int_equal(as.enisa.adj[1].factor, ENISA_F_CONTROLLER);

	/* Clamped at 1: sensitive -3 twice; mixed categories take the max. */
	enisa_of("{'nature':{'confidentiality':true},'data':{'categories':"
	         "['contact','bank_account','health']},'enisa':{'adjustments':"
	         "[{'category':'sensitive','factor':'no_substantial_insight',"
	         "'delta':-3,'reason':'general blood test only'},{'category':"
	         "'sensitive','factor':'publicly_available','delta':-3,"
	         "'reason':'published by the person'}]}}",
	    a, &as);
	assert_int_equal(as.enisa.cat_value[ENISA_CAT_SENSITIVE], 1);
	assert_int_equal(as.enisa.cat_value[ENISA_CAT_SIMPLE], 1);
	assert_int_equal(as.enisa.dpc, 3);
	assert_int_equal(as.enisa.base_category, ENISA_CAT_FINANCIAL);
	assert_int_equal(as.enisa.base, 3);

	/* Credentials take the category of what they unlock. */
	enisa_of("{'nature':{'confidentiality':true},'data':{'categories':"
	         "['credentials']},'protection':{'credentials_unlock':"
	         "['health']}}",
	    a, &as);
	assert_int_equal(as.enisa.base_category, ENISA_CAT_SENSITIVE);
	enisa_of("{'nature':{'confidentiality':true},'data':{'categories':"
	         "['credentials']},'protection':{'credentials_unlock':"
	         "['financial']}}",
	    a, &as);
	assert_int_equal(as.enisa.base_category, ENISA_CAT_FINANCIAL);
	enisa_of("{'nature':{'confidentiality':true},'data':{'categories':"
	         "['credentials']},'protection':{'credentials_unlock':"
	         "['same_service']}}",
	    a, &as);
	assert_int_equal(as.enisa.base_category, ENISA_CAT_SIMPLE);

	/* An explicit delta 0 cancels the automatic adjustment. */
	enisa_of("{'sectors':['health_care'],'nature':{'confidentiality':"
	         "true},'enisa':{'adjustments':[{'category':'simple','factor':"
	         "'controller_characteristics','delta':0,'reason':"
	         "'staff canteen list, says nothing about patients'}]}}",
	    a, &as);
	assert_int_equal(as.enisa.dpc, 1);
	assert_int_equal(as.enisa.adj_n, 1);

	/* An adjustment for a category not in the breach is not applied. */
	enisa_of("{'nature':{'confidentiality':true},'enisa':{'adjustments':"
	         "[{'category':'financial','factor':'volume','delta':1,"
	         "'reason':'a year of statements'}]}}",
	    a, &as);
	assert_int_equal(as.enisa.dpc, 1);
	j = assessment_to_json(&as);
	adj = json_array_get(json_object_get(dpc_json(j), "adjustments"), 0);
	assert_true(json_is_false(json_object_get(adj, "applied")));
	assert_string_equal(json_string_value(json_object_get(adj, "reason")),
	    "a year of statements");
	json_decref(j);

	/* Children raise simple data; the reason is given in both tongues. */
	enisa_of("{'nature':{'confidentiality':true},'subjects':{"
	         "'categories':['children']}}",
	    a, &as);
	assert_int_equal(as.enisa.dpc, 2);
	j = assessment_to_json(&as);
	adj = json_array_get(json_object_get(dpc_json(j), "adjustments"), 0);
	assert_string_equal(json_string_value(json_object_get(adj, "factor")),
	    "subject_characteristics");
	assert_true(json_string_length(json_object_get(adj, "reason_de")) > 0);
	json_decref(j);
	arena_free(a);
}

/* ---- enisa.adjustments in the facts -------------------------------------- */

static void
test_facts_adjustments(void **state)
{
	static const struct {
		const char *adj;   /* the value of enisa.adjustments */
		const char *field; /* first error, NULL: valid */
	} cases[] = {
		{ "[]", NULL },
		{ "null", NULL },
		{ "[{'category':'financial','factor':'volume','delta':1,"
		  "'reason':'r'}]",
		    NULL },
		{ "[{'category':'sensitive','factor':'no_substantial_insight',"
		  "'delta':-3,'reason':'r'}]",
		    NULL },
		{ "{}", "enisa.adjustments" },
		{ "[5]", "enisa.adjustments[0]" },
		{ "[{'category':'financial','factor':'volume','delta':1,"
		  "'reason':'r'},{'category':'simple','factor':'volume',"
		  "'delta':4,'reason':'r'}]",
		    "enisa.adjustments[1].delta" },
		{ "[{'category':'simple','factor':'publicly_available',"
		  "'delta':-1,'reason':'r'}]",
		    "enisa.adjustments[0].delta" },
		{ "[{'category':'sensitive','factor':'volume','delta':1,"
		  "'reason':'r'}]",
		    "enisa.adjustments[0].delta" },
		{ "[{'category':'financial','factor':'no_substantial_insight',"
		  "'delta':-3,'reason':'r'}]",
		    "enisa.adjustments[0].delta" },
		{ "[{'category':'secret','factor':'volume','delta':1,"
		  "'reason':'r'}]",
		    "enisa.adjustments[0].category" },
		{ "[{'category':'simple','factor':'vibes','delta':1,"
		  "'reason':'r'}]",
		    "enisa.adjustments[0].factor" },
		{ "[{'category':'simple','factor':'volume','delta':1}]",
		    "enisa.adjustments[0].reason" },
		{ "[{'category':'simple','factor':'volume','delta':1.5,"
		  "'reason':'r'}]",
		    "enisa.adjustments[0].delta" },
		{ "[{'category':'simple','factor':'volume','delta':1,"
		  "'reason':''}]",
		    "enisa.adjustments[0].reason" },
		{ "[{'category':'simple','factor':'volume','delta':1,"
		  "'reason':'r','weight':2}]",
		    "enisa.adjustments[0].weight" },
		{ "[{'category':'simple','factor':'volume','delta':1,"
		  "'reason':'r'},{'category':'simple','factor':'volume',"
		  "'delta':2,'reason':'s'}]",
		    "enisa.adjustments[1]" },
	};

	(void)state;
	for (size_t i = 0; i < nitems(cases); i++) {
		struct arena *a = arena_new();
		struct facts f;
		struct field_errors fe;
		char *doc = arena_printf(a,
		    "{'title':'t','enisa':{'adjustments':%s}}", cases[i].adj);
		const char *json = unquote(a, doc);
		enum err rc;

		memset(&fe, 0, sizeof(fe));
		rc = facts_parse(json, strlen(json), NOW, a, &f, NULL, &fe);
		if (cases[i].field == NULL) {
			if (rc != ERR_OK) {
				field_errors_print(&fe, stderr);
				fail_msg("case %zu should validate", i);
			}
		} else if (rc == ERR_OK ||
		           strcmp(fe.v[0].field, cases[i].field) != 0) {
			fail_msg("case %zu: want error at %s, got %s", i,
			    cases[i].field,
			    rc == ERR_OK ? "none" : fe.v[0].field);
		}
		arena_free(a);
	}
}

static void
test_facts_adjustments_roundtrip(void **state)
{
	struct arena *a = arena_new();
	struct facts f, g;
	struct field_errors fe;
	const char *json = unquote(a,
	    "{'title':'t','enisa':{'adjustments':[{'category':'behavioural',"
	    "'factor':'volume','delta':1,'reason':'a year of call records'},"
	    "{'category':'sensitive','factor':'no_substantial_insight',"
	    "'delta':-2,'reason':'Blutabnahme in der Notaufnahme'}]}}");
	json_t *c1, *c2, *schema, *items;
	char *s;
	struct buf md;

	(void)state;
	parse_or_fail(json, a, &f);
	assert_true(f.enisa_adj.known);
	assert_int_equal(f.enisa_adj.n, 2);
	assert_int_equal(f.enisa_adj.v[1].category, ENISA_CAT_SENSITIVE);
	assert_int_equal(f.enisa_adj.v[1].delta, -2);
	c1 = facts_to_json(&f);
	s = json_dumps(c1, JSON_COMPACT | JSON_SORT_KEYS);
	memset(&fe, 0, sizeof(fe));
	assert_int_equal(
	    facts_parse(s, strlen(s), NOW, a, &g, NULL, &fe), ERR_OK);
	c2 = facts_to_json(&g);
	assert_true(json_equal(c1, c2));
	assert_int_equal(json_array_size(json_object_get(
	                     json_object_get(c1, "enisa"), "adjustments")),
	    2);
	free(s);
	json_decref(c1);
	json_decref(c2);

	/* An empty list stays known and empty; absent stays unknown. */
	parse_or_fail(
	    "{\"title\":\"t\",\"enisa\":{\"adjustments\":[]}}", a, &f);
	assert_true(f.enisa_adj.known);
	c1 = facts_to_json(&f);
	assert_true(json_is_array(
	    json_object_get(json_object_get(c1, "enisa"), "adjustments")));
	json_decref(c1);
	parse_or_fail("{\"title\":\"t\"}", a, &f);
	assert_false(f.enisa_adj.known);

	/* The schema states the ranges: one branch per category/direction. */
	schema = facts_schema();
	items = json_object_get(
	    json_object_get(
	        json_object_get(
	            json_object_get(
	                json_object_get(
	                    json_object_get(schema, "properties"), "enisa"),
	                "properties"),
	            "adjustments"),
	        "items"),
	    "oneOf");
	assert_int_equal(json_array_size(items), 2 * ENISA_CAT__MAX);
	json_decref(schema);

	buf_init(&md, 1 << 20);
	facts_doc_markdown(&md);
	assert_non_null(strstr(buf_cstr(&md), "### ENISA DPC adjustments"));
	assert_non_null(
	    strstr(buf_cstr(&md), "| `sensitive` | 4 | -3 .. +0 |"));
	assert_non_null(strstr(buf_cstr(&md), "`enisa_factor`"));
	buf_release(&md);
	arena_free(a);
}

/* ---- JSON --------------------------------------------------------------- */

static void
test_json_keys(void **state)
{
	struct arena *a = arena_new();
	struct facts f;
	struct assessment as;
	json_t *j;
	const json_t *ns, *r;

	(void)state;
	load_file("tests/data/seed-003-b.json", a, &f);
	risk_assess(&f, &as);
	j = assessment_to_json(&as);
	check_complete(j);
	assert_true(json_is_true(json_object_get(j, "notify_authority")));
	assert_true(json_is_null(json_object_get(j, "art34_exception")));
	assert_string_equal(
	    json_string_value(json_object_get(j, "risk_level")), "high");
	ns = json_object_get(j, "number_of_subjects");
	assert_true(json_is_null(json_object_get(ns, "count")));
	r = json_array_get(json_object_get(j, "reasons"), 0);
	assert_string_equal(
	    json_string_value(json_object_get(r, "id")), "document");
	assert_non_null(strstr(
	    json_string_value(json_object_get(r, "cite")), "Art. 33(5)"));
	json_decref(j);

	load_file("tests/data/seed-003-c.json", a, &f);
	f.subjects_n = 120;
	risk_assess(&f, &as);
	j = assessment_to_json(&as);
	check_complete(j);
	assert_string_equal(
	    json_string_value(json_object_get(j, "notify_authority")),
	    "borderline");
	ns = json_object_get(j, "number_of_subjects");
	assert_int_equal(json_integer_value(json_object_get(ns, "count")), 120);
	assert_non_null(strstr(
	    json_string_value(json_object_get(ns, "de")), "120 Personen"));
	json_decref(j);
	arena_free(a);
}

const struct CMUnitTest risk_tests[] = {
	cmocka_unit_test(test_seed_cases),
	cmocka_unit_test(test_seed_a_details),
	cmocka_unit_test(test_rule_cases),
	cmocka_unit_test(test_processor_duty),
	cmocka_unit_test(test_no_single_keyword),
	cmocka_unit_test(test_property_monotone),
	cmocka_unit_test(test_property_sota),
	cmocka_unit_test(test_property_complete),
	cmocka_unit_test(test_would_change_key),
	cmocka_unit_test(test_would_change_reproduces),
	cmocka_unit_test(test_enisa_bands),
	cmocka_unit_test(test_enisa_dpc),
	cmocka_unit_test(test_facts_adjustments),
	cmocka_unit_test(test_facts_adjustments_roundtrip),
	cmocka_unit_test(test_json_keys),
};

const size_t risk_tests_n = nitems(risk_tests);
