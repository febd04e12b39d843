# Unknown fields, at the top or inside a group, are named with their path;
# exit 2, nothing written.
. "$E2E_LIB"

init_register
facts f.json "Existing" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
before=$(snapshot)

echo '{"title": "x", "severity": "high"}' >u1.json
expect_invalid "severity" "unknown field" "$BK" incident new --from u1.json
echo '{"title": "x", "nature": {"confidentiality": true, "colour": "red"}}' >u2.json
expect_invalid "nature.colour" "unknown field" "$BK" incident new --from u2.json
echo '{"title": "x", "timeline": {"aware": "2024-05-01T08:00:00Z"}}' >u3.json
expect_invalid "timeline.aware" "unknown field" "$BK" incident new --from u3.json
echo '{"title": "x", "nature": "yes"}' >u4.json
expect_invalid "nature" "must be an object or null" "$BK" incident new --from u4.json
echo '{"reporter": {"shoe_size": 44}}' >u5.json
expect_invalid "reporter.shoe_size" "unknown field" "$BK" incident edit "$ref" --from u5.json
printf '%s\n' '{"title": "ok"}' '{"title": "x", "severity": 1}' >u6.jsonl
expect_invalid "severity" "unknown field" "$BK" incident import u6.jsonl
expect_unchanged "$before"
