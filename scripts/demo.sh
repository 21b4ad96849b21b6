#!/usr/bin/env bash
# npm run demo: the whole iris pipeline (examples/iris) through the CLI bundle,
# on local defaults — no services, no tokens:
#
#   setup-env → data-pull → train-in-container (rf, gb) → evaluate-and-gate → promote-model
#
# - the env: a venv from examples/iris/requirements.txt, cached across runs
#   (~/.cache/mlops-ci/cache, or MLOPS_CI_CACHE_DIR);
# - the data: data/iris.csv.dvc from the example's own DVC remote (dvc-remote/,
#   a folder; DVC is not needed);
# - training: in Docker (image mlops-ci-python:bookworm, made by
#   `bash scripts/provision/docker.sh`) when an engine answers and has the
#   image, else on the host with the venv's python (said so);
# - the gate: gate.rules against the version the alias points to
#   (`baseline: registry:iris@production`), with the per-row correctness of
#   that version for the statistical rule; the first run has no production yet
#   and gates without a baseline;
# - promotion: the best model to the local registry (.mlops-ci/registry in the
#   example), alias production.
#
# Settings (environment):
#   MLOPS_CI_DEMO_RUNTIME   docker | podman | host (default: docker when it answers, else host)
#   MLOPS_CI_DEMO_IMAGE     training image (default mlops-ci-python:bookworm)
#   MLOPS_CI_DEMO_REGISTRY  registry (default: the step's default, .mlops-ci/registry)
#   MLOPS_CI_DEMO_DVC_REMOTE  DVC remote to pull from, e.g. s3://bucket/iris (default: the
#                           example's own remote, dvc-remote/); for an S3-compatible store also
#                           AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY
#   MLOPS_CI_DEMO_ALIAS     alias to promote to (default production)
#   MLOPS_CI_DEMO_VERBOSE=1 stream every step's log (default: logs go to out/logs/)
#   MLOPS_CI_RUN_ID         the run the steps belong to (default: a new one per demo run);
#                           promote-model takes lineage only from records of this run
#
# Each step's outputs (its JSON) are kept in examples/iris/out/steps/<step>.json.
# Exit: 0 promoted, 3 the gate did not pass, else the failing step's code.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli="$root/dist/mlops-ci.js"
ex="$root/examples/iris"
model=iris
alias=${MLOPS_CI_DEMO_ALIAS:-production}
image=${MLOPS_CI_DEMO_IMAGE:-mlops-ci-python:bookworm}
registry=${MLOPS_CI_DEMO_REGISTRY:-}
dvc_remote=${MLOPS_CI_DEMO_DVC_REMOTE:-}
verbose=${MLOPS_CI_DEMO_VERBOSE:-0}

cd "$ex"   # the example is the workspace: step records land in examples/iris/.mlops-ci/
# One run id for every step: outside CI each command is otherwise a run of its
# own, and promote-model would ignore the records the steps before it left.
export MLOPS_CI_RUN_ID="${MLOPS_CI_RUN_ID:-iris-demo-$(date -u +%Y%m%dT%H%M%SZ)-$$}"
out="$ex/out"
rm -rf "$out/rf" "$out/gb" "$out/steps"
mkdir -p "$out/steps" "$out/logs"

say() { printf '%s\n' "$*"; }
# get FILE KEY: one field of a step's JSON outputs (empty when absent).
get() { node -e 'const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const v = o[process.argv[2]]; process.stdout.write(v === undefined || v === null ? "" : String(v))' "$1" "$2"; }
# step NAME LABEL ARGS...: run a step; outputs to out/steps/LABEL.json, log to
# out/logs/LABEL.log (also streamed when verbose). Returns the step's exit code.
step() {
  local name=$1 label=$2 code=0
  shift 2
  if [ "$verbose" = 1 ]; then
    node -- "$cli" "$name" "$@" >"$out/steps/$label.json" 2> >(tee "$out/logs/$label.log" >&2) || code=$?
  else
    node -- "$cli" "$name" "$@" >"$out/steps/$label.json" 2>"$out/logs/$label.log" || code=$?
  fi
  if [ "$code" -ne 0 ] && [ "$code" -ne 3 ]; then
    say "!! $label failed (exit $code); the end of its log ($out/logs/$label.log):" >&2
    tail -25 "$out/logs/$label.log" >&2
  fi
  return "$code"
}
reg_args=()
[ -n "$registry" ] && reg_args=(--registry "$registry")

say "== iris pipeline (workspace $ex) =="

