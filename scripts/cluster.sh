#!/usr/bin/env bash
# The cluster topology on one machine: two livekit-server nodes sharing a Redis (LiveKit's
# own multi-node routing), two Egress workers on the same Redis, two app processes sharing
# PostgreSQL (pg-boss runs each job once), and nginx in front of the app processes and of
# the nodes' signalling. The base services (PostgreSQL, coturn, PulseAudio, Whisper, the
# insights engine) come from scripts/stack.sh. The cluster has a Redis of its own: LiveKit
# and Egress talk over Redis pub/sub, which no database number separates, so on the stack's
# Redis the single node's Egress would take the cluster's recordings.
#
# Usage: scripts/cluster.sh start|stop|status [dev|test]
#        scripts/cluster.sh kill <process> [dev|test]   kill -9 one process with its supervisor, as if its
#                                                   machine died (start brings it back)
#        scripts/cluster.sh node-of <room> [dev|test]   which livekit process hosts a room
# Processes: livekit-1 livekit-2 egress-1 egress-2 transcriber-1 transcriber-2 app-1 app-2.
# Profile dev (./stoom up --cluster): the app on APP_PORT (3000), its Redis on 56380.
# Profile test (the cluster tests): the app on 3400, its Redis on 56381, the test database.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_env

CMD="${1:-}"
if [ "$CMD" = kill ] || [ "$CMD" = node-of ]; then
  TARGET="${2:-}"; PROFILE="${3:-dev}"
else
  PROFILE="${2:-dev}"
fi

case "$PROFILE" in
  dev)
    CLUSTER_APP_PORT="${CLUSTER_APP_PORT:-$APP_PORT}"
    CLUSTER_LIVEKIT_PORT="${CLUSTER_LIVEKIT_PORT:-7870}"
    LIVEKIT_NODE_PORTS=(7780 7790)
    EGRESS_TEMPLATE_PORTS=(7981 7982)
    CLUSTER_REDIS_PORT=56380
    CLUSTER_DATABASE_URL="$DATABASE_URL"
    ;;
  test)
    CLUSTER_APP_PORT=3400
    CLUSTER_LIVEKIT_PORT=7770
    LIVEKIT_NODE_PORTS=(7680 7690)
    EGRESS_TEMPLATE_PORTS=(7983 7984)
    CLUSTER_REDIS_PORT=56381
    CLUSTER_DATABASE_URL="$TEST_DATABASE_URL"
    ;;
  *) die "unknown cluster profile '$PROFILE' (dev or test)" ;;
esac
CLUSTER_APP_1_PORT=$((CLUSTER_APP_PORT + 1))
CLUSTER_APP_2_PORT=$((CLUSTER_APP_PORT + 2))
CLUSTER_REDIS_ADDRESS="127.0.0.1:$CLUSTER_REDIS_PORT"
CRUN="$RUN/cluster-$PROFILE"
CLOGS="$LOGS/cluster-$PROFILE"
mkdir -p "$CRUN" "$CLOGS"
export XDG_RUNTIME_DIR="$RUN/xdg" # egress reaches the stack's PulseAudio there

# Starts a supervised process (restarted when it dies) in its own process group.
# $1 name, $2 working directory, rest: the command.
start_supervised() {
  local name="$1" dir="$2"; shift 2
  pid_alive "$CRUN/$name.pid" && return 0
  (cd "$dir"; setsid "$ROOT/scripts/supervise.sh" "$@" >>"$CLOGS/$name.log" 2>&1 < /dev/null & echo $! > "$CRUN/$name.pid")
}

start_cluster_redis() { run_redis "$CLUSTER_REDIS_PORT" "$CRUN" "$CLOGS/redis.log"; }

start_livekit_node() {
  local n="$1" port="${LIVEKIT_NODE_PORTS[$(($1 - 1))]}"
  pid_alive "$CRUN/livekit-$n.pid" && return 0
  step "starting livekit-server node $n on 127.0.0.1:$port (ICE $((port + 1))/tcp, $((port + 2))/udp)"
  SFU_PORT="$port" SFU_ICE_TCP_PORT=$((port + 1)) SFU_ICE_UDP_PORT=$((port + 2)) REDIS_ADDRESS="$CLUSTER_REDIS_ADDRESS" \
    LIVEKIT_WEBHOOK_URLS="[http://127.0.0.1:$CLUSTER_APP_PORT/api/livekit/webhook]" \
    render "$ROOT/infra/livekit/livekit.yaml" "$CRUN/livekit-$n.yaml"
  # livekit-server reads LIVEKIT_<KEY> variables as config overrides: none of ours may reach it.
  start_supervised "livekit-$n" / env -u LIVEKIT_WEBHOOK_URLS livekit-server --config "$CRUN/livekit-$n.yaml"
  wait_for "curl -fsS http://127.0.0.1:$port" 30 || die "livekit-server node $n did not start: see $CLOGS/livekit-$n.log"
}

