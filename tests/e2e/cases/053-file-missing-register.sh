# No register: the message suggests init (exit 1) and nothing is created.
. "$E2E_LIB"

facts f.json "Nowhere to go"

for cmd in "incident list" "verify" "obligations" "incident new --from f.json" "export"; do
	# shellcheck disable=SC2086
	expect_exit 1 "$BK" $cmd
	expect_stderr_contains "no register at $BREACHKIT_DB"
	expect_stderr_contains "breachkit init"
	[ ! -e "$BREACHKIT_DB" ] || fail "$cmd created $BREACHKIT_DB"
done
unset BREACHKIT_DB
expect_exit 1 "$BK" verify
expect_stderr_contains "no register at breachkit.db"
[ ! -e breachkit.db ] || fail "verify created ./breachkit.db"
expect_exit 1 "$BK" verify --db nowhere/reg.db
expect_stderr_contains "breachkit init"
bk init
[ -s breachkit.db ] || fail "init did not create the default ./breachkit.db"
bk verify
