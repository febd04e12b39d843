# breachkit serve: the JSON API with an API token and with a session:
# authentication, CSRF on every state change, reads recorded, bad bodies
# refused with the right status, SIGTERM stops cleanly.
. "$E2E_LIB"

init_register
add_user dpo1 dpo
add_user view1 viewer
TOKEN=$(api_token dpo1)
[ -n "$TOKEN" ] || fail "no token printed"
facts f.json "Test breach for the API" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
serve_start

http GET /api/v1/incidents
expect_status 401
http GET /api/v1/incidents -H "Authorization: Bearer bk_wrong"
expect_status 401
http GET /api/v1/incidents -H "Authorization: Bearer $TOKEN"
expect_status 200
grep -q '"items"' "$LAST_OUT" || fail "no items"

# A read is recorded before the reply leaves.
http GET "/api/v1/incidents/$REF" -H "Authorization: Bearer $TOKEN"
expect_status 200
grep -qi '^cache-control: no-store' "$LAST_ERR" || fail "no no-store"
grep -qi "^content-security-policy: default-src 'self'" "$LAST_ERR" ||
    fail "no CSP"
grep -qi '^x-content-type-options: nosniff' "$LAST_ERR" || fail "no nosniff"
http GET "/api/v1/incidents/$REF/reads" -H "Authorization: Bearer $TOKEN"
expect_status 200
grep -q '"actor":"dpo1","what":"api: incident"' "$LAST_OUT" ||
    fail "the read was not recorded"

# Create with a token (no CSRF needed: no cookie).
http POST /api/v1/incidents -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary @f.json
expect_status 201
grep -q '"ref"' "$LAST_OUT" || fail "no ref"

# Bad bodies.
http POST /api/v1/incidents -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary '{"title": '
expect_status 400
grep -q 'not valid JSON' "$LAST_OUT" || fail "no JSON error"
http POST /api/v1/incidents -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/plain' --data-binary @f.json
expect_status 415
http POST /api/v1/incidents -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary '{"nature": 5}'
expect_status 422
grep -q '"fields"' "$LAST_OUT" || fail "no field errors"
head -c 2000000 /dev/zero | tr '\0' 'a' >big.json
http POST /api/v1/incidents -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary @big.json
expect_status 413

# Sessions: the cookie, and CSRF on every state change.
CSRF=$(login dpo1)
[ -n "$CSRF" ] || fail "login gave no CSRF token"
grep -q 'breachkit_session' jar-dpo1 || fail "no session cookie"
http POST /api/v1/incidents -b jar-dpo1 -H 'Content-Type: application/json' \
    --data-binary @f.json
expect_status 403
grep -q 'CSRF' "$LAST_OUT" || fail "403 does not name CSRF"
http POST /api/v1/incidents -b jar-dpo1 -H "X-CSRF-Token: wrong" \
    -H 'Content-Type: application/json' --data-binary @f.json
expect_status 403
http POST /api/v1/incidents -b jar-dpo1 -H "X-CSRF-Token: $CSRF" \
    -H 'Content-Type: application/json' --data-binary @f.json
expect_status 201

# A viewer may read but not write.
VCSRF=$(login view1)
http GET "/api/v1/incidents/$REF" -b jar-view1
expect_status 200
http POST "/api/v1/incidents/$REF/decisions" -b jar-view1 \
    -H "X-CSRF-Token: $VCSRF" -H 'Content-Type: application/json' \
    --data-binary '{"topic":"authority","outcome":true,"rationale":"x"}'
expect_status 403

# Decide, then the notification PDF.
http POST "/api/v1/incidents/$REF/decisions" -b jar-dpo1 \
    -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
    --data-binary '{"topic":"authority","outcome":true,"rationale":"high risk to the customers"}'
expect_status 201
bk incident show "$REF" --json
grep -q 'high risk to the customers' "$LAST_OUT" || fail "decision not stored"

# Logout ends the session.
http DELETE /api/v1/session -b jar-dpo1 -H "X-CSRF-Token: $CSRF"
expect_status 204
http GET /api/v1/me -b jar-dpo1
expect_status 401

serve_stop
bk verify
