# An exported register is a witness: a later rewrite that also fixes up the
# bookkeeping (deleted last events with the incident row's head and count
# set back, or the newest incident deleted with the counter lowered) passes
# the internal checks but not verify --against the earlier export.
. "$E2E_LIB"

tamper_setup
bk export --format json --out witness.json
expect_verify_ok
run "$BK" verify --against witness.json
expect_eq "clean against witness" "$RC" 0
cp "$BREACHKIT_DB" clean.db

# Delete the last event of incident 1 and make the row agree.
tamper "DROP TRIGGER event_no_delete; DELETE FROM event WHERE incident_id = 1 AND seq = (SELECT max(seq) FROM event WHERE incident_id = 1); UPDATE incident SET event_n = event_n - 1, head_hash = (SELECT hash FROM event WHERE incident_id = 1 ORDER BY seq DESC LIMIT 1) WHERE id = 1"
expect_verify_ok
run "$BK" verify --against witness.json
[ "$RC" -eq 1 ] || fail "verify --against passed after a fixed-up deletion"
expect_stdout_contains "FAIL BK-2024-0001 event 5"

# Delete the newest incident and lower the reference counter.
cp clean.db "$BREACHKIT_DB"
rm -f "$BREACHKIT_DB-wal" "$BREACHKIT_DB-shm"
tamper "DROP TRIGGER event_no_delete; DELETE FROM event WHERE incident_id = 2; DELETE FROM obligation WHERE incident_id = 2; DELETE FROM incident WHERE id = 2; UPDATE refseq SET last = 1"
expect_verify_ok
run "$BK" verify --against witness.json
[ "$RC" -eq 1 ] || fail "verify --against passed after a deleted incident"
expect_stdout_contains "FAIL BK-2024-0002: listed in the earlier export, but gone"

# Something that is not an export is a usage error.
echo '{}' > notexport.json
expect_exit 2 "$BK" verify --against notexport.json
expect_stderr_contains "not a register export"
