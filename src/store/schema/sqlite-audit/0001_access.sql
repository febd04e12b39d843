-- The access log of a register, in a file of its own next to it
-- (<register>-access, attached as `audit`): every read of an incident
-- through the web front end or the API.  Recording reads therefore never
-- changes the register's own write-ahead log, and the server's readers
-- keep their page cache and memory map (docs/design.md, "Storage").
-- Append-only like the event log.  No foreign key: SQLite cannot check
-- one across files; the server records only reads of incidents it has
-- just read, and incidents are never deleted.
CREATE TABLE audit.access (
	id		INTEGER PRIMARY KEY,
	incident_id	INTEGER NOT NULL,
	at		INTEGER NOT NULL,
	actor		TEXT NOT NULL,
	what		TEXT NOT NULL
) STRICT;
CREATE INDEX audit.access_incident ON access (incident_id, id);
CREATE TRIGGER audit.access_no_delete BEFORE DELETE ON access
BEGIN
	SELECT RAISE(ABORT, 'the access log is append-only');
END;
CREATE TRIGGER audit.access_no_update BEFORE UPDATE ON access
BEGIN
	SELECT RAISE(ABORT, 'the access log is append-only');
END;
