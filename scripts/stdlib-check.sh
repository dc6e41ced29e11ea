#!/usr/bin/env bash
# The Go standard library survives `leakfix --write`:
#   copy GOROOT, run leakfix --write over its src (testdata included),
#   then `go build std cmd` with that GOROOT, `go vet` every edited package,
#   check every edited file is gofmt-clean (when the original was), and that
#   a second leakfix run proposes nothing. First, the parse shortcuts must
#   change no finding: the JSON output equals that of --no-shortcuts.
# usage: scripts/stdlib-check.sh [path/to/leakfix]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
leakfix=${1:-$here/target/release/leakfix}
[ -x "$leakfix" ] || { echo "no leakfix binary at $leakfix (build it first)" >&2; exit 1; }
leakfix=$(realpath "$leakfix")
src_root=$(go env GOROOT)
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -a "$src_root" "$work/go"
chmod -R u+w "$work/go"
goroot=$work/go
export GOROOT=$goroot PATH=$goroot/bin:$PATH GOFLAGS= GOTOOLCHAIN=local
gofmt=$goroot/bin/gofmt

cd "$goroot/src"
echo "shortcuts change no finding"
"$leakfix" --include-testdata --format json . > "$work/short.json" 2>/dev/null || true
"$leakfix" --no-shortcuts --include-testdata --format json . > "$work/full.json" 2>/dev/null || true
if ! cmp -s "$work/short.json" "$work/full.json"; then
  echo "the parse shortcuts change the findings:" >&2
  diff <(python3 -m json.tool "$work/short.json") <(python3 -m json.tool "$work/full.json") >&2 || true
  exit 1
fi
python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]), "findings, identical with --no-shortcuts")' "$work/short.json"
rc=0
"$leakfix" --write --include-testdata --format json . > "$work/write.json" || rc=$?
# 0: all written; 1: findings without a fix remain. Anything else is a failure.
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then echo "leakfix failed with exit status $rc" >&2; exit 1; fi
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print("\n".join(sorted({f["path"] for f in d["findings"] if f["status"] == "fixed"})))
' "$work/write.json" > "$work/edited.txt"
mapfile -t edited < "$work/edited.txt"
echo "edited ${#edited[@]} files"
for f in "${edited[@]}"; do echo "  $f"; done

fail=0
for f in "${edited[@]}"; do
  # gofmt-clean, if the original was.
  if [ -z "$("$gofmt" -l "$src_root/src/$f")" ] && [ -n "$("$gofmt" -l "$f")" ]; then
    echo "not gofmt-clean after the fix: $f" >&2; fail=1
  fi
done

echo "go build std cmd"
go build std cmd

mapfile -t pkgs < <(for f in "${edited[@]}"; do case "$f" in */testdata/*) ;; *) dirname "$f";; esac; done | sort -u)
for p in "${pkgs[@]}"; do
  echo "go vet ./$p"
  go vet "./$p" || { echo "go vet failed on $p" >&2; fail=1; }
done

echo "second run"
second=$("$leakfix" --include-testdata . 2>/dev/null || true)
if [ -n "$second" ]; then echo "second run proposes more:" >&2; echo "$second" >&2; fail=1; fi
exit $fail
