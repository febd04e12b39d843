#!/usr/bin/python3
# bench/letters_jinja.py CSV MBOX TEMPLATE_DIR: the peer baseline of
# bench/letters.sh, a plain Jinja2 mail-merge of the same letter: the same
# body template (translated from src/doc/templates/letter-body.*.mustache
# to Jinja2 syntax), the same advice texts and category labels (read from
# the C sources), the same list; each letter rendered, quoted-printable
# encoded (binascii, C), the name RFC 2047-encoded, and appended to an
# mboxrd file.  Prints "letters N seconds S".
import binascii
import csv
import hashlib
import re
import sys
import time

import jinja2

csv_path, mbox_path, root = sys.argv[1], sys.argv[2], sys.argv[3]


def c_strings(block):
    """The C string literals of `block`, adjacent ones joined."""
    out, cur = [], None
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"|(,)|NULL', block):
        if m.group(1) is not None:
            s = m.group(1).encode().decode("unicode_escape").encode(
                "latin-1").decode("utf-8")
            cur = (cur or "") + s
        elif m.group(2):
            if cur is not None:
                out.append(cur)
            cur = None
    if cur is not None:
        out.append(cur)
    return out


src = open(root + "/src/doc/letter_advice.c", encoding="utf-8").read()
adv_src = src[src.index("letter_advice[] = {"):src.index("letter_conseq[]")]
con_src = src[src.index("letter_conseq[] = {"):]
enums = open(root + "/src/model/enums.h", encoding="utf-8").read()
dat = enums[enums.index("#define DATA_CAT_LIST"):]
dat = dat[:dat.index("\n\n")]
cat_names, labels_de, labels_en = [], {}, {}
for m in re.finditer(r'X\((\w+),\s*((?:"[^"]*"\s*)+),\s*((?:"[^"]*"\s*)+),'
                     r'\s*((?:"[^"]*"\s*)+)\)', dat.replace("\\\n", " ")):
    j = "".join(re.findall(r'"([^"]*)"', m.group(2)))
    cat_names.append((m.group(1), j))
    labels_en[j] = "".join(re.findall(r'"([^"]*)"', m.group(3)))
    labels_de[j] = "".join(re.findall(r'"([^"]*)"', m.group(4)))
enum_of = {e: j for e, j in cat_names}


def entries(block):
    res = []
    for m in re.finditer(r"\{\s*((?:C\(\w+\)\s*\|?\s*)+),(.*?)\},", block,
                         re.S):
        cats = [enum_of[c] for c in re.findall(r"C\((\w+)\)", m.group(1))
                if c in enum_of]
        res.append((set(cats), c_strings(m.group(2))))
    return res


advice = entries(adv_src)
conseq = entries(con_src)
ORG = {"name": "Musterschuh Versand GmbH (fiktiv)",
       "address": "Musterstraße 1, 40210 Düsseldorf",
       "website": "https://musterschuh.example.invalid",
       "channels": "Wir schreiben nur von Adressen @musterschuh.example.invalid"
                   " und fragen nie nach Passwörtern."}
DPO = {"name": "Dana Beispiel", "email": "datenschutz@musterschuh.example."
       "invalid", "phone": "+49 211 000000", "address": "",
       "has_phone": True, "has_address": False}
INCIDENT = {"ref": "BK-2024-0001", "date": "30. April 2024", "what": "",
            "has_what": False,
            "description": "Unbekannte haben über eine Sicherheitslücke im "
                           "Online-Shop Kundendaten kopiert."}
MEASURES = {"taken": "Wir haben die Lücke geschlossen und alle Passwörter "
                     "zurückgesetzt.",
            "planned": "Ein externes Sicherheitsaudit.", "has_planned": True}


def fill(s):
    return (s.replace("{org}", ORG["name"]).replace("{channels}",
            ORG["channels"]).replace("{website}", ORG["website"]))


