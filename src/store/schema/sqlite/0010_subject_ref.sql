-- 0010: the subjects' own keys (subject.ref) once more, packed in row-id
-- order, so that match lists its affected subjects from a few blob reads
-- instead of a million rows (docs/subjects.md).  A block holds the refs
-- of the subjects first .. first + n - 1, each ended by a NUL byte.  The
-- import writes them beside subject in its transaction; an index imported
-- before this version has none, and match then reads subject.
CREATE TABLE subject_ref_pack (
	first		INTEGER PRIMARY KEY CHECK (first >= 1),
	n		INTEGER NOT NULL CHECK (n BETWEEN 1 AND 65536),
	data		BLOB NOT NULL CHECK (length(data) >= 2 * n)
) STRICT;
