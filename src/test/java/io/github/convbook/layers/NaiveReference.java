package io.github.convbook.layers;

/**
 * TensorFlow's definitions of the image ops, written as plain loops over {@link Array4} (NHWC) so the library
 * can be checked against something that shares none of its code. Slow, obvious, and only for tests.
 */
final class NaiveReference {
    private NaiveReference() {
    }

    /**
     * Where a window of {@code window} pixels (already dilated) moved by {@code stride} lands along one axis of
     * {@code input} pixels: output length and the padding before the first pixel (TensorFlow: SAME pads
     * {@code max((ceil(N/s) - 1) * s + window - N, 0)} in total, the smaller half before).
     */
    record Axis(int input, int window, int stride, int output, int padBefore) {
        static Axis of(int input, int window, int stride, boolean same) {
            if (!same) {
                return new Axis(input, window, stride, (input - window) / stride + 1, 0);
            }
            int output = (input + stride - 1) / stride;
            int total = Math.max((output - 1) * stride + window - input, 0);
            return new Axis(input, window, stride, output, total / 2);
        }

        /** Input position of tap {@code tap} (0-based, step {@code dilation}) of the window for output {@code out}. */
        int source(int out, int tap, int dilation) {
            return out * stride - padBefore + tap * dilation;
        }

        boolean contains(int position) {
            return position >= 0 && position < input;
        }
    }

    /** {@code tf.nn.conv2d} plus bias: kernel (kh, kw, in, out); padded cells are zero. */
    static Array4 conv2d(Array4 x, Array4 kernel, double[] bias, int[] strides, int[] dilation, boolean same) {
        Axis rows = Axis.of(x.d1(), (kernel.d0() - 1) * dilation[0] + 1, strides[0], same);
        Axis cols = Axis.of(x.d2(), (kernel.d1() - 1) * dilation[1] + 1, strides[1], same);
        Array4 out = new Array4(x.d0(), rows.output(), cols.output(), kernel.d3());
        for (int b = 0; b < x.d0(); b++) {
            for (int i = 0; i < rows.output(); i++) {
                for (int j = 0; j < cols.output(); j++) {
                    for (int o = 0; o < kernel.d3(); o++) {
                        double sum = bias == null ? 0 : bias[o];
                        for (int di = 0; di < kernel.d0(); di++) {
                            for (int dj = 0; dj < kernel.d1(); dj++) {
                                int y = rows.source(i, di, dilation[0]);
                                int z = cols.source(j, dj, dilation[1]);
                                if (rows.contains(y) && cols.contains(z)) {
                                    for (int c = 0; c < x.d3(); c++) {
                                        sum += x.get(b, y, z, c) * kernel.get(di, dj, c, o);
                                    }
                                }
                            }
                        }
                        out.set(b, i, j, o, sum);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Keras's Conv2DTranspose: the adjoint (input gradient) of {@link #conv2d} for an input of Keras's output size,
     * {@code N*s + max(K - s, 0)} with valid and {@code N*s} with same. Each input pixel times the kernel is
     * scattered into the output where the forward conv's window for that pixel lies. Kernel (kh, kw, out, in).
     */
    static Array4 conv2dTranspose(Array4 x, Array4 kernel, double[] bias, int[] strides, int[] dilation, boolean same) {
        Axis rows = transposedAxis(x.d1(), (kernel.d0() - 1) * dilation[0] + 1, strides[0], same);
        Axis cols = transposedAxis(x.d2(), (kernel.d1() - 1) * dilation[1] + 1, strides[1], same);
        Array4 out = new Array4(x.d0(), rows.input(), cols.input(), kernel.d2());
        for (int b = 0; b < x.d0(); b++) {
            for (int i = 0; i < x.d1(); i++) {
                for (int j = 0; j < x.d2(); j++) {
                    for (int di = 0; di < kernel.d0(); di++) {
                        for (int dj = 0; dj < kernel.d1(); dj++) {
                            int y = rows.source(i, di, dilation[0]);
                            int z = cols.source(j, dj, dilation[1]);
                            if (rows.contains(y) && cols.contains(z)) {
                                for (int o = 0; o < kernel.d2(); o++) {
                                    for (int c = 0; c < x.d3(); c++) {
                                        out.add(b, y, z, o, x.get(b, i, j, c) * kernel.get(di, dj, o, c));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        addBias(out, bias);
        return out;
    }

    /** The forward conv's axis whose input has Keras's transposed output length and whose output is {@code n}. */
    private static Axis transposedAxis(int n, int window, int stride, boolean same) {
        int length = same ? n * stride : n * stride + Math.max(window - stride, 0);
        Axis axis = Axis.of(length, window, stride, same);
        if (axis.output() != n) {
            throw new IllegalStateException("reference: forward conv of " + length + " gives " + axis.output() + ", not " + n);
        }
        return axis;
    }

    private static void addBias(Array4 out, double[] bias) {
        if (bias == null) {
            return;
        }
        for (int k = 0; k < out.values().length; k++) {
            out.values()[k] += bias[k % out.d3()];
        }
    }

    /** {@code tf.nn.max_pool}: the largest non-padded value of each window. */
    static Array4 maxPool(Array4 x, int[] pool, int[] strides, boolean same) {
        return pool(x, pool, strides, same, true);
    }

    /** {@code tf.nn.avg_pool}: the mean over the window's non-padded cells only (TensorFlow's divisor). */
    static Array4 avgPool(Array4 x, int[] pool, int[] strides, boolean same) {
        return pool(x, pool, strides, same, false);
    }

    private static Array4 pool(Array4 x, int[] pool, int[] strides, boolean same, boolean max) {
        Axis rows = Axis.of(x.d1(), pool[0], strides[0], same);
        Axis cols = Axis.of(x.d2(), pool[1], strides[1], same);
        Array4 out = new Array4(x.d0(), rows.output(), cols.output(), x.d3());
        for (int b = 0; b < x.d0(); b++) {
            for (int i = 0; i < rows.output(); i++) {
                for (int j = 0; j < cols.output(); j++) {
                    for (int c = 0; c < x.d3(); c++) {
                        double best = Double.NEGATIVE_INFINITY;
                        double sum = 0;
                        int count = 0;
                        for (int di = 0; di < pool[0]; di++) {
                            for (int dj = 0; dj < pool[1]; dj++) {
                                int y = rows.source(i, di, 1);
                                int z = cols.source(j, dj, 1);
                                if (rows.contains(y) && cols.contains(z)) {
                                    best = Math.max(best, x.get(b, y, z, c));
                                    sum += x.get(b, y, z, c);
                                    count++;
                                }
                            }
                        }
                        out.set(b, i, j, c, max ? best : sum / count);
                    }
                }
            }
        }
        return out;
    }

    /** Keras's UpSampling2D (nearest): output pixel (i, j) copies input pixel (i / sh, j / sw). */
    static Array4 upSample(Array4 x, int[] size) {
        Array4 out = new Array4(x.d0(), x.d1() * size[0], x.d2() * size[1], x.d3());
        for (int b = 0; b < out.d0(); b++) {
            for (int i = 0; i < out.d1(); i++) {
                for (int j = 0; j < out.d2(); j++) {
                    for (int c = 0; c < out.d3(); c++) {
                        out.set(b, i, j, c, x.get(b, i / size[0], j / size[1], c));
                    }
                }
            }
        }
        return out;
    }
}
