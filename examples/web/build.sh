#!/usr/bin/env bash
# Makes examples/web/ a folder that can be served as static files on its own: copies the
# package (wasm/pkg/web, built by wasm/build.sh, and wasm/js) into huaide/, and the
# Huaideyuan example's files into data/. Both are generated (gitignored).
# Then serve the folder, e.g. `python3 -m http.server -d examples/web 8000`.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=../..
if [ ! -f "$ROOT/wasm/pkg/web/huaide_bg.wasm" ]; then
  echo "examples/web/build.sh: wasm/pkg/web is missing: run wasm/build.sh first" >&2
  exit 1
fi
rm -rf huaide data
mkdir -p huaide/pkg/web huaide/js data
cp "$ROOT"/wasm/pkg/web/huaide.js "$ROOT"/wasm/pkg/web/huaide_bg.wasm huaide/pkg/web/
cp "$ROOT"/wasm/js/*.mjs huaide/js/
rm huaide/js/node.mjs
cp "$ROOT"/examples/huaideyuan/{plan.toml,people.csv,applications.xlsx,exhibition.json,votes.json} data/
echo "examples/web: package and data copied ($(du -sk huaide | cut -f1) KB in huaide/)"