say "-- setup-env"
step setup-env setup-env
python=$(get "$out/steps/setup-env.json" python)
say "   env $(get "$out/steps/setup-env.json" env-path): cache-hit $(get "$out/steps/setup-env.json" cache-hit), fingerprint $(get "$out/steps/setup-env.json" fingerprint)"

say "-- data-pull${dvc_remote:+ (remote $dvc_remote)}"
remote_args=()
[ -n "$dvc_remote" ] && remote_args=(--remote "$dvc_remote")
step data-pull data-pull --dvc data/iris.csv.dvc --manifest "$out/data-manifest.json" "${remote_args[@]}"
say "   $(get "$out/steps/data-pull.json" path): $(get "$out/steps/data-pull.json" files) file(s), transferred $(get "$out/steps/data-pull.json" transferred), digest $(get "$out/steps/data-pull.json" digest)"

say "-- train-in-container"
runtime=${MLOPS_CI_DEMO_RUNTIME:-}
if [ -z "$runtime" ]; then
  if docker info >/dev/null 2>&1; then
    if docker image inspect "$image" >/dev/null 2>&1; then
      runtime=docker
    else
      say "   docker answers but has no image $image (bash scripts/provision/docker.sh builds it)"
      runtime=host
    fi
  else
    say "   no docker engine answers"
    runtime=host
  fi
fi
if [ "$runtime" = host ]; then
  say "   runtime: host — training runs directly on this machine with the venv's python ($python), without a container"
  py=$python
  image_args=()
else
  say "   runtime: $runtime, image $image"
  py=python3   # the image's own interpreter; the venv is not in the image
  image_args=(--image "$image")
fi
for m in rf gb; do
  # The command as a JSON array (argv, no shell), built by node from arguments.
  cmd=$(node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' \
    "$py" train.py --model "$m" --data "$ex/data" --out "$out/$m")
  step train-in-container "train-$m" --runtime "$runtime" "${image_args[@]}" \
    --command "$cmd" --data data --outputs "$out/$m"
  say "   $m: $(node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(`accuracy ${m.accuracy}, f1 macro ${m.f1.macro} (${m.test_rows} test rows)`)' "$out/$m/metrics.json") in $(get "$out/steps/train-$m.json" duration-seconds) s"
done

say "-- evaluate-and-gate"
# The statistical rule's per-row scores: the candidates', and the correct.json
# stored with the version the alias points to (read from the registry).
samples="rf=$out/rf/correct.json
gb=$out/gb/correct.json"
# Gate against the alias when it exists; before the first promotion to it, without a baseline.
baseline_ref=""
step promote-model baseline --describe "$model@$alias" --allow-missing "${reg_args[@]}"
if [ "$(get "$out/steps/baseline.json" found)" = true ]; then
  say "   baseline: $model@$alias = version $(get "$out/steps/baseline.json" version) ($(get "$out/steps/baseline.json" uri))"
  baseline_ref="registry:$model@$alias${registry:+:$registry}"
  samples="$samples
baseline=registry:correct.json"
else
  say "   baseline: $model@$alias does not exist yet (first run): gating without a baseline, rules using baseline.* are skipped"
fi
gate_code=0
step evaluate-and-gate evaluate-and-gate \
  --metrics "rf=$out/rf/metrics.json
gb=$out/gb/metrics.json" \
  --samples "$samples" \
  --baseline "$baseline_ref" \
  --rules-file gate.rules \
  --select max:accuracy \
  --on-fail fail \
  --report "$out/gate-report.md" --junit "$out/gate-junit.xml" --results-file "$out/gate-results.json" \
  || gate_code=$?
say ""
sed '/^```mermaid/,/^```$/d' "$out/gate-report.md"   # the table; the chart is for GitHub
say ""
best=$(get "$out/steps/evaluate-and-gate.json" best)
if [ "$gate_code" -ne 0 ]; then
  say "== the gate did not pass (exit $gate_code): nothing promoted =="
  exit "$gate_code"
fi
say "   gate passed; best: $best"

say "-- promote-model"
# The data digest, env fingerprint and the winner's image digest come from this
# run's step records (the training whose outputs folder holds --path).
step promote-model promote-model --model "$model" --path "$out/$best" \
  --metrics "$out/$best/metrics.json" --gate-results "$out/gate-results.json" \
  --alias "$alias" "${reg_args[@]}"
version=$(get "$out/steps/promote-model.json" version)
previous=$(get "$out/steps/promote-model.json" previous-version)
say "   promoted $model version $version ($best) to $alias${previous:+ (was version $previous)}"
say "   lineage: node -- dist/mlops-ci.js promote-model --describe $model@$alias${registry:+ --registry $registry}   (from examples/iris)"
say "== done: $model@$alias = version $version =="
