"""Fails (exit 1) if an executed notebook holds an error output; prints each one (cell number, ename, evalue).

usage: /usr/bin/python3 check_outputs.py NOTEBOOK.ipynb...
nbconvert already stops with a non-zero exit at the first cell error; this also catches a notebook
that was not written at all or that carries an error output without nbconvert noticing.
"""
import json
import sys


def errors(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    found = []
    for number, cell in enumerate(nb["cells"], start=1):  # counts every cell, as Jupyter shows them
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"{path}: cell {number}: {out.get('ename')}: {out.get('evalue')}")
    return found


def main(paths):
    bad = False
    for path in paths:
        try:
            found = errors(path)
        except (OSError, ValueError, KeyError) as e:
            found = [f"{path}: unreadable: {e}"]
        for line in found:
            print(line)
        bad = bad or bool(found)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
