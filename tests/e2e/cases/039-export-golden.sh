# export: the CSV and JSON register of a varied register (every column
# filled somewhere, unknowns, edits, erasure, decisions, filings, a closed
# incident, text that needs quoting and escaping, a display zone that is
# not UTC) is byte-identical to its golden files.  The golden files were
# written by the export that parsed every facts document; the export that
# reads the register columns and streams the stored facts must not change
# a byte.
. "$E2E_LIB"
. "$TOP/tests/e2e/notice.sh"

init_register --prefix GLD
bk settings set timezone Europe/Berlin
facts a.json 'Quotes "and", commas; =formula' 2024-04-25T08:00:00Z \
    2024-04-24T22:30:00Z \
    '{"timeline": {"occurred_from": "2024-04-20T06:00:00+02:00", "occurred_to": "2024-04-21T12:00:00Z"},
      "nature": {"confidentiality": true, "integrity": false, "type": "hacking"},
      "data": {"categories": ["contact", "financial"], "text": "Tab\there, slash / back\\slash, \u00e9\u00e8 \u2028 end"},
      "subjects": {"categories": ["customers", "employees"], "count": 250, "count_is_estimate": true, "records": 1200},
      "consequences": {"likely": ["identity_theft", "financial_loss"], "text": "-Leading minus.\nSecond \"line\"."},
      "measures": {"taken": "Line one.\nLine two.", "planned": "@later"},
      "reporter": {"name": "Zed Fictionalperson", "function": "IT"}}'
A=$(new_incident a.json)
facts b.json "Second incident" 2024-05-01T08:00:00Z
B=$(new_incident b.json)
facts c.json "Unknowns everywhere" "" "" '{"nature": {"availability": false}, "data": {"categories": []}, "consequences": {"likely": []}}'
C=$(new_incident c.json)
facts d.json "Telecom provider" 2024-04-30T20:00:00Z "" '{"regimes": ["gdpr", "tkg"]}'
D=$(new_incident d.json)
bk file "$D" --to authority --phase initial --case-ref TK-1
echo '{"subjects": {"count": 300, "count_is_estimate": null}, "nature": {"integrity": true}, "measures": {"taken": "+Edited."}}' >p.json
bk incident edit "$A" --from p.json
bk file "$A" --to authority --phase initial --delay-reason "Test: weekend" --case-ref SA-1
bk decide "$A" subjects yes --rationale "Test: high risk, \"quoted\""
bk decide "$B" authority no --rationale "Test: no risk"
bk incident close "$B" --reason "Test: done"
bk erase "$A" --field reporter.name --reason "Test: retention ended"

bk export
notice_golden 039-export.csv
bk export --format json
notice_golden 039-export.json
expect_verify_ok

# A register of schema 5 (before the register columns): opening it runs
# migration 0006, which fills the columns from the stored facts, and the
# later ones; verify agrees with them and the export is the same.
sqlite3 "$BREACHKIT_DB" "DROP TABLE subject_ref_pack; DROP TABLE subject_pack; DROP TABLE subject;
    DROP TABLE subject_secret; DROP TABLE authority_file;
    ALTER TABLE filing DROP COLUMN filed_by;
    ALTER TABLE filing DROP COLUMN filed_by_contact; DROP TABLE incident_reg;
    DROP INDEX incident_status;
    CREATE INDEX incident_status ON incident (status, id);
    CREATE TABLE access (id INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incident (id),
	at INTEGER NOT NULL, actor TEXT NOT NULL, what TEXT NOT NULL) STRICT;
    INSERT INTO access VALUES (7, 1, 1714550400, 'tester', 'api: incident');
    PRAGMA user_version = 5;" || fail "could not make a schema 5 register"
expect_eq "schema 5" "$(sqlite3 "$BREACHKIT_DB" "PRAGMA user_version")" 5
bk export
notice_golden 039-export.csv
expect_eq "migrated" "$(sqlite3 "$BREACHKIT_DB" "SELECT count(*) FROM incident_reg")" 4
newest=$(ls "$TOP"/src/store/schema/sqlite/*.sql | wc -l)
expect_eq "schema" "$(sqlite3 "$BREACHKIT_DB" "PRAGMA user_version")" "$newest"
# Migration 0009 moved the reads recorded in the register to its access log.
expect_eq "reads moved" "$(sqlite3 "$BREACHKIT_DB-access" \
    "SELECT id || ' ' || incident_id || ' ' || what FROM access")" \
    "7 1 api: incident"
expect_eq "no access table in the register" "$(sqlite3 "$BREACHKIT_DB" \
    "SELECT count(*) FROM sqlite_schema WHERE name = 'access'")" 0
bk export --format json
notice_golden 039-export.json
expect_verify_ok
