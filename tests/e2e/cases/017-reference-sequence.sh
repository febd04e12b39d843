# References are PREFIX-YEAR-NNNN: consecutive, not consumed by rejected
# input, continued by import, restarted for a new year; an incident is
# found by its reference or its number.
. "$E2E_LIB"

init_register --prefix ACME
facts f.json "Sequence test"
for want in ACME-2024-0001 ACME-2024-0002 ACME-2024-0003; do
	expect_eq "reference" "$(new_incident f.json)" "$want"
done
echo '{"title": "rejected", "bogus": true}' >bad.json
expect_exit 2 "$BK" incident new --from bad.json
expect_eq "no gap after a rejection" "$(new_incident f.json)" ACME-2024-0004

printf '%s\n' '{"title":"Imported one"}' '{"title":"Imported two"}' >two.jsonl
bk incident import two.jsonl
expect_stdout_contains "imported 2 incidents"
bk incident list --json
expect_eq "all" "$(jget '[i["ref"] for i in d]')" \
    '["ACME-2024-0001","ACME-2024-0002","ACME-2024-0003","ACME-2024-0004","ACME-2024-0005","ACME-2024-0006"]'

BREACHKIT_TEST_CLOCK=2025-01-15T09:00:00Z
export BREACHKIT_TEST_CLOCK
expect_eq "new year" "$(new_incident f.json)" ACME-2025-0001
expect_eq "next" "$(new_incident f.json)" ACME-2025-0002

bk incident show 5 --json
expect_eq "by number" "$(jget 'd["ref"]')" ACME-2024-0005
bk incident show ACME-2025-0002 --json
expect_eq "by reference" "$(jget 'd["title"]')" "Sequence test"
expect_verify_ok
