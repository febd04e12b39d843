# A file that is not an SQLite database is not ours: every command exits 1
# with a clear message and the file stays byte-identical (no -wal/-shm).
. "$E2E_LIB"

printf 'Shopping list (fictional)\neggs\nmilk\n' >notes.txt
cp notes.txt notes.orig
export BREACHKIT_DB=$PWD/notes.txt
for cmd in "incident list" "verify" "obligations" "export" "incident new --from notes.orig" "note 1 hello" "backup b.db" "migrate"; do
	# shellcheck disable=SC2086
	expect_exit 1 "$BK" $cmd
	expect_stderr_contains "notes.txt is not a breachkit register (not an SQLite database)"
	expect_stderr_contains "left untouched"
done
expect_exit 1 "$BK" init
expect_stderr_contains "already exists"
cmp -s notes.txt notes.orig || fail "notes.txt was changed"
ls notes.txt-* >/dev/null 2>&1 && fail "journal files were created next to notes.txt"
[ ! -e b.db ] || fail "backup written from a foreign file"

# An empty file, and a file shorter than the SQLite header.
: >empty.db
BREACHKIT_DB=$PWD/empty.db expect_exit 1 "$BK" incident list
expect_stderr_contains "not a breachkit register"
[ ! -s empty.db ] || fail "empty.db was written"
printf 'SQLite' >short.db
BREACHKIT_DB=$PWD/short.db expect_exit 1 "$BK" verify
expect_stderr_contains "not a breachkit register"
expect_eq "short.db" "$(cat short.db)" SQLite
