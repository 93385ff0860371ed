#!/usr/bin/env bash
# Starts what the chat backend needs on this kind of machine, idempotently:
#   - FerretDB v1.24.2 (MongoDB wire protocol) on FERRETDB_PORT (default 27017), PostgreSQL storage when
#     a local PostgreSQL answers, SQLite storage under .local/ferretdb otherwise;
#     with PostgreSQL, scripts/ferretdb-gin.sql is installed first (GIN indexes beside FerretDB's own, so
#     its filters are indexed) and FerretDB's connection pool is sized so that it cannot deadlock;
#   - Redis on 127.0.0.1:6379 when it answers, otherwise a redis-server started here.
# Usage: scripts/services.sh [up|down|status]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Go lives here on this kind of machine even when a non-login shell lacks it on PATH.
[ -d /usr/local/go/bin ] && PATH="$PATH:/usr/local/go/bin"
FERRETDB_VERSION="v1.24.2"
FERRETDB_PORT="${FERRETDB_PORT:-27017}"
FERRETDB_DEBUG_PORT="${FERRETDB_DEBUG_PORT:-$((FERRETDB_PORT + 1000))}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_DATABASE="${PG_DATABASE:-ferretdb}"
# FerretDB's PostgreSQL pool. FerretDB v1 holds one pooled connection for an update's read while it
# waits for a second one for its write (internal/handler/msg_update.go: Query, then UpdateAll in a
# transaction): with pool_max_conns updates in flight every connection is held by a read and FerretDB
# hangs for good (its default pool of 50 against the app's former 50 per process hung in 6 of 6 runs of
# 200 parallel updates from an API and a worker). A MongoDB client has at most maxPoolSize operations in
# flight, so the hang cannot happen while
#   pool_max_conns > sum of MONGO_POOL_SIZE over every process on this FerretDB.
# 80 > 30 for 2 API nodes + 1 worker at the default MONGO_POOL_SIZE=10, or 40 for a test run (at most 3
# app containers and a fixture at once in one mocha process), with room for cursors between getMore
# batches (each keeps a connection); and 80 leaves 20 of PostgreSQL's default max_connections=100 for
# psql, migrations and a second FerretDB. Raise max_connections before this, and this before adding
# processes (README, FerretDB).
FERRETDB_POOL_MAX_CONNS="${FERRETDB_POOL_MAX_CONNS:-80}"
REDIS_PORT="${REDIS_PORT:-6379}"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/chat-backend"
FERRETDB_BIN="${FERRETDB_BIN:-$CACHE_DIR/ferretdb-$FERRETDB_VERSION}"
STATE_DIR="$ROOT/.local"

log() { printf '[services] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port=$1 name=$2
  for _ in $(seq 1 100); do
    port_open "$port" && return 0
    sleep 0.2
  done
  log "$name did not open port $port; see $STATE_DIR/$name.log"
  tail -20 "$STATE_DIR/$name.log" >&2 || true
  return 1
}

# `go install …/ferretdb@v1.24.2` builds a binary that panics at start: the module zip lacks the generated
# build/version/version.txt. So we build the same module source with that one file written.
build_ferretdb() {
  [ -x "$FERRETDB_BIN" ] && return 0
  command -v go >/dev/null || { log "Go is required to build FerretDB (apt-get install golang or /usr/local/go)"; exit 1; }
  log "building FerretDB $FERRETDB_VERSION (once, cached at $FERRETDB_BIN)"
  local src tmp
  src=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
  tmp=$(mktemp -d)
  cp -r "$src/." "$tmp/" && chmod -R u+w "$tmp"
  echo "$FERRETDB_VERSION" >"$tmp/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$tmp" && CGO_ENABLED=0 go build -trimpath -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb)
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  rm -rf "$tmp"
  "$FERRETDB_BIN" --version | head -1 >&2
}

pg() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }

