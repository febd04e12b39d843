# The incident page's forms: a note, close and reopen with a reason, a
# filing (late: with the delay reason), an attachment uploaded as the raw
# body and downloaded byte for byte, and verify's verdict on the chain
# (which turns to FAILED when the register is tampered with).  Every
# state change needs the CSRF token; a viewer may not change anything.
. "$E2E_LIB"

init_register
add_user dpo1 dpo
add_user view1 viewer
facts f.json "Stolen backup tape" 2024-04-26T08:00:00Z
REF=$(new_incident f.json)
serve_start
CSRF=$(login dpo1)
VCSRF=$(login view1)

http GET "/incidents/$REF" -b jar-dpo1
expect_status 200
grep -q 'class="verify-ok"' "$LAST_OUT" || fail "no verify verdict"
for f in "/incidents/$REF/notes" "/incidents/$REF/status" \
    "/incidents/$REF/filings" "data-action=\"/incidents/$REF/attachments\""; do
	grep -qF "$f" "$LAST_OUT" || fail "the page lacks the form $f"
done
http GET "/incidents/$REF" -b jar-view1
grep -qF "/incidents/$REF/notes" "$LAST_OUT" && fail "a viewer gets the note form"

# A note: CSRF required, a viewer refused, then recorded and shown.
http POST "/incidents/$REF/notes" -b jar-dpo1 -d 'text=Tape was in van 3'
expect_status 403
http POST "/incidents/$REF/notes" -b jar-view1 --data-urlencode "csrf=$VCSRF" \
    -d 'text=hello'
expect_status 403
http POST "/incidents/$REF/notes" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d 'text='
expect_status 422
http POST "/incidents/$REF/notes" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d 'text=Tape was in van 3'
expect_status 303
http GET "/incidents/$REF" -b jar-dpo1
grep -q '<strong>note</strong> dpo1 .*Tape was in van 3' "$LAST_OUT" ||
    fail "note not in the timeline"

# Close needs a reason; reopen.
http POST "/incidents/$REF/status" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d action=close -d reason=
expect_status 422
http POST "/incidents/$REF/status" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d action=close -d 'reason=Tape found sealed'
expect_status 303
bk incident show "$REF" --json
expect_eq "closed" "$(jget 'd["incident"]["status"] if "incident" in d else d["status"]')" closed
http POST "/incidents/$REF/status" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d action=close -d 'reason=again'
expect_status 409
http POST "/incidents/$REF/status" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d action=reopen
expect_status 303
http GET "/incidents/$REF" -b jar-dpo1
grep -q 'Tape found sealed' "$LAST_OUT" || fail "close reason not shown"

# A filing to the authority, late (aware 2024-04-26 08:00Z, 72 h passed).
bk incident show "$REF" --json
OB=$(jget '[o["id"] for o in d["obligations"] if o["recipient"] == "authority"][0]')
http POST "/incidents/$REF/filings" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d "obligation=$OB" -d phase=initial -d filed_at=yesterday
expect_status 422
grep -q 'filed_at: a date and time' "$LAST_OUT" || fail "bad time not named"
http POST "/incidents/$REF/filings" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d "obligation=$OB" -d phase=initial -d filed_at=2024-05-01T11:30 \
    -d case_ref=LDI-4711 --data-urlencode 'delay_reason=Tape inventory took four days' \
    --data-urlencode 'filed_by=Dana DPO' -d filed_by_contact=dpo@example.test
expect_status 303
bk incident show "$REF" --json
expect_eq "filed" "$(jget "[o['status'] for o in d['obligations'] if o['id'] == $OB][0]")" filed
expect_eq "late" "$(jget "[o['late'] for o in d['obligations'] if o['id'] == $OB][0]")" true
expect_eq "case" "$(jget "[o['case_ref'] for o in d['obligations'] if o['id'] == $OB][0]")" LDI-4711
expect_eq "at" "$(utc "$(jget "[o['filed_at'] for o in d['obligations'] if o['id'] == $OB][0]")")" \
    2024-05-01T09:30:00Z
expect_eq "filed by" "$(jget '[e["payload"].get("filed_by") for e in d["history"] if e["kind"] == "filing"][-1]')" "Dana DPO"
expect_eq "their contact" "$(jget '[e["payload"].get("filed_by_contact") for e in d["history"] if e["kind"] == "filing"][-1]')" "dpo@example.test"

# An attachment: the raw body, a name; the wrong type and no name refused.
printf 'synthetic\000binary\377content\n' >att.bin
http POST "/incidents/$REF/attachments?name=scan.bin" -b jar-dpo1 \
    -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
    --data-binary @att.bin
expect_status 201
http POST "/incidents/$REF/attachments?name=x.bin" -b jar-dpo1 \
    -H 'Content-Type: application/octet-stream' --data-binary @att.bin
expect_status 403
http POST "/incidents/$REF/attachments?name=x.bin" -b jar-dpo1 \
    -H "X-CSRF-Token: $CSRF" -H 'Content-Type: text/plain' --data-binary @att.bin
expect_status 415
http POST "/incidents/$REF/attachments" -b jar-dpo1 \
    -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
    --data-binary @att.bin
expect_status 400
http GET "/incidents/$REF" -b jar-dpo1
AID=$(grep -o "/incidents/$REF/attachments/[0-9]*" "$LAST_OUT" | head -1 | sed 's|.*/||')
[ -n "$AID" ] || fail "no download link"
curl -s -S -m 20 -b jar-view1 -o got.bin -D got.hdr "$URL/incidents/$REF/attachments/$AID"
cmp -s att.bin got.bin || fail "the download differs from the upload"
grep -qi '^content-disposition: attachment; filename="scan.bin"' got.hdr ||
    fail "no attachment disposition"
expect_eq "sha" "$(sha256sum <got.bin | cut -d' ' -f1)" \
    "$(bk incident show "$REF" --json; jget 'd["attachments"][0]["sha256"]')"
http GET "/incidents/$REF/attachments/999" -b jar-dpo1
expect_status 404
http GET "/api/v1/incidents/$REF/reads" -b jar-dpo1
grep -q '"actor":"view1","what":"page: attachment"' "$LAST_OUT" ||
    fail "the download was not recorded as a read"

# verify on the page sees tampering.
tamper "UPDATE event SET payload = replace(payload, 'van 3', 'van 4') WHERE kind = 'note'"
http GET "/incidents/$REF" -b jar-dpo1
grep -q 'class="verify-bad" role="alert"' "$LAST_OUT" ||
    fail "tampering not shown"
serve_stop
