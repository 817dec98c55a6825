#!/usr/bin/env bash
# Installs the system packages MotCua needs when they are missing (Debian 12; run as root or with sudo).
set -euo pipefail
packages=(libpq-dev libcurl4-openssl-dev postgresql postgresql-contrib pkg-config)
# The test tools: the compose checker, the load generator, and for the browser tests a browser,
# fonts with Vietnamese letters, PDF tools and a QR code scanner.
[ "${1:-}" = "--with-tools" ] && packages+=(docker-compose wrk chromium fonts-liberation poppler-utils zbar-tools)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Python tools for the contract checks and the contract fuzz, in a project-local virtual environment.
if [ "${1:-}" = "--with-tools" ] && { [ ! -x .venv/bin/openapi-spec-validator ] || [ ! -x .venv/bin/schemathesis ]; }; then
  python3 -m venv .venv
  .venv/bin/pip install -q openapi-spec-validator 'schemathesis==4.32.5'
fi
