#!/bin/sh
# tests/fuzz/smoke.sh TARGET...: a short, bounded libFuzzer run per target
# (FUZZ_SECONDS each) starting from its corpus; new crashes fail the run.
# Interesting new inputs go to a scratch dir, not into the committed corpus.
set -u
secs=${FUZZ_SECONDS:-5}
here=$(dirname "$0")
pass=0
fail=0
for t in "$@"; do
	scratch=$(mktemp -d)
	dict=""
	[ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
	if build-fuzz/"$t" -max_total_time="$secs" -max_len=65536 \
	    -print_final_stats=0 -artifact_prefix="$scratch/" $dict \
	    "$scratch" "$here/corpus/$t" >"$scratch/log" 2>&1; then
		echo "ok - fuzz $t (${secs}s)"
		pass=$((pass + 1))
	else
		echo "not ok - fuzz $t: crash kept in $scratch"
		tail -30 "$scratch/log"
		fail=$((fail + 1))
		continue
	fi
	rm -rf "$scratch"
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
