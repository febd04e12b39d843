#!/bin/sh
# tools/install-deps.sh: install every Debian package breachkit needs to build,
# test, lint, fuzz and benchmark.  Idempotent: installs even what is present,
# so a green run never depends on what happened to be on the machine.
set -eu
PKGS="build-essential make pkg-config git ca-certificates tzdata
libsqlite3-dev sqlite3 libjansson-dev libsodium-dev libcmocka-dev python3
clang libclang-rt-14-dev clang-format clang-tidy cppcheck bear valgrind
hyperfine curl
libcairo2-dev libpango1.0-dev libcurl4-openssl-dev fonts-dejavu-core
poppler-utils python3-jinja2 python3-aiosmtpd openssl
zlib1g-dev libzstd-dev zstd libvectorscan-dev ripgrep gzip
libevent-dev wrk nginx-light sqlmap chromium nodejs"
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi
stamp=/var/tmp/breachkit-deps.stamp
want=$(echo "$PKGS" | tr -s ' \n' ' ')
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && \
    dpkg -s $PKGS >/dev/null 2>&1; then
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $PKGS >/dev/null
# npm comes with some Node.js builds; Debian ships it separately.
command -v npm >/dev/null 2>&1 || \
    $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
echo "$want" | $SUDO tee "$stamp" >/dev/null
