# Tampering: deleting an event in the middle of a log is found, also when
# the later events are renumbered to close the gap.
. "$E2E_LIB"

tamper_setup
cp "$BREACHKIT_DB" clean.db

tamper "DROP TRIGGER event_no_delete; DELETE FROM event WHERE incident_id = 1 AND seq = 3"
expect_verify_fails BK-2024-0001 4 "expected event 3 here: an event was deleted or the log reordered"

cp clean.db "$BREACHKIT_DB"
tamper "DROP TRIGGER event_no_delete; DROP TRIGGER event_no_rewrite;
DELETE FROM event WHERE incident_id = 1 AND seq = 3;
UPDATE event SET seq = seq - 1 WHERE incident_id = 1 AND seq > 3;
UPDATE incident SET event_n = 4 WHERE id = 1"
expect_verify_fails BK-2024-0001 3 "prev_hash does not match the event before"
