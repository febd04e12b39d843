# notify: fields the authority requires but the register lacks are listed
# (label, key and where to record them) before anything is generated;
# exit 2.  An explicit "unknown" fact is stated where the authority
# accepts it.  Unknown authorities and bad authority files are refused
# with the field path; a corrected file is used without a new build.
. "$E2E_LIB"
. "$TOP/tests/e2e/notify.sh"

init_register --prefix BK
bk settings unset org_name
facts f.json "Fiktiver Vorfall" 2024-04-30T07:00:00Z
ref=$(new_incident f.json)

expect_exit 2 "$BK" notify "$ref" --authority nrw --format pdf --out x.pdf
[ ! -e x.pdf ] || fail "a PDF was written"
expect_stderr_contains "nothing generated"
expect_stderr_contains "LDI NRW requires:"
for want in "Name des Verantwortlichen [controller.name]: record setting org_name" \
    "[controller.address]" "[dpo.name]" "[dpo.email]" \
    "[measures.taken]: record facts measures.taken" "[risk.level]" \
    ; do
	expect_stderr_contains "$want"
done
# Known-unknown facts are stated, so they are not missing.
err | grep -q "subjects.count" && fail "an unknown count is allowed (stated as unknown)"
expect_exit 2 "$BK" notify "$ref" --authority en --format json
expect_eq "missing keys" "$(jget '[m["key"] for m in d["missing"]]')" \
    '["controller.name","controller.address","dpo.name","dpo.email","risk.level","measures.taken"]'
expect_stderr_contains "Supervisory authority requires:"

# Unknown awareness is not accepted as an answer (the 72-hour anchor).
facts g.json "Ohne Kenntnisnahme"
ref2=$(new_incident g.json)
expect_exit 2 "$BK" notify "$ref2" --authority by
expect_stderr_contains "[timeline.aware_at]"

expect_exit 2 "$BK" notify "$ref" --authority xx
expect_stderr_contains "no authority \"xx\": the built-in ones are nrw, by, bw, bfdi, en"
expect_exit 2 "$BK" notify "$ref"
expect_stderr_contains "settings set authority"
expect_exit 2 "$BK" notify "$ref" --authority en --format docx
expect_stderr_contains "--format must be"
expect_exit 1 "$BK" notify BK-2024-0099 --authority en
expect_stderr_contains 'no incident "BK-2024-0099"'

# A bad authority file: clear error with the field path.
"$PY" - "$TOP/authorities/nrw.json" bad.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["sections"][1]["fields"][2]["key"] = "controller.fax"
del d["sections"][0]["fields"][1]["label"]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
expect_exit 2 "$BK" notify "$ref" --authority nrw --authority-file bad.json
expect_stderr_contains "sections[1].fields[2].key"
expect_stderr_contains '"controller.fax" is not a field of the catalogue'
expect_stderr_contains "sections[0].fields[1].label: required"
printf '{"code": ' > broken.json
expect_exit 2 "$BK" notify "$ref" --authority nrw --authority-file broken.json
expect_stderr_contains "(json)"

# A corrected copy: new label and an optional field made required.
"$PY" - "$TOP/authorities/nrw.json" fixed.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for s in d["sections"]:
    for f in s["fields"]:
        if f["key"] == "controller.name":
            f["label"] = "Name der verantwortlichen Stelle (korrigiert)"
        if f["key"] == "dpo.phone":
            f["required"] = True
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
expect_exit 2 "$BK" notify "$ref" --authority nrw --authority-file fixed.json
expect_stderr_contains "Name der verantwortlichen Stelle (korrigiert) [controller.name]"
expect_stderr_contains "[dpo.phone]"
expect_exit 2 "$BK" notify "$ref" --authority by --authority-file fixed.json
expect_stderr_contains 'describes authority "nrw", not "by"'
