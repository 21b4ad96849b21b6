#!/usr/bin/env bash
# Builds the one bundle (ncc) and everything derived from it:
#   dist/mlops-ci.js (+ its lazily loaded chunks and package.json {"type":"module"}),
#   dist/<step>.js action entrypoints and the other generated files (npm run generate),
#   jenkins-lib/resources/io/mlopsci/dist/ (the bundle for the Jenkins shim, entry renamed .mjs,
#   with manifest.json listing the files the shim writes out).
# Usage: scripts/build.sh [OUT_ROOT]   (default: the repository; the stale-dist check builds elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
out_root=${1:-.}
dist="$out_root/dist"
jenkins="$out_root/jenkins-lib/resources/io/mlopsci/dist"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

# One build at a time per checkout (the stale-dist check builds too).
mkdir -p .cache
exec 9>.cache/build.lock
flock 9
npx ncc build packages/core/src/cli.ts -o "$staging" --target es2022 --transpile-only --quiet --no-source-map-register
mv "$staging/index.js" "$staging/mlops-ci.js"

mkdir -p "$dist"
# Replace the bundle files, keep the generated entrypoints (dist/<step>.js are written by generate).
find "$dist" -maxdepth 1 \( -name 'mlops-ci.js' -o -name '*.index.js' -o -name 'package.json' \) -delete
cp "$staging"/* "$dist"/

rm -rf "$jenkins"
mkdir -p "$jenkins"
cp "$staging/mlops-ci.js" "$jenkins/mlops-ci.mjs"
files=("mlops-ci.mjs")
for chunk in "$staging"/*.index.js; do
  [ -e "$chunk" ] || continue
  cp "$chunk" "$jenkins/"
  files+=("$(basename "$chunk")")
done
printf '%s\n' "${files[@]}" | node -e 'const l=require("fs").readFileSync(0,"utf8").trim().split("\n");process.stdout.write(JSON.stringify(l,null,2)+"\n")' > "$jenkins/manifest.json"

if [ "$out_root" = "." ]; then npx tsx scripts/generate.ts; fi
echo "built: $(du -ch "$dist"/mlops-ci.js "$dist"/*.index.js 2>/dev/null | tail -1 | cut -f1) in $dist" >&2
