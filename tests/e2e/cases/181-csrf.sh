# Security: with a session cookie, every state change (every non-GET
# route in the table) without the CSRF token, with a wrong one, or with
# another session's token gets 403 and changes nothing.
. "$E2E_LIB"

init_register
add_user admin1 admin
add_user dpo1 dpo
facts f.json "CSRF walk target" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
bk test-routes
cp "$LAST_OUT" routes.txt
cat >subst.json <<JSON
{"id":"$REF","aid":"1","kind":"notice-text","lang":"de","rid":"gdpr",
 "name":"dpo1","tid":"1","file":"app.css"}
JSON
bk user token admin1 "keep"
serve_start --public-intake
CSRF=$(login admin1)
OTHER=$(login dpo1)
[ -n "$CSRF" ] && [ -n "$OTHER" ] || fail "no session"
SESSION=$(awk '$6 == "breachkit_session" { print $7 }' jar-admin1)
[ -n "$SESSION" ] || fail "no session cookie"
printf '{"session":"breachkit_session=%s","other_csrf":"%s"}' "$SESSION" \
    "$OTHER" >cookies.json
before=$(db_dump_digest)
run /usr/bin/python3 "$TOP/tests/e2e/websec.py" csrf "$URL" routes.txt \
    cookies.json subst.json
cat "$LAST_OUT"
[ "$RC" -eq 0 ] || fail "CSRF walk found problems"
expect_eq "nothing written" "$(db_dump_digest)" "$before"
# The same session with its token works (the walk was not refused for
# another reason).
http POST "/api/v1/incidents/$REF/notes" -b jar-admin1 \
    -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
    --data-binary '{"text":"with the token"}'
expect_status 201
# A form post needs the csrf field; the pre-session login form needs the
# double-submit cookie.
http POST /logout -b jar-admin1 --data-urlencode "csrf=$CSRF"
expect_status 303
http POST /login --data-urlencode "name=dpo1" \
    --data-urlencode "password=dpo1-password-1" --data-urlencode "csrf=x"
expect_status 403
serve_stop
