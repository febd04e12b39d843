# Correcting the awareness time is an event that moves the due time, but
# a filing that was late when made stays late.
. "$E2E_LIB"

init_register
facts f.json "Correction test" 2024-04-25T08:00:00Z 2024-04-25T07:00:00Z
ref=$(new_incident f.json)
bk file "$ref" --to authority --phase initial --case-ref SA-7 \
    --delay-reason "Test: late"
bk obligations "$ref" --json
expect_eq "late" "$(jget 'd[0]["late"]')" true

BREACHKIT_TEST_CLOCK=2024-05-01T11:00:00Z
export BREACHKIT_TEST_CLOCK
echo '{"timeline": {"aware_at": "2024-04-30T08:00:00Z"}}' >p.json
bk incident edit "$ref" --from p.json --reason "awareness was later than first recorded"
bk obligations "$ref" --json
expect_eq "due moved" "$(utc "$(jget 'd[0]["due_at"]')")" 2024-05-03T08:00:00Z
expect_eq "anchor moved" "$(utc "$(jget 'd[0]["anchor_at"]')")" 2024-04-30T08:00:00Z
expect_eq "still late" "$(jget 'd[0]["late"]')" true
expect_eq "reason kept" "$(jget 'd[0]["delay_reason"]')" "Test: late"

bk incident show "$ref" --json
expect_eq "correction recorded" "$(jget '[utc for utc in [d["history"][-2]["payload"]["awareness_corrected"]["from"], d["history"][-2]["payload"]["awareness_corrected"]["to"]]]')" \
    '["2024-04-25T08:00:00Z","2024-04-30T08:00:00Z"]'
expect_eq "due_changed event" "$(jget '[d["history"][-1]["payload"][k] for k in ("action", "late")]')" \
    '["due_changed",true]'
expect_eq "old due in the log" "$(jget 'd["history"][-1]["payload"]["due_at"]')" 2024-04-28T08:00:00Z
expect_eq "new due in the log" "$(jget 'd["history"][-1]["payload"]["new_due_at"]')" 2024-05-03T08:00:00Z

bk export --format csv
"$PY" -c '
import csv, sys
r = list(csv.DictReader(open(sys.argv[1], newline="")))[0]
assert r["authority_late"] == "yes", r
' "$LAST_OUT" || fail "export lost the lateness"
expect_verify_ok
