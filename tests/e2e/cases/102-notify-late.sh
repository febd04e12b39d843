# notify: a notification after the 72 hours says so and states the
# reasons for the delay (Art. 33(1)); without them nothing is generated
# (exit 2 naming the field).  The reasons come from --delay-reason or
# from the recorded initial filing.
. "$E2E_LIB"
. "$TOP/tests/e2e/notify.sh"

notify_register
# Aware 2024-04-25T08:00Z: due 04-28T08:00Z; the clock says 05-01.
notify_facts f.json '{"timeline": {"occurred_from": "2024-04-24T10:00:00Z", "occurred_to": "2024-04-24T11:00:00Z", "discovered_at": "2024-04-25T07:00:00Z", "aware_at": "2024-04-25T08:00:00Z"}}'
ref=$(new_incident f.json)
bk assess "$ref"

expect_exit 2 "$BK" notify "$ref" --authority bw
expect_stderr_contains "LfDI BW requires:"
expect_stderr_contains "Begründung für die Fristüberschreitung (Art. 33 Abs. 1 DSGVO) [notification.delay_reasons]"
expect_stderr_contains "--delay-reason"
[ ! -s "$LAST_OUT" ] || fail "something was generated"
expect_exit 2 "$BK" notify "$ref" --authority en --format json
expect_eq "missing" "$(jget '[m["key"] for m in d["missing"]]')" '["notification.delay_reasons"]'
expect_eq "no sections" "$(jget 'd["sections"]')" "[]"

bk notify "$ref" --authority bw --delay-reason "Externe Forensik war erst am 30.04. verfügbar (fiktiv)."
expect_stdout_contains "Erfolgt die Meldung später als 72 Stunden nach Kenntnisnahme?
ja (Frist: 2024-04-28 10:00 CEST)"
expect_stdout_contains "Begründung für die Fristüberschreitung (Art. 33 Abs. 1 DSGVO)
Externe Forensik war erst am 30.04. verfügbar (fiktiv)."
expect_invalid "delay_reason" "control" "$BK" notify "$ref" --authority bw --delay-reason "$(printf 'a\001b')"

# Recorded with the filing: the notification (and its follow-ups) quote it.
bk file "$ref" --to authority --phase initial --case-ref "BW-0815" \
    --delay-reason "Die Geschäftsleitung war nicht erreichbar (fiktiv)."
bk notify "$ref" --authority en --phase follow-up
golden 102-en-late-follow-up.text
expect_stdout_contains "Reasons for the delay (Art. 33(1) GDPR)
Die Geschäftsleitung war nicht erreichbar (fiktiv)."
expect_stdout_contains "yes (deadline: 2024-04-28 10:00 CEST)"

# On time: no delay block.
notify_facts g.json
ref2=$(new_incident g.json)
bk assess "$ref2"
bk notify "$ref2" --authority en
expect_stdout_contains "no (deadline: 2024-05-03 09:00 CEST)"
expect_stdout_lacks "Reasons for the delay"
