-- The access log moves out of the register into its own file
-- (schema/sqlite-audit, attached as `audit` before the migrations run):
-- the reads recorded so far are copied with their ids, then the table in
-- the register is dropped.  Copying is idempotent (a crash between the
-- two files' commits repeats it without duplicates).
INSERT OR IGNORE INTO audit.access (id, incident_id, at, actor, what)
	SELECT id, incident_id, at, actor, what FROM main.access;
DROP TABLE main.access;
