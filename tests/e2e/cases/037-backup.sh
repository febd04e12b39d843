# backup writes a consistent copy that opens as a register and verifies;
# it never overwrites an existing file.
. "$E2E_LIB"

init_register --demo
facts f.json "Backup test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
bk note "$ref" "before the backup"
bk backup copy.db
expect_stdout_contains "backup written to copy.db"
[ -s copy.db ] || fail "no backup file"
head -c 15 copy.db | grep -q "SQLite format 3" || fail "backup is not an SQLite file"

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
