# export writes the Art. 33(5) register as CSV (one row per incident,
# quoted cells that a CSV reader parses back) and JSON; --out writes a
# file atomically.
. "$E2E_LIB"

init_register --prefix EXP
facts a.json 'Quotes "and", commas' 2024-04-25T08:00:00Z "" \
    '{"data": {"categories": ["contact", "financial"]}, "subjects": {"count": 250, "count_is_estimate": true}, "measures": {"taken": "Line one.\nLine two."}}'
A=$(new_incident a.json)
facts b.json "Second incident" 2024-05-01T08:00:00Z
B=$(new_incident b.json)
bk file "$A" --to authority --phase initial --delay-reason "Test: weekend" --case-ref SA-1
bk decide "$B" authority no --rationale "Test: no risk"
bk incident close "$B" --reason "Test: done"

bk export
cp "$LAST_OUT" out.csv
"$PY" - out.csv "$A" "$B" <<'PY' || fail "CSV export is wrong"
import csv, sys, datetime
def utc(s):
    t = datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
path, a, b = sys.argv[1:]
rows = list(csv.DictReader(open(path, newline="")))
assert [r["ref"] for r in rows] == [a, b], rows
r = rows[0]
assert r["title"] == 'Quotes "and", commas', r["title"]
assert r["data_categories"] == "contact;financial", r
assert r["subjects"] == "250" and r["subjects_estimate"] == "yes", r
assert r["measures_taken"] == "Line one.\nLine two.", r
assert r["authority_status"] == "filed" and r["authority_late"] == "yes", r
assert r["delay_reason"] == "Test: weekend", r
assert utc(r["aware_at"]) == "2024-04-25T08:00:00Z", r["aware_at"]
assert utc(r["authority_filed_at"]) == "2024-05-01T10:00:00Z", r
r = rows[1]
assert r["status"] == "closed", r
assert utc(r["closed_at"]) == "2024-05-01T10:00:00Z", r
assert r["authority_status"] == "not_required", r
assert r["decisions"] == "authority=no: Test: no risk", r
PY

bk export --format json
cp "$LAST_OUT" out.json
expect_eq "incidents" "$(jget '[i["ref"] for i in d["register"]]')" "[\"$A\",\"$B\"]"
expect_eq "facts" "$(jget 'd["register"][0]["facts"]["subjects"]["count"]')" 250
expect_eq "obligations" "$(jget 'd["register"][0]["obligations"][0]["late"]')" true
expect_eq "decisions" "$(jget 'd["register"][1]["decisions"][0]["rationale"]')" "Test: no risk"
bk export --json
cmp -s "$LAST_OUT" out.json || fail "export --json differs from --format json"

bk export --format csv --out register.csv
cmp -s register.csv out.csv || fail "--out file differs from stdout"
ls register.csv.tmp* >/dev/null 2>&1 && fail "temporary file left behind"
# A write error (a full disk) is an error, from the writer thread too;
# the --out file stays as it was.
if [ -w /dev/full ]; then
	"$BK" export --format json >/dev/full 2>full.err &&
	    fail "export to a full device exited 0"
	grep -q "write error" full.err || fail "no write error: $(cat full.err)"
	"$BK" export --format csv >/dev/full 2>full.err &&
	    fail "CSV export to a full device exited 0"
	grep -q "write error" full.err || fail "no write error: $(cat full.err)"
fi
# The JSON of the same register twice is the same (the writer thread keeps
# the order of the buffers), but for the time left on open obligations.
bk export --format json
grep -v -e seconds_left -e overdue "$LAST_OUT" >a.json
bk export --format json
grep -v -e seconds_left -e overdue "$LAST_OUT" >b.json
cmp -s a.json b.json || fail "two JSON exports differ"
expect_exit 2 "$BK" export --format xml
expect_stderr_contains "--format must be csv or json"
true
