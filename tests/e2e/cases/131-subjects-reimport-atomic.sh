# A re-import replaces the index whole; a failed re-import (a bad row at
# the end of the file) leaves the previous index and its secret exactly as
# they were: the register file is byte-identical in content.
. "$E2E_LIB"
init_register
printf '%s\n' 'id,email' 'A,a@example.invalid' 'B,b@example.invalid' > one.csv
bk subjects import one.csv
expect_stdout_contains "2 rows, 2 subjects, 2 identifiers"
before=$(snapshot)
{ echo 'id,email'; for i in $(seq 1 500); do echo "N$i,n$i@example.invalid"; done
  echo 'BAD,not-an-address'; } > two.csv
expect_exit 2 "$BK" subjects import two.csv
expect_stderr_contains "row 502, column email: not a valid e-mail address"
expect_stderr_contains "nothing was imported and the previous index is unchanged"
expect_unchanged "$before"
bk subjects status --json
expect_eq "still the old index" "$(jget 'd["identifiers"]')" 2
# a good re-import replaces it
printf '%s\n' 'id,phone' 'P,0151 12345678' > three.csv
bk subjects import three.csv
bk subjects status --json
expect_eq "replaced" "$(jget 'd["identifiers"]')" 1
