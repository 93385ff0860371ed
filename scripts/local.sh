#!/usr/bin/env bash
# Starts the whole system on local defaults: FerretDB + Redis, then one process with the API,
# Socket.IO, the BullMQ workers (WORKERS_INLINE=true), the job dashboard and the browser demo
# (DEMO_ENABLED=true: local mode only) on http://localhost:3000.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# No install-time analytics call (swagger-ui-express pulls @scarf/scarf); the network is closed anyway.
export SCARF_ANALYTICS=false
[ -d node_modules ] || npm ci --no-audit --no-fund
scripts/services.sh up
npm run build --silent
npm run build --silent -w demo
export ADMIN_TOKEN="${ADMIN_TOKEN:-local-admin-token-change-me}"
export JWT_SECRET="${JWT_SECRET:-local-jwt-secret-change-me-0123456789abcdef}"
# Per-tenant signing keys: creating a tenant answers its first HS256 key (README, "Signing keys").
export TENANT_KEYS_SECRET="${TENANT_KEYS_SECRET:-local-tenant-keys-secret-change-me-0123456789}"
export WORKERS_INLINE="${WORKERS_INLINE:-true}"
export DEMO_ENABLED="${DEMO_ENABLED:-true}"
base="http://localhost:${PORT:-3000}"
{
  echo "[local] demo:        $base/demo/   (sign in as two users in two tabs and chat)"
  echo "[local] API:         $base   (REST under $base/api/chat/{tenant}/, Socket.IO on the same port)"
  echo "[local] API docs:    $base/api/docs/"
  echo "[local] dashboard:   $base/admin/queues?token=$ADMIN_TOKEN"
  echo "[local] admin token: $ADMIN_TOKEN   (JWT_SECRET, TENANT_KEYS_SECRET and ADMIN_TOKEN are local defaults: never use them in production)"
} >&2
# exec, here and in package.json's scripts: npm passes SIGTERM on to its own child only, so node must be
# that child (a shell in between would die of it and leave node running).
exec node dist/main/api.js