# Installs (or updates) the GIN event triggers and backfills existing indexes; see the SQL file for why.
install_gin_triggers() {
  PGOPTIONS='-c client_min_messages=warning' pg -d "$PG_DATABASE" -f "$ROOT/scripts/ferretdb-gin.sql"
  local count
  count=$(pg -d "$PG_DATABASE" -tAc "SELECT count(*) FROM pg_class WHERE relkind = 'i'
    AND obj_description(oid, 'pg_class') LIKE 'GIN companion of %'")
  log "GIN triggers installed in $PG_DATABASE ($count GIN companion indexes)"
}

# FerretDB makes a PostgreSQL table and its indexes for every collection, and the tests and the bench
# create and drop thousands of tenant databases, so PostgreSQL's catalogs fill with dead rows; where
# autovacuum is off (it is on this machine's PostgreSQL) every catalog lookup then slows down (measured:
# 345,000 dead rows in pg_attribute beside 1,200 live ones; REST sends 148/s -> 204/s and the raw driver
# 1,534 -> 2,217 inserts/s after a VACUUM). A VACUUM of the catalogs takes about a second.
vacuum_catalogs() {
  command -v pg_isready >/dev/null && pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || return 0
  pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DATABASE'" | grep -q 1 || return 0
  pg -d "$PG_DATABASE" -c "VACUUM pg_catalog.pg_attribute, pg_catalog.pg_class, pg_catalog.pg_depend,
    pg_catalog.pg_index, pg_catalog.pg_type, pg_catalog.pg_constraint, pg_catalog.pg_statistic,
    pg_catalog.pg_description, pg_catalog.pg_namespace" ||
    log "warning: could not VACUUM PostgreSQL's catalogs in $PG_DATABASE (needs a superuser)"
}

warn_if_pool_too_large() {
  local max
  max=$(pg -d "$PG_DATABASE" -tAc "SHOW max_connections")
  if [ "$FERRETDB_POOL_MAX_CONNS" -gt $((max - 10)) ]; then
    log "warning: pool_max_conns=$FERRETDB_POOL_MAX_CONNS leaves less than 10 of PostgreSQL's max_connections=$max"
  fi
}

start_ferretdb() {
  if port_open "$FERRETDB_PORT"; then
    log "FerretDB (or MongoDB) already answers on $FERRETDB_PORT"
    return 0
  fi
  build_ferretdb
  mkdir -p "$STATE_DIR/ferretdb"
  local args=(--listen-addr="127.0.0.1:$FERRETDB_PORT" --debug-addr="127.0.0.1:$FERRETDB_DEBUG_PORT"
    --state-dir="$STATE_DIR/ferretdb" --telemetry=disable --log-level="${FERRETDB_LOG_LEVEL:-WARN}")
  if command -v pg_isready >/dev/null && pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DATABASE'" |
      grep -q 1 || pg -d postgres -c "CREATE DATABASE $PG_DATABASE"
    install_gin_triggers
    warn_if_pool_too_large
    # pool_max_conn_idle_time: idle connections go back to PostgreSQL after a minute instead of 30.
    local url="postgres://$PG_USER@$PG_HOST:$PG_PORT/$PG_DATABASE"
    url+="?pool_max_conns=$FERRETDB_POOL_MAX_CONNS&pool_max_conn_idle_time=1m"
    args+=(--handler=postgresql --postgresql-url="$url")
    log "starting FerretDB on $FERRETDB_PORT with PostgreSQL storage ($PG_HOST:$PG_PORT/$PG_DATABASE," \
      "pool_max_conns=$FERRETDB_POOL_MAX_CONNS)"
  else
    mkdir -p "$STATE_DIR/ferretdb/sqlite"
    args+=(--handler=sqlite --sqlite-url="file:$STATE_DIR/ferretdb/sqlite/")
    log "starting FerretDB on $FERRETDB_PORT with SQLite storage ($STATE_DIR/ferretdb/sqlite)"
  fi
  nohup "$FERRETDB_BIN" "${args[@]}" >"$STATE_DIR/ferretdb.log" 2>&1 &
  echo $! >"$STATE_DIR/ferretdb.pid"
  wait_port "$FERRETDB_PORT" ferretdb
}

start_redis() {
  if port_open "$REDIS_PORT"; then
    log "Redis already answers on $REDIS_PORT"
    return 0
  fi
  if ! command -v redis-server >/dev/null; then
    log "installing redis-server (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  mkdir -p "$STATE_DIR/redis"
  log "starting redis-server on $REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --maxmemory-policy noeviction --dir "$STATE_DIR/redis" --logfile "$STATE_DIR/redis.log" \
    --pidfile "$STATE_DIR/redis.pid"
  wait_port "$REDIS_PORT" redis
}

stop_started() {
  for name in ferretdb redis; do
    local pidfile="$STATE_DIR/$name.pid"
    if [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; then log "stopped $name"; fi
    rm -f "$pidfile"
  done
}

mkdir -p "$STATE_DIR"
case "${1:-up}" in
  up) start_redis; vacuum_catalogs; start_ferretdb ;;
  down) stop_started ;;
  status)
    port_open "$FERRETDB_PORT" && log "FerretDB up on $FERRETDB_PORT" || log "FerretDB down"
    port_open "$REDIS_PORT" && log "Redis up on $REDIS_PORT" || log "Redis down" ;;
  *) echo "usage: $0 [up|down|status]" >&2; exit 2 ;;
esac
