#!/usr/bin/env bash
# Builds LiveKit Egress natively (cgo + Debian's GStreamer 1.22) into <repo>/.bin/egress.
#
#   infra/egress/install.sh            # install deps if missing, build if needed
#   EGRESS_VERSION=v1.x.y infra/egress/install.sh
#   EGRESS_FORCE=1 infra/egress/install.sh   # rebuild even if the stamp matches
#   EGRESS_SKIP_APT=1 ...              # never call apt-get (fail if a package is missing)
#
# Why not `go install`: cmd/server embeds a `templates` folder that is not part of the
# module (newer releases also carry a `replace` directive for go-gst, which `go install`
# refuses). So: download the module, copy it to a writable dir, add templates, go build.
#
# Version: the Go module proxy reachable from these machines serves egress v1.8.6 as its
# newest downloadable release (v1.9+ .zip files answer 403 "This module version is not
# available"). The checksum database has no entry for egress itself (404), so the module's
# own hash is pinned below and checked here instead; all dependencies are verified
# against the module's go.sum as usual.
set -euo pipefail

EGRESS_VERSION="${EGRESS_VERSION:-v1.8.6}"
# livekit-client UMD bundle served by our room-composite template page (from npm).
LIVEKIT_CLIENT_VERSION="${LIVEKIT_CLIENT_VERSION:-2.23.0}"
TEMPLATE_REV=1   # bump when the template page below changes (forces a rebuild)
# h1: hash of the module zip, as reported by `go mod download -json` (field "Sum").
declare -A PINNED_SUM=(
  [v1.8.6]="h1:9+GXIiU9jZ/GWV5Q9MrtH1psZDwTn70Y6woZ7SGBcHo="
)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN_DIR="$ROOT/.bin"
BUILD_DIR="$ROOT/.build"
SRC_DIR="$BUILD_DIR/egress-src"
BIN="$BIN_DIR/egress"
STAMP="$BUILD_DIR/egress.stamp"
# Our patches to the egress source (infra/egress/patches, applied in order); their hash is
# part of the stamp, so a changed patch rebuilds.
PATCH_DIR="$ROOT/infra/egress/patches"
PATCHES_SUM="$(cat "$PATCH_DIR"/*.patch 2>/dev/null | sha256sum | cut -c1-16)"
STAMP_WANT="github.com/livekit/egress@$EGRESS_VERSION template=$TEMPLATE_REV livekit-client@$LIVEKIT_CLIENT_VERSION patches=$PATCHES_SUM"

step() { printf '[egress] %s\n' "$*"; }
die() { printf '[egress] ERROR: %s\n' "$*" >&2; exit 1; }

# --- 1. Debian packages -------------------------------------------------------------
# build: pkg-config + GLib/GStreamer headers (cgo via go-gst/go-glib)
# runtime: GStreamer plugins used by the pipelines (opus/ogg/webm/mp4/vp8/h264/...)
# RoomComposite (also audio_only) in egress v1.8.x always goes through Chrome: it runs
# `pactl` against a running PulseAudio, `Xvfb`, and chromium (found on PATH by chromedp).
# EGRESS_NO_CHROME=1 skips those (track/participant/track-composite still work).
DEB_PKGS=(
  build-essential pkg-config
  libglib2.0-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  libgstreamer-plugins-bad1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav
)
if [[ "${EGRESS_NO_CHROME:-0}" != 1 ]]; then
  DEB_PKGS+=(chromium xvfb pulseaudio pulseaudio-utils)
fi
missing=()
for p in "${DEB_PKGS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  [[ "${EGRESS_SKIP_APT:-0}" == 1 ]] && die "missing Debian packages: ${missing[*]}"
  step "apt-get install ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi
  if ! DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
    step "apt-get install failed; running apt-get update and retrying"
    "${SUDO[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  fi
else
  step "Debian build/runtime packages present"
fi

