# The JSON API of what is recorded on an incident: notes, close/reopen,
# filings, free obligations, attachments (raw upload; download with the
# stored SHA-256 in a header), history, verify (one incident and the
# register), notices, export (CSV and JSON).  Bad bodies get 422 naming
# the field; the register verifies afterwards.
. "$E2E_LIB"

init_register --org "Example Org (fictional)"
add_user dpo1 dpo
add_user ed1 editor
TOKEN=$(api_token dpo1)
ETOK=$(api_token ed1)
facts f.json "Lost test laptop" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
serve_start
A="Authorization: Bearer $TOKEN"
J='Content-Type: application/json'

# Notes.
http POST "/api/v1/incidents/$REF/notes" -H "$A" -H "$J" \
    --data-binary '{"text":"Called the (fictional) courier."}'
expect_status 201
http POST "/api/v1/incidents/$REF/notes" -H "$A" -H "$J" --data-binary '{}'
expect_status 422
expect_eq "note field" "$(jget 'd["error"]["fields"][0]["field"]')" text
http POST "/api/v1/incidents/$REF/notes" -H "$A" -H "$J" \
    --data-binary '{"text":"x","colour":"red"}'
expect_status 422
expect_eq "unknown field" "$(jget 'd["error"]["fields"][0]["field"]')" colour
http POST "/api/v1/incidents/BK-1999-0001/notes" -H "$A" -H "$J" \
    --data-binary '{"text":"x"}'
expect_status 404

# Free obligation, then a filing for it.
http POST "/api/v1/incidents/$REF/obligations" -H "$A" -H "$J" \
    --data-binary '{"recipient":"customer","label":"Contract: 24 hours","due_at":"2024-05-02T08:00:00Z"}'
expect_status 201
http POST "/api/v1/incidents/$REF/obligations" -H "$A" -H "$J" \
    --data-binary '{"recipient":"customer","label":"x","due_at":"tomorrow"}'
expect_status 422
expect_eq "due_at named" "$(jget 'd["error"]["fields"][0]["field"]')" due_at
http POST "/api/v1/incidents/$REF/filings" -H "$A" -H "$J" \
    --data-binary '{"recipient":"authority","phase":"initial","case_ref":"LDI-TEST-1"}'
expect_status 201
expect_eq "late" "$(jget 'd["late"]')" false
http POST "/api/v1/incidents/$REF/filings" -H "$A" -H "$J" \
    --data-binary '{"phase":"sometime"}'
expect_status 422
jget '[f["field"] for f in d["error"]["fields"]]' >fields
grep -q recipient fields || fail "recipient not named"
grep -q phase fields || fail "phase not named"
# Who filed it, with a contact (Art. 33(3)(b) asks for the contact point);
# a contact without a name is refused.
http POST "/api/v1/incidents/$REF/filings" -H "$A" -H "$J" \
    --data-binary '{"recipient":"authority","phase":"follow-up","case_ref":"LDI-TEST-1","filed_by":"Dana DPO","filed_by_contact":"dpo@example.test"}'
expect_status 201
bk incident show "$REF" --json
expect_eq "filed_by in the log" "$(jget '[e["payload"].get("filed_by") for e in d["history"] if e["kind"] == "filing"][-1]')" "Dana DPO"
expect_eq "contact in the log" "$(jget '[e["payload"].get("filed_by_contact") for e in d["history"] if e["kind"] == "filing"][-1]')" "dpo@example.test"
http POST "/api/v1/incidents/$REF/filings" -H "$A" -H "$J" \
    --data-binary '{"recipient":"authority","phase":"follow-up","filed_by_contact":"dpo@example.test"}'
expect_status 422
expect_eq "contact needs a name" "$(jget 'd["error"]["fields"][0]["field"]')" filed_by_contact
# An editor may not file.
http POST "/api/v1/incidents/$REF/filings" -H "Authorization: Bearer $ETOK" \
    -H "$J" --data-binary '{"recipient":"authority","phase":"initial"}'
expect_status 403

# Attachments: raw body, ?name=, SHA-256 back in a header.
printf 'synthetic evidence file\n' >ev.txt
SHA=$(sha256sum ev.txt | cut -d' ' -f1)
http POST "/api/v1/incidents/$REF/attachments?name=ev.txt" -H "$A" \
    -H 'Content-Type: application/octet-stream' --data-binary @ev.txt
