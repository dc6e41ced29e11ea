#!/usr/bin/env bash
# Speed and memory of leakfix against the cost of reading the files
# (ripgrep listing the files that make a channel), side by side in one run,
# on the Go standard library and on the shared corpus.
#   usage: scripts/bench.sh CORPUS_DIR     (what ../shared/corpus/fetch.sh unpacked)
# Needs hyperfine and ripgrep (apt-get install hyperfine ripgrep) and Go.
# Prints a Markdown table (the one in README.md) on stdout: medians of 30
# runs per command, in three interleaved rounds.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:?usage: scripts/bench.sh CORPUS_DIR}/usr/share/gocode/src
std=$(go env GOROOT)/src
bin=$here/target/release/leakfix
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d); leakfix $(git -C "$here" rev-parse --short HEAD)" >&2
rows=()
for tree in "$std" "$corpus"; do
  if [ "$tree" = "$std" ]; then label="Go $(go env GOVERSION | sed s/^go//) standard library (\`src\`)"; else label="shared corpus (\`fetch.sh\`)"; fi
  echo "## $tree" >&2
  # Same findings whatever the thread count, and with every shortcut off.
  "$bin" -j1 --format json "$tree" > "$tmp/j1.json" 2>/dev/null || true
  "$bin" -j2 --format json "$tree" > "$tmp/j2.json" 2>/dev/null || true
  "$bin" --no-shortcuts --format json "$tree" > "$tmp/full.json" 2>/dev/null || true
  cmp -s "$tmp/j1.json" "$tmp/j2.json" || { echo "OUTPUT DIFFERS BY THREAD COUNT" >&2; exit 1; }
  cmp -s "$tmp/j1.json" "$tmp/full.json" || { echo "OUTPUT DIFFERS WITHOUT SHORTCUTS" >&2; exit 1; }
  echo "identical JSON with -j1, -j2 and --no-shortcuts" >&2
  # leakfix exits 1 when it has findings: not a failure here. Three rounds
  # of 10 runs each, so that a burst of load on a shared machine does not
  # fall on one command only; medians over all 30 runs.
  for round in 1 2 3; do
    hyperfine --warmup 2 --runs 10 --ignore-failure --style none --export-json "$tmp/times$round.json" \
      -n rg "rg -l --no-ignore -t go 'make\(chan' $tree" \
      -n j2 "$bin -j2 --format json $tree" \
      -n j1 "$bin -j1 --format json $tree" > /dev/null 2>&1
  done
  rss=()
  for j in 1 2; do
    /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" -j$j --format json "$tree" > /dev/null 2>&1 || true
    rss+=("$(tail -1 "$tmp/rss")")
  done
  rows+=("$(python3 - "$label" "${rss[@]}" "$tmp"/times?.json <<'EOF'
import json, statistics, sys
label, rss, files = sys.argv[1], sys.argv[2:4], sys.argv[4:]
times = {}
for f in files:
    for r in json.load(open(f))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
ms = lambda n: statistics.median(times[n]) * 1000
rss = max(int(k) for k in rss) / 1024

print(f"| {label} | {ms('rg'):,.0f} ms | {ms('j2'):,.0f} ms | {ms('j2') / ms('rg'):.1f}× "
      f"| {ms('j1'):,.0f} ms | {ms('j1') / ms('j2'):.2f}× | {rss:.0f} MB |")
EOF
)")
done
echo "| tree | \`rg -l\` | leakfix \`-j2\` | ratio | leakfix \`-j1\` | speed-up 1→2 threads | peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
