# template: built-in templates can be overridden per organisation; an
# override is checked before it is stored (unknown variables are refused
# with the allowed ones, exit 2; so are a wrong output type, unescaped
# output and unknown partials); every set and reset is a version in the
# history with who and when; the documents use the override.
. "$E2E_LIB"
. "$TOP/tests/e2e/notice.sh"

notice_register
notice_facts c.json controller
ref=$(new_incident c.json)
bk template list
expect_stdout_contains "notice-text      de  text    built-in"
bk template list --json
expect_eq "kinds" "$(jget '{t["kind"] for t in d} >= {"notice-text","notice-html","controller-text","register-text"}')" true
bk template show notice-html --lang en
head -1 "$LAST_OUT" | grep -qx '{{! type: html }}' || fail "show: no type line"

before=$(db_dump_digest)
printf '{{! type: text }}\nLiebe {{vorname}},\n{{org.fax}}\n' > bad.mustache
expect_exit 2 "$BK" template set notice-text --lang de bad.mustache
expect_stderr_contains "unknown variables {{vorname}} (line 2), {{org.fax}} (line 3); allowed: lang, ref, title, today, org.{name, address, website, channels}, dpo.{name"
expect_stderr_contains "advice[].{text}"
printf '{{! type: html }}\n<p>{{title}}</p>\n' > type.mustache
expect_exit 2 "$BK" template set notice-text --lang de type.mustache
expect_stderr_contains "must declare {{! type: text }}"
printf '{{! type: html }}\n<p>{{{what}}}</p>\n' > raw.mustache
expect_exit 2 "$BK" template set notice-html --lang de raw.mustache
expect_stderr_contains "line 2: unescaped output {{{what}}} is not allowed"
printf '{{! type: text }}\n{{#data}}\n{{label}}\n' > open.mustache
expect_exit 2 "$BK" template set notice-text --lang de open.mustache
expect_stderr_contains "line 2: unclosed section {{#data}}"
printf '{{! type: text }}\n{{> nosuch}}\n' > partial.mustache
expect_exit 2 "$BK" template set notice-text --lang de partial.mustache
expect_exit 2 "$BK" template set nosuch --lang de partial.mustache
expect_stderr_contains "no template kind \"nosuch\""
expect_exit 2 "$BK" template set notice-text partial.mustache
expect_eq "nothing stored" "$(db_dump_digest)" "$before"

printf '{{! type: text }}\nBEKANNTMACHUNG {{ref}}\n{{#advice}}\n* {{text}}\n{{/advice}}\n{{> dpo-de}}' > good.mustache
bk template set notice-text --lang de good.mustache
expect_stdout_contains "notice-text (de): version 1"
bk notice "$ref"
notice_golden "093-override.de.text"
bk notice "$ref" --lang en
expect_stdout_contains "What happened?"
BREACHKIT_ACTOR=dpo-office bk template reset notice-text --lang de
expect_stdout_contains "version 2, back to the built-in"
bk notice "$ref"
notice_golden "090-public.de.text"
bk template history notice-text --lang de --json
expect_eq "versions" "$(jget '[(h["version"], h["source"], h["actor"]) for h in d]')" \
    '[[1,"override","tester"],[2,"built-in","dpo-office"]]'
expect_eq "sha256" "$(jget 'd[0]["sha256"]')" "$(sha256sum good.mustache | cut -d' ' -f1)"
bk template history notice-text --lang de
expect_stdout_contains "v1   2024-05-01T12:00:00+02:00  override  tester"
bk template history register-text --lang en
expect_stdout_contains "built-in, never changed"
expect_verify_ok
