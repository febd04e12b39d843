# decide subjects no --exception c (disproportionate effort) creates the
# Art. 34(3)(c) public-notice obligation instead of individual letters;
# exceptions a and b create none; an exception with "yes" is invalid.
. "$E2E_LIB"

init_register
facts f.json "Public notice test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
expect_invalid "exception" "Art. 34(3)" "$BK" decide "$ref" subjects yes --exception c --rationale x
expect_exit 2 "$BK" decide "$ref" subjects no --exception d --rationale x

bk decide "$ref" subjects no --exception c --rationale "No contact details for 80,000 people (test)"
bk obligations "$ref" --json
expect_eq "recipients" "$(jget '[o["recipient"] for o in d]')" '["authority","public"]'
expect_eq "article" "$(jget 'd[1]["article"]')" "Art. 34(3)(c) GDPR"
expect_eq "due" "$(utc "$(jget 'd[1]["due_at"]')")" 2024-05-02T10:00:00Z
bk incident show "$ref" --json
expect_eq "exception" "$(jget 'd["decisions"][0]["exception"]')" c

facts g.json "Exception a test" 2024-05-01T08:00:00Z
ref2=$(new_incident g.json)
bk decide "$ref2" subjects no --exception a --rationale "Encrypted with a safe key (test)"
bk obligations "$ref2" --json
expect_eq "no public notice" "$(jget '[o["recipient"] for o in d]')" '["authority"]'
expect_verify_ok
