# While another process holds the write lock, readers still work and a
# writer waits, then reports "busy" (exit 1) without writing; once the
# lock is gone the same command succeeds.
. "$E2E_LIB"

init_register
facts f.json "Busy test" 2024-05-01T08:00:00Z
new_incident f.json >/dev/null
before=$(snapshot)

# sqlite3 holds the write lock until we close the pipe (breachkit waits
# 5 seconds for it).
mkfifo ctl
sqlite3 "$BREACHKIT_DB" <ctl >holder.out 2>&1 &
holder=$!
exec 3>ctl
echo "BEGIN IMMEDIATE; SELECT 'locked';" >&3
i=0
until grep -q locked holder.out 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 50 ] || fail "the lock holder did not start"
	sleep 0.1
done

bk incident list --json
expect_eq "readers are not blocked" "$(jget 'len(d)')" 1
start=$(date +%s)
expect_exit 1 "$BK" incident new --from f.json
waited=$(($(date +%s) - start))
expect_stderr_contains "busy"
expect_stderr_contains "try again"
[ $waited -ge 4 ] || fail "gave up after ${waited}s instead of waiting"
expect_exit 1 "$BK" note 1 "while locked"
expect_stderr_contains "busy"
echo "ROLLBACK;" >&3
exec 3>&-
wait $holder

expect_unchanged "$before"
bk incident new --from f.json
expect_eq "retry succeeds" "$(out)" BK-2024-0002
