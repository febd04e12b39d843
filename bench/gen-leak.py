#!/usr/bin/python3
# bench/gen-leak.py: seeded generator of synthetic leak dumps with planted,
# labelled personal data and decoys (docs/scan.md, "Test data").
#
#   gen-leak.py --out DIR [--seed N] [--records N]
#       writes DIR/<format>.<ext> and DIR/<format>.labels for every format:
#       csv, tsv, jsonl, sql, combo (: ; | tab), stealer, text
#   gen-leak.py --dense FILE --size BYTES [--seed N]
#       a dense CSV dump for bench/scan.sh (a 16 MiB chunk repeated)
#
# Labels: "LINE<TAB>CATEGORY<TAB>VALUE" per planted value, sorted by LINE,
# the physical line where the record starts; VALUE is the normalised form
# (docs/scan.md).  Decoys are never labelled.  All data is fictional:
# example.* / *.invalid / *.test domains, IBANs with bank code 12345678 or
# 87654321, test-range card numbers, invented names.
import argparse
import os
import random
import sys

FIRST = ["Anna", "Bernd", "Clara", "Dieter", "Emma", "Felix", "Greta",
         "Hans", "Ida", "Jonas", "Karla", "Lukas", "Mia", "Noah", "Olga",
         "Paul", "Quirin", "Rosa", "Stefan", "Tilda", "Uwe", "Vera",
         "Willi", "Xenia", "Yusuf", "Zoe", "Jürgen", "Özlem", "Søren"]
LAST = ["Musterfrau", "Mustermann", "Beispiel", "Testmann", "Probst",
        "Fiktiv", "Erfunden", "Platzhalter", "Demoleit", "Synthetik",
        "Müllerbeispiel", "Schätzle", "Ohnename", "Nirgends"]
DOMAINS = ["example.com", "example.org", "example.net", "example.invalid",
           "beispiel.test", "mail.example.invalid", "post.example.org"]
DECOY_DOMAINS = ["example.notarealtld", "host.c0m", "mail.zz", "site.qq1",
                 "example.invalidtld"]
STREETS = ["Musterstraße", "Beispielweg", "Testallee", "Erfundener Platz",
           "Fiktivgasse", "Platzhalterring", "Demostr."]
CITIES = ["Berlin", "Hamburg", "Köln", "München", "Musterstadt",
          "Beispielhausen"]
KEYWORDS = [("diagnose", "health"), ("diabetes", "health"),
            ("krankenkasse", "health"), ("therapy", "health"),
            ("konfession", "religion"), ("kirchensteuer", "religion"),
            ("gewerkschaft", "trade_union"), ("trade union", "trade_union"),
            ("parteimitglied", "political"),
            ("sexual orientation", "sexual_orientation"),
            ("fingerabdruck", "biometric")]
NEUTRAL = ["Kunde", "seit", "Bestellung", "Notiz", "Rückruf", "erbeten",
           "Lieferung", "offen", "order", "shipped", "call", "back"]


def mod97(s):
    r = 0
    for ch in s:
        r = (r * 10 + int(ch)) % 97 if ch.isdigit() else \
            (r * 100 + (ord(ch) - 55)) % 97
    return r


def iban(rng, valid=True):
    bban = rng.choice(["12345678", "87654321"]) + \
        "".join(rng.choice("0123456789") for _ in range(10))
    chk = 98 - mod97(bban + "DE00")
    if not valid:
        chk = (chk + rng.randint(1, 96)) % 97 + 2
        if chk > 98:
            chk = 2
        if 98 - mod97(bban + "DE00") == chk:
            chk = chk + 1 if chk < 98 else 2
    return "DE%02d%s" % (chk, bban)


def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def card(rng, valid=True):
    prefix = rng.choice(["411111", "400000", "555555", "520000", "378282",
                         "601100"])
    n = 15 if prefix.startswith("37") else 16
    body = prefix + "".join(rng.choice("0123456789")
                            for _ in range(n - 1 - len(prefix)))
    d = luhn_digit(body)
    if not valid:
        d = str((int(d) + rng.randint(1, 9)) % 10)
    return body + d


def taxid(rng):
    while True:
        digits = rng.sample("0123456789", 9)
        if digits[0] == "0":
            continue
        dup = rng.choice(digits)
        pos = rng.randint(1, 9)
        ten = digits[:pos] + [dup] + digits[pos:]
        if ten[0] == "0":
            continue
        prod = 10
        for ch in ten:
            s = (int(ch) + prod) % 10
            if s == 0:
                s = 10
            prod = (s * 2) % 11
        chk = (11 - prod) % 10
        return "".join(ten) + str(chk)


