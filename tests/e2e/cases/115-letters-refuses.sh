# Refusals before anything is sent: missing settings are listed (exit 2),
# an incident without measures or description is refused (exit 2), an
# smtp URL of another scheme and a missing output are usage errors.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
people people.csv 2
bk settings unset dpo_email
bk settings unset org_channels
before=$(snapshot)
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --mbox out.mbox
expect_stderr_contains "org_channels, dpo_email"
expect_stderr_contains "nothing was sent"
[ ! -e out.mbox ] || fail "wrote an mbox without the settings"
expect_unchanged "$before"
bk settings set dpo_email "datenschutz@musterschuh.example.invalid"
bk settings set org_channels "Nur von @musterschuh.example.invalid."

facts "$PWD/.bare.json" "No measures yet" 2024-04-30T09:00:00Z
expect_eq "second" "$(new_incident "$PWD/.bare.json")" BK-2024-0002
expect_exit 2 "$BK" letters BK-2024-0002 --subjects people.csv --mbox out.mbox
expect_stderr_contains "measures.taken"
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --smtp http://127.0.0.1:1
expect_stderr_contains "smtp://"
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv
expect_stderr_contains "exactly one of"
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --out d --mbox m
printf 'name,email\nx,x@example.invalid\n' > nohdr.csv
expect_exit 2 "$BK" letters BK-2024-0001 --subjects nohdr.csv --mbox out.mbox
expect_stderr_contains "the header lacks the columns id, language, categories"
