# incident edit applies an RFC 7396 JSON merge patch: objects merge, arrays
# and scalars replace, null removes the fact (it becomes unknown).  The
# change is one "facts" event carrying the patch and the reason.
. "$E2E_LIB"

init_register
facts f.json "Edit test" 2024-05-01T08:00:00Z "" \
    '{"nature":{"integrity":false,"type":"hacking"},"reporter":{"name":"Pat Placeholder","email":"pat@example.invalid"},"data":{"categories":["contact"]}}'
ref=$(new_incident f.json)

cat >patch.json <<'JSON'
{"nature": {"integrity": true, "type": null},
 "reporter": {"email": null},
 "data": {"categories": ["contact", "financial"]},
 "measures": {"taken": "Passwords reset."}}
JSON
bk incident edit "$ref" --from patch.json --reason "forensics report"
expect_stdout_contains "updated"

bk incident show "$ref" --json
expect_eq "merged" "$(jget 'd["facts"]["nature"]')" '{"confidentiality":true,"integrity":true}'
expect_eq "email removed" "$(jget 'd["facts"]["reporter"]')" '{"name":"Pat Placeholder"}'
expect_eq "array replaced" "$(jget 'd["facts"]["data"]["categories"]')" '["contact","financial"]'
expect_eq "new group" "$(jget 'd["facts"]["measures"]["taken"]')" "Passwords reset."
expect_eq "untouched" "$(jget 'd["facts"]["title"]')" "Edit test"
expect_eq "last event" "$(jget 'd["history"][-1]["kind"]')" facts
expect_eq "reason" "$(jget 'd["history"][-1]["payload"]["reason"]')" "forensics report"
expect_eq "patch has the removal" "$(jget 'd["history"][-1]["payload"]["patch"]["reporter"]')" '{"email":null}'
events=$(jget 'd["events"]')

# An edit that changes nothing records nothing.
bk incident edit "$ref" --from patch.json
expect_stdout_contains "nothing changed"
bk incident show "$ref" --json
expect_eq "no new event" "$(jget 'd["events"]')" "$events"

# A patch must be an object; the facts must still validate afterwards.
echo '[1,2]' >arr.json
expect_invalid "(top)" "merge patch must be a JSON object" "$BK" incident edit "$ref" --from arr.json
echo '{"title": null}' >notitle.json
expect_invalid "title" "required" "$BK" incident edit "$ref" --from notitle.json
expect_verify_ok
