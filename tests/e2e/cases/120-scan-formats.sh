# scan: every generated format is sniffed, the planted data is found with
# precision and recall >= 99.5 % for e-mail, IBAN, card and phone (and
# every category checked), the JSON output never holds a planted value, and
# the facts data categories and ENISA categories are named.
. "$E2E_LIB"

ok "$PY" "$TOP/bench/gen-leak.py" --out gen --records 1500 --seed 7
for f in csv.csv:csv tsv.tsv:csv jsonl.jsonl:jsonl sql.sql:sql \
    combo.txt:combolist stealer.txt:stealer_log text.txt:text json.json:json; do
	file=${f%%:*}
	want=${f##*:}
	bk scan --json "gen/$file"
	expect_eq "$file format" "$(jget 'd["files"][0]["format"]')" "$want"
	expect_eq "$file status" "$(jget 'd["files"][0]["status"]')" complete
	expect_eq "$file partial" "$(jget 'd["partial"]')" false
	# no planted value leaks into the output
	"$PY" - "gen/${file%%.*}.labels" "$LAST_OUT" <<'PYEOF' || fail "a value leaked into the output of $file"
import sys
out = open(sys.argv[2], encoding="utf-8").read()
for line in open(sys.argv[1], encoding="utf-8"):
    _, cat, v = line.rstrip("\n").split("\t")
    if cat in ("email", "iban", "payment_card", "phone", "password",
               "password_hash", "tax_id") and v in out:
        print("leaked", cat); sys.exit(1)
PYEOF
	bk scan --eval "gen/${file%%.*}.labels" --json "gen/$file"
	"$PY" - "$LAST_OUT" <<'PYEOF' || fail "precision/recall below goal for $file"
import json, sys
d = json.load(open(sys.argv[1]))
bad = [(c, v) for c, v in d.items()
       if v["precision"] < 0.995 or v["recall"] < 0.995]
if bad or not d:
    print(bad); sys.exit(1)
PYEOF
done

bk scan --json gen/csv.csv
expect_eq "data category of iban" \
    "$(jget '[c["data_category"] for c in d["categories"] if c["category"]=="iban"][0]')" \
    bank_account
expect_eq "enisa of iban" \
    "$(jget '[c["enisa"] for c in d["categories"] if c["category"]=="iban"][0]')" \
    financial
expect_eq "health is sensitive" \
    "$(jget '[c["enisa"] for c in d["categories"] if c["category"]=="health"][0]')" \
    sensitive
expect_eq "columns of email" \
    "$(jget '[c["columns"] for c in d["categories"] if c["category"]=="email"][0]')" \
    '["email"]'
expect_eq "distinct is an estimate" \
    "$(jget '[c["distinct"]["estimate"] for c in d["categories"]][0]')" true

# the human table
bk scan gen/combo.txt
expect_stdout_contains "combolist"
expect_stdout_contains "DISTINCT(est.)"
expect_stdout_contains "password"
