#!/bin/sh
# tests/openapi/run.sh OPENAPI.json ROUTES.txt [SAMPLES.json]: install the
# pinned validator (package-lock.json; npm ci) once, then run check.js.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$here/node_modules/.package-lock.json" ] ||
    ! cmp -s "$here/package-lock.json" "$here/node_modules/.lock-stamp"; then
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
	    { echo "openapi: npm ci failed"; exit 1; }
	cp "$here/package-lock.json" "$here/node_modules/.lock-stamp"
fi
exec node "$here/check.js" "$@"
