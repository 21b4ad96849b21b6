#!/usr/bin/env bash
# Runs every test: installs the npm dependencies (npm ci, when node_modules
# does not match package-lock.json), provisions what the tests need, lints the
# shell scripts, checks that generated files and dist/ are fresh, type-checks
# and lints the TypeScript, then runs the unit and integration suites.
# Ends with one line "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export PATH="$PWD/.cache/tools/bin:$PATH"

fail() { echo "tests: 0 passed, 1 failed ($1)"; exit 1; }

bash scripts/node-modules.sh || fail "npm ci"
bash scripts/provision.sh || fail "provisioning"
git ls-files -z -- '*.sh' .ci/run | xargs -0 shellcheck || fail "shellcheck found problems in the shell scripts"
npx tsx scripts/generate.ts --check || fail "generated files are stale: run npm run build"
bash scripts/check-dist.sh || fail "dist/ is stale: run npm run build"
npx tsc -p packages/core --noEmit || fail "type errors"
npx eslint --max-warnings 0 . || fail "eslint found problems"

report=$(mktemp)
node --experimental-vm-modules node_modules/jest/bin/jest.js --ci --json --outputFile="$report" "$@"
status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$report" || echo "tests: 0 passed, 1 failed (no jest report)"
rm -f "$report"
exit $status
