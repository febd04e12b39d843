#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Generate N synthetic breachkit facts documents as JSONL.

Usage: gen-incidents.py [-n N] [--seed S] [--now ISO] [-o FILE]

One JSON object per line in the facts format (docs/facts.md,
`breachkit schema facts`), ready for `breachkit incident import FILE`.
The output is a function of N, the seed and --now (default: the real
clock, minus two hours so that no time lies in the future when the file
is imported a little later).  Every time lies within the year before
--now, occurred_from <= discovered_at <= aware_at, and every organisation,
system and place is obviously fictional: no real names or e-mail
addresses appear.  Standard library only.
"""

import argparse
import datetime as dt
import json
import random
import sys

ORGS = [
    "Example Widgets Ltd", "Fictional Logistics Co", "Placeholder Health Clinic",
    "Sample Savings Bank", "Demo Insurance Mutual", "Imaginary University",
    "Testville Municipal Office", "Mock Telecom Services", "Dummy Retail Chain",
    "Specimen Staffing Agency",
]
SYSTEMS = [
    "customer portal", "payroll system", "CRM", "ticket tracker",
    "file share", "e-mail gateway", "backup server", "web shop",
    "patient records system", "HR database", "newsletter tool",
    "mobile app backend", "data warehouse", "laptop fleet", "archive room",
]
TITLES = [
    "Misdirected e-mail with {thing} attached",
    "Ransomware on the {sys}",
    "Lost laptop with {thing}",
    "Unauthorised access to the {sys}",
    "Phishing: mailbox compromise in {dept}",
    "Misconfigured storage bucket exposed {thing}",
    "Stolen paper files from {dept}",
    "Outage of the {sys} lost recent entries",
    "Credential stuffing against the {sys}",
    "Letters sent to the wrong recipients by {dept}",
    "SQL injection in the {sys}",
    "Improper disposal of {thing}",
]
THINGS = [
    "a customer list", "payslips", "application documents", "order history",
    "support tickets", "invoices", "a membership roster", "lab results",
    "contract scans", "account statements",
]
DEPTS = [
    "accounting", "customer service", "HR", "sales", "the front desk",
    "logistics", "IT operations", "marketing",
]
SENTENCES = [
    "A staff member of {org} noticed unusual activity in the {sys} and "
    "raised a ticket with the service desk.",
    "The affected records were held in the {sys}, which is operated for "
    "{org} by an external service provider.",
    "Initial analysis suggests the problem began some days before it was "
    "noticed; log retention limits how far back we can look.",
    "The incident response team isolated the affected hosts and rotated "
    "the credentials involved.",
    "No evidence has so far been found that the data was published, but "
    "the investigation is still ongoing.",
    "The department head of {dept} was informed the same day and the "
    "data protection officer was consulted.",
    "A forensic copy of the relevant systems was taken before they were "
    "restored from backup.",
    "Affected people are being identified by matching the exported rows "
    "against the customer master data.",
    "This is a synthetic incident generated for benchmarking; all names "
    "and organisations are fictional.",
]
ROLES = ["controller"] * 14 + ["processor"] * 3 + ["joint_controller", "unknown"]
SECTORS = ["health_care", "social_services", "finance", "insurance",
           "education", "public_administration", "telecom", "online_service",
           "retail", "employment", "research", "other"]
DISCOVERY = ["internal_monitoring", "employee", "processor", "data_subject",
             "third_party", "authority", "media", "attacker", "audit",
             "other", "unknown"]
NATURE_TYPE = ["misdirected", "unauthorised_disclosure", "unauthorised_access",
               "lost_device", "stolen_device", "paper", "hacking",
               "improper_disposal", "publication", "outage", "destruction",
               "alteration", "other", "unknown"]
INTENT = ["accidental", "malicious", "unknown"]
ORIGIN = ["internal", "external", "unknown"]
ATTACK = ["none", "ransomware", "phishing", "credential_stuffing",
          "brute_force", "malware", "exploit", "sql_injection",
          "social_engineering", "mailbox_compromise", "insider",
          "physical_theft", "other", "unknown"]
DATA_CATS = ["contact", "identity", "id_documents", "national_id",
             "credentials", "financial", "bank_account", "payment_card",
             "order", "location", "behavioural", "communication",
             "employment", "education", "images", "health", "biometric",
             "religious_beliefs", "trade_union", "criminal", "children"]
IDENTIFIERS = ["name", "email", "postal_address", "phone", "date_of_birth",
               "id_number", "customer_number", "username", "pseudonym",
               "ip_address", "device_id"]
SUBJ_CATS = ["customers", "prospects", "users", "subscribers", "employees",
             "applicants", "patients", "children", "students",
             "vulnerable_adults", "members", "citizens", "business_contacts"]
ENCRYPTION = ["none", "weak", "state_of_the_art", "unknown"]
PW = ["not_applicable", "plaintext", "unsalted_hash", "salted_modern_hash",
      "unknown"]
UNLOCK = ["same_service", "email", "financial", "health", "admin",
          "other_services"]
RECIPIENTS = ["none", "trusted", "known", "unidentified", "public", "unknown"]
CONSEQ = ["loss_of_control", "limitation_of_rights", "discrimination",
          "identity_theft", "financial_loss", "reputational_damage",
          "professional_secrecy", "economic_social_disadvantage",
          "physical_harm", "distress"]
EEA = ["DE", "AT", "FR", "NL", "BE", "IT", "ES", "PL", "SE", "DK", "IE", "LU"]
PROCESSORS = ["Acme Hosting (fictional)", "Example Cloud Services",
              "Placeholder Payroll Bureau", "Sample Mailing Provider",
              "Demo Print Shop"]
AUTHORITIES = ["Example State Data Protection Authority",
               "Fictional Federal Commissioner", "Sample Supervisory Office"]
OFFSETS = [dt.timedelta(hours=h) for h in (1, 1, 1, 2, 2, 0, -5, 9, 5.5)]


def tri(r, p_true=0.4, p_false=0.4):
    x = r.random()
    return True if x < p_true else False if x < p_true + p_false else None


def iso(t, off):
    """t: aware UTC datetime; off: timedelta; ISO 8601 with that offset."""
    return t.astimezone(dt.timezone(off)).isoformat(timespec="seconds")


def some(r, pool, lo, hi):
    return r.sample(pool, r.randint(lo, hi))


def incident(r, now):
    org, sys_, dept = r.choice(ORGS), r.choice(SYSTEMS), r.choice(DEPTS)
    fmt = dict(org=org, sys=sys_, dept=dept, thing=r.choice(THINGS))
    title = r.choice(TITLES).format(**fmt)
    desc = " ".join(s.format(**fmt) for s in some(r, SENTENCES, 2, 4))
    off = r.choice(OFFSETS)
    # discovered within the past year (but at least an hour ago)
    disc = now - dt.timedelta(seconds=r.randint(3600, 365 * 86400))
    aware = disc + dt.timedelta(seconds=r.choice(
        (0, r.randint(60, 3600), r.randint(3600, 3 * 86400))))
    if aware > now:
        aware = disc
    occ_from = disc - dt.timedelta(seconds=r.randint(0, 30 * 86400))
    role = r.choice(ROLES)
    timeline = {"discovered_at": iso(disc, off),
                "discovery": r.choice(DISCOVERY),
                "discovery_text": "Reported via the "
                                  + r.choice(("hotline", "ticket system",
                                              "SOC", "contact form")) + "."}
    if r.random() < 0.95:       # awareness is usually established
        timeline["aware_at"] = iso(aware, off)
    if r.random() < 0.7:
        timeline["occurred_from"] = iso(occ_from, off)
        ongoing = r.random() < 0.1
        timeline["ongoing"] = ongoing
        if not ongoing:
            timeline["occurred_to"] = iso(
                occ_from + (disc - occ_from) * r.random(), off)
    if role == "processor":
        timeline["processor_informed_at"] = timeline.get(
            "aware_at", timeline["discovered_at"])
    n_subj = r.choice((r.randint(1, 50), r.randint(50, 5000),
                       r.randint(5000, 2000000)))
    doc = {
        "title": title,
        "description": desc,
        "role": role,
        "sectors": some(r, SECTORS, 0, 2),
        "system_criticality": r.choice(("low", "medium", "high", "critical",
                                        "unknown")),
        "reporter": {"function": r.choice(("IT security", "service desk",
                                           "DPO office", "team lead"))},
        "timeline": timeline,
        "nature": {"confidentiality": tri(r, 0.8, 0.15),
                   "integrity": tri(r, 0.2, 0.6),
                   "availability": tri(r, 0.3, 0.6),
                   "type": r.choice(NATURE_TYPE)},
        "cause": {"intent": r.choice(INTENT), "origin": r.choice(ORIGIN),
                  "attack": r.choice(ATTACK), "cyber_incident": tri(r)},
        "data": {"categories": some(r, DATA_CATS, 1, 5),
                 "identifiers": some(r, IDENTIFIERS, 1, 4),
                 "text": "Records from the " + sys_ + "."},
        "subjects": {"categories": some(r, SUBJ_CATS, 1, 3),
                     "count": n_subj,
                     "count_is_estimate": r.random() < 0.5,
                     "records": n_subj * r.randint(1, 5),
                     "records_is_estimate": r.random() < 0.5,
                     "countries": some(r, EEA, 1, 3),
                     "contact_available": tri(r, 0.7, 0.2),
                     "disproportionate_effort": tri(r, 0.1, 0.6)},
        "protection": {"encryption": r.choice(ENCRYPTION),
                       "key_compromised": tri(r, 0.1, 0.6),
                       "pseudonymised": tri(r, 0.2, 0.6),
                       "password_storage": r.choice(PW),
                       "credentials_unlock": some(r, UNLOCK, 0, 2),
                       "backup_available": tri(r, 0.6, 0.2),
                       "restore_time": r.choice(("PT4H", "PT30M", "P1D",
                                                 "P2DT6H", None))},
        "exposure": {"exfiltrated": tri(r, 0.3, 0.4),
                     "recipients": r.choice(RECIPIENTS),
                     "already_public": tri(r, 0.05, 0.8),
                     "misuse_observed": tri(r, 0.1, 0.6)},
        "consequences": {"likely": some(r, CONSEQ, 0, 3),
                         "occurred": some(r, CONSEQ, 0, 1),
                         "text": "Possible " + r.choice(
                             ("phishing follow-ups", "embarrassment",
                              "fraud attempts", "loss of access")) + "."},
        "measures": {"taken": "Access revoked; " + sys_ + " patched.",
                     "planned": "Review of access rights in " + dept + ".",
                     "neutralise_high_risk": tri(r, 0.2, 0.5),
                     "law_enforcement_delay": tri(r, 0.02, 0.9),
                     "police_report": tri(r, 0.2, 0.6)},
        "jurisdiction": {"eea_establishment": tri(r, 0.9, 0.05),
                         "art3_2": tri(r, 0.1, 0.7),
                         "cross_border": tri(r, 0.2, 0.7),
                         "competent_authority": r.choice(AUTHORITIES)},
    }
    if role == "processor" or r.random() < 0.2:
        doc["processors"] = some(r, PROCESSORS, 1, 2)
    if r.random() < 0.1:
        doc["regimes"] = ["gdpr", "tkg"]
    return doc


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=20260001)
    ap.add_argument("--now", help="reference time, ISO 8601 with offset")
    ap.add_argument("-o", "--out", default="-")
    a = ap.parse_args()
    if a.now:
        now = dt.datetime.fromisoformat(a.now)
    else:
        now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=2)
    now = now.replace(microsecond=0)
    r = random.Random(a.seed)
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8")
    with out:
        for _ in range(a.n):
            out.write(json.dumps(incident(r, now), separators=(",", ":"),
                                 ensure_ascii=False))
            out.write("\n")


if __name__ == "__main__":
    main()
