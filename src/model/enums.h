/* SPDX-License-Identifier: MIT */
/*
 * model/enums.h: every enumerated fact as an X-macro list.  One list feeds
 * the C enum, the JSON names, the English and German labels, the JSON
 * Schema and docs/facts.md.  Each single-valued list starts with UNKNOWN:
 * unknown is a value of its own, never silently "no".
 *
 * X(NAME, "json", "English label", "German label")
 */
#ifndef BREACHKIT_ENUMS_H
#define BREACHKIT_ENUMS_H

#define ROLE_LIST(X)                                                  \
	X(UNKNOWN, "unknown", "unknown", "unbekannt")                 \
	X(CONTROLLER, "controller", "controller", "Verantwortlicher") \
	X(PROCESSOR, "processor", "processor", "Auftragsverarbeiter") \
	X(JOINT, "joint_controller", "joint controller",              \
	    "gemeinsam Verantwortlicher")

#define TEXT_LANG_LIST(X)                             \
	X(UNKNOWN, "unknown", "unknown", "unbekannt") \
	X(DE, "de", "German", "Deutsch")              \
	X(EN, "en", "English", "Englisch")

#define SECTOR_LIST(X)                                                   \
	X(HEALTH, "health_care", "health care", "Gesundheitswesen")      \
	X(SOCIAL, "social_services", "social services", "Sozialwesen")   \
	X(FINANCE, "finance", "finance and banking", "Finanzwesen")      \
	X(INSURANCE, "insurance", "insurance", "Versicherung")           \
	X(EDUCATION, "education", "education", "Bildung")                \
	X(PUBLIC, "public_administration", "public administration",      \
	    "öffentliche Verwaltung")                                    \
	X(TELECOM, "telecom", "telecommunications", "Telekommunikation") \
	X(ONLINE, "online_service", "online service", "Online-Dienst")   \
	X(RETAIL, "retail", "retail and e-commerce", "Handel")           \
	X(EMPLOYMENT, "employment", "employment and HR services",        \
	    "Personaldienstleistung")                                    \
	X(LEGAL, "legal_professional", "legal or professional secrecy",  \
	    "Berufsgeheimnisträger")                                     \
	X(CHURCH, "church", "church or religious body",                  \
	    "Kirche oder Religionsgemeinschaft")                         \
	X(POLITICAL, "political", "political party or union",            \
	    "Partei oder Gewerkschaft")                                  \
	X(RESEARCH, "research", "research", "Forschung")                 \
	X(OTHER, "other", "other", "sonstige")

#define DISCOVERY_LIST(X)                                           \
	X(UNKNOWN, "unknown", "unknown", "unbekannt")               \
	X(MONITORING, "internal_monitoring", "internal monitoring", \
	    "interne Überwachung")                                  \
	X(EMPLOYEE, "employee", "reported by an employee",          \
	    "Meldung eines Beschäftigten")                          \
	X(PROCESSOR, "processor", "reported by a processor",        \
	    "Meldung eines Auftragsverarbeiters")                   \
	X(SUBJECT, "data_subject", "reported by a data subject",    \
	    "Hinweis einer betroffenen Person")                     \
	X(THIRD, "third_party", "reported by a third party",        \
	    "Hinweis eines Dritten")                                \
	X(AUTHORITY, "authority", "informed by an authority",       \
	    "Hinweis einer Behörde")                                \
	X(MEDIA, "media", "media report", "Medienbericht")          \
	X(ATTACKER, "attacker", "attacker's claim or ransom note",  \
	    "Bekennung oder Lösegeldforderung")                     \
	X(AUDIT, "audit", "audit", "Prüfung")                       \
	X(OTHER, "other", "other", "sonstige")

