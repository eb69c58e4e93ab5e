#!/usr/bin/python3
"""Writes warp_float_reference.txt: what OpenCV itself computes, pinned for WarpFloatTest.

Generated with Debian 12's packages (apt-get install python3-opencv python3-numpy: OpenCV 4.6.0, NumPy 1.24.2):

    /usr/bin/python3 make_warp_float_reference.py > warp_float_reference.txt

The tests only read the text file; neither Python nor OpenCV is needed to run them.

Format, one record per line, values separated by spaces:
    rotmat cx cy angle scale  m00 m01 m02 m10 m11 m12      cv2.getRotationMatrix2D((cx, cy), angle, scale)
    case NAME DTYPE H W C OP ARGS...                        a source image and an operation:
         OP = warp OUT_W OUT_H   (then a 'matrix' line)     cv2.warpAffine(src, M, (OUT_W, OUT_H))
         OP = rotate DEGREES                                Images.rotate: M = getRotationMatrix2D(((W-1)/2, (H-1)/2), DEGREES, 1)
         OP = shift DX DY                                   Images.shift:  M = [[1, 0, DX], [0, 1, DY]]
    matrix m00 m01 m02 m10 m11 m12                          the float64 matrix passed to warpAffine
    src v...                                                row-major source values (H*W*C)
    dst v...                                                row-major cv2.warpAffine result
Floats are written with repr(), the shortest text that reads back to the same float32 / float64.
"""
import cv2
import numpy as np


def fmt(values, dtype):
    flat = np.asarray(values, dtype=dtype).ravel()
    return " ".join(repr(float(v)) for v in flat)


def synthetic(h, w, c, dtype):
    """A deterministic image with fractions and negative values (no symmetry, so errors show)."""
    r, q = np.mgrid[0:h, 0:w]
    base = ((r * 7 + q * 3) % 11) * 1.37 - 4.25 + np.sin(r * 1.3 + q * 0.7) * 3.1
    if c == 1:
        return base.astype(dtype)
    return np.stack([base * (k + 1) - k for k in range(c)], axis=-1).astype(dtype)


def digit(dtype):
    """A 28x28 MNIST-like stroke, uint8 then / 255 as the lecture does (x.astype('float32') / 255)."""
    r, q = np.mgrid[0:28, 0:28]
    ring = np.abs(np.hypot(r - 13.2, (q - 14.1) * 1.4) - 8.5)
    bar = np.abs(q - 0.35 * r - 12.0)
    img = np.clip(255 - 70 * np.minimum(ring, bar + (r < 6) * 9), 0, 255).astype(np.uint8)
    return img.astype(dtype) / dtype(255)


def case(name, src, op, args, matrix, out_w, out_h):
    h, w = src.shape[:2]
    c = 1 if src.ndim == 2 else src.shape[2]
    dtype = src.dtype.type
    dst = cv2.warpAffine(src, matrix, (out_w, out_h))
    assert dst.dtype == src.dtype
    print("case", name, src.dtype.name, h, w, c, op, *args)
    if op == "warp":
        print("matrix", fmt(matrix, np.float64))
    print("src", fmt(src, dtype))
    print("dst", fmt(dst, dtype))


def main():
    for cx, cy, angle, scale in [(20, 25, 20, 1), (13.5, 13.5, -30, 1), (4, 3, 45, 0.8), (3.3, 1.7, 90, 1.5),
                                 (0, 0, 123.4, 2)]:
        m = cv2.getRotationMatrix2D((cx, cy), angle, scale)
        print("rotmat", cx, cy, angle, scale, fmt(m, np.float64))

    for dtype in (np.float32, np.float64):
        tag = np.dtype(dtype).name
        small = synthetic(7, 9, 1, dtype)
        lecture = cv2.getRotationMatrix2D((4, 3), 30, 1)
        case("small-rot30-" + tag, small, "warp", (9, 7), lecture, 9, 7)
        m = cv2.getRotationMatrix2D((4.5, 3.25), -45, 0.8)
        m[0, 2] += 1.3
        m[1, 2] -= 0.6
        case("small-rot-45-scale-shift-" + tag, small, "warp", (11, 8), m, 11, 8)
        case("small-shift-" + tag, small, "warp", (9, 7), np.float64([[1, 0, 1.3], [0, 1, -0.7]]), 9, 7)
        case("small-scale-" + tag, small, "warp", (6, 5), np.float64([[1.5, 0.2, -0.4], [-0.1, 0.75, 0.9]]), 6, 5)
        rgb = synthetic(5, 6, 3, dtype)
        case("rgb-rot17-" + tag, rgb, "warp", (6, 5), cv2.getRotationMatrix2D((2.5, 2), 17, 1.1), 6, 5)

        x = digit(dtype)
        m = cv2.getRotationMatrix2D((20, 25), 20, 1)   # the lecture's M, then M[0, 2] += 3, M[1, 2] += 3
        m[0, 2] += 3
        m[1, 2] += 3
        case("digit-lecture-" + tag, x, "warp", (28, 28), m, 28, 28)
        case("digit-rotate15-" + tag, x, "rotate", (15,), cv2.getRotationMatrix2D((13.5, 13.5), 15, 1), 28, 28)
        case("digit-shift-" + tag, x, "shift", (2.5, -1.25), np.float64([[1, 0, 2.5], [0, 1, -1.25]]), 28, 28)


if __name__ == "__main__":
    main()
