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

-- The identifiers, packed: each row holds up to 65536 entries of 32
-- bytes (scan/matcher.h, struct match_entry: the 64-bit tag, the 128-bit
-- keyed hash, the subject row id and the kind), so that match loads a
-- million subjects in a few blob reads instead of millions of rows.
CREATE TABLE subject_pack (
	seq		INTEGER PRIMARY KEY,
	entries		INTEGER NOT NULL CHECK (entries BETWEEN 1 AND 65536),
	data		BLOB NOT NULL CHECK (length(data) = 32 * entries)
) STRICT;
