# import is all or nothing: line 3 bad -> nothing imported, exit 2, and
# the message names line 3 and the field.
. "$E2E_LIB"

init_register
facts f.json "Existing" 2024-05-01T08:00:00Z
new_incident f.json >/dev/null
before=$(snapshot)

cat >bad.jsonl <<'JSONL'
{"title": "Import one", "timeline": {"aware_at": "2024-04-30T08:00:00Z"}}
{"title": "Import two"}
{"title": "Import three", "role": "overlord"}
{"title": "Import four"}
JSONL
expect_invalid "line 3" "role" "$BK" incident import bad.jsonl
expect_stderr_contains "must be one of"
expect_unchanged "$before"

printf '%s\n' '{"title": "a"}' '{"title": "b"}' '{"title": "c",' >trunc.jsonl
expect_invalid "line 3" "(json)" "$BK" incident import trunc.jsonl
expect_unchanged "$before"

# The good lines alone import, in order, each with its obligations.
head -2 bad.jsonl >good.jsonl
bk incident import good.jsonl
expect_stdout_contains "imported 2 incidents"
expect_eq "count" "$(incident_count)" 3
bk obligations --json
expect_eq "obligation of line 1" "$(jget '[o["incident"] for o in d]')" '["BK-2024-0002","BK-2024-0001"]'
expect_verify_ok
