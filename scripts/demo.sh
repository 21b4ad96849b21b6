#!/usr/bin/env bash
# The example pipeline on local defaults: no services, no tokens. It grows as
# steps land; today it runs the iris gate through the CLI bundle.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/examples/iris"
out=${MLOPS_CI_DEMO_OUT:-$root/.cache/demo}
mkdir -p "$out"
echo "== evaluate-and-gate: rf vs gb against production ==" >&2
set +e
node "$root/dist/mlops-ci.js" evaluate-and-gate \
  --metrics rf=fixtures/rf/metrics.json --metrics gb=fixtures/gb/metrics.json \
  --baseline fixtures/production/metrics.json \
  --samples rf=fixtures/rf/correct.json --samples gb=fixtures/gb/correct.json --samples baseline=fixtures/production/correct.json \
  --rules "$(cat gate.rules)" \
  --select max:accuracy \
  --report "$out/gate-report.md" --junit "$out/gate-junit.xml" --results-file "$out/gate-results.json" \
  > "$out/gate-outputs.json"
code=$?
set -e
echo >&2
echo "gate exit code: $code; best: $(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).best || "none")' "$out/gate-outputs.json")" >&2
echo "report: $out/gate-report.md" >&2
exit $code
