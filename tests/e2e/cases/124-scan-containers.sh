# scan: archives and other containers the scanner does not read are not
# scanned as text (their compressed bytes gave made-up "e-mail
# addresses"): the file fails with a message that says what it is and what
# to do, also inside .gz; the other files are still scanned; exit 1.
. "$E2E_LIB"

printf 'id,email\n1,anna@example.de\n2,bob@example.org\n' >plain.csv
"$PY" - <<'PYEOF' || fail "could not write the containers"
import bz2, lzma, tarfile, zipfile, sqlite3, gzip
data = open("plain.csv", "rb").read() * 200
with zipfile.ZipFile("leak.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("leak.csv", data)
with tarfile.open("leak.tar", "w") as t:
    t.add("plain.csv")
open("leak.csv.xz", "wb").write(lzma.compress(data))
open("leak.csv.bz2", "wb").write(bz2.compress(data))
db = sqlite3.connect("app.db")
db.execute("CREATE TABLE u(id INTEGER, email TEXT)")
db.execute("INSERT INTO u VALUES (1, 'anna@example.de')")
db.commit()
db.close()
open("app.db.gz", "wb").write(gzip.compress(open("app.db", "rb").read()))
open("doc.pdf", "wb").write(b"%PDF-1.7\n" + data)
open("sheet.xls", "wb").write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + data)
open("x.7z", "wb").write(b"7z\xbc\xaf\x27\x1c" + data)
open("x.rar", "wb").write(b"Rar!\x1a\x07\x00" + data)
PYEOF

for f in leak.zip:ZIP leak.tar:tar leak.csv.xz:xz leak.csv.bz2:bzip2 \
    app.db:SQLite app.db.gz:SQLite doc.pdf:PDF sheet.xls:OLE2 x.7z:7-Zip \
    x.rar:RAR; do
	file=${f%%:*}
	kind=${f##*:}
	expect_exit 1 "$BK" scan --json "$file" plain.csv
	expect_eq "$file status" "$(jget 'd["files"][0]["status"]')" failed
	expect_eq "$file error names it" \
	    "$(jget "'$kind' in d['files'][0]['error']")" true
	expect_eq "$file: nothing made up" \
	    "$(jget '[c["values"] for c in d["categories"] if c["category"]=="email"][0]')" 2
	expect_eq "$file: the CSV still read" "$(jget 'd["files"][1]["status"]')" complete
done
# the human output says what to do
expect_exit 1 "$BK" scan app.db
expect_stdout_contains "sqlite3 FILE .dump"
