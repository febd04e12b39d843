#!/bin/sh
# bench/scan-hits.sh OLD_BUILD NEW_BUILD [WORK]: do two builds' scan engines
# give identical hits?  Links bench/scan-hits.c against each build's scan
# objects (make BUILD=... first; check out the old tree into its own
# worktree to build it), generates inputs in WORK (default /tmp/scan-hits):
# every gen-leak.py format with two seeds (also cut into 4,099-byte
# blocks), a 256 MB dense dump (DENSE=0 skips it), 300,000 mutated and
# random lines scanned as every format with both delimiters and sniffed,
# and the fuzz corpora of the scan targets; then compares the hit hashes.
# Prints the differing inputs and "scan-hits: identical" or exits 1.
set -eu
cd "$(dirname "$0")/.."
OLD=$1
NEW=$2
W=${3:-/tmp/scan-hits}
DENSE=${DENSE:-1}
mkdir -p "$W"
for b in old new; do
	[ $b = old ] && d=$OLD || d=$NEW
	cc -std=c11 -O2 -Isrc -o "$W/hits-$b" bench/scan-hits.c \
	    "$d/obj/scan/detect.o" "$d/obj/scan/normalize.o" \
	    "$d/obj/base/str.o" "$d/obj/base/xalloc.o" "$d/obj/base/err.o" \
	    $(pkg-config --libs libhs) -lm -lstdc++
done
[ -d "$W/gen" ] || /usr/bin/python3 bench/gen-leak.py --out "$W/gen" \
    --records 20000 --seed 42 >/dev/null
[ -d "$W/gen7" ] || /usr/bin/python3 bench/gen-leak.py --out "$W/gen7" \
    --records 5000 --seed 7 >/dev/null
if [ "$DENSE" = 1 ] && [ ! -s "$W/d256.csv" ]; then
	/usr/bin/python3 bench/gen-leak.py --dense "$W/d256.csv" \
	    --size 256000000 >/dev/null
fi
[ -s "$W/mut1.txt" ] ||
	/usr/bin/python3 bench/scan-mutate.py "$W/gen" 1 120000 >"$W/mut1.txt"
[ -s "$W/mut2.txt" ] ||
	/usr/bin/python3 bench/scan-mutate.py "$W/gen7" 2 120000 >"$W/mut2.txt"
[ -s "$W/mut3.txt" ] || /usr/bin/python3 - "$W/mut3.txt" <<'EOF'
import random, sys
random.seed(5)
toks = ['x', '+', '1', '49', 'a', '"k":', '{', '}', ',', '+49151', '0151',
        'x+1', 'a+4915112345678', 'DE89370400440532013000', '@', 'b.de',
        '$2y$', '.', '-', ':', '4111111111111111']
out = []
for k in range(60000):
    out.append('{"' + random.choice(['a', 'email', 'pass', 'iban']) + '":' +
               ''.join(random.choice(toks)
                       for _ in range(random.randint(1, 12))) + '}')
open(sys.argv[1], 'w').write('\n'.join(out) + '\n')
EOF
run() {	# run BINARY: one line per input
	H=$1
	C=tests/fuzz/corpus
	for f in "$W"/gen/* "$W"/gen7/*; do
		case $f in *.labels) continue ;; esac
		echo "$f $("$H" "$f" 2>/dev/null)"
		echo "$f B4099 $("$H" -B 4099 "$f" 2>/dev/null)"
	done
	[ -s "$W/d256.csv" ] && echo "d256 $("$H" "$W/d256.csv" 2>/dev/null)"
	for m in mut1.txt mut2.txt mut3.txt; do
		echo "$m sniff $("$H" "$W/$m" 2>/dev/null)"
		for F in 0 1 2 3 4 5; do
			echo "$m F$F $("$H" -F $F "$W/$m" 2>/dev/null)"
			echo "$m F$F tab $("$H" -t -F $F -B 65536 "$W/$m" \
			    2>/dev/null)"
		done
	done
	echo "fuzz $("$H" -z $C/fuzz_scan_line/* $C/fuzz_csv_sniff/* \
	    $C/fuzz_csv/* $C/fuzz_reader/* 2>/dev/null)"
}
run "$W/hits-old" >"$W/old.txt"
run "$W/hits-new" >"$W/new.txt"
if diff "$W/old.txt" "$W/new.txt"; then
	echo "scan-hits: identical ($(wc -l <"$W/old.txt") inputs)"
else
	exit 1
fi
