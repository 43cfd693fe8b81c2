#!/usr/bin/env bash
# Release build into dist/, then precompressed .gz and .br beside each asset for static hosts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rm -rf dist
trunk build --release --offline "$@"
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.json' -o -name '*.svg' \) |
  while read -r f; do
    gzip -9 -k -f -n "$f"
    if command -v brotli >/dev/null; then brotli -q 11 -k -f "$f"; fi
  done
