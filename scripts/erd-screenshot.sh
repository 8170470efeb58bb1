#!/bin/sh
# Renders a schema's `codegen erd --format html` page in headless Chromium and saves a PNG, to look at the page the
# way a person first sees it. Not part of `npm test`: CI may have no Chromium (Debian: apt-get install chromium).
#
#   scripts/erd-screenshot.sh SCHEMA OUT.png [WIDTH,HEIGHT] [VIEW]
#
# VIEW is what follows # in the address: `full` (every column), `overview` (keys only), a model name, or both
# (`full/User`). By default the page picks the readable layout.
# Prints the page's JavaScript errors, if any, and exits 1 when there were some.
set -eu
if [ $# -lt 2 ]; then
  echo "usage: $0 SCHEMA OUT.png [WIDTH,HEIGHT] [VIEW]" >&2
  exit 64
fi
schema=$1
out=$2
size=${3:-1600,1200}
view=${4:-}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "No Chromium found. On Debian: apt-get install -y chromium" >&2
  exit 1
fi
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node "$root/bin/codegen.cjs" erd --schema "$schema" --format html --output "$work/erd.html" >/dev/null
started=$(date +%s%N)
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --hide-scrollbars --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
  --window-size="$size" --screenshot="$out" "file://$work/erd.html${view:+#$view}" 2>"$work/log" >/dev/null
echo "Saved $out ($(( ($(date +%s%N) - started) / 1000000 )) ms in Chromium)"
if grep -E 'Uncaught|CONSOLE\(.*(Error|error)' "$work/log" >&2; then exit 1; fi
