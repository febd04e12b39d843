# tests/e2e/lib.sh: helpers for the end-to-end CLI cases (sourced by each
# case; bash).  run.sh gives every case a fresh working directory and sets
#   BK            absolute path of the breachkit binary under test
#   TOP           the repository root
#   BREACHKIT_DB  a register file in the working directory (not yet created)
#   BREACHKIT_ACTOR=tester, BREACHKIT_TEST_CLOCK=2024-05-01T10:00:00Z
# Conventions: a case exits 0 when the behaviour holds; any helper that
# finds a problem calls fail(), which prints what it saw and exits 1.
# All test data is synthetic: example.invalid addresses, obviously
# fictional names.

PY=/usr/bin/python3
LAST_OUT=$PWD/.last.out	# stdout of the last run
LAST_ERR=$PWD/.last.err	# stderr of the last run
LAST_CMD=
RC=0
# fail() may run in a command substitution's subshell, whose exit does not
# end the case: the mark tells run.sh the case failed anyway.
FAIL_MARK=$PWD/.failed

fail() {
	echo "FAIL: $*" >&2
	: >"$FAIL_MARK"
	if [ -n "$LAST_CMD" ]; then
		echo "--- last command (exit $RC): $LAST_CMD" >&2
		echo "--- its stdout:" >&2
		head -c 2500 "$LAST_OUT" >&2 2>/dev/null
		echo "--- its stderr:" >&2
		head -c 4000 "$LAST_ERR" >&2 2>/dev/null
	fi
	exit 1
}

# A sanitizer report in the last stderr fails the case whatever the exit.
_check_sanitizer() {
	if grep -qE 'Sanitizer|runtime error:|^BUG: ' "$LAST_ERR" 2>/dev/null
	then
		fail "sanitizer report or BUG from: $LAST_CMD"
	fi
}

# run CMD...: run a command, keep stdout/stderr, set RC; never fails.
run() {
	LAST_CMD="$*"
	"$@" >"$LAST_OUT" 2>"$LAST_ERR" </dev/null
	RC=$?
	_check_sanitizer
	return 0
}

# run_in FILE CMD...: like run, with stdin from FILE.
run_in() {
	local in=$1
	shift
	LAST_CMD="$* < $in"
	"$@" >"$LAST_OUT" 2>"$LAST_ERR" <"$in"
	RC=$?
	_check_sanitizer
	return 0
}

# expect_exit CODE CMD...: run CMD and require exit status CODE.
expect_exit() {
	local want=$1
	shift
	run "$@"
	[ "$RC" -eq "$want" ] || fail "expected exit $want, got $RC"
}

# ok CMD...: run CMD and require success.
ok() {
	expect_exit 0 "$@"
}

# bk ARGS...: ok "$BK" ARGS...; the output stays in "$LAST_OUT".
bk() {
	ok "$BK" "$@"
}

# out / err: the last command's stdout / stderr.
out() { cat "$LAST_OUT"; }
err() { cat "$LAST_ERR"; }

expect_stderr_contains() {
	grep -qF -- "$1" "$LAST_ERR" || fail "stderr lacks \"$1\""
}
expect_stdout_contains() {
	grep -qF -- "$1" "$LAST_OUT" || fail "stdout lacks \"$1\""
}
expect_stdout_lacks() {
	! grep -qF -- "$1" "$LAST_OUT" || fail "stdout contains \"$1\""
}
expect_stderr_empty() {
	[ ! -s "$LAST_ERR" ] || fail "stderr is not empty"
}

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: got \"$2\", want \"$3\""
}

# jget EXPR [FILE]: evaluate the Python expression EXPR with d = the JSON
# document in FILE (default: the last stdout).  Strings print raw, None
# prints "null", anything else as compact JSON.
jget() {
	"$PY" - "$1" "${2:-$LAST_OUT}" <<'PYEOF' || fail "jget $1 failed"
import json, sys
expr, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as fp:
    d = json.load(fp)
v = eval(expr, {"json": json, "d": d})
if isinstance(v, str):
    print(v)
elif v is None:
    print("null")
else:
    print(json.dumps(v, sort_keys=True, separators=(",", ":")))
PYEOF
}

