# match lists its affected subjects from the blocks of subject ids that the
# import writes (subject_ref_pack, docs/subjects.md): more subjects than
# one block holds (65,536), a person on two rows of the import (one id, not
# two), ids that need escaping in JSON.  The same list comes out when the
# blocks are gone (an index imported before they existed: match reads the
# subject rows), and a damaged block is a clear error, not a wrong list.
. "$E2E_LIB"
init_register
facts f.json "Customer list offered for sale" 2024-04-30T09:00:00Z 2024-04-30T08:00:00Z
expect_eq "incident" "$(new_incident f.json)" BK-2024-0001
/usr/bin/python3 - <<'PY'
n = 70000
with open("subjects.csv", "w") as f:
    f.write("id,email\n")
    for i in range(n):
        f.write("S%06d,person%d@example.invalid\n" % (i, i))
    # the same person again, with a second address; ids to escape
    f.write("S000003,other3@example.invalid\n")
    f.write('"Q""1",quote@example.invalid\n')
    f.write("B\\2,backslash@example.invalid\n")
with open("leak.csv", "w") as f:
    f.write("email,password\n")
    for i in (0, 3, 65535, 65536, 69999):
        f.write("person%d@example.invalid,pw\n" % i)
    f.write("other3@example.invalid,pw\nquote@example.invalid,\n")
    f.write("backslash@example.invalid,x\nstranger@example.invalid,pw\n")
PY
bk subjects import subjects.csv
expect_eq "blocks" "$(sqlite3 "$BREACHKIT_DB" 'SELECT group_concat(first || ":" || n) FROM subject_ref_pack')" "1:65536,65537:4466"
want='["B\\2","Q\"1","S000000","S000003","S065535","S065536","S069999"]'
bk match --incident BK-2024-0001 --dry-run --json leak.csv
expect_eq "ids" "$(jget '[a["id"] for a in d["affected"]]')" "$want"
expect_eq "S000003 by" "$(jget '[a["by"] for a in d["affected"] if a["id"] == "S000003"][0]')" '["email"]'
expect_eq "affected" "$(jget 'd["match"]["affected"]')" 7
cp "$LAST_OUT" blocks.json
# without the blocks: the same list from the subject rows
sqlite3 "$BREACHKIT_DB" 'DELETE FROM subject_ref_pack'
bk match --incident BK-2024-0001 --dry-run --json leak.csv
expect_eq "ids (rows)" "$(jget '[a["id"] for a in d["affected"]]')" "$want"
expect_eq "list (rows)" "$(jget 'd["affected"]')" "$(jget 'd["affected"]' blocks.json)"
# a block whose ids do not add up: refused, nothing recorded
bk subjects import subjects.csv
sqlite3 "$BREACHKIT_DB" "UPDATE subject_ref_pack SET data = zeroblob(2 * n + 2) WHERE first = 65537"
expect_exit 1 "$BK" match --incident BK-2024-0001 leak.csv
expect_stderr_contains "the subject index is inconsistent; import it again"
bk incident show BK-2024-0001 --json
expect_eq "no count" "$(jget 'd["facts"].get("subjects", {}).get("count")')" null
expect_verify_ok
# a re-import replaces the blocks whole; the match is recorded, and the
# person on two rows is one subject
bk subjects import subjects.csv
expect_stdout_contains "70002"
bk match --incident BK-2024-0001 leak.csv
expect_stdout_contains "7 of 70002 indexed subjects affected"
expect_verify_ok
