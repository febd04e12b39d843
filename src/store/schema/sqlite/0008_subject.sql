-- 0008: the subject index (docs/subjects.md): our data subjects'
-- identifiers as keyed hashes only, never in plaintext.  One secret per
-- import (row 1 of subject_secret), from which the tag key (SipHash-2-4,
-- the pre-filter) and the hash key (keyed BLAKE2b, the confirmation) are
-- derived; a re-import replaces the secret and every row in one
-- transaction.  phone_region is the default region the phones were
-- normalised with, so match uses the same one.
CREATE TABLE subject_secret (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	secret		BLOB NOT NULL CHECK (length(secret) = 32),
	created_at	INTEGER NOT NULL,
	phone_region	TEXT NOT NULL,
	subjects	INTEGER NOT NULL,
	identifiers	INTEGER NOT NULL
) STRICT;

-- ref is the controller's own key of the person (the CSV's id column).
CREATE TABLE subject (
	id		INTEGER PRIMARY KEY,
	ref		TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE subject_ident (
	subject_id	INTEGER NOT NULL REFERENCES subject (id),
	kind		INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
	tag		INTEGER NOT NULL,
	hash		BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
