#!/usr/bin/env bash
# Runs every check of the project, installing whatever is missing first:
#   rustfmt/clippy, the wasm32 target, the wasm-bindgen-cli matching Cargo.lock,
#   a Python virtualenv (.venv) with maturin/pytest/mypy, the Node test dependencies,
#   and (unless HUAIDE_SKIP_BROWSER=1) Debian's Chromium and a CJK font for the browser tests.
# Then: cargo fmt --check, clippy -D warnings, cargo doc, Rust tests, the example, pytest + stubtest
# (the huaide command line and its charts included),
# the wasm build, node --test, and the headless-browser tests (the vectors, the demo page).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
START=$SECONDS
step() { printf '\n==> [%4ds] %s\n' "$((SECONDS - START))" "$*"; }

step "toolchain"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
cargo generate-lockfile --offline >/dev/null 2>&1 || [ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WB_VERSION (debug build: same output, much faster to compile)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --debug
fi

step "python environment (.venv)"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r py/requirements-dev.txt

step "node test dependencies"
(cd wasm && npm ci --no-audit --no-fund --loglevel=error)

if [ "${HUAIDE_SKIP_BROWSER:-0}" != 1 ] && [ ! -x /usr/bin/chromium ]; then
  step "chromium for the browser test"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "could not install chromium"
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  step "a CJK font, so that the demo page's screenshots and the charts show Chinese"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null) \
    || echo "could not install fonts-wqy-microhei"
fi

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo doc (broken intra-doc links fail)"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet -p huaide --no-deps

step "Rust tests"
# The vectors' native wire texts, for the byte comparison with wasm (wasm/tests/bytes.test.mjs).
rm -f target/vector-texts.json
HUAIDE_VECTOR_TEXTS="$ROOT/target/vector-texts.json" cargo test --workspace --exclude huaide-py

step "the main example"
cargo run --quiet --example huaideyuan >/dev/null
cargo run --quiet --example huaideyuan -- --lang zh >/dev/null

step "Python: build, pytest, stubtest, typed script"
(
  export VIRTUAL_ENV="$ROOT/.venv" PATH="$ROOT/.venv/bin:$PATH"
  cd py
  maturin develop --quiet
  python -m pytest -q
  python -m mypy.stubtest huaide._huaide
  python -m mypy --strict tests/typed_usage.py
  python -m mypy --strict python/huaide/cli python/huaide/plot.py
  # The command line as a user runs it (also end to end in tests/test_cli.py).
  huaide plan check ../examples/huaideyuan/plan.toml --lang zh >/dev/null
)

step "wasm build"
./wasm/build.sh
./examples/web/build.sh

step "Node tests (node --test)"
(cd wasm && HUAIDE_VECTOR_TEXTS="$ROOT/target/vector-texts.json" HUAIDE_REQUIRE_VECTOR_TEXTS=1 node --test tests/)

echo
echo "all checks passed in $((SECONDS - START)) s"
