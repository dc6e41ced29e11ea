#!/usr/bin/env bash
# Everything leakfix prints, for checking that a refactor changes nothing:
# every output format, stderr and the exit code, on the Go standard library
# (testdata included) and the shared corpus, with and without the parse
# shortcuts. Run it with the binary before and after, then `diff -r` the two
# output directories.
#   usage: scripts/equivalence.sh BIN CORPUS_DIR OUTDIR
set -uo pipefail
bin=$(realpath "${1:?usage: equivalence.sh BIN CORPUS_DIR OUTDIR}")
corpus=${2:?corpus dir}/usr/share/gocode/src
out=${3:?output dir}
mkdir -p "$out"; out=$(realpath "$out")
std=$(go env GOROOT)/src
cd /tmp
for t in std corpus; do
  tree=$std; [ "$t" = corpus ] && tree=$corpus
  "$bin" --format json --include-testdata --unsafe-fixes "$tree" > "$out/$t.json" 2> "$out/$t.err"; echo $? >> "$out/$t.err"
  "$bin" --format json --include-testdata --no-shortcuts "$tree" > "$out/$t.full.json" 2> "$out/$t.full.err"; echo $? >> "$out/$t.full.err"
  "$bin" --include-testdata "$tree" > "$out/$t.diff" 2> "$out/$t.diff.err"; echo $? >> "$out/$t.diff.err"
  for f in text sarif markdown; do
    "$bin" --format $f --include-testdata "$tree" > "$out/$t.$f" 2>&1; echo $? >> "$out/$t.$f"
  done
  "$bin" -l --include-testdata "$tree" > "$out/$t.list" 2>&1; echo $? >> "$out/$t.list"
done
