# Unknown is a value of its own: absent or null yes/no facts stay absent
# (never turned into false), enums accept "unknown", and export shows
# "unknown", not "no".
. "$E2E_LIB"

init_register
cat >f.json <<'JSON'
{"title": "Unknowns", "nature": {"confidentiality": true, "integrity": null},
 "exposure": {"exfiltrated": false}, "cause": {"intent": "unknown"}}
JSON
ref=$(new_incident f.json)
bk incident show "$ref" --json
expect_eq "nature" "$(jget 'd["facts"]["nature"]')" '{"confidentiality":true}'
expect_eq "false stays false" "$(jget 'd["facts"]["exposure"]')" '{"exfiltrated":false}'
# "unknown" enum values are the same as absent: nothing is invented.
expect_eq "no invented facts" "$(jget 'sorted(d["facts"].keys())')" \
    '["exposure","nature","title"]'
expect_eq "availability absent" "$(jget '"availability" in d["facts"]["nature"]')" false
expect_eq "misuse absent" "$(jget '"misuse_observed" in d["facts"]["exposure"]')" false

bk incident show "$ref"
expect_stdout_contains "anything not listed is unknown"
expect_stdout_lacks "nature.integrity"
expect_stdout_contains "not yet aware"

bk export --format csv
"$PY" - "$LAST_OUT" <<'PY' || fail "export shows unknown facts wrongly"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
r = rows[0]
assert r["confidentiality"] == "yes", r
assert r["integrity"] == "unknown", r
assert r["availability"] == "unknown", r
assert r["aware_at"] == "", r
PY

# Removing a fact with null makes it unknown again, not false.
echo '{"nature": {"confidentiality": null}}' >p.json
bk incident edit "$ref" --from p.json
bk incident show "$ref" --json
expect_eq "removed" "$(jget '"confidentiality" in d["facts"].get("nature", {})')" false
bk export --format csv
"$PY" -c '
import csv, sys
r = list(csv.DictReader(open(sys.argv[1], newline="")))[0]
assert r["confidentiality"] == "unknown", r
' "$LAST_OUT" || fail "null did not make the fact unknown"

# An unknown awareness time means no Art. 33 clock yet.
bk obligations "$ref" --json
expect_eq "no obligations before awareness" "$(jget 'len(d)')" 0
