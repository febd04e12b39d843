# breachkit serve: the fast read paths of the API (bench/http.sh) give the
# same documents as the general ones.  GET /api/v1/incidents/{id} copies
# the stored facts (times converted to the register's zone) instead of
# parsing them: byte for byte what ?history=1 gives less its history, also
# for odd texts and for a facts row not in the stored form (parsed then).
# Every read is recorded before its reply, also under concurrent load.
# The list pages by id (keyset, newest first): walking next_before visits
# every incident once, and a deep page starts where it should.
. "$E2E_LIB"

init_register
add_user view1 viewer
TOKEN=$(api_token view1)
[ -n "$TOKEN" ] || fail "no token printed"
AUTH="Authorization: Bearer $TOKEN"
facts f.json 'Odd "quoted" title \ with é € 😀 and </script>' \
    2024-04-30T08:00:00Z 2024-04-29T22:15:00Z \
    '{"description": "Line one\nline two.", "subjects": {"count": 12,
      "count_is_estimate": true}, "processors": ["P \"one\""],
      "enisa": {"adjustments": [{"category": "simple", "factor": "volume",
      "delta": 1, "reason": "many"}]}}'
REF=$(new_incident f.json)
# A decision, a filing and an attachment: every part of the document.
bk decide "$REF" authority yes --rationale 'High "risk" (test)'
bk file "$REF" --to authority --phase initial --case-ref 'SA-1/"2"'
printf 'evidence\n' >ev.txt
bk attach "$REF" ev.txt
facts g.json "Second incident" 2024-05-01T08:00:00Z
for i in 1 2 3 4 5 6 7; do
	new_incident g.json >/dev/null
done
ID=$(sqlite3 "$BREACHKIT_DB" "SELECT id FROM incident WHERE ref = '$REF'")
serve_start

# same_doc A B: A (the fast path) is B less its history, byte for byte.
same_doc() {
	"$PY" - "$1" "$2" <<'PYEOF' || fail "the read paths differ"
import json, sys
a = open(sys.argv[1], "rb").read()
b = open(sys.argv[2], "rb").read()
i = b.rindex(b',"history":[')
if a != b[:i] + b"}":
    sys.exit("fast: %s\nslow: %s" % (a[:400], b[:400]))
d = json.loads(a)
assert d["facts"]["timeline"]["aware_at"].endswith("+02:00"), d["facts"]
PYEOF
}

for id in "$REF" "$ID"; do
	http GET "/api/v1/incidents/$id" -H "$AUTH"
	expect_status 200
	cp "$LAST_OUT" fast.json
	http GET "/api/v1/incidents/$id?history=1" -H "$AUTH"
	expect_status 200
	same_doc fast.json "$LAST_OUT"
done
expect_eq "title" "$(jget 'd["title"]' fast.json)" \
    'Odd "quoted" title \ with é € 😀 and </script>'
expect_eq "processors" "$(jget 'd["facts"]["processors"]' fast.json)" \
    '["P \"one\""]'
expect_eq "parts" "$(jget '[len(d["decisions"]), len(d["attachments"]),
    [o["status"] for o in d["obligations"]].count("filed")]' fast.json)" \
    "[1,1,1]"
http GET /api/v1/incidents/999 -H "$AUTH"
expect_status 404

# 40 reads from 8 clients at once: 40 recorded (plus the 4 above).
pids=
for c in 1 2 3 4 5 6 7 8; do
	(
		for k in 1 2 3 4 5; do
			curl -s -o /dev/null -w '%{http_code}\n' -H "$AUTH" \
			    "$URL/api/v1/incidents/$REF"
		done >"codes-$c"
	) &
	pids="$pids $!"
done
# shellcheck disable=SC2086 # one word per process
wait $pids
expect_eq "replies" "$(cat codes-* | sort | uniq -c | tr -s ' ')" " 40 200"
expect_eq "reads recorded" "$(sqlite3 "$BREACHKIT_DB-access" "SELECT count(*)
    FROM access WHERE incident_id = $ID AND what = 'api: incident'")" 44

# The list: pages of 3 by next_before, each incident once, newest first.
"$PY" - "$URL" "$TOKEN" <<'PYEOF' || fail "keyset pagination"
import json, sys, urllib.request
url, token = sys.argv[1], sys.argv[2]
def get(q):
    r = urllib.request.Request(url + "/api/v1/incidents" + q,
                               headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(r))
seen, q = [], "?limit=3"
while True:
    p = get(q)
    seen += [i["id"] for i in p["items"]]
    if p["next_before"] is None:
        break
    q = "?limit=3&before=%d" % p["next_before"]
assert seen == list(range(8, 0, -1)), seen
deep = get("?before=4")
assert [i["id"] for i in deep["items"]] == [3, 2, 1], deep
assert deep["next_before"] is None, deep
assert get("?before=1")["items"] == []
first = get("")["items"][-1]
assert first["title"].startswith('Odd "quoted"'), first
PYEOF

# A facts row in another form than this build stores (white space, keys
# in another order) is parsed, and reads the same.
http GET "/api/v1/incidents/$REF" -H "$AUTH"
cp "$LAST_OUT" before.json
serve_stop
"$PY" - "$BREACHKIT_DB" "$ID" <<'PYEOF' || fail "rewriting the facts row"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(facts,) = db.execute("SELECT facts FROM incident WHERE id = ?",
                      (sys.argv[2],)).fetchone()
d = json.loads(facts)
d = dict(reversed(list(d.items())))
db.execute("UPDATE incident SET facts = ? WHERE id = ?",
           (json.dumps(d, indent=1), sys.argv[2]))
db.commit()
PYEOF
serve_start
http GET "/api/v1/incidents/$REF" -H "$AUTH"
expect_status 200
cp "$LAST_OUT" after.json
cmp -s before.json after.json ||
    fail "a rewritten facts row reads differently: $(cat after.json)"
http GET "/api/v1/incidents/$REF?history=1" -H "$AUTH"
expect_status 200
same_doc after.json "$LAST_OUT"
serve_stop
