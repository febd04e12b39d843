# incident new prints the reference; show, show --json, list and
# list --json present it; an unknown incident is "not found" (exit 1).
. "$E2E_LIB"

init_register --prefix ACME
facts f.json "Misdirected test letter" 2024-05-01T08:00:00Z 2024-05-01T07:30:00Z
bk incident new --from f.json
expect_eq "reference" "$(out)" ACME-2024-0001
expect_stderr_empty

bk incident new --from f.json --json
expect_eq "json reference" "$(jget 'd["ref"]')" ACME-2024-0002

bk incident show ACME-2024-0001
expect_stdout_contains "ACME-2024-0001  [open]  Misdirected test letter"
expect_stdout_contains "authority"
expect_stdout_contains "history:"
bk incident show 1
expect_stdout_contains "ACME-2024-0001"

bk incident show ACME-2024-0001 --json
expect_eq "show ref" "$(jget 'd["ref"]')" ACME-2024-0001
expect_eq "show status" "$(jget 'd["status"]')" open
expect_eq "show title" "$(jget 'd["facts"]["title"]')" "Misdirected test letter"
expect_eq "aware_at" "$(utc "$(jget 'd["aware_at"]')")" 2024-05-01T08:00:00Z
expect_eq "history kinds" "$(jget '[e["kind"] for e in d["history"]]')" \
    '["created","obligation"]'
expect_eq "actor" "$(jget 'd["history"][0]["actor"]')" tester

bk incident list
expect_stdout_contains "ACME-2024-0001"
expect_stdout_contains "ACME-2024-0002"
bk incident list --json
expect_eq "list" "$(jget '[i["ref"] for i in d]')" '["ACME-2024-0001","ACME-2024-0002"]'
bk incident list --json --limit 1
expect_eq "limit" "$(jget 'len(d)')" 1

expect_exit 1 "$BK" incident show ACME-2024-0099
expect_stderr_contains 'no incident "ACME-2024-0099"'
expect_exit 2 "$BK" incident show
expect_exit 2 "$BK" incident frobnicate 1
