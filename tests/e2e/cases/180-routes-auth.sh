# Security: walk the whole route table (breachkit test-routes).  Every
# route that is not public refuses a request without a login (401 for the
# API, a redirect to /login for pages) and with a wrong token; every role
# that lacks the route's permission (docs/web.md) gets 403.
. "$E2E_LIB"

init_register
for r in admin dpo editor viewer reporter; do
	add_user "${r}1" "$r"
done
facts f.json "Route walk target" 2024-05-01T08:00:00Z
REF=$(new_incident f.json)
printf 'synthetic\n' >a.txt
bk attach "$REF" a.txt
printf '{' >tokens.json
sep=
for r in admin dpo editor viewer reporter; do
	t=$(api_token "${r}1")
	[ -n "$t" ] || fail "no token for $r"
	printf '%s"%s":"%s"' "$sep" "$r" "$t" >>tokens.json
	sep=,
done
printf '}' >>tokens.json
bk user tokens
cat >subst.json <<JSON
{"id":"$REF","aid":"1","kind":"notice-text","lang":"de","rid":"gdpr",
 "name":"viewer1","tid":"1","file":"app.css"}
JSON
bk test-routes
cp "$LAST_OUT" routes.txt
n=$(wc -l <routes.txt)
[ "$n" -ge 60 ] || fail "only $n routes listed"
grep -q '^GET /api/v1/users users ' routes.txt || fail "route table format"
serve_start --public-intake
run /usr/bin/python3 "$TOP/tests/e2e/websec.py" auth "$URL" routes.txt \
    tokens.json subst.json
cat "$LAST_OUT"
[ "$RC" -eq 0 ] || fail "route walk found problems"
grep -q " $n routes" "$LAST_OUT" || fail "not every route walked"
# The walk changed nothing: every request was refused.
serve_stop
bk incident show "$REF" --json
expect_eq "events" "$(jget 'len(d["history"])')" 3
