# Invalid JSON (truncated, trailing garbage, duplicate keys, bad UTF-8,
# empty, not an object) is refused with the position and problem, exit 2,
# and nothing is written.
. "$E2E_LIB"

init_register
facts f.json "Existing" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
before=$(snapshot)

printf '{"title": "Truncated",' >t1.json
expect_invalid "(json): line 1" "expected near end of file" "$BK" incident new --from t1.json
printf '{"title": "Trailing"} garbage' >t2.json
expect_invalid "(json)" "end of file expected" "$BK" incident new --from t2.json
printf '{"title": "One", "title": "Two"}' >t3.json
expect_invalid "(json)" "duplicate object key" "$BK" incident new --from t3.json
printf '{"title": "Bad \377 byte"}' >t4.json
expect_invalid "(json)" "unable to decode byte" "$BK" incident new --from t4.json
: >t5.json
expect_invalid "(json)" "expected" "$BK" incident new --from t5.json
echo '["title"]' >t6.json
expect_invalid "(top)" "must be a JSON object" "$BK" incident new --from t6.json
run_in t1.json "$BK" incident new --from -
expect_eq "stdin exit" "$RC" 2
expect_stderr_contains "(json)"

# The same for a merge patch.
expect_invalid "(json)" "expected near end of file" "$BK" incident edit "$ref" --from t1.json
expect_invalid "(json)" "duplicate object key" "$BK" incident edit "$ref" --from t3.json
expect_unchanged "$before"
