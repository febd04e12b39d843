#!/bin/sh
# tools/check.sh: the README's test command.  Installs what it needs,
# builds, lints, runs a bounded fuzz smoke, the whole suite under
# ASan/UBSan, then the plain suite.  Last line: "check: N passed, M failed".
set -u
cd "$(dirname "$0")/.." || exit 1
tools/install-deps.sh || { echo "check: 0 passed, 1 failed"; exit 1; }
jobs=$(nproc 2>/dev/null || echo 2)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0
fail=0
tally() {	# tally LOG: add the last "name: P passed, F failed" line
	line=$(grep -E '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
	if [ -z "$line" ]; then
		fail=$((fail + 1))
		return
	fi
	pass=$((pass + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
	fail=$((fail + $(echo "$line" | sed -E 's/.*passed, ([0-9]+) failed.*/\1/')))
}
phase() {	# phase NAME COMMAND...: run, show, tally
	echo "== $1"
	shift
	"$@" >"$log" 2>&1
	st=$?
	cat "$log"
	before=$fail
	tally "$log"
	if [ $st -ne 0 ] && [ $fail -eq $before ]; then
		fail=$((fail + 1))
	fi
}
if ! make -j"$jobs" all build/unit-tests >"$log" 2>&1; then
	tail -40 "$log"
	echo "check: 0 passed, 1 failed (build)"
	exit 1
fi
phase lint make lint
phase fuzz-smoke make -j"$jobs" fuzz-smoke FUZZ_SECONDS="${FUZZ_SECONDS:-5}"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
phase asan make -j"$jobs" SANITIZE=1 BUILD=build-asan check
unset ASAN_OPTIONS UBSAN_OPTIONS
phase plain make -j"$jobs" check
# The browser tests (Debian's chromium, playwright-core from npm) on the
# plain build; their "browser: P passed, F failed" counts in the total.
phase browser tests/browser/run.sh
echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
