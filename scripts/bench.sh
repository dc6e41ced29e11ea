#!/usr/bin/env bash
# Speed and memory of leakfix against the cost of reading the files
# (ripgrep listing the files that make a channel), side by side in one run.
#   usage: scripts/bench.sh CORPUS_DIR     (what ../shared/corpus/fetch.sh unpacked)
# Needs hyperfine and ripgrep (apt-get install hyperfine ripgrep) and Go.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:?usage: scripts/bench.sh CORPUS_DIR}/usr/share/gocode/src
std=$(go env GOROOT)/src
bin=$here/target/release/leakfix
cargo build --release --quiet --manifest-path "$here/Cargo.toml"

echo "# machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
for tree in "$std" "$corpus"; do
  echo "## $tree"
  # Same findings whatever the thread count, and with every shortcut off.
  "$bin" -j1 --format json "$tree" > /tmp/lf-j1.json 2>/dev/null || true
  "$bin" -j2 --format json "$tree" > /tmp/lf-j2.json 2>/dev/null || true
  "$bin" --no-shortcuts --format json "$tree" > /tmp/lf-full.json 2>/dev/null || true
  cmp -s /tmp/lf-j1.json /tmp/lf-j2.json && echo "identical output with -j1 and -j2" || { echo "OUTPUT DIFFERS BY THREAD COUNT"; exit 1; }
  cmp -s /tmp/lf-j1.json /tmp/lf-full.json && echo "identical output with --no-shortcuts" || { echo "OUTPUT DIFFERS WITHOUT SHORTCUTS"; exit 1; }
  hyperfine --warmup 2 --runs 10 --ignore-failure --style basic --export-markdown /tmp/lf-bench.md \
    -n rg "rg -l --no-ignore -t go 'make\(chan' $tree" \
    -n "leakfix -j2" "$bin -j2 --format json $tree" \
    -n "leakfix -j1" "$bin -j1 --format json $tree" > /dev/null
  cat /tmp/lf-bench.md
  /usr/bin/time -f "peak RSS %M KB (leakfix -j2)" "$bin" -j2 --format json "$tree" > /dev/null 2> /tmp/lf-time.txt || true
  tail -1 /tmp/lf-time.txt
done
