"""The iris pipeline as an Airflow DAG whose tasks are mlops-ci steps.

The graph is the hand-written DAG's (feature engineering, then a random forest
and gradient boosting trained in parallel, then the better one selected):

    setup_env ─────────────┐
    feature_engineering ───┴─> train_rf, train_gb ─> select_best_model ─> gate_passed ─> promote_model
    production ────────────────────────────────────┘

- setup_env            setup-env: the example's venv (its python trains with `runtime: host`)
- feature_engineering  data-pull: data/iris.csv from the example's DVC remote
                       (train.py engineers the features from it)
- train_rf, train_gb   train-in-container: `train.py --model rf|gb`
- production           promote-model describe: what `iris@production` is, if anything
- select_best_model    evaluate-and-gate: gate.rules over both, against production once it exists
- gate_passed          short-circuit: promote_model is skipped when the gate did not pass
- promote_model        promote-model: the winner, its lineage naming this DAG run

Each mlops-ci task is an `MlopsCiStep`: it runs one step of the CLI with its
inputs as one JSON object in MLOPS_CI_INPUTS (never in a shell's text), and
pushes the step's outputs (the JSON object the CLI prints) to XCom, where the
tasks after it read them. Every step of a DAG run gets MLOPS_CI_RUN_ID from the
run's id, which is what makes them one mlops-ci run: promote-model takes the
lineage facts its inputs do not give from the records of this run only.

Settings: DAG params (`airflow dags trigger -c '{"runtime": "host"}'`, or
`airflow dags test ... -c ...`) and, for where things live, the environment the
iris workflow and Jenkinsfile read too:
  MLOPS_CI_REGISTRY    the registry (default: .mlops-ci/registry in the example)
  MLOPS_CI_DVC_REMOTE  the DVC remote to pull from (default: the example's own)
  MLOPS_CI_BASE_IMAGE  base of the training image (Dockerfile; default debian:bookworm-slim)
  MLOPS_CI_BUNDLE      the bundle to run as `node -- <bundle>` (a checkout's
                       dist/mlops-ci.js); default: the `mlops-ci` command on PATH

The tasks work in the example's folder (records in .mlops-ci/, candidates in
out/), so one DAG run at a time.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import tempfile
from collections import deque
from pathlib import Path
from typing import Any, Callable, Mapping

from airflow.providers.standard.operators.python import ShortCircuitOperator
from airflow.sdk import DAG, BaseOperator, Context, Param, cross_downstream
from airflow.sdk.exceptions import AirflowException, AirflowFailException

EXAMPLE = Path(__file__).resolve().parent.parent
MODEL = "iris"
MODELS = ("rf", "gb")

# What makes mlops-ci take a CI job's run identity over MLOPS_CI_RUN_ID (and, on GitLab,
# hand its outputs to a dotenv file): a worker that runs inside a CI job would otherwise
# make every DAG run of that job one mlops-ci run, sharing records.
CI_HOST_VARIABLES = frozenset({"GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "BUILD_URL"})
# Exit codes that no retry changes: 2 a bad input, 3 a gate that did not pass.
FINAL_EXIT_CODES = frozenset({2, 3})

# A step's inputs by name, or a function of the run giving them (from earlier tasks' outputs).
Inputs = Mapping[str, Any]
InputsOf = Callable[["RunView"], Inputs]


class RunView:
    """What a task's inputs may depend on: the earlier tasks' outputs and the run's params."""

    def __init__(self, context: Context) -> None:
        self._ti = context["ti"]
        self.params: Mapping[str, Any] = context["params"]
        self.dag_id: str = context["dag"].dag_id
        self.run_id: str = context["run_id"]

    def outputs(self, task_id: str) -> dict[str, Any]:
        """The outputs an `MlopsCiStep` pushed; an error naming the task when there are none."""
        value = self._ti.xcom_pull(task_ids=task_id)
        if not isinstance(value, dict):
            raise AirflowException(f"task {task_id!r} left no mlops-ci outputs in XCom")
        return value


def log_level(line: str) -> int:
    """mlops-ci's own `error:` and `warning:` lines at their level in the task log."""
    if line.startswith("error:"):
        return logging.ERROR
    return logging.WARNING if line.startswith("warning:") else logging.INFO


def step_env(inputs: Inputs, run_id: str) -> dict[str, str]:
    """The worker's environment for a step, as a local run of the DAG run's mlops-ci run."""
    inherited = {name: value for name, value in os.environ.items() if name not in CI_HOST_VARIABLES}
    return {**inherited, "MLOPS_CI_INPUTS": json.dumps(inputs), "MLOPS_CI_RUN_ID": run_id}


