# The intake wizard (/intake): a draft is saved on every step, a step
# with a problem is refused with the problem next to its field and
# nothing saved, drafts are listed and resumable, drafts are private to
# their account, "unknown" stays unknown, and the last step records the
# incident and deletes the draft.
. "$E2E_LIB"

init_register
add_user dpo1 dpo
add_user ed1 editor
add_user view1 viewer
serve_start
CSRF=$(login dpo1)
ECSRF=$(login ed1)
login view1 >/dev/null

# form STEP NAV ARGS...: post one step of draft $D as dpo1.
form() {
	local step=$1 nav=$2
	shift 2
	http POST "/intake/$D" -b jar-dpo1 --data-urlencode "csrf=$CSRF" \
	    -d "step=$step" -d "nav=$nav" "$@"
}
location() { sed -n 's/^[Ll]ocation: \(.*\)\r$/\1/p' "$LAST_ERR"; }

# No CSRF token: refused.  A viewer may not report.
http POST /intake -b jar-dpo1 -d x=1
expect_status 403
http GET /intake -b jar-view1
expect_status 403
http GET /intake
expect_status 303

http POST /intake -b jar-dpo1 --data-urlencode "csrf=$CSRF"
expect_status 303
D=$(location | sed -n 's|^/intake/\([0-9]*\)?step=0$|\1|p')
[ -n "$D" ] || fail "no draft id in $(location)"

# Step 1, then the page shows the values back.
form 0 next --data-urlencode 'title=Misdirected payroll e-mail' \
    -d role=controller -d sectors=finance
expect_status 303
expect_eq "next" "$(location)" "/intake/$D?step=1"
http GET "/intake/$D?step=0" -b jar-dpo1
expect_status 200
grep -q 'value="Misdirected payroll e-mail"' "$LAST_OUT" || fail "title not shown"
grep -q 'value="finance" data-kind="set" checked' "$LAST_OUT" ||
    fail "sector not ticked"
grep -q 'value="controller" selected' "$LAST_OUT" || fail "role not selected"
for l in '<label for="f-title">' '<legend>' 'aria-current="step"'; do
	grep -qF "$l" "$LAST_OUT" || fail "page lacks $l"
done

# Timeline: a time in the future and a bad time are refused, each named
# next to its field, and nothing is saved.
form 1 next -d 'timeline.discovered_at=2024-04-30T09:00' \
    -d 'timeline.aware_at=2030-01-01T10:00'
expect_status 422
grep -q 'id="f-timeline-aware_at-err" role="alert">timeline.aware_at: ' \
    "$LAST_OUT" || fail "future awareness not named next to its field"
grep -q 'aria-invalid="true"' "$LAST_OUT" || fail "no aria-invalid"
form 1 next -d 'timeline.discovered_at=yesterday'
expect_status 422
grep -q 'timeline.discovered_at: a date and time' "$LAST_OUT" ||
    fail "bad time not named"
http GET "/intake/$D?step=1" -b jar-dpo1
grep -q 'name="timeline.discovered_at" value=""' "$LAST_OUT" ||
    fail "a refused step was saved"
# Local times of the register's zone (Europe/Berlin, CEST in May).
form 1 next -d 'timeline.discovered_at=2024-04-30T09:00' \
    -d 'timeline.aware_at=2024-04-30T11:00' -d timeline.ongoing=no
expect_status 303

# Nature: unknown is a choice; a count must be a number.
form 2 next -d nature.confidentiality=yes -d nature.integrity=unknown \
    -d cause.intent=accidental -d cause.attack=unknown
expect_status 303
form 3 next -d data.categories=contact -d data.categories=financial \
    -d subjects.count=12x
expect_status 422
grep -q 'subjects.count: a whole number' "$LAST_OUT" || fail "count not named"
form 3 next -d data.categories=contact -d data.categories=financial \
    -d subjects.categories=unknown -d subjects.count=40 \
    -d subjects.count_is_estimate=1 -d subjects.countries='de, at'
expect_status 303

# The list of drafts shows it; another account cannot see or use it.
http GET /intake -b jar-dpo1
grep -q "href=\"/intake/$D?step=4\">Misdirected payroll e-mail</a>" \
    "$LAST_OUT" || fail "draft not listed with its step"
http GET "/intake/$D" -b jar-ed1
expect_status 404
http POST "/intake/$D" -b jar-ed1 --data-urlencode "csrf=$ECSRF" -d step=0 \
    -d title=stolen
expect_status 404
http GET /intake -b jar-ed1
grep -q 'Misdirected' "$LAST_OUT" && fail "another account sees the draft"

# Resume: the stored step is where it continues; back goes one back.
http GET "/intake/$D" -b jar-dpo1
grep -q 'name="step" value="4"' "$LAST_OUT" || fail "not resumed at step 5"
form 4 back -d protection.encryption=none
expect_eq "back" "$(location)" "/intake/$D?step=3"

# The review lists the facts; without a title nothing is recorded.
form 0 save -d role=controller
expect_status 303
http GET "/intake/$D?step=7" -b jar-dpo1
grep -q 'class="level">' "$LAST_OUT" || fail "no recommendation on review"
form 7 submit
expect_status 422
grep -q 'title: required' "$LAST_OUT" || fail "missing title not named"
expect_eq "incidents" "$(incident_count)" 0
form 0 save --data-urlencode 'title=Misdirected payroll e-mail'
form 7 submit
expect_status 303
expect_eq "created" "$(location)" "/incidents/BK-2024-0001"
http GET "/intake/$D" -b jar-dpo1
expect_status 404

# The facts as entered; unknown stayed unknown.
bk incident show BK-2024-0001 --json
expect_eq "count" "$(jget 'd["facts"]["subjects"]["count"]')" 40
expect_eq "estimate" "$(jget 'd["facts"]["subjects"]["count_is_estimate"]')" true
expect_eq "cats" "$(jget 'd["facts"]["data"]["categories"]')" '["contact","financial"]'
expect_eq "countries" "$(jget 'd["facts"]["subjects"]["countries"]')" '["DE","AT"]'
expect_eq "conf" "$(jget 'd["facts"]["nature"]["confidentiality"]')" true
expect_eq "integrity unknown" "$(jget 'd["facts"]["nature"].get("integrity")')" null
expect_eq "subjects unknown" "$(jget 'd["facts"]["subjects"].get("categories")')" null
expect_eq "encryption" "$(jget 'd["facts"]["protection"]["encryption"]')" none
expect_eq "aware" "$(utc "$(jget 'd["facts"]["timeline"]["aware_at"]')")" \
    2024-04-30T09:00:00Z
expect_eq "creator" "$(jget 'd["history"][0]["actor"]')" dpo1

# A draft can be deleted.
http POST /intake -b jar-dpo1 --data-urlencode "csrf=$CSRF"
D2=$(location | sed -n 's|^/intake/\([0-9]*\)?step=0$|\1|p')
http POST "/intake/$D2/delete" -b jar-dpo1 --data-urlencode "csrf=$CSRF"
expect_status 303
http GET "/intake/$D2" -b jar-dpo1
expect_status 404

serve_stop
expect_verify_ok
