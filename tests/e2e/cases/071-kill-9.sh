# kill -9 in the middle of writes: a loop of `incident new` runs in the
# background while its current breachkit process is killed at random
# moments, several times.  Afterwards the register opens, verify passes,
# and every reference that was reported as created is there.
. "$E2E_LIB"

init_register
# A larger document makes each write take a little longer.
"$PY" -c '
import json
t = "Synthetic. " * 1800	# under the 20000-byte limit of one text fact
d = {"title": "kill -9 test", "description": t,
     "timeline": {"discovered_at": "2024-05-01T07:00:00Z",
                  "aware_at": "2024-05-01T08:00:00Z", "discovery_text": t},
     "data": {"text": t}, "subjects": {"text": t},
     "exposure": {"recipients_text": t}, "consequences": {"text": t},
     "measures": {"taken": t, "planned": t, "prevent": t}}
json.dump(d, open("f.json", "w"))
'
bk incident new --from f.json
echo "$(out)" >reported
loop() {
	local i=0 pid rc
	while [ $i -lt 300 ] && [ ! -e stop ]; do
		"$BK" incident new --from f.json >"o.$i" 2>"e.$i" &
		pid=$!
		echo "$pid" >cur.pid.tmp
		mv cur.pid.tmp cur.pid
		wait "$pid"
		rc=$?
		[ $rc -eq 0 ] && cat "o.$i" >>reported
		echo "$i $rc" >>rc.log
		i=$((i + 1))
	done
	rm -f cur.pid
}
loop 2>loop.err &
looper=$!

kills=0
tries=0
while [ $kills -lt 8 ] && [ $tries -lt 200 ]; do
	tries=$((tries + 1))
	# 0-49 ms, from $RANDOM.
	sleep "0.0$((RANDOM % 5))$((RANDOM % 10))"
	pid=$(cat cur.pid 2>/dev/null) || continue
	[ -n "$pid" ] || continue
	# Only our own child, and only while it is still breachkit.
	case $({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) in
	"$BK incident new"*) ;;
	*) continue ;;
	esac
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
done
sleep 0.2
: >stop
wait "$looper"
killed=$(grep -c ' 137$' rc.log)
echo "killed $killed processes ($kills signals) in $(wc -l <rc.log) attempts"
# A signal may reach a process that has just exited: count the deaths.
[ "$killed" -ge 3 ] || fail "only $killed processes were killed"
others=$(grep -v -E ' (0|137)$' rc.log | head -3)
[ -z "$others" ] || fail "attempts failed other than by the kill: $others"

# The register opens and verifies; every reported success is present.
expect_verify_ok
bk incident list --json
jget '"\n".join(i["ref"] for i in d)' | sort >stored
sort reported >reported.sorted
missing=$(comm -23 reported.sorted stored)
[ -z "$missing" ] || fail "reported as created but missing: $missing"
[ "$(wc -l <stored)" -ge "$(wc -l <reported.sorted)" ] || fail "fewer incidents than reported"
# A killed write either committed fully or not at all: no half incident.
bk obligations --json
expect_eq "one obligation each" "$(jget 'len(d)')" "$(wc -l <stored)"
bk incident new --from f.json
