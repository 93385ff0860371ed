#!/usr/bin/env bash
# Starts what the chat backend needs on this kind of machine, idempotently:
#   - FerretDB v1.24.2 (MongoDB wire protocol) on FERRETDB_PORT (default 27017), PostgreSQL storage when
#     a local PostgreSQL answers, SQLite storage under .local/ferretdb otherwise;
#     with PostgreSQL, scripts/ferretdb-gin.sql is installed first (GIN indexes beside FerretDB's own, so
#     its filters are indexed) and FerretDB's connection pool is sized so that it cannot deadlock;
#   - Redis on 127.0.0.1:6379 when it answers, otherwise a redis-server started here;
#   - with `cluster`, a Redis Cluster for the tests of cluster mode instead: 6 Debian redis-servers on
#     127.0.0.1:REDIS_CLUSTER_BASE_PORT..+5 (default 7100-7105), 3 masters and 3 replicas, nothing persisted,
#     each node in $CACHE_DIR/redis-cluster/<port> (its nodes.conf, log and pid file there).
#     `cluster up` starts what is missing (a node that died rejoins from its nodes.conf), creates the cluster
#     when its nodes are all new, and waits until every node sees cluster_state:ok, all 16384 slots served and
#     every master with a synced replica (so that a failover can happen); `cluster down` stops the nodes and
#     removes their directories, so the next `cluster up` forms a fresh cluster; `cluster status` prints each
#     node's role and state, and exits 1 when the cluster is not healthy.
# Usage: scripts/services.sh [up|down|status]
#        scripts/services.sh cluster [up|down|status]
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
# Redis Cluster (`cluster up`). A node is failed, and its replica promoted, REDIS_CLUSTER_NODE_TIMEOUT ms after
# it stops answering (Redis's default is 15 s; 2 s keeps the tests of failover short).
REDIS_CLUSTER_BASE_PORT="${REDIS_CLUSTER_BASE_PORT:-7100}"
REDIS_CLUSTER_NODE_TIMEOUT="${REDIS_CLUSTER_NODE_TIMEOUT:-2000}"
REDIS_CLUSTER_WAIT="${REDIS_CLUSTER_WAIT:-60}" # seconds `cluster up` waits for a healthy cluster
REDIS_CLUSTER_DIR="$CACHE_DIR/redis-cluster"
REDIS_CLUSTER_PORTS=()
for i in 0 1 2 3 4 5; do REDIS_CLUSTER_PORTS+=("$((REDIS_CLUSTER_BASE_PORT + i))"); done
REDIS_CLUSTER_NODES=$(printf '127.0.0.1:%s,' "${REDIS_CLUSTER_PORTS[@]}")
REDIS_CLUSTER_NODES="${REDIS_CLUSTER_NODES%,}"

log() { printf '[services] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port=$1 name=$2 logfile=${3:-$STATE_DIR/$2.log}
  for _ in $(seq 1 100); do
    port_open "$port" && return 0
    sleep 0.2
  done
  log "$name did not open port $port; see $logfile"
  tail -20 "$logfile" >&2 || true
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

need_redis_server() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  log "installing redis-server (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

start_redis() {
  if port_open "$REDIS_PORT"; then
    log "Redis already answers on $REDIS_PORT"
    return 0
  fi
  need_redis_server
  mkdir -p "$STATE_DIR/redis"
  log "starting redis-server on $REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --maxmemory-policy noeviction --dir "$STATE_DIR/redis" --logfile "$STATE_DIR/redis.log" \
    --pidfile "$STATE_DIR/redis.pid"
  wait_port "$REDIS_PORT" redis
}

# --- Redis Cluster ---------------------------------------------------------------------------------------

# redis-cli on one cluster node, bounded (a stopped process keeps its port open but never answers),
# without the \r that ends the lines of INFO replies.
ccli() { timeout 3 redis-cli -h 127.0.0.1 -p "$1" "${@:2}" 2>/dev/null | tr -d '\r'; }
# The value of field $1 in the INFO-style text on stdin.
info_field() { sed -n "s/^$1://p"; }
node_alive() { [ "$(ccli "$1" ping)" = PONG ]; }

# Whether the Redis answering on $1 is a cluster node of ours (not another Redis that holds the port).
node_is_ours() {
  local dir want="$REDIS_CLUSTER_DIR/$1"
  [ "$(ccli "$1" info cluster | info_field cluster_enabled)" = 1 ] || return 1
  dir=$(ccli "$1" config get dir | sed -n 2p)
  [ -d "$want" ] && want=$(cd -P "$want" && pwd)
  [ "$dir" = "$want" ]
}

# The pid in a node's pid file when that process is still a redis-server (kill -9 leaves the file behind).
node_pid() {
  local pid
  pid=$(cat "$REDIS_CLUSTER_DIR/$1/redis.pid" 2>/dev/null) || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = redis-server ] && echo "$pid"
}

