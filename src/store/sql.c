/* SPDX-License-Identifier: MIT */
/*
 * store/sql.c: the table of every SQL statement breachkit executes.
 * Backends prepare all of them at open; nothing else in the tree may
 * contain SQL (tools/lint.sh checks).  Placeholders are `?`, bound by
 * position; column orders match the readers in store.c.
 */
#include "base/base.h"

#include "store/store_int.h"

#define INCIDENT_COLS                                                  \
	"id, ref, title, status, discovered_at, aware_at, created_at," \
	" updated_at, closed_at, event_n, head_hash"
#define OBLIGATION_COLS                                                 \
	"o.id, o.incident_id, o.regime, o.rule, o.recipient, o.label,"  \
	" o.article, o.kind, o.anchor_at, o.due_at, o.status, o.phase," \
	" o.filed_at, o.case_ref, o.late, o.delay_reason, o.rationale," \
	" o.decided_by, o.decided_at, o.created_at, i.ref"
#define ACCOUNT_COLS                                                     \
	"id, name, role, pw_hash, failed, locked_until, disabled, lang," \
	" created_at"
#define REG_COLS                                                          \
	"r.role, r.occurred_from, r.occurred_to, r.confidentiality,"      \
	" r.integrity, r.availability, r.breach_type, r.data_categories," \
	" r.subject_categories, r.subjects, r.subjects_estimate,"         \
	" r.records, r.consequences_likely, r.consequences,"              \
	" r.measures_taken"
#define REGISTER_COLS                                                  \
	"i.id, i.ref, i.title, i.status, i.discovered_at, i.aware_at," \
	" i.created_at, i.updated_at, i.closed_at, i.event_n,"         \
	" i.head_hash"
#define TEMPLATE_COLS  "id, kind, lang, version, body, sha256, created_at, actor"
#define AUTHORITY_COLS "id, code, version, body, sha256, created_at, actor"