def step_failure(step: str, code: int, detail: str) -> AirflowException:
    """A failed step's error; AirflowFailException (never retried) when a retry would end the same."""
    failure = AirflowFailException if code in FINAL_EXIT_CODES else AirflowException
    return failure(f"mlops-ci {step} exited {code}:\n{detail}")


def mlops_ci_command() -> list[str]:
    bundle = os.environ.get("MLOPS_CI_BUNDLE")
    # `--`: node would otherwise read an --env-file argument meant for the step itself.
    return ["node", "--", bundle] if bundle else ["mlops-ci"]


class MlopsCiStep(BaseOperator):
    """Runs one mlops-ci step and pushes its outputs to XCom (the task's return value).

    `inputs` is the step's inputs by name (as in `mlops-ci <step> --help`), or a
    function of the run (`RunView`) giving them, for inputs that come from earlier
    tasks' outputs. They travel as JSON in MLOPS_CI_INPUTS, with lists kept as
    lists; the command line is fixed. A step that does not exit 0 fails the task
    with the end of its log; exit 3 (the gate did not pass) too, so a gate that should
    only decide runs with `on-fail: warn` and the verdict goes on in its outputs.
    Exits 2 (a bad input) and 3 fail it for good, whatever its `retries`.
    """

    ui_color = "#e8e0f8"

    def __init__(self, *, step: str, inputs: Inputs | InputsOf | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.step = step
        self.inputs = inputs or {}

    def execute(self, context: Context) -> dict[str, Any]:
        run = RunView(context)
        inputs = self.inputs(run) if callable(self.inputs) else self.inputs
        # Blank means not given to mlops-ci; dropping it keeps MLOPS_CI_INPUTS to what was chosen.
        given = {name: value for name, value in inputs.items() if value not in (None, "", [])}
        # The DAG run is the mlops-ci run: its steps trust each other's records, no other run's.
        env = step_env(given, f"airflow:{run.dag_id}:{run.run_id}")
        self.log.info("mlops-ci %s in %s, inputs: %s", self.step, EXAMPLE, ", ".join(sorted(given)) or "none")
        code, stdout, last_lines = self._run([*mlops_ci_command(), self.step], env)
        if code != 0:
            raise step_failure(self.step, code, "\n".join(last_lines))
        try:
            outputs = json.loads(stdout)
        except json.JSONDecodeError as err:
            raise AirflowException(f"mlops-ci {self.step} printed no JSON outputs: {err}") from err
        if not isinstance(outputs, dict):
            raise AirflowException(f"mlops-ci {self.step} printed {type(outputs).__name__}, not its outputs object")
        return outputs

    def _run(self, argv: list[str], env: dict[str, str]) -> tuple[int, str, list[str]]:
        """Runs the step; its log (stderr, already redacted by mlops-ci) into the task log as it comes."""
        last: deque[str] = deque(maxlen=30)
        # stdout to a file: the outputs may be large (the gate's results), and reading
        # stderr line by line meanwhile must not block on a full stdout pipe.
        with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as stdout:
            with subprocess.Popen(argv, cwd=EXAMPLE, env=env, stdin=subprocess.DEVNULL, stdout=stdout,
                                  stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace") as child:
                assert child.stderr is not None
                for line in child.stderr:
                    line = line.rstrip("\n")
                    last.append(line)
                    self.log.log(log_level(line), "%s", line)
                code = child.wait()
            stdout.seek(0)
            return code, stdout.read(), list(last)


# --- the inputs of each step --------------------------------------------------------------------

def training_inputs(model: str) -> InputsOf:
    def inputs(run: RunView) -> Inputs:
        runtime, image = run.params["runtime"], run.params["image"]
        if runtime == "host":
            # No container: the venv setup_env built runs train.py.
            python = run.outputs("setup_env")["python"]
            where: dict[str, Any] = {"runtime": "host"}
        elif image:
            python, where = "python3", {"runtime": runtime, "image": image}
        else:
            # The example's training image, built (once per content) from its Dockerfile.
            base = os.environ.get("MLOPS_CI_BASE_IMAGE") or "debian:bookworm-slim"
            python, where = "python3", {"runtime": runtime, "dockerfile": "Dockerfile", "build-args": {"BASE_IMAGE": base}}
        return {
            **where,
            # A list runs as argv, no shell; train.py finds the data and its output folder
            # in MLOPS_DATA_DIR and MLOPS_OUTPUT_DIR, which the step sets.
            "command": [python, "train.py", "--model", model],
            "data": "data",
            "outputs": f"out/{model}",
            "timeout": "15m",
        }
    return inputs


# Read when a task runs, not when the file is parsed: the worker's environment is the one that counts.
def registry() -> str:
    return os.environ.get("MLOPS_CI_REGISTRY", "")


def data_inputs(_run: RunView) -> Inputs:
    return {"dvc": "data/iris.csv.dvc", "remote": os.environ.get("MLOPS_CI_DVC_REMOTE", ""), "manifest": "out/data-manifest.json"}


def production_inputs(_run: RunView) -> Inputs:
    return {"describe": f"{MODEL}@production", "allow-missing": True, "registry": registry()}


def gate_inputs(run: RunView) -> Inputs:
    trained = {model: run.outputs(f"train_{model}") for model in MODELS}
    production = run.outputs("production")
    has_baseline = production.get("found") == "true"
    baseline = f"registry:{MODEL}@production" + (f":{registry()}" if registry() else "")
    return {
        "metrics": [f"{model}={out['metrics']}" for model, out in trained.items()],
        # Per-row correctness for the statistical rule; production's is the one stored with it.
        "samples": [f"{model}={out['outputs']}/correct.json" for model, out in trained.items()]
        + (["baseline=registry:correct.json"] if has_baseline else []),
        "baseline": baseline if has_baseline else "",
        "rules-file": "gate.rules",
        "select": "max:accuracy",
        # The verdict goes on to gate_passed in the outputs; the task fails only when the gate could not run.
        "on-fail": "warn",
        "report": "out/gate-report.md",
        "report-html": "out/gate-report.html",
        "junit": "out/gate-junit.xml",
        "results-file": "out/gate-results.json",
    }


def gate_passed(**context: Any) -> bool:
    """The verdict select_best_model handed on; False skips promote_model."""
    return RunView(context).outputs("select_best_model")["passed"] == "true"


def promote_inputs(run: RunView) -> Inputs:
    gate = run.outputs("select_best_model")
    data = run.outputs("feature_engineering")
    env = run.outputs("setup_env")
    return {
        "model": MODEL,
        "path": f"out/{gate['best']}",
        "metrics": gate["best-metrics"],
        "gate-results": gate["results-file"],
        "data-digest": data["digest"],
        "data-manifest": data["manifest"],
        "env-fingerprint": env["fingerprint"],
        # No image-digest: promote-model takes it from this run's record of the training whose outputs hold `path`.
        "alias": run.params["alias"],
        "registry": registry(),
        "lineage": json.dumps({"airflow": {"dag_id": run.dag_id, "run_id": run.run_id}}),
    }


with DAG(
    dag_id="mlops_ci_iris",
    description="The iris pipeline: mlops-ci steps as tasks",
    schedule=None,
    catchup=False,
    max_active_runs=1,  # the runs share the example's folder
    tags=["mlops-ci", "iris"],
    params={
        "runtime": Param("docker", enum=["docker", "podman", "host"],
                         description="Where train.py runs: a container built from the example's Dockerfile, or the host with setup_env's venv."),
        "image": Param("", type="string",
                       description="A training image that has scikit-learn and pandas (e.g. mlops-ci-python:bookworm); empty: built from the Dockerfile."),
        "alias": Param("production", type="string", pattern="^[a-z][a-z0-9-]*$", description="The alias promote_model moves."),
    },
) as dag:
    setup_env = MlopsCiStep(task_id="setup_env", step="setup-env")
    feature_engineering = MlopsCiStep(task_id="feature_engineering", step="data-pull", inputs=data_inputs)
    train = [MlopsCiStep(task_id=f"train_{model}", step="train-in-container", inputs=training_inputs(model)) for model in MODELS]
    production = MlopsCiStep(task_id="production", step="promote-model", inputs=production_inputs)
    select_best_model = MlopsCiStep(task_id="select_best_model", step="evaluate-and-gate", inputs=gate_inputs)
    passed = ShortCircuitOperator(task_id="gate_passed", python_callable=gate_passed)
    promote_model = MlopsCiStep(task_id="promote_model", step="promote-model", inputs=promote_inputs)

    cross_downstream([setup_env, feature_engineering], train)
    [*train, production] >> select_best_model >> passed >> promote_model
