# As processor we owe the controller an Art. 33(2) notification without
# undue delay (reminder target 24h from awareness), and no authority one.
. "$E2E_LIB"

init_register
facts f.json "Processor test" 2024-05-01T09:00:00Z "" '{"role": "processor"}'
ref=$(new_incident f.json)
bk obligations "$ref" --json
expect_eq "one obligation" "$(jget 'len(d)')" 1
expect_eq "recipient" "$(jget 'd[0]["recipient"]')" controller
expect_eq "article" "$(jget 'd[0]["article"]')" "Art. 33(2) GDPR"
expect_eq "kind" "$(jget 'd[0]["kind"]')" undue_delay
expect_eq "reminder target" "$(utc "$(jget 'd[0]["due_at"]')")" 2024-05-02T09:00:00Z
expect_eq "no authority" "$(jget '[o for o in d if o["recipient"] == "authority"]')" '[]'

bk obligations
expect_stdout_contains 'target for "without undue delay"'
bk file "$ref" --to controller --phase initial
bk obligations "$ref" --json
expect_eq "filed" "$(jget 'd[0]["status"]')" filed
expect_eq "not late" "$(jget 'd[0]["late"]')" false
