# The JSON API and the pages of the register as a whole: settings (set
# atomically: one bad value and nothing is written), templates (list,
# get, set with lint errors naming "source", history, reset), regimes
# (list, get, load), users (add with a password shown once, change role,
# disable, unlock), API tokens (created and shown once, listed without
# the secret, revoked: then refused).
. "$E2E_LIB"

init_register --org "Example Org (fictional)"
add_user admin1 admin
add_user dpo1 dpo
ATOK=$(api_token admin1)
DTOK=$(api_token dpo1)
serve_start
A="Authorization: Bearer $ATOK"
D="Authorization: Bearer $DTOK"
J='Content-Type: application/json'

# Settings.
http GET /api/v1/settings -H "$D"
expect_status 200
expect_eq "org" "$(jget '[s["value"] for s in d["items"] if s["key"]=="org_name"][0]')" \
    "Example Org (fictional)"
before=$(db_dump_digest)
http PATCH /api/v1/settings -H "$D" -H "$J" \
    --data-binary '{"dpo_name":"Dana Example","dpo_email":"not-an-address","nosuch":"x"}'
expect_status 422
jget '[f["field"] for f in d["error"]["fields"]]' >fields
grep -q dpo_email fields || fail "dpo_email not named"
grep -q nosuch fields || fail "nosuch not named"
expect_eq "nothing written" "$(db_dump_digest)" "$before"
http PATCH /api/v1/settings -H "$D" -H "$J" \
    --data-binary '{"dpo_name":"Dana Example","dpo_email":"dpo@example.invalid","authority":"nrw","org_website":null}'
expect_status 200
bk settings get dpo_email
expect_stdout_contains "dpo@example.invalid"

# Templates.
http GET /api/v1/templates -H "$D"
expect_status 200
expect_eq "kinds" "$(jget '"notice-text" in [t["kind"] for t in d["items"]]')" true
http GET /api/v1/templates/notice-text/de -H "$D"
expect_status 200
expect_eq "builtin" "$(jget 'd["builtin"]')" true
http GET /api/v1/templates/nosuch/de -H "$D"
expect_status 404
http PUT /api/v1/templates/notice-text/de -H "$D" -H "$J" \
    --data-binary '{"source":"{{! type: text }}\nHallo {{vorname}}\n"}'
expect_status 422
expect_eq "lint field" "$(jget 'd["error"]["fields"][0]["field"]')" source
grep -q 'vorname' "$LAST_OUT" || fail "lint error does not name the variable"
http PUT /api/v1/templates/notice-text/de -H "$D" -H "$J" \
    --data-binary '{"source":"{{! type: text }}\nBEKANNTMACHUNG {{ref}}\n"}'
expect_status 200
expect_eq "version" "$(jget 'd["version"]')" 1
http DELETE /api/v1/templates/notice-text/de -H "$D"
expect_status 200
http GET /api/v1/templates/notice-text/de/history -H "$D"
expect_status 200
expect_eq "history" "$(jget 'len(d["items"])')" 2

# Regimes.
http GET /api/v1/regimes -H "$D"
expect_status 200
expect_eq "gdpr" "$(jget '"gdpr" in [r["id"] for r in d["items"]]')" true
http GET /api/v1/regimes/gdpr -H "$D"
expect_status 200
expect_eq "regime id" "$(jget 'd["id"]')" gdpr
http GET /api/v1/regimes/nosuch -H "$D"
expect_status 404
http POST /api/v1/regimes -H "$D" -H "$J" --data-binary '{"id":"x"}'
[ "$HTTP_STATUS" = 422 ] || [ "$HTTP_STATUS" = 400 ] ||
    fail "bad regime: HTTP $HTTP_STATUS"
http POST /api/v1/regimes -H "$D" -H "$J" --data-binary @"$TOP/regimes/tkg.json"
expect_status 201

# Users: a dpo may not manage them.
http GET /api/v1/users -H "$D"
expect_status 403
http POST /api/v1/users -H "$A" -H "$J" \
    --data-binary '{"name":"new1","role":"editor","lang":"en"}'
