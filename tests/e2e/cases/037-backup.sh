# backup writes a consistent copy that opens as a register and verifies,
# with its access log (FILE-access); it never overwrites an existing file.
. "$E2E_LIB"

init_register --demo
facts f.json "Backup test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
bk note "$ref" "before the backup"
# Reads as the server records them (the access log is a file of its own).
sqlite3 "$BREACHKIT_DB-access" "INSERT INTO access (incident_id, at, actor,
    what) VALUES (1, 1714550400, 'tester', 'api: incident'),
    (1, 1714550401, 'tester', 'page: incident')" || fail "no access log"
bk backup copy.db
expect_stdout_contains "backup written to copy.db"
[ -s copy.db ] || fail "no backup file"
head -c 15 copy.db | grep -q "SQLite format 3" || fail "backup is not an SQLite file"
expect_eq "reads in the copy's access log" \
    "$(sqlite3 copy.db-access "SELECT group_concat(what, '|') FROM access")" \
    "api: incident|page: incident"

bk verify --db copy.db
expect_stdout_contains "ok: 5 incidents checked, 0 with problems"
bk incident list --json --db copy.db
jget '[i["ref"] + " " + i["head_hash"] for i in d]' >copy.list
bk incident list --json
jget '[i["ref"] + " " + i["head_hash"] for i in d]' >orig.list
cmp -s copy.list orig.list || fail "backup content differs"

# The copy is independent.
bk note "$ref" "after the backup"
bk incident show "$ref" --json --db copy.db
expect_eq "copy unchanged" "$(jget '[e["payload"].get("text") for e in d["history"] if e["kind"] == "note"]')" '["before the backup"]'

cp copy.db copy.orig
expect_exit 1 "$BK" backup copy.db
expect_stderr_contains "already exists"
cmp -s copy.db copy.orig || fail "backup overwrote an existing file"

# An access log in the way: nothing is written.
touch other.db-access
expect_exit 1 "$BK" backup other.db
expect_stderr_contains "other.db-access already exists"
[ -e other.db ] && fail "backup wrote the register without its access log"
# A foreign file where the access log belongs: refused, left untouched.
cp copy.db third.db
sqlite3 third.db-access "CREATE TABLE t (x); PRAGMA application_id = 7"
cp third.db-access third.orig
expect_exit 1 "$BK" incident list --db third.db
expect_stderr_contains "is not the access log of a breachkit register"
cmp -s third.db-access third.orig || fail "foreign access log changed"
# A new register does not take over an access log left behind by another.
touch fresh.db-access
"$BK" init --db fresh.db --prefix NEW >/dev/null 2>init.err &&
    fail "init used an access log left behind"
grep -q "fresh.db-access already exists" init.err || fail "no reason given"
[ -e fresh.db ] && fail "init wrote a register anyway"
rm -f fresh.db-access
"$BK" init --db fresh.db --prefix NEW >/dev/null || fail "init after cleanup"
