"""Prints, as JSON, what Airflow's metadata db holds about the latest run of a DAG:

    python dag-run.py AIRFLOW_DB DAG_ID
    {"run_id": ..., "state": ..., "tasks": {task_id: state}, "xcom": {task_id: return_value}}

Read straight from the sqlite db `airflow dags test` wrote (tables dag_run,
task_instance, xcom; an XCom value is stored as JSON text), in one process:
Airflow's CLI would take seconds per question and has no XCom command.
"""
import json
import sqlite3
import sys


def main(db: str, dag_id: str) -> None:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    row = con.execute(
        "SELECT run_id, state FROM dag_run WHERE dag_id = ? ORDER BY id DESC LIMIT 1", (dag_id,)
    ).fetchone()
    if row is None:
        raise SystemExit(f"{db} holds no run of {dag_id}")
    run_id, state = row
    tasks = dict(con.execute(
        "SELECT task_id, state FROM task_instance WHERE dag_id = ? AND run_id = ?", (dag_id, run_id)))
    xcom = {task: json.loads(value) for task, value in con.execute(
        "SELECT task_id, value FROM xcom WHERE dag_id = ? AND run_id = ? AND key = 'return_value'", (dag_id, run_id))}
    json.dump({"run_id": run_id, "state": state, "tasks": tasks, "xcom": xcom}, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:])
