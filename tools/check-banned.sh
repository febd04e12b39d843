#!/bin/sh
# Backstop for base/banned.h: banned calls anywhere in src/ (xalloc.c may
# allocate).  Comments and strings are not parsed; keep the names out of them.
cd "$(dirname "$0")/.." || exit 1
pat='\b(strcpy|strcat|strncpy|strncat|sprintf|vsprintf|strtok|strtok_r|gets|atoi|atol|atoll|atof|sscanf|gmtime|localtime|ctime|asctime|mktemp|tmpnam|rand|random|system|popen)[[:space:]]*\('
bad=$(grep -nE "$pat" $(find src -name '*.c' ! -name banned.h) | grep -vE '(gmtime_r|localtime_r)')
alloc=$(grep -nE '\b(malloc|calloc|realloc|strdup)[[:space:]]*\(' $(find src -name '*.c' ! -path src/base/xalloc.c))
if [ -n "$bad$alloc" ]; then
	echo "banned functions:"
	echo "$bad$alloc"
	exit 1
fi
