# notify --phase: a follow-up or final notification quotes the authority's
# case reference from the filings (and is refused, exit 2, naming the
# field, before the initial filing recorded one); a withdrawal needs the
# decision that it was not a breach and states its reasoning.
. "$E2E_LIB"
. "$TOP/tests/e2e/notify.sh"

notify_register
notify_facts f.json
ref=$(new_incident f.json)
bk assess "$ref"

# Follow-up before any case reference is known: nothing generated.
expect_exit 2 "$BK" notify "$ref" --authority nrw --phase follow-up
expect_stderr_contains "LDI NRW requires:"
expect_stderr_contains "Aktenzeichen und Eingangsdatum der Erstmeldung [notification.case_ref]"
expect_stderr_contains "--case-ref"
[ ! -s "$LAST_OUT" ] || fail "something was generated"
expect_exit 2 "$BK" notify "$ref" --authority en --phase final
expect_stderr_contains "Case reference of the earlier notification"
# The initial notification has no case reference to quote.
bk notify "$ref" --authority nrw --phase initial --format json
expect_eq "no case ref" "$(jget '[f["key"] for s in d["sections"] for f in s["fields"] if f["key"] == "notification.case_ref"]')" "[]"
expect_eq "type" "$(jget 'd["sections"][0]["fields"][0]["value"]')" Erstmeldung

expect_exit 2 "$BK" file "$ref" --to authority --phase initial --by-contact x@example.invalid
expect_stderr_contains "--by-contact needs --by NAME"
bk file "$ref" --to authority --phase initial --at 2024-04-30T15:00:00Z \
    --case-ref "LDI-2024-4711" --by "Dana Beispiel (fiktiv)" \
    --by-contact "datenschutz@musterschuh.example.invalid"
bk notify "$ref" --authority nrw --phase follow-up
golden 101-nrw-follow-up.text
# Who submitted the initial notification, in the follow-up.
expect_stdout_contains "Erstmeldung abgegeben von
Dana Beispiel (fiktiv) (datenschutz@musterschuh.example.invalid)"
expect_stdout_contains "Nachtrag zu einer bereits erfolgten Meldung"
expect_stdout_contains "LDI-2024-4711 (Erstmeldung vom 2024-04-30 17:00 CEST)"
bk notify "$ref" --authority en --phase follow-up --format json
expect_eq "filed by" "$(jget '[f["value"] for s in d["sections"] for f in s["fields"] if f["key"] == "notification.filed_by"]')" \
    '["Dana Beispiel (fiktiv) (datenschutz@musterschuh.example.invalid)"]'
bk notify "$ref" --authority by --phase final --format json
expect_eq "phase" "$(jget 'd["phase"]')" final
expect_eq "case ref" "$(jget '[f["value"] for s in d["sections"] for f in s["fields"] if f["key"] == "notification.case_ref"][0]')" \
    "LDI-2024-4711 (Erstmeldung vom 2024-04-30 17:00 CEST)"
expect_eq "type" "$(jget '[f["value"] for s in d["sections"] for f in s["fields"] if f["key"] == "notification.type"][0]')" \
    "Abschließende Folgemeldung"

# Withdrawn: needs the decision that it is not a breach.
expect_exit 2 "$BK" notify "$ref" --authority en --phase withdrawn
expect_stderr_contains "Reason for the withdrawal"
expect_stderr_contains "breachkit decide ID breach no"
bk decide "$ref" breach no --rationale "Die Liste enthielt nur Testdaten (fiktiv)."
bk notify "$ref" --authority en --phase withdrawn
golden 101-en-withdrawn.text
expect_stdout_contains "Withdrawal: not a personal data breach"
expect_stdout_contains "Die Liste enthielt nur Testdaten (fiktiv)."
expect_stdout_contains "LDI-2024-4711"

expect_exit 2 "$BK" notify "$ref" --authority en --phase later
expect_stderr_contains "--phase must be"
# Generating records nothing.
before=$(snapshot)
bk notify "$ref" --authority en --phase withdrawn
expect_unchanged "$before"
# The filing with who submitted it replays from the log.
bk verify
