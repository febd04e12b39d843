# Bad rows: broken quoting, a missing or invalid e-mail address, an unknown
# language, an unknown category, CR/LF in a name.  Each gets a clear error
# naming its row and column (never the value), the other rows proceed and
# are delivered once over SMTP; the exit status is 2.  A rerun sends
# nothing twice.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
sink_start "$PWD/sink"
trap sink_stop EXIT

printf '%s\n' 'id,name,email,language,categories' \
    'ok-1,Jürgen Müller,ok1@example.invalid,de,credentials' \
    'q-1,Broken "quote,q1@example.invalid,de,' \
    'ok-2,Jane Doe,ok2@example.invalid,en,contact' \
    'm-1,No Mail,,de,' \
    'm-2,Bad Mail,not-an-address,de,' \
    'l-1,Lang,l1@example.invalid,fr,' \
    'c-1,Cat,c1@example.invalid,en,bank;nope' \
    'n-1,"Evil' 'Bcc: victim@example.invalid",n1@example.invalid,de,' \
    'ok-3,Åsa Öberg,ok3@example.invalid,en,' > people.csv
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional
expect_stderr_contains "row 3: column 2: quote inside an unquoted field"
expect_stderr_contains "row 5: column email: missing"
expect_stderr_contains "row 6: column email: not a valid e-mail address"
expect_stderr_contains "row 7: column language: unknown language"
expect_stderr_contains 'row 8: column categories: unknown category "bank"'
expect_stderr_contains "row 9: column name: contains a line break"
expect_stderr_contains "6 invalid rows"
grep -q 'victim\|not-an-address\|q1@' "$LAST_ERR" && fail "an error echoes a value"
expect_stdout_contains "9 rows: 6 invalid, 0 written, 3 sent"
expect_eq "delivered" "$(per_recipient sink | tr '\n' ' ')" \
    "ok1@example.invalid 1 ok2@example.invalid 1 ok3@example.invalid 1 "
grep -l 'Bcc' sink/*.eml && fail "a header was injected"
eml_check sink/*.eml

expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --json
expect_eq "already" "$(jget 'd["summary"]["already_sent"]')" 3
expect_eq "sent" "$(jget 'd["summary"]["sent"]')" 0
expect_eq "invalid" "$(jget '[x["row"] for x in d["letters"] if x["status"] == "invalid"]')" "[3,5,6,7,8,9]"
[ "$(ls sink/*.eml | wc -l)" -eq 3 ] || fail "a rerun sent again"
expect_verify_ok