expect_status 201
PW=$(jget 'd["password"]')
[ ${#PW} -ge 10 ] || fail "no password shown"
http POST /api/v1/users -H "$A" -H "$J" \
    --data-binary '{"name":"new1","role":"editor"}'
expect_status 409
http POST /api/v1/users -H "$A" -H "$J" \
    --data-binary '{"name":"new2","role":"boss"}'
expect_status 422
expect_eq "role named" "$(jget 'd["error"]["fields"][0]["field"]')" role
http PATCH /api/v1/users/new1 -H "$A" -H "$J" --data-binary '{"role":"viewer"}'
expect_status 200
expect_eq "role" "$(jget 'd["role"]')" viewer
http PATCH /api/v1/users/new1 -H "$A" -H "$J" --data-binary '{}'
expect_status 422
http PATCH /api/v1/users/nobody -H "$A" -H "$J" --data-binary '{"unlock":true}'
expect_status 404
http GET /api/v1/users -H "$A"
expect_eq "users" "$(jget 'sorted(u["name"] for u in d["items"])')" \
    '["admin1","dpo1","new1"]'
grep -q pw_hash "$LAST_OUT" && fail "password hash listed"

# Tokens: shown once, listed without the secret, revoked.
http POST /api/v1/tokens -H "$A" -H "$J" \
    --data-binary '{"account":"new1","label":"SIEM (test)"}'
expect_status 201
NT=$(jget 'd["token"]')
TID=$(jget 'd["id"]')
http GET /api/v1/me -H "Authorization: Bearer $NT"
expect_status 200
expect_eq "me" "$(jget 'd["name"]')" new1
http GET /api/v1/tokens -H "$A"
expect_status 200
grep -q "$NT" "$LAST_OUT" && fail "the token is listed"
grep -q 'SIEM (test)' "$LAST_OUT" || fail "label not listed"
http DELETE "/api/v1/tokens/$TID" -H "$A"
expect_status 204
http GET /api/v1/me -H "Authorization: Bearer $NT"
expect_status 401
http DELETE "/api/v1/tokens/$TID" -H "$A"
expect_status 404
http PATCH /api/v1/users/new1 -H "$A" -H "$J" --data-binary '{"disabled":true}'
expect_status 200
expect_eq "disabled" "$(jget 'd["disabled"]')" true

# The pages, with a session (forms carry the CSRF token).
CSRF=$(login admin1)
for p in /settings /settings/templates /settings/templates/notice-text/de \
    /settings/regimes /settings/regimes/gdpr /settings/users \
    /settings/tokens /register; do
	http GET "$p" -b jar-admin1
	expect_status 200
	grep -q '<h1>' "$LAST_OUT" || fail "$p: no heading"
	case $p in
	/settings/regimes/gdpr|/register) ;;
	*) grep -q "name=\"csrf\" value=\"$CSRF\"" "$LAST_OUT" ||
	    fail "$p: a form without the CSRF token" ;;
	esac
done
http GET /settings -b jar-admin1 -H 'Accept-Language: en'
grep -q 'Dana Example' "$LAST_OUT" || fail "settings page lacks the value"
http GET "/register/export?format=json" -b jar-admin1
expect_status 200
grep -qi '^content-disposition: attachment; filename="register-' "$LAST_ERR" ||
    fail "no download name"
# A settings form post with a bad value: 422 with the problem, nothing written.
before=$(db_dump_digest)
http POST /settings -b jar-admin1 --data-urlencode "csrf=$CSRF" \
    --data-urlencode "org_name=Example Org" --data-urlencode "dpo_email=bad"
expect_status 422
grep -q 'dpo_email' "$LAST_OUT" || fail "form error does not name the field"
expect_eq "nothing written" "$(db_dump_digest)" "$before"
http POST /settings -b jar-admin1 --data-urlencode "csrf=$CSRF" \
    --data-urlencode "org_name=Example Org 2" --data-urlencode "timezone=Europe/Berlin"
expect_status 303
bk settings get org_name
expect_stdout_contains "Example Org 2"
# Template form with a lint error shows it.
http POST /settings/templates/notice-text/en -b jar-admin1 \
    --data-urlencode "csrf=$CSRF" --data-urlencode "source={{! type: text }}
{{nosuchvar}}"
expect_status 422
grep -q 'nosuchvar' "$LAST_OUT" || fail "lint error not shown"
# A user added from the form gets a password shown once; a token too.
http POST /settings/users -b jar-admin1 --data-urlencode "csrf=$CSRF" \
    --data-urlencode "name=form1" --data-urlencode "role=viewer" \
    --data-urlencode "lang=de"
expect_status 200
grep -q 'class="secret"' "$LAST_OUT" || fail "no password shown"
http POST /settings/users/form1 -b jar-admin1 --data-urlencode "csrf=$CSRF" \
    --data-urlencode "action=disable"
expect_status 303
http POST /settings/tokens -b jar-admin1 --data-urlencode "csrf=$CSRF" \
    --data-urlencode "account=admin1" --data-urlencode "label=ticket system"
expect_status 200
grep -q 'class="secret">bk_' "$LAST_OUT" || fail "token not shown"
http GET /settings/tokens -b jar-admin1
grep -q 'class="secret"' "$LAST_OUT" && fail "token shown twice"
serve_stop
bk user list
grep -q 'form1.*disabled' "$LAST_OUT" || fail "form1 not disabled: $(out)"
expect_verify_ok
