# Bad rows: each is named by row and column with what is wrong, never with
# its value; the exit status is 2 and nothing is imported.  A bad header
# and a missing file are reported too.
. "$E2E_LIB"
init_register
printf '%s\n' 'id,email,phone,iban,customer_no' \
    'ok-1,ok1@example.invalid,,,' \
    ',nobody@example.invalid,,,' \
    'e-1,secret.value@notatld,,,' \
    'p-1,,12,,' \
    'i-1,,,DE89370400440532013001,' \
    'c-1,,,,K;1' \
    'x-1,,,,' \
    'q-1,"broken,quote@example.invalid,,,' \
    'ok-2,,0151 12345678,,' > bad.csv
expect_exit 2 "$BK" subjects import bad.csv
expect_stderr_contains "row 3, column id: empty"
expect_stderr_contains "row 4, column email: not a valid e-mail address"
expect_stderr_contains "row 5, column phone: not a valid phone number"
expect_stderr_contains "row 6, column iban: not a valid IBAN (checksum)"
expect_stderr_contains "row 7, column customer_no: not a valid customer number"
expect_stderr_contains "row 8: no identifier"
expect_stderr_contains "row 9: column 2: quoted field opened on line 9 is never closed"
expect_stderr_contains "7 bad rows; nothing was imported"
grep -q 'secret.value\|DE89370400440532013001\|nobody@\|K;1' "$LAST_ERR" && fail "an error echoes a value"
bk subjects status
expect_stdout_contains "no subject index"
printf '%s\n' 'email,phone' 'a@example.invalid,' > nohead.csv
expect_exit 2 "$BK" subjects import nohead.csv
expect_stderr_contains "row 1: the header needs an id column"
: > empty.csv
expect_exit 2 "$BK" subjects import empty.csv
expect_stderr_contains "empty"
expect_exit 1 "$BK" subjects import does-not-exist.csv
expect_stderr_contains "cannot read does-not-exist.csv"
expect_exit 2 "$BK" subjects import
