# init --demo creates a register with the fictional demo organisation's
# incidents (prefix DEMO), live obligations, and a clean verify.
. "$E2E_LIB"

bk init --demo
expect_stdout_contains "added 4 fictional demo incidents"
[ -s "$BREACHKIT_DB" ] || fail "no register file at $BREACHKIT_DB"

bk incident list --json
expect_eq "demo incidents" "$(jget 'len(d)')" 4
expect_eq "demo references" "$(jget '[i["ref"] for i in d]')" \
    '["DEMO-2024-0001","DEMO-2024-0002","DEMO-2024-0003","DEMO-2024-0004"]'
expect_eq "titles say demo" "$(jget 'all("(demo)" in i["title"] for i in d)')" true

bk obligations --json
[ "$(jget 'len(d)')" -ge 3 ] || fail "demo has too few open obligations"

bk export --format json
expect_eq "fictional descriptions" \
    "$(jget 'all(i["facts"]["description"].startswith("Fictional demo") for i in d["register"])')" true

expect_verify_ok
