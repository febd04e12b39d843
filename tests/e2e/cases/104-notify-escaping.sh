# notify: text from the register is escaped in HTML and Markdown (a title
# or description with <script> comes out inert); text and JSON carry it
# verbatim.
. "$E2E_LIB"
. "$TOP/tests/e2e/notify.sh"

notify_register
notify_facts f.json '{"title": "<script>alert(\"x\")</script> & Co", "description": "Zeile 1 <img src=x onerror=alert(1)>\nZeile 2 [link](javascript:alert(1)) *fett*"}'
ref=$(new_incident f.json)
bk assess "$ref"
bk decide "$ref" subjects no --rationale "<b>nicht</b> nötig" --exception a

bk notify "$ref" --authority nrw --format html
expect_stdout_lacks "<script>"
expect_stdout_lacks "<img"
expect_stdout_lacks "<b>"
expect_stdout_contains "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"
expect_stdout_contains "Zeile 1 &lt;img src=x onerror=alert(1)&gt;<br>"
expect_stdout_contains "&lt;b&gt;nicht&lt;/b&gt; nötig"
"$PY" - "$LAST_OUT" <<'PY' || fail "the HTML does not parse cleanly"
import html.parser, sys
class P(html.parser.HTMLParser):
    tags = set()
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
assert p.tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "dl", "dt", "dd", "br"}, p.tags
PY

bk notify "$ref" --authority en --format md
expect_stdout_lacks "<script>"
expect_stdout_lacks "<img"
expect_stdout_contains "\\[link\\](javascript:alert(1)) \\*fett\\*"

bk notify "$ref" --authority en --format text
expect_stdout_contains '<script>alert("x")</script> & Co'
expect_stdout_contains "No: exception under Art. 34(3)(a) GDPR."
bk notify "$ref" --authority en --format json
expect_eq "title" "$(jget '[f["value"] for s in d["sections"] for f in s["fields"] if f["key"] == "nature.title"][0]')" \
    '<script>alert("x")</script> & Co'