# repl-diskless-sync-delay 0: a master sends its first (or a returning) replica its data at once, not after
# the default 5 s wait for more replicas; it has one, and `cluster up` waits for that sync.
# cluster-require-full-coverage no: while a dead master's replica is being promoted, the other masters
# keep serving their slots (Redis's default answers CLUSTERDOWN on every slot meanwhile).
start_cluster_node() {
  local dir="$REDIS_CLUSTER_DIR/$1"
  mkdir -p "$dir"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$1" --cluster-enabled yes \
    --cluster-config-file nodes.conf --cluster-node-timeout "$REDIS_CLUSTER_NODE_TIMEOUT" \
    --cluster-allow-reads-when-down no --cluster-require-full-coverage no \
    --save '' --appendonly no --repl-diskless-sync-delay 0 \
    --maxmemory-policy noeviction \
    --dir "$dir" --logfile "$dir/redis.log" --pidfile "$dir/redis.pid"
}

# Healthy: every node answers and sees cluster_state:ok, 16384 slots assigned, 6 connected nodes none of
# which is failing, 3 masters serving slots each with a replica, and every replica synced with its master.
# Otherwise CLUSTER_PROBLEM says what is wrong.
CLUSTER_PROBLEM=""
cluster_healthy() {
  local port info nodes value
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    info=$(ccli "$port" cluster info) || info=""
    [ -n "$info" ] || { CLUSTER_PROBLEM="node $port does not answer"; return 1; }
    value=$(info_field cluster_state <<<"$info")
    [ "$value" = ok ] || { CLUSTER_PROBLEM="node $port: cluster_state:$value"; return 1; }
    value=$(info_field cluster_slots_assigned <<<"$info")
    [ "$value" = 16384 ] || { CLUSTER_PROBLEM="node $port: $value slots assigned, not 16384"; return 1; }
    nodes=$(ccli "$port" cluster nodes) || nodes=""
    CLUSTER_PROBLEM=$(awk '
      { n++; addr = $2; sub(/@.*/, "", addr) }
      $3 ~ /fail|handshake|noaddr/ || $8 != "connected" { bad = bad " " addr " (" $3 ", " $8 ")" }
      $3 ~ /master/ && NF >= 9 { masters++; master[$1] = addr }
      $3 ~ /slave/ { replicas[$4]++ }
      END {
        if (bad != "") { print "sees failing nodes:" bad; exit 1 }
        if (n != 6) { print "knows " n " nodes, not 6"; exit 1 }
        if (masters != 3) { print masters " masters serve slots, not 3"; exit 1 }
        for (id in master) if (!replicas[id]) { print "master " master[id] " has no replica"; exit 1 }
      }' <<<"$nodes") || { CLUSTER_PROBLEM="node $port ${CLUSTER_PROBLEM:-gave no CLUSTER NODES}"; return 1; }
    if [ "$(ccli "$port" info replication | info_field role)" = slave ] &&
      [ "$(ccli "$port" info replication | info_field master_link_status)" != up ]; then
      CLUSTER_PROBLEM="replica $port is not synced with its master yet"
      return 1
    fi
  done
}

# The ports of the dead nodes that the live ones still see as masters serving slots with a live replica: a
# failover is coming. Restarted before it, such a node (which persists nothing) would come back as the
# empty master of its slots and its replica would sync that emptiness: the keys would be lost.
masters_awaiting_failover() {
  local port view="" dead=()
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    if node_alive "$port"; then
      [ -n "$view" ] || view=$(ccli "$port" cluster nodes) || view=""
    else
      dead+=("$port")
    fi
  done
  [ -n "$view" ] && [ "${#dead[@]}" -gt 0 ] || return 0
  awk -v dead=" ${dead[*]} " '
    { port = $2; sub(/^[^:]*:/, "", port); sub(/@.*/, "", port); ports[$1] = port }
    $3 ~ /master/ && NF >= 9 && index(dead, " " port " ") { serving[$1] = 1 }
    $3 ~ /slave/ && $3 !~ /fail/ && $8 == "connected" { live_replica[$4] = 1 }
    END { for (id in serving) if (live_replica[id]) print ports[id] }' <<<"$view"
}

cluster_up() {
  need_redis_server
  if cluster_healthy; then
    log "Redis Cluster already up on $REDIS_CLUSTER_NODES"
    return 0
  fi
  local port started=() fresh=() addrs=() waiting deadline
  waiting=$(masters_awaiting_failover)
  if [ -n "$waiting" ]; then
    log "waiting for the replicas of the dead master(s) $(echo "$waiting" | tr '\n' ' ')to take over"
    deadline=$((SECONDS + 5 * REDIS_CLUSTER_NODE_TIMEOUT / 1000 + 5))
    while [ -n "$waiting" ] && [ "$SECONDS" -lt "$deadline" ]; do
      sleep 0.3
      waiting=$(masters_awaiting_failover)
    done
    [ -z "$waiting" ] || log "no failover for $(echo "$waiting" | tr '\n' ' ')yet; restarting it anyway"
  fi
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    if node_alive "$port"; then
      node_is_ours "$port" && continue
      log "port $port answers but not as a node of this cluster ($REDIS_CLUSTER_DIR/$port);" \
        "free it or set REDIS_CLUSTER_BASE_PORT"
      return 1
    elif port_open "$port"; then
      log "port $port is open but no Redis answers there (a stopped process?);" \
        "free it or set REDIS_CLUSTER_BASE_PORT"
      return 1
    fi
    if [ -s "$REDIS_CLUSTER_DIR/$port/nodes.conf" ]; then
      log "restarting the Redis Cluster node on $port (it rejoins from its nodes.conf)"
    fi
    start_cluster_node "$port"
    started+=("$port")
  done
  for port in "${started[@]}"; do
    wait_port "$port" "redis-cluster-$port" "$REDIS_CLUSTER_DIR/$port/redis.log"
  done
  # A node that never joined a cluster knows only itself and serves no slot.
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    [ "$(ccli "$port" cluster info | info_field cluster_known_nodes)" = 1 ] && fresh+=("$port")
    addrs+=("127.0.0.1:$port")
  done
  if [ "${#fresh[@]}" = 6 ]; then
    log "creating a Redis Cluster on $REDIS_CLUSTER_NODES (3 masters, 3 replicas," \
      "node timeout ${REDIS_CLUSTER_NODE_TIMEOUT} ms)"
    if ! redis-cli --cluster create "${addrs[@]}" --cluster-replicas 1 --cluster-yes \
      >"$REDIS_CLUSTER_DIR/create.log" 2>&1; then
      tail -20 "$REDIS_CLUSTER_DIR/create.log" >&2
      log "redis-cli --cluster create failed (above); run: $0 cluster down && $0 cluster up"
      return 1
    fi
  elif [ "${#fresh[@]}" != 0 ]; then
    log "the Redis Cluster node(s) on ${fresh[*]} know no other node (nodes.conf lost?) while the others" \
      "form a cluster; run: $0 cluster down && $0 cluster up"
    return 1
  fi
  deadline=$((SECONDS + REDIS_CLUSTER_WAIT))
  until cluster_healthy; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "the Redis Cluster is not healthy after ${REDIS_CLUSTER_WAIT}s: $CLUSTER_PROBLEM"
      cluster_status || true
      log "if it does not recover: $0 cluster down && $0 cluster up"
      return 1
    fi
    sleep 0.3
  done
  log "Redis Cluster up on $REDIS_CLUSTER_NODES"
}

cluster_down() {
  local port pid dir stopped=()
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    dir="$REDIS_CLUSTER_DIR/$port"
    pid=$(node_pid "$port") || pid=""
    if node_alive "$port"; then
      if node_is_ours "$port"; then
        ccli "$port" shutdown nosave >/dev/null || true
      else
        log "port $port answers but not as a node of this cluster; left alone"
      fi
    elif [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
    fi
    if [ -n "$pid" ]; then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    if [ -n "$pid" ] || [ -d "$dir" ]; then stopped+=("$port"); fi
    rm -rf "$dir"
  done
  rm -f "$REDIS_CLUSTER_DIR/create.log"
  rmdir "$REDIS_CLUSTER_DIR" 2>/dev/null || true
  if [ "${#stopped[@]}" -gt 0 ]; then
    log "stopped the Redis Cluster (${stopped[*]}) and removed its nodes' directories"
  else
    log "no Redis Cluster was running"
  fi
}

# One line per node: port, role, alive or down, and that node's cluster_state (slots of a master, master of
# a replica); a node that is down as the others see it. Exits 1 when the cluster is not healthy.
cluster_status() {
  local port nodes state view="" line
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    nodes=$(ccli "$port" cluster nodes) || nodes=""
    if [ -n "$nodes" ]; then view=$nodes; break; fi
  done
  log "Redis Cluster on 127.0.0.1:${REDIS_CLUSTER_PORTS[0]}-${REDIS_CLUSTER_PORTS[5]} ($REDIS_CLUSTER_DIR)"
  for port in "${REDIS_CLUSTER_PORTS[@]}"; do
    nodes=$(ccli "$port" cluster nodes) || nodes=""
    if [ -n "$nodes" ]; then
      state=$(ccli "$port" cluster info | info_field cluster_state)
      line=$(awk '
        { addr[$1] = $2; sub(/^[^:]*:/, "", addr[$1]); sub(/@.*/, "", addr[$1]) }
        $3 ~ /myself/ { me = $0 }
        END {
          n = split(me, f, " ")
          if (f[3] ~ /slave/) { printf "replica\tof %s", addr[f[4]]; exit }
          s = ""; for (i = 9; i <= n; i++) s = s " " f[i]
          printf "master \tslots%s", (s == "" ? " none" : s)
        }' <<<"$nodes")
      log "  $port  ${line%%$'\t'*}  alive  cluster_state:$state  ${line#*$'\t'}"
    else
      line=$(awk -v port="$port" '$2 ~ ":" port "@" { print $3 }' <<<"$view")
      log "  $port  -        down${line:+   (the others see: $line)}"
    fi
  done
  if cluster_healthy; then
    log "healthy: 3 masters, each with a synced replica; REDIS_CLUSTER_NODES=$REDIS_CLUSTER_NODES"
  else
    log "not healthy: $CLUSTER_PROBLEM"
    return 1
  fi
}

stop_started() {
  for name in ferretdb redis; do
    local pidfile="$STATE_DIR/$name.pid"
    if [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; then log "stopped $name"; fi
    rm -f "$pidfile"
  done
}

usage() { printf 'usage: %s [up|down|status]\n       %s cluster [up|down|status]\n' "$0" "$0" >&2; exit 2; }

mkdir -p "$STATE_DIR"
case "${1:-up}" in
  up) start_redis; vacuum_catalogs; start_ferretdb ;;
  down) stop_started ;;
  status)
    if port_open "$FERRETDB_PORT"; then log "FerretDB up on $FERRETDB_PORT"; else log "FerretDB down"; fi
    if port_open "$REDIS_PORT"; then log "Redis up on $REDIS_PORT"; else log "Redis down"; fi ;;
  cluster)
    case "${2:-up}" in
      up) cluster_up ;;
      down) cluster_down ;;
      status) cluster_status ;;
      *) usage ;;
    esac ;;
  *) usage ;;
esac