def mustache_to_jinja(t):
    t = t.split("\n", 1)[1]
    t = re.sub(r"\{\{#(recipient\.has_name|incident\.has_what|incident\.date|"
               r"measures\.has_planned|dpo\.has_phone|dpo\.has_address)\}\}",
               r"{% if \1 %}", t)
    t = re.sub(r"\{\{\^recipient\.has_name\}\}", "{% if not recipient.has_name %}", t)
    t = re.sub(r"\{\{/(recipient\.has_name|incident\.has_what|incident\.date|"
               r"measures\.has_planned|dpo\.has_phone|dpo\.has_address)\}\}",
               "{% endif %}", t)
    t = re.sub(r"\{\{#(\w+)\}\}", r"{% for it in \1 %}", t)
    t = re.sub(r"\{\{/(\w+)\}\}", "{% endfor %}", t)
    t = re.sub(r"\{\{(text|label|title)\}\}", r"{{ it.\1 }}", t)
    return t


env = jinja2.Environment(autoescape=False, keep_trailing_newline=True,
                         trim_blocks=True, lstrip_blocks=True)
tmpl = {}
for lang in ("de", "en"):
    with open(root + "/src/doc/templates/letter-body.%s.mustache" % lang,
              encoding="utf-8") as fp:
        tmpl[lang] = env.from_string(mustache_to_jinja(fp.read()))
subject = {"de": "Wichtige Information zum Schutz Ihrer Daten bei %s (%s)",
           "en": "Important information about your data at %s (%s)"}


def b_words(s):
    b = s.encode("utf-8")
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return "=?UTF-8?B?%s?=" % binascii.b2a_base64(b, newline=False).decode()


from_re = re.compile(rb"^(>*From )", re.M)
t0 = time.monotonic()
n = 0
with open(csv_path, newline="", encoding="utf-8") as fp, \
        open(mbox_path, "wb", buffering=1 << 20) as out:
    for row in csv.DictReader(fp):
        lang = row["language"]
        de = lang == "de"
        cats = {c.strip() for c in row["categories"].split(";") if c.strip()}
        if not cats:
            cats = {"contact", "credentials", "bank_account"}
        data = [{"label": (labels_de if de else labels_en)[j]}
                for _, j in cat_names if j in cats]
        cons = [{"text": s[0] if de else s[1]} for cs, s in conseq if cs & cats]
        seen, adv = set(), []
        for cs, s in advice:
            if cs & cats and not cs & seen:
                seen |= cs
                adv.append({"title": s[0] if de else s[2],
                            "text": fill(s[1] if de else s[3])})
        body = tmpl[lang].render(
            recipient={"name": row["name"], "has_name": bool(row["name"])},
            org=ORG, dpo=DPO, incident=INCIDENT, measures=MEASURES,
            effects=[{"text": "Unbefugte konnten Ihre Daten einsehen oder "
                              "haben sie erhalten."}],
            data=data, consequences=cons, advice=adv)
        msg = ("From: \"%s\" <%s>\nTo: %s <%s>\nSubject: %s\nDate: Wed, 01 "
               "May 2024 10:00:00 +0000\nMessage-ID: <letter.%s@musterschuh."
               "example.invalid>\nMIME-Version: 1.0\nContent-Type: text/plain;"
               " charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n"
               "Content-Language: %s\n\n" % (
                   ORG["name"], DPO["email"], b_words(row["name"]),
                   row["email"], subject[lang] % (ORG["name"], "BK-2024-0001"),
                   hashlib.sha256(("breachkit-letter-v1\nBK-2024-0001\n%s"
                                   % row["id"]).encode()).hexdigest()[:32],
                   lang)).encode("utf-8")
        msg += binascii.b2a_qp(body.encode("utf-8"))
        out.write(b"From datenschutz@musterschuh.example.invalid Wed May  1 "
                  b"10:00:00 2024\n")
        out.write(from_re.sub(rb">\1", msg))
        out.write(b"\n\n")
        n += 1
print("letters %d seconds %.3f" % (n, time.monotonic() - t0))
