# The relay refuses one recipient (550): that row is "failed" with the
# relay's answer, the others are sent, exit 1; the send log says failed,
# so the next run sends it (and only it) again.  --in-doubt resend is not
# needed for a refusal: nothing was delivered.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
people people.csv 4
sink_start "$PWD/sink" --reject person0003
trap sink_stop EXIT

expect_exit 1 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --json
expect_eq "failed" "$(jget '[x["id"] for x in d["letters"] if x["status"] == "failed"]')" '["p-0003"]'
jget '[x["detail"] for x in d["letters"] if x["status"] == "failed"][0]' | grep -q "550" ||
    fail "the relay's answer is not reported"
expect_eq "sent" "$(jget 'd["summary"]["sent"]')" 3
expect_eq "log" "$(sqlite3 "$BREACHKIT_DB" "SELECT state, attempts FROM letter WHERE state != 'sent'")" "failed|1"

sink_stop
sink_start "$PWD/sink"
bk letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional
expect_stdout_contains "1 sent, 3 already sent, 0 failed, 0 in doubt"
expect_eq "per recipient" "$(per_recipient sink | awk '{print $2}' | sort -u)" 1
[ "$(per_recipient sink | wc -l)" -eq 4 ] || fail "not every recipient has a letter"
expect_eq "attempts" "$(sqlite3 "$BREACHKIT_DB" "SELECT max(attempts) FROM letter")" 2
