#!/bin/sh
# SPDX-License-Identifier: MIT
#
# bench/register.sh: the register at scale (issue 2).  Creates N (default
# 100,000) synthetic incidents through `breachkit incident import`, then
# times `incident list`, `obligations`, `export --format csv|json` and
# `verify` with hyperfine, next to the sqlite3 CLI running the equivalent
# raw queries on the same file as the peer baseline.  Prints medians,
# min/max, the ratio breachkit/sqlite3 and pass/fail against the goal
# (median under GOAL seconds).  Raw hyperfine JSON and a summary go to
# bench/out/ (gitignored).
#
# Usage: bench/register.sh            (from anywhere)
# Environment: N=100000 RUNS=10 VERIFY_RUNS=5 SEED=20260001 GOAL=1.0
#              KEEP=1 keeps the temporary directory (register + JSONL);
#              REGISTER=PATH times an existing register (from KEEP=1)
#              instead of generating and importing one;
#              BREACHKIT=PATH times that binary instead of building.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
N=${N:-100000}
RUNS=${RUNS:-10}
VERIFY_RUNS=${VERIFY_RUNS:-5}
SEED=${SEED:-20260001}
GOAL=${GOAL:-1.0}
PY=/usr/bin/python3
BK=$root/build/breachkit

for tool in hyperfine sqlite3 "$PY"; do
	command -v "$tool" >/dev/null 2>&1 ||
	    { echo "register.sh: $tool is required" >&2; exit 2; }
done

if [ -n "${BREACHKIT:-}" ]; then
	BK=$BREACHKIT		# time this binary as it is
	echo "== binary $BK (no build)"
else
	echo "== build"
	make -C "$root" -j2 >/dev/null
