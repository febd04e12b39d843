# The Art. 33(1) deadline is aware_at + 72 hours exactly (also across a
# daylight-saving change), never the record's creation time; without an
# awareness time there is no obligation yet, and recording it creates one.
. "$E2E_LIB"

init_register
# Created at 2024-05-01T10:00:00Z; aware about a day earlier.
facts f.json "Deadline test" 2024-04-30T07:15:30+02:00
ref=$(new_incident f.json)
bk obligations "$ref" --json
expect_eq "one obligation" "$(jget 'len(d)')" 1
expect_eq "recipient" "$(jget 'd[0]["recipient"]')" authority
expect_eq "article" "$(jget 'd[0]["article"]')" "Art. 33(1) GDPR"
expect_eq "anchor = awareness" "$(utc "$(jget 'd[0]["anchor_at"]')")" 2024-04-30T05:15:30Z
expect_eq "due = aware + 72h" "$(utc "$(jget 'd[0]["due_at"]')")" 2024-05-03T05:15:30Z
expect_eq "seconds left" "$(jget 'd[0]["seconds_left"]')" $((72 * 3600 - (10 * 3600 - 5 * 3600 - 15 * 60 - 30) - 86400))

# 72 hours are 72 hours even when the clocks change (Europe/Berlin,
# 2024-03-31): 12:00 CET + 72h = 13:00 CEST.
facts dst.json "DST test" 2024-03-29T12:00:00+01:00
ref2=$(new_incident dst.json)
bk obligations "$ref2" --json
expect_eq "due across DST" "$(utc "$(jget 'd[0]["due_at"]')")" 2024-04-01T11:00:00Z
expect_eq "shown in Berlin" "$(jget 'd[0]["due_at"]')" 2024-04-01T13:00:00+02:00

# No awareness yet: no clock.  Recording it starts the clock from it.
facts late.json "Not yet aware"
ref3=$(new_incident late.json)
bk obligations "$ref3" --json
expect_eq "no obligation" "$(jget 'len(d)')" 0
BREACHKIT_TEST_CLOCK=2024-05-02T10:00:00Z
export BREACHKIT_TEST_CLOCK
echo '{"timeline": {"discovered_at": "2024-05-01T20:00:00Z", "aware_at": "2024-05-02T09:00:00Z"}}' >p.json
bk incident edit "$ref3" --from p.json
bk obligations "$ref3" --json
expect_eq "created by the edit" "$(jget 'len(d)')" 1
expect_eq "due from awareness" "$(utc "$(jget 'd[0]["due_at"]')")" 2024-05-05T09:00:00Z
expect_verify_ok
