# scan --incident attaches the result to the incident as a "scan" event:
# categories, counts, estimates, columns and masked samples, no values.
# An unknown incident fails before the scan.
. "$E2E_LIB"
init_register
facts f.json "Leak" 2024-04-30T09:00:00Z 2024-04-30T08:00:00Z
expect_eq "incident" "$(new_incident f.json)" BK-2024-0001
printf '%s\n' 'email,iban' 'planted.person@example.invalid,DE89370400440532013000' \
    'other.person@example.invalid,' > leak.csv
bk scan --incident BK-2024-0001 leak.csv
expect_stdout_contains "recorded on BK-2024-0001 as a scan event"
bk incident show BK-2024-0001 --json
expect_eq "kind" "$(jget 'd["history"][-1]["kind"]')" scan
"$PY" - "$BREACHKIT_DB" <<'PYEOF' || fail "scan event payload"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(p,) = db.execute("SELECT payload FROM event WHERE kind = 'scan'").fetchone()
d = json.loads(p)
cats = {c["category"]: c for c in d["categories"]}
assert cats["email"]["values"] == 2, cats
assert cats["email"]["distinct"]["estimate"] is True
assert cats["email"]["columns"] == ["email"]
assert cats["iban"]["samples"] == ["DE89\u20263000"], cats["iban"]
assert "planted" not in p and "DE89370400440532013000" not in p, p
PYEOF
expect_verify_ok
expect_exit 1 "$BK" scan --incident BK-2024-0042 leak.csv
expect_stderr_contains 'no incident "BK-2024-0042"'
