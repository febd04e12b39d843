#!/usr/bin/python3
# bench/scan-mutate.py DIR SEED N: N mutated and random lines from the files
# of DIR (gen-leak.py --out) on stdout, for bench/scan-hits.sh: bytes
# flipped, inserted, deleted and duplicated, identifiers and keywords
# spliced in; 15 % of the lines random bytes of an interesting alphabet.
import random, sys, glob
random.seed(int(sys.argv[2]))
lines = []
for f in sorted(glob.glob(sys.argv[1] + '/*')):
    if f.endswith('.labels'): continue
    with open(f, 'rb') as fh:
        lines += fh.read().split(b'\n')[:3000]
special = b'@$+-.:;,|\t"\'\\()/ 0123456789abcdefABCDEFXYZ_=%\xc3\xa4\xe2\x82\xac\r\x00{}[]'
words = [b'DE89370400440532013000', b'4111111111111111', b'+49 151 12345678', b'0151-12345678',
         b'a@b.de', b'anna@example.com', b'192.168.0.1', b'2001:db8::1', b'$2y$10$' + b'a'*53,
         b'5f4dcc3b5aa765d61d8327deb882cf99', b'86095742719', b'diabetes', b'ver.di', b'Hauptstr. 5 10115 Berlin',
         b'12345 Musterstadt', b'T220001293', b'1985-04-12', b'kundennummer', b'password', b'hash', b'::', b'1.2.3.4.5']
out = []
N = int(sys.argv[3])
for k in range(N):
    r = random.random()
    if r < 0.15:
        n = random.randint(0, 200)
        l = bytes(random.choice(special) for _ in range(n))
    else:
        l = bytearray(random.choice(lines))
        for _ in range(random.randint(1, 6)):
            op = random.random()
            pos = random.randint(0, len(l))
            if op < 0.3 and l:
                p = random.randrange(len(l)); l[p] = random.choice(special)
            elif op < 0.5:
                l[pos:pos] = bytes([random.choice(special)]) * random.randint(1, 3)
            elif op < 0.65 and l:
                del l[pos:pos + random.randint(1, 8)]
            elif op < 0.85:
                l[pos:pos] = random.choice(words)
            elif l:
                a = random.randrange(len(l)); l[pos:pos] = l[a:a + random.randint(1, 40)]
        l = bytes(l)
    out.append(l.replace(b'\n', b' '))
sys.stdout.buffer.write(b'\n'.join(out) + b'\n')