# --- 2. up to date? -------------------------------------------------------------------
if [[ "${EGRESS_FORCE:-0}" != 1 && -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$STAMP_WANT" ]]; then
  step "$BIN is $STAMP_WANT already; skipping build (EGRESS_FORCE=1 to rebuild)"
  exit 0
fi

# --- 3. Go toolchain ------------------------------------------------------------------
GO="$(command -v go || true)"
[[ -z "$GO" && -x /usr/local/go/bin/go ]] && GO=/usr/local/go/bin/go
[[ -n "$GO" ]] || die "go not found (need Go >= 1.22 on PATH or /usr/local/go/bin/go)"
export GOTOOLCHAIN=local CGO_ENABLED=1
step "using $("$GO" version)"

# --- 4. download the module -------------------------------------------------------------
# GONOSUMDB: the checksum database answers 404 for egress itself; the hash is checked
# against PINNED_SUM below instead.
step "go mod download github.com/livekit/egress@$EGRESS_VERSION"
mkdir -p "$BUILD_DIR"
DL_JSON="$(cd "$BUILD_DIR" && GONOSUMDB="github.com/livekit/egress${GONOSUMDB:+,$GONOSUMDB}" \
  "$GO" mod download -json "github.com/livekit/egress@$EGRESS_VERSION" || true)"
json_field() { printf '%s\n' "$DL_JSON" | sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}$/\1/p" | head -n1; }
err="$(json_field Error)"
[[ -z "$err" ]] || die "go mod download failed: $err"
MOD_DIR="$(json_field Dir)"
SUM="$(json_field Sum)"
[[ -n "$MOD_DIR" && -d "$MOD_DIR" ]] || die "go mod download gave no module dir: $DL_JSON"
if [[ -n "${PINNED_SUM[$EGRESS_VERSION]:-}" ]]; then
  [[ "$SUM" == "${PINNED_SUM[$EGRESS_VERSION]}" ]] ||
    die "checksum mismatch for egress $EGRESS_VERSION: got $SUM, want ${PINNED_SUM[$EGRESS_VERSION]}"
  step "module hash $SUM matches the pinned one"
else
  step "WARNING: no pinned hash for $EGRESS_VERSION (got $SUM); add it to PINNED_SUM"
fi

# --- 5. writable copy + templates -------------------------------------------------------
step "copying $MOD_DIR -> $SRC_DIR"
rm -rf "$SRC_DIR"
mkdir -p "$BUILD_DIR" "$BIN_DIR"
cp -r "$MOD_DIR" "$SRC_DIR"
chmod -R u+w "$SRC_DIR"

# Track egress of video with livekit-server 1.13 (see the patch's comments): padding-only
# packets that start a Go subscriber's stream are taken for media by this egress's pion, and
# no keyframe is asked for, so video files often never started under load.
for p in "$PATCH_DIR"/*.patch; do
  [[ -e "$p" ]] || continue
  step "applying $(basename "$p")"
  (cd "$SRC_DIR" && git apply -p1 "$p") || die "could not apply $p to egress $EGRESS_VERSION"
done

# cmd/server embeds `templates`; egress serves it on localhost:<template_port> and opens
# ?url=<ws_url>&token=<jwt>&layout=<layout> in Chrome for RoomComposite requests.
# Upstream ships a React app there; ours is a minimal page of our own that subscribes to
# every audio track, plays it (into the PulseAudio sink egress records), and prints the
# console signals egress waits for (START_RECORDING / END_RECORDING). Audio mix only:
# video RoomComposite would record a blank page.
TPL="$SRC_DIR/cmd/server/templates"
mkdir -p "$TPL"
NPM="$(command -v npm || true)"
if [[ -n "$NPM" ]]; then
  step "npm pack livekit-client@$LIVEKIT_CLIENT_VERSION -> templates/livekit-client.umd.js"
  NPM_DIR="$BUILD_DIR/egress-npm"
  rm -rf "$NPM_DIR" && mkdir -p "$NPM_DIR"
  (cd "$NPM_DIR" && "$NPM" pack --silent "livekit-client@$LIVEKIT_CLIENT_VERSION" >/dev/null &&
    tar -xzf "livekit-client-$LIVEKIT_CLIENT_VERSION.tgz" package/dist/livekit-client.umd.js)
  cp "$NPM_DIR/package/dist/livekit-client.umd.js" "$TPL/livekit-client.umd.js"
  step "writing room-composite template page cmd/server/templates/index.html"
  cat >"$TPL/index.html" <<'HTML'
<!doctype html>
<html>
<head><meta charset="utf-8"><title>Stoom recorder</title>
<style>body{margin:0;background:#111;color:#eee;font:16px sans-serif}</style>
<script src="livekit-client.umd.js"></script>
</head>
<body>
<div id="status">connecting</div>
<script>
(async () => {
  const q = new URLSearchParams(location.search);
  const LK = window.LivekitClient;
  const room = new LK.Room({ adaptiveStream: false, dynacast: false });
  const status = (s) => { document.getElementById('status').textContent = s; };
  room.on(LK.RoomEvent.TrackSubscribed, (track) => {
    if (track.kind === 'audio') document.body.appendChild(track.attach());
  });
  room.on(LK.RoomEvent.TrackUnsubscribed, (track) => { track.detach().forEach((el) => el.remove()); });
  room.on(LK.RoomEvent.Disconnected, () => { status('disconnected'); console.log('END_RECORDING'); });
  try {
    await room.connect(q.get('url'), q.get('token'), { autoSubscribe: true });
    status('recording ' + room.name);
    console.log('START_RECORDING');
  } catch (e) {
    const d = document.createElement('div');
    d.className = 'error';
    d.textContent = String(e);
    document.body.appendChild(d);
  }
})();
</script>
</body>
</html>
HTML
else
  step "WARNING: npm not on PATH; embedding a placeholder template (RoomComposite will fail)"
  cat >"$TPL/index.html" <<'HTML'
<!doctype html>
<html><head><meta charset="utf-8"><title>Stoom egress</title></head>
<body><div class="error">Room composite template is not bundled in this build (npm was missing).</div></body></html>
HTML
fi

# go-gst: newer egress releases use `replace github.com/go-gst/go-gst => github.com/livekit/go-gst ...`.
# `go build` inside the module dir honours it (the target is fetched from the Go proxy).
if grep -q '=>' "$SRC_DIR/go.mod"; then
  step "go.mod replace directives (honoured by go build): $(grep -E '=>' "$SRC_DIR/go.mod" | tr -s ' \t' ' ' | paste -sd';')"
fi

# --- 6. build -----------------------------------------------------------------------------
step "go mod download (dependencies)"
(cd "$SRC_DIR" && "$GO" mod download)
step "CGO_ENABLED=1 go build -o $BIN ./cmd/server (first build takes ~7 min on 2 cores)"
start=$(date +%s)
(cd "$SRC_DIR" && "$GO" build -trimpath -o "$BIN.tmp" ./cmd/server)
mv -f "$BIN.tmp" "$BIN"
printf '%s\n' "$STAMP_WANT" >"$STAMP"
step "built $BIN ($("$BIN" --version 2>/dev/null || echo '?')) in $(($(date +%s) - start))s"
step "run it with $BIN_DIR on PATH (it re-executes itself as 'egress run-handler'), from cwd /"
