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
# --out writes the file and nothing to stdout.
bk notice BK-2024-0001 --format html --out notice.html
[ ! -s "$LAST_OUT" ] || fail "--out also wrote to stdout"
cmp -s notice.html "$TOP/tests/e2e/golden/090-public.de.html" || fail "--out differs"
expect_verify_ok
