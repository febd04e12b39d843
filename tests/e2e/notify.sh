# tests/e2e/notify.sh: helpers for the notify cases (10x-*.sh), sourced
# after lib.sh.  All data is fictional (example.invalid).

# notify_register: a register with the organisation and DPO settings.
notify_register() {
	init_register --org "Beispiel Versand GmbH (fiktiv)" --prefix BK
	bk settings set org_name "Beispiel Versand GmbH (fiktiv)"
	bk settings set org_address "Musterstraße 1, 12345 Musterstadt"
	bk settings set org_website "https://www.example.invalid"
	bk settings set dpo_name "Dr. Erika Mustermann (fiktiv)"
	bk settings set dpo_email "datenschutz@example.invalid"
	bk settings set dpo_phone "+49 30 123456-0"
}

# notify_facts FILE [EXTRA-JSON]: the facts of a complete fictional
# incident, aware 2024-04-30T07:00Z (deadline 05-03 07:00Z).
notify_facts() {
	"$PY" - "$1" "${2:-}" <<'PYEOF' || fail "notify_facts"
import json, sys
d = {
  "title": "Rechnungsliste an falschen Empfänger versandt",
  "description": "Eine Liste mit Rechnungsdaten von Kundinnen und Kunden "
                 "wurde per E-Mail an einen falschen Geschäftskunden "
                 "gesendet. Größe der Datei: 40 Zeilen.",
  "role": "controller",
  "reporter": {"name": "Max Beispiel (fiktiv)", "function": "Buchhaltung",
               "email": "max@example.invalid"},
  "timeline": {"occurred_from": "2024-04-29T14:00:00Z",
               "occurred_to": "2024-04-29T14:05:00Z", "ongoing": False,
               "discovered_at": "2024-04-30T06:30:00Z",
               "aware_at": "2024-04-30T07:00:00Z",
               "discovery": "third_party",
               "discovery_text": "Der Empfänger rief an."},
  "nature": {"confidentiality": True, "integrity": False,
             "availability": False, "type": "misdirected"},
  "cause": {"intent": "accidental", "origin": "internal", "attack": "none",
            "cyber_incident": False},
  "data": {"categories": ["contact", "order", "bank_account"],
           "identifiers": ["name", "postal_address", "customer_number"]},
  "subjects": {"categories": ["customers"], "count": 40,
               "count_is_estimate": False, "records": 40,
               "countries": ["DE"], "contact_available": True},
  "protection": {"encryption": "none", "password_storage": "not_applicable",
                 "backup_available": True},
  "exposure": {"exfiltrated": False, "recipients": "known",
               "recipients_text": "Ein Geschäftskunde (fiktiv).",
               "already_public": False, "misuse_observed": False},
  "consequences": {"likely": ["financial_loss", "loss_of_control"],
                   "occurred": []},
  "measures": {"taken": "Der Empfänger hat die Löschung schriftlich "
                        "bestätigt.",
               "prevent": "Versand nur noch über das Kundenportal.",
               "police_report": False},
  "jurisdiction": {"cross_border": False}
}
if sys.argv[2]:
    for k, v in json.loads(sys.argv[2]).items():
        if isinstance(v, dict) and isinstance(d.get(k), dict):
            d[k].update(v)
        else:
            d[k] = v
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
}

# golden NAME: compare the last stdout with tests/e2e/golden/NAME
# (BREACHKIT_UPDATE_GOLDEN=1 rewrites it).
golden() {
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
