"""Train one iris model: feature engineering, a seeded split, fit, evaluate.

    python train.py --model rf|gb --data DATA_DIR_OR_CSV --out OUT_DIR [--seed 1]

Writes into OUT_DIR:
  model.pkl     the fitted scikit-learn pipeline (pickle)
  metrics.json  {"accuracy", "f1": {"macro"}, "test_rows", "train_rows", "model", "seed"}
  correct.json  1/0 per test row (same rows, same order for every model and
                seed), for evaluate-and-gate's statistical rules

Deterministic: the split and the models are seeded, so the same data, code and
library versions give the same files. Runs with only scikit-learn and pandas:
the venv setup-env builds, or the python3 of the training image.
"""
import argparse
import json
import os
import pickle
import sys
from pathlib import Path

import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
TARGET = "species"


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    """The raw measurements plus areas and ratios."""
    out = df[FEATURES].copy()
    out["petal_area"] = df["petal_length"] * df["petal_width"]
    out["sepal_area"] = df["sepal_length"] * df["sepal_width"]
    out["petal_ratio"] = df["petal_length"] / df["petal_width"]
    out["sepal_ratio"] = df["sepal_length"] / df["sepal_width"]
    return out


def make_model(name: str, seed: int):
    if name == "rf":
        return RandomForestClassifier(n_estimators=200, max_depth=4, random_state=seed)
    if name == "gb":
        return GradientBoostingClassifier(n_estimators=100, max_depth=2, learning_rate=0.1, random_state=seed)
    raise SystemExit(f"train.py: unknown --model {name!r} (rf or gb)")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", required=True, choices=["rf", "gb"])
    p.add_argument("--data", default=os.environ.get("MLOPS_DATA_DIR", "data"),
                   help="the iris CSV, or a folder holding iris.csv")
    p.add_argument("--out", default=os.environ.get("MLOPS_OUTPUT_DIR", "out"))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--test-size", type=float, default=0.3)
    args = p.parse_args(argv)

    data = Path(args.data)
    csv = data / "iris.csv" if data.is_dir() else data
    df = pd.read_csv(csv)
    X, y = engineer(df), df[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=args.test_size, random_state=args.seed, stratify=y)

    model = make_model(args.model, args.seed)
    model.fit(X_train, y_train)
    pred = model.predict(X_test)

    correct = [int(a == b) for a, b in zip(pred, y_test)]
    metrics = {
        "accuracy": round(float(accuracy_score(y_test, pred)), 4),
        "f1": {"macro": round(float(f1_score(y_test, pred, average="macro")), 4)},
        "test_rows": len(y_test),
        "train_rows": len(y_train),
        "model": args.model,
        "seed": args.seed,
    }

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "model.pkl").open("wb") as f:
        pickle.dump(model, f)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    (out / "correct.json").write_text(json.dumps(correct) + "\n")
    print(f"{args.model}: accuracy {metrics['accuracy']}, f1 macro {metrics['f1']['macro']} "
          f"on {len(y_test)} test rows ({csv})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
