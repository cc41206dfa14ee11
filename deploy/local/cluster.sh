#!/usr/bin/env bash
# A local multi-process Amas cluster on 127.0.0.1, the same shape as a Kubernetes deployment: a throwaway
# PostgreSQL (grain state, reminders, task index) and Redis (membership), N silo processes and one gateway process
# (an Orleans client that finds the silos through Redis).
#
# Usage: deploy/local/cluster.sh <command> [options] [-- extra silo arguments]
#   build                      dotnet build -c Release of the silo and the gateway
#   start [--silos N]          build, start PostgreSQL and Redis, migrate, start N silos (default 3) and the gateway;
#                              waits until every /health/ready answers 200. Running parts are left as they are.
#         [--gateway-port P]   the gateway's HTTP port (default 5080)
#         [--no-build]         use the binaries already built
#         [-- ARGS...]         extra arguments for every silo (e.g. --Amas:Repositories:AllowedRoots:0=/path);
#                              remembered in the state folder for start-silo and later starts
#   status                     every process with its pid, ports and health
#   kill-silo K                SIGKILL silo K: a real crash, no graceful hand-over
#   stop-silo K                SIGTERM silo K: a graceful shutdown
#   start-silo K               start silo K (again, on its recorded ports; a new K gets new ports) and wait until ready
#   stop [--keep]              stop the gateway, the silos, Redis and PostgreSQL; remove the state folder unless --keep
#        [--keep-data]         stop only the gateway and the silos: PostgreSQL and Redis keep running with their data
#
# The gateway requires authentication (as every gateway but the embedded default): the first start writes a random
# admin key to <state>/admin.key (mode 600) and gives the gateway only its SHA-256 as the bootstrap key. Send it as
# X-API-Key, or use it to create named keys (README, "API keys").
#
# Environment: AMAS_LOCAL_CLUSTER_DIR (state folder, default <repo>/.amas/local-cluster), AMAS_SILO_ARGS (extra silo
# arguments, split on spaces, added to those after --), AMAS_READY_TIMEOUT (seconds to wait for health, default 120).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly REPO_ROOT
readonly STATE="${AMAS_LOCAL_CLUSTER_DIR:-$REPO_ROOT/.amas/local-cluster}"
readonly SILO_DLL="$REPO_ROOT/silo/bin/Release/net10.0/Amas.Orleans.Silo.dll"
readonly GATEWAY_DLL="$REPO_ROOT/gateway/bin/Release/net10.0/Amas.Orleans.Gateway.dll"
readonly READY_TIMEOUT="${AMAS_READY_TIMEOUT:-120}"
readonly SERVICE_ID="amas"
readonly CLUSTER_ID="amas-local"
readonly PG_USER="amas"
readonly PG_DATABASE="amas"

log() { printf '%s\n' "$*" >&2; }
die() { log "cluster.sh: $*"; exit 1; }

# --- ports and processes ------------------------------------------------------------------------------------------

