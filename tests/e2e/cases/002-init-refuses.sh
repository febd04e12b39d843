# init refuses to overwrite an existing file; bad settings are usage errors
# (exit 2) and leave no file behind.
. "$E2E_LIB"

init_register --prefix ACME
cp "$BREACHKIT_DB" before.db
expect_exit 1 "$BK" init
expect_stderr_contains "already exists"
cmp -s before.db "$BREACHKIT_DB" || fail "init changed an existing register"

expect_exit 2 "$BK" init --db tz.db --timezone Mars/Olympus_Mons
expect_stderr_contains "--timezone"
[ ! -e tz.db ] || fail "a failed init left tz.db behind"

expect_exit 2 "$BK" init --db prefix.db --prefix "ac-me"
expect_stderr_contains "prefix"
[ ! -e prefix.db ] || fail "a failed init left prefix.db behind"

expect_exit 2 "$BK" init --db arg.db stray-argument
[ ! -e arg.db ] || fail "a failed init left arg.db behind"
