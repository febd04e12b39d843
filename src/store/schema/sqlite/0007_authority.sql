-- 0007: corrected authority files stored in the register (breachkit
-- authority load; notify --authority CODE uses the newest), versioned and
-- attributed like template overrides: rows are only ever added, a NULL
-- body records a return to the built-in file.  And who submitted a
-- filing to the recipient (name, contact), as the authorities' forms ask
-- for the reporting person.
CREATE TABLE authority_file (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL,
	version		INTEGER NOT NULL CHECK (version >= 1),
	body		TEXT,
	sha256		TEXT,
	created_at	INTEGER NOT NULL,
	actor		TEXT NOT NULL,
	UNIQUE (code, version)
) STRICT;

ALTER TABLE filing ADD COLUMN filed_by TEXT;
ALTER TABLE filing ADD COLUMN filed_by_contact TEXT;
