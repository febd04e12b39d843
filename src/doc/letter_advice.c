/* SPDX-License-Identifier: MIT */
/*
 * doc/letter_advice.c: what an affected person can do, by the category of
 * their data, in plain German (formal "Sie") and English.  letter.c picks
 * the entries of a person's categories, each at most once, in this order.
 * In a text, "{org}" is the controller's name, "{channels}" the real
 * channels it uses (setting org_channels), "{website}" its website.
 */
#include "base/base.h"

#include "doc/letter_int.h"

#define C(x) ((uint64_t)1 << DATA_##x)

const struct advice letter_advice[] = {
	{ C(CREDENTIALS),
	    "Passwort ändern und Zwei-Faktor-Anmeldung einschalten",
	    "Ändern Sie Ihr Passwort bei {org} jetzt. Wenn Sie dasselbe oder "
	    "ein ähnliches Passwort auch anderswo verwenden (E-Mail, Online-"
	    "Shops, soziale Netzwerke), ändern Sie es dort ebenfalls: "
	    "Betrüger probieren erbeutete Zugangsdaten gezielt bei anderen "
	    "Diensten aus. Nehmen Sie für jeden Dienst ein eigenes Passwort "
	    "(ein Passwort-Manager hilft dabei) und schalten Sie überall, wo "
	    "es möglich ist, die Zwei-Faktor-Anmeldung ein.",
	    "Change your password",
	    "Change your password with {org} now. If you use the same or a "
	    "similar password anywhere else (e-mail, online shops, social "
	    "networks), change it there too: criminals try stolen passwords "
	    "on other services. Use a different password for every service (a "
	    "password manager helps) and turn on two-factor authentication "
	    "wherever it is offered." },
	{ C(BANK), "Kontoauszüge prüfen, Lastschriften zurückholen",
	    "Prüfen Sie in den nächsten Monaten Ihre Kontoauszüge auf "
	    "Abbuchungen, die Sie nicht kennen. Eine SEPA-Lastschrift können "
	    "Sie innerhalb von 8 Wochen nach der Abbuchung ohne Angabe von "
	    "Gründen von Ihrer Bank zurückbuchen lassen; für eine Lastschrift, "
	    "die Sie nie erlaubt haben, gilt eine Frist von 13 Monaten. Wenden "
	    "Sie sich bei Auffälligkeiten sofort an Ihre Bank.",
	    "Check your statements and get debits refunded",
	    "Check your bank statements over the coming months for debits you "
	    "do not recognise. Your bank must refund a SEPA direct debit if "
	    "you ask within 8 weeks of the debit, without giving a reason; for "
	    "a debit you never authorised you have 13 months. Contact your "
	    "bank at once if anything looks wrong." },
	{ C(CARD), "Kreditkarte sperren lassen und Abrechnungen prüfen",
	    "Lassen Sie Ihre Karte sperren und eine neue ausstellen: bei "
	    "Ihrer Bank oder über den Sperr-Notruf 116 116 (aus dem Ausland "
	    "+49 116 116). Prüfen Sie Ihre Kartenabrechnungen auf Zahlungen, "
	    "die Sie nicht veranlasst haben, und beanstanden Sie diese sofort "
	    "bei Ihrer Bank; unberechtigte Belastungen werden dann "
	    "zurückgebucht.",
	    "Block your card and check your statements",
	    "Have your card blocked and replaced by your bank (in Germany also "
	    "through the blocking hotline +49 116 116). Check your card "
	    "statements for payments you did not make and dispute them with "
	    "your bank at once; unauthorised charges are then reversed." },
	{ C(CONTACT), "Vorsicht vor gefälschten Nachrichten (Phishing)",
	    "Betrüger könnten Ihre Kontaktdaten nutzen, um Ihnen im Namen von "
	    "{org} zu schreiben oder Sie anzurufen. So erreichen wir Sie "
	    "wirklich: {channels} Öffnen Sie keine Links oder Anhänge in "
	    "unerwarteten Nachrichten und geben Sie niemandem Passwörter, "
	    "TANs oder Kartendaten. Im Zweifel rufen Sie die Adresse selbst "
	    "auf: {website}",
	    "Beware of fake messages (phishing)",
	    "Criminals could use your contact details to write to you or call "
	    "you in the name of {org}. This is how we really contact you: {channels} "
	    "Do not open links or attachments in unexpected messages, and "
	    "never give anyone passwords, one-time codes or card details. If "
	    "in doubt, type our address yourself: {website}" },
	{ C(IDENTITY) | C(ID_DOCUMENT) | C(NATIONAL_ID),
	    "Schutz vor Identitätsmissbrauch",
	    "Mit diesen Angaben könnten sich Betrüger als Sie ausgeben, etwa "
	    "um Verträge oder Konten auf Ihren Namen zu eröffnen. Achten Sie "
	    "auf Rechnungen, Mahnungen oder Post zu Verträgen, die Sie nicht "
	    "geschlossen haben. Eine kostenlose Selbstauskunft bei "
	    "Auskunfteien wie der SCHUFA (Art. 15 DSGVO) zeigt Ihnen, ob "
	    "etwas auf Ihren Namen angelegt wurde. Wurde ein Ausweis "
	    "missbraucht, erstatten Sie Anzeige bei der Polizei; ein "
	    "abhandengekommener Ausweis lässt sich bei Ihrem Bürgeramt "
	    "sperren und neu ausstellen.",
	    "Protect yourself against identity fraud",
	    "Criminals could use these details to pretend to be you, for "
	    "example to open contracts or accounts in your name. Watch for "
	    "bills, reminders or letters about contracts you never made. A "
	    "free copy of your credit file from credit agencies (Art. 15 "
	    "GDPR) shows whether anything was opened in your name. If an "
	    "identity document was misused, report it to the police; a lost "
	    "document can be cancelled and replaced by the issuing office." },
	{ C(FINANCIAL), "Finanzielle Angaben",
	    "Seien Sie misstrauisch bei Anrufen oder Nachrichten, die sich "
	    "auf Ihre finanziellen Verhältnisse beziehen, und prüfen Sie Ihre "
	    "Konten regelmäßig.",
	    "Financial details",
	    "Be wary of calls or messages that refer to your financial "
	    "situation, and check your accounts regularly." },
	{ C(HEALTH) | C(GENETIC), "Gesundheitsdaten",
	    "Gesundheitsdaten sind besonders schutzwürdig. Wenn sich jemand "
	    "unter Berufung auf diese Daten bei Ihnen meldet, etwa mit einer "
	    "Drohung oder einer Geldforderung, gehen Sie nicht darauf ein, "
	    "bewahren Sie die Nachricht auf und erstatten Sie Anzeige bei der "
	    "Polizei. Fragen zu Ihrer Behandlung besprechen Sie bitte mit "
	    "Ihrer Ärztin oder Ihrem Arzt; mit Ihrer Krankenkasse können Sie "
	    "klären, ob zum Beispiel eine neue Versichertenkarte sinnvoll ist.",
	    "Health data",
	    "Health data deserve special protection. If anyone contacts you "
	    "about this information, for example with a threat or a demand "
	    "for money, do not respond, keep the message and report it to the "
	    "police. Please discuss questions about your treatment with your "
	    "doctor; your health insurer can tell you whether, for example, "
	    "a new insurance card makes sense." },
	{ C(BIOMETRIC), "Biometrische Daten",
	    "Fingerabdruck oder Gesichtsbild lassen sich nicht ändern wie ein "
	    "Passwort. Wo Sie sich damit anmelden, richten Sie zusätzlich "
	    "einen zweiten Faktor ein.",
	    "Biometric data",
	    "A fingerprint or face cannot be changed like a password. Where "
	    "you sign in with them, add a second factor." },
	{ C(RACIAL) | C(POLITICAL) | C(RELIGIOUS) | C(UNION) | C(SEX) |
	        C(CRIMINAL),
	    "Besonders sensible Angaben",
	    "Diese Angaben könnten genutzt werden, um Sie bloßzustellen oder "
	    "unter Druck zu setzen. Gehen Sie auf Drohungen oder "
	    "Geldforderungen nicht ein, bewahren Sie die Nachrichten auf und "
	    "wenden Sie sich an die Polizei.",
	    "Especially sensitive information",
	    "This information could be used to embarrass you or put you under "
	    "pressure. Do not respond to threats or demands for money, keep "
	    "the messages and contact the police." },
	{ C(LOCATION), "Standortdaten",
	    "Standortdaten können verraten, wo Sie wohnen und wann Sie "
	    "unterwegs sind. Achten Sie auf ungewöhnliche Kontaktversuche.",
	    "Location data",
	    "Location data can show where you live and when you are away. "
	    "Watch out for unusual attempts to contact you." },
	{ C(COMMUNICATION), "Inhalte Ihrer Nachrichten",
	    "Denken Sie daran, was in den betroffenen Nachrichten stand: "
	    "Enthielten sie Passwörter, Kontodaten oder andere vertrauliche "
	    "Angaben, ändern Sie diese bitte.",
	    "Content of your messages",
	    "Think about what the affected messages contained: if they held "
	    "passwords, bank details or other confidential information, "
	    "please change them." },
	{ C(IMAGES), "Fotos und Videos",
	    "Wenn Sie Bilder von sich im Internet finden, die dort nicht "
	    "hingehören, können Sie von der Plattform verlangen, dass sie "
	    "gelöscht werden (Art. 17 DSGVO); bitte sagen Sie auch uns "
	    "Bescheid.",
	    "Photos and video",
	    "If you find pictures of yourself online that should not be "
	    "there, you can require the platform to delete them (Art. 17 "
	    "GDPR); please tell us too." },
	{ C(CHILDREN), "Daten Ihres Kindes",
	    "Sprechen Sie mit Ihrem Kind darüber, bei Nachrichten oder "
	    "Anfragen von Unbekannten vorsichtig zu sein und Ihnen davon zu "
	    "erzählen.",
	    "Your child's data",
	    "Talk to your child about being careful with messages or requests "
	    "from strangers, and about telling you of them." },
};

