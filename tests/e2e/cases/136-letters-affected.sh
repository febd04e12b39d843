# letters --affected --contacts: the incident's affected list (from match)
# joined by id with the controller's contact export at send time.  Only
# the affected get a letter, with advice for the categories found in
# their records (credentials for a leaked password hash, bank data for an
# IBAN); a listed person missing from the export is reported (no_contact,
# exit 2); the export is not stored in the register; --subjects still
# works; without an affected list nothing is sent.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
printf 'id,name,email,language\nc-1,x,x@example.invalid,de\n' > contacts0.csv
expect_exit 2 "$BK" letters BK-2024-0001 --affected --contacts contacts0.csv --out eml0
expect_stderr_contains "BK-2024-0001 has no affected list: run breachkit match"
[ -e eml0 ] && [ "$(ls eml0 | wc -l)" -ne 0 ] && fail "a letter was written"

printf '%s\n' 'id,email,iban' \
    'c-001,juergen.leak@example.invalid,' \
    'c-002,,DE89 3704 0044 0532 0130 00' \
    'c-003,nobody.leaked@example.invalid,' \
    'c-004,missing.contact@example.invalid,' > subjects.csv
bk subjects import subjects.csv
printf '%s\n' 'email,password_hash,iban' \
    'juergen.leak@example.invalid,$2y$10$abcdefghijklmnopqrstuv0123456789ABCDEFGHIJKLMNOPQRSTU,' \
    'someone@example.invalid,,DE89370400440532013000' \
    'missing.contact@example.invalid,,' > leak.csv
bk match --incident BK-2024-0001 leak.csv
expect_stdout_contains "3 of 4 indexed subjects affected"
# the contact export: everybody, in another order, with other columns
printf '%s\n' 'language,email,id,name' \
    'en,jane.contact@example.invalid,c-002,Jane Doe' \
    'de,nobody.contact@example.invalid,c-003,Nicht Betroffen' \
    'de,juergen.contact@example.invalid,c-001,Jürgen Müller' > contacts.csv
expect_exit 2 "$BK" letters BK-2024-0001 --affected --contacts contacts.csv --out eml
expect_stdout_contains "affected list: 2 people in the contact export, 1 without a contact"
expect_stdout_contains "row 0 no_contact c-004"
expect_stdout_contains "2 rows: 1 invalid, 2 written"
expect_stdout_lacks "c-003"
[ "$(ls eml | wc -l)" -eq 2 ] || fail "expected 2 letters: $(ls eml)"
grep -l 'nobody.contact' eml/*.eml && fail "a person who is not affected got a letter"
de=$(grep -l 'Content-Language: de' eml/*.eml)
en=$(grep -l 'Content-Language: en' eml/*.eml)
"$PY" - "$de" "$en" <<'PYEOF' || fail "the letters' categories"
import sys, email
from email import policy
de = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
en = email.message_from_binary_file(open(sys.argv[2], "rb"), policy=policy.default)
assert str(de["To"]) == "Jürgen Müller <juergen.contact@example.invalid>", de["To"]
b = de.get_content()
assert "Zwei-Faktor" in b, "credentials advice (a password hash was found)"
assert "8 Wochen" not in b, "no bank advice for him"
e = en.get_content()
assert "8 weeks" in e or "direct debit" in e, "bank advice (an IBAN was found)"
assert "two-factor" not in e
PYEOF
# the contact export was read, not stored
for v in jane.contact juergen.contact "Jane Doe"; do
	grep -aq "$v" "$BREACHKIT_DB"* && fail "$v from the contact export is in the register"
done
bk incident show BK-2024-0001 --json
expect_eq "event" "$(jget 'd["history"][-1]["payload"]["list"]')" affected
expect_eq "no_contact" "$(jget 'd["history"][-1]["payload"]["no_contact"]')" 1
expect_verify_ok
# the old path still works
printf 'id,name,email,language,categories\nz-1,Zoe Beispiel,zoe@example.invalid,en,contact\n' > people.csv
bk letters BK-2024-0001 --subjects people.csv --out eml2
expect_stdout_contains "1 rows: 0 invalid, 1 written"
expect_exit 2 "$BK" letters BK-2024-0001 --affected --out eml3
expect_stderr_contains "--affected and --contacts FILE.csv go together"
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --affected --contacts contacts.csv --out eml3
