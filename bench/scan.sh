#!/bin/sh
# bench/scan.sh: leak-scan throughput against the physical and peer limits,
# in one run with a warm page cache (docs/benchmarks.md, "Leak scan").
#   SIZE=2000000000 (bytes of the dense dump)  RUNS=3 (median of)
#   BK=build/breachkit  DIR=bench/out  EVAL_RECORDS=20000 (0: skip)
# Generates a dense CSV dump with bench/gen-leak.py (every line carries an
# e-mail, phone, IBAN, hash, names, date of birth, address, IP), then times
# `breachkit scan` (all detectors), `rg -c` and `LC_ALL=C grep -c -E` with
# an e-mail regex, `cat FILE > /dev/null`, and on the zstd-compressed dump
# `breachkit scan` against `zstd -dc`.  Prints medians, ratios, peak RSS
# (/usr/bin/time -v) and per-category precision/recall from --eval.
set -eu
cd "$(dirname "$0")/.."
SIZE=${SIZE:-2000000000}
RUNS=${RUNS:-3}
BK=${BK:-build/breachkit}
DIR=${DIR:-bench/out}
EVAL_RECORDS=${EVAL_RECORDS:-20000}
RE='[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'
mkdir -p "$DIR"
F=$DIR/dense-$SIZE.csv
[ -s "$F" ] || /usr/bin/python3 bench/gen-leak.py --dense "$F" --size "$SIZE"
[ -s "$F.zst" ] || zstd -q -T2 -3 -f "$F" -o "$F.zst"
bytes=$(stat -c %s "$F")
cat "$F" "$F.zst" >/dev/null

# median wall seconds of RUNS runs of "$@".  Output goes to a file, not
# /dev/null: GNU grep stops at the first match when stdout is /dev/null.
median() {
	for _ in $(seq "$RUNS"); do
		s=$(date +%s.%N)
		"$@" >"$DIR/.out" 2>&1 || true
		e=$(date +%s.%N)
		echo "$e - $s" | bc -l
	done | sort -n | awk '{ a[NR] = $1 } END { printf "%.3f", a[int((NR + 1) / 2)] }'
}
rate() { echo "scale=3; $bytes / $1 / 1000000000" | bc -l; }

t_bk=$(median "$BK" scan --quiet --json "$F")
t_rg=$(median rg -c "$RE" "$F")
t_grep=$(median env LC_ALL=C grep -c -E "$RE" "$F")
t_cat=$(median sh -c "cat '$F' > /dev/null")
t_bkz=$(median "$BK" scan --quiet --json "$F.zst")
t_zstd=$(median sh -c "zstd -dc '$F.zst' > /dev/null")
rss=$(/usr/bin/time -v "$BK" scan --quiet --json "$F" 2>&1 >/dev/null |
	awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }')

echo "machine: $(nproc) cpu, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "file: $F, $bytes bytes, $(wc -l <"$F") lines; runs: $RUNS (median)"
printf "%-34s %8s s %7s GB/s\n" "breachkit scan (all detectors)" "$t_bk" "$(rate "$t_bk")"
printf "%-34s %8s s %7s GB/s\n" "rg -c <email>" "$t_rg" "$(rate "$t_rg")"
printf "%-34s %8s s %7s GB/s\n" "LC_ALL=C grep -c -E <email>" "$t_grep" "$(rate "$t_grep")"
printf "%-34s %8s s %7s GB/s\n" "cat > /dev/null" "$t_cat" "$(rate "$t_cat")"
printf "%-34s %8s s %7s GB/s (of uncompressed)\n" "breachkit scan FILE.zst" "$t_bkz" "$(rate "$t_bkz")"
printf "%-34s %8s s %7s GB/s\n" "zstd -dc > /dev/null" "$t_zstd" "$(rate "$t_zstd")"
echo "ratios: scan/rg speed $(echo "scale=2; $t_rg / $t_bk" | bc -l)x," \
    "scan/grep $(echo "scale=2; $t_grep / $t_bk" | bc -l)x," \
    "scan/cat $(echo "scale=3; $t_cat / $t_bk" | bc -l)x," \
    "scan.zst/zstd -dc $(echo "scale=2; $t_zstd / $t_bkz" | bc -l)x"
echo "peak RSS of breachkit scan (parent and child): $rss KiB"

if [ "$EVAL_RECORDS" -gt 0 ]; then
	E=$DIR/eval
	rm -rf "$E"
	/usr/bin/python3 bench/gen-leak.py --out "$E" --records "$EVAL_RECORDS" --seed 42
	for f in "$E"/*.labels; do
		base=${f%.labels}
		data=$(ls "$base".* | grep -v '\.labels$')
		"$BK" scan --eval "$f" --json "$data"
	done | /usr/bin/python3 -c '
import json, sys
dec = json.JSONDecoder()
text = sys.stdin.read()
tot = {}
i = 0
while i < len(text):
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    d, i = dec.raw_decode(text, i)
    for c, v in d.items():
        t = tot.setdefault(c, [0, 0, 0])
        t[0] += v["tp"]; t[1] += v["fp"]; t[2] += v["fn"]
print("precision/recall over every generated format (%s records each):" % sys.argv[1])
print("%-20s %9s %7s %7s %10s %8s" % ("category", "tp", "fp", "fn", "precision", "recall"))
for c, (tp, fp, fn) in tot.items():
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print("%-20s %9d %7d %7d %9.2f%% %7.2f%%" % (c, tp, fp, fn, 100 * p, 100 * r))
' "$EVAL_RECORDS"
fi
