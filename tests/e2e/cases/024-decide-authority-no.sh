# decide authority no: the authority obligation becomes not_required with
# the decision's rationale, who and when; it leaves the due list and
# cannot be filed; a later "yes" reopens it.
. "$E2E_LIB"

init_register
facts f.json "Authority no test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
bk decide "$ref" authority no --rationale "Encrypted, key safe: unlikely to result in a risk (test)"
bk obligations "$ref" --json
expect_eq "status" "$(jget 'd[0]["status"]')" not_required
expect_eq "rationale" "$(jget 'd[0]["rationale"]')" "Encrypted, key safe: unlikely to result in a risk (test)"
expect_eq "decided_by" "$(jget 'd[0]["decided_by"]')" tester
expect_eq "decided_at" "$(utc "$(jget 'd[0]["decided_at"]')")" 2024-05-01T10:00:00Z
bk obligations --json
expect_eq "not due" "$(jget 'len(d)')" 0

before=$(snapshot)
expect_exit 1 "$BK" file "$ref" --to authority --phase initial
expect_stderr_contains "not required"
expect_unchanged "$before"

bk incident show "$ref" --json
expect_eq "event" "$(jget '[e["payload"].get("action") for e in d["history"] if e["kind"] == "obligation"]')" \
    '["created","not_required"]'

bk decide "$ref" authority yes --rationale "New facts: key may be exposed (test)"
bk obligations "$ref" --json
expect_eq "reopened" "$(jget 'd[0]["status"]')" open
expect_eq "rationale cleared" "$(jget 'd[0]["rationale"]')" null
bk incident show "$ref" --json
expect_eq "both decisions kept" "$(jget '[x["outcome"] for x in d["decisions"]]')" '[false,true]'
expect_verify_ok
