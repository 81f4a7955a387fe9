#!/usr/bin/env bash
# Every check and test: typecheck, lint, build, then unit, integration and end-to-end tests.
# Integration and end-to-end tests run on PGlite, and also on PostgreSQL when DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "Chromium is missing: installing Debian's chromium for the end-to-end tests"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 chromium
fi

if ! command -v xmllint >/dev/null; then
  echo "xmllint is missing: installing Debian's libxml2-utils for the FEST schema check"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 libxml2-utils
fi

npm run typecheck
npm run lint
npm run build
npx vitest run
