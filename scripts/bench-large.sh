#!/usr/bin/env bash
# How leakfix's time and memory grow with one large file: generated files
# (scripts/gen-large.py) of 0.25 to 50 MB, each function leaking, none, or (4 MB)
# a type started and never stopped each,
# checked with `leakfix -j1 -l FILE` and with two threads (`-j2`), the
# 50 MB one with `--max-file-size 100M` (over the default 20M).
#   usage: scripts/bench-large.sh [MAX_MB]     (default 50: every size)
# Needs hyperfine (apt-get install hyperfine) and python3. Prints a Markdown
# table (the one in README.md) on stdout: hyperfine medians (3 runs, 1 for
# files over 10 MB) and peak RSS from /usr/bin/time.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
max=${1:-50}
bin=$here/target/release/leakfix
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d); leakfix $(git -C "$here" rev-parse --short HEAD)" >&2
echo "| file | functions | \`-j1\` time | \`-j1\` peak RSS | \`-j2\` time | \`-j2\` peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for case in 0.25:leaking 1:leaking 2:leaking 4:leaking 4:clean 4:stopless 50:leaking; do
  mb=${case%%:*} shape=${case#*:}
  python3 -c "import sys; sys.exit(0 if float('$mb') <= float('$max') else 1)" || continue
  f=$tmp/big.go
  funcs=$(python3 "$here/scripts/gen-large.py" "$mb" "$shape" 2>&1 > "$f" | cut -d' ' -f1)
  runs=3
  python3 -c "import sys; sys.exit(0 if float('$mb') > 10 else 1)" && runs=1
  case $shape in
    leaking) what='each leaking' ;;
    clean) what='none leaking (receive before return)' ;;
    stopless) what='each a type started and never stopped (missing-stop, no default fix)' ;;
  esac
  row="| $mb MB, $what | $(printf "%'d" "$funcs")"
  for j in 1 2; do
    # leakfix exits 1 when it has findings: not a failure here.
    hyperfine --runs "$runs" --ignore-failure --style none --export-json "$tmp/t.json" \
      "$bin -j$j --max-file-size 100M -l $f" > /dev/null 2>&1
    t=$(python3 -c "import json,statistics; print(f\"{statistics.median(json.load(open('$tmp/t.json'))['results'][0]['times']):.2f} s\")")
    /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" -j$j --max-file-size 100M -l "$f" > /dev/null 2>&1 || true
    rss=$(( $(tail -1 "$tmp/rss") / 1024 ))
    row="$row | $t | $rss MB"
  done
  echo "$row |"
done
