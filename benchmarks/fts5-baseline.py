#!/usr/bin/env python3
"""The one-thread baseline for issue 10's "first full-text answer": Python's sqlite3 building a contentless
FTS5 index (porter unicode61) of every rfcN.txt in a folder, in one transaction, then answering one phrase
query. Prints the number of matching documents (the benchmark checks it against rfc's answer).

    benchmarks/fts5-baseline.py CORPUS/rfc OUT.db '"retransmission timeout"'
"""
import os
import sqlite3
import sys

folder, database, query = sys.argv[1], sys.argv[2], sys.argv[3]
for suffix in ("", "-wal", "-shm", "-journal"):
    if os.path.exists(database + suffix):
        os.remove(database + suffix)
connection = sqlite3.connect(database)
connection.execute("CREATE VIRTUAL TABLE body USING fts5(text, content = '', tokenize = 'porter unicode61')")
with connection:
    for name in os.listdir(folder):
        if name.startswith("rfc") and name.endswith(".txt"):
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
            connection.execute("INSERT INTO body (rowid, text) VALUES (?, ?)", (int(name[3:-4]), text))
print(connection.execute("SELECT count(*) FROM body WHERE body MATCH ?", (query,)).fetchone()[0])
connection.close()
