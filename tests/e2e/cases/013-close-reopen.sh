# close needs a reason and records it; reopen undoes it; both are events;
# a closed incident's obligations leave the due list; list --status works.
. "$E2E_LIB"

init_register
facts f.json "Close test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
facts g.json "Stays open" 2024-05-01T08:00:00Z
other=$(new_incident g.json)

expect_invalid "reason" "required" "$BK" incident close "$ref"
bk incident close "$ref" --reason "no personal data involved after all"
expect_stdout_contains "closed"
expect_exit 1 "$BK" incident close "$ref" --reason again
expect_stderr_contains "already closed"

bk incident show "$ref" --json
expect_eq "status" "$(jget 'd["status"]')" closed
expect_eq "closed_at" "$(utc "$(jget 'd["closed_at"]')")" 2024-05-01T10:00:00Z
expect_eq "event" "$(jget 'd["history"][-1]["kind"]')" closed
expect_eq "reason" "$(jget 'd["history"][-1]["payload"]["reason"]')" \
    "no personal data involved after all"

bk incident list --status closed --json
expect_eq "closed list" "$(jget '[i["ref"] for i in d]')" "[\"$ref\"]"
bk incident list --status open --json
expect_eq "open list" "$(jget '[i["ref"] for i in d]')" "[\"$other\"]"
bk obligations --json
expect_eq "due list" "$(jget '[o["incident"] for o in d]')" "[\"$other\"]"

bk incident reopen "$ref" --reason "new information"
expect_stdout_contains "reopened"
expect_exit 1 "$BK" incident reopen "$ref"
expect_stderr_contains "already open"
bk incident show "$ref" --json
expect_eq "status" "$(jget 'd["status"]')" open
expect_eq "closed_at" "$(jget 'd["closed_at"]')" null
expect_eq "events" "$(jget '[e["kind"] for e in d["history"]][-2:]')" '["closed","reopened"]'
expect_exit 2 "$BK" incident list --status pending
expect_verify_ok
