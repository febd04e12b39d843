# assess: a recommendation with reasons, recorded as a new version only
# when the facts or the result changed; earlier versions stay in the
# history; --facts works without a register.
. "$E2E_LIB"

init_register
facts "$PWD/a.json" "Plaintext passwords leaked" 2024-05-01T08:00:00Z "" \
    '{"nature":{"confidentiality":true},"cause":{"intent":"malicious"},"data":{"categories":["credentials","contact"],"identifiers":["email"]},"protection":{"encryption":"none","password_storage":"plaintext"},"exposure":{"exfiltrated":true,"recipients":"public"},"subjects":{"count":5000}}'
expect_eq ref "$(new_incident "$PWD/a.json")" BK-2024-0001
bk assess BK-2024-0001 --json
expect_eq "version" "$(jget 'd["version"]')" 1
expect_eq "recorded" "$(jget 'd["recorded"]')" true
expect_eq "risk" "$(jget 'd["risk_level"]')" high
expect_eq "notify" "$(jget 'd["notify_authority"]')" true
expect_eq "communicate" "$(jget 'd["communicate_subjects"]')" true
expect_eq "reasons cite" "$(jget 'all(r["en"] and r["de"] and r["cite"] for r in d["reasons"])')" true
expect_eq "enisa keys" "$(jget 'sorted(d["enisa"].keys()) >= ["band","cb","dpc","ei","se"]')" true
bk assess BK-2024-0001 --json
expect_eq "unchanged" "$(jget '[d["version"], d["recorded"]]')" '[1,false]'
echo '{"protection":{"password_storage":"salted_modern_hash"}}' > patch.json
bk incident edit BK-2024-0001 --from patch.json
bk assess BK-2024-0001 --json
expect_eq "new version" "$(jget '[d["version"], d["recorded"]]')" '[2,true]'
bk incident show BK-2024-0001 --json
expect_eq "history keeps both" "$(jget '[e["payload"]["version"] for e in d["history"] if e["kind"] == "assessment"]')" '[1,2]'
expect_verify_ok
# Without a register.
rm -f "$BREACHKIT_DB" "$BREACHKIT_DB-access"
run "$BK" assess --facts a.json --json
expect_eq "no db needed" "$RC" 0
expect_eq "risk from file" "$(jget 'd["risk_level"]')" high
run_in a.json "$BK" assess --facts - --json
expect_eq "stdin" "$RC" 0
[ ! -e "$BREACHKIT_DB" ] || fail "assess --facts created a register"
echo '{"title":"x","role":"emperor"}' > bad.json
expect_exit 2 "$BK" assess --facts bad.json
expect_stderr_contains "role"
