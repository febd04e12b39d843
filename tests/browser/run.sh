#!/bin/sh
# tests/browser/run.sh: the browser tests.  Installs playwright-core with
# `npm ci` (the version pinned in package.json and package-lock.json; the
# npm cache is used when it has it), starts `breachkit serve` on a fresh
# demo register on a free loopback port, and runs flows.mjs in Debian's
# headless chromium.  Prints "ok N - name" / "not ok N - name" and last
# "browser: P passed, F failed".  Screenshots and downloads are kept in
# tests/browser/artifacts/ (gitignored).
#   BUILD     build directory (default build)
#   CHROMIUM  the browser (default /usr/bin/chromium)
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$top/$BUILD ;; esac
BK=$BUILD/breachkit
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

bail() {	# bail WHY: one failure, the closing line, exit 1
	echo "not ok 1 - $1"
	echo "browser: 0 passed, 1 failed"
	exit 1
}
for t in "$BK" "$CHROMIUM"; do
	[ -x "$t" ] || bail "missing $t (make; tools/install-deps.sh)"
done
for t in node npm pdftotext; do
	command -v "$t" >/dev/null 2>&1 || bail "missing $t (tools/install-deps.sh)"
done
cd "$here" || exit 1
if ! npm ci --prefer-offline --no-audit --no-fund >npm.log 2>&1; then
	cat npm.log
	bail "npm ci failed"
fi
rm -f npm.log
mkdir -p artifacts
rm -f artifacts/*.png artifacts/*.pdf artifacts/*.txt

tmp=$(mktemp -d "${TMPDIR:-/tmp}/breachkit-browser.XXXXXX") || exit 1
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export BREACHKIT_DB="$tmp/register.db"
unset BREACHKIT_TEST_CLOCK BREACHKIT_LISTEN BREACHKIT_PUBLIC_INTAKE
"$BK" init --demo >"$tmp/init.log" 2>&1 || { cat "$tmp/init.log"; bail "init --demo"; }
pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$pw" >"$tmp/pw"
"$BK" user add browser-dpo --role dpo --lang de --password-file "$tmp/pw" \
    >"$tmp/user.log" 2>&1 || { cat "$tmp/user.log"; bail "user add"; }
"$BK" serve --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
url=
i=0
while [ $i -lt 100 ] && [ -z "$url" ]; do
	url=$(sed -n 's|.* on \(http://[0-9.]*:[0-9]*\)/ .*|\1|p' "$tmp/serve.out" 2>/dev/null)
	kill -0 "$pid" 2>/dev/null || break
	[ -z "$url" ] && sleep 0.1
	i=$((i + 1))
done
if [ -z "$url" ]; then
	cat "$tmp/serve.err"
	bail "serve did not start"
fi
out=$tmp/flows.out
timeout 300 node flows.mjs "$url" browser-dpo "$pw" "$here/artifacts" >"$out" 2>&1
st=$?
if grep -qE 'Sanitizer|runtime error:' "$tmp/serve.err"; then
	# The server's report fails the run; the closing line stays last.
	grep -v '^browser: ' "$out"
	sed 's/^/# /' "$tmp/serve.err"
	echo "not ok - the server reported a sanitizer error"
	p=$(sed -n 's/^browser: \([0-9]*\) passed.*/\1/p' "$out")
	f=$(sed -n 's/^browser: [0-9]* passed, \([0-9]*\) failed/\1/p' "$out")
	echo "browser: ${p:-0} passed, $((${f:-0} + 1)) failed"
	exit 1
fi
cat "$out"
grep -q '^browser: [0-9]* passed, [0-9]* failed' "$out" ||
    echo "browser: 0 passed, 1 failed"
exit $st
