#!/bin/sh
# tools/run-demo.sh: the README's run command.  Installs what it needs,
# builds, creates a register with a fictional demo organisation and a
# handful of incidents and demo accounts, shows the main job on the CLI in
# a few steps, then starts the web front end and prints its URL and the
# demo login.  Ctrl-C stops the server.  BREACHKIT_LISTEN changes the
# address (default 127.0.0.1:8080).
set -eu
cd "$(dirname "$0")/.."
tools/install-deps.sh
make -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
BK=$(pwd)/build/breachkit
export BREACHKIT_DB="${BREACHKIT_DB:-$(pwd)/demo.db}"
export BREACHKIT_ACTOR="${BREACHKIT_ACTOR:-dpo-demo}"
rm -f "$BREACHKIT_DB" "$BREACHKIT_DB-wal" "$BREACHKIT_DB-shm" "$BREACHKIT_DB-access" "$BREACHKIT_DB-access-wal" "$BREACHKIT_DB-access-shm"
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
run verify
# Demo accounts: fixed, clearly demo passwords (a demo register only).
printf 'demo-admin-password\n' >"$BREACHKIT_DB.pw"
"$BK" user add demo --role admin --lang en --password-file "$BREACHKIT_DB.pw" >/dev/null
printf 'demo-dpo-password\n' >"$BREACHKIT_DB.pw"
"$BK" user add dpo --role dpo --password-file "$BREACHKIT_DB.pw" >/dev/null
rm -f "$BREACHKIT_DB.pw"
listen=${BREACHKIT_LISTEN:-127.0.0.1:8080}
printf '\nThe register is %s (CLI: %s help).\n' "$BREACHKIT_DB" "$BK"
printf 'Web front end: http://%s/  login: demo / demo-admin-password (admin), dpo / demo-dpo-password (dpo)\n' "$listen"
printf 'Stop with Ctrl-C.\n\n'
exec "$BK" serve --listen "$listen"
