# verify passes (exit 0) on a clean register after every kind of change,
# and reports in JSON with --json.
. "$E2E_LIB"

init_register
bk verify
expect_stdout_contains "ok: 0 incidents checked, 0 with problems"

bk init --demo --db demo.db
BREACHKIT_DB=$PWD/demo.db
facts f.json "Everything" 2024-04-28T08:00:00Z "" '{"reporter": {"name": "Robin Sample", "email": "robin@example.invalid"}}'
ref=$(new_incident f.json)
bk note "$ref" "a note"
echo '{"nature": {"availability": true}}' >p.json
bk incident edit "$ref" --from p.json --reason edit
echo 'fictional evidence' >ev.txt
bk attach "$ref" ev.txt
bk decide "$ref" subjects yes --rationale "test"
bk file "$ref" --to authority --phase initial --case-ref SA-5 --delay-reason late
bk file "$ref" --to subjects --phase initial
bk obligations add "$ref" --recipient "Insurer (fictional)" --due 2024-05-03T00:00:00Z
bk erase "$ref" --field reporter.email --notes --reason "retention ended (test)"
bk incident close "$ref" --reason done

bk verify
expect_stdout_contains "ok: 5 incidents checked, 0 with problems"
bk verify --json
expect_eq "json ok" "$(jget 'd["ok"]')" true
expect_eq "json incidents" "$(jget 'd["incidents"]')" 5
expect_eq "json problems" "$(jget 'd["problems"]')" '[]'
