# A time in the future (the fixed clock says 2024-05-01T10:00:00Z) is
# refused: exit 2 naming the field, nothing written.
. "$E2E_LIB"

init_register
facts f.json "Existing" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
before=$(snapshot)

echo '{"title": "x", "timeline": {"discovered_at": "2024-05-02T10:00:00Z"}}' >t1.json
expect_invalid "timeline.discovered_at" "lies in the future" "$BK" incident new --from t1.json
echo '{"title": "x", "timeline": {"aware_at": "2024-05-01T12:30:00+02:00"}}' >t2.json
expect_invalid "timeline.aware_at" "lies in the future" "$BK" incident new --from t2.json
echo '{"timeline": {"occurred_to": "2030-01-01T00:00:00Z"}}' >p.json
expect_invalid "timeline.occurred_to" "lies in the future" "$BK" incident edit "$ref" --from p.json
expect_invalid "filed_at" "lies in the future" "$BK" file "$ref" --to authority --phase initial --at 2024-05-01T11:00:00Z
expect_unchanged "$before"

# Once the clock has passed it, the same time is accepted.
BREACHKIT_TEST_CLOCK=2024-05-03T00:00:00Z bk incident new --from t1.json
