# An open obligation whose rule no longer applies lapses, with the reason,
# when the facts change: a processor that turns out to be the controller
# no longer owes Art. 33(2) but does owe the authority (Art. 33(1)).
. "$E2E_LIB"

init_register
facts "$PWD/p.json" "Processor report" 2024-05-01T08:00:00Z "" '{"role":"processor"}'
expect_eq ref "$(new_incident "$PWD/p.json")" BK-2024-0001
bk obligations BK-2024-0001 --json
expect_eq "before" "$(jget '[(o["recipient"], o["status"]) for o in d]')" '[["controller","open"]]'
echo '{"role":"controller"}' > patch.json
bk incident edit BK-2024-0001 --from patch.json --reason "We decide the purposes (fictional)."
bk obligations BK-2024-0001 --json
expect_eq "after" "$(jget '[(o["recipient"], o["status"]) for o in d]')" \
    '[["controller","not_required"],["authority","open"]]'
expect_eq "reason" "$(jget 'd[0]["rationale"].startswith("No longer applies")')" true
expect_eq "by" "$(jget 'd[0]["decided_by"]')" tester
expect_verify_ok
