#!/bin/sh
# tools/run-demo.sh: the README's run command.  Installs what it needs,
# builds, creates a register with a fictional demo organisation and a
# handful of incidents, and walks through the main job on the CLI.
set -eu
cd "$(dirname "$0")/.."
tools/install-deps.sh
make -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
BK=$(pwd)/build/breachkit
export BREACHKIT_DB="${BREACHKIT_DB:-$(pwd)/demo.db}"
export BREACHKIT_ACTOR="${BREACHKIT_ACTOR:-dpo-demo}"
rm -f "$BREACHKIT_DB" "$BREACHKIT_DB-wal" "$BREACHKIT_DB-shm"
run() { printf '\n$ breachkit %s\n' "$*"; "$BK" "$@"; }
run init --demo
run settings
run incident list
run obligations
run incident show DEMO-$(date +%Y)-0002
run decide DEMO-$(date +%Y)-0003 authority no --rationale \
    "Business contact data that is public anyway, lost by accident: unlikely to result in a risk (Art. 33(1))."
run file DEMO-$(date +%Y)-0001 --to authority --phase initial --case-ref DEMO-SA-0815
run obligations --overdue
run export --format csv --out "$(dirname "$BREACHKIT_DB")/demo-register.csv"
run verify
printf '\nThe register is %s; try: %s help\n' "$BREACHKIT_DB" "$BK"
