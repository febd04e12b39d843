# Security: sqlmap (Debian's package) against the API's parameters finds
# nothing: the list's ?q= ?status= ?before= ?limit=, the {id} in the path,
# and JSON body fields (a note's text, a setting).  Bounded: SQLite
# payloads only, level 2, risk 1, boolean, error, union, stacked and time-based techniques,
# a few threads, no retries; each run is limited in time.  sqlmap must
# report that it tested the parameters and that none is injectable.  The
# harness first proves it can fail: the same run against a deliberately
# injectable stand-in (a few lines of Python over SQLite) must find it.
. "$E2E_LIB"

command -v sqlmap >/dev/null || fail "sqlmap missing (tools/install-deps.sh)"
init_register
add_user dpo1 dpo
TOKEN=$(api_token dpo1)
facts f.json "Injection target" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
serve_start
sm() {	# sm NAME SQLMAP-ARGS...: one bounded run; its log in sm-NAME.log
	name=$1
	shift
	timeout -k 2 25 sqlmap --batch --disable-coloring --flush-session \
	    --output-dir="$PWD/sm-$name" --dbms=SQLite --level=2 --risk=1 \
	    --technique=BEUST --time-sec=1 --threads=4 --retries=0 --timeout=5 \
	    --skip-waf \
	    -H "Authorization: Bearer $TOKEN" "$@" >"sm-$name.log" 2>&1
	rc=$?
	[ $rc -eq 124 ] && fail "sqlmap $name ran out of time"
	if grep -qiE 'is vulnerable|appears to be .*injectable|sqlmap identified the following injection' \
	    "sm-$name.log"; then
		cat "sm-$name.log" >&2
		fail "sqlmap $name found an injection"
	fi
	grep -q 'all tested parameters do not appear to be injectable' \
	    "sm-$name.log" || { tail -30 "sm-$name.log" >&2; fail "sqlmap $name: no verdict"; }
}
# The control: an endpoint that pastes ?q= into its SQL.
/usr/bin/python3 - >vuln.port <<'PYEOF' &
import http.server, socketserver, sqlite3, sys, threading, urllib.parse
db = sqlite3.connect(":memory:", check_same_thread=False)
db.execute("create table t (id integer, title text)")
db.execute("insert into t values (1, 'test one'), (2, 'other')")
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_GET(self):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        try:
            rows = db.execute("select id, title from t where title like '%"
                              + q.get("q", [""])[0] + "%'").fetchall()
            body, st = repr(rows).encode(), 200
        except Exception as e:
            body, st = str(e).encode(), 500
        self.send_response(st)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), H)
print(srv.server_address[1], flush=True)
sys.stdout.close()
threading.Timer(40, srv.shutdown).start()
srv.serve_forever()
PYEOF
VULN_PID=$!
i=0
while [ ! -s vuln.port ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
VPORT=$(cat vuln.port)
[ -n "$VPORT" ] || fail "the control server did not start"
timeout -k 2 25 sqlmap --batch --disable-coloring --flush-session \
    --output-dir="$PWD/sm-control" --dbms=SQLite --level=2 --risk=1 \
    --technique=BEUST --time-sec=1 --threads=4 --retries=0 --timeout=5 \
    --skip-waf -u "http://127.0.0.1:$VPORT/?q=test" -p q >sm-control.log 2>&1
kill "$VULN_PID" 2>/dev/null
grep -q "Parameter: q (GET)" sm-control.log ||
    { tail -20 sm-control.log >&2; fail "the harness missed a planted injection"; }

sm list -u "$URL/api/v1/incidents?q=test&status=open&before=100&limit=5" \
    -p "q,status,before,limit"
sm id -u "$URL/api/v1/incidents/$REF*"
sm note -u "$URL/api/v1/incidents/$REF/notes" --method POST \
    --data '{"text":"sqlmap probe"}' -H 'Content-Type: application/json'
sm settings -u "$URL/api/v1/settings" --method PATCH \
    --data '{"dpo_name":"Probe DPO"}' -H 'Content-Type: application/json'
grep -h 'testing .SQLite' sm-*.log | head -3 >&2
serve_stop
expect_verify_ok
