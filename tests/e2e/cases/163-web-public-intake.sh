# The public intake (/report): 404 unless serve runs with
# --public-intake; with it, the form sets the double-submit token,
# a post without it is refused, problems are named next to their
# fields, a good report is recorded by "public-intake" with a receipt
# reference, and reports are rate-limited per address.
. "$E2E_LIB"

init_register
serve_start
http GET /report
expect_status 404
http POST /report -d title=x
expect_status 404
http GET /login
grep -q 'href="/report"' "$LAST_OUT" && fail "login links the closed form"
serve_stop

# serve_start reads the URL from serve.out: not the old server's.
rm -f serve.out
serve_start --public-intake
http GET /login
grep -q 'href="/report"' "$LAST_OUT" || fail "login does not link the form"
curl -s -S -m 20 -c jar -o form.html "$URL/report" || fail "GET /report"
PRE=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' form.html)
[ -n "$PRE" ] || fail "no token in the form"
grep -q "breachkit_pre	$PRE" jar || fail "the cookie is not the form's token"
for l in 'for="r-title"' 'for="r-description"' 'for="r-noticed"' \
    'for="r-email"' '<legend>'; do
	grep -qF "$l" form.html || fail "the form lacks $l"
done

# CSRF: no token, a wrong token, a token without its cookie.
http POST /report -b jar -d title=Suspicion
expect_status 403
http POST /report -b jar -d title=Suspicion -d csrf=wrong
expect_status 403
http POST /report -d title=Suspicion -d "csrf=$PRE"
expect_status 403
expect_eq "nothing recorded" "$(incident_count)" 0

# Problems named next to their fields; nothing recorded.
http POST /report -b jar -d "csrf=$PRE" -d title= -d email=not-an-address \
    -d noticed_at=yesterday
expect_status 422
grep -q 'id="r-title-err" role="alert">title: required' "$LAST_OUT" ||
    fail "title problem not next to the field"
grep -q 'id="r-email-err" role="alert">reporter.email: ' "$LAST_OUT" ||
    fail "e-mail problem not named"
grep -q 'id="r-noticed-err" role="alert">timeline.discovered_at: ' "$LAST_OUT" ||
    fail "time problem not named"
grep -q 'value="not-an-address"' "$LAST_OUT" || fail "entries not kept"
expect_eq "nothing recorded" "$(incident_count)" 0

http POST /report -b jar -d "csrf=$PRE" \
    --data-urlencode 'title=USB stick missing from meeting room' \
    --data-urlencode 'description=Noticed after the meeting.
It held the visitor list.' -d noticed_at=2024-05-01T09:30 \
    -d email=staff@example.invalid
expect_status 201
grep -q 'class="receipt">BK-2024-0001<' "$LAST_OUT" || fail "no receipt"
bk incident show BK-2024-0001 --json
expect_eq "actor" "$(jget 'd["history"][0]["actor"]')" public-intake
expect_eq "mail" "$(jget 'd["facts"]["reporter"]["email"]')" staff@example.invalid
expect_eq "noticed" "$(utc "$(jget 'd["facts"]["timeline"]["discovered_at"]')")" \
    2024-05-01T07:30:00Z
expect_eq "no awareness" "$(jget 'd["facts"]["timeline"].get("aware_at")')" null
expect_eq "lines" "$(jget 'd["facts"]["description"]')" "Noticed after the meeting.
It held the visitor list."

# At most five reports per address in ten minutes; the refused one (422)
# above counts too, the ones refused for CSRF do not.
for i in 1 2 3; do
	http POST /report -b jar -d "csrf=$PRE" -d "title=Rate $i"
	expect_status 201
done
http POST /report -b jar -d "csrf=$PRE" -d "title=Rate 4"
expect_status 429
expect_eq "count" "$(incident_count)" 4
serve_stop
expect_verify_ok
