#!/usr/bin/env bash
# Screenshot of an HTML page written by `nergraph build --format html`, taken
# with headless Chromium (apt-get install chromium) at 1280x900.
# Usage: scripts/html_screenshot.sh [PAGE [PNG]]   (default graphs/graph.html -> graphs/graph-html.png)
set -euo pipefail
cd "$(dirname "$0")/.."
page="${1:-graphs/graph.html}"
png="${2:-graphs/graph-html.png}"
browser="${NERGRAPH_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [ -z "$browser" ]; then
  echo "html_screenshot.sh: Chromium not found (apt-get install chromium, or set NERGRAPH_CHROMIUM)" >&2
  exit 1
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$profile" \
  --virtual-time-budget=3000 --window-size=1280,900 \
  --screenshot="$(realpath -m "$png")" "file://$(realpath "$page")" 2>/dev/null
echo "wrote $png"
