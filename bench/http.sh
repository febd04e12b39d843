#!/bin/sh
# SPDX-License-Identifier: MIT
#
# bench/http.sh: the web server's speed (issue 5).  Serves a register of N
# (default 100,000) synthetic incidents with `breachkit serve` on a free
# loopback port and, in the same run, a static file of the same size as a
# typical single-incident reply with nginx (Debian's package, its own
# configuration in a temporary directory, on another loopback port).  Then
# wrk (2 threads, 32 connections, DURATION seconds, --latency) RUNS times,
# interleaved, against:
#
#   nginx     GET the static file
#   get       GET /api/v1/incidents/{id}, ids spread at random over all N
#             (bench/http-get.lua), the audit trail on
#   list      GET /api/v1/incidents (the first page of 50)
#   deep      GET /api/v1/incidents?before=1000 (a page near the end of the
#             keyset pagination, newest first)
#
# and prints the medians of req/s and of the p50/p99 latency, the ratio to
# nginx and pass/fail against the goals (get >= GOAL_RPS req/s, list and
# deep p99 < GOAL_P99_MS).  Afterwards it checks that the audit trail lost
# nothing: per run of `get`, the reads recorded in the access table must
# be at least the successful replies wrk counted, and at most that plus
# the requests wrk had in flight when it stopped (one per connection) and
# those it timed out; and `breachkit verify` must pass.  SIGTERM stops the
# server, which must exit 0.
#
# The 100k register is built once (bench/gen-incidents.py, `incident
# import`, as bench/register.sh does) and cached in bench/.cache/ (keyed
# by N, the seed and the schema version); every run works on a copy.
# wrk and nginx are installed with apt-get when missing.  Raw wrk output
# and the summary go to bench/out/http-STAMP/ (gitignored).
#
# Usage: bench/http.sh            (from anywhere; as root to install tools)
# Environment: N=100000 SEED=20260001 RUNS=3 DURATION=10 WARMUP=3
#              THREADS=2 CONNS=32 GOAL_RPS=10000 GOAL_P99_MS=20
#              BREACHKIT=PATH benchmarks that binary instead of building;
#              SERVE_ARGS="--threads 1" passes options to breachkit serve;
#              KEEP=1 keeps the temporary directory.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
N=${N:-100000}
SEED=${SEED:-20260001}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
GOAL_RPS=${GOAL_RPS:-10000}
GOAL_P99_MS=${GOAL_P99_MS:-20}
PY=/usr/bin/python3
BK=$root/build/breachkit

log() { echo "== $*"; }

# ---- tools ------------------------------------------------------------------
missing=
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] ||
    missing="$missing nginx-light"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v curl >/dev/null 2>&1 || missing="$missing curl"
if [ -n "$missing" ]; then
	log "install$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086 # one word per package
	if ! apt-get install -y -qq $missing >/dev/null; then
		# Releases without nginx-light have the plain package.
		missing=$(echo "$missing" | sed 's/nginx-light/nginx/')
		# shellcheck disable=SC2086
		apt-get install -y -qq $missing >/dev/null
	fi
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[ -x "$PY" ] || { echo "http.sh: $PY is required" >&2; exit 2; }

# ---- build ------------------------------------------------------------------
if [ -n "${BREACHKIT:-}" ]; then
	BK=$BREACHKIT
	log "binary $BK (no build)"
else
	log "build"
	make -C "$root" -j2 >/dev/null
