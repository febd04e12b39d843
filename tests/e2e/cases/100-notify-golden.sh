# notify: the notification of a complete fictional incident for each
# authority (nrw, by, bw, bfdi, en) and format (text, md, html, json) is
# byte-identical to its golden file; the text form is one block per field
# (label line, value, blank line) in the authority's section order.
. "$E2E_LIB"
. "$TOP/tests/e2e/notify.sh"

notify_register
notify_facts f.json
ref=$(new_incident f.json)
bk assess "$ref"
bk decide "$ref" authority yes --rationale "Bankverbindungsdaten (fiktiv)."
bk decide "$ref" subjects yes --rationale "Kontodaten: Betroffene warnen."

for a in nrw by bw bfdi en; do
	for f in text md html json; do
		bk notify "$ref" --authority "$a" --format "$f"
		expect_stderr_empty
		golden "100-$a.$f"
	done
done

# The JSON keys are stable and the sections follow the file's order.
bk notify "$ref" --authority en --format json
expect_eq "keys" "$(jget 'list(d.keys())')" \
    '["authority","authority_name","language","phase","incident","generated_at","labels_verified","notes","sections","missing"]'
expect_eq "first field" "$(jget 'd["sections"][0]["fields"][0]["key"]')" notification.type
expect_eq "missing" "$(jget 'd["missing"]')" "[]"
"$PY" - "$LAST_OUT" "$TOP/authorities/en.json" <<'PY' || fail "order differs from authorities/en.json"
import json, sys
doc = json.load(open(sys.argv[1]))
auth = json.load(open(sys.argv[2]))
order = [f["key"] for s in auth["sections"] for f in s["fields"]]
got = [f["key"] for s in doc["sections"] for f in s["fields"]]
assert got == [k for k in order if k in got], got
assert [s["title"] for s in doc["sections"]] == [s["title"] for s in auth["sections"] if any(f["key"] in got for f in s["fields"])]
PY

# Text blocks: every form label of the file is followed by its value and
# a blank line; no block is blank.
bk notify "$ref" --authority nrw --format text
"$PY" - "$LAST_OUT" "$TOP/authorities/nrw.json" <<'PY' || fail "text blocks"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
auth = json.load(open(sys.argv[2], encoding="utf-8"))
labels = {f["label"] for s in auth["sections"] for f in s["fields"]}
seen = 0
for i, l in enumerate(lines):
    if l in labels:
        seen += 1
        assert lines[i + 1].strip(), ("blank value after", l)
assert seen >= 30, seen
PY
expect_stdout_contains "Rechnungsliste an falschen Empfänger versandt"
expect_stdout_contains "Bankverbindungsdaten"
# Defaults: the authority setting and the text format.
bk settings set authority bw
bk notify "$ref"
expect_stdout_contains "Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg"
expect_stdout_contains "Zahl der betroffenen Personen (geschätzte Obergrenze)"