expect_status 201
expect_eq "sha" "$(jget 'd["sha256"]')" "$SHA"
AID=$(jget 'd["id"]')
http GET "/api/v1/incidents/$REF/attachments/$AID" -H "$A"
expect_status 200
cmp -s "$LAST_OUT" ev.txt || fail "downloaded content differs"
grep -qi "^x-content-sha256: $SHA" "$LAST_ERR" || fail "no SHA-256 header"
http GET "/api/v1/incidents/$REF/attachments/999" -H "$A"
expect_status 404
http POST "/api/v1/incidents/$REF/attachments" -H "$A" \
    -H 'Content-Type: application/octet-stream' --data-binary @ev.txt
expect_status 422
expect_eq "name named" "$(jget 'd["error"]["fields"][0]["field"]')" name
http POST "/api/v1/incidents/$REF/attachments?name=x" -H "$A" \
    -H 'Content-Type: text/plain' --data-binary @ev.txt
expect_status 415

# History and reads.
http GET "/api/v1/incidents/$REF/history" -H "$A"
expect_status 200
jget '[e["kind"] for e in d["events"]]' >kinds
for k in note attachment filing; do
	grep -q "\"$k\"" kinds || fail "history lacks $k: $(cat kinds)"
done
http GET "/api/v1/incidents/$REF/reads" -H "$A"
grep -q '"what":"api: history"' "$LAST_OUT" || fail "history read not recorded"
grep -q "\"what\":\"api: attachment $AID\"" "$LAST_OUT" ||
    fail "attachment read not recorded"

# Close and reopen.
http POST "/api/v1/incidents/$REF/close" -H "$A" -H "$J" \
    --data-binary '{"reason":"contained; no further risk"}'
expect_status 200
expect_eq "closed" "$(jget 'd["status"]')" closed
http POST "/api/v1/incidents/$REF/reopen" -H "$A" -H "$J" --data-binary '{}'
expect_status 200
expect_eq "open" "$(jget 'd["status"]')" open

# Verify: one incident and all.
http GET "/api/v1/incidents/$REF/verify" -H "$A"
expect_status 200
expect_eq "verify one" "$(jget 'd["ok"]')" true
http GET /api/v1/verify -H "$A"
expect_status 200
expect_eq "verify all" "$(jget '[d["ok"], d["checked"]]')" '[true,1]'

# Notice (register entry) and export.
http GET "/api/v1/incidents/$REF/notice?kind=register&lang=en" -H "$A"
expect_status 200
grep -q "$REF" "$LAST_OUT" || fail "notice lacks the reference"
http GET "/api/v1/incidents/$REF/notice?kind=letter" -H "$A"
expect_status 400
http GET "/api/v1/export?format=csv" -H "$A"
expect_status 200
grep -qi '^content-type: text/csv' "$LAST_ERR" || fail "not CSV"
grep -q "$REF" "$LAST_OUT" || fail "CSV lacks the incident"
cp "$LAST_OUT" api.csv
http GET "/api/v1/export?format=json" -H "$A"
expect_status 200
expect_eq "json export" "$(jget 'd["register"][0]["ref"]')" "$REF"
http GET "/api/v1/export?format=xml" -H "$A"
expect_status 400
http GET /api/v1/export -H "Authorization: Bearer $ETOK"
expect_status 403

# A rewritten note is found by both checks, naming incident and event.
tamper "UPDATE event SET payload = '{\"text\":\"nothing happened\"}' WHERE incident_id = 1 AND seq = 3"
http GET "/api/v1/incidents/$REF/verify" -H "$A"
expect_status 200
expect_eq "verify one after tampering" \
    "$(jget '[d["ok"], [(p["incident"], p["event"]) for p in d["problems"]]]')" \
    "[false,[[\"$REF\",3]]]"
http GET /api/v1/verify -H "$A"
expect_eq "verify all after tampering" "$(jget '[d["ok"], d["bad"]]')" '[false,1]'
serve_stop
# Put the note back for the comparisons below.
tamper "UPDATE event SET payload = '{\"text\":\"Called the (fictional) courier.\"}' WHERE incident_id = 1 AND seq = 3"
# The API's export is the CLI's export.
bk export --format csv
cmp -s "$LAST_OUT" api.csv || fail "API CSV differs from the CLI's"
expect_verify_ok
