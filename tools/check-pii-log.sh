#!/bin/sh
# No personal data in logs or diagnostics: log/diagnostic calls must not
# print the fields that hold personal data (names, e-mails, phones,
# descriptions, note texts, reporters).
cd "$(dirname "$0")/.." || exit 1
bad=$(grep -nE '(log_[a-z]+|fprintf[[:space:]]*\([[:space:]]*stderr)[^;]*(->|\.)(email|reporter_[a-z]+|name|phone|description|text|payload|facts)\b' $(find src -name '*.c') | grep -v 'field_errors\|->name, "' )
if [ -n "$bad" ]; then
	echo "personal data may reach a log:"
	echo "$bad"
	exit 1
fi