port_in_use() {
  # A connection that succeeds means something listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Every port this state folder has handed out, so two parts never get the same one.
allocated_ports() {
  cat "$STATE"/*.port 2>/dev/null || true
}

# Below the kernel's ephemeral range: a port from inside it can be taken by any outgoing connection between this
# check and the bind (seen on CI: a silo's health port lost to a client socket).
free_port() {
  local port taken low
  taken=" $(allocated_ports | tr '\n' ' ') "
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  (( low > 12000 )) || low=32768
  for _ in $(seq 1 200); do
    port=$((10000 + RANDOM % (low - 10000)))
    if [[ "$taken" != *" $port "* ]] && ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "no free port found on 127.0.0.1"
}

# The port recorded under NAME, allocating one the first time.
port_for() {
  local file="$STATE/$1.port"
  if [[ ! -s "$file" ]]; then
    free_port >"$file"
  fi
  cat "$file"
}

# Alive and not a zombie: a killed process whose parent has gone may wait a while to be reaped.
process_alive() {
  local state
  state="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != "Z" && "$state" != "X" ]]
}

pid_alive() {
  local file="$1"
  [[ -s "$file" ]] || return 1
  process_alive "$(cat "$file")"
}

# Starts a command detached from this shell (its own session, stdin closed, output to LOG) and records its pid.
# The process writes its own pid before exec, so the pid file names the dotnet process itself.
spawn() {
  local pid_file="$1" log_file="$2"
  shift 2
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pid_file" "$@" </dev/null >>"$log_file" 2>&1 &
  for _ in $(seq 1 50); do
    [[ -s "$pid_file" ]] && return 0
    sleep 0.1
  done
  die "could not start $*"
}

# SIGTERM, then SIGKILL after GRACE seconds.
terminate() {
  local pid_file="$1" grace="$2" pid
  pid_alive "$pid_file" || { rm -f "$pid_file"; return 0; }
  pid="$(cat "$pid_file")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((grace * 10))); do
    process_alive "$pid" || { rm -f "$pid_file"; return 0; }
    sleep 0.1
  done
  log "pid $pid did not stop within ${grace}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

http_status() {
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

wait_ready() {
  local name="$1" url="$2" pid_file="$3" log_file="$4"
  local deadline=$((SECONDS + READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! pid_alive "$pid_file"; then
      log "$name exited while starting; last lines of $log_file:"
      tail -n 30 "$log_file" >&2 || true
      return 1
    fi
    [[ "$(http_status "$url")" == "200" ]] && return 0
    sleep 0.5
  done
  log "$name was not ready within ${READY_TIMEOUT}s ($url); last lines of $log_file:"
  tail -n 30 "$log_file" >&2 || true
  return 1
}

# --- PostgreSQL and Redis -----------------------------------------------------------------------------------------

pg_bin() {
  local dir
  dir="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/pg_ctl" ]] || die "PostgreSQL not found in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)"
  echo "$dir"
}

# PostgreSQL refuses to run as root: its tools then run as the postgres user of the Debian package.
as_pg() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_url() {
  echo "Host=127.0.0.1;Port=$(cat "$STATE/postgres.port");Username=$PG_USER;Database=$PG_DATABASE"
}

postgres_running() {
  [[ -s "$STATE/postgres.port" ]] || return 1
  "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$(cat "$STATE/postgres.port")" 2>/dev/null
}

start_postgres() {
  local bin data="$STATE/postgres/data" port
  bin="$(pg_bin)"
  if postgres_running; then
    return 0
  fi

  mkdir -p "$STATE/postgres"
  if [[ "$(id -u)" == "0" ]]; then
    chown postgres: "$STATE/postgres"
    # The postgres user must be able to pass through the state folder (mktemp -d makes it 0700).
    runuser -u postgres -- test -x "$STATE" || chmod a+x "$STATE"
    runuser -u postgres -- test -w "$STATE/postgres" || die "the postgres user cannot reach $STATE/postgres; choose a state folder whose parents it may enter"
  fi
  if [[ ! -f "$data/PG_VERSION" ]]; then
    as_pg "$bin/initdb" -D "$data" -A trust -U "$PG_USER" -E UTF8 --no-locale --no-sync >"$STATE/initdb.log" 2>&1 \
      || { cat "$STATE/initdb.log" >&2; die "initdb failed"; }
  fi

  port="$(port_for postgres)"
  # A test cluster need not survive a power cut: fsync off makes it fast; commits still survive a server crash.
  as_pg "$bin/pg_ctl" start -D "$data" -l "$STATE/postgres/postgres.log" -w -t 60 \
    -o "-p $port -k $STATE/postgres -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { tail -n 20 "$STATE/postgres/postgres.log" >&2; die "PostgreSQL did not start"; }

  if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U "$PG_USER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" | grep -q 1; then
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$PG_USER" "$PG_DATABASE"
  fi
  log "PostgreSQL   127.0.0.1:$port (database $PG_DATABASE, user $PG_USER)"
}

stop_postgres() {
  local data="$STATE/postgres/data"
  [[ -f "$data/postmaster.pid" ]] || return 0
  as_pg "$(pg_bin)/pg_ctl" stop -D "$data" -m fast -w >/dev/null 2>&1 || true
}

redis_running() {
  [[ -s "$STATE/redis.port" ]] && pid_alive "$STATE/redis.pid" \
    && [[ "$(redis-cli -h 127.0.0.1 -p "$(cat "$STATE/redis.port")" PING 2>/dev/null)" == "PONG" ]]
}

start_redis() {
  local port
  command -v redis-server >/dev/null || die "redis-server not found (apt-get install -y redis-server)"
  if redis_running; then
    return 0
  fi

  port="$(port_for redis)"
  mkdir -p "$STATE/redis"
  # Membership only: nothing to persist, the silos rewrite it when they start.
  spawn "$STATE/redis.pid" "$STATE/redis/redis.log" redis-server --port "$port" --bind 127.0.0.1 --save "" \
    --appendonly no --dir "$STATE/redis" --daemonize no
  for _ in $(seq 1 100); do
    redis_running && { log "Redis        127.0.0.1:$port"; return 0; }
    sleep 0.1
  done
  die "Redis did not answer PING on port $port (see $STATE/redis/redis.log)"
}

stop_redis() {
  terminate "$STATE/redis.pid" 10
}

# --- silos and gateway --------------------------------------------------------------------------------------------

build() {
  log "Building the silo and the gateway (Release)..."
  dotnet build -c Release "$REPO_ROOT/silo/Amas.Orleans.Silo.csproj" --nologo -clp:ErrorsOnly -v:q >&2
  dotnet build -c Release "$REPO_ROOT/gateway/Amas.Orleans.Gateway.csproj" --nologo -clp:ErrorsOnly -v:q >&2
}

require_binaries() {
  [[ -f "$SILO_DLL" && -f "$GATEWAY_DLL" ]] || die "binaries not built; run '$0 build' or start without --no-build"
}

migrate() {
  dotnet "$SILO_DLL" migrate --connection "$(postgres_url)" >"$STATE/migrate.log" 2>&1 \
    || { cat "$STATE/migrate.log" >&2; die "silo migrate failed"; }
}

# Extra silo arguments: the remembered ones (NUL-separated, so paths may hold spaces), then AMAS_SILO_ARGS.
silo_extra_args() {
  if [[ -f "$STATE/silo.args" ]]; then
    while IFS= read -r -d '' arg; do
      printf '%s\0' "$arg"
    done <"$STATE/silo.args"
  fi
  local env_args
  read -r -a env_args <<<"${AMAS_SILO_ARGS:-}"
  if ((${#env_args[@]})); then
    printf '%s\0' "${env_args[@]}"
  fi
}

# The highest silo number that has ever been given ports.
silo_count() {
  local count=0 file k
  for file in "$STATE"/silo-*.silo.port; do
    [[ -e "$file" ]] || continue
    k="${file##*/silo-}"
    k="${k%.silo.port}"
    if ((k > count)); then count="$k"; fi
  done
  echo "$count"
}

