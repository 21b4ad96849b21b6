"""Real Delta tables for data-pull's delta tests, written and read by delta-rs (the deltalake package).

  write URI     13 versions: appends, overwrites, deletes, a checkpoint every 5 commits, a partition
                column whose values need URL-encoding; prints the rows of every version as JSON
  rows SPEC     SPEC is a JSON list of [uri, version or null]: prints each table's rows as JSON
  vacuum URI    removes every data file the latest version does not use (older versions lose theirs)
  deletion-vectors URI
                version 0 plain, version 1 turns on the deletionVectors reader feature
  other-rows FILE
                rewrites a Parquet data file with one row fewer, padded to its exact size

An s3:// URI is reached through AWS_ENDPOINT_URL and the AWS_* keys of the environment (versitygw).
"""
import json
import os
import sys

import pandas as pd
from deltalake import DeltaTable, TableFeatures, write_deltalake

PARTS = ["plain", "with space", "pct%and=eq/slash"]


def storage_options(uri):
    if not uri.startswith("s3://"):
        return None
    return {
        "AWS_ENDPOINT_URL": os.environ["AWS_ENDPOINT_URL"],
        "AWS_ACCESS_KEY_ID": os.environ["AWS_ACCESS_KEY_ID"],
        "AWS_SECRET_ACCESS_KEY": os.environ["AWS_SECRET_ACCESS_KEY"],
        "AWS_REGION": os.environ.get("AWS_REGION", "us-east-1"),
        "AWS_ALLOW_HTTP": "true",
        # One writer at a time here: no lock table needed.
        "AWS_S3_ALLOW_UNSAFE_RENAME": "true",
    }


def batch(start, count):
    return pd.DataFrame(
        {
            "id": list(range(start, start + count)),
            "label": [f"row-{i}-ünï" for i in range(start, start + count)],
            "score": [i / 7 for i in range(start, start + count)],
            "part": [PARTS[i % len(PARTS)] for i in range(start, start + count)],
        }
    )


def rows(uri, version=None):
    table = DeltaTable(uri, version=version, storage_options=storage_options(uri))
    frame = table.to_pandas().sort_values("id").reset_index(drop=True)
    return json.loads(frame.to_json(orient="records"))


def write(uri):
    options = storage_options(uri)
    # Vacuum then removes data files only: the log's own clean-up (of commits past their retention,
    # which the tests' back-dated commit times would be) is tested on its own.
    config = {"delta.checkpointInterval": "5", "delta.enableExpiredLogCleanup": "false"}
    write_deltalake(uri, batch(0, 6), partition_by=["part"], configuration=config, storage_options=options)  # 0
    write_deltalake(uri, batch(6, 4), mode="append", storage_options=options)  # 1
    write_deltalake(uri, batch(10, 5), mode="append", storage_options=options)  # 2
    write_deltalake(uri, batch(100, 7), mode="overwrite", storage_options=options)  # 3
    write_deltalake(uri, batch(107, 3), mode="append", storage_options=options)  # 4: checkpoint
    DeltaTable(uri, storage_options=options).delete("id % 2 = 0")  # 5
    write_deltalake(uri, batch(110, 4), mode="append", storage_options=options)  # 6
    write_deltalake(uri, batch(114, 2), mode="append", storage_options=options)  # 7
    write_deltalake(uri, batch(116, 3), mode="append", storage_options=options)  # 8
    DeltaTable(uri, storage_options=options).delete("part = 'with space'")  # 9: checkpoint
    write_deltalake(uri, batch(200, 5), mode="overwrite", storage_options=options)  # 10
    write_deltalake(uri, batch(205, 3), mode="append", storage_options=options)  # 11
    write_deltalake(uri, batch(208, 2), mode="append", storage_options=options)  # 12
    latest = DeltaTable(uri, storage_options=options).version()
    print(json.dumps([rows(uri, v) for v in range(latest + 1)]))


def other_rows(path):
    """Same size, other rows: what only a row count, not a size check, can tell from the file the log names."""
    import pyarrow.parquet as pq

    size = os.path.getsize(path)
    table = pq.ParquetFile(path).read()
    temp = path + ".other-rows"
    pq.write_table(table.slice(0, table.num_rows - 1), temp)
    with open(temp, "rb") as file:
        data = file.read()
    if len(data) > size:
        raise SystemExit(f"{path} with one row fewer is {len(data)} bytes, more than its {size}")
    # Readers find the footer from the end, and it locates the column chunks by offset from the start:
    # bytes between the last chunk and the footer are never read.
    footer = 8 + int.from_bytes(data[-8:-4], "little")
    with open(temp, "wb") as file:
        file.write(data[:-footer] + bytes(size - len(data)) + data[-footer:])
    os.replace(temp, path)


def main():
    command, arg = sys.argv[1], sys.argv[2]
    if command == "write":
        write(arg)
    elif command == "rows":
        print(json.dumps([rows(uri, version) for uri, version in json.loads(arg)]))
    elif command == "vacuum":
        table = DeltaTable(arg, storage_options=storage_options(arg))
        table.vacuum(retention_hours=0, enforce_retention_duration=False, dry_run=False)
    elif command == "deletion-vectors":
        write_deltalake(arg, batch(0, 3), storage_options=storage_options(arg))
        DeltaTable(arg, storage_options=storage_options(arg)).alter.add_feature(TableFeatures.DeletionVectors, allow_protocol_versions_increase=True)
    elif command == "other-rows":
        other_rows(arg)
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
    # The work is done and printed. Skip interpreter shutdown: on a loaded
    # machine delta-rs' native threads can abort it ("terminate called without
    # an active exception") after a correct answer, failing the test for
    # nothing. A failure above still exits non-zero before reaching this.
    sys.stdout.flush()
    os._exit(0)
