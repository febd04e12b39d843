# docs/openapi.json: served as it is at /api/v1/openapi.json; valid for a
# real OpenAPI validator (npm @apidevtools/swagger-parser, pinned in
# tests/openapi/package-lock.json); the route table and the document agree
# both ways; live responses of a sample of routes (successes and errors)
# match the schemas the document gives.
. "$E2E_LIB"

init_register
add_user admin1 admin
TOKEN=$(api_token admin1)
facts f.json "OpenAPI sample" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
bk test-routes
cp "$LAST_OUT" routes.txt
serve_start
http GET /api/v1/openapi.json
expect_status 200
cmp -s "$LAST_OUT" "$TOP/docs/openapi.json" || fail "served document differs"

# Live samples: METHOD PATTERN PATH [BODY]; the response is recorded.
/usr/bin/python3 - "$URL" "$TOKEN" "$REF" >samples.json <<'PYEOF' ||
import json, sys, urllib.request, urllib.error
url, tok, ref = sys.argv[1:4]
calls = [
    ("GET", "/api/v1/me", "/api/v1/me", None),
    ("GET", "/api/v1/incidents", "/api/v1/incidents?limit=5", None),
    ("GET", "/api/v1/incidents", "/api/v1/incidents?status=bogus", None),
    ("GET", "/api/v1/incidents/{id}", f"/api/v1/incidents/{ref}", None),
    ("GET", "/api/v1/incidents/{id}", "/api/v1/incidents/BK-1999-0009", None),
    ("POST", "/api/v1/incidents/{id}/notes", f"/api/v1/incidents/{ref}/notes", {"text": "sample"}),
    ("POST", "/api/v1/incidents/{id}/notes", f"/api/v1/incidents/{ref}/notes", {"txt": 1}),
    ("POST", "/api/v1/incidents/{id}/filings", f"/api/v1/incidents/{ref}/filings", {"recipient": "authority", "phase": "initial"}),
    ("GET", "/api/v1/incidents/{id}/history", f"/api/v1/incidents/{ref}/history", None),
    ("GET", "/api/v1/incidents/{id}/verify", f"/api/v1/incidents/{ref}/verify", None),
    ("GET", "/api/v1/verify", "/api/v1/verify", None),
    ("GET", "/api/v1/settings", "/api/v1/settings", None),
    ("PATCH", "/api/v1/settings", "/api/v1/settings", {"dpo_name": "Sample DPO"}),
    ("PATCH", "/api/v1/settings", "/api/v1/settings", {"dpo_email": "nope"}),
    ("GET", "/api/v1/templates", "/api/v1/templates", None),
    ("GET", "/api/v1/templates/{kind}/{lang}", "/api/v1/templates/notice-text/en", None),
    ("GET", "/api/v1/regimes", "/api/v1/regimes", None),
    ("GET", "/api/v1/users", "/api/v1/users", None),
    ("POST", "/api/v1/users", "/api/v1/users", {"name": "sample1", "role": "viewer"}),
    ("PATCH", "/api/v1/users/{name}", "/api/v1/users/sample1", {"disabled": True}),
    ("POST", "/api/v1/tokens", "/api/v1/tokens", {"account": "sample1", "label": "sample"}),
    ("GET", "/api/v1/tokens", "/api/v1/tokens", None),
    ("GET", "/api/v1/obligations", "/api/v1/obligations", None),
    ("GET", "/api/v1/export", "/api/v1/export?format=json", None),
]
out = []
for m, pat, path, body in calls:
    h = {"Authorization": "Bearer " + tok}
    data = None
    if body is not None:
        h["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    req = urllib.request.Request(url + path, method=m, data=data, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            st, ct, b = r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        st, ct, b = e.code, e.headers.get("Content-Type", ""), e.read()
    out.append({"method": m, "pattern": pat, "status": st, "ctype": ct,
                "body": b.decode("utf-8")})
# Both successes and errors are sampled.
assert {s["status"] for s in out} >= {200, 201, 400, 404, 422}, \
    sorted({s["status"] for s in out})
json.dump(out, sys.stdout)
PYEOF
    fail "collecting live samples failed"
serve_stop
run "$TOP/tests/openapi/run.sh" "$TOP/docs/openapi.json" routes.txt samples.json
cat "$LAST_OUT"
[ "$RC" -eq 0 ] || fail "the OpenAPI checks found problems"
grep -q '^openapi: [0-9]* checks, 0 problems' "$LAST_OUT" || fail "no summary"
