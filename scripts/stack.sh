#!/usr/bin/env bash
# Starts or stops the native service stack: PostgreSQL, Redis, coturn, livekit-server,
# Egress (with PulseAudio), Whisper and the insights engine (llama.cpp).
# Usage: scripts/stack.sh start|stop|status   (state in .data/, logs in .data/log/)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
load_env

PGDATA="$DATA/pg"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

start_postgres() {
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    step "creating PostgreSQL cluster in .data/pg"
    mkdir -p "$PGDATA"
    local pwfile="$RUN/pgpass.tmp"
    printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
    if [ "$(id -u)" = 0 ]; then chown postgres "$PGDATA" "$pwfile"; fi
    as_pg "$PG_BIN/initdb" -D "$PGDATA" -U stoom --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 >"$LOGS/initdb.log"
    rm -f "$pwfile"
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    # A cluster an older ./stoom started without fsync: restart it with durable settings.
    [ "$(pg_sql postgres 'SHOW fsync')" = "on" ] && return 0
    step "restarting PostgreSQL with durable settings (fsync on)"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  step "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
  pg_ctl_start start
  local db
  for db in stoom stoom_test; do
    [ "$(pg_sql postgres "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ] || pg_sql postgres "CREATE DATABASE $db" >/dev/null
  done
  # Only the throwaway test database trades the last moments of a crash for speed; the
  # app's database keeps PostgreSQL's durable defaults (fsync, synchronous commit).
  pg_sql postgres "ALTER DATABASE stoom_test SET synchronous_commit = off" >/dev/null
}

# Durable defaults: fsync and synchronous_commit stay on.
pg_ctl_start() {
  touch "$LOGS/postgres.log"
  [ "$(id -u)" = 0 ] && chown postgres "$LOGS/postgres.log"
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 -m fast \
    -o "-h 127.0.0.1 -p $POSTGRES_PORT -k '' -c max_connections=200" "$1" >/dev/null
}

pg_sql() {
  PGPASSWORD="$POSTGRES_PASSWORD" psql -h 127.0.0.1 -p "$POSTGRES_PORT" -U stoom -d "$1" -tAc "$2"
}

# For the fault tests: PostgreSQL goes away and comes back, as a restart in production would.
restart_postgres() {
  step "restarting PostgreSQL"
  pg_ctl_start restart
}

start_redis() { run_redis "$REDIS_PORT" "$RUN" "$LOGS/redis.log"; }

start_coturn() {
  pid_alive "$RUN/coturn.pid" && return 0
  step "starting coturn on 127.0.0.1:3478"
  # The Docker host's config plus relaying to 127.0.0.1, where livekit-server listens here.
  setsid turnserver -c "$ROOT/infra/coturn/turnserver.loopback.conf" --static-auth-secret="$COTURN_STATIC_AUTH_SECRET" \
    --realm="$COTURN_REALM" --pidfile="$RUN/coturn.pid" --log-file=stdout >"$LOGS/coturn.log" 2>&1 < /dev/null &
  echo $! > "$RUN/coturn.pid"
  wait_for "grep -q 'Total General servers' '$LOGS/coturn.log'" 15 || warn "coturn is slow to start: see .data/log/coturn.log"
}

start_livekit() {
  render "$ROOT/infra/livekit/livekit.yaml" "$RUN/livekit.yaml.new"
  if pid_alive "$RUN/livekit.pid"; then
    # Running with the config as rendered now: left alone. A changed config restarts it.
    if cmp -s "$RUN/livekit.yaml.new" "$RUN/livekit.yaml"; then rm -f "$RUN/livekit.yaml.new"; return 0; fi
    step "restarting livekit-server: infra/livekit/livekit.yaml changed"
    stop_pidfile livekit
  fi
  mv "$RUN/livekit.yaml.new" "$RUN/livekit.yaml"
  step "starting livekit-server on $LIVEKIT_URL"
  setsid livekit-server --config "$RUN/livekit.yaml" >"$LOGS/livekit.log" 2>&1 < /dev/null &
  echo $! > "$RUN/livekit.pid"
  wait_for "curl -fsS $LIVEKIT_URL" 30 || die "livekit-server did not start: see .data/log/livekit.log"
}

