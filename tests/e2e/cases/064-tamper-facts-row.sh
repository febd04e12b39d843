# Tampering: changing the current facts in the incident row (not the log)
# is found: the state no longer agrees with a replay of the log.
. "$E2E_LIB"

tamper_setup
cp "$BREACHKIT_DB" clean.db

tamper "UPDATE incident SET facts = replace(facts, '\"confidentiality\":true', '\"confidentiality\":false') WHERE id = 1"
expect_eq "tampered" "$(sqlite3 "$BREACHKIT_DB" "SELECT instr(facts, '\"confidentiality\":false') > 0 FROM incident WHERE id = 1")" 1
expect_verify_fails BK-2024-0001 5 "the current facts do not agree with the log"

cp clean.db "$BREACHKIT_DB"
tamper "UPDATE incident SET facts = json_set(facts, '\$.subjects', json('{\"count\":3}')) WHERE id = 2"
expect_verify_fails BK-2024-0002 2 "the current facts do not agree with the log"
