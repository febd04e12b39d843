#!/bin/sh
# bench/match.sh: what matching a leak against the subject index adds to
# scanning it (docs/benchmarks.md, "Subject matching"), in one run with a
# warm page cache.
#   SUBJECTS=1000000  IDENTS=10000000  RUNS=3 (median of)
#   BK=build/breachkit  DIR=bench/out
# bench/gen-subjects.py (seeded, fictional) writes SUBJECTS subjects (e-mail
# for all, phone for every second, customer number) and a leak CSV with
# IDENTS e-mail addresses, 5 % of them ours.  The script imports the index
# into a fresh register, then times `breachkit scan` and `breachkit match
# --dry-run` on the same file alternately, and one recorded match (the
# affected event and subjects.count written).  Prints medians, the added
# time, the index load time and peak RSS.
set -eu
cd "$(dirname "$0")/.."
SUBJECTS=${SUBJECTS:-1000000}
IDENTS=${IDENTS:-10000000}
RUNS=${RUNS:-3}
BK=${BK:-build/breachkit}
DIR=${DIR:-bench/out}
mkdir -p "$DIR"
S=$DIR/subjects-$SUBJECTS.csv
L=$DIR/leak-$IDENTS.csv
[ -s "$S" ] && [ -s "$L" ] ||
    /usr/bin/python3 bench/gen-subjects.py --subjects "$S" --n "$SUBJECTS" \
	--leak "$L" --idents "$IDENTS"
export BREACHKIT_DB=$DIR/match-bench.db BREACHKIT_ACTOR=bench
rm -f "$BREACHKIT_DB" "$BREACHKIT_DB-wal" "$BREACHKIT_DB-shm" "$BREACHKIT_DB-access" "$BREACHKIT_DB-access-wal" "$BREACHKIT_DB-access-shm"
"$BK" init --org "Bench (fictional)" --prefix BENCH >/dev/null
cat > "$DIR/.incident.json" <<'JSON'
{"title": "Bench leak (fictional)", "timeline": {"discovered_at":
 "2026-01-10T08:00:00Z", "aware_at": "2026-01-10T09:00:00Z"}}
JSON
ref=$("$BK" incident new --from "$DIR/.incident.json")
s=$(date +%s.%N)
"$BK" subjects import "$S" >/dev/null
e=$(date +%s.%N)
t_import=$(echo "$e - $s" | bc -l)
cat "$L" >/dev/null

# secs CMD...: "WALL CPU" seconds (CPU = user + system of the process and
# its children: the machine is shared, so wall times are noisy and the CPU
# time is the steadier figure).
secs() {
	/usr/bin/time -f "%e %U %S" -o "$DIR/.time" "$@" >"$DIR/.out" 2>"$DIR/.err" ||
	    { cat "$DIR/.err" >&2; exit 1; }
	awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$DIR/.time"
}
med() { sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] }'; }

: >"$DIR/.scan"
: >"$DIR/.match"
: >"$DIR/.load"
# human output (a summary): the timed runs do not print the affected list
for _ in $(seq "$RUNS"); do
	secs "$BK" scan --quiet "$L" >>"$DIR/.scan"
	secs "$BK" match --incident "$ref" --quiet --dry-run "$L" >>"$DIR/.match"
done
secs "$BK" match --incident "$ref" --quiet --json --dry-run "$L" >/dev/null
cp "$DIR/.out" "$DIR/match-last.json"
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["match"]["load_seconds"])' "$DIR/match-last.json" >"$DIR/.load"
w_scan=$(cut -d' ' -f1 <"$DIR/.scan" | med)
c_scan=$(cut -d' ' -f2 <"$DIR/.scan" | med)
w_match=$(cut -d' ' -f1 <"$DIR/.match" | med)
c_match=$(cut -d' ' -f2 <"$DIR/.match" | med)
t_load=$(med <"$DIR/.load")
rec=$(secs "$BK" match --incident "$ref" --quiet "$L")
summary=$(/usr/bin/python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["match"]; print("identifiers %d, matched %d, unmatched %d, candidates %d, affected %d of %d" % (m["identifiers"], m["matched"], m["unmatched"], m["candidates"], m["affected"], m["indexed"]))' "$DIR/match-last.json")
rss=$(/usr/bin/time -v "$BK" match --incident "$ref" --quiet --json --dry-run "$L" 2>&1 >/dev/null |
	awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }')
sub() { echo "$1 - $2" | bc -l | awk '{ printf "%.3f", $1 }'; }

echo "machine: $(nproc) cpu, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "subjects: $S; leak: $L, $(stat -L -c %s "$L") bytes; runs: $RUNS (median)"
echo "$summary"
printf "%-44s %8.3f s\n" "subjects import ($SUBJECTS rows)" "$t_import"
printf "%-44s %8s s wall %8s s CPU\n" "breachkit scan" "$w_scan" "$c_scan"
printf "%-44s %8s s wall %8s s CPU\n" "breachkit match --dry-run" "$w_match" "$c_match"
printf "%-44s %8s s wall\n" "  loading the index (one --json run)" "$t_load"
printf "%-44s %8s s wall %8s s CPU\n" "breachkit match (recorded)" $rec
printf "%-44s %8s s wall %8s s CPU (goal: under 2 s)\n" "added by matching (match - scan)" \
    "$(sub "$w_match" "$w_scan")" "$(sub "$c_match" "$c_scan")"
echo "peak RSS of breachkit match (parent and child): $rss KiB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