def phone(rng):
    """(text as written, E.164)"""
    pre = rng.choice(["151", "160", "170", "176"])
    sub = "".join(rng.choice("0123456789") for _ in range(8))
    sub = str(rng.randint(1, 9)) + sub[1:]
    e164 = "+49" + pre + sub
    style = rng.randint(0, 4)
    if style == 0:
        t = "0%s %s" % (pre, sub)
    elif style == 1:
        t = "+49 %s %s" % (pre, sub)
    elif style == 2:
        t = "+49 (0)%s-%s" % (pre, sub)
    elif style == 3:
        t = "0049 %s %s" % (pre, sub)
    else:
        t = "0%s/%s" % (pre, sub)
    return t, e164


def email(rng, first, last):
    local = "%s.%s%d" % (first, last, rng.randint(1, 9999))
    local = local.encode("ascii", "ignore").decode() or "user"
    e = "%s@%s" % (local, rng.choice(DOMAINS))
    shown = e.upper() if rng.random() < 0.05 else e
    return shown, e.lower()


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def bcrypt(rng):
    al = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "$2y$10$" + "".join(rng.choice(al) for _ in range(53))


def dob(rng):
    y, m, d = rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)
    iso = "%04d-%02d-%02d" % (y, m, d)
    if rng.random() < 0.5:
        return iso, iso
    return "%02d.%02d.%04d" % (d, m, y), iso


def ip(rng):
    if rng.random() < 0.1:
        return "2001:db8::%x" % rng.randint(1, 65535), None
    v = "%d.%d.%d.%d" % (rng.choice([192, 198, 203]), rng.randint(0, 255),
                         rng.randint(0, 255), rng.randint(1, 254))
    return v, v


def password(rng):
    al = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*"
    return "".join(rng.choice(al) for _ in range(rng.randint(6, 14)))


def person(rng):
    f, l = rng.choice(FIRST), rng.choice(LAST)
    shown, norm = email(rng, f, l)
    p = {"first": f, "last": l, "email": shown, "email_n": norm}
    p["phone"], p["phone_n"] = phone(rng)
    p["iban"] = iban(rng)
    p["card"] = card(rng)
    p["dob"], p["dob_n"] = dob(rng)
    p["ip"], p["ip_n"] = ip(rng)
    p["pw"] = password(rng)
    p["hash"] = bcrypt(rng) if rng.random() < 0.5 else hexs(rng, 32)
    p["tax"] = taxid(rng)
    p["street"] = "%s %d" % (rng.choice(STREETS), rng.randint(1, 200))
    p["zip"] = "%05d" % rng.randint(10000, 99999)
    p["city"] = rng.choice(CITIES)
    return p


def ipv6_norm(v):
    import ipaddress
    return str(ipaddress.ip_address(v))


class Out:
    def __init__(self, path, labels):
        self.f = open(path, "w", encoding="utf-8", newline="")
        self.l = open(labels, "w", encoding="utf-8") if labels else None
        self.line = 1

    def rec(self, text, labels):
        if self.l:
            for c, v in labels:
                self.l.write("%d\t%s\t%s\n" % (self.line, c, v))
        self.f.write(text + "\n")
        self.line += text.count("\n") + 1

    def close(self):
        self.f.close()
        if self.l:
            self.l.close()


def note(rng):
    if rng.random() < 0.15:
        kw, cat = rng.choice(KEYWORDS)
        words = rng.sample(NEUTRAL, 3)
        return "%s %s %s" % (words[0], kw.capitalize(), words[1]), [(cat, kw)]
    return " ".join(rng.sample(NEUTRAL, 3)), []


def ip_label(p):
    return [("ip_address", p["ip_n"] or ipv6_norm(p["ip"]))]


