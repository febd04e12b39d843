# In doubt, resolved by sending again: the relay stored the 2nd letter but
# the sender was killed before it saw the 250.  After the operator did
# not find it in the relay's log, --in-doubt resend sends it once more
# with the same Message-ID (a duplicate is recognisable), and only it:
# the letters that were sent are not sent again, and a later run finds
# every letter sent.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_in_doubt
first=$(grep -h -A1 '^Message-ID:' sink/0002.eml | grep -o 'letter[^>]*')
[ -n "$first" ] || fail "no Message-ID in the stored letter"

sink_stop
sink_start "$PWD/sink"
# A dry run says what is in doubt and sends nothing.
expect_exit 1 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --in-doubt resend --dry-run
expect_stdout_contains "row 3 in_doubt p-0002"
[ "$(ls sink/*.eml | wc -l)" -eq 2 ] || fail "the dry run sent something"

ok "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --in-doubt resend --json
expect_eq "statuses" "$(jget '[x["status"] for x in d["letters"]]')" '["already_sent","sent","sent"]'
expect_eq "resent msgid" "$(jget 'd["letters"][1]["message_id"]')" "$first"
expect_eq "summary" "$(jget '[d["summary"][k] for k in ("sent", "already_sent", "in_doubt", "failed")]')" "[2,1,0,0]"
# p-0002 twice (the in-doubt copy and the resend), with one Message-ID;
# everyone else once.
expect_eq "per recipient" "$(per_recipient sink | tr '\n' ' ')" \
    "person0001@example.invalid 1 person0002@example.invalid 2 person0003@example.invalid 1 "
expect_eq "same Message-ID" "$(grep -l "$first" sink/*.eml | wc -l)" 2
expect_eq "attempts" "$(sqlite3 "$BREACHKIT_DB" "SELECT state || ':' || attempts FROM letter WHERE message_id LIKE '%$first%'")" "sent:2"

# Resolved: nothing is in doubt, nothing goes out again.
bk letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --in-doubt resend
expect_stdout_contains "0 sent, 3 already sent, 0 failed, 0 in doubt"
[ "$(ls sink/*.eml | wc -l)" -eq 4 ] || fail "a letter went out again"
