#!/usr/bin/env bash
# Lighthouse (mobile) against a running store, with Debian's chromium. Nothing here reaches the
# internet: htmx's CDN URL is served from the npm copy by bench/cdn_stub.py.
#   HTMX_URL=http://127.0.0.1:5056/npm/htmx.org@2.0.11/dist/htmx.min.js make run   # terminal 1
#   python bench/cdn_stub.py                                                      # terminal 2
#   bench/lighthouse.sh [base URL] [page paths...]                                # terminal 3
set -euo pipefail
base=${1:-http://127.0.0.1:5000}
shift || true
pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
  pages=(/th/ /th/c/tea /th/products/alishan-leaf/alishan-high-mountain-oolong)
fi
tools=${LIGHTHOUSE_DIR:-/tmp/tgg-lighthouse}
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error lighthouse@13
fi
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
for page in "${pages[@]}"; do
  out="$tools/report-$(echo "$page" | tr '/' '_').json"
  "$tools/node_modules/.bin/lighthouse" "$base$page" --quiet --form-factor=mobile \
    --chrome-flags="$flags" --output=json --output-path="$out"
  python3 - "$out" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = {k: round(v["score"] * 100) for k, v in report["categories"].items() if v["score"] is not None}
print(sys.argv[2], scores)
PY
done
