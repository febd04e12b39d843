#!/bin/sh
# tests/e2e/run.sh: the end-to-end CLI tests.  Runs every cases/NNN-*.sh in
# order, each in a fresh temporary directory with
#   BUILD   the build directory (env; default build), BK=$BUILD/breachkit
#   BREACHKIT_DB=<tmp>/register.db (not created: the case runs init)
#   BREACHKIT_ACTOR=tester, BREACHKIT_TEST_CLOCK=2024-05-01T10:00:00Z
# and a 60-second limit.  Prints "ok N - name" / "not ok N - name" (with
# the case's output) and last "e2e: P passed, F failed"; exits non-zero on
# any failure.  Cases named on the command line (e.g. 010 or
# 010-incident) run alone; E2E_VERBOSE=1 shows the output of passing
# cases too.
set -u
here=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$here/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$TOP/$BUILD ;;
esac
BK=$BUILD/breachkit
export BUILD BK TOP
export E2E_LIB="$here/lib.sh"
# Sanitizer builds: distinctive exit codes, and the helpers also look for
# reports on stderr.
export ASAN_OPTIONS="${ASAN_OPTIONS:-exitcode=86:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LC_ALL=C.UTF-8
unset BREACHKIT_TZ

pass=0
fail=0
n=0
missing=
[ -x "$BK" ] || missing="$BK (make BUILD=$BUILD)"
for tool in /usr/bin/python3 sqlite3 timeout mkfifo sha256sum; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	echo "not ok 1 - prerequisites missing: $missing (tools/install-deps.sh)"
	echo "e2e: 0 passed, 1 failed"
	exit 1
fi
tmproot=$(mktemp -d "${TMPDIR:-/tmp}/breachkit-e2e.XXXXXX") || exit 1
trap 'rm -rf "$tmproot"' EXIT
trap 'exit 130' INT TERM

ARGS="$*"
selected() {	# selected NAME: named on the command line (or none named)?
	[ -z "$ARGS" ] && return 0
	for want in $ARGS; do
		case $1 in "$want"*) return 0 ;; esac
	done
	return 1
}
t0=$(date +%s)

for c in "$here"/cases/[0-9][0-9][0-9]-*.sh; do
	[ -f "$c" ] || continue
	name=$(basename "$c" .sh)
	selected "$name" || continue
	n=$((n + 1))
	dir="$tmproot/$name"
	mkdir -p "$dir/work"
	start=$(date +%s)
	(
		cd "$dir/work" || exit 1
		BREACHKIT_DB="$dir/work/register.db" \
		BREACHKIT_ACTOR=tester \
		BREACHKIT_TEST_CLOCK=2024-05-01T10:00:00Z \
		HOME="$dir" \
		exec timeout -k 5 60 bash "$c"
	) >"$dir/log" 2>&1 </dev/null
	st=$?
	secs=$(($(date +%s) - start))
	if [ $st -eq 124 ] || [ $st -eq 137 ]; then
		echo "case timed out after 60 s" >>"$dir/log"
	fi
	if [ $st -eq 0 ] && [ ! -e "$dir/work/.failed" ]; then
		pass=$((pass + 1))
		echo "ok $n - $name"
		[ -n "${E2E_VERBOSE:-}" ] && sed 's/^/# /' "$dir/log"
	else
		fail=$((fail + 1))
		echo "not ok $n - $name"
		echo "# exit status $st after ${secs}s; output:"
		sed 's/^/# /' "$dir/log" | head -200
	fi
done
if [ $n -eq 0 ]; then
	echo "not ok 1 - no case ran"
	fail=1
fi
echo "# $n cases in $(($(date +%s) - t0)) s"
echo "e2e: $pass passed, $fail failed"
[ $fail -eq 0 ]
