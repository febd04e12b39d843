# A time without a zone, a date alone or an impossible time is refused:
# exit 2 naming the field and what is missing, nothing written.
. "$E2E_LIB"

init_register
facts f.json "Existing" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
before=$(snapshot)

echo '{"title": "x", "timeline": {"aware_at": "2024-04-30T10:00:00"}}' >t1.json
expect_invalid "timeline.aware_at" "no zone" "$BK" incident new --from t1.json
echo '{"title": "x", "timeline": {"discovered_at": "2024-04-30"}}' >t2.json
expect_invalid "timeline.discovered_at" "a date alone is not enough" "$BK" incident new --from t2.json
echo '{"title": "x", "timeline": {"discovered_at": "2024-02-30T10:00:00Z"}}' >t3.json
expect_invalid "timeline.discovered_at" "no such date" "$BK" incident new --from t3.json
echo '{"timeline": {"occurred_from": "2024-04-01 10:00"}}' >p.json
expect_invalid "timeline.occurred_from" "no zone" "$BK" incident edit "$ref" --from p.json
expect_invalid "--due" "no zone" "$BK" obligations add "$ref" --recipient X --due 2024-05-02T10:00:00
expect_unchanged "$before"
