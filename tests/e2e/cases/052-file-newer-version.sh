# A register written by a newer breachkit (schema version 99) is refused:
# exit 1, the message says newer, the file stays byte-identical.
. "$E2E_LIB"

init_register
facts f.json "From the future" 2024-05-01T08:00:00Z
new_incident f.json >/dev/null
cp "$BREACHKIT_DB" newer.db
sqlite3 newer.db "PRAGMA user_version = 99"
[ "$(sqlite3 newer.db 'PRAGMA user_version')" = 99 ] || fail "could not set user_version"
cp newer.db newer.orig
export BREACHKIT_DB=$PWD/newer.db
for cmd in "incident list" "verify" "migrate" "incident new --from f.json" "note 1 hello" "export"; do
	# shellcheck disable=SC2086
	expect_exit 1 "$BK" $cmd
	expect_stderr_contains "written by a newer breachkit (schema version 99"
	expect_stderr_contains "left untouched"
done
cmp -s newer.db newer.orig || fail "newer.db was changed"
ls newer.db-* >/dev/null 2>&1 && fail "journal files created next to newer.db"
true
