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
# A register larger than one batch (1 MiB; the formatter thread writes
# batch after batch): 600 generated incidents (seeded, fictional) come out
# whole and in id order, with each one's facts.
"$PY" "$TOP/bench/gen-incidents.py" -n 600 --seed 35 \
    --now "$BREACHKIT_TEST_CLOCK" -o many.jsonl ||
    fail "generator failed"
"$BK" init --db many.db --prefix MANY >/dev/null || fail "init many.db"
"$BK" incident import --db many.db many.jsonl >/dev/null || fail "import"
"$BK" export --db many.db --format json >many.json || fail "export many"
[ "$(wc -c <many.json)" -gt 2200000 ] || fail "many.json spans no 2 batches"
"$PY" - many.json many.jsonl <<'PY' || fail "multi-batch JSON export is wrong"
import json, sys
reg = json.load(open(sys.argv[1]))["register"]
src = [json.loads(l) for l in open(sys.argv[2])]
assert [r["id"] for r in reg] == list(range(1, 601)), "not all, or not in order"
assert [r["ref"] for r in reg] == ["MANY-%s-%04d" % (r["ref"][5:9], i + 1)
                                   for i, r in enumerate(reg)]
for r, s in zip(reg, src):
    assert r["facts"]["title"] == s["title"], r["ref"]
    assert r["facts"].get("description") == s.get("description"), r["ref"]
PY
expect_exit 2 "$BK" export --format xml
expect_stderr_contains "--format must be csv or json"
true
