# Tampering: deleting a whole incident (row, events, obligations) is found:
# verify names the missing reference.
. "$E2E_LIB"

tamper_setup
tamper "PRAGMA foreign_keys = OFF; DROP TRIGGER event_no_delete;
DELETE FROM event WHERE incident_id = 1;
DELETE FROM obligation WHERE incident_id = 1;
DELETE FROM incident WHERE id = 1"
expect_verify_fails BK-2024-0001 0 "issued, but the incident is gone: it was deleted"
run "$BK" verify
expect_stdout_contains "FAILED: 1 incidents checked, 1 with problems"
