# obligations lists the open obligations of open incidents sorted by due
# time (overdue first) with the time left; --overdue shows only those past
# due; a contractual obligation (obligations add) takes its place.
. "$E2E_LIB"

init_register
# Clock: 2024-05-01T10:00:00Z.  Created in an order unlike the deadlines.
facts a.json "A: due 04-28" 2024-04-25T08:00:00Z
facts b.json "B: due 05-04" 2024-05-01T06:00:00Z
facts c.json "C: due 05-03" 2024-04-30T12:00:00Z
facts d.json "D: due 04-23" 2024-04-20T08:00:00Z
A=$(new_incident a.json)
B=$(new_incident b.json)
C=$(new_incident c.json)
D=$(new_incident d.json)
bk obligations add "$B" --recipient "Customer (fictional contract)" \
    --due 2024-05-02T00:00:00Z --label "Contract clause 9.2"

bk obligations --json
expect_eq "order" "$(jget '[o["incident"] for o in d]')" \
    "[\"$D\",\"$A\",\"$B\",\"$C\",\"$B\"]"
expect_eq "due times sorted" "$(jget '[o["due_at"] for o in d] == sorted([o["due_at"] for o in d], key=lambda s: __import__("datetime").datetime.fromisoformat(s))')" true
expect_eq "contract" "$(jget 'd[2]["recipient"]')" "Customer (fictional contract)"
expect_eq "contract kind" "$(jget 'd[2]["kind"]')" contract
expect_eq "time left for C" "$(jget 'd[3]["seconds_left"]')" 180000
expect_eq "overdue flags" "$(jget '[o["overdue"] for o in d]')" '[true,true,false,false,false]'
expect_eq "D overdue by" "$(jget 'd[0]["seconds_left"]')" -698400

bk obligations --overdue --json
expect_eq "overdue only" "$(jget '[o["incident"] for o in d]')" "[\"$D\",\"$A\"]"

bk obligations
"$PY" - "$LAST_OUT" "$D" "$A" "$B" "$C" <<'PY' || fail "human list not sorted"
import sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
refs = [l.split()[0] for l in lines]
assert refs == [sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[4]], refs
assert "OVERDUE by 8d 2h" in lines[0], lines[0]
assert "OVERDUE by" in lines[1] and "OVERDUE" not in lines[2], lines
assert "2d 2h left" in lines[3], lines[3]
PY
bk obligations --overdue
expect_stdout_lacks "$B"

# Nothing overdue once the late ones are settled.
bk file "$D" --to authority --phase initial --delay-reason "test: late" --case-ref SA-1
bk decide "$A" authority no --rationale "test: unlikely to result in a risk"
bk obligations --overdue
expect_stdout_contains "nothing overdue"
