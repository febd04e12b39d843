# The dashboard's charts: inline SVG (no script) with tables of their
# numbers: incidents per month by type over the last 12 months (by the
# month of awareness), and hours from awareness to each filed authority
# notification with the 72-hour line.  The figures are cached, and the
# cache follows every change to the register.
. "$E2E_LIB"

init_register
add_user dpo1 dpo
add_user rep1 reporter
facts a.json "Chart A" 2024-04-10T08:00:00Z "" '{"nature": {"integrity": true}}'
facts b.json "Chart B" 2024-04-20T08:00:00Z "" \
    '{"nature": {"confidentiality": false, "availability": true}}'
facts c.json "Chart C" 2023-12-05T08:00:00Z
facts d.json "Chart D (outside the window)" 2023-04-30T08:00:00Z
A=$(new_incident a.json)
B=$(new_incident b.json)
new_incident c.json >/dev/null
new_incident d.json >/dev/null
serve_start
CSRF=$(login dpo1)
login rep1 >/dev/null

# file REF HOURS: file the authority notification HOURS after awareness.
file() {
	bk incident show "$1" --json
	local ob at
	ob=$(jget '[o["id"] for o in d["obligations"] if o["recipient"] == "authority"][0]')
	at=$("$PY" -c '
import sys, datetime
t = datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00"))
t = t + datetime.timedelta(hours=int(sys.argv[2]))
print(t.astimezone(datetime.timezone(datetime.timedelta(hours=2))).strftime("%Y-%m-%dT%H:%M"))
' "$(jget 'd["facts"]["timeline"]["aware_at"]')" "$2")
	http POST "/incidents/$1/filings" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
	    -d "obligation=$ob" -d phase=initial -d "filed_at=$at" \
	    -d 'delay_reason=synthetic test'
	expect_status 303
}
file "$A" 30
file "$B" 80

row() {	# row KEY: the cells of the table row KEY of the last page
	grep -o "<tr><th scope=\"row\">$1</th>\(<td>[0-9]*</td>\)*</tr>" "$LAST_OUT" |
	    sed 's/<[^>]*>/ /g; s/  */ /g; s/^ //; s/ $//'
}

http GET / -b jar-dpo1
expect_status 200
grep -q '<svg xmlns="http://www.w3.org/2000/svg" viewBox=' "$LAST_OUT" ||
    fail "no inline SVG"
grep -q 'id="chart-months"' "$LAST_OUT" || fail "no months chart"
grep -q 'id="chart-delays"' "$LAST_OUT" || fail "no delays chart"
grep -q '<line class="limit"' "$LAST_OUT" || fail "no 72-hour line"
grep -q '>72 h</text>' "$LAST_OUT" || fail "the 72-hour line is not labelled"
grep -q 'aria-labelledby="chart-months-t"' "$LAST_OUT" || fail "no SVG title"
# month: incidents, confidentiality, integrity, availability
expect_eq "2024-04" "$(row 2024-04)" "2024-04 2 1 1 1"
expect_eq "2023-12" "$(row 2023-12)" "2023-12 1 1 0 0"
expect_eq "2024-05" "$(row 2024-05)" "2024-05 0 0 0 0"
expect_eq "2023-06" "$(row 2023-06)" "2023-06 0 0 0 0"
[ -z "$(row 2023-04)" ] || fail "a month outside the window is shown"
[ "$(grep -o '<tr><th scope="row">20[0-9-]*</th>' "$LAST_OUT" | wc -l)" -eq 12 ] ||
    fail "not 12 months"
# hours: 30 h and 80 h
expect_eq "24-36" "$(row '24–36')" "24–36 1"
expect_eq "72-84" "$(row '72–84')" "72–84 1"
expect_eq "0-12" "$(row '0–12')" "0–12 0"
grep -q 'Eingereichte Meldungen: 2\.' "$LAST_OUT" || fail "filed count"

# The cache follows changes: a new incident in April, one edited.
facts e.json "Chart E" 2024-04-28T08:00:00Z
new_incident e.json >/dev/null
http GET / -b jar-dpo1
expect_eq "2024-04 after" "$(row 2024-04)" "2024-04 3 2 1 1"
printf '{"nature": {"integrity": true}}' >p.json
bk incident edit BK-2024-0005 --from p.json --reason "synthetic"
http GET / -b jar-dpo1
expect_eq "2024-04 edited" "$(row 2024-04)" "2024-04 3 2 2 1"

# English, and no charts for a reporter.
http GET / -b jar-dpo1 -b breachkit_lang=en
grep -q 'Incidents per month by type, last 12 months' "$LAST_OUT" ||
    fail "no English title"
http GET / -b jar-rep1
grep -q 'chart-months' "$LAST_OUT" && fail "a reporter sees the charts"
serve_stop