const struct sql_def sql_defs[STMT__MAX] = {
	[STMT_SETTING_GET] = { "SELECT value FROM setting WHERE key = ?",
	    NULL },
	[STMT_SETTING_SET] = { "INSERT INTO setting (key, value) VALUES (?, ?)"
	                       " ON CONFLICT (key) DO UPDATE"
	                       " SET value = excluded.value",
	    NULL },
	[STMT_SETTING_DEL] = { "DELETE FROM setting WHERE key = ?", NULL },
	[STMT_REFSEQ_NEXT] = { "INSERT INTO refseq (prefix, year, last)"
	                       " VALUES (?, ?, 1) ON CONFLICT (prefix, year)"
	                       " DO UPDATE SET last = refseq.last + 1"
	                       " RETURNING last",
	    NULL },
	[STMT_REFSEQ_EACH] = { "SELECT prefix, year, last FROM refseq"
	                       " ORDER BY prefix, year",
	    NULL },
	[STMT_REGIME_PUT] = { "INSERT INTO regime (id, body, loaded_at,"
	                      " loaded_by) VALUES (?, ?, ?, ?)"
	                      " ON CONFLICT (id) DO UPDATE SET"
	                      " body = excluded.body,"
	                      " loaded_at = excluded.loaded_at,"
	                      " loaded_by = excluded.loaded_by",
	    NULL },
	[STMT_REGIME_GET] = { "SELECT body FROM regime WHERE id = ?", NULL },
	[STMT_REGIME_EACH] = { "SELECT id, body FROM regime ORDER BY id",
	    NULL },
	[STMT_INCIDENT_INSERT] = { "INSERT INTO incident (ref, title, status,"
	                           " discovered_at, aware_at, created_at,"
	                           " updated_at, closed_at, facts, event_n,"
	                           " head_hash)"
	                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	                           " RETURNING id",
	    NULL },
	[STMT_INCIDENT_UPDATE] = { "UPDATE incident SET title = ?,"
	                           " status = ?, discovered_at = ?,"
	                           " aware_at = ?, updated_at = ?,"
	                           " closed_at = ?, facts = ?, event_n = ?,"
	                           " head_hash = ? WHERE id = ?",
	    NULL },
	[STMT_INCIDENT_GET] = { "SELECT " INCIDENT_COLS ", facts"
	                        " FROM incident WHERE id = ?",
	    NULL },
	[STMT_INCIDENT_GET_REF] = { "SELECT " INCIDENT_COLS ", facts"
	                            " FROM incident WHERE ref = ?",
	    NULL },
	[STMT_INCIDENT_EACH] = { "SELECT " INCIDENT_COLS ", NULL"
	                         " FROM incident"
	                         " WHERE (? < 0 OR status = ?)"
	                         " ORDER BY id LIMIT ?",
	    NULL },
	[STMT_INCIDENT_EACH_FACTS] = { "SELECT " INCIDENT_COLS ", facts"
	                               " FROM incident"
	                               " WHERE (? < 0 OR status = ?)"
	                               " ORDER BY id LIMIT ?",
	    NULL },
	[STMT_INCIDENT_REG_PUT] = { "INSERT INTO incident_reg (incident_id,"
	                            " role, occurred_from, occurred_to,"
	                            " confidentiality, integrity,"
	                            " availability, breach_type,"
	                            " data_categories, subject_categories,"
	                            " subjects, subjects_estimate, records,"
	                            " consequences_likely, consequences,"
	                            " measures_taken) VALUES (?, ?, ?, ?,"
	                            " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	                            " ON CONFLICT (incident_id) DO UPDATE SET"
	                            " role = excluded.role,"
	                            " occurred_from = excluded.occurred_from,"
	                            " occurred_to = excluded.occurred_to,"
	                            " confidentiality ="
	                            " excluded.confidentiality,"
	                            " integrity = excluded.integrity,"
	                            " availability = excluded.availability,"
	                            " breach_type = excluded.breach_type,"
	                            " data_categories ="
	                            " excluded.data_categories,"
	                            " subject_categories ="
	                            " excluded.subject_categories,"
	                            " subjects = excluded.subjects,"
	                            " subjects_estimate ="
	                            " excluded.subjects_estimate,"
	                            " records = excluded.records,"
	                            " consequences_likely ="
	                            " excluded.consequences_likely,"
	                            " consequences = excluded.consequences,"
	                            " measures_taken = excluded.measures_taken",
	    NULL },
	[STMT_INCIDENT_REG_GET] = { "SELECT " REG_COLS " FROM incident_reg r"
	                            " WHERE r.incident_id = ?",
	    NULL },
	/* The register: incidents in id order with their register columns
	 * (NULL where the row is missing; verify reports that). */
	[STMT_REGISTER_EACH] = { "SELECT " REGISTER_COLS ", NULL, " REG_COLS
	                         " FROM incident i LEFT JOIN incident_reg r"
	                         " ON r.incident_id = i.id ORDER BY i.id",
	    NULL },
	[STMT_REGISTER_EACH_FACTS] = { "SELECT " REGISTER_COLS
	                               ", i.facts, " REG_COLS " FROM incident i"
	                               " LEFT JOIN incident_reg r"
	                               " ON r.incident_id = i.id"
	                               " ORDER BY i.id",
	    NULL },
	[STMT_EVENT_APPEND] = { "INSERT INTO event (incident_id, seq, at,"
	                        " actor, kind, payload, payload_digest,"
	                        " erased, prev_hash, hash)"
	                        " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
	    NULL },
	[STMT_EVENT_EACH] = { "SELECT incident_id, seq, at, actor, kind,"
	                      " payload, payload_digest, erased, prev_hash,"
	                      " hash FROM event WHERE incident_id = ?"
	                      " ORDER BY seq",
	    NULL },
	[STMT_EVENT_ERASE] = { "UPDATE event SET payload = ?, erased = 1"
	                       " WHERE incident_id = ? AND seq = ?",
	    NULL },
	[STMT_OBLIGATION_INSERT] = { "INSERT INTO obligation (incident_id,"
	                             " regime, rule, recipient, label,"
	                             " article, kind, anchor_at, due_at,"
	                             " status, phase, filed_at, case_ref,"
	                             " late, delay_reason, rationale,"
	                             " decided_by, decided_at, created_at)"
	                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	                             " ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	                             " RETURNING id",
	    NULL },
	[STMT_OBLIGATION_UPDATE] = { "UPDATE obligation SET anchor_at = ?,"
	                             " due_at = ?, status = ?, phase = ?,"
	                             " filed_at = ?, case_ref = ?, late = ?,"
	                             " delay_reason = ?, rationale = ?,"
	                             " decided_by = ?, decided_at = ?"
	                             " WHERE id = ?",
	    NULL },
	[STMT_OBLIGATION_LIST] = { "SELECT " OBLIGATION_COLS
	                           " FROM obligation o JOIN incident i"
	                           " ON i.id = o.incident_id"
	                           " WHERE o.incident_id = ? ORDER BY o.id",
	    NULL },
	/* Open incidents in id order from the index that carries their
	 * reference (0006), their obligations through the incident_id index,
	 * then one sort by due time.  `+o.status` keeps SQLite from walking
	 * obligation_due instead, which reads every obligation and its
	 * incident row in no particular order (docs/benchmarks.md). */
	[STMT_OBLIGATION_EACH_OPEN] = { "SELECT " OBLIGATION_COLS
	                                " FROM obligation o JOIN incident i"
	                                " ON i.id = o.incident_id"
	                                " WHERE +o.status = 'open'"
	                                " AND i.status = 'open'"
	                                " ORDER BY o.due_at, o.id",
	    "SELECT " OBLIGATION_COLS " FROM obligation o JOIN incident i"
	    " ON i.id = o.incident_id WHERE o.status = 'open'"
	    " AND i.status = 'open' ORDER BY o.due_at, o.id" },
	/* Without the reference: the register fills it from the incident. */
	[STMT_OBLIGATION_BY_INCIDENT] = { "SELECT o.id, o.incident_id,"
	                                  " o.regime, o.rule, o.recipient,"
	                                  " o.label, o.article, o.kind,"
	                                  " o.anchor_at, o.due_at, o.status,"
	                                  " o.phase, o.filed_at, o.case_ref,"
	                                  " o.late, o.delay_reason,"
	                                  " o.rationale, o.decided_by,"
	                                  " o.decided_at, o.created_at, NULL"
	                                  " FROM obligation o"
	                                  " ORDER BY o.incident_id, o.id",
	    NULL },
	[STMT_FILING_INSERT] = { "INSERT INTO filing (obligation_id, phase,"
	                         " filed_at, case_ref, late, delay_reason,"
	                         " actor, recorded_at, filed_by,"
	                         " filed_by_contact)"
	                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	                         " RETURNING id",
	    NULL },
	[STMT_FILING_LIST] = { "SELECT id, obligation_id, phase, filed_at,"
	                       " case_ref, late, delay_reason, actor,"
	                       " recorded_at, filed_by, filed_by_contact"
	                       " FROM filing"
	                       " WHERE obligation_id = ? ORDER BY id",
	    NULL },
	[STMT_DECISION_INSERT] = { "INSERT INTO decision (incident_id, topic,"
	                           " outcome, exception, rationale, actor,"
	                           " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
	                           " RETURNING id",
	    NULL },
	[STMT_DECISION_LIST] = { "SELECT id, incident_id, topic, outcome,"
	                         " exception, rationale, actor, decided_at"
	                         " FROM decision WHERE incident_id = ?"
	                         " ORDER BY id",
	    NULL },
	[STMT_DECISION_BY_INCIDENT] = { "SELECT id, incident_id, topic,"
	                                " outcome, exception, rationale,"
	                                " actor, decided_at FROM decision"
	                                " ORDER BY incident_id, id",
	    NULL },
	[STMT_ATTACHMENT_INSERT] = { "INSERT INTO attachment (incident_id,"
	                             " name, size, sha256, content, added_at,"
	                             " actor) VALUES (?, ?, ?, ?, ?, ?, ?)"
	                             " RETURNING id",
	    NULL },
	[STMT_ATTACHMENT_LIST] = { "SELECT id, incident_id, name, size,"
	                           " sha256, added_at, actor FROM attachment"
	                           " WHERE incident_id = ? ORDER BY id",
	    NULL },
	[STMT_ATTACHMENT_CONTENT] = { "SELECT content FROM attachment"
	                              " WHERE id = ?",
	    NULL },
	[STMT_ASSESSMENT_INSERT] = { "INSERT INTO assessment (incident_id,"
	                             " version, facts_digest, result,"
	                             " result_digest, created_at, actor)"
	                             " VALUES (?, ?, ?, ?, ?, ?, ?)"
	                             " RETURNING id",
	    NULL },
	[STMT_ASSESSMENT_LIST] = { "SELECT id, incident_id, version,"
	                           " facts_digest, result, result_digest,"
	                           " created_at, actor FROM assessment"
	                           " WHERE incident_id = ? ORDER BY version",
	    NULL },
	[STMT_TEMPLATE_INSERT] = { "INSERT INTO template (kind, lang, version,"
	                           " body, sha256, created_at, actor)"
	                           " VALUES (?, ?, (SELECT COALESCE(MAX(version),"
	                           " 0) + 1 FROM template WHERE kind = ? AND"
	                           " lang = ?), ?, ?, ?, ?) RETURNING id, version",
	    NULL },
	[STMT_TEMPLATE_ACTIVE] = { "SELECT " TEMPLATE_COLS " FROM template"
	                           " WHERE kind = ? AND lang = ?"
	                           " ORDER BY version DESC LIMIT 1",
	    NULL },
	[STMT_TEMPLATE_HISTORY] = { "SELECT " TEMPLATE_COLS " FROM template"
	                            " WHERE kind = ? AND lang = ?"
	                            " ORDER BY version",
	    NULL },
	[STMT_AUTHORITY_INSERT] = { "INSERT INTO authority_file (code, version,"
	                            " body, sha256, created_at, actor)"
	                            " VALUES (?, (SELECT COALESCE(MAX(version),"
	                            " 0) + 1 FROM authority_file WHERE code = ?),"
	                            " ?, ?, ?, ?) RETURNING id, version",
	    NULL },
	[STMT_AUTHORITY_ACTIVE] = { "SELECT " AUTHORITY_COLS
	                            " FROM authority_file WHERE code = ?"
	                            " ORDER BY version DESC LIMIT 1",
	    NULL },
	[STMT_AUTHORITY_HISTORY] = { "SELECT " AUTHORITY_COLS
	                             " FROM authority_file WHERE code = ?"
	                             " ORDER BY version",
	    NULL },
	[STMT_AUTHORITY_NEWEST] = { "SELECT " AUTHORITY_COLS
	                            " FROM authority_file f WHERE version ="
	                            " (SELECT MAX(version) FROM authority_file"
	                            " WHERE code = f.code) ORDER BY code",
	    NULL },
	[STMT_LETTER_GET] = { "SELECT message_id, state, attempts,"
	                      " updated_at, detail FROM letter"
	                      " WHERE incident_id = ? AND subject_key = ?",
	    NULL },
	[STMT_LETTER_PUT] = { "INSERT INTO letter (incident_id, subject_key,"
	                      " message_id, state, attempts, updated_at,"
	                      " detail) VALUES (?, ?, ?, ?, ?, ?, ?)"
	                      " ON CONFLICT (incident_id, subject_key)"
	                      " DO UPDATE SET message_id = excluded.message_id,"
	                      " state = excluded.state,"
	                      " attempts = excluded.attempts,"
	                      " updated_at = excluded.updated_at,"
	                      " detail = excluded.detail",
	    NULL },
	[STMT_ACCOUNT_INSERT] = { "INSERT INTO account (name, role, pw_hash,"
	                          " lang, created_at) VALUES (?, ?, ?, ?, ?)"
	                          " RETURNING id",
	    NULL },
	[STMT_ACCOUNT_GET] = { "SELECT " ACCOUNT_COLS " FROM account"
	                       " WHERE id = ?",
	    NULL },
	[STMT_ACCOUNT_GET_NAME] = { "SELECT " ACCOUNT_COLS " FROM account"
	                            " WHERE name = ?",
	    NULL },
	[STMT_ACCOUNT_UPDATE] = { "UPDATE account SET role = ?, pw_hash = ?,"
	                          " failed = ?, locked_until = ?,"
	                          " disabled = ?, lang = ? WHERE id = ?",
	    NULL },
	[STMT_ACCOUNT_LIST] = { "SELECT " ACCOUNT_COLS " FROM account"
	                        " ORDER BY name",
	    NULL },
	[STMT_SESSION_INSERT] = { "INSERT INTO session (token_hash,"
	                          " account_id, csrf, created_at, expires_at)"
	                          " VALUES (?, ?, ?, ?, ?)",
	    NULL },
	[STMT_SESSION_GET] = { "SELECT s.csrf, s.expires_at, a.id, a.name,"
	                       " a.role, a.pw_hash, a.failed,"
	                       " a.locked_until, a.disabled, a.lang,"
	                       " a.created_at FROM session s"
	                       " JOIN account a ON a.id = s.account_id"
	                       " WHERE s.token_hash = ?",
	    NULL },
	[STMT_SESSION_DELETE] = { "DELETE FROM session WHERE token_hash = ?"
	                          " OR (? = 1 AND account_id = ?)",
	    NULL },
	[STMT_SESSION_PURGE] = { "DELETE FROM session WHERE expires_at < ?",
	    NULL },
	[STMT_TOKEN_INSERT] = { "INSERT INTO api_token (token_hash,"
	                        " account_id, label, created_at)"
	                        " VALUES (?, ?, ?, ?) RETURNING id",
	    NULL },
	[STMT_TOKEN_GET] = { "SELECT a.id, a.name, a.role, a.pw_hash,"
	                     " a.failed, a.locked_until, a.disabled, a.lang,"
	                     " a.created_at FROM api_token t"
	                     " JOIN account a ON a.id = t.account_id"
	                     " WHERE t.token_hash = ? AND t.revoked_at IS NULL",
	    NULL },
	[STMT_TOKEN_REVOKE] = { "UPDATE api_token SET revoked_at = ?"
	                        " WHERE id = ? AND revoked_at IS NULL",
	    NULL },
	[STMT_TOKEN_LIST] = { "SELECT t.id, a.name, t.label, t.created_at,"
	                      " t.revoked_at FROM api_token t"
	                      " JOIN account a ON a.id = t.account_id"
	                      " ORDER BY t.id",
	    NULL },
	[STMT_ACCESS_INSERT] = { "INSERT INTO audit.access (incident_id, at, actor,"
	                         " what) VALUES (?, ?, ?, ?)",
	    NULL },
	[STMT_ACCESS_LIST] = { "SELECT at, actor, what FROM audit.access"
	                       " WHERE incident_id = ?"
	                       " ORDER BY id DESC LIMIT ?",
	    NULL },
	[STMT_DRAFT_PUT] = { "UPDATE draft SET facts = ?, step = ?,"
	                     " updated_at = ? WHERE id = ? AND account_id = ?",
	    NULL },
	[STMT_DRAFT_INSERT] = { "INSERT INTO draft (account_id, facts, step,"
	                        " updated_at) VALUES (?, ?, ?, ?) RETURNING id",
	    NULL },
	[STMT_DRAFT_GET] = { "SELECT facts, step, updated_at FROM draft"
	                     " WHERE id = ? AND account_id = ?",
	    NULL },
	[STMT_DRAFT_DELETE] = { "DELETE FROM draft WHERE id = ?"
	                        " AND account_id = ?",
	    NULL },
	[STMT_INCIDENT_PAGE] = { "SELECT " INCIDENT_COLS ", NULL"
	                         " FROM incident i"
	                         " WHERE (? < 0 OR status = ?)"
	                         " AND id < ?"
	                         " AND (? IS NULL OR instr(lower(ref || ' ' ||"
	                         " title), lower(?)) > 0)"
	                         " AND (? IS NULL OR EXISTS (SELECT 1 FROM"
	                         " event e WHERE e.incident_id = i.id"
	                         " AND e.seq = 1 AND e.actor = ?))"
	                         " ORDER BY id DESC LIMIT ?",
	    NULL },
	[STMT_INCIDENT_CREATOR] = { "SELECT actor FROM event"
	                            " WHERE incident_id = ? AND seq = 1",
	    NULL },
	[STMT_LETTER_DOUBT] = { "UPDATE letter SET state = 'in_doubt'"
	                        " WHERE incident_id = ? AND state = 'handed'",
	    NULL },
	[STMT_DRAFT_LIST] = { "SELECT id, step, updated_at,"
	                      " json_extract(facts, '$.title') FROM draft"
	                      " WHERE account_id = ?"
	                      " ORDER BY updated_at DESC, id DESC LIMIT ?",
	    NULL },
	/* The dashboard charts (http/ui_chart.c): per incident the month of
	 * awareness and the three kinds of breach, read once per process and
	 * then only for incidents with events newer than the last seen (every
	 * change to an incident appends an event); and one aggregate query of
	 * filed authority notifications by hours since awareness. */
	[STMT_CHART_EVENT_MAX] = { "SELECT coalesce(max(rowid), 0) FROM event",
	    NULL },
	[STMT_CHART_ALL] = { "SELECT id, coalesce(aware_at, discovered_at,"
	                     " created_at),"
	                     " json_extract(facts, '$.nature.confidentiality'),"
	                     " json_extract(facts, '$.nature.integrity'),"
	                     " json_extract(facts, '$.nature.availability')"
	                     " FROM incident",
	    NULL },
	[STMT_CHART_ONE] = { "SELECT id, coalesce(aware_at, discovered_at,"
	                     " created_at),"
	                     " json_extract(facts, '$.nature.confidentiality'),"
	                     " json_extract(facts, '$.nature.integrity'),"
	                     " json_extract(facts, '$.nature.availability')"
	                     " FROM incident WHERE id = ?",
	    NULL },
	[STMT_CHART_CHANGED] = { "SELECT DISTINCT incident_id FROM event"
	                         " WHERE rowid > ? AND rowid <= ?",
	    NULL },
	[STMT_CHART_DELAYS] = { "SELECT (filed_at - anchor_at) / 3600, count(*)"
	                        " FROM obligation WHERE status = 'filed'"
	                        " AND filed_at IS NOT NULL AND filed_at >= ?"
	                        " AND recipient NOT IN ('subjects', 'public',"
	                        " 'controller') GROUP BY 1 ORDER BY 1",
	    NULL },
	[STMT_SUBJECT_SECRET_GET] = { "SELECT secret, created_at, phone_region,"
	                              " subjects, identifiers"
	                              " FROM subject_secret WHERE id = 1",
	    NULL },
	[STMT_SUBJECT_SECRET_PUT] = { "INSERT INTO subject_secret (id, secret,"
	                              " created_at, phone_region, subjects,"
	                              " identifiers) VALUES (1, ?, ?, ?, ?, ?)"
	                              " ON CONFLICT (id) DO UPDATE SET"
	                              " secret = excluded.secret,"
	                              " created_at = excluded.created_at,"
	                              " phone_region = excluded.phone_region,"
	                              " subjects = excluded.subjects,"
	                              " identifiers = excluded.identifiers",
	    NULL },
	[STMT_SUBJECT_PACK_CLEAR] = { "DELETE FROM subject_pack", NULL },
	[STMT_SUBJECT_CLEAR] = { "DELETE FROM subject", NULL },
	[STMT_SUBJECT_INSERT] = { "INSERT INTO subject (ref) VALUES (?)"
	                          " ON CONFLICT (ref) DO UPDATE SET ref = ref"
	                          " RETURNING id",
	    NULL },
	[STMT_SUBJECT_PACK_INSERT] = { "INSERT INTO subject_pack (entries, data)"
	                               " VALUES (?, ?)",
	    NULL },
	[STMT_SUBJECT_PACK_EACH] = { "SELECT entries, data FROM subject_pack"
	                             " ORDER BY seq",
	    NULL },
	[STMT_SUBJECT_EACH] = { "SELECT id, ref FROM subject ORDER BY id",
	    NULL },
	[STMT_SUBJECT_REF_PACK_CLEAR] = { "DELETE FROM subject_ref_pack",
	    NULL },
	[STMT_SUBJECT_REF_PACK_INSERT] = { "INSERT INTO subject_ref_pack"
	                                   " (first, n, data) VALUES (?, ?, ?)",
	    NULL },
	[STMT_SUBJECT_REF_PACK_EACH] = { "SELECT first, n, data FROM"
	                                 " subject_ref_pack ORDER BY first",
	    NULL },
};
