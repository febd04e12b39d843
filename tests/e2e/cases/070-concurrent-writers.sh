# Four processes create incidents at once (50 each): each attempt either
# succeeds or reports "busy" with exit 1; afterwards the register holds
# exactly the successes, every reference once, and verify passes.
. "$E2E_LIB"

init_register
facts f.json "Concurrent writer test" 2024-05-01T08:00:00Z "" \
    '{"measures": {"taken": "Synthetic load."}}'
N=50
writer() {	# writer ID: N attempts; one line "exit ref" per attempt
	local i=0 rc
	while [ $i -lt $N ]; do
		"$BK" incident new --from f.json >"w$1.out" 2>"w$1.err"
		rc=$?
		echo "$rc $(cat "w$1.out")" >>"w$1.log"
		if [ $rc -ne 0 ]; then
			cat "w$1.err" >>"w$1.errors"
		fi
		i=$((i + 1))
	done
}
for w in 1 2 3 4; do
	writer $w &
done
wait

cat w1.log w2.log w3.log w4.log >all.log
expect_eq "attempts" "$(wc -l <all.log)" $((4 * N))
bad=$(grep -v -E '^(0 BK-2024-[0-9]{4}|1 )$' all.log | head -3)
[ -z "$bad" ] || fail "unexpected outcome: $bad"
if [ -n "$(cat w*.errors 2>/dev/null)" ]; then
	# Every failure is a clean "busy" report, nothing else.
	others=$(cat w*.errors | grep -v "busy" | head -3)
	[ -z "$others" ] || fail "a writer failed other than busy: $others"
	grep -q '^breachkit ' w*.errors || fail "busy without the command name"
fi
ok_n=$(grep -c '^0 ' all.log)
echo "successes: $ok_n of $((4 * N)); busy: $(grep -c '^1 ' all.log)"
[ "$ok_n" -gt 0 ] || fail "no writer succeeded"

grep '^0 ' all.log | cut -d' ' -f2 | sort >reported
dups=$(uniq -d reported)
[ -z "$dups" ] || fail "a reference was reported twice: $dups"
bk incident list --json
jget '"\n".join(i["ref"] for i in d)' | sort >stored
expect_eq "incident count" "$(wc -l <stored)" "$ok_n"
cmp -s reported stored || fail "stored references differ from the reported ones: $(diff reported stored | head)"
expect_eq "no gaps" "$(tail -1 stored)" "$(printf 'BK-2024-%04d' "$ok_n")"
bk obligations --json
expect_eq "one obligation each" "$(jget 'len(d)')" "$ok_n"
expect_verify_ok