fi
[ -x "$BK" ] || { echo "http.sh: no executable $BK" >&2; exit 2; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$root/bench/out/http-$stamp
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-http.XXXXXX")
serve_pid=
nginx_pid=
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || :; fi
	if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || :; fi
	if [ "${KEEP:-0}" = 1 ]; then
		echo "kept $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# A private copy: a concurrent `make` must not swap the binary under us.
cp "$BK" "$tmp/breachkit"
BK=$tmp/breachkit
export BREACHKIT_ACTOR=bench
unset BREACHKIT_TEST_CLOCK BREACHKIT_DB

# ---- the register -------------------------------------------------------------
# The schema version this binary writes keys the cached register.
"$BK" init --db "$tmp/probe.db" --prefix PROBE >/dev/null
schema=$("$BK" migrate --db "$tmp/probe.db" |
    sed -n 's/^schema version \([0-9]*\).*/\1/p')
rm -f "$tmp/probe.db"*
cache=$root/bench/.cache
cached=$cache/http-n$N-s$SEED-v$schema.db
if [ ! -s "$cached" ]; then
	log "build the register: $N incidents (seed $SEED), cached in $cached"
	mkdir -p "$cache"
	"$PY" "$here/gen-incidents.py" -n "$N" --seed "$SEED" \
	    -o "$tmp/incidents.jsonl"
	"$BK" init --db "$tmp/build.db" --prefix BENCH >/dev/null
	"$BK" incident import --db "$tmp/build.db" "$tmp/incidents.jsonl"
	rm -f "$tmp/incidents.jsonl"
	# One file: fold the WAL in before caching.
	sqlite3 "$tmp/build.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
	mv "$tmp/build.db" "$cached.part"
	rm -f "$tmp/build.db-wal" "$tmp/build.db-shm"
	mv "$cached.part" "$cached"
fi
log "copy the register ($(du -m "$cached" | cut -f1) MiB)"
db=$tmp/bench.db
cp "$cached" "$db"
printf 'bench-password-1\n' >"$tmp/pw"
"$BK" user add bench --role viewer --password-file "$tmp/pw" --db "$db" \
    >/dev/null
token=$("$BK" user token bench wrk --db "$db" |
    sed -n 's/.*: \(bk_[A-Za-z0-9_-]*\) .*/\1/p')
[ -n "$token" ] || { echo "http.sh: no API token" >&2; exit 1; }

# ---- the servers --------------------------------------------------------------
log "start breachkit serve"
: >"$tmp/serve.out"
# shellcheck disable=SC2086 # SERVE_ARGS is a list of options
"$BK" serve --db "$db" --listen 127.0.0.1:0 ${SERVE_ARGS:-} \
    >"$tmp/serve.out" 2>"$tmp/serve.err" &
serve_pid=$!
bk_url=
i=0
while [ $i -lt 100 ] && [ -z "$bk_url" ]; do
	bk_url=$(sed -n 's|.* on \(http://[0-9.]*:[0-9]*\)/ .*|\1|p' \
	    "$tmp/serve.out")
	kill -0 "$serve_pid" 2>/dev/null ||
	    { cat "$tmp/serve.err" >&2; exit 1; }
	[ -n "$bk_url" ] || sleep 0.1
	i=$((i + 1))
done
[ -n "$bk_url" ] || { echo "http.sh: serve printed no URL" >&2; exit 1; }
cat "$tmp/serve.out"

# The size of a typical reply: the median body of 21 random incidents.
size=$(for id in $(shuf -i 1-"$N" -n 21); do
	curl -s -H "Authorization: Bearer $token" \
	    "$bk_url/api/v1/incidents/$id" | wc -c
done | sort -n | sed -n 11p)
[ "${size:-0}" -gt 100 ] || { echo "http.sh: no reply from serve" >&2; exit 1; }

log "start nginx ($(${NGINX} -v 2>&1 | sed 's/.*: //')), a static file of $size bytes"
ng=$tmp/nginx
mkdir -p "$ng/www" "$ng/tmp"
head -c "$size" /dev/zero | tr '\0' 'x' >"$ng/www/incident.json"
# nginx started as root serves as `nobody`: let it in.
chmod 755 "$tmp" "$ng" "$ng/www"
chmod 644 "$ng/www/incident.json"
ng_port=$("$PY" -c 'import socket; s = socket.socket()
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$ng/nginx.conf" <<EOF
worker_processes auto;
pid $ng/nginx.pid;
error_log $ng/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
	access_log off;
	keepalive_requests 1000000;
	client_body_temp_path $ng/tmp/body;
	proxy_temp_path $ng/tmp/proxy;
	fastcgi_temp_path $ng/tmp/fastcgi;
	uwsgi_temp_path $ng/tmp/uwsgi;
	scgi_temp_path $ng/tmp/scgi;
	default_type application/json;
	server {
		listen 127.0.0.1:$ng_port;
		root $ng/www;
	}
}
EOF
"$NGINX" -p "$ng" -c "$ng/nginx.conf" -e "$ng/error.log" &
nginx_pid=$!
ng_url=http://127.0.0.1:$ng_port
i=0
until curl -sf -o /dev/null "$ng_url/incident.json"; do
	kill -0 "$nginx_pid" 2>/dev/null ||
	    { cat "$ng/error.log" >&2; exit 1; }
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "http.sh: nginx did not answer" >&2; exit 1; }
	sleep 0.1
