/* SPDX-License-Identifier: MIT */
/*
 * risk/risk_int.h: what the files of the risk engine share: the reason
 * table (stable id, argument kind, English, German, citation), the data
 * taxonomy's mapping onto ENISA categories and legal severity, and the
 * internal entry points of edpb.c and enisa.c.
 */
#ifndef BREACHKIT_RISK_INT_H
#define BREACHKIT_RISK_INT_H

#include "risk/risk.h"

/* What the single "{}" in a reason text is replaced with. */
enum reason_arg {
	RA_NONE,
	RA_DATA,   /* enum data_cat label */
	RA_SECTOR, /* enum sector label */
	RA_CRIT,   /* enum criticality label */
	RA_COUNT,  /* a number */
	RA_BAND    /* enum enisa_band label */
};

/*
 * X(ID, "stable.id", argument, "English", "Deutsch", "citation").  The
 * stable id appears in the JSON and never changes meaning; the texts may
 * be improved.  Entry 0 is the "no reason" sentinel.
 */
#define REASON_LIST(X)                                                              \
	X(NIL, "", RA_NONE, "", "", "")                                             \
	X(NOT_BREACH_CIA, "breach.no_cia", RA_NONE,                                 \
	    "Neither the confidentiality, the integrity nor the availability "      \
	    "of personal data was affected: this is not a personal data "           \
	    "breach. Keep the incident on record anyway.",                          \
	    "Weder Vertraulichkeit noch Integrität noch Verfügbarkeit "           \
	    "personenbezogener Daten waren betroffen: keine Verletzung des "        \
	    "Schutzes personenbezogener Daten. Den Vorfall trotzdem "               \
	    "festhalten.",                                                          \
	    "Art. 4(12) GDPR; EDPB 9/2022 I.B")                                     \
	X(NOT_BREACH_NO_DATA, "breach.no_personal_data", RA_NONE,                   \
	    "No personal data is concerned: this is not a personal data "           \
	    "breach.",                                                              \
	    "Es sind keine personenbezogenen Daten betroffen: keine "               \
	    "Verletzung des Schutzes personenbezogener Daten.",                     \
	    "Art. 4(1), 4(12) GDPR")                                                \
	X(DOCUMENT, "document", RA_NONE,                                            \
	    "Document the breach in the internal register with its facts, "         \
	    "effects, remedial action and the reasoning behind each "               \
	    "decision, whether or not it is notified.",                             \
	    "Die Verletzung mit Sachverhalt, Auswirkungen, Abhilfemaßnahmen "      \
	    "und der Begründung jeder Entscheidung intern dokumentieren, ob "      \
	    "gemeldet oder nicht.",                                                 \
	    "Art. 33(5) GDPR; EDPB 9/2022 V.A")                                     \
	X(METHOD, "method", RA_NONE,                                                \
	    "Risk is weighed as the severity of the possible consequences "         \
	    "times their likelihood, separately for confidentiality, "              \
	    "integrity and availability, with all factors together.",               \
	    "Das Risiko ergibt sich aus der Schwere möglicher Folgen und "         \
	    "ihrer Eintrittswahrscheinlichkeit, getrennt für Vertraulichkeit, "    \
	    "Integrität und Verfügbarkeit, unter Abwägung aller Faktoren.",         \
	    "Recitals 75, 76 GDPR; EDPB 9/2022 IV.A, IV.B")                         \
	X(C_ASSUMED, "confidentiality.assumed", RA_NONE,                            \
	    "Whether confidentiality was affected is unknown: assessed as if "      \
	    "it was (in doubt, notify).",                                           \
	    "Ob die Vertraulichkeit verletzt wurde, ist unbekannt: so "             \
	    "bewertet, als wäre sie es (im Zweifel melden).",                       \
	    "Art. 33(1) GDPR; EDPB 9/2022 IV.B")                                    \
	X(I_ASSUMED, "integrity.assumed", RA_NONE,                                  \
	    "Whether data was altered is unknown: assessed as if it was.",          \
	    "Ob Daten verändert wurden, ist unbekannt: so bewertet, als wäre "    \
	    "es so.",                                                               \
	    "Art. 33(1) GDPR; EDPB 9/2022 IV.B")                                    \
	X(A_ASSUMED, "availability.assumed", RA_NONE,                               \
	    "Whether availability was affected is unknown: assessed as if it "      \
	    "was.",                                                                 \
	    "Ob die Verfügbarkeit betroffen war, ist unbekannt: so bewertet, "     \
	    "als wäre sie es.",                                                     \
	    "Art. 33(1) GDPR; EDPB 9/2022 IV.B")                                    \
	X(DATA_WORST, "data.most_sensitive", RA_DATA,                               \
	    "The most sensitive data concerned: {}.",                               \
	    "Die sensibelsten betroffenen Daten: {}.",                              \
	    "EDPB 9/2022 IV.B (nature, sensitivity and volume of the data)")        \
	X(DATA_UNKNOWN, "data.unknown", RA_NONE,                                    \
	    "The categories of data are unknown: weighed as if identity or "        \
	    "financial data were concerned.",                                       \
	    "Die Datenkategorien sind unbekannt: so gewichtet, als wären "         \
	    "Identitäts- oder Finanzdaten betroffen.",                              \
	    "EDPB 9/2022 IV.B")                                                     \
	X(SPECIAL, "data.special_categories", RA_NONE,                              \
	    "Special categories of data (Art. 9) or data on criminal "              \
	    "offences (Art. 10) make damage likely if the data is read; this "      \
	    "is weighed with how likely that is, not on its own.",                  \
	    "Besondere Kategorien (Art. 9) oder Daten über Straftaten "            \
	    "(Art. 10) machen Schäden wahrscheinlich, wenn die Daten zur "         \
	    "Kenntnis gelangen; gewichtet wird mit der Wahrscheinlichkeit "         \
	    "dafür, nicht für sich allein.",                                        \
	    "Art. 9, 10 GDPR; Recital 75 GDPR; EDPB 9/2022 IV.B")                   \
	X(ID_FRAUD, "data.identity_documents", RA_NONE,                             \
	    "Identity documents or national identifiers allow identity theft "      \
	    "or fraud.",                                                            \
	    "Ausweisdokumente oder staatliche Kennnummern ermöglichen "            \
	    "Identitätsdiebstahl oder -betrug.",                                    \
	    "Recital 85 GDPR; EDPB 9/2022 IV.B")                                    \
	X(COMBINATION, "data.combination", RA_NONE,                                 \
	    "Identity data together with contact data makes identity fraud "        \
	    "easier.",                                                              \
	    "Identitätsdaten zusammen mit Kontaktdaten erleichtern "               \
	    "Identitätsbetrug.",                                                    \
	    "EDPB 9/2022 IV.B (combination of data)")                               \
	X(PW_PLAIN, "passwords.plaintext", RA_NONE,                                 \
	    "Passwords were stored in plaintext or reversibly: they can be "        \
	    "used at once.",                                                        \
	    "Passwörter lagen im Klartext oder umkehrbar vor: sie sind "           \
	    "sofort nutzbar.",                                                      \
	    "Art. 32 GDPR; EDPB 01/2021 case 6")                                    \
	X(PW_FAST, "passwords.fast_hash", RA_NONE,                                  \
	    "Passwords were hashed without salt or with a fast hash: they "         \
	    "can be cracked.",                                                      \
	    "Passwörter waren ungesalzen oder mit einem schnellen Verfahren "      \
	    "gehasht: sie lassen sich knacken.",                                    \
	    "Art. 32 GDPR; EDPB 01/2021 case 6")                                    \
	X(PW_SALTED, "passwords.salted_hash", RA_NONE,                              \
	    "Passwords were stored as salted hashes of a modern algorithm: "        \
	    "they are essentially unintelligible, and the risk comes from "         \
	    "the other data.",                                                      \
	    "Passwörter lagen als gesalzene Hashes eines modernen Verfahrens "     \
	    "vor: praktisch unverständlich; das Risiko folgt aus den übrigen "    \
	    "Daten.",                                                               \
	    "EDPB 9/2022 II.D; EDPB 01/2021 case 6")                                \
	X(PW_UNKNOWN, "passwords.unknown", RA_NONE,                                 \
	    "How the passwords were stored is unknown: treated as plaintext.",      \
	    "Wie die Passwörter gespeichert waren, ist unbekannt: wie "            \
	    "Klartext behandelt.",                                                  \
	    "EDPB 9/2022 IV.B")                                                     \
	X(UNLOCK_UNKNOWN, "credentials.unlock_unknown", RA_NONE,                    \
	    "What the credentials give access to is unknown: treated as "           \
	    "access to other services (password reuse).",                           \
	    "Wozu die Zugangsdaten Zugang geben, ist unbekannt: wie Zugang zu "     \
	    "anderen Diensten behandelt (Passwort-Wiederverwendung).",              \
	    "EDPB 9/2022 IV.B; ENISA 2013 (credentials)")                           \
	X(VULNERABLE, "subjects.vulnerable", RA_NONE,                               \
	    "Children or vulnerable adults are affected: the consequences "         \
	    "weigh more.",                                                          \
	    "Kinder oder schutzbedürftige Erwachsene sind betroffen: die "         \
	    "Folgen wiegen schwerer.",                                              \
	    "Recitals 38, 75 GDPR; EDPB 9/2022 IV.B")                               \
	X(SECTOR, "controller.sector", RA_SECTOR,                                   \
	    "The controller's field ({}) makes the data more revealing.",           \
	    "Das Tätigkeitsfeld des Verantwortlichen ({}) macht die Daten "        \
	    "aussagekräftiger.",                                                    \
	    "EDPB 9/2022 IV.B (special characteristics of the controller)")         \
	X(PUBLIC_BEFORE, "data.already_public", RA_NONE,                            \
	    "The data was already publicly available: disclosing it adds "          \
	    "little.",                                                              \
	    "Die Daten waren bereits öffentlich verfügbar: ihre Offenlegung "     \
	    "fügt wenig hinzu.",                                                    \
	    "EDPB 9/2022 II.D")                                                     \
	X(HARD_TO_IDENTIFY, "identification.hard", RA_NONE,                         \
	    "The data holds no direct identifiers: the people are hard to "         \
	    "identify.",                                                            \
	    "Die Daten enthalten keine direkten Identifikatoren: die "              \
	    "Personen sind schwer zu identifizieren.",                              \
	    "EDPB 9/2022 IV.B (ease of identification)")                            \
	X(PSEUDONYMISED, "identification.pseudonymised", RA_NONE,                   \
	    "The data was pseudonymised and the reference table kept apart: "       \
	    "identification is hard.",                                              \
	    "Die Daten waren pseudonymisiert und die Zuordnungstabelle "            \
	    "getrennt verwahrt: die Identifizierung ist schwer.",                   \
	    "Art. 4(5) GDPR; EDPB 9/2022 IV.B")                                     \
	X(MISUSE, "exposure.misuse", RA_NONE,                                       \
	    "Misuse of the data has been observed: harm is no longer a mere "       \
	    "possibility.",                                                         \
	    "Ein Missbrauch der Daten wurde festgestellt: der Schaden ist "         \
	    "nicht mehr nur möglich.",                                              \
	    "Recital 85 GDPR; EDPB 9/2022 IV.B")                                    \
	X(RCPT_NONE, "recipients.none", RA_NONE, "Nobody received the data.",       \
	    "Niemand hat die Daten erhalten.", "EDPB 9/2022 IV.B")                  \
	X(RCPT_TRUSTED, "recipients.trusted", RA_NONE,                              \
	    "The recipient is known and trusted: misuse is unlikely.",              \
	    "Der Empfänger ist bekannt und vertrauenswürdig: ein Missbrauch "     \
	    "ist unwahrscheinlich.",                                                \
	    "EDPB 9/2022 IV.B; EDPB 01/2021 case 9")                                \
	X(RCPT_KNOWN, "recipients.known", RA_NONE,                                  \
	    "The recipients are known but not trusted.",                            \
	    "Die Empfänger sind bekannt, aber nicht vertrauenswürdig.",             \
	    "EDPB 9/2022 IV.B")                                                     \
	X(RCPT_UNIDENTIFIED, "recipients.unidentified", RA_NONE,                    \
	    "The recipients are unidentified.",                                     \
	    "Die Empfänger sind unbekannt.", "EDPB 9/2022 IV.B")                    \
	X(RCPT_PUBLIC, "recipients.public", RA_NONE,                                \
	    "The data was exposed to the public.",                                  \
	    "Die Daten waren öffentlich zugänglich.", "EDPB 9/2022 IV.B")           \
	X(RCPT_UNKNOWN, "recipients.unknown", RA_NONE,                              \
	    "Who received the data is not known yet: treated as unidentified "      \
	    "recipients.",                                                          \
	    "Wer die Daten erhalten hat, ist noch nicht bekannt: wie "              \
	    "unbekannte Empfänger behandelt.",                                      \
	    "EDPB 9/2022 IV.B")                                                     \
	X(MALICIOUS, "intent.malicious", RA_NONE,                                   \
	    "The breach was deliberate: misuse is more likely than after an "       \
	    "accidental loss.",                                                     \
	    "Die Verletzung war vorsätzlich: ein Missbrauch ist "                  \
	    "wahrscheinlicher als nach einem versehentlichen Verlust.",             \
	    "EDPB 9/2022 IV.B")                                                     \
	X(ACCIDENTAL, "intent.accidental", RA_NONE,                                 \
	    "The breach was accidental: misuse is less likely.",                    \
	    "Die Verletzung geschah versehentlich: ein Missbrauch ist weniger "     \
	    "wahrscheinlich.",                                                      \
	    "EDPB 9/2022 IV.B")                                                     \
	X(INTENT_UNKNOWN, "intent.unknown", RA_NONE,                                \
	    "Whether the breach was deliberate is unknown: treated as "             \
	    "deliberate.",                                                          \
	    "Ob die Verletzung vorsätzlich war, ist unbekannt: wie vorsätzlich "  \
	    "behandelt.",                                                           \
	    "EDPB 9/2022 IV.B")                                                     \
	X(INTENT_ATTACK, "intent.attack", RA_NONE,                                  \
	    "An attack is recorded: the breach is treated as deliberate.",          \
	    "Ein Angriff ist erfasst: die Verletzung gilt als vorsätzlich.",        \
	    "EDPB 9/2022 IV.B")                                                     \
	X(EXFIL, "exposure.exfiltrated", RA_NONE, "Data was copied out.",           \
	    "Daten wurden abgezogen.", "EDPB 9/2022 IV.B")                          \
	X(EXFIL_UNKNOWN, "exposure.exfiltration_unknown", RA_NONE,                  \
	    "Whether data was copied out is unknown: assumed, as the breach "       \
	    "was not accidental.",                                                  \
	    "Ob Daten abgezogen wurden, ist unbekannt: angenommen, da die "         \
	    "Verletzung nicht versehentlich war.",                                  \
	    "EDPB 9/2022 IV.B")                                                     \
	X(UNINTELLIGIBLE, "encryption.unintelligible", RA_NONE,                     \
	    "Encrypted to the state of the art and the key was not "                \
	    "compromised: the data is unintelligible to anyone who got it, "        \
	    "so there is no confidentiality risk for it. Re-assess if the "         \
	    "key is compromised later or a weakness is found.",                     \
	    "Nach dem Stand der Technik verschlüsselt und der Schlüssel nicht "   \
	    "kompromittiert: die Daten sind für Unbefugte unverständlich, "       \
	    "es besteht kein Vertraulichkeitsrisiko. Neu bewerten, falls der "      \
	    "Schlüssel später kompromittiert oder eine Schwachstelle bekannt "    \
	    "wird.",                                                                \
	    "Art. 34(3)(a) GDPR; EDPB 9/2022 II.D")                                 \
	X(MISUSE_DESPITE_ENC, "encryption.misuse_reported", RA_NONE,                \
	    "Misuse is reported although the data is recorded as "                  \
	    "unintelligible: check whether the key was really safe.",               \
	    "Missbrauch wird gemeldet, obwohl die Daten als unverständlich "       \
	    "erfasst sind: prüfen, ob der Schlüssel wirklich sicher war.",          \
	    "EDPB 9/2022 II.D")                                                     \
	X(KEY_UNKNOWN, "encryption.key_unknown", RA_NONE,                           \
	    "Encrypted to the state of the art, but whether the key was "           \
	    "compromised is unknown: treated as readable.",                         \
	    "Nach dem Stand der Technik verschlüsselt, aber ob der Schlüssel "    \
	    "kompromittiert wurde, ist unbekannt: als lesbar behandelt.",           \
	    "EDPB 9/2022 II.D")                                                     \
	X(KEY_COMPROMISED, "encryption.key_compromised", RA_NONE,                   \
	    "The key was compromised: the encryption does not protect the "         \
	    "data.",                                                                \
	    "Der Schlüssel ist kompromittiert: die Verschlüsselung schützt "     \
	    "die Daten nicht.",                                                     \
	    "EDPB 9/2022 II.D")                                                     \
	X(WEAK_ENC, "encryption.weak", RA_NONE,                                     \
	    "The encryption is not state of the art: it lowers the "                \
	    "likelihood only somewhat.",                                            \
	    "Die Verschlüsselung entspricht nicht dem Stand der Technik: sie "     \
	    "senkt die Wahrscheinlichkeit nur etwas.",                              \
	    "EDPB 9/2022 II.D")                                                     \
	X(NOT_ENCRYPTED, "encryption.none", RA_NONE,                                \
	    "The data was not encrypted.",                                          \
	    "Die Daten waren nicht "                                                \
	    "verschlüsselt.",                                                       \
	    "Art. 32(1)(a) GDPR")                                                   \
	X(ENC_UNKNOWN, "encryption.unknown", RA_NONE,                               \
	    "Whether the data was encrypted is unknown: treated as "                \
	    "unencrypted.",                                                         \
	    "Ob die Daten verschlüsselt waren, ist unbekannt: als "                \
	    "unverschlüsselt behandelt.",                                           \
	    "EDPB 9/2022 II.D")                                                     \
	X(I_RECOVERABLE, "integrity.recoverable", RA_NONE,                          \
	    "The original data can be restored from a backup: the "                 \
	    "alteration can be repaired.",                                          \
	    "Die ursprünglichen Daten sind aus einer Sicherung "                   \
	    "wiederherstellbar: die Veränderung ist behebbar.",                     \
	    "EDPB 9/2022 I.B; ENISA 2013 (loss of integrity)")                      \
	X(I_UNRECOVERABLE, "integrity.unrecoverable", RA_NONE,                      \
	    "The original data cannot be restored: altered data may be "            \
	    "relied on.",                                                           \
	    "Die ursprünglichen Daten sind nicht wiederherstellbar: auf "          \
	    "veränderte Daten könnte vertraut werden.",                             \
	    "EDPB 9/2022 I.B; ENISA 2013 (loss of integrity)")                      \
	X(CRIT, "availability.criticality", RA_CRIT,                                \
	    "Importance of the affected system to the people: {}.",                 \
	    "Bedeutung des betroffenen Systems für die Personen: {}.",              \
	    "EDPB 9/2022 I.B (availability)")                                       \
	X(CRIT_UNKNOWN, "availability.criticality_unknown", RA_NONE,                \
	    "How important the system is to the people is unknown: assumed "        \
	    "medium (high in health care or social services).",                     \
	    "Wie wichtig das System für die Personen ist, ist unbekannt: "         \
	    "mittel angenommen (hoch im Gesundheits- oder Sozialwesen).",           \
	    "EDPB 9/2022 I.B (availability)")                                       \
	X(NO_BACKUP, "availability.no_backup", RA_NONE,                             \
	    "There is no usable backup: the data is lost for good.",                \
	    "Es gibt keine brauchbare Sicherung: die Daten sind endgültig "        \
	    "verloren.",                                                            \
	    "EDPB 9/2022 II.D; EDPB 01/2021 case 2")                                \
	X(BACKUP_UNKNOWN, "availability.backup_unknown", RA_NONE,                   \
	    "Whether a usable backup exists is unknown: assumed not.",              \
	    "Ob eine brauchbare Sicherung existiert, ist unbekannt: es wird "       \
	    "angenommen, nein.",                                                    \
	    "EDPB 9/2022 II.D")                                                     \
	X(RESTORE_FAST, "availability.restored_within_a_day", RA_NONE,              \
	    "A backup restores the data within a day.",                             \
	    "Eine Sicherung stellt die Daten binnen eines Tages wieder her.",       \
	    "EDPB 9/2022 I.B; EDPB 01/2021 case 1")                                 \
	X(RESTORE_SLOW, "availability.restore_days", RA_COUNT,                      \
	    "Restoring from the backup takes about {} days.",                       \
	    "Die Wiederherstellung aus der Sicherung dauert etwa {} Tage.",         \
	    "EDPB 9/2022 I.B")                                                      \
	X(RESTORE_UNKNOWN, "availability.restore_unknown", RA_NONE,                 \
	    "How long the restore takes is unknown: assumed up to three "           \
	    "days.",                                                                \
	    "Wie lange die Wiederherstellung dauert, ist unbekannt: bis zu "        \
	    "drei Tage angenommen.",                                                \
	    "EDPB 9/2022 I.B")                                                      \
	X(ENC_NO_AVAIL, "encryption.not_for_availability", RA_NONE,                 \
	    "Encryption protects confidentiality only: the loss of "                \
	    "availability is assessed on its own.",                                 \
	    "Verschlüsselung schützt nur die Vertraulichkeit: der Verlust der "   \
	    "Verfügbarkeit wird eigens bewertet.",                                  \
	    "EDPB 9/2022 II.D")                                                     \
	X(RANSOMWARE, "attack.ransomware", RA_NONE,                                 \
	    "Ransomware: assess both the loss of availability and a possible "      \
	    "confidentiality breach by the intrusion, even when a backup "          \
	    "restores the data.",                                                   \
	    "Ransomware: sowohl den Verfügbarkeitsverlust als auch eine "          \
	    "mögliche Vertraulichkeitsverletzung durch das Eindringen "            \
	    "bewerten, auch wenn eine Sicherung die Daten wiederherstellt.",        \
	    "EDPB 9/2022 I.B; EDPB 01/2021 cases 1-4")                              \
	X(STUFFING, "attack.credential_stuffing", RA_NONE,                          \
	    "Credential stuffing: accounts were opened with passwords "             \
	    "obtained elsewhere, exposing the data in them; force password "        \
	    "resets and offer two-factor authentication.",                          \
	    "Credential Stuffing: Konten wurden mit anderswo erbeuteten "           \
	    "Passwörtern geöffnet und ihre Daten offengelegt; Passwörter "       \
	    "zurücksetzen und Zwei-Faktor-Authentifizierung anbieten.",             \
	    "EDPB 01/2021 case 7")                                                  \
	X(LEVEL_NONE, "decision.no_risk", RA_NONE,                                  \
	    "Overall the breach is unlikely to result in a risk to the "            \
	    "rights and freedoms of natural persons: notifying the "                \
	    "supervisory authority is not required.",                               \
	    "Insgesamt führt die Verletzung voraussichtlich nicht zu einem "       \
	    "Risiko für die Rechte und Freiheiten natürlicher Personen: eine "    \
	    "Meldung an die Aufsichtsbehörde ist nicht erforderlich.",              \
	    "Art. 33(1) GDPR; EDPB 9/2022 II.D")                                    \
	X(LEVEL_BORDERLINE, "decision.borderline", RA_NONE,                         \
	    "Overall the breach sits on the line between no risk and a risk: "      \
	    "notifying is the safe course (in doubt, notify); not notifying "       \
	    "is defensible if the reasoning is documented, possibly after "         \
	    "consulting the authority.",                                            \
	    "Insgesamt liegt die Verletzung an der Grenze zwischen keinem "         \
	    "Risiko und einem Risiko: die Meldung ist der sichere Weg (im "         \
	    "Zweifel melden); von ihr abzusehen ist vertretbar, wenn die "          \
	    "Begründung dokumentiert wird, ggf. nach Rücksprache mit der "        \
	    "Behörde.",                                                             \
	    "Art. 33(1), 33(5) GDPR; EDPB 9/2022 IV.B")                             \
	X(BORDERLINE_COUNT, "decision.borderline_settled_by_number", RA_COUNT,      \
	    "{} people are affected: the number settles the borderline case "       \
	    "in favour of notifying.",                                              \
	    "{} Personen sind betroffen: die Zahl entscheidet den Grenzfall "       \
	    "zugunsten der Meldung.",                                               \
	    "EDPB 9/2022 IV.B (number of affected individuals)")                    \
	X(LEVEL_RISK, "decision.risk", RA_NONE,                                     \
	    "Overall the breach is likely to result in a risk: notify the "         \
	    "supervisory authority without undue delay and, where feasible, "       \
	    "within 72 hours of becoming aware.",                                   \
	    "Insgesamt führt die Verletzung voraussichtlich zu einem Risiko: "     \
	    "unverzüglich und möglichst binnen 72 Stunden nach Bekanntwerden "    \
	    "an die Aufsichtsbehörde melden.",                                      \
	    "Art. 33(1) GDPR")                                                      \
	X(LEVEL_HIGH, "decision.high_risk", RA_NONE,                                \
	    "Overall the breach is likely to result in a high risk: notify "        \
	    "the authority and, unless Art. 34(3) applies, communicate the "        \
	    "breach to the people affected without undue delay.",                   \
	    "Insgesamt führt die Verletzung voraussichtlich zu einem hohen "       \
	    "Risiko: an die Behörde melden und, sofern Art. 34 Abs. 3 nicht "      \
	    "greift, die betroffenen Personen unverzüglich benachrichtigen.",       \
	    "Art. 33(1), 34(1) GDPR; EDPB 9/2022 III.A")                            \
	X(NOT_HIGH, "decision.not_high", RA_NONE,                                   \
	    "Not a high risk: communicating to the people affected is not "         \
	    "required, though it is allowed and often sensible.",                   \
	    "Kein hohes Risiko: eine Benachrichtigung der Betroffenen ist "         \
	    "nicht erforderlich, aber zulässig und oft sinnvoll.",                  \
	    "Art. 34(1) GDPR; EDPB 9/2022 III.D")                                   \
	X(ART34_A, "art34.a", RA_NONE,                                              \
	    "Art. 34(3)(a): without the encryption the breach would be a "          \
	    "high risk, but the data is unintelligible (state-of-the-art "          \
	    "encryption, key not compromised): communicating to the people "        \
	    "affected is not required.",                                            \
	    "Art. 34 Abs. 3 lit. a: ohne die Verschlüsselung läge ein hohes "     \
	    "Risiko vor, doch die Daten sind unverständlich (Verschlüsselung "    \
	    "nach dem Stand der Technik, Schlüssel nicht kompromittiert): "        \
	    "eine Benachrichtigung der Betroffenen ist nicht erforderlich.",        \
	    "Art. 34(3)(a) GDPR; EDPB 9/2022 III.D")                                \
	X(ART34_A_NO_HELP, "art34.a_not_applicable", RA_NONE,                       \
	    "The data was unintelligible, but the high risk comes from the "        \
	    "loss of availability or integrity: Art. 34(3)(a) does not "            \
	    "apply.",                                                               \
	    "Die Daten waren unverständlich, das hohe Risiko folgt aber aus "      \
	    "dem Verlust der Verfügbarkeit oder Integrität: Art. 34 Abs. 3 "      \
	    "lit. a greift nicht.",                                                 \
	    "Art. 34(3)(a) GDPR; EDPB 9/2022 II.D")                                 \
	X(ART34_B, "art34.b", RA_NONE,                                              \
	    "Art. 34(3)(b): measures taken since the breach ensure that the "       \
	    "high risk is no longer likely to materialise: communicating to "       \
	    "the people affected is not required; the authority is still "          \
	    "notified.",                                                            \
	    "Art. 34 Abs. 3 lit. b: nachträgliche Maßnahmen stellen sicher, "     \
	    "dass das hohe Risiko aller Wahrscheinlichkeit nach nicht mehr "        \
	    "besteht: keine Benachrichtigung der Betroffenen; die Meldung an "      \
	    "die Behörde bleibt.",                                                  \
	    "Art. 34(3)(b) GDPR; EDPB 9/2022 III.D")                                \
	X(ART34_C, "art34.c", RA_NONE,                                              \
	    "Art. 34(3)(c): contacting each person would involve "                  \
	    "disproportionate effort: a public communication or a similarly "       \
	    "effective measure is required instead.",                               \
	    "Art. 34 Abs. 3 lit. c: die Benachrichtigung jeder Person wäre "       \
	    "mit unverhältnismäßigem Aufwand verbunden: stattdessen ist eine "   \
	    "öffentliche Bekanntmachung oder eine ähnlich wirksame Maßnahme "    \
	    "erforderlich.",                                                        \
	    "Art. 34(3)(c) GDPR; EDPB 9/2022 III.D")                                \
	X(ART34_C_NO_CONTACT, "art34.c_no_contact_details", RA_NONE,                \
	    "No contact details are held for the people affected, which the "       \
	    "EDPB names as a case of disproportionate effort.",                     \
	    "Für die Betroffenen liegen keine Kontaktdaten vor; der EDSA "         \
	    "nennt dies als Fall unverhältnismäßigen Aufwands.",                    \
	    "Art. 34(3)(c) GDPR; EDPB 9/2022 III.D")                                \
	X(LAW_ENFORCEMENT, "art34.law_enforcement_delay", RA_NONE,                  \
	    "Law enforcement asked for a delay: the communication may wait "        \
	    "while it would prejudice the investigation and must follow as "        \
	    "soon as that reason has passed.",                                      \
	    "Die Strafverfolgung bat um Aufschub: die Benachrichtigung darf "       \
	    "warten, solange sie die Ermittlungen gefährden würde, und muss "     \
	    "danach sofort erfolgen.",                                              \
	    "Recital 88 GDPR; EDPB 9/2022 III.A")                                   \
	X(PROCESSOR, "role.processor", RA_NONE,                                     \
	    "We are the processor: inform the controller without undue "            \
	    "delay; the controller assesses the risk and decides on "               \
	    "notification. This assessment is offered to the controller.",          \
	    "Wir sind Auftragsverarbeiter: den Verantwortlichen unverzüglich "     \
	    "informieren; er bewertet das Risiko und entscheidet über die "        \
	    "Meldung. Diese Bewertung wird ihm angeboten.",                         \
	    "Art. 33(2) GDPR; EDPB 9/2022 II.A.4")                                  \
	X(PROCESSOR_REPORTED, "discovery.processor", RA_NONE,                       \
	    "A processor reported the breach: we became aware when it told "        \
	    "us, and any delay on its side eats into our 72 hours.",                \
	    "Ein Auftragsverarbeiter meldete die Verletzung: Kenntnis besteht "     \
	    "ab seiner Mitteilung; Verzögerungen auf seiner Seite gehen von "      \
	    "unseren 72 Stunden ab.",                                               \
	    "Art. 33(2) GDPR; EDPB 9/2022 II.A.4")                                  \
	X(NON_EEA, "jurisdiction.non_eea", RA_NONE,                                 \
	    "No establishment in the EEA, but Art. 3(2) applies: Arts. 33 "         \
	    "and 34 apply, and the breach goes to the supervisory authority "       \
	    "of every member state where affected people live; a "                  \
	    "representative does not bring the one-stop-shop.",                     \
	    "Keine Niederlassung im EWR, aber Art. 3 Abs. 2 ist anwendbar: "        \
	    "Art. 33 und 34 gelten, gemeldet wird an die Aufsichtsbehörde "        \
	    "jedes Mitgliedstaats, in dem Betroffene wohnen; ein Vertreter "        \
	    "eröffnet keinen One-Stop-Shop.",                                       \
	    "Art. 3(2), 27, 33 GDPR; EDPB 9/2022 ¶73")                              \
	X(ART3_2_UNKNOWN, "jurisdiction.art3_2_unknown", RA_NONE,                   \
	    "No establishment in the EEA, and whether Art. 3(2) applies is "        \
	    "unknown: assessed as if it does.",                                     \
	    "Keine Niederlassung im EWR, und ob Art. 3 Abs. 2 anwendbar ist, "      \
	    "ist unbekannt: so bewertet, als wäre er es.",                          \
	    "Art. 3(2) GDPR; EDPB 9/2022 ¶73")                                      \
	X(GDPR_NA, "jurisdiction.gdpr_not_applicable", RA_NONE,                     \
	    "No establishment in the EEA and Art. 3(2) does not apply: Arts. "      \
	    "33 and 34 GDPR do not apply to this processing; other law may.",       \
	    "Keine Niederlassung im EWR und Art. 3 Abs. 2 ist nicht "               \
	    "anwendbar: Art. 33 und 34 DSGVO gelten für diese Verarbeitung "       \
	    "nicht; anderes Recht kann gelten.",                                    \
	    "Art. 3 GDPR")                                                          \
	X(CROSS_BORDER, "jurisdiction.cross_border", RA_NONE,                       \
	    "Cross-border processing: notify the lead supervisory authority.",      \
	    "Grenzüberschreitende Verarbeitung: an die federführende "            \
	    "Aufsichtsbehörde melden.",                                             \
	    "Art. 56 GDPR; EDPB 9/2022 II.C.1")                                     \
	X(AUTO_SUBJECTS, "enisa.auto.subjects", RA_NONE,                            \
	    "Children or vulnerable adults are affected.",                          \
	    "Kinder oder schutzbedürftige Erwachsene sind betroffen.",              \
	    "ENISA 2013, 2.2 (special characteristics of the individuals)")         \
	X(AUTO_SECTOR, "enisa.auto.controller", RA_SECTOR,                          \
	    "The controller's field ({}) allows assumptions about sensitive "       \
	    "matters.",                                                             \
	    "Das Tätigkeitsfeld des Verantwortlichen ({}) erlaubt Rückschlüsse " \
	    "auf sensible Umstände.",                                               \
	    "ENISA 2013, 2.2 (special characteristics of the controller)")          \
	X(AUTO_PUBLIC, "enisa.auto.public", RA_NONE,                                \
	    "The data was publicly available before the breach.",                   \
	    "Die Daten waren vor der Verletzung öffentlich verfügbar.",             \
	    "ENISA 2013, 2.2 (public availability)")                                \
	X(ENISA_HIGHER_ENC, "enisa.higher_encrypted", RA_BAND,                      \
	    "ENISA's band ({}) is higher than the legal conclusion because "        \
	    "ENISA scores the data as if it were readable: unintelligibility "      \
	    "is weighed only in the legal assessment (docs/assessment.md).",        \
	    "Die ENISA-Stufe ({}) liegt über dem rechtlichen Ergebnis, weil "      \
	    "ENISA die Daten so bewertet, als wären sie lesbar: die "              \
	    "Unverständlichkeit wird nur rechtlich gewichtet "                     \
	    "(docs/assessment.md).",                                                \
	    "ENISA 2013, 3 (unintelligibility outside SE)")                         \
	X(ENISA_HIGHER, "enisa.higher", RA_BAND,                                    \
	    "ENISA's band ({}) is higher than the legal conclusion: the legal "     \
	    "assessment also weighs how likely harm is (trusted recipients, "       \
	    "accidental loss, public availability, backups), which SE "             \
	    "reflects only in part.",                                               \
	    "Die ENISA-Stufe ({}) liegt über dem rechtlichen Ergebnis: "           \
	    "rechtlich zählt auch, wie wahrscheinlich ein Schaden ist "            \
	    "(vertrauenswürdige Empfänger, versehentlicher Verlust, "             \
	    "öffentliche Verfügbarkeit, Sicherungen), was SE nur teilweise "      \
	    "abbildet.",                                                            \
	    "EDPB 9/2022 IV.B; ENISA 2013, 5")                                      \
	X(ENISA_LOWER, "enisa.lower", RA_BAND,                                      \
	    "ENISA's band ({}) is lower than the legal conclusion: the legal "      \
	    "assessment weighs factors SE leaves out or scores lightly "            \
	    "(system criticality, observed misuse, identity documents, "            \
	    "credentials, unknown facts taken conservatively).",                    \
	    "Die ENISA-Stufe ({}) liegt unter dem rechtlichen Ergebnis: "           \
	    "rechtlich zählen Faktoren, die SE nicht oder nur schwach "            \
	    "abbildet (Bedeutung des Systems, festgestellter Missbrauch, "          \
	    "Ausweisdokumente, Zugangsdaten, konservativ gewertete "                \
	    "unbekannte Tatsachen).",                                               \
	    "EDPB 9/2022 IV.B; ENISA 2013, 5")                                      \
	X(NSUBJ_KNOWN, "subjects.number", RA_COUNT,                                 \
	    "{} people affected. ENISA keeps the number of individuals "            \
	    "outside SE; the legal assessment uses it to settle a borderline "      \
	    "case (1000 or more: notify), and it shapes the scale of any "          \
	    "communication.",                                                       \
	    "{} Personen betroffen. ENISA lässt die Zahl der Personen "            \
	    "außerhalb von SE; rechtlich entscheidet sie einen Grenzfall (ab "     \
	    "1000: melden) und bestimmt den Umfang einer Benachrichtigung.",        \
	    "Art. 33(3)(a) GDPR; EDPB 9/2022 IV.B; ENISA 2013, 3")                  \
	X(NSUBJ_UNKNOWN, "subjects.number_unknown", RA_NONE,                        \
	    "The number of people affected is unknown; an approximate number "      \
	    "is enough for the notification. ENISA keeps the number outside "       \
	    "SE.",                                                                  \
	    "Die Zahl der Betroffenen ist unbekannt; für die Meldung genügt "     \
	    "eine ungefähre Zahl. ENISA lässt die Zahl außerhalb von SE.",          \
	    "Art. 33(3)(a) GDPR; ENISA 2013, 3")

