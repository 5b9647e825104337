#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 120) on its corpus and seeds, one at a time,
# niced, one job (build first: cargo +nightly fuzz build -O); appends "target runs seconds result" to results.txt.
#   ./run.sh [SECONDS] [TARGET...]
# FUZZ_NEW=DIR writes new inputs to DIR/<target> instead of corpus/<target> (so a test run that
# replays the corpus meanwhile never sees it change); fold them in afterwards with
#   target/x86_64-unknown-linux-gnu/release/<target> -merge=1 corpus/<target> DIR/<target>
set -uo pipefail
cd "$(dirname "$0")"
SECS=${1:-120}; shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=($(ls fuzz_targets | sed 's/\.rs$//'))
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t" "artifacts/$t"
  dirs=("corpus/$t" "seeds/$t")
  if [ -n "${FUZZ_NEW:-}" ]; then mkdir -p "$FUZZ_NEW/$t"; dirs=("$FUZZ_NEW/$t" "${dirs[@]}"); fi
  start=$SECONDS
  # The binary `cargo +nightly fuzz build -O` made (`cargo fuzz run -O $t corpus/$t seeds/$t -- …`
  # is the same run, but rebuilds first when the core changed).
  nice -n 15 "target/x86_64-unknown-linux-gnu/release/$t" "${dirs[@]}" \
    -jobs=1 -workers=1 -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$t/" >/dev/null 2>&1
  rc=$?
  log=$(ls -t fuzz-*.log 2>/dev/null | head -1)
  runs=$(grep -oE '^#[0-9]+' "$log" 2>/dev/null | tail -1 | tr -d '#')
  crash=$(ls "artifacts/$t" 2>/dev/null | wc -l)
  echo "$t runs=${runs:-?} seconds=$((SECONDS - start)) rc=$rc artifacts=$crash" | tee -a results.txt
  [ -n "$log" ] && mv "$log" "artifacts/$t.log"
done
