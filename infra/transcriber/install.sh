#!/usr/bin/env bash
# Installs Stoom's live-captions transcriber (LiveKit Agents + Silero VAD) into <repo>/.venv-transcriber.
# Idempotent: when the stamp in the venv matches the hash of requirements.txt, it exits at once.
#   infra/transcriber/install.sh          # install or no-op
#   FORCE=1 infra/transcriber/install.sh  # reinstall into the existing venv
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="${TRANSCRIBER_VENV:-$ROOT/.venv-transcriber}"
REQ="$HERE/requirements.txt"
STAMP="$VENV/.stoom-transcriber-stamp"
PYTHON="${PYTHON:-python3}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

want="$(sha256sum "$REQ" | cut -d' ' -f1)"
if [[ "${FORCE:-0}" != 1 && -x "$VENV/bin/python" && -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
  echo "transcriber: venv up to date ($VENV)"
  exit 0
fi

if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
  "$PYTHON" -c 'import sys; assert sys.version_info >= (3, 11), sys.version' \
    || { echo "transcriber: need Python >= 3.11 (set PYTHON=...)" >&2; exit 1; }
  echo "transcriber: creating venv $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi

rm -f "$STAMP"
echo "transcriber: installing pinned requirements (LiveKit Agents, Silero VAD)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQ"
# The VAD model ships inside the Silero plugin's wheel: check it is there.
"$VENV/bin/python" -c 'import importlib.resources as r; assert (r.files("livekit.plugins.silero.resources") / "silero_vad.onnx").is_file()'
echo "$want" > "$STAMP"
echo "transcriber: ready"
