"""Tracks a folder as a DVC 2.x out (md5-dos2unix hashes, no `hash:` key), with
DVC's own hashing code, and puts its objects in the legacy cache so that
`dvc push` uploads them in the 2.x remote layout. DVC 3 no longer writes 2.x
.dvc files itself, but still reads and pushes them.

    python legacy_dvc.py <folder>     (run in the DVC repository)
"""
import sys

from dvc.repo import Repo
from dvc_data.hashfile.build import build
from dvc_data.hashfile.transfer import transfer

path = sys.argv[1]
repo = Repo(".")
odb = repo.cache.legacy
staging, meta, obj = build(odb, path, repo.fs, "md5-dos2unix")
transfer(staging, odb, {obj.hash_info}, shallow=False, hardlink=False)
with open(path + ".dvc", "w", encoding="utf-8") as dvc_file:
    dvc_file.write(f"outs:\n- md5: {obj.hash_info.value}\n  size: {meta.size}\n  nfiles: {meta.nfiles}\n  path: {path}\n")
