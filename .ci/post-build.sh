#!/usr/bin/env bash
# Trunk post-build hook, in order: render the first screen into the built index.html with the
# app's own Leptos components and take out Trunk's inline loader (`dataset prepaint`), check the other
# languages' files and write their served copies (`dataset locales`), draw the social cards
# (`dataset cards`), describe the data files as a Frictionless Data Package beside them
# (`dataset package`: the CSV prepaint wrote and the JSON), minify the scripts
# (terser; their integrity hashes follow), name the chart-image module by its content, then stamp
# the service worker with this build's files (which now include the painted page).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && cargo run --quiet --bin dataset -- prepaint "$dir/data/kazakhstan-2006.json" "$dir/index.html")
(cd "$root" && cargo run --quiet --bin dataset -- locales "$dir/data/kazakhstan-2006.json" data/i18n "$dir/data")
# The overview's social cards (plotters, natively); og:image under the site's address if
# KZ_SITE_URL gives it (https://example.org/explorer/), else under the public URL (/, /sub/).
(cd "$root" && cargo run --quiet --bin dataset -- cards "$dir/data/kazakhstan-2006.json" data/i18n "$dir" "${KZ_SITE_URL:-${TRUNK_PUBLIC_URL:-/}}")
(cd "$root" && cargo run --quiet --bin dataset -- package "$dir/data/kazakhstan-2006.json")
node "$root/.ci/minify.mjs" "$dir"
node "$root/.ci/stamp-images.mjs" "$dir"
bash "$root/.ci/stamp-sw.sh"