#define X(e, k, a, en, de, c) R_##e,
enum reason_id { REASON_LIST(X) R__MAX };
#undef X

/* Thresholds on severity x likelihood (0..64); see docs/assessment.md. */
enum {
	SCORE_BORDERLINE = 4,
	SCORE_RISK = 8,
	SCORE_HIGH = 24,
	BORDERLINE_COUNT = 1000
};

/* The legal outcome: all that would_change compares. */
struct verdict {
	bool is_breach;
	bool gdpr_applies;
	bool unintelligible;
	enum risk_level level;
	enum notify notify;
	bool communicate;
	enum art34 art34;
	bool public_notice;
	struct risk_dim conf, integ, avail;
};

/*
 * Where the engine leaves its explanation.  NULL in the silent re-runs of
 * would_change, which need the verdict only.
 */
void note(struct assessment *, enum reason_id, int64_t arg);
void note_unknown(struct assessment *, enum risk_fact);

/* edpb.c: the legal recommendation. */
void edpb_assess(const struct facts *, struct verdict *, struct assessment *);
/* enisa.c: ENISA 2013 severity into `out`; notes go to `a` (may be NULL). */
void enisa_assess(
    const struct facts *, struct enisa_result *out, struct assessment *a);
/* Children or vulnerable adults among the subjects (or their data). */
bool risk_has_vulnerable(const struct facts *);
/* The first sector whose customers' data reveals more, or -1. */
int risk_sensitive_sector(const struct facts *);
/* The intent after inference: an attack on record means malicious. */
enum intent risk_intent(const struct facts *, struct assessment *);

/* risk_json.c: the reason table's rendering. */
const char *reason_key(enum reason_id);

#endif
