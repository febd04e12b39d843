# match --incident: the leak's e-mail addresses (any case, an IDN domain in
# Unicode or Punycode), phones (another notation) and IBANs are matched
# against the index; the affected subjects, how they were matched and the
# categories in their records are written to the incident as an event
# (hash-chained: verify passes), subjects.count is set and marked an
# estimate because the leak holds strangers.  A second leak adds to the
# list; a leak without our people leaves the count alone.
. "$E2E_LIB"
init_register
facts f.json "Customer table offered for sale" 2024-04-30T09:00:00Z 2024-04-30T08:00:00Z
expect_eq "incident" "$(new_incident f.json)" BK-2024-0001
printf '%s\n' 'id,email,phone,iban' \
    'S-1,erika@example.invalid,0151 98765432,' \
    'S-2,j@münchen.example,,' \
    'S-3,max@example.invalid,,DE89 3704 0044 0532 0130 00' \
    'S-4,untouched@example.invalid,,' > subjects.csv
bk subjects import subjects.csv
printf '%s\n' 'email,password,phone' \
    'ERIKA@Example.Invalid,hunter2hunter,' \
    'j@xn--mnchen-3ya.example,$2y$10$abcdefghijklmnopqrstuv0123456789ABCDEFGHIJKLMNOPQRSTU,' \
    'stranger@example.invalid,pw123456,+49 (0)151 98765432' > leak.csv
bk match --incident BK-2024-0001 --list leak.csv
expect_stdout_contains "4 identifiers in the leak, 3 matched our subjects, 1 did not"
expect_stdout_contains "2 of 4 indexed subjects affected"
expect_stdout_contains 'S-1	by ["email","phone"]'
expect_stdout_contains 'S-2	by ["email"]	found ["email","password_hash"]'
expect_stdout_lacks "S-3"
expect_stdout_lacks "erika@"
bk incident show BK-2024-0001 --json
expect_eq "count" "$(jget 'd["facts"]["subjects"]["count"]')" 2
expect_eq "estimate" "$(jget 'd["facts"]["subjects"]["count_is_estimate"]')" true
expect_eq "events" "$(jget '[e["kind"] for e in d["history"]][-3:]')" '["scan","affected","facts"]'
expect_verify_ok
# the event holds ids and categories, never identifiers
grep -aq 'erika@\|98765432' "$BREACHKIT_DB"* && fail "an identifier reached the register"
# a second leak with S-3 by IBAN: the list grows to 3
printf '%s\n' 'name;iban' 'Max;DE89370400440532013000' > leak2.csv
bk match --incident BK-2024-0001 --json leak2.csv
expect_eq "this run" "$(jget 'd["match"]["affected"]')" 1
expect_eq "total" "$(jget 'd["match"]["affected_total"]')" 3
expect_eq "by iban" "$(jget 'd["affected"][0]["by"]')" '["iban"]'
bk incident show BK-2024-0001 --json
expect_eq "count" "$(jget 'd["facts"]["subjects"]["count"]')" 3
expect_verify_ok
# errors: unknown incident, no --incident, a missing file
expect_exit 1 "$BK" match --incident BK-2024-0099 leak.csv
expect_stderr_contains 'no incident "BK-2024-0099"'
expect_exit 2 "$BK" match leak.csv
expect_stderr_contains "--incident ID is required"
expect_exit 1 "$BK" match --incident BK-2024-0001 nope.csv
expect_stderr_contains "nope.csv: cannot read"
