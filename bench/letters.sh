#!/bin/sh
# SPDX-License-Identifier: MIT
#
# bench/letters.sh: the Art. 34 mail-merge at scale (issue 4, "Speed").
# Renders N (default 1,000,000) personalised letters into an mbox with
# `breachkit letters --mbox` and, in the same run, with a Python Jinja2
# mail-merge of the same template and data (bench/letters_jinja.py, Debian's
# python3-jinja2 under /usr/bin/python3).  Prints letters/s of each (median
# of RUNS runs), the ratio, and breachkit's peak RSS from /usr/bin/time -v
# at N and at N/10 (memory must not grow with the number of letters).
# 90 % of the people are German, 10 % English, over 6 category sets.
#
# Usage: bench/letters.sh        Environment: N=1000000 RUNS=5 JRUNS=3
#        KEEP=1 keeps the temporary directory.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
N=${N:-1000000}
RUNS=${RUNS:-5}
JRUNS=${JRUNS:-3}
PY=/usr/bin/python3
BK=$root/${BUILD:-build}/breachkit

for tool in /usr/bin/time "$PY"; do
	[ -x "$tool" ] || { echo "letters.sh: $tool is required" >&2; exit 2; }
done
"$PY" -c 'import jinja2' 2>/dev/null ||
    { echo "letters.sh: python3-jinja2 is required" >&2; exit 2; }
[ -x "$BK" ] || { echo "letters.sh: build first (make)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bk-letters.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT INT TERM
fi
# Time a private copy: a concurrent make must not swap the binary.
cp "$BK" "$tmp/breachkit"
BK=$tmp/breachkit
export BREACHKIT_DB=$tmp/bench.db BREACHKIT_ACTOR=bench
export BREACHKIT_TEST_CLOCK=2024-05-01T10:00:00Z

echo "== register and list ($N people)"
"$BK" init >/dev/null
s() { "$BK" settings set "$1" "$2"; }
s org_name "Musterschuh Versand GmbH (fiktiv)"
s org_address "Musterstraße 1, 40210 Düsseldorf"
s org_website "https://musterschuh.example.invalid"
s org_channels "Wir schreiben nur von Adressen @musterschuh.example.invalid und fragen nie nach Passwörtern."
s dpo_name "Dana Beispiel"
s dpo_email "datenschutz@musterschuh.example.invalid"
s dpo_phone "+49 211 000000"
s mail_from "datenschutz@musterschuh.example.invalid"
cat >"$tmp/facts.json" <<'JSON'
{"title": "Shop database copied (fictional)", "role": "controller",
 "description": "Unbekannte haben über eine Sicherheitslücke im Online-Shop Kundendaten kopiert.",
 "nature": {"confidentiality": true},
 "timeline": {"discovered_at": "2024-04-30T08:00:00Z", "aware_at": "2024-04-30T09:00:00Z"},
 "data": {"categories": ["contact", "credentials", "bank_account"]},
 "measures": {"taken": "Wir haben die Lücke geschlossen und alle Passwörter zurückgesetzt.",
              "planned": "Ein externes Sicherheitsaudit."}}
JSON
ref=$("$BK" incident new --from "$tmp/facts.json")
gen() {	# gen FILE N
	"$PY" - "$1" "$2" <<'PYEOF'
import sys
path, n = sys.argv[1], int(sys.argv[2])
cats = ["credentials;bank_account", "contact", "payment_card;id_documents",
        "health", "", "contact;credentials"]
with open(path, "w", encoding="utf-8") as fp:
    fp.write("id,name,email,language,categories\n")
    for i in range(1, n + 1):
        de = i % 10 != 0
        name = ("Jürgen Müller-Weiß %d" % i) if de else ("Jane Doe %d" % i)
        fp.write("p-%07d,%s,person%07d@example.invalid,%s,%s\n" % (
            i, name, i, "de" if de else "en", cats[i % len(cats)]))
PYEOF
}
gen "$tmp/people.csv" "$N"
gen "$tmp/tenth.csv" $((N / 10))

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# bk_run CSV: one timed run; prints "seconds rss_kib".
bk_run() {
	# Replacing the previous run's 3 GB file is not rendering: remove it.
	rm -f "$tmp/bk.mbox"
	/usr/bin/time -v "$BK" letters "$ref" --subjects "$1" \
	    --mbox "$tmp/bk.mbox" >"$tmp/report.txt" 2>"$tmp/time.txt" || {
		cat "$tmp/time.txt" >&2
		exit 1
	}
	tv_of "$tmp/time.txt"
}

# tv_of FILE: "wall cpu rss_kib" from /usr/bin/time -v output (cpu = user
# + system: the machine may be shared, wall time then includes waiting).
tv_of() {
	awk -F': ' '/Elapsed/ { n = split($2, t, ":"); w = 0;
		for (i = 1; i <= n; i++) w = w * 60 + t[i] }
	    /User time/ { u = $2 } /System time/ { y = $2 }
	    /Maximum resident/ { r = $2 }
	    END { printf "%s %.2f %s\n", w, u + y, r }' "$1"
}