#define BREACH_TYPE_LIST(X)                                                 \
	X(UNKNOWN, "unknown", "unknown", "unbekannt")                       \
	X(MISDIRECTED, "misdirected", "misdirected post or e-mail",         \
	    "Fehlversendung")                                               \
	X(DISCLOSURE, "unauthorised_disclosure", "unauthorised disclosure", \
	    "unberechtigte Weitergabe")                                     \
	X(ACCESS, "unauthorised_access", "unauthorised access",             \
	    "unberechtigter Zugriff")                                       \
	X(LOST_DEVICE, "lost_device", "lost device or data carrier",        \
	    "Verlust eines Geräts oder Datenträgers")                       \
	X(STOLEN_DEVICE, "stolen_device", "stolen device or data carrier",  \
	    "Diebstahl eines Geräts oder Datenträgers")                     \
	X(PAPER, "paper", "lost or stolen paper files",                     \
	    "Verlust von Papierunterlagen")                                 \
	X(HACKING, "hacking", "hacking", "Hacking")                         \
	X(SKIMMING, "skimming", "skimming or spying", "Ausspähen/Skimming") \
	X(DISPOSAL, "improper_disposal", "improper disposal",               \
	    "unsachgemäße Entsorgung")                                      \
	X(PUBLICATION, "publication", "published by mistake",               \
	    "versehentliche Veröffentlichung")                              \
	X(OUTAGE, "outage", "outage or system failure",                     \
	    "Ausfall oder Systemfehler")                                    \
	X(DESTRUCTION, "destruction", "destruction of data",                \
	    "Vernichtung von Daten")                                        \
	X(ALTERATION, "alteration", "unauthorised alteration",              \
	    "unberechtigte Veränderung")                                    \
	X(OTHER, "other", "other", "sonstige")

#define INTENT_LIST(X)                                             \
	X(UNKNOWN, "unknown", "unknown", "unbekannt")              \
	X(ACCIDENTAL, "accidental", "accidental", "versehentlich") \
	X(MALICIOUS, "malicious", "malicious", "vorsätzlich")

#define ORIGIN_LIST(X)                                \
	X(UNKNOWN, "unknown", "unknown", "unbekannt") \
	X(INTERNAL, "internal", "internal", "intern") \
	X(EXTERNAL, "external", "external", "extern")

#define ATTACK_LIST(X)                                                         \
	X(UNKNOWN, "unknown", "unknown", "unbekannt")                          \
	X(NONE, "none", "no attack", "kein Angriff")                           \
	X(RANSOMWARE, "ransomware", "ransomware", "Ransomware")                \
	X(PHISHING, "phishing", "phishing", "Phishing")                        \
	X(STUFFING, "credential_stuffing", "credential stuffing",              \
	    "Credential Stuffing")                                             \
	X(BRUTE, "brute_force", "brute force", "Brute Force")                  \
	X(MALWARE, "malware", "malware", "Schadsoftware")                      \
	X(EXPLOIT, "exploit", "exploited vulnerability",                       \
	    "ausgenutzte Schwachstelle")                                       \
	X(INJECTION, "sql_injection", "SQL injection", "SQL-Injection")        \
	X(SOCIAL, "social_engineering", "social engineering",                  \
	    "Social Engineering")                                              \
	X(BEC, "mailbox_compromise", "mailbox compromise",                     \
	    "kompromittiertes Postfach")                                       \
	X(DDOS, "ddos", "denial of service", "Denial of Service")              \
	X(INSIDER, "insider", "insider misuse", "Missbrauch durch Innentäter") \
	X(THEFT, "physical_theft", "physical theft", "Diebstahl")              \
	X(OTHER, "other", "other", "sonstige")

