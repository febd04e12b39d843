# notice: values are escaped for the output type: a title and description
# with markup come out as text in the HTML notice, never as markup; the
# text notice keeps them as written, without control characters.
. "$E2E_LIB"
. "$TOP/tests/e2e/notice.sh"

notice_register
notice_facts c.json controller '<script>alert("x")</script> & <b>fett</b>'
ref=$(new_incident c.json)
bk notice "$ref" --format html
expect_stdout_contains '<title>Wichtige Information: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fett&lt;/b&gt;</title>'
expect_stdout_lacks '<script>'
expect_stdout_lacks '<b>fett'
bk settings set org_name "O'Brien & Söhne <fiktiv>"
bk notice "$ref" --format html --lang en
expect_stdout_contains "O&#39;Brien &amp; Söhne &lt;fiktiv&gt;"
expect_stdout_lacks "<fiktiv>"
bk notice "$ref" --format text
expect_stdout_contains "O'Brien & Söhne <fiktiv>"
bk notice "$ref" --kind register
expect_stdout_contains '<script>alert("x")</script> & <b>fett</b>'
