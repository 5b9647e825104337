#!/usr/bin/env bash
# The one command of the side-by-side benchmark (see BENCHMARKS.md):
#   bench/compare/run.sh [--quick] [--no-scaling] [--only votes|match|scaling]
# Installs the peers into .venv-bench (bench/compare/requirements.txt; VoteKit where it
# installs), builds huaide release for Python (maturin develop --release), the wasm package
# (wasm/build.sh), the native runner (bench/compare/native) and, with the nightly toolchain,
# the tallystick runner (bench/tallystick), then runs bench/compare/run.py with the arguments.
# HUAIDE_BENCH_SKIP_BUILD=1 skips the installs and builds.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
VENV="$ROOT/.venv-bench"
if [ "${HUAIDE_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "==> peers into $VENV"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r bench/compare/requirements.txt
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "votekit==3.5.0" \
    || echo "VoteKit did not install: its tasks are left out"
  echo "==> huaide for Python (maturin develop --release)"
  (cd py && VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH" nice -n 10 maturin develop --release --quiet)
  echo "==> the wasm package (wasm/build.sh; the size ratchet is not this benchmark's concern)"
  (cd wasm && npm ci --no-audit --no-fund --loglevel=error \
    && HUAIDE_WASM_MAX_BYTES=1000000000 HUAIDE_WASM_MAX_GZIP_BYTES=1000000000 nice -n 10 ./build.sh)
  echo "==> the native runner (bench/compare/native)"
  CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}" nice -n 10 cargo build --quiet --release \
    --manifest-path bench/compare/native/Cargo.toml
  if rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "==> the tallystick runner (bench/tallystick, nightly)"
    (cd bench/tallystick && nice -n 10 cargo +nightly build --quiet --release --bins)
  else
    echo "no nightly toolchain: tallystick's tasks are left out"
  fi
fi
exec "$VENV/bin/python" bench/compare/run.py "$@"
