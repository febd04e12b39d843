# tests/e2e/notice.sh: helpers for the notice and template cases
# (09x-*.sh), sourced after lib.sh.  All data is fictional
# (example.invalid).

# notice_register: a register with every organisation and DPO setting.
notice_register() {
	init_register --org "Beispiel Versand GmbH (fiktiv)" --prefix BK
	bk settings set org_name "Beispiel Versand GmbH (fiktiv)"
	bk settings set org_address "Musterstraße 1, 12345 Musterstadt"
	bk settings set org_website "https://www.example.invalid"
	bk settings set org_channels "E-Mails von service@example.invalid und Nachrichten in Ihrem Kundenkonto"
	bk settings set dpo_name "Dr. Erika Mustermann (fiktiv)"
	bk settings set dpo_email "datenschutz@example.invalid"
	bk settings set dpo_phone "+49 30 123456-0"
	bk settings set dpo_address "Datenschutz, Musterstraße 1, 12345 Musterstadt"
}

# notice_facts FILE ROLE [TITLE]: a complete fictional incident, aware
# 2024-04-30T07:00Z.
notice_facts() {
	"$PY" - "$1" "$2" "${3:-Kundenkonten eines Webshops ausgespäht}" <<'PYEOF' || fail "notice_facts"
import json, sys
d = {
  "title": sys.argv[3],
  "description": "Unbekannte haben über eine Sicherheitslücke im "
                 "Webshop Kundendaten abgerufen (fiktiver Fall).",
  "role": sys.argv[2],
  "timeline": {"occurred_from": "2024-04-28T22:00:00Z",
               "occurred_to": "2024-04-29T03:00:00Z", "ongoing": False,
               "discovered_at": "2024-04-30T06:30:00Z",
               "aware_at": "2024-04-30T07:00:00Z"},
  "nature": {"confidentiality": True, "integrity": False,
             "availability": False, "type": "hacking"},
  "cause": {"intent": "malicious", "origin": "external",
            "attack": "sql_injection"},
  "data": {"categories": ["contact", "credentials", "bank_account"],
           "identifiers": ["name", "email"]},
  "subjects": {"categories": ["customers"], "count": 12500,
               "count_is_estimate": True, "records": 30000},
  "protection": {"encryption": "none", "password_storage": "unsalted_hash"},
  "exposure": {"exfiltrated": True, "recipients": "unidentified"},
  "consequences": {"likely": ["identity_theft", "financial_loss"],
                   "text": "Betrügerische E-Mails, die sich auf den "
                           "Vorfall berufen, sind wahrscheinlich."},
  "measures": {"taken": "Die Lücke ist geschlossen; alle Passwörter "
                        "wurden zurückgesetzt.",
               "planned": "Ein externer Sicherheitstest im Juni.",
               "prevent": "Regelmäßige Sicherheitstests."}
}
with open(sys.argv[1], "w", encoding="utf-8") as fp:
    json.dump(d, fp, ensure_ascii=False)
PYEOF
}

# notice_golden NAME: the last stdout equals golden/NAME
# (BREACHKIT_UPDATE_GOLDEN=1 rewrites it).
notice_golden() {
	local g="$TOP/tests/e2e/golden/$1"
	if [ -n "${BREACHKIT_UPDATE_GOLDEN:-}" ]; then
		cp "$LAST_OUT" "$g"
		return 0
	fi
	[ -f "$g" ] || fail "no golden file $g (BREACHKIT_UPDATE_GOLDEN=1)"
	if ! cmp -s "$LAST_OUT" "$g"; then
		diff -u "$g" "$LAST_OUT" | head -40 >&2
		fail "output differs from golden/$1"
	fi
}