start_egress_worker() {
  local n="$1"
  pid_alive "$CRUN/egress-$n.pid" && return 0
  step "starting Egress worker $n"
  mkdir -p "$RECORDINGS_STORAGE_PATH"
  # Short: Chrome (the room mix) puts a Unix socket under it, and those paths are limited to 107 bytes.
  local tmp="$RUN/eg-$PROFILE$n"
  rm -rf "$tmp" && mkdir -p "$tmp"
  LIVEKIT_WS_URL="ws://127.0.0.1:$CLUSTER_LIVEKIT_PORT" REDIS_ADDRESS="$CLUSTER_REDIS_ADDRESS" EGRESS_TEMPLATE_PORT="${EGRESS_TEMPLATE_PORTS[$((n - 1))]}" \
    render "$ROOT/infra/egress/egress.yaml" "$CRUN/egress-$n.yaml"
  # As in stack.sh: egress resolves local file outputs against its working directory (/).
  TMPDIR="$tmp" start_supervised "egress-$n" / egress --config "$CRUN/egress-$n.yaml"
}

# A live-captions transcriber worker (LiveKit Agents), registered through the signalling front:
# livekit-server dispatches each meeting to one of them; the app re-dispatches a meeting whose
# worker died. They share the base stack's live Whisper.
start_transcriber_worker() {
  local n="$1"
  pid_alive "$CRUN/transcriber-$n.pid" && return 0
  step "starting transcriber worker $n"
  LIVEKIT_URL="ws://127.0.0.1:$CLUSTER_LIVEKIT_PORT" LIVEKIT_API_KEY="$LIVEKIT_API_KEY" LIVEKIT_API_SECRET="$LIVEKIT_API_SECRET" \
    WHISPER_LIVE_URL="$WHISPER_LIVE_URL" WHISPER_LANGUAGE="$WHISPER_LANGUAGE" \
    start_supervised "transcriber-$n" "$ROOT" "$ROOT/.venv-transcriber/bin/python" infra/transcriber/transcriber.py start
}

start_app_process() {
  local n="$1" port=$((CLUSTER_APP_PORT + $1))
  pid_alive "$CRUN/app-$n.pid" && return 0
  step "starting app process $n on 127.0.0.1:$port"
  PORT="$port" HOST=127.0.0.1 DATABASE_URL="$CLUSTER_DATABASE_URL" TRUST_PROXY=1 TRANSCRIBER_CALLBACK_URL="http://127.0.0.1:$CLUSTER_APP_PORT" \
    LIVEKIT_URL="http://127.0.0.1:$CLUSTER_LIVEKIT_PORT" LIVEKIT_WS_URL="ws://127.0.0.1:$CLUSTER_LIVEKIT_PORT" \
    start_supervised "app-$n" "$ROOT" node scripts/serve.js
}

start_nginx() {
  [ -f "$CRUN/nginx.pid" ] && kill -0 "$(cat "$CRUN/nginx.pid")" 2>/dev/null && return 0
  step "starting nginx: the app on 127.0.0.1:$CLUSTER_APP_PORT, LiveKit signalling on 127.0.0.1:$CLUSTER_LIVEKIT_PORT"
  mkdir -p "$CRUN/nginx"
  chmod 1777 "$CRUN/nginx" # nginx's workers (nobody, when started as root) write their temp files here
  NGINX_RUN_DIR="$CRUN/nginx" NGINX_LOG_DIR="$CLOGS" CLUSTER_APP_PORT="$CLUSTER_APP_PORT" \
    CLUSTER_APP_1_PORT="$CLUSTER_APP_1_PORT" CLUSTER_APP_2_PORT="$CLUSTER_APP_2_PORT" CLUSTER_LIVEKIT_PORT="$CLUSTER_LIVEKIT_PORT" \
    CLUSTER_LIVEKIT_1_PORT="${LIVEKIT_NODE_PORTS[0]}" CLUSTER_LIVEKIT_2_PORT="${LIVEKIT_NODE_PORTS[1]}" \
    render "$ROOT/infra/nginx/cluster.conf" "$CRUN/nginx.conf"
  chmod 644 "$CRUN/nginx.conf"
  nginx -c "$CRUN/nginx.conf" -p "$CRUN/nginx" -e "$CLOGS/nginx-error.log"
  # The pid file nginx writes is the one we stop it by.
  wait_for "test -s '$CRUN/nginx/nginx.pid'" 10 || die "nginx did not start: see $CLOGS/nginx-error.log"
  cp "$CRUN/nginx/nginx.pid" "$CRUN/nginx.pid"
}

