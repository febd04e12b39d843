# The CLI and a running server on one register: a CLI command that opens
# and closes the register while the server runs must not take the
# server's WAL away (a close(2) of any descriptor of the file drops the
# server process's POSIX locks; store/backend_sqlite.c reads the header
# through its own descriptor only once).  Writes made by the server after
# the CLI ran are visible to the CLI and survive a restart.
. "$E2E_LIB"

init_register
add_user dpo1 dpo
TOKEN=$(api_token dpo1)
facts f.json "Shared register" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
serve_start --threads 2
A="Authorization: Bearer $TOKEN"
for i in 1 2 3; do
	http POST "/api/v1/incidents/$REF/notes" -H "$A" \
	    -H 'Content-Type: application/json' --data-binary "{\"text\":\"n$i\"}"
	expect_status 201
	bk incident list
	sqlite3 "$BREACHKIT_DB" 'PRAGMA quick_check' >/dev/null ||
	    fail "sqlite3 could not read"
	[ -e "$BREACHKIT_DB-wal" ] || fail "the server's WAL was deleted (round $i)"
done
http POST "/api/v1/incidents/$REF/notes" -H "$A" \
    -H 'Content-Type: application/json' --data-binary '{"text":"last"}'
expect_status 201
bk incident show "$REF" --json
expect_eq "notes seen by the CLI" \
    "$(jget '[e["payload"]["text"] for e in d["history"] if e["kind"]=="note"]')" \
    '["n1","n2","n3","last"]'
serve_stop
bk incident show "$REF" --json
expect_eq "notes after the stop" \
    "$(jget 'len([e for e in d["history"] if e["kind"]=="note"])')" 4

# A token revoked by the CLI while the server runs: a worker keeps checked
# tokens for at most a second (http_int.h, token_cache).  One worker, so
# the request after the revocation meets the cached entry if it outlived
# its second.
serve_start --threads 1
http GET /api/v1/me -H "$A"
expect_status 200
bk user tokens --json
TID=$(jget '[t["id"] for t in d if t["revoked_at"] is None][0]')
bk user revoke "$TID"
sleep 1.2
http GET /api/v1/me -H "$A"
expect_status 401
serve_stop
expect_verify_ok
