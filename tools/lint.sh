#!/bin/sh
# tools/lint.sh: the checks of STYLE.md 3.19: formatting, cppcheck,
# clang-tidy and our own greps.  Prints "lint: N passed, M failed" last.
set -u
cd "$(dirname "$0")/.." || exit 1
pass=0
fail=0
step() {	# step NAME COMMAND...
	name=$1
	shift
	if out=$("$@" 2>&1); then
		echo "ok - lint $name"
		pass=$((pass + 1))
	else
		echo "not ok - lint $name"
		echo "$out" | head -40
		fail=$((fail + 1))
	fi
}
files=$(find src tests -name '*.[ch]' | sort)
# shellcheck disable=SC2086
step clang-format clang-format --dry-run --Werror $files
step cppcheck cppcheck --std=c11 --enable=warning,performance,portability \
    --inline-suppr --error-exitcode=1 -q --library=posix \
    --library=tools/cppcheck-jansson.cfg --suppress=toomanyconfigs \
    --suppress=missingIncludeSystem -D__GNUC__ -Isrc -Ibuild/gen src
# One clang-tidy process per few files, two at a time: faster on two
# cores, and one file's crash of the tool names its own batch.
tidy() {
	TIDY_FLAGS="-std=c11 -D_DEFAULT_SOURCE -DBREACHKIT_VERSION=\"lint\" \
	    -Isrc -Ibuild/gen $(pkg-config --cflags jansson libsodium sqlite3 \
	    pangocairo libcurl zlib libzstd libhs libevent)"
	export TIDY_FLAGS
	find src -name '*.c' | sort | xargs -P "$(nproc 2>/dev/null || echo 2)" \
	    -n 6 sh -c 'clang-tidy --quiet "$@" -- $TIDY_FLAGS' tidy
}
step clang-tidy tidy
step banned tools/check-banned.sh
step includes tools/check-includes.sh
step sql tools/check-sql.sh
step pii-log tools/check-pii-log.sh
step docs tools/gen-docs.sh --check
echo "lint: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
