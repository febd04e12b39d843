# In doubt: the relay stored the 2nd letter but the sender was killed
# before it saw the 250.  The restart cannot know whether the letter went
# out: it does not send it again (never twice) and reports it with its
# Message-ID (never silently skipped), exit 1, until the operator resolves
# it: --in-doubt sent after finding it in the relay's log.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_in_doubt

sink_stop
sink_start "$PWD/sink"
expect_exit 1 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --json
expect_eq "in doubt" "$(jget '[x["id"] for x in d["letters"] if x["status"] == "in_doubt"]')" '["p-0002"]'
expect_eq "msgid" "$(jget '[x["message_id"] for x in d["letters"] if x["status"] == "in_doubt"][0]')" \
    "$(grep -h -A1 '^Message-ID:' sink/0002.eml | grep -o 'letter[^>]*')"
expect_eq "sent" "$(jget 'd["summary"]["sent"]')" 1
[ "$(per_recipient sink | awk '$2 != 1' | wc -l)" -eq 0 ] || fail "a letter went out twice"
[ "$(per_recipient sink | wc -l)" -eq 3 ] || fail "expected 3 recipients: $(per_recipient sink)"

# Still reported, still not sent, on every run until resolved.
expect_exit 1 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional
expect_stdout_contains "in_doubt"
expect_stdout_contains "--in-doubt sent"
bk letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --in-doubt sent
expect_stdout_contains "marked_sent"
bk letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional
expect_stdout_contains "0 sent, 3 already sent, 0 failed, 0 in doubt"
[ "$(ls sink/*.eml | wc -l)" -eq 3 ] || fail "a letter went out twice"
