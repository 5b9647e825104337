#!/usr/bin/env bash
# Builds the npm package into wasm/pkg: pkg/node (CommonJS, for Node) and pkg/web (ES module,
# for browsers and bundlers; call the default export `init()` once before anything else).
# Needs the wasm32 target and the wasm-bindgen-cli matching Cargo.lock (test.sh installs both).
set -euo pipefail
cd "$(dirname "$0")"
cargo build --quiet --release -p huaide-wasm --target wasm32-unknown-unknown
WASM="${CARGO_TARGET_DIR:-../target}/wasm32-unknown-unknown/release/huaide_wasm.wasm"
rm -rf pkg
wasm-bindgen "$WASM" --target nodejs --out-dir pkg/node --out-name huaide
wasm-bindgen "$WASM" --target web --out-dir pkg/web --out-name huaide
echo '{"type": "commonjs"}' > pkg/node/package.json
# Size optimisation with the npm binaryen's wasm-opt (Debian's wasm-opt 108 breaks the output).
if [ -x node_modules/.bin/wasm-opt ]; then
  for f in pkg/node/huaide_bg.wasm pkg/web/huaide_bg.wasm; do
    node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals "$f" -o "$f"
  done
fi
ls -l pkg/web/huaide_bg.wasm | awk '{print "wasm size:", $5, "bytes"}'
