-- 0002: versioned assessments.  The risk engine recommends; a new version
-- is recorded whenever the facts or the result differ from the latest one,
-- so earlier assessments stay in the history.
CREATE TABLE assessment (
	id		INTEGER PRIMARY KEY,
	incident_id	INTEGER NOT NULL REFERENCES incident (id),
	version		INTEGER NOT NULL,
	facts_digest	TEXT NOT NULL,
	result		TEXT NOT NULL,
	result_digest	TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	actor		TEXT NOT NULL,
	UNIQUE (incident_id, version)
) STRICT;
