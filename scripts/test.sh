#!/usr/bin/env bash
# Runs every test (unit, integration, api, realtime, e2e) against real FerretDB and Redis, with coverage.
# Installs the npm dependencies and starts the services first when they are missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# No install-time analytics call (swagger-ui-express pulls @scarf/scarf); the network is closed anyway.
export SCARF_ANALYTICS=false
[ -d node_modules ] || npm ci --no-audit --no-fund
scripts/services.sh up
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
npx c8 --reporter=text-summary --reporter=lcov mocha "$@" 2>&1 | tee "$log" || status=$?
# Mocha says "N passing"; CI tools read the plain form too.
count() { grep -Eo "^ +[0-9]+ $1" "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0; }
echo "tests: $(count passing) passed, $(count failing) failed, $(count pending) skipped"
exit "$status"