echo "== breachkit letters --mbox, $RUNS runs"
: >"$tmp/bk.times"
for i in $(seq 1 "$RUNS"); do
	r=$(bk_run "$tmp/people.csv")
	echo "  run $i: $r (wall s, cpu s, peak RSS KiB)"
	echo "$r" >>"$tmp/bk.times"
done
tail -1 "$tmp/report.txt"
bk_s=$(cut -d' ' -f1 "$tmp/bk.times" | median)
bk_cpu=$(cut -d' ' -f2 "$tmp/bk.times" | median)
bk_rss=$(cut -d' ' -f3 "$tmp/bk.times" | median)
bk_bytes=$(wc -c <"$tmp/bk.mbox")
msgs=$(grep -c '^From datenschutz@' "$tmp/bk.mbox")
[ "$msgs" -eq "$N" ] || { echo "letters.sh: the mbox holds $msgs letters, not $N" >&2; exit 1; }
r10=$(bk_run "$tmp/tenth.csv")
rss10=$(echo "$r10" | cut -d' ' -f3)

echo "== Jinja2 mail-merge, $JRUNS runs"
: >"$tmp/j.times"
for i in $(seq 1 "$JRUNS"); do
	rm -f "$tmp/j.mbox"
	/usr/bin/time -v "$PY" "$here/letters_jinja.py" "$tmp/people.csv" \
	    "$tmp/j.mbox" "$root" >"$tmp/j.out" 2>"$tmp/jtime.txt"
	jr=$(tv_of "$tmp/jtime.txt")
	echo "  run $i: $jr (wall s, cpu s, peak RSS KiB; $(cat "$tmp/j.out"))"
	echo "$jr" >>"$tmp/j.times"
done
j_s=$(cut -d' ' -f1 "$tmp/j.times" | median)
j_cpu=$(cut -d' ' -f2 "$tmp/j.times" | median)
j_bytes=$(wc -c <"$tmp/j.mbox")

"$PY" - "$N" "$bk_s" "$j_s" "$bk_cpu" "$j_cpu" "$bk_rss" "$rss10" \
    "$bk_bytes" "$j_bytes" <<'PYEOF'
import sys
n = int(sys.argv[1])
bk, j, bkc, jc = (float(x) for x in sys.argv[2:6])
rss, rss10, bb, jb = (int(x) for x in sys.argv[6:10])
print("== result (medians)")
print("breachkit: %d letters in %.2f s wall (%.2f s cpu) = %.0f letters/s wall, %.0f/s cpu; mbox %.0f MB; peak RSS %.1f MiB (%.1f MiB at N/10)"
      % (n, bk, bkc, n / bk, n / bkc, bb / 1e6, rss / 1024, rss10 / 1024))
print("Jinja2:    %d letters in %.2f s wall (%.2f s cpu) = %.0f letters/s wall, %.0f/s cpu; mbox %.0f MB"
      % (n, j, jc, n / j, n / jc, jb / 1e6))
print("ratio: breachkit is %.1fx Jinja2 by wall time, %.1fx by cpu time (goal >= 20x)%s"
      % (j / bk, jc / bkc, "" if j / bk >= 20 else "  -- BELOW GOAL"))
PYEOF
echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
