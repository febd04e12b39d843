# A filing after the deadline without the reasons for the delay is
# refused (exit 2, naming delay_reason, nothing written); with them it is
# recorded as late, and the export shows it.
. "$E2E_LIB"

init_register
# Aware 2024-04-25T08:00Z: due 2024-04-28T08:00Z; the clock says 05-01.
facts f.json "Late filing test" 2024-04-25T08:00:00Z
ref=$(new_incident f.json)

before=$(snapshot)
expect_invalid "delay_reason" "after the deadline" "$BK" file "$ref" --to authority --phase initial --case-ref SA-9
expect_stderr_contains "Art. 33(1) GDPR"
expect_unchanged "$before"

bk file "$ref" --to authority --phase initial --case-ref SA-9 \
    --delay-reason "Forensic analysis by an external firm (test)"
expect_stdout_contains "late: after the deadline"
bk obligations "$ref" --json
expect_eq "late" "$(jget 'd[0]["late"]')" true
expect_eq "status" "$(jget 'd[0]["status"]')" filed
expect_eq "delay_reason" "$(jget 'd[0]["delay_reason"]')" "Forensic analysis by an external firm (test)"
bk obligations "$ref"
expect_stdout_contains "filed initial LATE"

bk export --format csv
"$PY" - "$LAST_OUT" <<'PY' || fail "export does not show the late filing"
import csv, sys
r = list(csv.DictReader(open(sys.argv[1], newline="")))[0]
assert r["authority_status"] == "filed", r
assert r["authority_late"] == "yes", r
assert r["delay_reason"] == "Forensic analysis by an external firm (test)", r
PY

# Filed (by --at) before the deadline: on time, no reasons needed.
facts g.json "On time" 2024-04-25T08:00:00Z
ref2=$(new_incident g.json)
bk file "$ref2" --to authority --phase initial --at 2024-04-27T16:00:00+02:00
expect_stdout_lacks "late"
bk obligations "$ref2" --json
expect_eq "on time" "$(jget 'd[0]["late"]')" false
expect_verify_ok