start_pulseaudio() {
  # Egress mixes room composites through PulseAudio; the daemon lives in our runtime dir.
  export XDG_RUNTIME_DIR="$RUN/xdg"
  mkdir -p -m 700 "$XDG_RUNTIME_DIR"
  pid_alive "$RUN/pulse.pid" && return 0
  rm -f "$XDG_RUNTIME_DIR/pulse/pid"
  pulseaudio -D --exit-idle-time=-1 --disallow-exit --use-pid-file=yes --log-target=file:"$LOGS/pulseaudio.log" 2>/dev/null
  # PulseAudio writes its own pid file in the runtime dir.
  wait_for "test -s '$XDG_RUNTIME_DIR/pulse/pid'" 10 || { warn "PulseAudio did not start: room composites will fail"; return 0; }
  cp "$XDG_RUNTIME_DIR/pulse/pid" "$RUN/pulse.pid"
}

start_egress() {
  pid_alive "$RUN/egress.pid" && return 0
  step "starting LiveKit Egress (recordings in $RECORDINGS_STORAGE_PATH)"
  mkdir -p "$RECORDINGS_STORAGE_PATH"
  rm -rf "$RUN/egress-tmp" && mkdir -p "$RUN/egress-tmp"
  render "$ROOT/infra/egress/egress.yaml" "$RUN/egress.yaml"
  # egress re-executes itself as `egress run-handler` (so .bin is on PATH) and resolves
  # local file outputs against its working directory: start it from /.
  (cd /; TMPDIR="$RUN/egress-tmp" setsid egress --config "$RUN/egress.yaml" >"$LOGS/egress.log" 2>&1 < /dev/null & echo $! > "$RUN/egress.pid")
  wait_for "grep -q 'service ready\|starting service\|service listening' '$LOGS/egress.log'" 20 || warn "egress is slow to start: see .data/log/egress.log"
}

# The offline Whisper works after meetings and runs niced (10): live media (livekit-server,
# egress) and live captions keep the CPU when a transcript is written during another meeting.
# The insights engine runs at `nice 10` inside its own group but its group is not lowered: it
# writes the rolling notes during a meeting and the insights at its end, and lowered it got
# about 2% of the CPU whenever a call ran on the same machine (0.17 tokens/s: one request took
# 15 minutes and the next meeting's insights waited behind it).
#
# Where the kernel schedules by autogroup (on by default on most Linux systems:
# /proc/sys/kernel/sched_autogroup_enabled), each session started with setsid is one group, the
# groups share the CPU equally and `nice` only orders processes inside a group: the group's own
# nice (/proc/<pid>/autogroup) is what makes the service yield. Raising it needs no privilege.
lower_group_priority() {
  local pid
  pid=$(cat "$RUN/$1.pid" 2>/dev/null) || return 0
  # Only a process that leads its own session (setsid done): never this script's group.
  [ "$(awk '{print $6}' "/proc/$pid/stat" 2>/dev/null)" = "$pid" ] || return 0
  if [ -w "/proc/$pid/autogroup" ]; then echo 10 > "/proc/$pid/autogroup" 2>/dev/null || true; fi
}

start_whisper() {
  pid_alive "$RUN/whisper.pid" && return 0
  step "starting Whisper ($WHISPER_MODEL) on $WHISPER_API_URL"
  (cd "$ROOT"; HF_HUB_OFFLINE=1 WHISPER_MODEL="$WHISPER_MODEL" setsid nice -n 10 "$ROOT/.venv-whisper/bin/python" infra/whisper/server.py \
    --host 127.0.0.1 --port "$WHISPER_PORT" >"$LOGS/whisper.log" 2>&1 < /dev/null & echo $! > "$RUN/whisper.pid")
  wait_for "curl -fsS $WHISPER_API_URL/health" 60 || die "Whisper did not start: see .data/log/whisper.log"
  lower_group_priority whisper # answering, so in its own session (not this script's) by now
}

