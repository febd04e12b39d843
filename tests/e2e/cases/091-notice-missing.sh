# notice: settings a document needs and the register lacks are listed
# (exit 2) before anything is written; the notice to the controller is
# only for incidents where we are the processor; bad options are usage
# errors.
. "$E2E_LIB"
. "$TOP/tests/e2e/notice.sh"

init_register
notice_facts c.json controller
ref=$(new_incident c.json)
expect_exit 2 "$BK" notice "$ref"
expect_stderr_contains "missing settings: org_address, org_website, org_channels, dpo_name, dpo_email, dpo_phone, dpo_address"
[ ! -s "$LAST_OUT" ] || fail "output despite missing settings"
expect_exit 2 "$BK" notice "$ref" --out n.txt
[ ! -e n.txt ] || fail "file written despite missing settings"
# The register entry needs only the organisation's name (set by init).
bk notice "$ref" --kind register
expect_stdout_contains "Verantwortlicher: Example Organisation"
notice_register_rest() {
	bk settings set org_address "Musterstraße 1, 12345 Musterstadt"
	bk settings set org_website "https://www.example.invalid"
	bk settings set org_channels "E-Mails von service@example.invalid"
	bk settings set dpo_name "Dr. Erika Mustermann (fiktiv)"
	bk settings set dpo_email "datenschutz@example.invalid"
	bk settings set dpo_phone "+49 30 123456-0"
}
notice_register_rest
expect_exit 2 "$BK" notice "$ref" --lang en
expect_stderr_contains "missing settings: dpo_address"
bk settings set dpo_address "Musterstraße 1, 12345 Musterstadt"
bk notice "$ref" --lang en
expect_stdout_contains "What can you do?"
expect_exit 2 "$BK" notice "$ref" --kind controller
expect_stderr_contains "is for incidents where we are the processor (role is controller)"
expect_exit 2 "$BK" notice "$ref" --kind letter
expect_exit 2 "$BK" notice "$ref" --lang fr
expect_exit 2 "$BK" notice "$ref" --format pdf
expect_exit 2 "$BK" notice "$ref" --kind register --format html
expect_exit 2 "$BK" notice
expect_exit 1 "$BK" notice BK-2024-0099