stop_supervised() { stop_tree "$CRUN/$1.pid" "$1 ($PROFILE cluster)"; }

# Which of livekit-1 / livekit-2 hosts the room: LiveKit's room → node map in Redis, and
# the node id each node logged when it started.
node_of() {
  local room="$1" node n
  node="$(REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -p "$CLUSTER_REDIS_PORT" --no-auth-warning HGET room_node_map "$room")"
  [ -n "$node" ] || die "no node hosts room $room"
  for n in 1 2; do
    if [ "$(grep 'starting LiveKit server' "$CLOGS/livekit-$n.log" 2>/dev/null | tail -1 | grep -o 'ND_[A-Za-z0-9]*')" = "$node" ]; then echo "livekit-$n"; return 0; fi
  done
  die "room $room is on node $node, which is neither livekit-1 nor livekit-2 now"
}

status() {
  local s
  for s in redis livekit-1 livekit-2 egress-1 egress-2 transcriber-1 transcriber-2 app-1 app-2 nginx; do
    if pid_alive "$CRUN/$s.pid"; then echo "$s: running (pid $(cat "$CRUN/$s.pid"))"; else echo "$s: stopped"; fi
  done
}

case "$CMD" in
  start)
    [ -x "$(command -v nginx)" ] || die "nginx is missing: run scripts/bootstrap.sh"
    start_cluster_redis
    start_livekit_node 1; start_livekit_node 2
    start_egress_worker 1; start_egress_worker 2
    start_transcriber_worker 1; start_transcriber_worker 2
    start_app_process 1; start_app_process 2
    start_nginx
    wait_for "curl -fsS http://127.0.0.1:$CLUSTER_APP_1_PORT/api/health && curl -fsS http://127.0.0.1:$CLUSTER_APP_2_PORT/api/health" 60 ||
      die "the app processes did not start: see $CLOGS/app-1.log, app-2.log"
    wait_for "curl -fsS http://127.0.0.1:$CLUSTER_APP_PORT/api/health" 10 || die "nginx does not reach the app: see $CLOGS/nginx-error.log"
    ;;
  stop)
    if [ -f "$CRUN/nginx.pid" ] && kill -0 "$(cat "$CRUN/nginx.pid")" 2>/dev/null; then
      step "stopping nginx ($PROFILE cluster)"
      kill "$(cat "$CRUN/nginx.pid")"
      wait_for "! kill -0 $(cat "$CRUN/nginx.pid")" 10 || true
    fi
    # Its workers may hold the listening sockets a moment longer than the master lives.
    wait_for "! curl -s -o /dev/null http://127.0.0.1:$CLUSTER_APP_PORT/" 10 || warn "port $CLUSTER_APP_PORT is still taken"
    rm -f "$CRUN/nginx.pid"
    for s in app-1 app-2 transcriber-1 transcriber-2 egress-1 egress-2 livekit-1 livekit-2; do stop_supervised "$s"; done
    if pid_alive "$CRUN/redis.pid"; then
      step "stopping the cluster's Redis ($PROFILE)"
      kill "$(cat "$CRUN/redis.pid")"
      wait_for "! kill -0 $(cat "$CRUN/redis.pid")" 10 || true
    fi
    rm -f "$CRUN/redis.pid"
    ;;
  status) status ;;
  kill)
    pid_alive "$CRUN/$TARGET.pid" || die "$TARGET is not running"
    # The whole tree, Egress's recordings included (they run in process groups of their own).
    tree="$(descendants "$(cat "$CRUN/$TARGET.pid")")"
    kill -9 -- "-$(cat "$CRUN/$TARGET.pid")"; [ -n "$tree" ] && kill -9 $tree 2>/dev/null
    rm -f "$CRUN/$TARGET.pid" ;;
  node-of) node_of "$TARGET" ;;
  *) die "usage: scripts/cluster.sh start|stop|status [dev|test] | kill <process> [dev|test] | node-of <room> [dev|test]" ;;
esac
