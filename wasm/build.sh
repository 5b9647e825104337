#!/usr/bin/env bash
# Builds the npm package: the WebAssembly module and its glue in wasm/pkg/web (one build for
# Node and browsers), loaded by js/node.mjs and js/web.mjs, the entry points.
# Needs the wasm32 target and the wasm-bindgen-cli matching Cargo.lock (test.sh installs both),
# and the npm devDependencies (`npm ci`: binaryen's wasm-opt).
# Fails when huaide_bg.wasm grows over its limit (HUAIDE_WASM_MAX_BYTES and
# HUAIDE_WASM_MAX_GZIP_BYTES override it). The budget of issue 16 is 1,000,000 bytes and
# 400,000 gzipped (`gzip -9`), what a community site's page on a phone should load; the
# package is far from it (3.85 MB, 1.57 MB gzipped; with the core at opt-level "z" too,
# 3.56 MB and 1.47 MB, of which, before wasm-opt, huaide's own code is 0.66 MB, data
# 0.73 MB (the tzdb 0.2 MB, encoding and xlsx tables), serde's code for every wire type
# with its paths 0.97 MB, rust_xlsxwriter 0.21 MB, calamine 0.12 MB), so the limit is the
# size it has reached: a ratchet, lowered as the package shrinks. It was last raised when
# the audit files (canonical JSON through serde_jcs; serde_json grew by 64 KB) and the
# Chinese/English catalogue came in (3,328,589 -> 3,550,595 bytes), its gzip limit once
# more when the core's arithmetic became checked everywhere and the enrolment got its
# second draw (1,465,837 -> 1,470,394 bytes gzipped), and both when the core crate went
# from opt-level "z" to "s" for speed (root Cargo.toml: counts 2-4.5x faster in Node;
# 3,559,039 -> 3,852,182 bytes, 1,471,293 -> 1,569,161 gzipped), and its byte limit when
# a CSV of rankings came to be counted straight into the ballot box (3,860,218 bytes).
set -euo pipefail
cd "$(dirname "$0")"
MAX_BYTES="${HUAIDE_WASM_MAX_BYTES:-3865000}"
MAX_GZIP_BYTES="${HUAIDE_WASM_MAX_GZIP_BYTES:-1573000}"
# The `wasm` profile (root Cargo.toml): release with opt-level "z" and panic = "abort".
cargo build --quiet --profile wasm -p huaide-wasm --target wasm32-unknown-unknown
WASM="${CARGO_TARGET_DIR:-../target}/wasm32-unknown-unknown/wasm/huaide_wasm.wasm"
rm -rf pkg
# One build serves Node and browsers: js/node.mjs instantiates it from the file. The reset
# function lets js/api.mjs give a fresh instance after a trap (a Rust panic aborts in wasm).
wasm-bindgen "$WASM" --target web --out-dir pkg/web --out-name huaide \
  --experimental-reset-state-function
# Size optimisation with the npm binaryen's wasm-opt (Debian's wasm-opt 108 breaks the output).
if [ ! -x node_modules/.bin/wasm-opt ]; then
  echo "wasm/build.sh: node_modules/.bin/wasm-opt is missing: run npm ci in wasm/" >&2
  exit 1
fi
FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals)
node_modules/.bin/wasm-opt -Oz "${FEATURES[@]}" pkg/web/huaide_bg.wasm -o pkg/web/huaide_bg.wasm
BYTES=$(wc -c < pkg/web/huaide_bg.wasm)
GZIP_BYTES=$(gzip -9c pkg/web/huaide_bg.wasm | wc -c)
echo "wasm size: $BYTES bytes, $GZIP_BYTES gzipped (limit $MAX_BYTES, $MAX_GZIP_BYTES gzipped)"
if [ "$BYTES" -gt "$MAX_BYTES" ] || [ "$GZIP_BYTES" -gt "$MAX_GZIP_BYTES" ]; then
  echo "wasm/build.sh: huaide_bg.wasm is over its size limit" >&2
  exit 1
fi
