# Input over 1 MiB (a file, standard input, a patch, an import line) is
# refused with exit 2 and nothing is written.
. "$E2E_LIB"

init_register
facts f.json "Existing" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
before=$(snapshot)

"$PY" -c '
import json
d = {"title": "Too big", "description": "x" * (1 << 20)}
open("big.json", "w").write(json.dumps(d))
open("big.jsonl", "w").write("{\"title\": \"fine\"}\n" + json.dumps(d) + "\n")
open("bigpatch.json", "w").write(json.dumps({"description": "y" * (1 << 20)}))
'
[ "$(wc -c <big.json)" -gt 1048576 ] || fail "test file too small"
expect_invalid "big.json" "too large" "$BK" incident new --from big.json
run_in big.json "$BK" incident new --from -
expect_eq "stdin exit" "$RC" 2
expect_stderr_contains "standard input is too large"
expect_invalid "bigpatch.json" "too large" "$BK" incident edit "$ref" --from bigpatch.json
expect_invalid "line 2" "longer than" "$BK" incident import big.jsonl
# Below the document limit, but above a text fact's limit.
"$PY" -c '
import json
open("longtext.json", "w").write(json.dumps({"title": "Long", "description": "z" * 30000}))
'
expect_invalid "description" "too long" "$BK" incident new --from longtext.json
expect_unchanged "$before"
