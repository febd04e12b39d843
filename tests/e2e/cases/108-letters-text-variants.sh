# Texts in the letter's language: the incident's description and measures
# were entered in German.  A dry run marks the English letters that would
# quote them as entered; once the facts say the texts are German
# (texts.lang) the German letters are no longer marked; with English
# variants the English letters quote those and nothing is marked.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
people people.csv 2	# p-0001 German, p-0002 English

bk letters BK-2024-0001 --subjects people.csv --out d --dry-run --json
expect_eq "en marked" "$(jget 'd["letters"][1]["detail"]')" \
    "d/$(jget 'd["letters"][1]["message_id"]' | sed 's/^letter\.//; s/@.*//').eml; quotes as entered (no English text): description [texts.description_en], measures.taken [texts.measures_taken_en], measures.planned [texts.measures_planned_en]"
jget 'd["letters"][0]["detail"]' | grep -q "quotes as entered (no German text)" ||
    fail "the German letter is not marked while texts.lang is unknown"
bk letters BK-2024-0001 --subjects people.csv --mbox m.mbox --dry-run --json
expect_eq "mbox en" "$(jget 'd["letters"][1]["detail"]')" \
    "quotes as entered (no English text): description [texts.description_en], measures.taken [texts.measures_taken_en], measures.planned [texts.measures_planned_en]"
[ ! -e m.mbox ] && [ ! -e d ] || fail "the dry run wrote something"

printf '{"texts": {"lang": "de"}}' >p1.json
bk incident edit BK-2024-0001 --from p1.json
bk letters BK-2024-0001 --subjects people.csv --mbox m.mbox --dry-run --json
expect_eq "de not marked" "$(jget 'd["letters"][0]["detail"]')" null
jget 'd["letters"][1]["detail"]' | grep -q "no English text" || fail "the English letter is not marked"

cat >p2.json <<'JSON'
{"texts": {"description_en": "Unknown persons copied customer data through a security gap in the web shop.",
           "measures_taken_en": "We closed the gap and reset all passwords.",
           "measures_planned_en": "An external security audit."}}
JSON
bk incident edit BK-2024-0001 --from p2.json
bk letters BK-2024-0001 --subjects people.csv --mbox m.mbox --dry-run --json
expect_eq "nothing marked" "$(jget '[x["detail"] for x in d["letters"]]')" "[null,null]"
bk letters BK-2024-0001 --subjects people.csv --out d
"$PY" - d <<'PYEOF' || fail "the letters do not quote the text of their language"
import email, glob, sys
from email import policy
for path in glob.glob(sys.argv[1] + "/*.eml"):
    m = email.message_from_bytes(open(path, "rb").read(), policy=policy.default)
    body = m.get_content()
    if m["Content-Language"] == "en":
        assert "Unknown persons copied customer data" in body, path
        assert "We closed the gap and reset all passwords." in body, path
        assert "Sicherheitslücke" not in body, path
    else:
        assert "Unbekannte haben über eine Sicherheitslücke" in body, path
        assert "Unknown persons" not in body, path
PYEOF
# A bad variant is refused like any text, naming the field.
printf '{"texts": {"description_en": 5}}' >bad.json
expect_exit 2 "$BK" incident edit BK-2024-0001 --from bad.json
expect_stderr_contains "texts.description_en"
printf '{"texts": {"lang": "fr"}}' >bad2.json
expect_exit 2 "$BK" incident edit BK-2024-0001 --from bad2.json
expect_stderr_contains "texts.lang"
# The public notice picks the variant of its language too.
bk settings set dpo_address "Musterstraße 1, 40210 Düsseldorf"
bk notice BK-2024-0001 --lang en
expect_stdout_contains "Unknown persons copied customer data"
expect_stdout_lacks "Sicherheitslücke im Online-Shop"
bk notice BK-2024-0001 --lang de
expect_stdout_contains "Unbekannte haben über eine Sicherheitslücke"
