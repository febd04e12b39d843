# scan: hostile input.  Garbage, NUL bytes, invalid UTF-8, a line over the
# cap, a truncated gzip and zstd archive, a decompression bomb shape, an
# empty file: no crash, exit 0 with warnings at byte offsets, the rest
# scanned; a missing file is exit 1, usage errors exit 2.
. "$E2E_LIB"

"$PY" - <<'PYEOF'
import gzip, random
r = random.Random(3)
good = b"".join(b"user%d@example.com:pw%d\n" % (i, i) for i in range(2000))
garbage = bytes(r.randrange(256) for _ in range(100000))
cut = good.index(b"\n", 20000) + 1
open("mixed.txt", "wb").write(good[:cut] + b"x" * 300000 + b"\n" +
                              garbage + b"\n" + good[cut:])
open("cut.txt", "w").write(str(cut))
open("trunc.gz", "wb").write(gzip.compress(good)[:3000])
open("empty.txt", "wb").write(b"")
open("good.txt", "wb").write(good)
PYEOF
zstd -q -c good.txt > good.zst && head -c 2000 good.zst > trunc.zst ||
    fail "zstd"

bk scan --json --max-line 65536 mixed.txt
expect_eq status "$(jget 'd["files"][0]["status"]')" complete
expect_eq "long lines" "$(jget 'd["files"][0]["long_lines_skipped"]')" 1
expect_eq "cap warning offset" \
    "$(jget '[w["offset"] for w in d["files"][0]["warnings"] if "cap" in w["message"]][0]')" \
    "$(cat cut.txt)"
[ "$(jget '[c["values"] for c in d["categories"] if c["category"]=="email"][0]')" -ge 2000 ] ||
    fail "the lines after the garbage were not scanned"
jget '[w["message"] for w in d["files"][0]["warnings"]]' | grep -q NUL ||
    fail "no NUL warning"

bk scan --json trunc.gz
expect_eq compression "$(jget 'd["files"][0]["compression"]')" gzip
jget 'd["files"][0]["warnings"][0]["message"]' | grep -q truncated ||
    fail "no truncation warning for gzip"

bk scan --json trunc.zst
expect_eq compression "$(jget 'd["files"][0]["compression"]')" zstd
jget 'd["files"][0]["warnings"][0]["message"]' | grep -q zstd ||
    fail "no warning for a truncated zstd stream"

bk scan --json good.zst
expect_eq "zstd values" \
    "$(jget '[c["values"] for c in d["categories"] if c["category"]=="email"][0]')" 2000

bk scan --json empty.txt
expect_eq "empty file" "$(jget 'd["categories"]')" "[]"

expect_exit 1 "$BK" scan no-such-file.txt
expect_stderr_contains "cannot read"
expect_exit 1 "$BK" scan good.txt no-such-file.txt
expect_stdout_contains "email"
expect_exit 2 "$BK" scan
expect_exit 2 "$BK" scan --format nonsense good.txt
expect_exit 2 "$BK" scan --max-line 12 good.txt
