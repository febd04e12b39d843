# notice: the public notice (text and HTML), the processor's notice to the
# controller and the internal register entry, in German and English, are
# byte-identical to their golden files.
. "$E2E_LIB"
. "$TOP/tests/e2e/notice.sh"

notice_register
notice_facts c.json controller
expect_eq ref "$(new_incident c.json)" BK-2024-0001
notice_facts p.json processor "Auftragsdaten eines Kunden abgeflossen"
expect_eq ref "$(new_incident p.json)" BK-2024-0002
bk assess BK-2024-0001
bk decide BK-2024-0001 authority yes --rationale "Zugangsdaten und Bankverbindungen betroffen (fiktiv)."
bk decide BK-2024-0001 subjects no --exception c --rationale "Kontaktdaten veraltet: öffentliche Bekanntmachung (fiktiv)."

for lang in de en; do
	bk notice BK-2024-0001 --lang "$lang"
	expect_stderr_empty
	notice_golden "090-public.$lang.text"
	bk notice BK-2024-0001 --lang "$lang" --format html
	notice_golden "090-public.$lang.html"
	bk notice BK-2024-0002 --kind controller --lang "$lang"
	notice_golden "090-controller.$lang.text"
	bk notice BK-2024-0001 --kind register --lang "$lang"
	notice_golden "090-register.$lang.text"
done
# The default is the German text notice.
bk notice BK-2024-0001 --kind public
notice_golden "090-public.de.text"
# Advice follows the data categories; the phishing warning names the
# controller's real channels.
expect_stdout_contains "Zwei-Faktor-Anmeldung"
expect_stdout_contains "Lastschrift"
expect_stdout_contains "nur über diese Wege an Sie: E-Mails von service@example.invalid"
expect_stdout_contains "Betroffen sind etwa 12.500 Personen."
bk notice BK-2024-0001 --kind register --lang en
expect_stdout_contains "Rationale: Kontaktdaten veraltet"
expect_stdout_contains "Assessment version 1 of 1 May 2024, 12:00 CEST: high risk"
expect_stdout_contains "Notified to the supervisory authority: not yet notified (decided: notify)"
expect_stdout_contains "Supervisory authority (Art. 33): open, due 3 May 2024, 09:00 CEST"
# The register entry says whether the authority was notified (Art. 33(5)
# applies to every breach, notified or not), with the filings.
bk file BK-2024-0001 --to authority --phase initial --at 2024-04-30T15:00:00Z \
    --case-ref "LDI-2024-4711" --by "Dana Beispiel (fiktiv)"
bk notice BK-2024-0001 --kind register --lang en
expect_stdout_contains "Notified to the supervisory authority: yes, notified on 30 April 2024, 17:00 CEST, case reference LDI-2024-4711"
expect_stdout_contains "Supervisory authority (Art. 33): filed
  - initial notification on 30 April 2024, 17:00 CEST, case reference LDI-2024-4711, submitted by Dana Beispiel (fiktiv)"
bk notice BK-2024-0001 --kind register --lang de
expect_stdout_contains "Meldung an die Aufsichtsbehörde: ja, gemeldet am 30. April 2024, 17:00 CEST, Aktenzeichen LDI-2024-4711"
# Not notified: with the reasoning of the decision.
notice_facts n.json controller "Verschlüsselter Laptop verloren (fiktiv)"
expect_eq ref "$(new_incident n.json)" BK-2024-0003
bk decide BK-2024-0003 authority no --rationale "Festplatte voll verschlüsselt, Schlüssel sicher (fiktiv)."
bk notice BK-2024-0003 --kind register --lang de
expect_stdout_contains "Meldung an die Aufsichtsbehörde: nein, nicht gemeldet; entschieden am 1. Mai 2024, 12:00 CEST von tester: Festplatte voll verschlüsselt, Schlüssel sicher (fiktiv)."
expect_stdout_contains "Aufsichtsbehörde (Art. 33): nicht erforderlich"
# --out writes the file and nothing to stdout.
bk notice BK-2024-0001 --format html --out notice.html
[ ! -s "$LAST_OUT" ] || fail "--out also wrote to stdout"
cmp -s notice.html "$TOP/tests/e2e/golden/090-public.de.html" || fail "--out differs"
expect_verify_ok
