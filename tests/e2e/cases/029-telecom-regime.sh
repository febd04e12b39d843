# regimes ["gdpr","tkg"]: besides the authority (72h), the Federal
# Network Agency and the BfDI are owed a notification within 24 hours.
. "$E2E_LIB"

init_register
bk regime list
expect_stdout_contains "gdpr"
expect_stdout_contains "tkg"

facts f.json "Telecom test" 2024-05-01T09:00:00Z "" '{"regimes": ["gdpr", "tkg"], "sectors": ["telecom"]}'
ref=$(new_incident f.json)
bk obligations "$ref" --json
expect_eq "recipients" "$(jget 'sorted(o["recipient"] for o in d)')" '["authority","bfdi","bnetza"]'
expect_eq "24h" "$(jget 'sorted(set(o["due_at"] for o in d if o["regime"] == "tkg"))')" \
    '["2024-05-02T11:00:00+02:00"]'
expect_eq "72h" "$(utc "$(jget '[o["due_at"] for o in d if o["recipient"] == "authority"][0]')")" \
    2024-05-04T09:00:00Z
expect_eq "articles" "$(jget 'all("169" in o["article"] for o in d if o["regime"] == "tkg")')" true
bk obligations --json
expect_eq "sorted: tkg first" "$(jget '[o["regime"] for o in d]')" '["tkg","tkg","gdpr"]'

# A plain incident has only the GDPR obligation.
facts g.json "Plain test" 2024-05-01T09:00:00Z
ref2=$(new_incident g.json)
bk obligations "$ref2" --json
expect_eq "gdpr only" "$(jget '[o["recipient"] for o in d]')" '["authority"]'
