# Security: XSS payloads stored in every text field the pages render
# (incident title, description, notes, decision rationale, filing case
# reference, attachment names, settings, template source, regime names,
# token labels; account names are refused) come back escaped on every
# page: each GET page of the route table is fetched as an admin, plus
# error pages that echo the path or a query value.  The raw payload never
# appears; its escaped form does where the value is shown.
. "$E2E_LIB"

P='<script>alert(1)</script><img src=x onerror=alert(2)>"'"'"'</textarea>'
init_register
add_user admin1 admin
TOKEN=$(api_token admin1)
A="Authorization: Bearer $TOKEN"
J='Content-Type: application/json'
export P
/usr/bin/python3 - >x.json <<'PYEOF'
import json, os
p = os.environ["P"]
print(json.dumps({"title": "T " + p, "role": "controller",
    "description": "D " + p,
    "timeline": {"aware_at": "2024-05-01T08:00:00Z",
                 "discovered_at": "2024-05-01T08:00:00Z"},
    "nature": {"confidentiality": True}}))
PYEOF
REF=$(new_incident x.json)
jstr() { /usr/bin/python3 -c 'import json,os,sys; print(json.dumps(sys.argv[1] + os.environ["P"]))' "$1"; }
serve_start --public-intake
http POST "/api/v1/incidents/$REF/notes" -H "$A" -H "$J" \
    --data-binary "{\"text\":$(jstr 'N ')}"
expect_status 201
http POST "/api/v1/incidents/$REF/decisions" -H "$A" -H "$J" \
    --data-binary "{\"topic\":\"authority\",\"outcome\":true,\"rationale\":$(jstr 'R ')}"
expect_status 201
http POST "/api/v1/incidents/$REF/filings" -H "$A" -H "$J" \
    --data-binary "{\"recipient\":\"authority\",\"phase\":\"initial\",\"case_ref\":$(jstr 'C ')}"
expect_status 201
printf 'x' >f.bin
http POST "/api/v1/incidents/$REF/attachments?name=%3Cscript%3Ealert(3)%3C%2Fscript%3E.txt" \
    -H "$A" -H 'Content-Type: application/octet-stream' --data-binary @f.bin
expect_status 201
http PATCH /api/v1/settings -H "$A" -H "$J" --data-binary \
    "{\"org_name\":$(jstr 'O '),\"dpo_name\":$(jstr 'P '),\"org_channels\":$(jstr 'Ch ')}"
expect_status 200
http PUT /api/v1/templates/notice-text/de -H "$A" -H "$J" --data-binary \
    "{\"source\":$(jstr $'{{! type: text }}\nS ')}"
expect_status 200
/usr/bin/python3 - "$TOP/regimes/tkg.json" >reg.json <<'PYEOF'
import json, os, sys
d = json.load(open(sys.argv[1]))
d["id"] = "xss"
d["name"] = "G " + os.environ["P"]
print(json.dumps(d))
PYEOF
http POST /api/v1/regimes -H "$A" -H "$J" --data-binary @reg.json
expect_status 201
http POST /api/v1/tokens -H "$A" -H "$J" --data-binary \
    "{\"account\":\"admin1\",\"label\":$(jstr 'L ')}"
expect_status 201
# Account names are a-z0-9._- only: a payload is refused, not stored.
http POST /api/v1/users -H "$A" -H "$J" --data-binary \
    "{\"name\":$(jstr ''),\"role\":\"viewer\"}"
[ "$HTTP_STATUS" = 400 ] || [ "$HTTP_STATUS" = 422 ] ||
    fail "a payload account name got HTTP $HTTP_STATUS"

bk test-routes
grep '^GET ' "$LAST_OUT" | grep -E ' html(,|$)' | awk '{ print $2 }' >pages
[ "$(wc -l <pages)" -ge 10 ] || fail "too few pages: $(cat pages)"
CSRF=$(login admin1)
# A draft of the intake wizard, number 1 like the incident: {id} = 1
# fits both (the API and pages take an incident's number too).
http POST /intake -b jar-admin1 --data-urlencode "csrf=$CSRF"
expect_status 303
tr -d '\r' <"$LAST_ERR" | grep -qix 'location: /intake/1?step=0' ||
    fail "the draft is not number 1"
for lang in de en; do
	while read -r pat; do
		p=$(echo "$pat" | sed "s|{id}|1|; s|{kind}|notice-text|;
		    s|{lang}|de|; s|{rid}|xss|; s|{name}|admin1|; s|{tid}|1|;
		    s|{file}|app.css|; s|{aid}|1|")
		case $p in *'{'*) fail "no value for a parameter of $pat" ;; esac
		http GET "$p" -b jar-admin1 -H "Accept-Language: $lang" \
		    -b "breachkit_lang=$lang"
		case $HTTP_STATUS in 200|303) ;; *) fail "$p: HTTP $HTTP_STATUS" ;; esac
		# Downloads (the CSV register) are not pages.
		grep -qi '^content-type: text/html' "$LAST_ERR" || continue
		grep -qF '<script>alert' "$LAST_OUT" && fail "$p: raw <script>"
		grep -qF '<img src=x' "$LAST_OUT" && fail "$p: raw <img>"
		grep -qF '</textarea>' "$LAST_OUT" &&
		    [ "$(grep -o '</textarea>' "$LAST_OUT" | wc -l)" -gt \
		      "$(grep -o '<textarea' "$LAST_OUT" | wc -l)" ] &&
		    fail "$p: a textarea closed early"
		echo "$p" >>checked
	done <pages
done
# Where the values are shown, they are shown escaped.
esc='&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&lt;/textarea&gt;'
shown() {	# shown PATH PREFIX
	http GET "$1" -b jar-admin1
	grep -qF -- "$2$esc" "$LAST_OUT" || fail "$1: \"$2\" not shown escaped"
}
shown "/incidents/$REF" "T "
shown /incidents "T "
shown /settings "O "
shown /settings "Ch "
shown /settings/templates/notice-text/de "S "
shown /settings/regimes "G "
shown /settings/regimes/xss "G "
shown /settings/tokens "L "
# Error pages echo what they were given escaped.
http GET "/settings/templates/%3Cscript%3Ealert(1)%3C%2Fscript%3E/de" -b jar-admin1
expect_status 404
grep -qF '<script>alert' "$LAST_OUT" && fail "404 page: raw <script>"
# The language switch redirects only to a path of ours; following it
# shows the path escaped; a CR/LF cannot add a header.
http GET "/lang?to=en&next=/%22%3E%3Cscript%3Ealert(1)%3C/script%3E" -b jar-admin1
expect_status 303
grep -qi '^location: /"><script>' "$LAST_ERR" || fail "lang: unexpected redirect"
http GET "/%22%3E%3Cscript%3Ealert(1)%3C/script%3E" -b jar-admin1
expect_status 404
grep -qF '<script>alert' "$LAST_OUT" && fail "404 page: raw <script>"
http GET "/lang?to=en&next=//evil.example.invalid/" -b jar-admin1
tr -d '\r' <"$LAST_ERR" | grep -qix 'location: /' || fail "lang: redirect off the site"
http GET "/lang?to=en&next=/%0d%0aSet-Cookie:%20evil=1" -b jar-admin1
grep -qi '^set-cookie: evil' "$LAST_ERR" && fail "lang: header injection"
http GET "/incidents?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E" -b jar-admin1
grep -qF '<script>alert' "$LAST_OUT" && fail "search page: raw <script>"
serve_stop
[ "$(wc -l <checked)" -ge 20 ] || fail "too few pages checked"
