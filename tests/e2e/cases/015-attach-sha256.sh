# attach stores an evidence file with its SHA-256, which matches
# sha256sum; the attachment is an event; verify checks the content.
. "$E2E_LIB"

init_register
facts f.json "Attach test" 2024-05-01T08:00:00Z
ref=$(new_incident f.json)
"$PY" -c 'import os; open("evidence.bin","wb").write(os.urandom(70000) + b"\0fictional log\n")'
want=$(sha256sum evidence.bin | cut -d' ' -f1)

bk attach "$ref" evidence.bin
expect_stdout_contains "$want"
printf 'fictional screenshot\n' >shot.txt
bk attach "$ref" shot.txt --name "screenshot 1.txt"

bk incident show "$ref" --json
expect_eq "sha256" "$(jget 'd["attachments"][0]["sha256"]')" "$want"
expect_eq "size" "$(jget 'd["attachments"][0]["size"]')" "$(wc -c <evidence.bin)"
expect_eq "name" "$(jget 'd["attachments"][0]["name"]')" evidence.bin
expect_eq "named" "$(jget 'd["attachments"][1]["name"]')" "screenshot 1.txt"
expect_eq "second sha" "$(jget 'd["attachments"][1]["sha256"]')" \
    "$(sha256sum shot.txt | cut -d' ' -f1)"
expect_eq "event" "$(jget '[e["payload"]["sha256"] for e in d["history"] if e["kind"] == "attachment"][0]')" "$want"
# The stored bytes are the file's bytes.
got=$(sqlite3 "$BREACHKIT_DB" "SELECT hex(content) FROM attachment WHERE sha256 = '$want'")
expect_eq "stored content" "$got" "$(od -An -v -tx1 evidence.bin | tr -d ' \n' | tr a-f A-F)"

expect_exit 1 "$BK" attach "$ref" no-such-file
expect_stderr_contains "cannot read no-such-file"
expect_verify_ok
