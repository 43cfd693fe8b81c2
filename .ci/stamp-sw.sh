#!/usr/bin/env bash
# Trunk post-build hook: writes this build's file list and a version (a hash of every file) into
# the service worker, so the browser sees a new worker exactly when any file changed. The list
# holds the data files too (the CSV, and the Russian and Kazakh files: 32 KB gzipped more, fetched
# by the worker after the first load, not during it), so every data link and the language switch
# work offline after one visit.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
cd "$dir"
# Not precached: the chart-image module (fetched on the first image asked for; the worker keeps
# it then, so images once made can be made offline), the social cards (for link previews) and the
# data package's description (for data tools, not for the app).
files=$(find . -type f ! -name sw.js ! -name '*.gz' ! -name '*.br' ! -name '*.py' ! -name 'robots.txt' ! -name 'dataset.schema.json' ! -name 'datapackage.json' ! -name 'images-*' ! -path './social/*' | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
list=$(printf '"./"'; for f in $files; do [ "$f" = index.html ] || printf ',"%s"' "$f"; done)
sed -i "s|__KZ_VERSION__|$version|; s|__KZ_ASSETS__|[$list]|" sw.js
echo "service worker: version $version, $(echo "$files" | wc -l) files"