# Live captions' engine: the same server and model, greedy (beam 1) for speed, at normal
# priority — a caption a second late is useless, a recording's transcript can wait.
start_whisper_live() {
  pid_alive "$RUN/whisper-live.pid" && return 0
  step "starting Whisper for live captions ($WHISPER_MODEL) on $WHISPER_LIVE_URL"
  (cd "$ROOT"; HF_HUB_OFFLINE=1 WHISPER_MODEL="$WHISPER_MODEL" WHISPER_BEAM_SIZE=1 WHISPER_MAX_QUEUE=32 setsid "$ROOT/.venv-whisper/bin/python" infra/whisper/server.py \
    --host 127.0.0.1 --port "$WHISPER_LIVE_PORT" >"$LOGS/whisper-live.log" 2>&1 < /dev/null & echo $! > "$RUN/whisper-live.pid")
  wait_for "curl -fsS $WHISPER_LIVE_URL/health" 60 || die "Whisper (live) did not start: see .data/log/whisper-live.log"
}

# The live-captions transcriber: a LiveKit Agents worker registered with livekit-server, which
# dispatches it to meetings. Supervised: a crash restarts it (its meetings are re-dispatched).
start_transcriber() {
  pid_alive "$RUN/transcriber.pid" && return 0
  step "starting the live-captions transcriber (LiveKit Agents worker)"
  (cd "$ROOT"; LIVEKIT_URL="$LIVEKIT_WS_URL" LIVEKIT_API_KEY="$LIVEKIT_API_KEY" LIVEKIT_API_SECRET="$LIVEKIT_API_SECRET" \
    WHISPER_LIVE_URL="$WHISPER_LIVE_URL" WHISPER_LANGUAGE="$WHISPER_LANGUAGE" \
    setsid scripts/supervise.sh "$ROOT/.venv-transcriber/bin/python" infra/transcriber/transcriber.py start >"$LOGS/transcriber.log" 2>&1 < /dev/null & echo $! > "$RUN/transcriber.pid")
  wait_for "grep -q 'registered worker' '$LOGS/transcriber.log'" 60 || warn "the transcriber is slow to register: see .data/log/transcriber.log"
}

start_llm() {
  pid_alive "$RUN/llm.pid" && return 0
  step "starting the insights engine (llama.cpp, $INSIGHTS_MODEL) on 127.0.0.1:$LLM_PORT"
  (cd "$ROOT"; LLM_PORT="$LLM_PORT" LLM_CTX="$INSIGHTS_CONTEXT_TOKENS" setsid nice -n 10 infra/llm/serve.sh >"$LOGS/llm.log" 2>&1 < /dev/null & echo $! > "$RUN/llm.pid")
  wait_for "curl -fsS http://127.0.0.1:$LLM_PORT/health" 120 || die "the insights engine did not start: see .data/log/llm.log"
}

stop_pidfile() { stop_tree "$RUN/$1.pid" "$1"; }

stop_postgres() {
  [ -f "$PGDATA/PG_VERSION" ] || return 0
  if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    step "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
  fi
}

status() {
  local s
  for s in redis coturn livekit pulse egress whisper whisper-live transcriber llm app; do
    if pid_alive "$RUN/$s.pid"; then echo "$s: running (pid $(cat "$RUN/$s.pid"))"; else echo "$s: stopped"; fi
  done
  if [ -f "$PGDATA/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    echo "postgres: running"; else echo "postgres: stopped"; fi
}

case "${1:-}" in
  start) start_postgres; start_redis; start_coturn; start_livekit; start_pulseaudio; start_egress; start_whisper; start_whisper_live; start_transcriber; start_llm ;;
  # What the cluster (scripts/cluster.sh) runs on: everything but the single livekit-server and Egress.
  start-base) start_postgres; start_redis; start_coturn; start_pulseaudio; start_whisper; start_whisper_live; start_llm ;;
  stop)
    stop_pidfile llm; stop_pidfile transcriber; stop_pidfile whisper-live; stop_pidfile whisper; stop_pidfile egress; stop_pidfile pulse
    stop_pidfile livekit; stop_pidfile coturn; stop_pidfile redis; stop_postgres ;;
  restart-postgres) restart_postgres ;;
  status) status ;;
  *) die "usage: scripts/stack.sh start|start-base|stop|restart-postgres|status" ;;
esac
