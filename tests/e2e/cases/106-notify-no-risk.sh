# notify: LDI NRW's form refuses a notification with "no or low risk"
# (no_risk_blocked in authorities/nrw.json): when the decision, or without
# one the assessment, says no risk, a warning heads the notes.  Other
# authorities get no such warning.
. "$E2E_LIB"
. "$TOP/tests/e2e/notify.sh"

notify_register
notify_facts f.json '{"protection": {"encryption": "state_of_the_art", "key_compromised": false, "backup_available": true}, "exposure": {"recipients": "trusted", "exfiltrated": false}}'
ref=$(new_incident f.json)
bk assess "$ref" --json
expect_eq "assessed" "$(jget 'd["risk_level"]')" none
bk notify "$ref" --authority nrw
expect_stdout_contains "Achtung: Nach der Risikobewertung führt die Verletzung voraussichtlich nicht zu einem Risiko. Das Formular von LDI NRW lässt"
expect_stdout_contains "voraussichtlich kein Risiko (Risikobewertung, Version 1)"
bk notify "$ref" --authority nrw --format json
expect_eq "first note" "$(jget 'd["notes"][0][:8]')" "Achtung:"
bk notify "$ref" --authority by
expect_stdout_lacks "Achtung:"
# A decision to notify anyway overrides the assessment.
bk decide "$ref" authority yes --rationale "Vorsorglich melden (fiktiv)."
bk notify "$ref" --authority nrw
expect_stdout_lacks "Achtung:"
bk decide "$ref" authority no --rationale "Verschlüsselt, Schlüssel sicher (fiktiv)."
bk notify "$ref" --authority en
expect_stdout_lacks "Warning:"
bk notify "$ref" --authority nrw
expect_stdout_contains "Achtung:"
