# Tampering: a rewritten event payload is found by verify (exit 1), which
# names the incident and the event, however the rewrite is dressed up.
. "$E2E_LIB"

tamper_setup
cp "$BREACHKIT_DB" clean.db

# 1. The payload alone (the trigger allows this column to change).
tamper "UPDATE event SET payload = '{\"text\":\"nothing happened\"}' WHERE incident_id = 1 AND seq = 4"
expect_verify_fails BK-2024-0001 4 "payload does not match its digest: the note event was rewritten"

# 2. Payload and digest (trigger dropped): the chain hash no longer fits.
cp clean.db "$BREACHKIT_DB"
digest=$(printf '%s' '{"text":"nothing happened"}' | sha256sum | cut -d' ' -f1)
tamper "DROP TRIGGER event_no_rewrite;
UPDATE event SET payload = '{\"text\":\"nothing happened\"}', payload_digest = '$digest' WHERE incident_id = 1 AND seq = 4"
expect_verify_fails BK-2024-0001 4 "hash mismatch"

# 3. Dressed up as an erasure, which no erasure event names.
cp clean.db "$BREACHKIT_DB"
tamper "UPDATE event SET payload = '{\"text\":\"[erased]\"}', erased = 1 WHERE incident_id = 1 AND seq = 3"
expect_verify_fails BK-2024-0001 3 "marked erased but no erasure event names it"

# 4. The actor of the creation event.
cp clean.db "$BREACHKIT_DB"
tamper "DROP TRIGGER event_no_rewrite;
UPDATE event SET actor = 'someone-else' WHERE incident_id = 1 AND seq = 1"
expect_verify_fails BK-2024-0001 1 "hash mismatch"

# The clean copy still verifies.
cp clean.db "$BREACHKIT_DB"
expect_verify_ok
