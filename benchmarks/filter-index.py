#!/usr/bin/env python3
"""Writes the RFC Editor's text index keeping only the entries whose rfcN.txt is present in a folder.

The mirror benchmark and tests serve a subset of the collection (the shared corpus holds 2,524 of the
9,823 texts); an index that lists exactly the served documents lets `rfc mirror` fetch every listed RFC
with no 404s. Usage: filter-index.py INDEX FOLDER > OUT
"""
import os
import re
import sys

index_path, folder = sys.argv[1], sys.argv[2]
present = {int(m.group(1)) for name in os.listdir(folder) if (m := re.fullmatch(r"rfc(\d+)\.txt", name))}
text = open(index_path, encoding="utf-8").read()
blocks = text.split("\n\n")
out = []
for block in blocks:
    m = re.match(r"(\d{1,6}) ", block)
    if m is None or int(m.group(1)) in present:
        out.append(block)
sys.stdout.write("\n\n".join(out))
