# Crash and resume over SMTP: the sender is killed with SIGKILL while the
# relay holds its reply to the RCPT of the 4th letter (the body was never
# handed over), then run again: every recipient ends up with exactly one
# letter, none twice, none skipped; the interrupted one is sent again
# with the same Message-ID.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
bk decide BK-2024-0001 subjects yes --rationale "High risk: credentials and bank data (test)"
people people.csv 8
sink_start "$PWD/sink" --stall-rcpt 4
trap sink_stop EXIT

letters_killed 3
[ "$(ls sink/*.eml | wc -l)" -eq 3 ] || fail "expected 3 letters before the kill"
sqlite3 "$BREACHKIT_DB" "SELECT state, count(*) FROM letter GROUP BY state ORDER BY state" > states
grep -qx 'sending|1' states || fail "expected one letter left in sending: $(cat states)"
grep -qx 'sent|3' states || fail "expected three sent: $(cat states)"
grep -q 'example.invalid\|Müller' states && fail "the send log holds personal data"

sink_stop
sink_start "$PWD/sink"
bk letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --file
expect_stdout_contains "8 rows: 0 invalid, 0 written, 5 sent, 3 already sent, 0 failed, 0 in doubt; Art. 34 communication filed"
n=$(per_recipient sink | awk '$2 != 1' | wc -l)
[ "$n" -eq 0 ] || fail "some recipient got a letter twice: $(per_recipient sink)"
[ "$(per_recipient sink | wc -l)" -eq 8 ] || fail "not every recipient got a letter: $(per_recipient sink)"
# One Message-ID per recipient across both runs.
[ "$(grep -h -A1 '^Message-ID:' sink/*.eml | grep -o '<letter[^>]*>' | sort -u | wc -l)" -eq 8 ] ||
    fail "Message-IDs are not one per recipient"
eml_check sink/*.eml
bk obligations BK-2024-0001 --json
[ "$(jget '[o["status"] for o in d if o["recipient"] == "subjects"]')" = '["filed"]' ] ||
    fail "the Art. 34 obligation was not filed: $(out)"
expect_verify_ok
