#!/usr/bin/env bash
# Keeps a command running: when it crashes (exits non-zero), it is started again after a
# short, growing pause. TERM or INT stops the command and the supervisor. A clean exit ends both.
#   scripts/supervise.sh node scripts/serve.js
set -u
child=""
stop() {
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child"
  exit 0
}
trap stop TERM INT
delay=1
while true; do
  "$@" &
  child=$!
  started=$SECONDS
  wait "$child"
  code=$?
  [ "$code" -eq 0 ] && exit 0
  # A run that lasted a while was healthy: start again quickly.
  [ $((SECONDS - started)) -gt 60 ] && delay=1
  echo "supervise: '$*' exited with $code; restarting in ${delay}s" >&2
  sleep "$delay" &
  wait $!
  delay=$((delay < 30 ? delay * 2 : 30))
done
