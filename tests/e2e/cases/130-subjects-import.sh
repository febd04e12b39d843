# subjects import: a CSV with id and identifier columns in any order and
# extra columns builds the index; status reports it; the register holds no
# identifier in plaintext (a planted address, phone, IBAN and customer
# number are not in the SQLite file, its WAL or journal); export does not
# carry the secret.
. "$E2E_LIB"
init_register
cat > subjects.csv <<'CSV'
Name,Email,ID,Phone,IBAN,Customer_No,notes
Erika Beispiel,Planted.Person@Example.Invalid,S-1,0151 98765432,,KD-77001,x
Max Muster,max.muster@example.invalid,S-2,,DE89 3704 0044 0532 0130 00,,
Jürgen Fiktiv,,S-3,+49 30 1234567,,KD-77003,
CSV
bk subjects import subjects.csv
expect_stdout_contains "3 rows, 3 subjects, 7 identifiers (2 e-mail, 2 phone, 1 IBAN, 2 customer no.)"
bk subjects status --json
expect_eq "identifiers" "$(jget 'd["identifiers"]')" 7
expect_eq "region" "$(jget 'd["phone_region"]')" DE
# no plaintext identifier anywhere in the register's files
for f in "$BREACHKIT_DB"*; do
	for v in planted.person Planted.Person example.invalid 98765432 \
	    4915198765432 DE89370400440532013000 "3704 0044" KD-77001 \
	    "Erika"; do
		grep -aq "$v" "$f" && fail "$v is in $f in plaintext"
	done
done
# the ids are there: they are how letters find the people
grep -aq "S-2" "$BREACHKIT_DB" || fail "subject ids are not stored"
bk export --format json
expect_stdout_lacks "secret"
expect_stdout_lacks "S-1"
expect_verify_ok
