-- 0005: the web front end's accounts, sessions, API tokens, the record of
-- every read of an incident, and saved intake drafts (docs/web.md).
-- Secrets are stored as BLAKE2b hashes (tokens) or Argon2id strings
-- (passwords), never in the clear.
CREATE TABLE account (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	role		TEXT NOT NULL CHECK (role IN ('admin', 'dpo', 'editor',
			'viewer', 'reporter')),
	pw_hash		TEXT NOT NULL,
	failed		INTEGER NOT NULL DEFAULT 0,
	locked_until	INTEGER NOT NULL DEFAULT 0,
	disabled	INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	lang		TEXT NOT NULL DEFAULT 'de' CHECK (lang IN ('de', 'en')),
	created_at	INTEGER NOT NULL
) STRICT;

CREATE TABLE session (
	token_hash	TEXT PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES account (id),
	csrf		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	expires_at	INTEGER NOT NULL
) STRICT;
CREATE INDEX session_account ON session (account_id);

CREATE TABLE api_token (
	id		INTEGER PRIMARY KEY,
	token_hash	TEXT NOT NULL UNIQUE,
	account_id	INTEGER NOT NULL REFERENCES account (id),
	label		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	revoked_at	INTEGER
) STRICT;

-- Every read of an incident through the web front end or the API.
-- Append-only like the event log.
CREATE TABLE access (
	id		INTEGER PRIMARY KEY,
	incident_id	INTEGER NOT NULL REFERENCES incident (id),
	at		INTEGER NOT NULL,
	actor		TEXT NOT NULL,
	what		TEXT NOT NULL
) STRICT;
CREATE INDEX access_incident ON access (incident_id, id);
CREATE TRIGGER access_no_delete BEFORE DELETE ON access
BEGIN
	SELECT RAISE(ABORT, 'the access log is append-only');
END;
CREATE TRIGGER access_no_update BEFORE UPDATE ON access
BEGIN
	SELECT RAISE(ABORT, 'the access log is append-only');
END;

-- Intake wizard drafts: the facts entered so far, per account.
CREATE TABLE draft (
	id		INTEGER PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES account (id),
	facts		TEXT NOT NULL,
	step		INTEGER NOT NULL DEFAULT 0,
	updated_at	INTEGER NOT NULL
) STRICT;
CREATE INDEX draft_account ON draft (account_id);

-- Who recorded an incident (the reporter role sees only its own).
CREATE INDEX event_actor_created ON event (actor) WHERE seq = 1;