start_silo() {
  local k="$1" silo_port gateway_port health_port pid_file="$STATE/silo-$k.pid" log_file="$STATE/silo-$k.log"
  local -a extra=()
  [[ "$k" =~ ^[1-9][0-9]*$ ]] || die "silo number must be 1 or more, not '$k'"
  if pid_alive "$pid_file"; then
    return 0
  fi

  silo_port="$(port_for "silo-$k.silo")"
  gateway_port="$(port_for "silo-$k.gateway")"
  health_port="$(port_for "silo-$k.health")"
  while IFS= read -r -d '' arg; do extra+=("$arg"); done < <(silo_extra_args)

  echo "--- silo $k starting $(date -Is)" >>"$log_file"
  # Quick failure detection: a crashed silo is declared dead after about ProbeTimeout x NumMissedProbesLimit, and
  # its tasks come back on the survivors then. Two votes, so one overloaded silo alone cannot evict a healthy one.
  spawn "$pid_file" "$log_file" dotnet "$SILO_DLL" \
    --urls "http://127.0.0.1:$health_port" \
    --Amas:Silo:Clustering=redis \
    --Amas:Silo:Persistence=postgres \
    --Amas:Redis:ConnectionString="127.0.0.1:$(cat "$STATE/redis.port")" \
    --Amas:Postgres:ConnectionString="$(postgres_url)" \
    --Amas:Silo:ServiceId="$SERVICE_ID" \
    --Amas:Silo:ClusterId="$CLUSTER_ID" \
    --Amas:Silo:AdvertisedAddress=127.0.0.1 \
    --Amas:Silo:SiloPort="$silo_port" \
    --Amas:Silo:GatewayPort="$gateway_port" \
    --Amas:Silo:Membership:ProbeTimeout=00:00:02 \
    --Amas:Silo:Membership:NumMissedProbesLimit=2 \
    --Amas:Silo:Membership:NumVotesForDeathDeclaration=2 \
    --Amas:Silo:Membership:IAmAliveTablePublishTimeout=00:00:05 \
    --Amas:Silo:Dashboard=true \
    --Amas:Repositories:CacheDirectory="$STATE/silo-$k/checkouts" \
    --Amas:Repositories:AllowedGitSchemes:0=https \
    --Amas:Repositories:AllowedGitHosts:0=github.com \
    --Amas:Repositories:AllowedGitHosts:1=gitlab.com \
    --Amas:Repositories:AllowedGitHosts:2=bitbucket.org \
    --Amas:Repositories:MaxFileBytes=1048576 \
    --Amas:Repositories:GitTimeout=00:02:00 \
    --Logging:LogLevel:Default=Information \
    --Logging:LogLevel:Microsoft.AspNetCore=Warning \
    --Logging:LogLevel:Orleans=Warning \
    "${extra[@]}"
}

