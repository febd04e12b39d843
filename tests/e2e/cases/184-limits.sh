# Security: limits.  A body over --max-body gets 413 (JSON routes and the
# raw attachment upload) and nothing is stored; oversized request headers
# and an oversized request line are refused (431 or 400, or the
# connection closed) without harming the server; a deeply nested JSON
# body is refused with 400.
. "$E2E_LIB"

init_register
add_user dpo1 dpo
TOKEN=$(api_token dpo1)
facts f.json "Limits target" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
serve_start --max-body 65536
A="Authorization: Bearer $TOKEN"
before=$(db_dump_digest)
/usr/bin/python3 -c 'import json; print(json.dumps({"text": "x" * 70000}))' >big.json
http POST "/api/v1/incidents/$REF/notes" -H "$A" \
    -H 'Content-Type: application/json' --data-binary @big.json
expect_status 413
head -c 70000 /dev/zero >big.bin
http POST "/api/v1/incidents/$REF/attachments?name=big.bin" -H "$A" \
    -H 'Content-Type: application/octet-stream' --data-binary @big.bin
expect_status 413
# Just under the limit is fine.
head -c 60000 /dev/zero >ok.bin
http POST "/api/v1/incidents/$REF/attachments?name=ok.bin" -H "$A" \
    -H 'Content-Type: application/octet-stream' --data-binary @ok.bin
expect_status 201
after_ok=$(db_dump_digest)
[ "$after_ok" != "$before" ] || fail "the small upload was not stored"

# Oversized headers: one 20 KB header, then many headers.
big=$(head -c 20000 /dev/zero | tr '\0' 'a')
HTTP_STATUS=$(curl -s -m 20 -o /dev/null -w '%{http_code}' \
    -H "X-Big: $big" -H "$A" "$URL/api/v1/me")
case $HTTP_STATUS in 431|400|000) ;; *) fail "20 KB header: HTTP $HTTP_STATUS" ;; esac
set --
for i in $(seq 1 400); do set -- "$@" -H "X-H$i: $(printf '%040d' "$i")"; done
HTTP_STATUS=$(curl -s -m 20 -o /dev/null -w '%{http_code}' "$@" -H "$A" \
    "$URL/api/v1/me")
case $HTTP_STATUS in 431|400|000) ;; *) fail "400 headers: HTTP $HTTP_STATUS" ;; esac
HTTP_STATUS=$(curl -s -m 20 -o /dev/null -w '%{http_code}' -H "$A" \
    "$URL/api/v1/incidents?q=$big")
case $HTTP_STATUS in 431|414|400|000) ;; *) fail "20 KB URL: HTTP $HTTP_STATUS" ;; esac

# Deep nesting: refused by the parser's depth limit, no crash.
/usr/bin/python3 -c 'print("[" * 30000 + "]" * 30000)' >deep.json
http POST /api/v1/assess -H "$A" -H 'Content-Type: application/json' \
    --data-binary @deep.json
expect_status 400
# The server still answers.
http GET /api/v1/me -H "$A"
expect_status 200
serve_stop
expect_eq "only the small upload stored" "$(db_dump_digest)" "$after_ok"
