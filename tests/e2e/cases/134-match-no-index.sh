# match before any subjects import: a clear error, nothing recorded; a
# dry run reports and records nothing.
. "$E2E_LIB"
init_register
facts f.json "Leak" 2024-04-30T09:00:00Z 2024-04-30T08:00:00Z
expect_eq "incident" "$(new_incident f.json)" BK-2024-0001
printf '%s\n' 'email' 'a@example.invalid' > leak.csv
before=$(snapshot)
expect_exit 2 "$BK" match --incident BK-2024-0001 leak.csv
expect_stderr_contains "there is no subject index yet: run breachkit subjects import"
expect_unchanged "$before"
printf '%s\n' 'id,email' 'A,a@example.invalid' > s.csv
bk subjects import s.csv
imported=$(snapshot)
bk match --incident BK-2024-0001 --dry-run leak.csv
expect_stdout_contains "1 of 1 indexed subjects affected"
expect_stdout_contains "dry run: nothing recorded"
expect_unchanged "$imported"
# --threads: the scan child's detector threads; a bad count is a usage
# error, any count finds the same.
expect_exit 2 "$BK" match --incident BK-2024-0001 --threads 0 leak.csv
expect_stderr_contains "--threads: from 1 to 64"
bk match --incident BK-2024-0001 --dry-run --threads 2 leak.csv
expect_stdout_contains "1 of 1 indexed subjects affected"
expect_unchanged "$imported"
