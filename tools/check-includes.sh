#!/bin/sh
# The one-way include rule: base <- model <- {store, risk, doc, scan} <- svc
# <- {http, cli} <- main.  Each subsystem may include only those below it;
# outside store/, only store/store.h of the store.
cd "$(dirname "$0")/.." || exit 1
allowed() {
	case $1 in
	base) echo "base" ;;
	model) echo "base model" ;;
	store | risk | doc | scan) echo "base model $1" ;;
	svc) echo "base model store risk doc scan svc" ;;
	cli | http) echo "base model store risk doc scan svc $1" ;;
	esac
}
st=0
for f in $(find src -mindepth 2 -name '*.[ch]'); do
	sub=$(echo "$f" | cut -d/ -f2)
	ok=$(allowed "$sub")
	for inc in $(grep -oE '^#include "[a-z_]+/[a-z_0-9]+\.h"' "$f" |
	    sed -E 's/.*"([a-z_]+)\/([a-z_0-9]+\.h)"/\1\/\2/'); do
		dep=${inc%%/*}
		case " $ok " in
		*" $dep "*) ;;
		*) echo "$f includes $inc: $sub may not depend on $dep"; st=1 ;;
		esac
		if [ "$dep" = store ] && [ "$sub" != store ] &&
		    [ "$inc" != store/store.h ]; then
			echo "$f includes $inc: outside store/ only store/store.h"
			st=1
		fi
	done
done
exit $st
