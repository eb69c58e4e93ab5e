#!/usr/bin/python3
"""Prints the NumPy results that NumpyDtypeTest pins as literals (dtype and values of each expression).

Run with Debian 12's NumPy (apt-get install python3-numpy: NumPy 1.24.2, x86-64):

    /usr/bin/python3 numpy_dtype_reference.py

The test does not run this script; it is here so the pinned values can be checked again or extended.
"""
import warnings

import numpy as np

warnings.simplefilter("ignore")   # overflow and invalid-cast warnings: the values are what we pin

u = np.array([0, 100, 200, 255], np.uint8)
i32 = np.array([1, 2, 3], np.int32)
f32 = np.array([-1.7, -0.5, 0.5, 1.5, 2.5, 254.9, 255.9, 300.2], np.float32)
odd = np.array([np.nan, np.inf, 3e9, -3e9, 1000.5, -3.5, 1234567.8, 1e20], np.float32)
labels = np.array([7, 2, 1, 0], np.int32)
predicted = np.array([7, 2, 3, 0], np.int64)

CASES = [
    ("u / 255", lambda: u / 255),
    ("u.astype('float32') / 255", lambda: u.astype("float32") / 255),
    ("u.astype('float32') / 255.", lambda: u.astype("float32") / 255.),
    ("u + u", lambda: u + u),
    ("u - u[::-1]", lambda: u - u[::-1]),
    ("u * u", lambda: u * u),
    ("u * 2", lambda: u * 2),
    ("u - 1", lambda: u - 1),
    ("u * 2.0", lambda: u * 2.0),
    ("u * 2.5", lambda: u * 2.5),
    ("u + 300   (uint16: ConvBook raises)", lambda: u + 300),
    ("u + (-1)  (int16: ConvBook raises)", lambda: u + (-1)),
    ("u + (-40000)", lambda: u + (-40000)),
    ("-u", lambda: -u),
    ("u / u", lambda: u / u),
    ("u + f32[:4]", lambda: u + f32[:4]),
    ("i32 + f32[:3]", lambda: i32 + f32[:3]),
    ("i32.astype('int64') + f32[:3]", lambda: i32.astype("int64") + f32[:3]),
    ("u + i32[[0,1,2,0]]", lambda: u + i32[[0, 1, 2, 0]]),
    ("i32 / 2", lambda: i32 / 2),
    ("i32 * 2", lambda: i32 * 2),
    ("i32 + 1.5", lambda: i32 + 1.5),
    ("f32[:2] * 2.0", lambda: f32[:2] * 2.0),
    ("f32[:2] + 1e300", lambda: f32[:2] + 1e300),
    ("bool + u", lambda: np.array([True, False, True, True]) + u),
    ("bool + 1", lambda: np.array([True, False]) + 1),
    ("labels == predicted", lambda: labels == predicted),
    ("(labels == predicted).mean()", lambda: (labels == predicted).mean()),
    ("labels == 7", lambda: labels == 7),
    ("labels[:3] == predicted[:2, None]", lambda: labels[:3] == predicted[:2, None]),
    ("np.float32([0.1]) == 0.1", lambda: np.float32([0.1]) == 0.1),
    ("f32.astype('uint8')", lambda: f32.astype("uint8")),
    ("f32.astype('int32')", lambda: f32.astype("int32")),
    ("odd.astype('uint8')", lambda: odd.astype("uint8")),
    ("odd.astype('int32')", lambda: odd.astype("int32")),
    ("u.sum()", lambda: u.sum()),
    ("u.mean()", lambda: u.mean()),
    ("u.max()", lambda: u.max()),
    ("u.reshape(2, 2).sum(0)", lambda: u.reshape(2, 2).sum(0)),
    ("u.reshape(2, 2).mean(1)", lambda: u.reshape(2, 2).mean(1)),
    ("np.int32([2000000000, 2000000000]).sum(0)", lambda: np.int32([2000000000, 2000000000]).sum(0)),
    ("u.argmax()", lambda: u.argmax()),
    ("np.float32([[1, nan, 3], [4, 2, 4]]).argmax(1)", lambda: np.float32([[1, np.nan, 3], [4, 2, 4]]).argmax(1)),
    ("np.float32([1, nan, 3]).max()", lambda: np.float32([1, np.nan, 3]).max()),
    ("np.sqrt(u)", lambda: np.sqrt(u)),
    ("np.sqrt(i32)", lambda: np.sqrt(i32)),
]

for text, f in CASES:
    r = f()
    print(f"{text:45} -> {np.asarray(r).dtype}: {r!r}")
