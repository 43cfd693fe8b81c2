#!/usr/bin/env bash
# Where plotters is (issue 17), from cargo's own dependency tree: in the wasm build only with its
# SVG backend plus plotters-canvas, which only the image module (src/bin/images.rs) uses; natively
# with the bitmap backend and ab_glyph, for the social cards the build step (`dataset cards`)
# draws. cargo tree names packages, not bins: that the page's own wasm links none of it is
# checked on the built files by tests/size.test.mjs. And the hand-made SVG writer is gone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
fail() { echo "check-plotters: $*" >&2; exit 1; }
wasm=$(cargo tree --offline --target wasm32-unknown-unknown -e normal,features -i plotters)
host=$(cargo tree --offline -e normal,features -i plotters)
canvas=$(cargo tree --offline --target wasm32-unknown-unknown -e normal -i plotters-canvas)
echo "$wasm" | grep -q 'plotters feature "svg_backend"' || fail 'wasm: plotters without svg_backend'
echo "$wasm" | grep -q 'bitmap_backend\|ab_glyph' && fail 'wasm: plotters carries a native-only feature'
echo "$canvas" | grep -q '^plotters-canvas' || fail 'wasm: no plotters-canvas'
echo "$host" | grep -q 'plotters feature "bitmap_backend"' || fail 'native: plotters without bitmap_backend'
echo "$host" | grep -q 'plotters feature "ab_glyph"' || fail 'native: plotters without ab_glyph'
# Who calls it: the image module's bin (canvas), the build step's bin (cards), and src/images.
users=$(grep -rlE '\bplotters(_canvas)?::|use plotters' src | LC_ALL=C sort | tr '\n' ' ')
[ "$users" = "src/bin/images.rs src/images.rs src/images/fonts.rs src/images/frame.rs src/images/paint.rs src/images/sector.rs src/images/timeline.rs " ] ||
  fail "plotters is used outside the image code: $users"
grep -q 'kz_explorer::images' src/bin/dataset.rs || fail 'the build step does not draw with kz_explorer::images'
[ ! -e src/core/svg.rs ] || fail 'src/core/svg.rs is back'
echo "plotters: wasm (image module) $(echo "$wasm" | grep -o 'plotters feature "[a-z_-]*"' | sed 's/plotters feature //' | sort -u | tr '\n' ' ')"
echo "plotters: native (build step) $(echo "$host" | grep -o 'plotters feature "[a-z_-]*"' | sed 's/plotters feature //' | sort -u | tr '\n' ' ')"
echo "plotters-canvas: $(echo "$canvas" | head -2 | tr '\n' ' ')"
