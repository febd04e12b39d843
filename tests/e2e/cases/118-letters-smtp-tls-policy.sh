# The TLS policy: smtp:// requires STARTTLS by default, also on loopback,
# so a relay that does not offer it is refused before anything is said;
# --smtp-tls optional (a local MTA without TLS) is only for a literal
# loopback address; smtps:// is TLS from the first byte, with the private
# CA from $BREACHKIT_SMTP_CA; a password in the URL is refused.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
people people.csv 2
tls_certs "$PWD/tls"

# A relay without STARTTLS: refused under the default policy.
sink_start "$PWD/plain"
trap sink_stop EXIT
expect_exit 1 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL"
expect_stdout_contains "does not offer STARTTLS, and TLS is required"
expect_stdout_contains "0 sent, 0 already sent, 2 failed"
[ -z "$(ls plain/*.eml 2>/dev/null)" ] || fail "sent without TLS"
expect_exit 1 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls required
expect_stdout_contains "does not offer STARTTLS"
# Explicitly optional, to a loopback address: a local MTA.
bk letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional
expect_stdout_contains "2 sent"
sink_stop

# Optional is refused for anything but a literal loopback address.
for u in smtp://relay.example.invalid smtp://127.0.0.1.example.invalid:25 \
    smtp://localhost.example.invalid smtps://127.0.0.1:1; do
	expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "$u" --smtp-tls optional
	expect_stderr_contains "only for smtp:// to a loopback address"
done
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --smtp smtp://127.0.0.1:1 --smtp-tls maybe
expect_stderr_contains "--smtp-tls: required or optional"
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --mbox x.mbox --smtp-ca tls/ca.pem
expect_stderr_contains "need --smtp"
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --smtp smtp://127.0.0.1:1 --smtp-ca tls/missing.pem
expect_stderr_contains "--smtp-ca: cannot read tls/missing.pem"
expect_exit 2 "$BK" letters BK-2024-0001 --subjects people.csv --smtp "smtp://mailer:s3cret@127.0.0.1:1"
expect_stderr_contains "BREACHKIT_SMTP_PASSWORD"
! grep -qF "s3cret" "$LAST_ERR" || fail "the password from the URL is echoed"

# Implicit TLS with a login; the CA from the environment.  Other people
# than above (those have their letters).
sed 's/^p-/q-/' people.csv >people2.csv
export SINK_PASSWORD="test-only-Passw0rd-c41e"
sink_start "$PWD/tls-sink" --smtps tls/relay.pem tls/relay.key --auth mailer
url="smtps://localhost:$(cat .sinkport)"
expect_exit 1 env BREACHKIT_SMTP_USER=mailer BREACHKIT_SMTP_PASSWORD="$SINK_PASSWORD" \
    "$BK" letters BK-2024-0001 --subjects people2.csv --smtp "$url"
expect_stdout_contains "certificate is not trusted"
ok env BREACHKIT_SMTP_USER=mailer BREACHKIT_SMTP_PASSWORD="$SINK_PASSWORD" \
    BREACHKIT_SMTP_CA="$PWD/tls/ca.pem" \
    "$BK" letters BK-2024-0001 --subjects people2.csv --smtp "$url"
expect_stdout_contains "2 sent, 0 already sent, 0 failed"
expect_eq "tls and login" "$(cat tls-sink/*.meta | sort -u | tr '\n' ' ')" "auth mailer tls yes "
