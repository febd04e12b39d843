# XSS: script and attribute-breaking payloads planted in every text the
# new pages render (incident title and description, facts texts, notes,
# close reasons, attachment names, filing references, draft fields
# (including invalid entries shown back), the public form) come back
# escaped on every page: the dashboard, the lists, the incident page,
# the wizard's steps and drafts, the error re-renders, the receipt.
. "$E2E_LIB"

P1='<script>alert(1)</script>'
P2='"><img src=x onerror=alert(1)>'
E1='&lt;script&gt;alert(1)&lt;/script&gt;'
E2='&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'

init_register
add_user dpo1 dpo
"$PY" - "$P1" "$P2" <<'PYEOF' >x.json
import json, sys
p1, p2 = sys.argv[1], sys.argv[2]
print(json.dumps({"title": p1, "description": p2, "role": "controller",
    "reporter": {"name": p2, "function": p1},
    "timeline": {"aware_at": "2024-04-26T08:00:00Z"},
    "nature": {"confidentiality": True},
    "data": {"categories": ["contact"], "text": p1},
    "measures": {"taken": p2},
    "jurisdiction": {"lead_authority": p2}}))
PYEOF
REF=$(new_incident x.json)
serve_start --public-intake
CSRF=$(login dpo1)

# clean WHAT: the last page has neither payload raw, and (with "both")
# shows both escaped.
clean() {
	grep -qF -- "$P1" "$LAST_OUT" && fail "$1: raw script payload"
	grep -qF -- '<img src=x' "$LAST_OUT" && fail "$1: raw img payload"
	if [ "${2:-}" = both ]; then
		grep -qF -- "$E1" "$LAST_OUT" || fail "$1: no escaped script payload"
		grep -qF -- "$E2" "$LAST_OUT" || fail "$1: no escaped img payload"
	fi
	return 0
}

http POST "/incidents/$REF/notes" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    --data-urlencode "text=$P1 $P2"
expect_status 303
http POST "/incidents/$REF/status" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d action=close --data-urlencode "reason=$P2"
expect_status 303
http POST "/incidents/$REF/status" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d action=reopen --data-urlencode "reason=$P1"
expect_status 303
NAME=$("$PY" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$P2")
http POST "/incidents/$REF/attachments?name=$NAME" -b jar-dpo1 \
    -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
    --data-binary 'x'
expect_status 201
bk incident show "$REF" --json
OB=$(jget '[o["id"] for o in d["obligations"] if o["recipient"] == "authority"][0]')
http POST "/incidents/$REF/filings" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
    -d "obligation=$OB" -d phase=initial -d filed_at=2024-05-01T11:00 \
    --data-urlencode "case_ref=$P1" --data-urlencode "delay_reason=$P2"
expect_status 303

http GET "/incidents/$REF" -b jar-dpo1
expect_status 200
clean "incident page" both
http GET / -b jar-dpo1
clean dashboard
grep -qF -- "$E1" "$LAST_OUT" || fail "dashboard: title not shown escaped"
http GET /incidents -b jar-dpo1
clean "incident list"
grep -qF -- "$E1" "$LAST_OUT" || fail "list: title not shown escaped"
http GET "/incidents?q=%3Cscript%3E" -b jar-dpo1
clean "search"

# The wizard: payloads in its texts, and in invalid entries shown back.
http POST /intake -b jar-dpo1 --data-urlencode "csrf=$CSRF"
D=$(sed -n 's/^[Ll]ocation: \/intake\/\([0-9]*\)?step=0\r$/\1/p' "$LAST_ERR")
[ -n "$D" ] || fail "no draft"
http POST "/intake/$D" -b jar-dpo1 --data-urlencode "csrf=$CSRF" -d step=0 \
    -d nav=save --data-urlencode "title=$P2" --data-urlencode "description=$P1" \
    --data-urlencode "reporter.name=$P1" --data-urlencode "reporter.email=$P2"
expect_status 303
http POST "/intake/$D" -b jar-dpo1 --data-urlencode "csrf=$CSRF" -d step=3 \
    -d nav=save --data-urlencode "data.text=$P2" \
    --data-urlencode "subjects.text=$P1"
expect_status 303
http POST "/intake/$D" -b jar-dpo1 --data-urlencode "csrf=$CSRF" -d step=6 \
    -d nav=save --data-urlencode "jurisdiction.lead_authority=$P1" \
    --data-urlencode "jurisdiction.competent_authority=$P2"
expect_status 303
for s in 0 1 2 3 4 5 6 7; do
	http GET "/intake/$D?step=$s" -b jar-dpo1
	expect_status 200
	case $s in 0 | 3 | 6 | 7) clean "wizard step $s" both ;; *) clean "wizard step $s" ;; esac
done
http GET /intake -b jar-dpo1
clean "drafts" 
grep -qF -- "$E2" "$LAST_OUT" || fail "drafts: title not escaped"
# Invalid entries come back as typed, escaped.
http POST "/intake/$D" -b jar-dpo1 --data-urlencode "csrf=$CSRF" -d step=1 \
    -d nav=next --data-urlencode "timeline.discovered_at=$P2" \
    --data-urlencode "timeline.aware_at=$P1"
expect_status 422
clean "wizard 422 times" both
http POST "/intake/$D" -b jar-dpo1 --data-urlencode "csrf=$CSRF" -d step=3 \
    -d nav=next --data-urlencode "subjects.count=$P1" \
    --data-urlencode "subjects.countries=$P2" --data-urlencode "data.categories=$P2"
expect_status 422
clean "wizard 422 counts"
grep -qF -- "$E1" "$LAST_OUT" || fail "wizard 422: count not shown escaped"
http POST "/intake/$D" -b jar-dpo1 --data-urlencode "csrf=$CSRF" -d step=4 \
    -d nav=next --data-urlencode "protection.restore_time=$P2" \
    --data-urlencode "protection.encryption=$P1"
expect_status 422
clean "wizard 422 protection"
grep -qF -- "$E2" "$LAST_OUT" || fail "wizard 422: duration not shown escaped"
http POST "/intake/$D" -b jar-dpo1 --data-urlencode "csrf=$CSRF" -d step=7 \
    -d nav=submit
expect_status 303
NEW=$(sed -n 's/^[Ll]ocation: \/incidents\/\(.*\)\r$/\1/p' "$LAST_ERR")
http GET "/incidents/$NEW" -b jar-dpo1
clean "wizard's incident" both

# The public form: invalid re-render and the receipt page.
curl -s -S -m 20 -c pjar -o form.html "$URL/report"
PRE=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' form.html)
http POST /report -b pjar -d "csrf=$PRE" --data-urlencode "title=$P2" \
    --data-urlencode "description=$P1" --data-urlencode "email=$P2" \
    --data-urlencode "noticed_at=$P1"
expect_status 422
clean "report 422" both
http POST /report -b pjar -d "csrf=$PRE" --data-urlencode "title=$P2" \
    --data-urlencode "description=$P1"
expect_status 201
clean "receipt"
http GET / -b jar-dpo1
clean "dashboard at the end"
serve_stop
