# decide subjects yes: an attributed decision (who, when, rationale) that
# creates the Art. 34 obligation to the data subjects, anchored on the
# decision.
. "$E2E_LIB"

init_register
facts f.json "Subjects test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
bk obligations "$ref" --json
expect_eq "no subjects obligation yet" "$(jget '[o["recipient"] for o in d]')" '["authority"]'

expect_invalid "rationale" "required" "$BK" decide "$ref" subjects yes
expect_exit 2 "$BK" decide "$ref" subjects maybe --rationale x
expect_exit 2 "$BK" decide "$ref" weather yes --rationale x

BREACHKIT_TEST_CLOCK=2024-05-01T12:30:00Z
export BREACHKIT_TEST_CLOCK
bk decide "$ref" subjects yes --rationale "High risk: health data (test)" --actor dpo-test
bk incident show "$ref" --json
expect_eq "decision" "$(jget '[d["decisions"][0][k] for k in ("topic", "outcome", "rationale", "actor")]')" \
    '["subjects",true,"High risk: health data (test)","dpo-test"]'
expect_eq "decided_at" "$(utc "$(jget 'd["decisions"][0]["decided_at"]')")" 2024-05-01T12:30:00Z
expect_eq "decision event" "$(jget '[e["kind"] for e in d["history"]][2]')" decision
expect_eq "event payload" "$(jget 'd["history"][2]["payload"]["rationale"]')" "High risk: health data (test)"

bk obligations "$ref" --json
expect_eq "recipients" "$(jget '[o["recipient"] for o in d]')" '["authority","subjects"]'
expect_eq "article" "$(jget 'd[1]["article"]')" "Art. 34(1) GDPR"
expect_eq "kind" "$(jget 'd[1]["kind"]')" undue_delay
expect_eq "anchor" "$(utc "$(jget 'd[1]["anchor_at"]')")" 2024-05-01T12:30:00Z
expect_eq "due" "$(utc "$(jget 'd[1]["due_at"]')")" 2024-05-02T12:30:00Z
expect_verify_ok
