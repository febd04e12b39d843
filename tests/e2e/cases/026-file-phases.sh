# file records the initial, follow-up and final notifications with the
# authority's case reference, in that order only; each is an event.
. "$E2E_LIB"

init_register
facts f.json "Filing test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)

expect_exit 1 "$BK" file "$ref" --to authority --phase follow-up --case-ref SA-1
expect_stderr_contains "file the initial notification first"
expect_exit 2 "$BK" file "$ref" --to authority --phase preliminary
expect_exit 2 "$BK" file "$ref" --phase initial
expect_exit 1 "$BK" file "$ref" --to nobody --phase initial
expect_stderr_contains "has no obligation to nobody"
expect_invalid "filed_at" "future" "$BK" file "$ref" --to authority --phase initial --at 2024-05-02T10:00:00Z
expect_invalid "--at" "zone" "$BK" file "$ref" --to authority --phase initial --at 2024-05-01T09:00:00

bk file "$ref" --to authority --phase initial --at 2024-05-01T09:30:00Z --case-ref "SA-2024-0815"
expect_stdout_contains "initial filing recorded"
expect_stdout_lacks "late"
expect_exit 1 "$BK" file "$ref" --to authority --phase initial
expect_stderr_contains "already filed"

bk file "$ref" --to authority --phase follow-up --case-ref "SA-2024-0815"
bk obligations "$ref" --json
expect_eq "phase" "$(jget 'd[0]["phase"]')" follow-up
# The case reference carries over when not repeated.
bk file "$ref" --obligation "$(jget 'd[0]["id"]')" --phase final
bk obligations "$ref" --json
expect_eq "status" "$(jget 'd[0]["status"]')" filed
expect_eq "phase" "$(jget 'd[0]["phase"]')" final
expect_eq "case_ref" "$(jget 'd[0]["case_ref"]')" SA-2024-0815
expect_eq "filed_at is the initial" "$(utc "$(jget 'd[0]["filed_at"]')")" 2024-05-01T09:30:00Z
expect_eq "not late" "$(jget 'd[0]["late"]')" false
expect_exit 1 "$BK" file "$ref" --to authority --phase follow-up
expect_stderr_contains "final notification or a withdrawal was already filed"

bk incident show "$ref" --json
expect_eq "filing events" "$(jget '[(e["payload"]["phase"], e["payload"]["case_ref"]) for e in d["history"] if e["kind"] == "filing"]')" \
    '[["initial","SA-2024-0815"],["follow-up","SA-2024-0815"],["final","SA-2024-0815"]]'

# A follow-up must quote the authority's case reference.
facts g.json "No case ref" 2024-05-01T08:00:00Z
ref2=$(new_incident g.json)
bk file "$ref2" --to authority --phase initial
expect_invalid "case_ref" "case reference" "$BK" file "$ref2" --to authority --phase follow-up

# Withdrawn when it turned out not to be a breach.
facts h.json "Withdrawal" 2024-05-01T08:00:00Z
ref3=$(new_incident h.json)
bk file "$ref3" --to authority --phase initial --case-ref SA-3
bk file "$ref3" --to authority --phase withdrawn
bk obligations "$ref3" --json
expect_eq "withdrawn" "$(jget 'd[0]["status"]')" withdrawn
expect_verify_ok
