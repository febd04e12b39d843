#!/bin/sh
# bench/scan.sh: leak-scan throughput against the physical and peer limits,
# in one run with a warm page cache (docs/benchmarks.md, "Leak scan").
#   SIZE=2000000000 (bytes of the dense dump)  RUNS=5 (hyperfine runs; medians)
#   BK=build/breachkit  DIR=bench/out  EVAL_RECORDS=20000 (0: skip)
# Generates a dense CSV dump with bench/gen-leak.py (every line carries an
# e-mail, phone, IBAN, hash, names, date of birth, address, IP), compresses
# it with zstd and gzip, then times with hyperfine, all in one run:
#   breachkit scan (all detectors) with 1 and 2 detector threads,
#   rg -c and LC_ALL=C grep -c -E with an e-mail regex alone,
#   cat FILE > /dev/null (the read limit),
#   breachkit scan FILE.zst / FILE.gz against zstd -dc / gzip -dc alone;
#   cat, zstd and gzip write to /dev/null in a second hyperfine call
#   without --output=pipe (else they are timed writing into a pipe).
# Prints medians, min-max, CPU time, ratios, the load average before and
# after (the VM is shared: say how noisy the run was), peak RSS of every
# breachkit run (/usr/bin/time -v, parent + child), and per-category
# precision/recall from --eval on the generated formats.
set -eu
cd "$(dirname "$0")/.."
SIZE=${SIZE:-2000000000}
RUNS=${RUNS:-5}
BK=${BK:-build/breachkit}
DIR=${DIR:-bench/out}
EVAL_RECORDS=${EVAL_RECORDS:-20000}
RE='[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'
mkdir -p "$DIR"
F=$DIR/dense-$SIZE.csv
[ -s "$F" ] || /usr/bin/python3 bench/gen-leak.py --dense "$F" --size "$SIZE"
[ -s "$F.zst" ] || zstd -q -T2 -3 -f "$F" -o "$F.zst"
[ -s "$F.gz" ] || gzip -6 -c "$F" >"$F.gz"
bytes=$(stat -L -c %s "$F")
cat "$F" "$F.zst" "$F.gz" >/dev/null

echo "machine: $(nproc) cpu, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
echo "file: $F, $bytes bytes, $(wc -l <"$F") lines; zst $(stat -L -c %s "$F.zst"), gz $(stat -L -c %s "$F.gz") bytes"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

J=$DIR/.hyperfine.json
# --output=pipe: GNU grep stops at the first match when stdout is /dev/null.
hyperfine -N --output=pipe --warmup 1 --runs "$RUNS" --export-json "$J" \
	-n bk1 "$BK scan --threads 1 --quiet --json $F" \
	-n bk2 "$BK scan --threads 2 --quiet --json $F" \
	-n rg "rg -c '$RE' $F" \
	-n grep "env LC_ALL=C grep -c -E '$RE' $F" \
	-n bkzst1 "$BK scan --threads 1 --quiet --json $F.zst" \
	-n bkzst2 "$BK scan --threads 2 --quiet --json $F.zst" \
	-n bkgz1 "$BK scan --threads 1 --quiet --json $F.gz" \
	-n bkgz2 "$BK scan --threads 2 --quiet --json $F.gz" \
	>"$DIR/.hyperfine.out" 2>&1 ||
	{ cat "$DIR/.hyperfine.out"; exit 1; }
# The limits write to /dev/null themselves: through hyperfine's pipe cat
# measured the pipe (0.5 GB/s), and zstd/gzip paid for it too.  zstd and
# gzip read stdin: zstd skips a file argument that is a symbolic link.
JC=$DIR/.hyperfine-limits.json
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$JC" \
	-n cat "sh -c 'cat $F >/dev/null'" \
	-n zstd "sh -c 'zstd -dc <$F.zst >/dev/null'" \
	-n gzip "sh -c 'gzip -dc <$F.gz >/dev/null'" >>"$DIR/.hyperfine.out" 2>&1 ||
	{ cat "$DIR/.hyperfine.out"; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

rss() {
	/usr/bin/time -v "$BK" scan --threads "$2" --quiet --json "$1" 2>&1 \
	    >/dev/null | awk -F: '/Maximum resident/ { gsub(/ /, "", $2); print $2 }'
}
echo "peak RSS (KiB, parent and child): plain 1 thread $(rss "$F" 1)," \
    "2 threads $(rss "$F" 2), zst 2 threads $(rss "$F.zst" 2)," \
    "gz 2 threads $(rss "$F.gz" 2)"

/usr/bin/python3 - "$J" "$bytes" "$JC" <<'PYEOF'
import json, statistics, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
res.update({r["command"]: r for r in json.load(open(sys.argv[3]))["results"]})
size = int(sys.argv[2])
med = {k: statistics.median(r["times"]) for k, r in res.items()}
label = {
    "bk1": "breachkit scan, 1 thread (all detectors)",
    "bk2": "breachkit scan, 2 threads (all detectors)",
    "rg": "rg -c <email> (e-mail only)",
    "grep": "LC_ALL=C grep -c -E <email> (e-mail only)",
    "cat": "cat FILE > /dev/null",
    "bkzst1": "breachkit scan FILE.zst, 1 thread",
    "bkzst2": "breachkit scan FILE.zst, 2 threads",
    "zstd": "zstd -dc FILE.zst > /dev/null",
    "bkgz1": "breachkit scan FILE.gz, 1 thread",
    "bkgz2": "breachkit scan FILE.gz, 2 threads",
    "gzip": "gzip -dc FILE.gz > /dev/null",
}
print("%-44s %8s %15s %8s %8s" % ("command", "median s", "min-max s",
                                  "GB/s", "CPU s"))
for k, l in label.items():
    r = res[k]
    print("%-44s %8.3f %7.3f-%-7.3f %8.3f %8.3f" % (
        l, med[k], min(r["times"]), max(r["times"]),
        size / med[k] / 1e9, statistics.median(
            [u + s for u, s in zip(r["user"], r["system"])])
        if "user" in r and isinstance(r["user"], list) else
        r.get("user", 0) + r.get("system", 0)))
print("ratios (speed, >1: breachkit faster):")
print("  scan 1 thread / rg      %.2fx" % (med["rg"] / med["bk1"]))
print("  scan 2 threads / rg     %.2fx" % (med["rg"] / med["bk2"]))
print("  scan 2 threads / grep   %.2fx" % (med["grep"] / med["bk2"]))
print("  scan 2 threads / cat    %.3fx" % (med["cat"] / med["bk2"]))
print("  scan .zst (2) / zstd -dc %.2fx  (1 thread: %.2fx)" % (
    med["zstd"] / med["bkzst2"], med["zstd"] / med["bkzst1"]))
print("  scan .gz (2) / gzip -dc  %.2fx  (1 thread: %.2fx)" % (
    med["gzip"] / med["bkgz2"], med["gzip"] / med["bkgz1"]))
PYEOF

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
