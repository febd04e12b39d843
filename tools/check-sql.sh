#!/bin/sh
# No SQL outside store/sql.c, the backends' pragmas and the schema files.
cd "$(dirname "$0")/.." || exit 1
bad=$(grep -nE '"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE) ' $(find src -name '*.c' ! -path src/store/sql.c))
if [ -n "$bad" ]; then
	echo "SQL outside src/store/sql.c:"
	echo "$bad"
	exit 1
fi
