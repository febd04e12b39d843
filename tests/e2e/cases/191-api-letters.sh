# The API's letters dry run: a CSV list of people as the raw body
# (text/csv); every row is rendered and checked, nothing is written, sent
# or recorded; the answer names rows, ids and problems but never a name
# or an address.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
people people.csv 4
printf 'p-bad,Nobody Example,not-an-address,de,contact\n' >>people.csv
add_user dpo1 dpo
add_user ed1 editor
TOKEN=$(api_token dpo1)
ETOKEN=$(api_token ed1)
before=$(snapshot)
serve_start
http POST /api/v1/incidents/BK-2024-0001/letters/dry-run \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
    --data-binary @people.csv
expect_status 200
expect_eq "summary" "$(jget '[d["summary"][k] for k in ("rows","invalid","would")]')" \
    '[5,1,4]'
expect_eq "bad row" "$(jget '[i["row"] for i in d["items"] if i["id"]=="p-bad"]')" '[6]'
grep -q 'example.invalid' "$LAST_OUT" && fail "an address in the answer"
grep -q 'Müller\|Doe' "$LAST_OUT" && fail "a name in the answer"
http POST /api/v1/incidents/BK-2024-0001/letters/dry-run \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/plain' \
    --data-binary @people.csv
expect_status 415
http POST /api/v1/incidents/BK-2024-0001/letters/dry-run \
    -H "Authorization: Bearer $ETOKEN" -H 'Content-Type: text/csv' \
    --data-binary @people.csv
expect_status 403
serve_stop
grep -q 'example.invalid\|Müller' serve.err serve.out && fail "personal data in the server's output"
expect_unchanged "$before"
