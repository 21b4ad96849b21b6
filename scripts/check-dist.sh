#!/usr/bin/env bash
# Fails when the committed bundle (dist/ and its Jenkins copy) differs from a
# fresh build of the sources: the actions run dist/ as committed.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
bash scripts/build.sh "$fresh" 2>/dev/null
status=0
for dir in dist jenkins-lib/resources/io/mlopsci/dist; do
  for file in "$fresh/$dir"/*; do
    name=$(basename "$file")
    if ! cmp -s "$file" "$dir/$name"; then echo "stale: $dir/$name" >&2; status=1; fi
  done
done
for file in jenkins-lib/resources/io/mlopsci/dist/* dist/*.index.js; do
  [ -e "$fresh/$file" ] || { echo "left over: $file" >&2; status=1; }
done
[ $status -eq 0 ] && echo "dist/ is fresh." >&2
exit $status
