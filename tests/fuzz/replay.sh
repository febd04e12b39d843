#!/bin/sh
# tests/fuzz/replay.sh TARGET...: replay each target's corpus through the
# plain-main build ($BUILD/replay/TARGET).  Prints one "ok"/"not ok" line per
# target and "replay: N passed, M failed" last.
set -u
BUILD=${BUILD:-build}
here=$(dirname "$0")
pass=0
fail=0
for t in "$@"; do
	dir="$here/corpus/$t"
	if [ ! -d "$dir" ] || [ -z "$(ls -A "$dir")" ]; then
		echo "not ok - $t: no corpus in $dir"
		fail=$((fail + 1))
		continue
	fi
	if out=$("$BUILD/replay/$t" "$dir"/* 2>&1); then
		echo "ok - replay $t ($(ls "$dir" | wc -l) inputs)"
		pass=$((pass + 1))
	else
		echo "not ok - replay $t"
		echo "$out" | tail -20
		fail=$((fail + 1))
	fi
done
echo "replay: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
