# SMTP with STARTTLS and a login, against a real TLS relay on loopback
# (aiosmtpd with a throwaway CA made for this run): the letters go out
# encrypted and logged in when the CA is trusted (--smtp-ca); a relay
# certificate from an unknown CA and a wrong password are refused with a
# clear reason per person, nothing is delivered or marked sent, and the
# relay is not asked again for every person.  The password never shows in
# the output or the register.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
people people.csv 3
tls_certs "$PWD/tls"
export SINK_PASSWORD="test-only-Passw0rd-7f3a"
sink_start "$PWD/sink" --starttls tls/relay.pem tls/relay.key --auth mailer
trap sink_stop EXIT
url="smtp://127.0.0.1:$(cat .sinkport)"

# An unknown CA: the system's CAs do not know the throwaway one, and an
# unrelated CA is no better.  Nothing goes out, nothing is marked sent.
for ca in "" "--smtp-ca tls/other-ca.pem"; do
	# shellcheck disable=SC2086
	expect_exit 1 env BREACHKIT_SMTP_USER=mailer \
	    BREACHKIT_SMTP_PASSWORD="$SINK_PASSWORD" \
	    "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$url" $ca --json
	expect_eq "failed ($ca)" "$(jget 'd["summary"]["failed"]')" 3
	expect_eq "sent ($ca)" "$(jget 'd["summary"]["sent"]')" 0
	jget 'd["letters"][0]["detail"]' | grep -q "certificate is not trusted" ||
	    fail "no clear reason for the unknown CA: $(jget 'd["letters"][0]["detail"]')"
	jget 'd["letters"][2]["detail"]' | grep -q "not attempted" ||
	    fail "the relay was tried again for every person"
done
[ -z "$(ls sink/*.eml 2>/dev/null)" ] || fail "a letter went out over an untrusted connection"
expect_eq "nothing sent" "$(sqlite3 "$BREACHKIT_DB" "SELECT count(*) FROM letter WHERE state = 'sent'")" 0

# A wrong password: refused with a clear reason, nothing marked sent.
expect_exit 1 env BREACHKIT_SMTP_USER=mailer BREACHKIT_SMTP_PASSWORD=wrong-Passw0rd \
    "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$url" --smtp-ca tls/ca.pem
expect_stdout_contains "row 2 failed p-0001  the relay refused the login"
expect_stdout_contains "row 3 failed p-0002  not attempted"
expect_stdout_contains "0 sent, 0 already sent, 3 failed"
[ -z "$(ls sink/*.eml 2>/dev/null)" ] || fail "a letter went out without a login"
expect_eq "nothing sent" "$(sqlite3 "$BREACHKIT_DB" "SELECT count(*) FROM letter WHERE state = 'sent'")" 0
# No login at all: the relay wants one (530).
expect_exit 1 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$url" --smtp-ca tls/ca.pem
expect_stdout_contains "wants a login"

# The right login and the private CA: every letter out, over TLS, once.
ok env BREACHKIT_SMTP_USER=mailer BREACHKIT_SMTP_PASSWORD="$SINK_PASSWORD" \
    "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$url" --smtp-ca tls/ca.pem
expect_stdout_contains "3 sent, 0 already sent, 0 failed, 0 in doubt"
expect_eq "per recipient" "$(per_recipient sink | awk '{print $2}' | sort -u)" 1
[ "$(per_recipient sink | wc -l)" -eq 3 ] || fail "expected 3 recipients: $(per_recipient sink)"
expect_eq "tls and login" "$(cat sink/*.meta | sort | uniq -c | awk '{print $1, $2, $3}' | tr '\n' ' ')" \
    "3 auth mailer 3 tls yes "
eml_check sink/*.eml

# The password is nowhere: not in any output, not in the register.
sqlite3 "$BREACHKIT_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
for f in "$BREACHKIT_DB" "$LAST_OUT" "$LAST_ERR"; do
	! grep -qaF "$SINK_PASSWORD" "$f" || fail "the password is in $f"
	! grep -qaF "wrong-Passw0rd" "$f" || fail "the wrong password is in $f"
done
bk incident show BK-2024-0001 --json
! grep -qF "$SINK_PASSWORD" "$LAST_OUT" || fail "the password is in the history"
