# Tampering: swapping two events' places (their seq numbers) is found.
. "$E2E_LIB"

tamper_setup
cp "$BREACHKIT_DB" clean.db

tamper "DROP TRIGGER event_no_rewrite;
UPDATE event SET seq = -4 WHERE incident_id = 1 AND seq = 4;
UPDATE event SET seq = 4 WHERE incident_id = 1 AND seq = 3;
UPDATE event SET seq = 3 WHERE incident_id = 1 AND seq = -4"
expect_verify_fails BK-2024-0001 3 "prev_hash does not match the event before"

# Swapping the whole rows' content but keeping seq and hashes in place
# moves payloads between events: the digests give it away.
cp clean.db "$BREACHKIT_DB"
tamper "UPDATE event SET payload = (SELECT payload FROM event WHERE incident_id = 1 AND seq = 5) WHERE incident_id = 1 AND seq = 4"
expect_verify_fails BK-2024-0001 4 "payload does not match its digest"