/* The data taxonomy: Art. 9 categories by name, Art. 10, children. */
#define DATA_CAT_LIST(X)                                                      \
	X(CONTACT, "contact", "contact data (name, address, e-mail, phone)",  \
	    "Kontaktdaten (Name, Anschrift, E-Mail, Telefon)")                \
	X(IDENTITY, "identity", "identity data (date of birth, ...)",         \
	    "Identitätsdaten (Geburtsdatum, ...)")                            \
	X(ID_DOCUMENT, "id_documents", "identification documents",            \
	    "Ausweisdokumente")                                               \
	X(NATIONAL_ID, "national_id",                                         \
	    "national identifiers (tax, social "                              \
	    "security)",                                                      \
	    "staatliche Kennnummern (Steuer-ID, SV-Nummer)")                  \
	X(CREDENTIALS, "credentials", "credentials (user names, passwords)",  \
	    "Zugangsdaten (Benutzernamen, Passwörter)")                       \
	X(FINANCIAL, "financial", "financial data", "Finanzdaten")            \
	X(BANK, "bank_account", "bank account data", "Bankverbindungsdaten")  \
	X(CARD, "payment_card", "payment card data", "Kreditkartendaten")     \
	X(ORDER, "order", "order and contract data",                          \
	    "Bestell- und Vertragsdaten")                                     \
	X(LOCATION, "location", "location data", "Standortdaten")             \
	X(BEHAVIOURAL, "behavioural", "behavioural and usage data",           \
	    "Verhaltens- und Nutzungsdaten")                                  \
	X(COMMUNICATION, "communication", "content of communications",        \
	    "Kommunikationsinhalte")                                          \
	X(EMPLOYMENT, "employment", "employment data", "Beschäftigtendaten")  \
	X(EDUCATION, "education", "education records", "Bildungsdaten")       \
	X(IMAGES, "images", "photos and video", "Fotos und Videos")           \
	X(RACIAL, "racial_ethnic_origin", "racial or ethnic origin (Art. 9)", \
	    "rassische oder ethnische Herkunft (Art. 9)")                     \
	X(POLITICAL, "political_opinions", "political opinions (Art. 9)",     \
	    "politische Meinungen (Art. 9)")                                  \
	X(RELIGIOUS, "religious_beliefs",                                     \
	    "religious or philosophical beliefs (Art. 9)",                    \
	    "religiöse oder weltanschauliche Überzeugungen (Art. 9)")         \
	X(UNION, "trade_union", "trade union membership (Art. 9)",            \
	    "Gewerkschaftszugehörigkeit (Art. 9)")                            \
	X(GENETIC, "genetic", "genetic data (Art. 9)",                        \
	    "genetische Daten (Art. 9)")                                      \
	X(BIOMETRIC, "biometric",                                             \
	    "biometric data for identification "                              \
	    "(Art. 9)",                                                       \
	    "biometrische Daten zur Identifizierung (Art. 9)")                \
	X(HEALTH, "health", "health data (Art. 9)",                           \
	    "Gesundheitsdaten (Art. 9)")                                      \
	X(SEX, "sex_life_orientation",                                        \
	    "sex life or sexual orientation "                                 \
	    "(Art. 9)",                                                       \
	    "Sexualleben oder sexuelle Orientierung (Art. 9)")                \
	X(CRIMINAL, "criminal",                                               \
	    "criminal convictions and offences "                              \
	    "(Art. 10)",                                                      \
	    "strafrechtliche Verurteilungen und Straftaten "                  \
	    "(Art. 10)")                                                      \
	X(CHILDREN, "children", "children's data", "Daten von Kindern")       \
	X(OTHER, "other", "other", "sonstige")

#define SUBJECT_CAT_LIST(X)                                        \
	X(CUSTOMERS, "customers", "customers", "Kunden")           \
	X(PROSPECTS, "prospects", "prospects", "Interessenten")    \
	X(USERS, "users", "users", "Nutzer")                       \
	X(SUBSCRIBERS, "subscribers", "subscribers", "Abonnenten") \
	X(EMPLOYEES, "employees", "employees", "Beschäftigte")     \
	X(APPLICANTS, "applicants", "job applicants", "Bewerber")  \
	X(PATIENTS, "patients", "patients", "Patienten")           \
	X(CHILDREN, "children", "children", "Kinder")              \
	X(STUDENTS, "students", "pupils and students",             \
	    "Schüler und Studierende")                             \
	X(VULNERABLE, "vulnerable_adults", "vulnerable adults",    \
	    "schutzbedürftige Erwachsene")                         \
	X(MEMBERS, "members", "members", "Mitglieder")             \
	X(CITIZENS, "citizens", "citizens", "Bürger")              \
	X(BUSINESS, "business_contacts", "business contacts",      \
	    "geschäftliche Ansprechpartner")                       \
	X(OTHER, "other", "other", "sonstige")

#define ENCRYPTION_LIST(X)                                               \
	X(UNKNOWN, "unknown", "unknown", "unbekannt")                    \
	X(NONE, "none", "not encrypted", "unverschlüsselt")              \
	X(WEAK, "weak", "encrypted, not to the state of the art",        \
	    "verschlüsselt, nicht nach Stand der Technik")               \
	X(SOTA, "state_of_the_art", "encrypted to the state of the art", \
	    "nach dem Stand der Technik verschlüsselt")

#define PWSTORE_LIST(X)                                       \
	X(UNKNOWN, "unknown", "unknown", "unbekannt")         \
	X(NA, "not_applicable", "no passwords involved",      \
	    "keine Passwörter betroffen")                     \
	X(PLAINTEXT, "plaintext", "plaintext or reversible",  \
	    "Klartext oder umkehrbar")                        \
	X(UNSALTED, "unsalted_hash", "unsalted or fast hash", \
	    "ungesalzener oder schneller Hash")               \
	X(SALTED, "salted_modern_hash",                       \
	    "salted modern hash (bcrypt, scrypt, "            \
	    "Argon2)",                                        \
	    "gesalzener moderner Hash (bcrypt, scrypt, Argon2)")

