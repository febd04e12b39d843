# A wrong enum value is named with its path and the allowed values; a
# wrong type likewise; exit 2, nothing written.
. "$E2E_LIB"

init_register
facts f.json "Existing" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
before=$(snapshot)

echo '{"title": "x", "role": "boss"}' >e1.json
expect_invalid "role" "must be one of: unknown, controller, processor, joint_controller" \
    "$BK" incident new --from e1.json
echo '{"title": "x", "data": {"categories": ["contact", "shoe_size"]}}' >e2.json
expect_invalid "data.categories[1]" 'unknown value "shoe_size"' "$BK" incident new --from e2.json
echo '{"title": "x", "nature": {"confidentiality": "maybe"}}' >e3.json
expect_invalid "nature.confidentiality" "must be true, false or null" "$BK" incident new --from e3.json
echo '{"title": "x", "subjects": {"count": -5}}' >e4.json
expect_invalid "subjects.count" "whole number" "$BK" incident new --from e4.json
echo '{"title": "x", "protection": {"restore_time": "4 hours"}}' >e5.json
expect_invalid "protection.restore_time" "ISO-8601 duration" "$BK" incident new --from e5.json
echo '{"exposure": {"recipients": "everyone"}}' >e6.json
expect_invalid "exposure.recipients" "must be one of" "$BK" incident edit "$ref" --from e6.json
expect_unchanged "$before"
