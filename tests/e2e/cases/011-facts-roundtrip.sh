# The facts object round-trips: show --json .facts -> new --from ->
# show --json .facts gives the same object.
. "$E2E_LIB"

init_register
cat >f.json <<'JSON'
{
  "title": "Round trip: test portal exposure",
  "description": "Synthetic: a misconfigured test portal exposed records.",
  "role": "joint_controller",
  "sectors": ["online_service"],
  "reporter": {"name": "Quill Testperson", "email": "quill@example.invalid"},
  "timeline": {"discovered_at": "2024-04-29T08:15:00+02:00",
               "aware_at": "2024-04-29T16:00:00Z",
               "occurred_from": "2024-04-01T00:00:00Z",
               "ongoing": false, "discovery": "third_party"},
  "nature": {"confidentiality": true, "integrity": false,
             "availability": null, "type": "unauthorised_access"},
  "cause": {"intent": "malicious", "origin": "external", "attack": "unknown"},
  "data": {"categories": ["contact", "health"], "identifiers": ["name", "email"]},
  "subjects": {"categories": ["customers"], "count": 1234,
               "count_is_estimate": true, "countries": ["DE", "AT"]},
  "protection": {"encryption": "none", "restore_time": "PT4H"},
  "exposure": {"exfiltrated": null, "recipients": "unknown"},
  "consequences": {"likely": ["discrimination"], "text": "Fictional."},
  "measures": {"taken": "Portal taken offline.", "law_enforcement_delay": false},
  "jurisdiction": {"eea_establishment": true, "member_states": ["DE", "AT"]},
  "processors": ["Example Hosting Ltd (fictional)"],
  "regimes": ["gdpr"]
}
JSON
ref1=$(new_incident f.json)
bk incident show "$ref1" --json
jget 'd["facts"]' >facts1.json
ref2=$(new_incident facts1.json)
[ "$ref1" != "$ref2" ] || fail "same reference twice"
bk incident show "$ref2" --json
jget 'd["facts"]' >facts2.json
cmp -s facts1.json facts2.json || fail "facts differ after the round trip: $(diff facts1.json facts2.json)"

# What went in is what comes out (times compared as instants).
expect_eq "count" "$(jget 'd["facts"]["subjects"]["count"]')" 1234
expect_eq "integrity false" "$(jget 'd["facts"]["nature"]["integrity"]')" false
expect_eq "availability unknown" "$(jget '"availability" in d["facts"]["nature"]')" false
expect_eq "aware_at" "$(utc "$(jget 'd["facts"]["timeline"]["aware_at"]')")" 2024-04-29T16:00:00Z
expect_eq "discovered_at" "$(utc "$(jget 'd["facts"]["timeline"]["discovered_at"]')")" 2024-04-29T06:15:00Z
expect_eq "categories" "$(jget 'd["facts"]["data"]["categories"]')" '["contact","health"]'
expect_eq "restore_time" "$(jget 'd["facts"]["protection"]["restore_time"]')" PT4H
