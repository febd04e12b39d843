# Tampering with the records the log governs, not the log: each stored
# record is replayed from the log, so changing lateness, status, due times,
# decisions, filings or the incident's title is named by verify.
. "$E2E_LIB"

init_register
facts "$PWD/a.json" "State target" 2024-04-27T08:00:00Z
expect_eq ref "$(new_incident "$PWD/a.json")" BK-2024-0001
bk file BK-2024-0001 --to authority --phase initial --case-ref SA-1 \
    --delay-reason "Forensics first (fictional)."
bk decide BK-2024-0001 subjects yes --rationale "High risk (fictional)."
expect_verify_ok
cp "$BREACHKIT_DB" clean.db

check() {	# check SQL PROBLEM-TEXT
	cp clean.db "$BREACHKIT_DB"
	rm -f "$BREACHKIT_DB-wal" "$BREACHKIT_DB-shm"
	tamper "$1"
	run "$BK" verify
	[ "$RC" -eq 1 ] || fail "verify passed after: $1"
	expect_stdout_contains "FAIL BK-2024-0001"
	expect_stdout_contains "$2"
}
check "UPDATE obligation SET late = 0 WHERE recipient = 'authority'" \
    "late is false in the register but true in the log"
check "UPDATE obligation SET due_at = due_at + 86400 WHERE recipient = 'authority'" \
    "due_at"
check "UPDATE obligation SET status = 'open', phase = NULL WHERE recipient = 'authority'" \
    "status"
check "UPDATE incident SET status = 'closed', closed_at = 1 WHERE id = 1" \
    "the status"
check "UPDATE incident SET title = 'Something else' WHERE id = 1" "the title"
check "UPDATE decision SET rationale = 'Other reasons' WHERE id = 1" \
    "decision #1 rationale"
check "DELETE FROM filing" "filings stored but"
check "UPDATE filing SET delay_reason = NULL" "delay_reason"
