# An SQLite database that is not a breachkit register is refused: exit 1,
# a clear message, the file byte-identical.
. "$E2E_LIB"

cp "$TOP/regimes/tkg.json" regime.json
sqlite3 other.db "CREATE TABLE recipe (name TEXT, minutes INTEGER);
INSERT INTO recipe VALUES ('Fictional soup', 30);"
# One with tables named like ours, too.
sqlite3 lookalike.db "CREATE TABLE incident (id INTEGER PRIMARY KEY, ref TEXT);
CREATE TABLE event (x); PRAGMA user_version = 1;"
for f in other.db lookalike.db; do
	cp "$f" "$f.orig"
	for cmd in "incident list" "verify" "incident show 1" "obligations" "export --format json" "regime load regime.json"; do
		# shellcheck disable=SC2086
		BREACHKIT_DB=$PWD/$f expect_exit 1 "$BK" $cmd
		expect_stderr_contains "$f is an SQLite database but not a breachkit register"
		expect_stderr_contains "left untouched"
	done
	cmp -s "$f" "$f.orig" || fail "$f was changed"
	ls "$f"-* >/dev/null 2>&1 && fail "journal files created next to $f"
done
expect_eq "content intact" "$(sqlite3 other.db 'SELECT name FROM recipe')" "Fictional soup"
