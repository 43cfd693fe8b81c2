#!/usr/bin/env bash
# First-load benchmark (prints figures; not a test). Puts the test folder's tools (wasm-opt 132,
# Lighthouse) and cargo's (trunk, wasm-bindgen) on PATH, then runs first-load.mjs with the same
# arguments, e.g.  bash tests/bench/first-load.sh [--no-build | --dist dist] [--runs 5] [--lh-runs 3]
#                  [--no-lighthouse] [--out target/bench/first-load.json]
# Needs `bash .ci/setup.sh` to have run once (it installs Chromium, brotli, trunk and the npm packages).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PATH="$root/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
cd "$root"
exec node tests/bench/first-load.mjs "$@"