fi
[ -x "$BK" ] || { echo "register.sh: no executable $BK" >&2; exit 2; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$root/bench/out/register-$stamp
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT INT TERM
fi
# Time a private copy: a concurrent `make` in the tree must not swap the
# binary under a running benchmark.
cp "$BK" "$tmp/breachkit"
BK=$tmp/breachkit
db=$tmp/bench.db
jsonl=$tmp/incidents.jsonl

now() { date +%s.%N; }
elapsed() { echo "$2 $1" | awk '{ printf "%.2f", $1 - $2 }'; }

load0=$(cut -d' ' -f1-3 /proc/loadavg)
if [ -n "${REGISTER:-}" ]; then
	# A register made by an earlier run (KEEP=1): the import is not timed.
	db=$REGISTER
	imp=- rate=-
	echo "== register $db (not generated; import not timed)"
else
echo "== generate $N incidents (seed $SEED)"
t0=$(now)
"$PY" "$here/gen-incidents.py" -n "$N" --seed "$SEED" -o "$jsonl"
t1=$(now)
echo "generated $(wc -c <"$jsonl") bytes in $(elapsed "$t0" "$t1") s"

echo "== init + import"
BREACHKIT_ACTOR=bench "$BK" init --db "$db" --prefix BENCH >/dev/null
t0=$(now)
BREACHKIT_ACTOR=bench "$BK" incident import --db "$db" "$jsonl"
t1=$(now)
imp=$(elapsed "$t0" "$t1")
rate=$(echo "$N $imp" | awk '{ printf "%.0f", $1 / $2 }')
echo "import: $imp s wall, $rate incidents/s"
fi
sqlite3 "$db" "SELECT 'incidents', count(*) FROM incident;
    SELECT 'obligations', count(*) FROM obligation;
    SELECT 'open obligations of open incidents', count(*) FROM obligation o
      JOIN incident i ON i.id = o.incident_id
      WHERE o.status = 'open' AND i.status = 'open';
    SELECT 'events', count(*) FROM event;
    SELECT 'avg facts bytes', CAST(avg(length(facts)) AS INTEGER)
      FROM incident;" | tr '|' ' ' | tee "$out/counts.txt"
dbsize=$(du -k "$db" | awk '{ print $1 }')
echo "register file: $((dbsize / 1024)) MiB"

# The peer: sqlite3 doing the same raw work on the same file.
q_list="SELECT ref, status, aware_at, title FROM incident ORDER BY id"
q_obl="SELECT o.id, o.incident_id, o.regime, o.rule, o.recipient, o.label,
 o.article, o.kind, o.anchor_at, o.due_at, o.status, o.phase, o.filed_at,
 o.case_ref, o.late, o.delay_reason, o.rationale, o.decided_by,
 o.decided_at, o.created_at, i.ref
 FROM obligation o JOIN incident i ON i.id = o.incident_id
 WHERE o.status = 'open' AND i.status = 'open' ORDER BY o.due_at, o.id"
q_exp="SELECT i.*, o.* FROM incident i
 LEFT JOIN obligation o ON o.incident_id = i.id ORDER BY i.id, o.id"

# bench NAME RUNS BREACHKIT-ARGS PEER-COMMAND
bench() {
	name=$1 runs=$2 args=$3 peer=$4
	echo "== $name"
	if [ -n "$peer" ]; then
		hyperfine --style basic --warmup 1 --runs "$runs" \
		    --export-json "$out/$name.json" \
		    -n "breachkit $args" "$BK $args --db $db" \
		    -n "sqlite3 ($name)" "$peer"
	else
		hyperfine --style basic --warmup 1 --runs "$runs" \
		    --export-json "$out/$name.json" \
		    -n "breachkit $args" "$BK $args --db $db"
	fi
}
bench list "$RUNS" "incident list" "sqlite3 $db \"$q_list\""
bench obligations "$RUNS" "obligations" "sqlite3 $db \"$q_obl\""
bench export-csv "$RUNS" "export --format csv" \
    "sqlite3 -csv -header $db \"$q_exp\""
bench export-json "$RUNS" "export --format json" \
    "sqlite3 -json $db \"$q_exp\""
bench verify "$VERIFY_RUNS" "verify" ""

{
	echo "machine: $(nproc) cpu, $(sed -n 's/^model name[^:]*: //p' \
	    /proc/cpuinfo | head -1), $(awk '/MemTotal/ { printf "%.1f GiB",
	    $2 / 1048576 }' /proc/meminfo) RAM, kernel $(uname -r)"
	echo "tools: $(gcc --version | head -1); sqlite3 $(sqlite3 --version |
	    cut -d' ' -f1); $(hyperfine --version)"
	echo "binary: ${BREACHKIT:-build/breachkit} (sha256 $(sha256sum "$BK" |
	    cut -c1-12)); tree $(git -C "$root" rev-parse --short HEAD)$(git \
	    -C "$root" diff --quiet HEAD -- src 2>/dev/null ||
	    echo ' + uncommitted src')"
	echo "N=$N seed=$SEED runs=$RUNS (verify $VERIFY_RUNS), warmup 1;" \
	    "import $imp s ($rate incidents/s); register $((dbsize / 1024)) MiB"
	echo "load average (1/5/15 min): $load0 at start," \
	    "$(cut -d' ' -f1-3 /proc/loadavg) at end"
} >"$out/machine.txt"

echo
echo "== summary ($N incidents, goal: median < $GOAL s)"
"$PY" - "$out" "$GOAL" <<'EOF' | tee "$out/summary.txt"
import json, os, sys
out, goal = sys.argv[1], float(sys.argv[2])
print(f"{'command':<24}{'median':>9}{'min':>8}{'max':>8}"
      f"{'sqlite3':>9}{'ratio':>8}  goal")
for name in ("list", "obligations", "export-csv", "export-json", "verify"):
    res = json.load(open(os.path.join(out, name + ".json")))["results"]
    bk = res[0]
    peer = res[1] if len(res) > 1 else None
    med = bk["median"]
    line = (f"{bk['command'][10:]:<24}{med:>8.3f}s{bk['min']:>7.3f}s"
            f"{bk['max']:>7.3f}s")
    if peer:
        line += f"{peer['median']:>8.3f}s{med / peer['median']:>7.1f}x"
    else:
        line += f"{'-':>9}{'-':>8}"
    if name == "verify":
        line += "  (info)"
    else:
        line += "  PASS" if med < goal else "  FAIL"
    print(line)
EOF
cat "$out/machine.txt"
echo "raw results: $out"
