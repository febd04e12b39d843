# The dashboard lists at most the 100 most urgent open deadlines (a large
# register's all would make a page of megabytes) and says so; the most
# urgent comes first.
. "$E2E_LIB"

init_register
add_user dpo1 dpo
"$PY" - <<'PYEOF' >many.jsonl
import json
for i in range(120):
    h = 8 + i % 10
    print(json.dumps({"title": "Cap test %03d" % i, "role": "controller",
        "nature": {"confidentiality": True},
        "timeline": {"aware_at": "2024-04-%02dT%02d:00:00Z" % (1 + i // 10, h)}}))
PYEOF
bk incident import many.jsonl
serve_start
login dpo1 >/dev/null
http GET / -b jar-dpo1
expect_status 200
sec=$(sed 's|</section>|\n|g' "$LAST_OUT" | grep 'id="obl"')
n=$(printf '%s' "$sec" | grep -o '<tr[ >]' | wc -l)
# 100 rows and the header row
expect_eq "rows" "$n" 101
printf '%s' "$sec" | grep -q 'class="more">Die 100 dringendsten' ||
    fail "the cap is not said"
first=$(printf '%s' "$sec" | grep -o 'href="/incidents/[^"]*"' | head -1)
expect_eq "most urgent first" "$first" 'href="/incidents/BK-2024-0001"'
serve_stop
