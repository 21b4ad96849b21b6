"""Write data/iris.csv from the copy of the iris data scikit-learn ships.

Run once to (re)create the dataset; the result is tracked by DVC
(data/iris.csv.dvc) and pushed to the example's local remote (dvc-remote/),
so the pipeline itself never runs this. Deterministic: same bytes every time.
"""
import csv
import sys
from pathlib import Path

from sklearn.datasets import load_iris

COLUMNS = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]


def main(out: str = "data/iris.csv") -> None:
    iris = load_iris()
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for row, target in zip(iris.data, iris.target):
            w.writerow([f"{v:.1f}" for v in row] + [iris.target_names[target]])


if __name__ == "__main__":
    main(*sys.argv[1:])