const size_t letter_advice_n = nitems(letter_advice);

/* Likely consequences by category, when the facts name none. */
const struct advice letter_conseq[] = {
	{ C(CREDENTIALS), NULL,
	    "Unbefugte könnten sich mit Ihren Zugangsdaten bei uns oder bei "
	    "anderen Diensten anmelden.",
	    NULL,
	    "Others could sign in with your credentials, here or on other "
	    "services." },
	{ C(BANK) | C(CARD) | C(FINANCIAL), NULL,
	    "Es könnten unberechtigte Abbuchungen oder Zahlungen versucht "
	    "werden.",
	    NULL, "Someone could attempt unauthorised debits or payments." },
	{ C(CONTACT), NULL,
	    "Sie könnten gefälschte E-Mails, Briefe oder Anrufe erhalten, die "
	    "echt wirken.",
	    NULL,
	    "You could receive fake e-mails, letters or calls that look "
	    "genuine." },
	{ C(IDENTITY) | C(ID_DOCUMENT) | C(NATIONAL_ID), NULL,
	    "Jemand könnte sich als Sie ausgeben.", NULL,
	    "Someone could pretend to be you." },
	{ C(HEALTH) | C(GENETIC) | C(BIOMETRIC) | C(RACIAL) | C(POLITICAL) |
	        C(RELIGIOUS) | C(UNION) | C(SEX) | C(CRIMINAL),
	    NULL,
	    "Sehr persönliche Angaben über Sie könnten Dritten bekannt "
	    "werden.",
	    NULL,
	    "Very personal information about you could become known to "
	    "others." },
};

const size_t letter_conseq_n = nitems(letter_conseq);
