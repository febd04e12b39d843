# Authority files stored in the register: a DPO corrects a label once
# (authority show > file, edit, authority load) and notify --authority
# uses it from then on; a bad file is refused with the path of the
# problem and nothing is stored; a new code adds an authority (usable as
# the default setting); every version names who stored it; reset returns
# to the built-in file.
. "$E2E_LIB"
. "$TOP/tests/e2e/notify.sh"

notify_register
notify_facts f.json
ref=$(new_incident f.json)
bk assess "$ref"

bk authority list --json
expect_eq "built-ins" "$(jget '[(x["code"], x["source"], x["version"]) for x in d]')" \
    '[["nrw","built-in",0],["by","built-in",0],["bw","built-in",0],["bfdi","built-in",0],["en","built-in",0]]'
bk authority show nrw
cp "$LAST_OUT" nrw.json
cmp -s nrw.json "$TOP/authorities/nrw.json" || fail "show nrw is not the built-in file"

# A corrected label.
"$PY" - nrw.json <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for s in d["sections"]:
    for f in s["fields"]:
        if f["key"] == "controller.name":
            f["label"] = "Name der verantwortlichen Stelle (laut Formular 2026)"
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PYEOF
bk authority load nrw.json
expect_stdout_contains "nrw: version 1 stored"
bk notify "$ref" --authority nrw
expect_stdout_contains "Name der verantwortlichen Stelle (laut Formular 2026)"
bk authority show nrw
cmp -s "$LAST_OUT" nrw.json || fail "show does not give the stored file"

# A bad file: refused with the path, nothing stored.
sed 's/"controller.name"/"controller.fax"/' nrw.json >bad.json
before=$(sqlite3 "$BREACHKIT_DB" "SELECT count(*) FROM authority_file")
expect_exit 2 "$BK" authority load bad.json
expect_stderr_contains "bad.json"
expect_stderr_contains '"controller.fax" is not a field of the catalogue'
printf '{"code": "nrw"' >broken.json
expect_exit 2 "$BK" authority load broken.json
expect_stderr_contains "(json)"
expect_eq "nothing stored" "$(sqlite3 "$BREACHKIT_DB" "SELECT count(*) FROM authority_file")" "$before"
bk notify "$ref" --authority nrw
expect_stdout_contains "(laut Formular 2026)"

# A new authority (a code that is not built in).
"$PY" - nrw.json ni.json <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["code"] = "ni"
d["name"] = "Die Landesbeauftragte für den Datenschutz Niedersachsen"
d["short_name"] = "LfD NI"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PYEOF
expect_exit 2 "$BK" notify "$ref" --authority ni
expect_stderr_contains 'no authority "ni"'
expect_exit 2 "$BK" settings set authority ni
bk authority load ni.json
bk settings set authority ni
bk notify "$ref"
expect_stdout_contains "An: Die Landesbeauftragte für den Datenschutz Niedersachsen"
expect_exit 2 "$BK" settings set authority zz
expect_exit 2 "$BK" authority show 'NRW;'
expect_stderr_contains "1-16 of a-z"

# Versions and who stored them; back to the built-in file.
bk authority history nrw --json
expect_eq "history" "$(jget '[(x["version"], x["source"], x["actor"]) for x in d]')" '[[1,"register","tester"]]'
bk authority reset nrw
expect_stdout_contains "nrw: version 2, back to the built-in file"
bk notify "$ref" --authority nrw
expect_stdout_lacks "(laut Formular 2026)"
expect_stdout_contains "Name des Verantwortlichen"
expect_exit 1 "$BK" authority reset nrw
expect_stderr_contains "nothing to reset"
bk authority list
expect_stdout_contains "ni       register  v1"
expect_stdout_contains "nrw      built-in  v2"
bk authority history nrw --json
expect_eq "history" "$(jget '[(x["version"], x["source"]) for x in d]')" '[[1,"register"],[2,"built-in"]]'

# The API uses the stored file too.
add_user dpo1 dpo
TOKEN=$(api_token dpo1)
serve_start
http GET "/api/v1/incidents/$ref/notification?authority=ni&format=text" -H "Authorization: Bearer $TOKEN"
expect_status 200
expect_stdout_contains "An: Die Landesbeauftragte für den Datenschutz Niedersachsen"
