# breachkit serve: a read whose access record cannot be written is not
# shown.  Another process holds the write lock of the access log
# (REGISTER-access) longer than the recorder's three tries of
# --busy-timeout: the read is answered 503 with a JSON error and nothing
# of the incident, the server says so on stderr (without personal data),
# and the failed read leaves no row.  Once the lock is gone, reads are
# answered and recorded again; the register still verifies.
. "$E2E_LIB"

init_register
add_user view1 viewer
TOKEN=$(api_token view1)
A="Authorization: Bearer $TOKEN"
facts f.json "Busy access log (fictional)" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
ID=$(sqlite3 "$BREACHKIT_DB" "SELECT id FROM incident WHERE ref = '$REF'")
reads() {
	sqlite3 "$BREACHKIT_DB-access" \
	    "SELECT count(*) FROM access WHERE incident_id = $ID"
}

expect_exit 2 "$BK" serve --busy-timeout 5
expect_stderr_contains "busy_timeout: 10 to 600000 ms"
expect_exit 2 env BREACHKIT_BUSY_TIMEOUT=abc "$BK" serve
expect_stderr_contains "\$BREACHKIT_BUSY_TIMEOUT: busy_timeout"

serve_start --threads 2 --busy-timeout 100
http GET "/api/v1/incidents/$ID" -H "$A"
expect_status 200
expect_eq "the first read recorded" "$(reads)" 1

# Hold the access log's write lock until told to let go (at most 30 s).
"$PY" - "$BREACHKIT_DB-access" <<'PYEOF' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
db.execute("BEGIN IMMEDIATE")
open("locked", "w").close()
t = time.monotonic()
while not os.path.exists("release") and time.monotonic() - t < 30:
    time.sleep(0.02)
db.execute("ROLLBACK")
db.close()
PYEOF
LOCKER=$!
i=0
while [ ! -e locked ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
[ -e locked ] || fail "the locker did not take the lock"

http GET "/api/v1/incidents/$ID" -H "$A"
expect_status 503
expect_stdout_contains "the read could not be recorded"
expect_stdout_lacks "Busy access log"
grep -qi '^Content-Type: application/json' "$LAST_ERR" ||
    fail "503 not sent as JSON"
grep -qi '^Retry-After: 1' "$LAST_ERR" || fail "no Retry-After"
grep -qi '^Cache-Control: no-store' "$LAST_ERR" || fail "503 cacheable"
http GET "/api/v1/incidents/$ID/history" -H "$A"
expect_status 503
expect_stdout_lacks "Busy access log"
grep -q "the access log could not be written (busy" serve.err ||
    { cat serve.err >&2; fail "the server did not say why"; }
grep -q "Busy access log\|view1" serve.err && fail "personal data in the log"

touch release
wait "$LOCKER" || fail "the locker failed"
http GET "/api/v1/incidents/$ID" -H "$A"
expect_status 200
expect_stdout_contains "Busy access log"
serve_stop
expect_eq "only the answered reads recorded" "$(reads)" 2
expect_verify_ok
