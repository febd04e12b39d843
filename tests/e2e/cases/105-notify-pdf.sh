# notify --format pdf: a real A4 document (checked with pdftotext and
# pdfinfo): umlauts survive, the incident reference and "Seite N von M"
# are on every page, a long description wraps onto several pages.  A PDF
# is not written to a terminal.
. "$E2E_LIB"
. "$TOP/tests/e2e/notify.sh"
command -v pdftotext >/dev/null || fail "pdftotext missing (tools/install-deps.sh)"

notify_register
long=$("$PY" -c '
print(" ".join("Absatz %d: Die Prüfung der Größe der Datei ergab Maße über dem Üblichen." % i for i in range(240)))')
notify_facts f.json "{\"description\": \"$long\"}"
ref=$(new_incident f.json)
bk assess "$ref"
bk decide "$ref" subjects yes --rationale "Betroffene warnen (fiktiv)."

bk notify "$ref" --authority nrw --format pdf --out n.pdf
expect_stderr_empty
[ -s n.pdf ] || fail "no PDF written"
head -c 5 n.pdf | grep -q '%PDF-' || fail "not a PDF"
run pdfinfo n.pdf
grep -Eq "^Page size: +595.276 x 841.89 pts \(A4\)" "$LAST_OUT" || fail "not A4"
pages=$(sed -n 's/^Pages: *//p' "$LAST_OUT")
[ "$pages" -ge 3 ] || fail "a long description should span pages, got $pages"
ok pdftotext -layout n.pdf n.txt
"$PY" - n.txt <<'PY' || fail "text lost in the PDF"
import sys
t = " ".join(open(sys.argv[1], encoding="utf-8").read().split())
for want in ("Die Prüfung der Größe der Datei ergab Maße über dem Üblichen.",
             "Kenntnisnahme durch den Verantwortlichen",
             "Absatz 0: Die Prüfung", "Absatz 239: Die Prüfung",
             "Werden die betroffenen Personen benachrichtigt?"):
    assert want in t, want
PY
for p in $(seq 1 "$pages"); do
	ok pdftotext -f "$p" -l "$p" -layout n.pdf p.txt
	grep -q "$ref" p.txt || fail "page $p lacks the reference"
	grep -q "Seite $p von $pages" p.txt || fail "page $p lacks 'Seite $p von $pages'"
	grep -q "Erzeugt 2024-05-01 12:00 CEST" p.txt || fail "page $p lacks the generation time"
done

# English page numbers; the PDF also goes to a pipe.
"$BK" notify "$ref" --authority en --format pdf > e.pdf 2>e.err || fail "pdf to a pipe failed"
ok pdftotext e.pdf e.txt
grep -q "Page 1 of" e.txt || fail "no English page numbers"
grep -q "Generated 2024-05-01 12:00 CEST" e.txt || fail "no generation time"

# Not to a terminal (script gives the command a pty).
if command -v script >/dev/null; then
	script -qec "$BK notify $ref --authority en --format pdf" /dev/null > tty.out 2>&1
	grep -q "not to a terminal" tty.out || fail "a PDF was written to a terminal"
fi
