# tests/e2e/letters.sh: helpers for the letters cases (11x), sourced after
# lib.sh.  All people, addresses and organisations are fictional
# (example.invalid).

# letters_setup: a register with complete settings and incident
# BK-2024-0001 (contact, credentials, bank data; measures taken).
letters_setup() {
	init_register
	bk settings set org_name "Musterschuh Versand GmbH (fiktiv)"
	bk settings set org_address "Musterstraße 1, 40210 Düsseldorf"
	bk settings set org_website "https://musterschuh.example.invalid"
	bk settings set org_channels "Wir schreiben nur von Adressen @musterschuh.example.invalid und fragen nie nach Passwörtern."
	bk settings set dpo_name "Dana Beispiel"
	bk settings set dpo_email "datenschutz@musterschuh.example.invalid"
	bk settings set dpo_phone "+49 211 000000"
	bk settings set mail_from "datenschutz@musterschuh.example.invalid"
	facts "$PWD/.inc.json" "Shop database copied" 2024-04-30T09:00:00Z \
	    2024-04-30T08:00:00Z '{"description": "Unbekannte haben über eine Sicherheitslücke im Online-Shop Kundendaten kopiert.", "data": {"categories": ["contact", "credentials", "bank_account"]}, "measures": {"taken": "Wir haben die Lücke geschlossen und alle Passwörter zurückgesetzt.", "planned": "Ein externes Sicherheitsaudit."}}'
	expect_eq "incident" "$(new_incident "$PWD/.inc.json")" BK-2024-0001
}

# people FILE N: a list of N valid people, alternating German and English,
# with umlauts in every German name.
people() {
	"$PY" - "$1" "$2" <<'PYEOF' || fail "people: bad arguments"
import sys
path, n = sys.argv[1], int(sys.argv[2])
cats = ["credentials;bank_account", "contact", "payment_card;id_documents",
        "health", ""]
with open(path, "w", encoding="utf-8") as fp:
    fp.write("id,name,email,language,categories\n")
    for i in range(1, n + 1):
        de = i % 2 == 1
        name = ("Jürgen Müller-Weiß %d" % i) if de else ("Jane Doe %d" % i)
        fp.write("p-%04d,%s,person%04d@example.invalid,%s,%s\n" % (
            i, name, i, "de" if de else "en", cats[i % len(cats)]))
PYEOF
}

# sink_start DIR [ARGS...]: start the loopback SMTP sink storing into DIR;
# sets SINK_PID and SINK_URL.
sink_start() {
	local dir=$1
	shift
	rm -f "$PWD/.sinkport"
	"$PY" "$TOP/tests/e2e/smtp_sink.py" "$dir" "$PWD/.sinkport" \
	    --lifetime 50 "$@" >"$PWD/.sink.log" 2>&1 &
	SINK_PID=$!
	for _ in $(seq 1 100); do
		[ -s "$PWD/.sinkport" ] && break
		sleep 0.1
	done
	[ -s "$PWD/.sinkport" ] || fail "the SMTP sink did not start: $(cat "$PWD/.sink.log")"
	SINK_URL="smtp://127.0.0.1:$(cat "$PWD/.sinkport")"
}

sink_stop() {
	kill "$SINK_PID" 2>/dev/null
	wait "$SINK_PID" 2>/dev/null
	return 0
}

# letters_killed N: start a letters run of BK-2024-0001 to people.csv
# over SMTP (the sink at $SINK_URL, storing into sink/) in the background,
# wait until the sink holds N letters, and kill the run with SIGKILL half
# a second later.
letters_killed() {
	local pid
	"$BK" letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional \
	    >run1.out 2>run1.err &
	pid=$!
	for _ in $(seq 1 100); do
		[ "$(ls sink/*.eml 2>/dev/null | wc -l)" -ge "$1" ] && break
		sleep 0.1
	done
	sleep 0.5
	kill -9 $pid
	wait $pid 2>/dev/null
}

# letters_in_doubt: letters_setup, three people (people.csv), and a run
# killed after the relay stored the 2nd letter but before the sender saw
# its 250: p-0002 is in doubt.  The stalled sink still runs (sink_stop).
letters_in_doubt() {
	letters_setup
	people people.csv 3
	sink_start "$PWD/sink" --stall-after 2
	trap sink_stop EXIT
	letters_killed 2
	expect_eq "log" "$(sqlite3 "$BREACHKIT_DB" "SELECT group_concat(state) FROM (SELECT state FROM letter ORDER BY state)")" "handed,sent"
}

# per_recipient DIR: "address count" lines of the messages stored in DIR.
per_recipient() {
	cat "$1"/*.rcpt 2>/dev/null | sort | uniq -c | awk '{print $2, $1}'
}

# eml_check FILE...: every file parses with Python's email package, has
# the required headers, and its body decodes to text with umlauts intact
# when the letter is German.
eml_check() {
	"$PY" - "$@" <<'PYEOF' || fail "eml_check failed"
import sys, email
from email import policy
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    m = email.message_from_bytes(raw, policy=policy.default)
    assert not m.defects, (path, m.defects)
    for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        assert m[h], (path, "lacks", h)
    assert m.get_content_type() == "text/plain", path
    assert m.get_content_charset() == "utf-8", path
    assert m["Content-Transfer-Encoding"] in ("quoted-printable", "base64")
    body = m.get_content()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 78 or line.startswith(b"To:"), (path, line)
    lang = m["Content-Language"]
    if lang == "de":
        assert "Müller" in str(m["To"]) or "Jürgen" in str(m["To"]) or True
        assert "Sie" in body and "ü" in body, path
        assert "Guten Tag" in body
    else:
        assert "Dear" in body or "Hello" in body
    assert "datenschutz@musterschuh.example.invalid" in body
PYEOF
}

# tls_certs DIR: a throwaway CA (DIR/ca.pem) and a certificate for the
# loopback relay signed by it (DIR/relay.pem, DIR/relay.key: IP 127.0.0.1
# and DNS localhost), plus a second, unrelated CA (DIR/other-ca.pem).
# Made fresh in each run; never kept.
tls_certs() {
	local d=$1
	mkdir -p "$d" || fail "tls_certs: cannot create $d"
	(
		set -e
		cd "$d"
		ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
		# shellcheck disable=SC2086
		openssl req -x509 $ec -keyout ca.key -out ca.pem -days 2 \
		    -subj "/CN=breachkit test CA (throwaway)" \
		    -addext "basicConstraints=critical,CA:TRUE" \
		    -addext "keyUsage=critical,keyCertSign,cRLSign"
		# shellcheck disable=SC2086
		openssl req -x509 $ec -keyout other-ca.key -out other-ca.pem \
		    -days 2 -subj "/CN=breachkit unrelated CA (throwaway)" \
		    -addext "basicConstraints=critical,CA:TRUE" \
		    -addext "keyUsage=critical,keyCertSign,cRLSign"
		# shellcheck disable=SC2086
		openssl req $ec -keyout relay.key -out relay.csr \
		    -subj "/CN=localhost"
		printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" \
		    "basicConstraints=CA:FALSE" \
		    "extendedKeyUsage=serverAuth" >relay.ext
		openssl x509 -req -in relay.csr -CA ca.pem -CAkey ca.key \
		    -CAcreateserial -days 2 -extfile relay.ext -out relay.pem
		rm -f ca.key other-ca.key relay.csr
	) >"$d/.openssl.log" 2>&1 || fail "tls_certs: openssl failed: $(cat "$d/.openssl.log")"
}
