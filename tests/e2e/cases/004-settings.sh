# settings: known keys only, each validated before anything is stored;
# the demo register carries a complete fictional organisation.
. "$E2E_LIB"

init_register
bk settings set dpo_email dpo@example.invalid
bk settings get dpo_email
expect_eq "stored" "$(out)" dpo@example.invalid
expect_exit 2 "$BK" settings set dpo_email "not an address"
expect_stderr_contains "dpo_email: not an e-mail address"
bk settings get dpo_email
expect_eq "unchanged" "$(out)" dpo@example.invalid
expect_exit 2 "$BK" settings set colour blue
expect_stderr_contains 'no setting "colour"'
expect_exit 2 "$BK" settings set timezone Mars/Olympus
expect_exit 2 "$BK" settings set authority xx
expect_exit 2 "$BK" settings set org_name "$(printf 'a\nb')"
bk settings set ref_prefix ACME
facts "$PWD/a.json" "After the prefix change" 2024-05-01T08:00:00Z
expect_eq "new prefix" "$(new_incident "$PWD/a.json")" ACME-2024-0001
bk settings unset dpo_email
expect_exit 1 "$BK" settings get dpo_email
bk settings --json
expect_eq "keys" "$(jget '[s["key"] for s in d][:3]')" '["org_name","org_address","org_website"]'
rm -f "$BREACHKIT_DB" "$BREACHKIT_DB-access"
bk init --demo
bk settings --json
expect_eq "demo complete" "$(jget 'all(s["value"] for s in d if s["key"].startswith(("org_","dpo_")))')" true
expect_verify_ok