def gen_csv(rng, out, n, delim):
    cols = ["id", "email", "password_hash", "first_name", "last_name",
            "phone", "iban", "birth_date", "street", "zip", "city",
            "last_ip", "session_id", "created_at", "notes"]
    out.rec(delim.join(cols), [])
    for i in range(n):
        p = person(rng)
        nt, nl = note(rng)
        created = "2023-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
        em = p["email"]
        lab = [("email", p["email_n"])]
        if rng.random() < 0.03:
            em = "nobody@" + rng.choice(DECOY_DOMAINS)
            lab = []
        ib = p["iban"]
        lab_ib = [("iban", ib)]
        if rng.random() < 0.03:
            ib = iban(rng, valid=False)
            lab_ib = []
        fields = [str(i + 1), em, p["hash"], p["first"], p["last"],
                  p["phone"], ib, p["dob"], p["street"], p["zip"],
                  p["city"], p["ip"], hexs(rng, 32), created, nt]
        if delim == "," and rng.random() < 0.2:
            fields[14] = '"%s, %s"' % (nt, "bitte")
        labels = lab + [("password_hash", p["hash"]),
                        ("name", p["first"]), ("name", p["last"]),
                        ("phone", p["phone_n"])] + lab_ib + \
            [("date_of_birth", p["dob_n"]), ("address", p["street"])] + \
            ip_label(p) + nl
        out.rec(delim.join(fields), labels)


def json_user(rng, i, phones_list=False):
    """A user object as an API export has it, and its labels."""
    p = person(rng)
    nt, nl = note(rng)
    o = {"id": i + 1, "user": {"email": p["email"],
                               "fullName": "%s %s" % (p["first"],
                                                      p["last"])},
         "mobile": p["phone"], "payment": {"iban": p["iban"],
                                           "card": p["card"]},
         "dob": p["dob"], "pwd": p["pw"], "token": hexs(rng, 40),
         "comment": nt}
    if phones_list:  # the number as an array's item under its key
        o = {("phones" if k == "mobile" else k):
             ([v] if k == "mobile" else v) for k, v in o.items()}
    labels = [("email", p["email_n"]),
              ("name", "%s %s" % (p["first"], p["last"])),
              ("phone", p["phone_n"]), ("iban", p["iban"]),
              ("payment_card", p["card"]),
              ("date_of_birth", p["dob_n"]), ("password", p["pw"])] + nl
    return o, labels


def gen_jsonl(rng, out, n):
    import json
    for i in range(n):
        o, labels = json_user(rng, i)
        out.rec(json.dumps(o, ensure_ascii=False), labels)


def gen_json(rng, out, n):
    """One pretty-printed JSON document: {"users": [ {...}, ... ]}, each
    user over many lines, a record each (labels on its brace's line)."""
    import json
    out.rec('{\n  "export": "synthetic",\n  "users": [', [])
    for i in range(n):
        o, labels = json_user(rng, i, phones_list=True)
        text = json.dumps(o, ensure_ascii=False, indent=2)
        out.rec("    " + text.replace("\n", "\n    ") +
                ("," if i + 1 < n else ""), labels)
    out.rec("  ]\n}", [])


