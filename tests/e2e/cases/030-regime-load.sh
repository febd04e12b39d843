# Regimes are data: a custom regime file (a fictional 96-hour rule) loads
# without recompiling and drives the deadlines of incidents that name it.
. "$E2E_LIB"

init_register
cat >eu96.json <<'JSON'
{
  "id": "eu96",
  "name": "Proposed 96-hour rule (test)",
  "rules": [
    {
      "id": "authority-96h",
      "recipient": "authority",
      "label": "Supervisory authority",
      "article": "Proposed Art. 33(1) (test)",
      "when": "aware",
      "roles": ["controller", "joint_controller", "unknown"],
      "anchor": "aware_at",
      "deadline": "PT96H",
      "topic": "authority"
    }
  ]
}
JSON
bk regime load eu96.json
expect_stdout_contains "regime eu96 loaded"
bk regime list
expect_stdout_contains "eu96"
expect_stdout_contains "Proposed 96-hour rule (test)"
bk regime show eu96
expect_stdout_contains '"PT96H"'

facts f.json "96h test" 2024-05-01T09:00:00Z "" '{"regimes": ["eu96"]}'
ref=$(new_incident f.json)
bk obligations "$ref" --json
expect_eq "one" "$(jget 'len(d)')" 1
expect_eq "regime" "$(jget 'd[0]["regime"]')" eu96
expect_eq "due = aware + 96h" "$(utc "$(jget 'd[0]["due_at"]')")" 2024-05-05T09:00:00Z
expect_eq "article" "$(jget 'd[0]["article"]')" "Proposed Art. 33(1) (test)"
expect_exit 1 "$BK" regime show nosuch
expect_verify_ok
