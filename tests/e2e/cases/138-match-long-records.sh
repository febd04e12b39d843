# match: identifiers travel from the scan child to the parent in fixed
# 256-byte records of whole groups (one group per leak record, closed by
# the record's categories), queued 32 at a time per detector thread.  A
# leak record with more identifiers than fit one pipe record is sent in
# parts, each with the categories seen so far; many small records fill
# many queues.  Every subject is found, with the right categories, with
# one detector thread and with two.
. "$E2E_LIB"
init_register
facts f.json "Long records (fictional)" 2024-04-30T09:00:00Z 2024-04-30T08:00:00Z
REF=$(new_incident f.json)
"$PY" - <<'PYEOF'
n = 2000
with open("subjects.csv", "w") as f:
    f.write("id,email\n")
    for i in range(n):
        f.write("S-%d,subject.number%d@example.invalid\n" % (i, i))
# one text line: an IBAN (not ours) first, then 80 of our addresses
with open("long.txt", "w") as f:
    f.write("DE89 3704 0044 0532 0130 00 " +
            " ".join("subject.number%d@example.invalid" % i
                     for i in range(80)) + "\n")
# many small records: every subject once, strangers between them
with open("many.csv", "w") as f:
    f.write("email,note\n")
    for i in range(n):
        f.write("Subject.Number%d@example.invalid,x\n" % i)
        f.write("stranger%d@example.invalid,y\n" % i)
# records of three of ours each: a group often starts in a pipe record
# that cannot hold it, and moves on to the next one whole
with open("triples.csv", "w") as f:
    f.write("a,b,c\n")
    for i in range(0, n - 2, 3):
        f.write(",".join("subject.number%d@example.invalid" % (i + k)
                         for k in range(3)) + "\n")
PYEOF
bk subjects import subjects.csv
# affected_are WHAT N: the last match found exactly S-0 ... S-(N-1)
affected_are() {
	expect_eq "$1: affected" "$(jget 'd["match"]["affected"]')" "$2"
	expect_eq "$1: ids" "$(jget "sorted(int(a['id'][2:]) for a in
	    d['affected']) == list(range($2))")" true
}
for t in 1 2; do
	bk match --incident "$REF" --dry-run --json --threads $t long.txt
	expect_eq "long record, $t thread(s): matched" \
	    "$(jget 'd["match"]["matched"]')" 80
	affected_are "long record" 80
	expect_eq "long record: every one found with the IBAN of its record" \
	    "$(jget 'sorted(set(tuple(a["found"]) for a in d["affected"]))')" \
	    '[["email","iban"]]'
	bk match --incident "$REF" --dry-run --json --threads $t many.csv
	expect_eq "many records, $t thread(s): identifiers" \
	    "$(jget 'd["match"]["identifiers"]')" 4000
	affected_are "many records" 2000
	bk match --incident "$REF" --dry-run --json --threads $t triples.csv
	affected_are "records of three, $t thread(s)" 1998
done