#define RECIPIENTS_LIST(X)                                           \
	X(UNKNOWN, "unknown", "not known yet", "noch nicht bekannt") \
	X(NONE, "none", "nobody", "niemand")                         \
	X(TRUSTED, "trusted", "known and trusted recipients",        \
	    "bekannte, vertrauenswürdige Empfänger")                 \
	X(KNOWN, "known", "known recipients", "bekannte Empfänger")  \
	X(UNIDENTIFIED, "unidentified", "unidentified recipients",   \
	    "unbekannte Empfänger")                                  \
	X(PUBLIC, "public", "the public", "die Öffentlichkeit")

#define UNLOCKS_LIST(X)                                                      \
	X(SAME, "same_service", "only the breached service",                 \
	    "nur der betroffene Dienst")                                     \
	X(EMAIL, "email", "e-mail accounts", "E-Mail-Konten")                \
	X(FINANCIAL, "financial", "financial accounts", "Finanzkonten")      \
	X(HEALTH, "health", "health records", "Gesundheitsakten")            \
	X(ADMIN, "admin", "administrative access", "administrativer Zugang") \
	X(OTHER, "other_services", "other services (password reuse)",        \
	    "andere Dienste (Passwort-Wiederverwendung)")

#define IDENT_LIST(X)                                                         \
	X(NAME, "name", "name", "Name")                                       \
	X(EMAIL, "email", "e-mail address", "E-Mail-Adresse")                 \
	X(ADDRESS, "postal_address", "postal address", "Postanschrift")       \
	X(PHONE, "phone", "phone number", "Telefonnummer")                    \
	X(DOB, "date_of_birth", "date of birth", "Geburtsdatum")              \
	X(ID_NUMBER, "id_number", "ID document or national number",           \
	    "Ausweis- oder Kennnummer")                                       \
	X(CUSTOMER_NO, "customer_number", "customer number", "Kundennummer")  \
	X(USERNAME, "username", "user name", "Benutzername")                  \
	X(PSEUDONYM, "pseudonym", "pseudonym or code", "Pseudonym oder Code") \
	X(PHOTO, "photo", "photo", "Foto")                                    \
	X(IP, "ip_address", "IP address", "IP-Adresse")                       \
	X(DEVICE, "device_id", "device identifier", "Gerätekennung")

#define CRITICALITY_LIST(X)                                     \
	X(UNKNOWN, "unknown", "unknown", "unbekannt")           \
	X(LOW, "low", "low", "gering")                          \
	X(MEDIUM, "medium", "medium", "mittel")                 \
	X(HIGH, "high", "high", "hoch")                         \
	X(CRITICAL, "critical", "critical (e.g. patient care)", \
	    "kritisch (z. B. Patientenversorgung)")

/* Recital 85, plus physical harm and distress. */
#define CONSEQ_LIST(X)                                                        \
	X(LOSS_CONTROL, "loss_of_control", "loss of control over their data", \
	    "Kontrollverlust über die eigenen Daten")                         \
	X(RIGHTS, "limitation_of_rights", "limitation of their rights",       \
	    "Einschränkung ihrer Rechte")                                     \
	X(DISCRIMINATION, "discrimination", "discrimination",                 \
	    "Diskriminierung")                                                \
	X(IDENTITY_THEFT, "identity_theft", "identity theft or fraud",        \
	    "Identitätsdiebstahl oder -betrug")                               \
	X(FINANCIAL_LOSS, "financial_loss", "financial loss",                 \
	    "finanzielle Verluste")                                           \
	X(REPUTATION, "reputational_damage", "damage to reputation",          \
	    "Rufschädigung")                                                  \
	X(SECRECY, "professional_secrecy",                                    \
	    "loss of confidentiality of "                                     \
	    "professional secrets",                                           \
	    "Verlust der Vertraulichkeit von "                                \
	    "Berufsgeheimnissen")                                             \
	X(REIDENT, "reversal_of_pseudonymisation",                            \
	    "unauthorised reversal "                                          \
	    "of pseudonymisation",                                            \
	    "unbefugte Aufhebung der "                                        \
	    "Pseudonymisierung")                                              \
	X(DISADVANTAGE, "economic_social_disadvantage",                       \
	    "other significant "                                              \
	    "economic or social disadvantage",                                \
	    "andere erhebliche "                                              \
	    "wirtschaftliche oder gesellschaftliche Nachteile")               \
	X(PHYSICAL, "physical_harm", "physical harm", "körperlicher Schaden") \
	X(DISTRESS, "distress", "distress", "psychische Belastung")

#endif