# utc ISO: the instant as YYYY-MM-DDTHH:MM:SSZ (compare times shown in any
# zone).
utc() {
	"$PY" -c '
import sys, datetime
t = datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00"))
print(t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
' "$1" || fail "utc: cannot parse \"$1\""
}

# init_register [ARGS...]: a fresh register at $BREACHKIT_DB.
init_register() {
	bk init "$@"
}

# facts FILE TITLE [AWARE] [DISCOVERED] [EXTRA-JSON]: write a minimal
# controller facts document.  EXTRA-JSON is merged at the top level.
facts() {
	"$PY" - "$@" <<'PYEOF' || fail "facts: bad arguments"
import json, sys
a = sys.argv[1:] + [""] * 5
path, title, aware, disc, extra = a[0], a[1], a[2], a[3], a[4]
d = {"title": title, "role": "controller",
     "description": "Synthetic test incident (fictional).",
     "nature": {"confidentiality": True}}
tl = {}
if disc:
    tl["discovered_at"] = disc
if aware:
    tl["aware_at"] = aware
    tl.setdefault("discovered_at", aware)
if tl:
    d["timeline"] = tl
if extra:
    for k, v in json.loads(extra).items():
        if isinstance(v, dict) and isinstance(d.get(k), dict):
            d[k].update(v)
        else:
            d[k] = v
with open(path, "w", encoding="utf-8") as fp:
    json.dump(d, fp)
PYEOF
}

# new_incident FILE: create from FILE, print the reference.
new_incident() {
	bk incident new --from "$1"
	out
}

# incident_count: number of incidents in the register.
incident_count() {
	run "$BK" incident list --json
	[ "$RC" -eq 0 ] || fail "incident list failed"
	jget 'len(d)'
}

# db_dump_digest: SHA-256 of a full SQL dump of the register.
db_dump_digest() {
	sqlite3 "$BREACHKIT_DB" .dump | sha256sum | cut -d' ' -f1
}

# snapshot: a line describing the register's whole content, for "nothing
# was written" checks: incident count, verify status, and a digest of a
# full SQL dump.
snapshot() {
	local n v
	n=$(incident_count)
	run "$BK" verify
	v=$RC
	echo "incidents=$n verify=$v dump=$(db_dump_digest)"
}

# expect_unchanged BEFORE: the register's snapshot equals BEFORE.
expect_unchanged() {
	local now
	now=$(snapshot)
	[ "$now" = "$1" ] || fail "the register changed: before $1, after $now"
}

# expect_verify_ok: breachkit verify passes.
expect_verify_ok() {
	run "$BK" verify
	[ "$RC" -eq 0 ] || fail "verify failed"
	expect_stdout_contains "ok:"
}

# expect_invalid FIELD PROBLEM CMD...: the command exits 2 and the message
# names FIELD and PROBLEM.
expect_invalid() {
	local field=$1 problem=$2
	shift 2
	expect_exit 2 "$@"
	expect_stderr_contains "$field"
	expect_stderr_contains "$problem"
}

# tamper_setup: a register with two incidents.  BK-2024-0001 has five
# events (1 created, 2 obligation, 3-5 notes "first", "second", "third");
# BK-2024-0002 has two.  verify passes.
tamper_setup() {
	init_register
	facts "$PWD/.t1.json" "Tamper target" 2024-05-01T08:00:00Z
	facts "$PWD/.t2.json" "Bystander" 2024-05-01T08:00:00Z
	expect_eq "target" "$(new_incident "$PWD/.t1.json")" BK-2024-0001
	expect_eq "bystander" "$(new_incident "$PWD/.t2.json")" BK-2024-0002
	bk note BK-2024-0001 first
	bk note BK-2024-0001 second
	bk note BK-2024-0001 third
	expect_verify_ok
}

# tamper SQL: change the register behind breachkit's back.
tamper() {
	LAST_CMD="sqlite3 $BREACHKIT_DB $1"
	sqlite3 "$BREACHKIT_DB" "$1" >"$LAST_OUT" 2>"$LAST_ERR" ||
	    fail "sqlite3 refused the tampering"
}

# expect_verify_fails REF SEQ TEXT: verify exits 1 naming incident REF and
# event SEQ (0: no event, the incident itself) with TEXT; the same in JSON.
expect_verify_fails() {
	run "$BK" verify
	[ "$RC" -eq 1 ] || fail "verify did not fail (exit $RC)"
	if [ "$2" -gt 0 ]; then
		expect_stdout_contains "FAIL $1 event $2: $3"
	else
		expect_stdout_contains "FAIL $1: $3"
	fi
	expect_stdout_contains "1 with problems"
	run "$BK" verify --json
	[ "$RC" -eq 1 ] || fail "verify --json did not fail (exit $RC)"
	expect_eq "json problem" "$(jget '[(p["incident"], p["event"]) for p in d["problems"]]')" \
	    "[[\"$1\",$2]]"
	expect_eq "json ok" "$(jget 'd["ok"]')" false
}

# ---- the web server (cases 150-199) ----------------------------------------
# serve_start [ARGS...]: start `breachkit serve` on a free loopback port in
# the background; sets URL (http://127.0.0.1:PORT) and SERVE_PID.  The
# server's output goes to serve.out / serve.err.
serve_start() {
	"$BK" serve --listen 127.0.0.1:0 "$@" >serve.out 2>serve.err &
	SERVE_PID=$!
	local i=0
	URL=
	while [ $i -lt 100 ]; do
		URL=$(sed -n 's|.* on \(http://[0-9.]*:[0-9]*\)/ .*|\1|p' serve.out)
		[ -n "$URL" ] && break
		kill -0 "$SERVE_PID" 2>/dev/null ||
		    { cat serve.err >&2; fail "serve exited at start"; }
		sleep 0.1
		i=$((i + 1))
	done
	[ -n "$URL" ] || fail "serve did not print its URL"
	trap 'kill $SERVE_PID 2>/dev/null' EXIT
}

# serve_stop: SIGTERM, wait, require a clean exit without sanitizer reports.
serve_stop() {
	kill -TERM "$SERVE_PID"
	wait "$SERVE_PID"
	local rc=$?
	trap - EXIT
	if grep -qE 'Sanitizer|runtime error:|^BUG: ' serve.err; then
		cat serve.err >&2
		fail "sanitizer report from serve"
	fi
	[ "$rc" -eq 0 ] || { cat serve.err >&2; fail "serve exited $rc"; }
	grep -q "stopped" serve.err || fail "serve did not say it stopped"
}

# http METHOD PATH [CURL ARGS...]: one request; sets HTTP_STATUS and
# leaves the body in "$LAST_OUT", the headers in "$LAST_ERR".
http() {
	local m=$1 p=$2
	shift 2
	LAST_CMD="curl -X $m $p $*"
	HTTP_STATUS=$(curl -s -S -m 20 -X "$m" -o "$LAST_OUT" -D "$LAST_ERR" \
	    -w '%{http_code}' "$@" "$URL$p")
	RC=$?
}

# expect_status CODE: the last http's status.
expect_status() {
	[ "$HTTP_STATUS" = "$1" ] || fail "expected HTTP $1, got $HTTP_STATUS"
}

# add_user NAME ROLE: an account with the password "NAME-password-1".
add_user() {
	printf '%s-password-1\n' "$1" >"pw-$1"
	bk user add "$1" --role "$2" --password-file "pw-$1"
}

# api_token NAME: prints a new API token of account NAME.
api_token() {
	"$BK" user token "$1" "test" | sed -n 's/.*: \(bk_[A-Za-z0-9_-]*\) .*/\1/p'
}

# login NAME: a session for NAME in cookie jar "jar-NAME"; prints the CSRF
# token.
login() {
	curl -s -S -m 20 -c "jar-$1" -H 'Content-Type: application/json' \
	    -d "{\"name\":\"$1\",\"password\":\"$1-password-1\"}" \
	    "$URL/api/v1/session" | /usr/bin/python3 -c \
	    'import json,sys; print(json.load(sys.stdin)["csrf"])'
}