done

# ---- wrk --------------------------------------------------------------------
export BK_TOKEN="$token" BK_N="$N"
reads() {
	# The access log's own file (schema 9 on); an older binary
	# (BREACHKIT=...) kept the reads in the register.
	log_db=$db-access
	[ -e "$log_db" ] || log_db=$db
	sqlite3 "$log_db" "SELECT count(*) FROM access
	    WHERE actor = 'bench' AND what = 'api: incident'"
}
# run NAME SECONDS FILE: one wrk run against target NAME.
run() {
	case $1 in
	nginx) set -- "$@" "$ng_url/incident.json" ;;
	get) set -- "$@" -s "$here/http-get.lua" "$bk_url/" ;;
	list) set -- "$@" -H "Authorization: Bearer $token" \
	    "$bk_url/api/v1/incidents" ;;
	deep) set -- "$@" -H "Authorization: Bearer $token" \
	    "$bk_url/api/v1/incidents?before=1000" ;;
	esac
	secs=$2 file=$3
	shift 3
	wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --latency "$@" >"$file"
}
targets="nginx get list deep"
log "warm-up: ${WARMUP} s each"
for t in $targets; do
	run "$t" "$WARMUP" "$out/warmup-$t.txt"
done
load0=$(cut -d' ' -f1-3 /proc/loadavg)
uptime0=$(uptime)
: >"$out/audit.txt"
r=1
while [ $r -le "$RUNS" ]; do
	for t in $targets; do
		log "run $r/$RUNS: $t (${DURATION} s)"
		[ "$t" = get ] && before=$(reads)
		run "$t" "$DURATION" "$out/$t-$r.txt"
		if [ "$t" = get ]; then
			# The replies wrk stopped waiting for are answered (and
			# recorded) just after it exits.
			sleep 1
			echo "$r $before $(reads)" >>"$out/audit.txt"
		fi
		grep -E 'Requests/sec|^ +(50|99)%' "$out/$t-$r.txt" |
		    tr -s ' ' | tr '\n' ' '
		echo
	done
	r=$((r + 1))
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)
uptime1=$(uptime)

# ---- stop, verify -------------------------------------------------------------
log "stop (SIGTERM)"
kill -TERM "$serve_pid"
st=0
wait "$serve_pid" || st=$?
serve_pid=
kill -TERM "$nginx_pid" 2>/dev/null || :
wait "$nginx_pid" 2>/dev/null || :
nginx_pid=
serve_ok=yes
if [ "$st" -ne 0 ] || ! grep -q stopped "$tmp/serve.err"; then
	serve_ok="no (exit $st)"
	cat "$tmp/serve.err" >&2
fi
log "breachkit verify"
verify_ok=yes
"$BK" verify --db "$db" >"$out/verify.txt" 2>&1 || verify_ok=no
tail -1 "$out/verify.txt"

{
	echo "machine: $(nproc) cpu, $(sed -n 's/^model name[^:]*: //p' \
	    /proc/cpuinfo | head -1), $(awk '/MemTotal/ { printf "%.1f GiB",
	    $2 / 1048576 }' /proc/meminfo) RAM, kernel $(uname -r)"
	echo "tools: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2);" \
	    "nginx $(${NGINX} -v 2>&1 | sed 's/.*: //'); $(gcc --version |
	    head -1)"
	echo "binary: ${BREACHKIT:-build/breachkit} (sha256 $(sha256sum "$BK" |
	    cut -c1-12)); tree $(git -C "$root" rev-parse --short HEAD)$(git \
	    -C "$root" diff --quiet HEAD -- src 2>/dev/null ||
	    echo ' + uncommitted src')"
	echo "serve options: ${SERVE_ARGS:-(none)}"
	echo "N=$N seed=$SEED; wrk -t$THREADS -c$CONNS -d${DURATION}s" \
	    "--latency, $RUNS runs each (interleaved) after a ${WARMUP} s" \
	    "warm-up; reply size $size bytes"
	echo "uptime at start: $uptime0"
	echo "uptime at end:   $uptime1"
	echo "load average (1/5/15 min): $load0 at start, $load1 at end"
} >"$out/machine.txt"

