#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there.
# Sourced by .ci/serve and .ci/test; safe to run any number of times.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
# The CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' "$root/Cargo.lock")"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || {
  say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }
for c in clippy rustfmt; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || { say "adding $c"; rustup component add "$c"; }
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 4 minutes)"
  # Not --locked: its lock file wants a webpki-roots version this registry lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v brotli >/dev/null || missing+=(brotli)
# DejaVu Sans: the chart images' font (Latin and Cyrillic), read natively for the social cards
# and named first in the browser's images.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# Playwright, axe-core and binaryen's wasm-opt, pinned in tests/package-lock.json.
if [ ! -f "$root/tests/node_modules/.package-lock.json" ] ||
   ! cmp -s "$root/tests/package-lock.json" "$root/tests/node_modules/.lock-copy"; then
  say "installing the test folder's npm packages"
  (cd "$root/tests" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) &&
    cp "$root/tests/package-lock.json" "$root/tests/node_modules/.lock-copy"
fi
export PATH="$root/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Python's frictionless, pinned, in a virtual environment of its own: the test command validates
# the build's data package with it (`frictionless validate dist/data/datapackage.json`).
FRICTIONLESS_VERSION=5.21.0
KZ_VENV="${KZ_VENV:-$HOME/.cache/kz-explorer/frictionless-$FRICTIONLESS_VERSION}"
if ! "$KZ_VENV/bin/frictionless" --version 2>/dev/null | grep -qx "$FRICTIONLESS_VERSION"; then
  say "installing frictionless $FRICTIONLESS_VERSION (Python, in $KZ_VENV)"
  python3 -m venv --help >/dev/null 2>&1 || {
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv; }
  rm -rf "$KZ_VENV" && python3 -m venv "$KZ_VENV" &&
    "$KZ_VENV/bin/pip" install -q --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION"
fi
export KZ_FRICTIONLESS="$KZ_VENV/bin/frictionless"
case "$(wasm-opt --version 2>/dev/null)" in
  *"version 132"*) ;;
  *) echo "wasm-opt 132 is not first on PATH (found: $(command -v wasm-opt || echo none)); run 'cd tests && npm ci'" >&2; exit 1 ;;
esac
