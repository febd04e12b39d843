-- 0004: the send log of letters to data subjects (Art. 34, svc/letters.c).
-- One row per incident and person, keyed by a hash of (reference, the
-- person's id in the list): no names, no addresses.  state follows
-- sending -> handed -> sent | failed | in_doubt (docs/letters.md).
CREATE TABLE letter (
	incident_id	INTEGER NOT NULL REFERENCES incident (id),
	subject_key	TEXT NOT NULL,
	message_id	TEXT NOT NULL,
	state		TEXT NOT NULL CHECK (state IN ('sending', 'handed',
			'sent', 'failed', 'in_doubt')),
	attempts	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	detail		TEXT,
	PRIMARY KEY (incident_id, subject_key)
) STRICT;
