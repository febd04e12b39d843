#!/usr/bin/env python3
"""bench/gen-subjects.py: a seeded generator of our own for bench/match.sh.

  gen-subjects.py --subjects FILE --n N --leak FILE --idents M [--hit P] [--seed S]

Writes N fictional data subjects (id,name,email,phone,customer_no; every
second one with a phone) and a leak CSV (email,password) of M records with
one e-mail address each; a fraction P (default 0.05) of them are our
subjects' addresses, written in another case now and then (matching is
case-insensitive), the rest belong to nobody we know.  All addresses are
under the RFC 2606 name "example"; nothing is real.  Standard library only.
"""
import argparse
import random


def email(i):
    return "person%07d.%s@mail%02d.example" % (i, "abcdefghij"[i % 10], i % 53)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--subjects", required=True)
    ap.add_argument("--n", type=int, default=1000000)
    ap.add_argument("--leak", required=True)
    ap.add_argument("--idents", type=int, default=10000000)
    ap.add_argument("--hit", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=6)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    with open(a.subjects, "w", encoding="ascii") as fp:
        fp.write("id,name,email,phone,customer_no\n")
        buf = []
        for i in range(a.n):
            phone = "0151 %08d" % (10000000 + i) if i % 2 == 0 else ""
            buf.append("S%07d,Person %d,%s,%s,K-%07d\n" % (i, i, email(i), phone, i))
            if len(buf) == 65536:
                fp.write("".join(buf))
                buf = []
        fp.write("".join(buf))
    hits = 0
    with open(a.leak, "w", encoding="ascii") as fp:
        fp.write("email,password\n")
        buf = []
        for k in range(a.idents):
            if rnd.random() < a.hit:
                e = email(rnd.randrange(a.n))
                if k % 7 == 0:
                    e = e.upper()
                hits += 1
            else:
                e = email(a.n + rnd.randrange(50 * a.n))
            buf.append("%s,pw%06d\n" % (e, k % 999983))
            if len(buf) == 65536:
                fp.write("".join(buf))
                buf = []
        fp.write("".join(buf))
    print("subjects %d, leak identifiers %d, of ours %d" % (a.n, a.idents, hits))


if __name__ == "__main__":
    main()
