# scan: Ctrl-C (SIGINT) stops cleanly with exit 130 and results marked
# partial; a child killed from outside costs the file (exit 1), not the
# process.
. "$E2E_LIB"

"$PY" "$TOP/bench/gen-leak.py" --dense part.csv --size 100000000 ||
    fail "generator"
# 400 MB: the scanner reads 100 MB in less than the 0.3 s the test waits.
cat part.csv part.csv part.csv part.csv >big.csv && rm part.csv
# The scan must still be reading when the signal comes: if it finished
# first, or had read the whole file (a faster scanner, a quiet machine),
# the file is doubled and the run repeated.
tries=0
while :; do
	"$BK" scan --json big.csv >out.json 2>err.txt &
	pid=$!
	sleep 0.3
	if kill -INT "$pid" 2>/dev/null; then
		wait "$pid"
		rc=$?
		[ "$(jget 'd["files"][0]["status"]' out.json)" = partial ] && break
	else
		wait "$pid"
	fi
	tries=$((tries + 1))
	[ $tries -lt 4 ] || fail "the scan always finished within 0.3 s"
	cat big.csv big.csv >big2.csv && mv big2.csv big.csv
done
expect_eq "exit after SIGINT" "$rc" 130
expect_eq partial "$(jget 'd["partial"]' out.json)" true
expect_eq "file status" "$(jget 'd["files"][0]["status"]' out.json)" partial

"$BK" scan --json big.csv >out2.json 2>err2.txt &
pid=$!
sleep 0.3
child=$(pgrep -P "$pid" | head -1)
[ -n "$child" ] || fail "no scanner child process"
kill -KILL "$child" || fail "the scan finished before its child was killed"
wait "$pid"
rc=$?
expect_eq "exit after the child was killed" "$rc" 1
expect_eq "file failed" "$(jget 'd["files"][0]["status"]' out2.json)" failed
grep -q "scanner died" err2.txt || fail "no message about the child"
