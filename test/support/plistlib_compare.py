"""Compares property lists as Python's plistlib reads them (an independent implementation).

Usage: python3 plistlib_compare.py ITEMS.json
ITEMS.json is a list of {"name", "reference": {"plist": path} | {"json": path}, "candidates": [path, ...]}.
A JSON reference is a tagged value tree written by test/support/plistlib.ts.
Prints one JSON object: {"checked": n, "mismatches": [...], "errors": [...]}.

Equality is strict: types must match (bool is not int, int is not float), floats
compare bit for bit except that NaN equals NaN, dictionaries compare keys in order.
"""
import base64
import datetime
import json
import math
import plistlib
import struct
import sys


def from_tagged(node):
    """Builds the Python value plistlib would return for a tagged JSON node (iteratively)."""
    root = [None]
    stack = [(node, root, 0)]
    while stack:
        tagged, parent, slot = stack.pop()
        (tag, v), = tagged.items()
        if tag == "s":
            value = v
        elif tag == "b":
            value = bool(v)
        elif tag == "i":
            value = int(v)
        elif tag == "r":
            value = struct.unpack(">d", bytes.fromhex(v))[0]
        elif tag == "d":
            seconds = struct.unpack(">d", bytes.fromhex(v))[0]
            value = datetime.datetime(2001, 1, 1) + datetime.timedelta(seconds=seconds)
        elif tag == "x":
            value = base64.b64decode(v)
        elif tag == "u":
            value = plistlib.UID(v)
        elif tag == "a":
            value = [None] * len(v)
            for i, child in enumerate(v):
                stack.append((child, value, i))
        elif tag == "m":
            value = {}
            for key, child in v:
                value[key] = None
                stack.append((child, value, key))
        else:
            raise ValueError("unknown tag " + tag)
        parent[slot] = value
    return root[0]


def difference(a, b):
    """The path and reason of the first difference, or None."""
    stack = [(a, b, "")]
    while stack:
        x, y, path = stack.pop()
        if type(x) is not type(y):
            return f"{path or '(root)'}: {type(x).__name__} {x!r:.60} vs {type(y).__name__} {y!r:.60}"
        if isinstance(x, dict):
            if list(x.keys()) != list(y.keys()):
                return f"{path or '(root)'}: keys {list(x.keys())[:8]} vs {list(y.keys())[:8]}"
            for k in x:
                stack.append((x[k], y[k], f"{path}.{k}"))
        elif isinstance(x, list):
            if len(x) != len(y):
                return f"{path or '(root)'}: {len(x)} items vs {len(y)}"
            for i in range(len(x)):
                stack.append((x[i], y[i], f"{path}[{i}]"))
        elif isinstance(x, float):
            same = (math.isnan(x) and math.isnan(y)) or struct.pack(">d", x) == struct.pack(">d", y)
            if not same:
                return f"{path or '(root)'}: {x!r} vs {y!r}"
        elif x != y:
            return f"{path or '(root)'}: {x!r:.60} vs {y!r:.60}"
    return None


def main():
    items = json.load(open(sys.argv[1], encoding="utf-8"))
    checked = 0
    mismatches = []
    errors = []
    for item in items:
        ref = item["reference"]
        try:
            if "plist" in ref:
                with open(ref["plist"], "rb") as f:
                    expected = plistlib.load(f)
            else:
                with open(ref["json"], encoding="utf-8") as f:
                    expected = from_tagged(json.load(f))
        except Exception as e:  # plistlib cannot read the reference itself
            errors.append({"name": item["name"], "file": "reference", "error": f"{type(e).__name__}: {e}"})
            continue
        for candidate in item["candidates"]:
            try:
                with open(candidate, "rb") as f:
                    actual = plistlib.load(f)
            except Exception as e:
                errors.append({"name": item["name"], "file": candidate, "error": f"{type(e).__name__}: {e}"})
                continue
            checked += 1
            d = difference(expected, actual)
            if d is not None:
                mismatches.append({"name": item["name"], "file": candidate, "difference": d})
    json.dump({"checked": checked, "mismatches": mismatches, "errors": errors}, sys.stdout)


main()
