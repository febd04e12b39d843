# match by customer number: the scanner finds customer numbers only in
# columns and keys named for them (Kundennummer, kd_nr, customerId, ...),
# normalises them as `subjects import` does (case, blanks) and match finds
# the subjects by them: a leak CSV without any e-mail address, then JSON
# Lines.  The same number in another column (an order number) is not a
# customer number and matches nobody; `scan` reports the category with
# masked samples, and no number reaches the register in plain text.
. "$E2E_LIB"
init_register
facts f.json "Customer numbers offered for sale" 2024-04-30T09:00:00Z 2024-04-30T08:00:00Z
expect_eq "incident" "$(new_incident f.json)" BK-2024-0001
printf '%s\n' 'id,email,customer_no' \
    'S-1,erika@example.invalid,K-10042' \
    'S-2,,10043' \
    'S-3,,k 777' \
    'S-4,,555' > subjects.csv
bk subjects import subjects.csv
# no e-mail at all; the customer number in another case and with blanks;
# S-4's number only as an order number
printf '%s\n' 'Name;Kundennummer;Bestellnr;Ort' \
    'Erika Beispiel;k-10042;555;Berlin' \
    'Max Beispiel; 10043 ;556;Hamburg' \
    'Fremd Beispiel;99999;555;Köln' > leak.csv
bk scan --json leak.csv
expect_eq "category" "$(jget '[c for c in d["categories"] if c["category"] == "customer_no"][0]["values"]')" 3
expect_eq "columns" "$(jget '[c for c in d["categories"] if c["category"] == "customer_no"][0]["columns"]')" '["Kundennummer"]'
expect_eq "data category" "$(jget '[c for c in d["categories"] if c["category"] == "customer_no"][0]["data_category"]')" identity
expect_eq "enisa" "$(jget '[c for c in d["categories"] if c["category"] == "customer_no"][0]["enisa"]')" simple
expect_stdout_lacks "10042"
expect_stdout_lacks "10043"
bk match --incident BK-2024-0001 --list leak.csv
expect_stdout_contains "3 identifiers in the leak, 2 matched our subjects, 1 did not"
expect_stdout_contains "2 of 4 indexed subjects affected"
expect_stdout_contains 'S-1	by ["customer_no"]	found ["name","customer_no"]'
expect_stdout_contains 'S-2	by ["customer_no"]'
expect_stdout_lacks "S-3"
expect_stdout_lacks "S-4"
bk incident show BK-2024-0001 --json
expect_eq "count" "$(jget 'd["facts"]["subjects"]["count"]')" 2
expect_verify_ok
grep -aq 'K-10042\|10043' "$BREACHKIT_DB"* && fail "a customer number reached the register"
# JSON Lines: nested keys, a number as a JSON number, kd_nr; customer_email
# and iban keys hold no customer numbers
printf '%s\n' \
    '{"kunde":{"kd_nr":"K777","customer_email":"fremd@example.invalid"}}' \
    '{"customerId":10043,"iban":"DE89370400440532013000"}' \
    '{"order":{"id":555,"customer_name":"Max 555"}}' > leak.jsonl
bk match --incident BK-2024-0001 --json leak.jsonl
expect_eq "this run" "$(jget 'd["match"]["affected"]')" 2
expect_eq "ids" "$(jget '[a["id"] for a in d["affected"]]')" '["S-2","S-3"]'
expect_eq "by" "$(jget 'd["affected"][1]["by"]')" '["customer_no"]'
expect_eq "total" "$(jget 'd["match"]["affected_total"]')" 3
expect_eq "scan" "$(jget '[c["category"] for c in d["scan"]["categories"]]')" '["email","customer_no","iban"]'
bk incident show BK-2024-0001 --json
expect_eq "count" "$(jget 'd["facts"]["subjects"]["count"]')" 3
expect_verify_ok
