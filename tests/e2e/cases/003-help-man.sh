# help lists every command, help COMMAND and COMMAND --help print its usage,
# and `help --man` is exactly the committed docs/breachkit.1.
. "$E2E_LIB"

bk help
expect_stdout_contains "usage: breachkit <command>"
cmds=$(sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' "$LAST_OUT")
[ "$(echo "$cmds" | wc -l)" -ge 14 ] || fail "help lists too few commands: $cmds"
for c in init incident note attach erase obligations file decide export \
    verify backup regime; do
	echo "$cmds" | grep -qx "$c" || fail "help does not list $c"
done
for c in $cmds; do
	bk help "$c"
	expect_stdout_contains "usage: breachkit $c"
done
for c in init incident note attach erase obligations file decide export \
    verify backup regime help; do
	bk "$c" --help
	expect_stdout_contains "usage: breachkit $c"
done

expect_exit 2 "$BK" help no-such-command
expect_stderr_contains 'no command "no-such-command"'
expect_exit 2 "$BK" no-such-command
expect_stderr_contains "see breachkit help"
expect_exit 2 "$BK"
expect_stdout_contains "usage: breachkit"

bk help --man
[ -f "$TOP/docs/breachkit.1" ] || fail "docs/breachkit.1 is not committed"
cmp -s "$LAST_OUT" "$TOP/docs/breachkit.1" ||
    fail "docs/breachkit.1 is stale: regenerate it with breachkit help --man > docs/breachkit.1"
expect_stdout_contains ".TH BREACHKIT 1"
for c in $cmds; do
	grep -q "^\.B breachkit $c" "$LAST_OUT" || fail "man page lacks $c"
done
