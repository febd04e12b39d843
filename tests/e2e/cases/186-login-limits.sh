# Security: logins.  Five failed logins in a row lock the account (the
# right password then gets 403 "locked") until `breachkit user set NAME
# --unlock`; a wrong name and a wrong password get the same answer; more
# than ten attempts a minute from one address get 429, even with the
# right password, through the API and the login form alike.
. "$E2E_LIB"

init_register
add_user dpo1 dpo
serve_start
J='Content-Type: application/json'
try() {	# try NAME PASSWORD: POST /api/v1/session
	http POST /api/v1/session -H "$J" \
	    --data-binary "{\"name\":\"$1\",\"password\":\"$2\"}"
}
try nobody wrong-password-1
expect_status 401
msg_name=$(jget 'd["error"]["message"]')
for i in 1 2 3 4 5; do
	try dpo1 "wrong-password-$i"
	expect_status 401
done
expect_eq "same answer" "$(jget 'd["error"]["message"]')" "$msg_name"
try dpo1 dpo1-password-1
expect_status 403
grep -q 'locked' "$LAST_OUT" || fail "403 does not say locked"
bk user list
bk user set dpo1 --unlock
try dpo1 dpo1-password-1
expect_status 200
grep -q '"csrf"' "$LAST_OUT" || fail "no session after unlock"
# Attempts so far from this address: 8.  Two more are allowed.
try dpo1 wrong-password-9
expect_status 401
try dpo1 dpo1-password-1
expect_status 200
try dpo1 dpo1-password-1
expect_status 429
grep -q 'too many' "$LAST_OUT" || fail "429 does not say why"
http GET /login
PRE=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$LAST_OUT")
[ -n "$PRE" ] || fail "no pre-session token"
http POST /login -b "breachkit_pre=$PRE" --data-urlencode "csrf=$PRE" \
    --data-urlencode "name=dpo1" --data-urlencode "password=dpo1-password-1"
expect_status 429
serve_stop
