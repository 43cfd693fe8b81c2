#!/usr/bin/env bash
# Release build into dist/ (or $DIST), then precompressed .gz and .br beside each asset for static
# hosts. Extra arguments go to Trunk, e.g. `--public-url /sub/` for a sub-path deployment.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dist="${DIST:-dist}"
rm -rf "$dist"
trunk build --release --offline --dist "$dist" "$@"
find "$dist" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.json' -o -name '*.csv' -o -name '*.svg' \) |
  while read -r f; do
    gzip -9 -k -f -n "$f"
    if command -v brotli >/dev/null; then brotli -q 11 -k -f "$f"; fi
  done
