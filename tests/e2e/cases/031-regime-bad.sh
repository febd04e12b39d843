# A bad regime file is rejected with the path of the bad field (exit 2)
# and nothing is stored; an incident naming an unknown regime is refused.
. "$E2E_LIB"

init_register
"$PY" - <<'PY'
import json
r = json.load(open(__import__("os").environ["TOP"] + "/regimes/gdpr.json"))
r["id"] = "broken"
r["rules"][1]["deadline_hours"] = 96
r["rules"][0]["deadline"] = "96 hours"
json.dump(r, open("bad.json", "w"))
PY
before=$(snapshot)
expect_exit 2 "$BK" regime load bad.json
expect_stderr_contains "rules[0].deadline"
expect_stderr_contains "ISO-8601 duration"
expect_stderr_contains "rules[1].deadline_hours: unknown field"
printf '{"id": "x", "rules": [' >trunc.json
expect_invalid "(json)" "line 1" "$BK" regime load trunc.json
echo '{"id": "x", "name": "No rules", "rules": []}' >empty.json
expect_invalid "rules" "list of 1 to" "$BK" regime load empty.json
expect_unchanged "$before"
bk regime list
expect_stdout_lacks "broken"

facts f.json "Unknown regime" 2024-05-01T09:00:00Z "" '{"regimes": ["gdpr", "broken"]}'
expect_invalid "regimes[1]" 'no regime "broken"' "$BK" incident new --from f.json
expect_unchanged "$before"