def sqlq(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def gen_sql(rng, out, n):
    out.rec("-- MySQL dump (synthetic)", [])
    out.rec("CREATE TABLE `users` (", [])
    for c in ["id", "email", "password", "vorname", "nachname", "telefon",
              "geburtsdatum", "steuer_id", "kreditkarte"]:
        out.rec("  `%s` varchar(255) DEFAULT NULL," % c, [])
    out.rec("  PRIMARY KEY (`id`)", [])
    out.rec(") ENGINE=InnoDB;", [])
    i = 0
    while i < n:
        k = min(n - i, rng.randint(50, 400))
        tuples, labels = [], []
        for _ in range(k):
            p = person(rng)
            cc = p["card"]
            lab_cc = [("payment_card", cc)]
            if rng.random() < 0.03:
                cc = card(rng, valid=False)
                lab_cc = []
            tuples.append("(%d,%s,%s,%s,%s,%s,%s,%s,%s)" % (
                i + 1, sqlq(p["email"]), sqlq(p["hash"]), sqlq(p["first"]),
                sqlq(p["last"]), sqlq(p["phone"]), sqlq(p["dob"]),
                sqlq(p["tax"]), sqlq(cc)))
            labels += [("email", p["email_n"]), ("password_hash", p["hash"]),
                       ("name", p["first"]), ("name", p["last"]),
                       ("phone", p["phone_n"]),
                       ("date_of_birth", p["dob_n"]), ("tax_id", p["tax"])] \
                + lab_cc
            i += 1
        out.rec("INSERT INTO `users` VALUES " + ",".join(tuples) + ";",
                labels)


def gen_combo(rng, out, n):
    for _ in range(n):
        p = person(rng)
        sep = rng.choice([":", ";", "|", "\t"])
        if rng.random() < 0.2:
            h = hexs(rng, 40) if rng.random() < 0.5 else bcrypt(rng)
            out.rec(p["email"] + sep + h,
                    [("email", p["email_n"]), ("password_hash", h)])
        else:
            out.rec(p["email"] + sep + p["pw"],
                    [("email", p["email_n"]), ("password", p["pw"])])


def gen_stealer(rng, out, n):
    for _ in range(n):
        p = person(rng)
        host = rng.choice(["https://login.example.com/signin",
                           "https://shop.example.org:8443/account",
                           "http://portal.example.net/"])
        out.rec("%s:%s:%s" % (host, p["email"], p["pw"]),
                [("email", p["email_n"]), ("password", p["pw"])])


def gen_text(rng, out, n):
    for i in range(n):
        p = person(rng)
        r = rng.randint(0, 5)
        if r == 0:
            out.rec("Bitte kontaktieren Sie %s %s unter %s oder %s." % (
                p["first"], p["last"], p["email"], p["phone"]),
                [("email", p["email_n"]), ("phone", p["phone_n"])])
        elif r == 1:
            out.rec("Überweisung auf %s erfolgt, Karte %s gesperrt." % (
                p["iban"], p["card"]),
                [("iban", p["iban"]), ("payment_card", p["card"])])
        elif r == 2:
            out.rec("Anschrift: %s, %s %s (Zugriff von %s)" % (
                p["street"], p["zip"], p["city"], p["ip"]),
                [("address", "%s %s" % (p["zip"], p["city"]))] +
                ip_label(p))
        elif r == 3:
            out.rec("Decoys: 4111 1111 1111 1112, user@example.notarealtld,"
                    " DE00123456780000000000, build %s, v1.2.3.4.5" %
                    hexs(rng, 40), [])
        elif r == 4:
            h = hexs(rng, 32)
            out.rec("md5 hash of the password: %s" % h,
                    [("password_hash", h)])
        else:
            nt, nl = note(rng)
            out.rec("Ticket %d: %s." % (i, nt), nl)


def write_all(args):
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    n = args.records
    jobs = [("csv.csv", lambda o: gen_csv(rng, o, n, ",")),
            ("tsv.tsv", lambda o: gen_csv(rng, o, n, "\t")),
            ("jsonl.jsonl", lambda o: gen_jsonl(rng, o, n)),
            ("sql.sql", lambda o: gen_sql(rng, o, n)),
            ("combo.txt", lambda o: gen_combo(rng, o, n)),
            ("stealer.txt", lambda o: gen_stealer(rng, o, n)),
            ("text.txt", lambda o: gen_text(rng, o, n)),
            ("json.json", lambda o: gen_json(rng, o, n))]
    for name, fn in jobs:
        base = name.split(".")[0]
        o = Out(os.path.join(args.out, name),
                os.path.join(args.out, base + ".labels"))
        fn(o)
        o.close()


def write_dense(args):
    rng = random.Random(args.seed)
    chunk = os.path.join(os.path.dirname(os.path.abspath(args.dense)),
                         ".chunk.csv")
    o = Out(chunk, None)
    gen_csv(rng, o, 1, ",")  # header + 1
    o.close()
    size = min(args.size, 16 << 20)
    with open(chunk, "a", encoding="utf-8") as f:
        while f.tell() < size:
            lines = []
            for _ in range(2000):
                p = person(rng)
                lines.append(",".join([
                    str(rng.randint(1, 10**7)), p["email"], p["hash"],
                    p["first"], p["last"], p["phone"], p["iban"], p["dob"],
                    p["street"], p["zip"], p["city"], p["ip"],
                    hexs(rng, 32), "2023-01-01", "x"]))
            f.write("\n".join(lines) + "\n")
    data = open(chunk, "rb").read()
    head, body = data.split(b"\n", 1)
    with open(args.dense, "wb") as f:
        f.write(head + b"\n")
        while f.tell() < args.size:
            f.write(body)
    os.unlink(chunk)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--dense")
    ap.add_argument("--size", type=int, default=64 << 20)
    args = ap.parse_args()
    if args.dense:
        write_dense(args)
    elif args.out:
        write_all(args)
    else:
        ap.error("give --out DIR or --dense FILE")


if __name__ == "__main__":
    main()
