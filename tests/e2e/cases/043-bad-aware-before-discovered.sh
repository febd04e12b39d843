# Awareness cannot precede discovery (nor discovery the breach): exit 2
# naming the field, nothing written, on new and on edit.
. "$E2E_LIB"

init_register
facts f.json "Existing" 2024-05-01T08:00:00Z 2024-05-01T07:00:00Z
ref=$(new_incident f.json)
before=$(snapshot)

echo '{"title": "x", "timeline": {"discovered_at": "2024-04-30T12:00:00Z", "aware_at": "2024-04-30T11:59:59Z"}}' >t1.json
expect_invalid "timeline.aware_at" "lies before timeline.discovered_at" "$BK" incident new --from t1.json
# The same instant written in another zone is still before.
echo '{"title": "x", "timeline": {"discovered_at": "2024-04-30T12:00:00Z", "aware_at": "2024-04-30T13:30:00+02:00"}}' >t2.json
expect_invalid "timeline.aware_at" "awareness cannot precede discovery" "$BK" incident new --from t2.json
echo '{"timeline": {"aware_at": "2024-05-01T06:00:00Z"}}' >p.json
expect_invalid "timeline.aware_at" "lies before timeline.discovered_at" "$BK" incident edit "$ref" --from p.json
echo '{"title": "x", "timeline": {"occurred_from": "2024-04-30T12:00:00Z", "discovered_at": "2024-04-29T12:00:00Z"}}' >t3.json
expect_invalid "timeline.discovered_at" "lies before timeline.occurred_from" "$BK" incident new --from t3.json
expect_unchanged "$before"
