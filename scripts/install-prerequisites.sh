#!/usr/bin/env bash
# Installs what the platform needs on a Debian/Ubuntu machine, and only what is missing:
# PostgreSQL 15 server binaries and RabbitMQ (with Erlang). The AppHost runs its own instances of both,
# so the distribution's services are kept from starting.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "The .NET 10 SDK is required (dotnet --list-sdks shows none). Install it, then run this again." >&2
  exit 1
fi

missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  # policy-rc.d answering 101 stops the packages from starting their own server during the install.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod +x "$policy"
    created_policy=1
  fi
  cleanup() { if [ "$created_policy" = 1 ]; then $SUDO rm -f "$policy"; fi; }
  trap cleanup EXIT
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Under systemd the distribution's RabbitMQ would run beside ours (its node, epmd and ports): switch it off.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  if systemctl is-enabled --quiet rabbitmq-server 2>/dev/null || systemctl is-active --quiet rabbitmq-server 2>/dev/null; then
    echo "Disabling the distribution's rabbitmq-server service (the AppHost runs its own broker)."
    $SUDO systemctl disable --now rabbitmq-server
  fi
fi

# Node.js and @asyncapi/parser 3.x (pinned in tests/asyncapi-validate/package-lock.json): the tests validate the
# generated AsyncAPI catalogue with it. Debian's nodejs (18) is enough; the @asyncapi/cli 6.x would need Node 24.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing: nodejs npm"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
validator="$(cd "$(dirname "$0")/.." && pwd)/tests/asyncapi-validate"
if [ ! -f "$validator/node_modules/@asyncapi/parser/package.json" ] \
   || [ "$validator/package-lock.json" -nt "$validator/node_modules/.package-lock.json" ]; then
  echo "Installing @asyncapi/parser into tests/asyncapi-validate/node_modules"
  npm ci --prefix "$validator" --ignore-scripts --no-audit --no-fund --loglevel=error
fi
