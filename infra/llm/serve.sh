#!/usr/bin/env bash
# Start the Stoom local LLM: llama.cpp's llama-server (built by install.sh) with
# an OpenAI-compatible API on 127.0.0.1:9100, serving the verified GGUF under a
# stable model name (the registry name in models.py). Runs in the foreground;
# stop it with SIGTERM / Ctrl-C. Extra arguments go to llama-server.
#   infra/llm/serve.sh
#   LLM_PORT=9101 LLM_CTX=8192 infra/llm/serve.sh
#   LLM_MODEL=qwen2.5-coder-0.5b-instruct infra/llm/serve.sh   # if its wheels are installed
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="${LLM_VENV:-$ROOT/.venv-llm}"

die() { echo "llm: ERROR: $*" >&2; exit 1; }
[[ -x "$VENV/bin/llama-server" && -x "$VENV/bin/python" ]] \
  || die "$VENV/bin/llama-server not found: run infra/llm/install.sh first"

# Resolves LLM_MODEL (default: models.DEFAULT_MODEL); assembles + verifies if needed.
model_path="$("$VENV/bin/python" "$HERE/models.py" --path "${LLM_MODEL:-}")" \
  || die "model not available (see the message above)"
name="$(basename "$model_path" .gguf)"

# --parallel 1: one request at a time gets the whole context (2 cores: no gain from
# concurrent slots). --jinja: use the chat template stored in the GGUF.
exec "$VENV/bin/llama-server" \
  --model "$model_path" \
  --alias "$name" \
  --host "${LLM_HOST:-127.0.0.1}" \
  --port "${LLM_PORT:-9100}" \
  --ctx-size "${LLM_CTX:-16384}" \
  --parallel 1 \
  --threads "${LLM_THREADS:-2}" \
  --jinja \
  --no-webui \
  "$@"
