# Erasure: erase --field replaces personal data in the state and in every
# event payload; the erasure is itself an event; verify still passes.
. "$E2E_LIB"

init_register
facts f.json "Erasure test" 2024-05-01T08:00:00Z "" \
    '{"reporter": {"name": "Zed Fictionalperson", "email": "zed@example.invalid", "function": "IT support"}}'
ref=$(new_incident f.json)
echo '{"reporter": {"phone": "+00 0000 000000"}}' >p.json
bk incident edit "$ref" --from p.json
bk note "$ref" "Zed Fictionalperson called back."

expect_invalid "reason" "required" "$BK" erase "$ref" --field reporter.name
bk erase "$ref" --field reporter.name --field reporter.phone --notes --reason "Retention period ended (test)"
expect_stdout_contains "erased"

bk incident show "$ref" --json
expect_stdout_lacks "Zed Fictionalperson"
expect_stdout_lacks "+00 0000 000000"
expect_eq "state" "$(jget 'd["facts"]["reporter"]["name"]')" "[erased]"
expect_eq "other facts kept" "$(jget 'd["facts"]["reporter"]["email"]')" "zed@example.invalid"
expect_eq "function kept" "$(jget 'd["facts"]["reporter"]["function"]')" "IT support"
expect_eq "last event" "$(jget 'd["history"][-1]["kind"]')" erasure
expect_eq "erasure payload" "$(jget '[d["history"][-1]["payload"][k] for k in ("fields", "notes", "reason")]')" \
    '[["reporter.name","reporter.phone"],true,"Retention period ended (test)"]'
expect_eq "erased events" "$(jget 'd["history"][-1]["payload"]["events"]')" \
    "$(jget '[e["seq"] for e in d["history"] if e["erased"]]')"
bk incident show "$ref"
expect_stdout_lacks "Zed Fictionalperson"
expect_stdout_contains "(payload erased)"
expect_stdout_contains "erasure"

# Gone from the file too, not just from the output.
expect_eq "in the database" "$(sqlite3 "$BREACHKIT_DB" "SELECT count(*) FROM event WHERE payload LIKE '%Fictionalperson%'") $(sqlite3 "$BREACHKIT_DB" "SELECT count(*) FROM incident WHERE facts LIKE '%Fictionalperson%'")" "0 0"
expect_verify_ok
# secure_delete: no stale copy in the file's free pages either.
grep -q Fictionalperson "$BREACHKIT_DB" "$BREACHKIT_DB-wal" 2>/dev/null &&
    fail "the erased name is still in the database file"

# Nothing left to erase.
expect_exit 1 "$BK" erase "$ref" --field reporter.name --reason again
expect_stderr_contains "nothing to erase"
expect_verify_ok
