-- 0003: per-organisation template overrides, versioned and attributed.
-- Rows are only ever added: the newest version of (kind, lang) is the one
-- in use; a NULL body records a reset to the built-in template, so the
-- history shows who changed what, when, and who went back.
CREATE TABLE template (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL,
	lang		TEXT NOT NULL CHECK (lang IN ('de', 'en')),
	version		INTEGER NOT NULL CHECK (version >= 1),
	body		TEXT,
	sha256		TEXT,
	created_at	INTEGER NOT NULL,
	actor		TEXT NOT NULL,
	UNIQUE (kind, lang, version)
) STRICT;
