#!/usr/bin/env bash
# Renders the web app's icons (static/icons/, listed in static/manifest.webmanifest) from
# static/favicon.svg with ffmpeg's librsvg decoder. Run it again after changing the favicon.
set -euo pipefail
cd "$(dirname "$0")/.."
out=static/icons
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { # svg size png
	ffmpeg -v error -y -width "$2" -height "$2" -i "$1" -frames:v 1 -pix_fmt rgba "$3"
}
render static/favicon.svg 192 "$out/icon-192.png"
render static/favicon.svg 512 "$out/icon-512.png"
# Maskable: the launcher crops to its own shape, so the square is filled edge to edge and the
# camera kept within the central 80 % safe zone.
sed -e 's/rx="8" //' -e 's|<path |<path transform="translate(3.2 3.2) scale(0.8)" |' static/favicon.svg > "$tmp/maskable.svg"
render "$tmp/maskable.svg" 512 "$out/maskable-512.png"
