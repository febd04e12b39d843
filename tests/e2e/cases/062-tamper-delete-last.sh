# Tampering: deleting the last event(s) of a log is found because the
# incident row records how many events and which head hash it has.
. "$E2E_LIB"

tamper_setup
cp "$BREACHKIT_DB" clean.db

tamper "DROP TRIGGER event_no_delete; DELETE FROM event WHERE incident_id = 1 AND seq = 5"
expect_verify_fails BK-2024-0001 5 "the log ends at event 4 but the incident records 5 events"

cp clean.db "$BREACHKIT_DB"
tamper "DROP TRIGGER event_no_delete; DELETE FROM event WHERE incident_id = 1 AND seq >= 3"
expect_verify_fails BK-2024-0001 3 "the log ends at event 2 but the incident records 5 events"
