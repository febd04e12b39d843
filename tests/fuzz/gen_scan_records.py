#!/usr/bin/python3
# tests/fuzz/gen_scan_records.py DIR: seed inputs for fuzz_scan_records,
# streams of the scan child's 256-byte records as src/scan/scan.c writes
# them (struct rec: magic u32, kind u16, cat u16, a b c u64, 224 bytes),
# whole and damaged.  Fictional values only.  Input byte 0: bit 0 = match
# mode.
import os
import struct
import sys

MAGIC = 0x424B5343
META, PROGRESS, WARN, CAT, SAMPLE, COLUMN, HLL, DONE, IDENT = range(1, 10)


def rec(kind, cat=0, a=0, b=0, c=0, body=b""):
    body = body[:224]
    return struct.pack("<IHHQQQ", MAGIC, kind, cat, a, b, c) + body + \
        bytes(224 - len(body))


def text(s):
    return s.encode() + b"\0"


def group(idents, cats):
    out = b""
    for kind, v in idents:
        out += bytes([kind, len(v)]) + v
    return out + bytes([0, 4]) + struct.pack("<I", cats)


def stream(match):
    s = rec(META, a=1, b=0, c=0, body=b",")
    s += rec(PROGRESS, a=4096, b=4096)
    s += rec(WARN, a=123, body=text("invalid UTF-8 at byte 123"))
    if match:
        g = group([(1, b"erika@example.invalid"), (2, b"+4915112345678")],
                  1 | 2 | 1 << 10)
        g += group([(4, b"K-1001")], 1 << 7)
        s += rec(IDENT, c=len(g), body=g)
    s += rec(CAT, cat=0, a=5, b=4)
    s += rec(SAMPLE, cat=0, body=text("e\u2026@\u2026d"))
    s += rec(COLUMN, cat=0, body=text("email"))
    hll = bytes([1, 2, 3, 0, 0, 5] + [0] * 218)
    s += rec(HLL, cat=0, a=0, b=224, body=hll)
    s += rec(HLL, cat=0, a=65536 - 16, b=16, body=bytes([1] * 16))
    s += rec(CAT, cat=8, a=2, b=2)
    s += rec(SAMPLE, cat=8, body=text("DE89\u20263000"))
    s += rec(DONE, a=4, b=5, c=0, cat=0)
    return s


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    seeds = {
        "scan": b"\0" + stream(False),
        "match": b"\1" + stream(True),
        "partial": b"\1" + stream(True)[:-256] + rec(DONE, a=1, b=1, cat=1),
        "bad-magic": b"\0" + b"\0" * 256,
        "cut": b"\1" + stream(True)[:700],
        "ident-no-end": b"\1" + rec(IDENT, c=8, body=bytes([1, 6]) +
                                    b"x@y.de"),
        "ident-long": b"\1" + rec(IDENT, c=230, body=bytes(224)),
        "hll-past-end": b"\0" + rec(CAT, a=1, b=1) +
        rec(HLL, a=65530, b=16, body=bytes(16)),
        "hll-rank": b"\0" + rec(CAT, a=1, b=1) +
        rec(HLL, a=0, b=1, body=bytes([60])),
        "sample-no-nul": b"\0" + rec(CAT, a=1, b=1) +
        rec(SAMPLE, body=b"A" * 224),
        "after-done": b"\0" + rec(DONE) + rec(CAT, a=1, b=1),
        "cat-range": b"\0" + rec(CAT, cat=40, a=1, b=1),
        "meta-range": b"\0" + rec(META, a=99),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


main()