echo
log "summary (medians of $RUNS runs)"
st=0
"$PY" - "$out" "$RUNS" "$CONNS" "$GOAL_RPS" "$GOAL_P99_MS" "$serve_ok" \
    "$verify_ok" >"$out/summary.txt" <<'EOF' || st=$?
import os, re, statistics as stat, sys
out, runs, conns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
goal_rps, goal_p99 = float(sys.argv[4]), float(sys.argv[5])
serve_ok, verify_ok = sys.argv[6], sys.argv[7]
unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}

def parse(path):
    t = open(path).read()
    lat = {p: float(v) * unit[u] for p, v, u in
           re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)}
    n = int(re.search(r"(\d+) requests in", t).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    tmo = re.search(r"timeout (\d+)", t)
    x = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)),
         "p50": lat["50"], "p99": lat["99"], "n": n,
         "bad": int(bad.group(1)) if bad else 0,
         "timeout": int(tmo.group(1)) if tmo else 0}
    # wrk leaves the replies it timed out (after 2 s) out of its latency
    # figures: past 1 % (50 %) of them, p99 (p50) is at least 2 s.
    if x["timeout"] > 0.01 * max(n, 1):
        x["p99"] = max(x["p99"], 2000.0)
    if x["timeout"] > 0.5 * max(n, 1):
        x["p50"] = max(x["p50"], 2000.0)
    return x

res = {t: [parse(os.path.join(out, f"{t}-{r}.txt"))
           for r in range(1, runs + 1)]
       for t in ("nginx", "get", "list", "deep")}
med = {t: {k: stat.median(x[k] for x in v) for k in ("rps", "p50", "p99")}
       for t, v in res.items()}
ok = True
print(f"{'target':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
      f"{'/nginx':>8}  goal")
names = {"nginx": "nginx static file",
         "get": "GET /api/v1/incidents/{id}",
         "list": "GET /api/v1/incidents",
         "deep": "GET /api/v1/incidents?before=1000"}
for t in ("nginx", "get", "list", "deep"):
    m = med[t]
    line = (f"{names[t]:<34}{m['rps']:>9.0f}{m['p50']:>9.2f}{m['p99']:>9.2f}"
            f"{m['rps'] / med['nginx']['rps']:>8.3f}")
    if t == "get":
        good = m["rps"] >= goal_rps
        line += f"  >= {goal_rps:.0f} req/s: {'PASS' if good else 'FAIL'}"
        ok &= good
    elif t in ("list", "deep"):
        good = m["p99"] < goal_p99
        line += f"  p99 < {goal_p99:g} ms: {'PASS' if good else 'FAIL'}"
        ok &= good
    print(line)
print("per run (req/s):", "; ".join(
    f"{t} " + " ".join(f"{x['rps']:.0f}" for x in v) for t, v in res.items()))
bad = sum(x["bad"] for v in res.values() for x in v)
print(f"non-2xx replies: {bad}")
tmo = sum(x["timeout"] for v in res.values() for x in v)
if tmo:
    print(f"replies after wrk's 2 s timeout: {tmo} (latencies of 2000 ms are "
          "lower bounds)")
# The audit trail: recorded reads per run of `get` against wrk's count.
audit = True
for line in open(os.path.join(out, "audit.txt")):
    r, before, after = map(int, line.split())
    x = res["get"][r - 1]
    good = x["n"] - x["bad"]
    rec = after - before
    slack = conns + x["timeout"]
    fine = good <= rec <= good + slack
    audit &= fine
    print(f"audit run {r}: {rec} reads recorded, {good} successful replies "
          f"counted by wrk (+{rec - good}, at most +{slack} in flight): "
          f"{'ok' if fine else 'LOST READS' if rec < good else 'TOO MANY'}")
print(f"audit trail complete: {'yes' if audit else 'NO'}; "
      f"breachkit verify: {verify_ok}; clean SIGTERM: {serve_ok}")
sys.exit(0 if audit and verify_ok == "yes" and serve_ok == "yes" else 1)
EOF
cat "$out/summary.txt" "$out/machine.txt"
echo "raw results: $out"
exit $st
