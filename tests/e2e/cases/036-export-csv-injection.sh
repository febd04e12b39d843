# CSV injection: a cell starting with =, +, -, @ (or a tab) is prefixed
# with ' so a spreadsheet shows it as text; JSON keeps the text as is.
. "$E2E_LIB"

init_register
for t in '=HYPERLINK("http://example.invalid/x","click")' '+1+2' '-2+3' '@SUM(A1:A2)' 'Plain title'; do
	"$PY" -c 'import json, sys; json.dump({"title": sys.argv[1], "measures": {"taken": sys.argv[1]}}, open("f.json", "w"))' "$t"
	new_incident f.json >/dev/null
done
bk export --format csv
"$PY" - "$LAST_OUT" <<'PY' || fail "CSV cells are not neutralised"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
got = [r["title"] for r in rows]
want = ["'=HYPERLINK(\"http://example.invalid/x\",\"click\")", "'+1+2", "'-2+3",
        "'@SUM(A1:A2)", "Plain title"]
assert got == want, got
assert [r["measures_taken"] for r in rows] == want, rows
for line in open(sys.argv[1]).read().splitlines()[1:]:
    for cell in next(csv.reader([line])):
        assert cell[:1] not in ("=", "+", "-", "@"), cell
PY
bk export --format json
expect_eq "json as is" "$(jget 'd["register"][0]["title"]')" '=HYPERLINK("http://example.invalid/x","click")'
