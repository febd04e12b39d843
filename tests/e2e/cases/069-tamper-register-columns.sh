# Tampering: the register columns (what the CSV export shows: nature,
# categories, counts, ...) are kept next to the facts; changing them, or
# deleting an incident's row of them, without touching the facts or the
# log is found by verify.
. "$E2E_LIB"

tamper_setup
cp "$BREACHKIT_DB" clean.db

# confidentiality: the CSV export shows the column, not the facts.
csv_conf() {
	bk export
	out | "$PY" -c 'import csv, sys; print(list(csv.DictReader(sys.stdin))[0]["confidentiality"])'
}
expect_eq "before" "$(csv_conf)" yes
tamper "UPDATE incident_reg SET confidentiality = 0 WHERE incident_id = 1"
expect_eq "after" "$(csv_conf)" no
expect_verify_fails BK-2024-0001 5 "the register column confidentiality does not agree with the facts"

cp clean.db "$BREACHKIT_DB"
tamper "UPDATE incident_reg SET subjects = 5, data_categories = 'contact' WHERE incident_id = 2"
expect_verify_fails BK-2024-0002 2 "the register column data_categories does not agree with the facts"

cp clean.db "$BREACHKIT_DB"
tamper "UPDATE incident_reg SET measures_taken = 'Everything.' WHERE incident_id = 2"
expect_verify_fails BK-2024-0002 2 "the register column measures_taken does not agree with the facts"

cp clean.db "$BREACHKIT_DB"
tamper "UPDATE incident_reg SET occurred_from = 0 WHERE incident_id = 1"
expect_verify_fails BK-2024-0001 5 "the register column occurred_from does not agree with the facts"

cp clean.db "$BREACHKIT_DB"
tamper "DELETE FROM incident_reg WHERE incident_id = 2"
expect_verify_fails BK-2024-0002 2 "the register columns are missing"

cp clean.db "$BREACHKIT_DB"
expect_verify_ok
