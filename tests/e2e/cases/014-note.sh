# note adds an event to the history, attributed to the actor (--actor
# beats $BREACHKIT_ACTOR); the facts do not change.
. "$E2E_LIB"

init_register
facts f.json "Note test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
bk incident show "$ref" --json
facts_before=$(jget 'd["facts"]')

bk note "$ref" "Called the hosting provider (fictional); awaiting logs."
bk note "$ref" "Second note" --actor dpo-office
bk incident show "$ref" --json
expect_eq "kinds" "$(jget '[e["kind"] for e in d["history"]][-2:]')" '["note","note"]'
expect_eq "text" "$(jget 'd["history"][-2]["payload"]["text"]')" \
    "Called the hosting provider (fictional); awaiting logs."
expect_eq "actor" "$(jget 'd["history"][-2]["actor"]')" tester
expect_eq "--actor" "$(jget 'd["history"][-1]["actor"]')" dpo-office
expect_eq "facts unchanged" "$(jget 'd["facts"]')" "$facts_before"

before=$(snapshot)
expect_invalid "text" "required" "$BK" note "$ref" ""
expect_exit 1 "$BK" note ACME-1999-0001 "to nowhere"
expect_stderr_contains "no incident"
expect_exit 2 "$BK" note "$ref"
expect_unchanged "$before"
expect_verify_ok