# The bootstrap admin key of this state folder, made on first use; only its hash leaves the file.
admin_key() {
  local file="$STATE/admin.key"
  if [[ ! -s "$file" ]]; then
    (umask 077 && printf 'amas_%s' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$file")
  fi
  cat "$file"
}

start_gateway() {
  local port="$1" pid_file="$STATE/gateway.pid" log_file="$STATE/gateway.log" key_hash
  if pid_alive "$pid_file"; then
    return 0
  fi
  if port_in_use "$port"; then
    die "port $port is in use; choose another with --gateway-port"
  fi

  echo "$port" >"$STATE/gateway.port"
  key_hash="$(admin_key | sha256sum | cut -d' ' -f1)"
  echo "--- gateway starting $(date -Is)" >>"$log_file"
  # Keys and the audit log in the cluster's PostgreSQL. The rate limit is a test bench's: its one admin caller
  # polls dozens of tasks at once.
  spawn "$pid_file" "$log_file" dotnet "$GATEWAY_DLL" \
    --urls "http://127.0.0.1:$port" \
    --Amas:Gateway:Cluster=client \
    --Amas:Gateway:Clustering=redis \
    --Amas:Gateway:ServiceId="$SERVICE_ID" \
    --Amas:Gateway:ClusterId="$CLUSTER_ID" \
    --Amas:Redis:ConnectionString="127.0.0.1:$(cat "$STATE/redis.port")" \
    --Amas:Postgres:ConnectionString="$(postgres_url)" \
    --Amas:Security:Enabled=true \
    --Amas:Security:BootstrapApiKeyHash="$key_hash" \
    --Amas:Security:RateLimit:PermitLimit=60000
}

silo_health_url() { echo "http://127.0.0.1:$(cat "$STATE/silo-$1.health.port")/health/ready"; }
gateway_url() { echo "http://127.0.0.1:$(cat "$STATE/gateway.port")"; }

wait_silo() {
  wait_ready "silo $1" "$(silo_health_url "$1")" "$STATE/silo-$1.pid" "$STATE/silo-$1.log"
}

print_urls() {
  local k count
  count="$(silo_count)"
  echo "gateway      $(gateway_url)  (API /api/v1, dashboard /dashboard)"
  for ((k = 1; k <= count; k++)); do
    echo "silo $k       silo 127.0.0.1:$(cat "$STATE/silo-$k.silo.port"), gateway 127.0.0.1:$(cat "$STATE/silo-$k.gateway.port"), health $(silo_health_url "$k")"
  done
  echo "admin key    $STATE/admin.key  (send it as X-API-Key)"
  echo "PostgreSQL   $(postgres_url)"
  echo "Redis        127.0.0.1:$(cat "$STATE/redis.port")"
  echo "logs         $STATE"
}

# --- commands -----------------------------------------------------------------------------------------------------

cmd_start() {
  local silos=3 gateway_port=5080 do_build=1 k
  local -a extra=()
  while (($#)); do
    case "$1" in
      --silos) silos="${2:?--silos needs a number}"; shift 2 ;;
      --gateway-port) gateway_port="${2:?--gateway-port needs a port}"; shift 2 ;;
      --no-build) do_build=0; shift ;;
      --) shift; extra=("$@"); break ;;
      *) die "start: unknown option '$1'" ;;
    esac
  done
  [[ "$silos" =~ ^[1-9][0-9]*$ ]] || die "--silos must be 1 or more, not '$silos'"

  mkdir -p "$STATE"
  # Claim the gateway's port first, so no silo port is drawn on top of it.
  if pid_alive "$STATE/gateway.pid"; then
    gateway_port="$(cat "$STATE/gateway.port")"
  else
    echo "$gateway_port" >"$STATE/gateway.port"
  fi
  if ((${#extra[@]})); then
    printf '%s\0' "${extra[@]}" >"$STATE/silo.args"
  fi
  if ((do_build)); then build; else require_binaries; fi

  start_postgres
  start_redis
  migrate

  for ((k = 1; k <= silos; k++)); do start_silo "$k"; done
  for ((k = 1; k <= silos; k++)); do wait_silo "$k" || die "silo $k did not become ready"; done
  # The gateway last: its Orleans client needs a silo in the Redis gateway list to connect.
  start_gateway "$gateway_port"
  wait_ready gateway "$(gateway_url)/health/ready" "$STATE/gateway.pid" "$STATE/gateway.log" || die "the gateway did not become ready"
  print_urls
}

cmd_status() {
  local k count health state
  [[ -d "$STATE" ]] || { echo "no local cluster (state folder $STATE does not exist)"; return 0; }
  if postgres_running; then state="running"; else state="stopped"; fi
  printf '%-10s %-8s %s\n' "postgres" "$state" "$( [[ -s $STATE/postgres.port ]] && postgres_url)"
  if redis_running; then state="running"; else state="stopped"; fi
  printf '%-10s %-8s pid %s, 127.0.0.1:%s\n' "redis" "$state" "$(cat "$STATE/redis.pid" 2>/dev/null || echo -)" "$(cat "$STATE/redis.port" 2>/dev/null || echo -)"
  count="$(silo_count)"
  for ((k = 1; k <= count; k++)); do
    if pid_alive "$STATE/silo-$k.pid"; then
      state="running"; health="$(http_status "$(silo_health_url "$k")")"
    else
      state="stopped"; health="-"
    fi
    printf '%-10s %-8s pid %s, silo %s, gateway %s, health %s (ready: %s)\n' "silo-$k" "$state" \
      "$(cat "$STATE/silo-$k.pid" 2>/dev/null || echo -)" "$(cat "$STATE/silo-$k.silo.port")" \
      "$(cat "$STATE/silo-$k.gateway.port")" "$(cat "$STATE/silo-$k.health.port")" "$health"
  done
  if [[ -s "$STATE/gateway.port" ]]; then
    if pid_alive "$STATE/gateway.pid"; then
      state="running"; health="$(http_status "$(gateway_url)/health/ready")"
    else
      state="stopped"; health="-"
    fi
    printf '%-10s %-8s pid %s, %s (ready: %s)\n' "gateway" "$state" "$(cat "$STATE/gateway.pid" 2>/dev/null || echo -)" "$(gateway_url)" "$health"
  fi
}

cmd_kill_silo() {
  local k="${1:?kill-silo needs a silo number}" pid
  pid_alive "$STATE/silo-$k.pid" || die "silo $k is not running"
  pid="$(cat "$STATE/silo-$k.pid")"
  kill -KILL "$pid"
  while process_alive "$pid"; do sleep 0.05; done
  rm -f "$STATE/silo-$k.pid"
  echo "silo $k (pid $pid) killed"
}

cmd_stop_silo() {
  local k="${1:?stop-silo needs a silo number}"
  terminate "$STATE/silo-$k.pid" 60
  echo "silo $k stopped"
}

cmd_start_silo() {
  local k="${1:?start-silo needs a silo number}"
  [[ -s "$STATE/redis.port" && -s "$STATE/postgres.port" ]] || die "no running cluster; use start first"
  require_binaries
  start_silo "$k"
  wait_silo "$k" || die "silo $k did not become ready"
  echo "silo $k ready: $(silo_health_url "$k")"
}

cmd_stop() {
  local keep=0 keep_data=0 k count pid_file
  while (($#)); do
    case "$1" in
      --keep) keep=1; shift ;;
      --keep-data) keep_data=1; keep=1; shift ;;
      *) die "stop: unknown option '$1'" ;;
    esac
  done
  [[ -d "$STATE" ]] || return 0

  # The gateway first, so no new work arrives; then every silo at once, each handing over its work gracefully.
  terminate "$STATE/gateway.pid" 30
  count="$(silo_count)"
  for ((k = 1; k <= count; k++)); do
    pid_file="$STATE/silo-$k.pid"
    pid_alive "$pid_file" && kill -TERM "$(cat "$pid_file")" 2>/dev/null || true
  done
  for ((k = 1; k <= count; k++)); do terminate "$STATE/silo-$k.pid" 60; done

  if ((keep_data)); then
    echo "gateway and silos stopped; PostgreSQL and Redis keep running"
    return 0
  fi
  stop_redis
  stop_postgres
  if ((keep)); then
    echo "stopped; state kept in $STATE"
  else
    rm -rf "$STATE"
    echo "stopped; state removed"
  fi
}

main() {
  local command="${1:-}"
  (($#)) && shift
  case "$command" in
    build) build ;;
    start) cmd_start "$@" ;;
    status) cmd_status ;;
    kill-silo) cmd_kill_silo "$@" ;;
    stop-silo) cmd_stop_silo "$@" ;;
    start-silo) cmd_start_silo "$@" ;;
    stop) cmd_stop "$@" ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
  esac
}

main "$@"
