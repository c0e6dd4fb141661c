#!/bin/sh
# Renders ${VAR} placeholders in config file $1 from the environment into $2.
# POSIX sh + sed only, so the same script runs natively and inside slim official images.
# A placeholder whose variable is unset is an error, naming the variable.
set -eu
in="$1"
out="$2"
rules="$(mktemp)"
trap 'rm -f "$rules"' EXIT
for var in $(grep -o '\${[A-Z_][A-Z0-9_]*}' "$in" | sort -u | sed 's/[${}]//g'); do
  eval "value=\${$var-__unset__}"
  if [ "$value" = "__unset__" ]; then echo "render-config: $var is not set (needed by $in)" >&2; exit 1; fi
  printf 's|\\${%s}|%s|g\n' "$var" "$(printf '%s' "$value" | sed 's/[&|\\]/\\&/g')" >> "$rules"
done
umask 077
sed -f "$rules" "$in" > "$out"
