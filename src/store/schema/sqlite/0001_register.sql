-- 0001: the breach register.  Timestamps are INTEGER Unix seconds UTC;
-- enums are TEXT with CHECK constraints; every table is STRICT.
CREATE TABLE setting (
	key	TEXT PRIMARY KEY,
	value	TEXT NOT NULL
) STRICT;

CREATE TABLE refseq (
	prefix	TEXT NOT NULL,
	year	INTEGER NOT NULL,
	last	INTEGER NOT NULL,
	PRIMARY KEY (prefix, year)
) STRICT;

CREATE TABLE regime (
	id	TEXT PRIMARY KEY,
	body	TEXT NOT NULL,
	loaded_at INTEGER NOT NULL,
	loaded_by TEXT NOT NULL
) STRICT;

CREATE TABLE incident (
	id		INTEGER PRIMARY KEY,
	ref		TEXT NOT NULL UNIQUE,
	title		TEXT NOT NULL,
	status		TEXT NOT NULL CHECK (status IN ('open', 'closed')),
	discovered_at	INTEGER,
	aware_at	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	closed_at	INTEGER,
	facts		TEXT NOT NULL,
	event_n		INTEGER NOT NULL,
	head_hash	TEXT NOT NULL
) STRICT;
CREATE INDEX incident_status ON incident (status, id);

-- The per-incident, append-only, hash-chained history.  hash covers
-- prev_hash, the header and payload_digest, never the payload itself, so
-- an erasure (itself an event) can blank a payload and leave the chain
-- intact.
CREATE TABLE event (
	incident_id	INTEGER NOT NULL REFERENCES incident (id),
	seq		INTEGER NOT NULL,
	at		INTEGER NOT NULL,
	actor		TEXT NOT NULL,
	kind		TEXT NOT NULL,
	payload		TEXT NOT NULL,
	payload_digest	TEXT NOT NULL,
	erased		INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1)),
	prev_hash	TEXT NOT NULL,
	hash		TEXT NOT NULL,
	PRIMARY KEY (incident_id, seq)
) STRICT;

CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN
	SELECT RAISE(ABORT, 'the event log is append-only');
END;
CREATE TRIGGER event_no_rewrite BEFORE UPDATE ON event
WHEN NEW.incident_id IS NOT OLD.incident_id OR NEW.seq IS NOT OLD.seq
  OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
  OR NEW.kind IS NOT OLD.kind OR NEW.payload_digest IS NOT OLD.payload_digest
  OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
  OR NEW.erased < OLD.erased
BEGIN
	SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE TABLE obligation (
	id		INTEGER PRIMARY KEY,
	incident_id	INTEGER NOT NULL REFERENCES incident (id),
	regime		TEXT NOT NULL,
	rule		TEXT NOT NULL,
	recipient	TEXT NOT NULL,
	label		TEXT NOT NULL,
	article		TEXT NOT NULL,
	kind		TEXT NOT NULL
			CHECK (kind IN ('deadline', 'undue_delay', 'contract')),
	anchor_at	INTEGER NOT NULL,
	due_at		INTEGER NOT NULL,
	status		TEXT NOT NULL CHECK (status IN ('open', 'not_required',
			'filed', 'withdrawn')),
	phase		TEXT CHECK (phase IN ('initial', 'follow-up', 'final',
			'withdrawn')),
	filed_at	INTEGER,
	case_ref	TEXT,
	late		INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
	delay_reason	TEXT,
	rationale	TEXT,
	decided_by	TEXT,
	decided_at	INTEGER,
	created_at	INTEGER NOT NULL,
	UNIQUE (incident_id, regime, rule)
) STRICT;
CREATE INDEX obligation_due ON obligation (status, due_at);

CREATE TABLE filing (
	id		INTEGER PRIMARY KEY,
	obligation_id	INTEGER NOT NULL REFERENCES obligation (id),
	phase		TEXT NOT NULL CHECK (phase IN ('initial', 'follow-up',
			'final', 'withdrawn')),
	filed_at	INTEGER NOT NULL,
	case_ref	TEXT,
	late		INTEGER NOT NULL CHECK (late IN (0, 1)),
	delay_reason	TEXT,
	actor		TEXT NOT NULL,
	recorded_at	INTEGER NOT NULL
) STRICT;
CREATE INDEX filing_obligation ON filing (obligation_id, id);

CREATE TABLE decision (
	id		INTEGER PRIMARY KEY,
	incident_id	INTEGER NOT NULL REFERENCES incident (id),
	topic		TEXT NOT NULL CHECK (topic IN ('breach', 'authority',
			'subjects')),
	outcome		INTEGER NOT NULL CHECK (outcome IN (0, 1)),
	exception	TEXT CHECK (exception IN ('a', 'b', 'c')),
	rationale	TEXT NOT NULL,
	actor		TEXT NOT NULL,
	decided_at	INTEGER NOT NULL
) STRICT;
CREATE INDEX decision_incident ON decision (incident_id, id);

CREATE TABLE attachment (
	id		INTEGER PRIMARY KEY,
	incident_id	INTEGER NOT NULL REFERENCES incident (id),
	name		TEXT NOT NULL,
	size		INTEGER NOT NULL,
	sha256		TEXT NOT NULL,
	content		BLOB NOT NULL,
	added_at	INTEGER NOT NULL,
	actor		TEXT NOT NULL
) STRICT;
CREATE INDEX attachment_incident ON attachment (incident_id, id);
