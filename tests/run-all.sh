#!/bin/sh
# tests/run-all.sh: unit tests, then the fuzz-corpus replay, then the
# end-to-end CLI tests, against the build in $BUILD (default build).  Each
# runner ends with "name: P passed, F failed"; this script adds them up and
# prints one final line "check: N passed, M failed".
set -u
BUILD=${BUILD:-build}
export BUILD
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top" || exit 1
pass=0
fail=0

count() {	# count LOGFILE: add the runner's closing line to the totals
	line=$(grep -E '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
	if [ -z "$line" ]; then
		echo "run-all: $2 printed no summary line; counting it as one failure"
		fail=$((fail + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')
	pass=$((pass + p))
	fail=$((fail + f))
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

"$BUILD/unit-tests" >"$log" 2>&1
st=$?
cat "$log"
count "$log" unit
[ $st -ne 0 ] && ! grep -qE '^unit: [0-9]+ passed, [1-9]' "$log" && fail=$((fail + 1))

fuzzers=$(ls tests/fuzz/fuzz_*.c 2>/dev/null | sed 's|.*/||; s|\.c$||')
# shellcheck disable=SC2086
tests/fuzz/replay.sh $fuzzers >"$log" 2>&1
cat "$log"
count "$log" replay

tests/e2e/run.sh >"$log" 2>&1
cat "$log"
count "$log" e2e

echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
