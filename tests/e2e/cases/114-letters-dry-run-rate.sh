# --dry-run renders and checks every row but sends and writes nothing and
# records nothing; --rate N paces the letters (6 at --rate 4 take at least
# 1.25 s); an mbox (mboxrd) holds one message per person and Python's
# mailbox module reads them all back.
. "$E2E_LIB"
. "$TOP/tests/e2e/letters.sh"
letters_setup
people people.csv 6
sink_start "$PWD/sink"
trap sink_stop EXIT
before=$(snapshot)

bk letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --dry-run
expect_stdout_contains "would_send"
expect_stdout_contains "(dry run: nothing written or sent)"
bk letters BK-2024-0001 --subjects people.csv --mbox out.mbox --dry-run
bk letters BK-2024-0001 --subjects people.csv --out eml --dry-run
[ ! -e out.mbox ] && [ ! -e eml ] || fail "a dry run wrote files"
[ -z "$(ls sink)" ] || fail "a dry run sent mail"
expect_unchanged "$before"

t0=$(date +%s%N)
bk letters BK-2024-0001 --subjects people.csv --smtp "$SINK_URL" --smtp-tls optional --rate 4
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
[ "$ms" -ge 1200 ] || fail "--rate 4 sent 6 letters in $ms ms"
[ "$(ls sink/*.eml | wc -l)" -eq 6 ] || fail "expected 6 letters"

bk letters BK-2024-0001 --subjects people.csv --mbox out.mbox
"$PY" - out.mbox <<'PYEOF' || fail "the mbox does not read back"
import mailbox, sys
from email import policy
msgs = list(mailbox.mbox(sys.argv[1], factory=None))
assert len(msgs) == 6, len(msgs)
import email
for m in msgs:
    e = email.message_from_bytes(m.as_bytes(), policy=policy.default)
    body = e.get_content()
    assert "datenschutz@musterschuh.example.invalid" in body
    assert e["To"].addresses[0].addr_spec.startswith("person"), e["To"]
    assert "\r" not in m.as_string(), "CR in an mbox (LF) letter"
    if e["Content-Language"] == "de":
        assert "Müller-Weiß" in str(e["To"]), e["To"]
        assert "Guten Tag Jürgen Müller-Weiß" in body
PYEOF
[ ! -e out.mbox.tmp ] || fail "the temporary mbox was left behind"
[ "$(grep -c '^To: .*<person[0-9]*@example.invalid>$' out.mbox)" -eq 6 ] ||
    fail "To headers of the mbox are malformed: $(grep -A1 '^To:' out.mbox | head -4)"
