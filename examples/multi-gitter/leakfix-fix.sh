#!/usr/bin/env bash
# multi-gitter runs this in each repository it clones:
#
#   multi-gitter run "$PWD/examples/multi-gitter/leakfix-fix.sh" -O my-org \
#     -B leakfix/goroutine-leaks -m "leakfix: fix goroutine leaks" \
#     --pr-body "$(cat examples/multi-gitter/pr-body.md)"
#
# It applies leakfix's safe fixes in place; multi-gitter commits the changes
# and opens one pull request per repository that changed. Its --pr-body is
# one text for every pull request, so this repository's own description
# (leakfix's Markdown: each fix with its place, and what is left for a
# human) is written to $LEAKFIX_BODIES/<repository>.md (default: the
# system's temporary directory), outside the repository so that it is not
# committed; `gh pr edit --body-file` can set it afterwards.
#
# Exit status: 0 when the fixes are written or there are none (leakfix's 0
# and 1: findings without a safe fix are listed in the Markdown), non-zero
# when leakfix could not check or write a file (its 2): multi-gitter then
# opens no pull request for that repository.
set -uo pipefail
leakfix=${LEAKFIX:-leakfix}
bodies=${LEAKFIX_BODIES:-${TMPDIR:-/tmp}}
name=${REPOSITORY:-$(basename "$PWD")}
mkdir -p "$bodies"
"$leakfix" --write --format markdown . > "$bodies/${name//\//_}.md"
status=$?
if [ "$status" -gt 1 ]; then
  echo "leakfix failed in $name (exit $status); no pull request" >&2
  exit "$status"
fi
exit 0
