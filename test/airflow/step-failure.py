"""Runs one MlopsCiStep of the DAG file, outside a DAG run, and prints how it failed, as JSON:

    python step-failure.py DAG_FILE STEP INPUTS_JSON
    {"exception": "AirflowFailException", "message": "mlops-ci evaluate-and-gate exited 3:"}

The step is the real CLI (MLOPS_CI_BUNDLE) in the DAG file's example folder;
which exception its exit code raises is what decides whether Airflow may retry
the task, and a DAG run per exit code would take a minute each.
"""
import importlib.util
import json
import sys
from types import SimpleNamespace


def main(dag_file: str, step: str, inputs: str) -> None:
    spec = importlib.util.spec_from_file_location("mlops_ci_dag", dag_file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    task = module.MlopsCiStep(task_id="probe", step=step, inputs=json.loads(inputs))
    # What RunView reads of a task's context; the step's inputs here come from no other task.
    context = {"ti": None, "params": {}, "dag": SimpleNamespace(dag_id="probe"), "run_id": "probe"}
    try:
        task.execute(context)
    except Exception as err:  # noqa: BLE001 - which one is the answer
        json.dump({"exception": type(err).__name__, "message": str(err).splitlines()[0]}, sys.stdout)
    else:
        raise SystemExit(f"mlops-ci {step} exited 0")


if __name__ == "__main__":
    main(*sys.argv[1:])
