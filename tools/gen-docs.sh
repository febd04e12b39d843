#!/bin/sh
# tools/gen-docs.sh [--check]: regenerate the docs that come from the code:
# docs/facts.schema.json and the field reference in docs/facts.md (from the
# facts field table), docs/breachkit.1 (from the command table).  With
# --check, only report whether they are current (used by make lint).
set -eu
cd "$(dirname "$0")/.."
BK=${BUILD:-build}/breachkit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BK" schema facts > "$tmp/facts.schema.json"
"$BK" help --man > "$tmp/breachkit.1"
# docs/facts.md: everything up to the marker line is prose, the rest is generated.
marker='<!-- generated below by tools/gen-docs.sh from src/model/facts.c: do not edit -->'
awk -v m="$marker" '{ print } $0 == m { exit }' docs/facts.md > "$tmp/facts.md"
grep -qxF "$marker" "$tmp/facts.md" || { echo "docs/facts.md lacks the marker"; exit 1; }
echo >> "$tmp/facts.md"
"$BK" schema facts --markdown >> "$tmp/facts.md"
if [ "${1:-}" = --check ]; then
	st=0
	for f in facts.schema.json breachkit.1 facts.md; do
		if ! cmp -s "$tmp/$f" "docs/$f"; then
			echo "docs/$f is stale: run tools/gen-docs.sh"
			diff "docs/$f" "$tmp/$f" | head -20 || true
			st=1
		fi
	done
	exit $st
fi
cp "$tmp/facts.schema.json" "$tmp/breachkit.1" "$tmp/facts.md" docs/
