# letters --out: one EML file per person, byte-identical to the golden
# files for German and English (fixed clock, stable Message-ID); every file
# parses with Python's email package and round-trips its umlauts in the
# headers (RFC 2047) and the body (quoted-printable); the batch is one
# event in the history, with counts only; verify still passes.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup

printf 'id,name,email,language,categories\nc-001,Jürgen Müller,juergen@example.invalid,de,credentials;bank_account\nc-002,Jane Doe,jane@example.invalid,en,contact;payment_card\n' > people.csv
bk letters BK-2024-0001 --subjects people.csv --out eml
expect_stdout_contains "2 rows: 0 invalid, 2 written"
[ "$(ls eml | wc -l)" -eq 2 ] || fail "expected 2 EML files: $(ls eml)"
de=$(grep -l 'Content-Language: de' eml/*.eml)
en=$(grep -l 'Content-Language: en' eml/*.eml)
if [ -n "${BREACHKIT_UPDATE_GOLDEN:-}" ]; then
	cp "$de" "$TOP/tests/e2e/golden/110-letter-de.eml"
	cp "$en" "$TOP/tests/e2e/golden/110-letter-en.eml"
fi
cmp "$de" "$TOP/tests/e2e/golden/110-letter-de.eml" ||
    fail "German letter differs from tests/e2e/golden/110-letter-de.eml"
cmp "$en" "$TOP/tests/e2e/golden/110-letter-en.eml" ||
    fail "English letter differs from tests/e2e/golden/110-letter-en.eml"
eml_check eml/*.eml
"$PY" - "$de" "$en" <<'PYEOF' || fail "umlauts or advice do not round-trip"
import sys, email
from email import policy
de = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
en = email.message_from_binary_file(open(sys.argv[2], "rb"), policy=policy.default)
assert str(de["To"]) == "Jürgen Müller <juergen@example.invalid>", de["To"]
b = de.get_content()
assert "Guten Tag Jürgen Müller," in b
assert "Zwei-Faktor" in b and "8 Wochen" in b        # credentials, bank
assert "Phishing" not in b                           # not his category
assert "Musterstraße 1, 40210 Düsseldorf" in b
e = en.get_content()
assert "phishing" in e and "116 116" in e            # contact, card
assert "Wir schreiben nur von Adressen @musterschuh" in e  # org_channels
assert "two-factor" not in e
PYEOF
# Same key, same file on a rerun: nothing accumulates.
bk letters BK-2024-0001 --subjects people.csv --out eml
[ "$(ls -A eml | wc -l)" -eq 2 ] || fail "a rerun left extra files: $(ls -A eml)"
bk incident show BK-2024-0001 --json
[ "$(jget '[e["kind"] for e in d["history"]].count("letters")')" = 2 ] ||
    fail "expected two letters events"
jget '[e for e in d["history"] if e["kind"] == "letters"][0]' > ev.json
grep -q 'example.invalid\|Jürgen\|Jane' ev.json && fail "the event holds personal data: $(cat ev.json)"
grep -q '"written": *2\|"written":2' ev.json || fail "event lacks counts: $(cat ev.json)"
expect_verify_ok
