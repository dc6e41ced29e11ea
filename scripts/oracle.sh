#!/usr/bin/env bash
# Run one fixture (a Go file defining run()) under the leak oracle driver.
# Prints "live=N leakprofile=M": N goroutines still alive after run() x3,
# M goroutines the runtime's goroutineleak profile reports as leaked.
# Also fails if the file is not gofmt-clean or `go vet` rejects it.
set -euo pipefail
f=${1:?usage: oracle.sh FILE.go}
here=$(cd "$(dirname "$0")/.." && pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cp "$f" "$d/fixture.go"
cp "$here/tests/oracle/driver.go.tmpl" "$d/driver.go"
printf 'module oracle\n\ngo 1.26\n' > "$d/go.mod"
# golang.org/x/sync (errgroup) cannot be downloaded here: use the stand-in.
if grep -q '"golang.org/x/sync/' "$f"; then
  cp -r "$here/tests/oracle/xsync" "$d/xsync"
  printf '\nrequire golang.org/x/sync v0.0.0\n\nreplace golang.org/x/sync => ./xsync\n' >> "$d/go.mod"
fi
# Nor can github.com/stretchr/testify (require, assert).
if grep -q '"github.com/stretchr/testify/' "$f"; then
  cp -r "$here/tests/oracle/testify" "$d/testify"
  printf '\nrequire github.com/stretchr/testify v0.0.0\n\nreplace github.com/stretchr/testify => ./testify\n' >> "$d/go.mod"
fi
gofmt=$(go env GOROOT)/bin/gofmt
if [ -n "$("$gofmt" -l "$d/fixture.go")" ]; then echo "not gofmt-clean: $f" >&2; exit 1; fi
(cd "$d" && go vet . && go run .)
