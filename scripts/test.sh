#!/usr/bin/env bash
# Runs every test (unit, integration, api, realtime, e2e) against real FerretDB and Redis, with coverage;
# the tests of cluster mode against a local Redis Cluster (scripts/services.sh cluster up).
# Installs the npm dependencies and starts the services first when they are missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# No install-time analytics call (swagger-ui-express pulls @scarf/scarf); the network is closed anyway.
export SCARF_ANALYTICS=false
[ -d node_modules ] || npm ci --no-audit --no-fund
# The SDK's REST types are generated, not committed (scripts/sdk-types.ts); its tests check them.
npm run --silent generate -w sdk
scripts/services.sh up
# The Redis Cluster of the cluster-mode tests (TEST_REDIS_CLUSTER_NODES); its log only when it fails.
cluster_log=$(scripts/services.sh cluster up 2>&1) || { printf '%s\n' "$cluster_log" >&2; exit 1; }
cluster_port="${REDIS_CLUSTER_BASE_PORT:-7100}"
export TEST_REDIS_CLUSTER_NODES="${TEST_REDIS_CLUSTER_NODES:-$(for i in 0 1 2 3 4 5; do
  printf '127.0.0.1:%s,' $((cluster_port + i)); done | sed 's/,$//')}"
# test/e2e/browser-csp.test.ts drives Debian's chromium through playwright-core, which downloads no browser.
if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing chromium (Debian package)" >&2
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
npx c8 --reporter=text-summary --reporter=lcov mocha "$@" 2>&1 | tee "$log" || status=$?
# Mocha says "N passing"; CI tools read the plain form too.
count() { grep -Eo "^ +[0-9]+ $1" "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0; }
echo "tests: $(count passing) passed, $(count failing) failed, $(count pending) skipped"
exit "$status"
