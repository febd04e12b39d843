-- 0006: the register's columns that come from the facts (struct
-- incident_reg, model/facts_reg.c), one row per incident, so that the
-- export reads columns instead of parsing every facts document.  They are
-- written in the same transaction as the facts they come from (create,
-- edit, import, erase) and verify checks that they still agree with them.
-- Lists are joined with ';' ('' for a known empty list); NULL is unknown.
CREATE TABLE incident_reg (
	incident_id	INTEGER PRIMARY KEY REFERENCES incident (id),
	role		TEXT,
	occurred_from	INTEGER,
	occurred_to	INTEGER,
	confidentiality	INTEGER CHECK (confidentiality IN (0, 1)),
	integrity	INTEGER CHECK (integrity IN (0, 1)),
	availability	INTEGER CHECK (availability IN (0, 1)),
	breach_type	TEXT,
	data_categories	TEXT,
	subject_categories TEXT,
	subjects	INTEGER CHECK (subjects >= 0),
	subjects_estimate INTEGER NOT NULL CHECK (subjects_estimate IN (0, 1)),
	records		INTEGER CHECK (records >= 0),
	consequences_likely TEXT,
	consequences	TEXT,
	measures_taken	TEXT
) STRICT;

-- Existing registers: the same derivation as facts_reg(), from the stored
-- (canonical, UTC) facts.
INSERT INTO incident_reg (incident_id, role, occurred_from, occurred_to,
    confidentiality, integrity, availability, breach_type, data_categories,
    subject_categories, subjects, subjects_estimate, records,
    consequences_likely, consequences, measures_taken)
SELECT id,
    CASE json_type(facts, '$.role') WHEN 'text'
	THEN json_extract(facts, '$.role') END,
    CASE json_type(facts, '$.timeline.occurred_from') WHEN 'text'
	THEN unixepoch(json_extract(facts, '$.timeline.occurred_from')) END,
    CASE json_type(facts, '$.timeline.occurred_to') WHEN 'text'
	THEN unixepoch(json_extract(facts, '$.timeline.occurred_to')) END,
    CASE json_type(facts, '$.nature.confidentiality')
	WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CASE json_type(facts, '$.nature.integrity')
	WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CASE json_type(facts, '$.nature.availability')
	WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    CASE json_type(facts, '$.nature.type') WHEN 'text'
	THEN json_extract(facts, '$.nature.type') END,
    CASE json_type(facts, '$.data.categories') WHEN 'array'
	THEN coalesce((SELECT group_concat(value, ';')
	    FROM json_each(facts, '$.data.categories')
	    WHERE type = 'text'), '') END,
    CASE json_type(facts, '$.subjects.categories') WHEN 'array'
	THEN coalesce((SELECT group_concat(value, ';')
	    FROM json_each(facts, '$.subjects.categories')
	    WHERE type = 'text'), '') END,
    CASE WHEN json_type(facts, '$.subjects.count') = 'integer'
	AND json_extract(facts, '$.subjects.count') >= 0
	THEN json_extract(facts, '$.subjects.count') END,
    coalesce(json_type(facts, '$.subjects.count_is_estimate') = 'true', 0),
    CASE WHEN json_type(facts, '$.subjects.records') = 'integer'
	AND json_extract(facts, '$.subjects.records') >= 0
	THEN json_extract(facts, '$.subjects.records') END,
    CASE json_type(facts, '$.consequences.likely') WHEN 'array'
	THEN coalesce((SELECT group_concat(value, ';')
	    FROM json_each(facts, '$.consequences.likely')
	    WHERE type = 'text'), '') END,
    CASE json_type(facts, '$.consequences.text') WHEN 'text'
	THEN json_extract(facts, '$.consequences.text') END,
    CASE json_type(facts, '$.measures.taken') WHEN 'text'
	THEN json_extract(facts, '$.measures.taken') END
FROM incident;

-- The open-obligations listing reads each obligation's incident for its
-- status and reference.  With the reference in the status index that
-- lookup stays in a small index instead of the wide incident rows (which
-- carry the facts), and the listing reads open incidents in id order.
DROP INDEX incident_status;
CREATE INDEX incident_status ON incident (status, id, ref);
