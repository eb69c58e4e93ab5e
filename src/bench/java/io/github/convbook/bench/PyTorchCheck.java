package io.github.convbook.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that PyTorch computes the lecture models' convolution input gradients correctly on this machine, against
 * a plain-Java reference. On the 2-core AMD EPYC sandbox (AVX-512, 2026-11-30) PyTorch 2.7.1's oneDNN
 * {@code jit:avx512_core} and {@code jit:avx2} backward-data convolutions returned wrong values, often NaN, for the
 * autoencoder's "same"-padded convolutions (16 -> 8 channels at 14x14, 8 -> 4 at 7x7, 4 -> 4 at 4x4, 16 -> 1 at
 * 28x28...), from one run to the next and even on one thread, so its autoencoder's loss turned NaN within an
 * epoch; the convnet's "valid" convolutions were right. With {@code ONEDNN_MAX_CPU_ISA=SSE41} (oneDNN's gemm-based
 * convolution) every case was right; ND4J's older oneDNN reads {@code DNNL_MAX_CPU_ISA} instead, so ConvBook is
 * untouched by it. A rate measured on wrong arithmetic is no reference: the benchmark prints this check's verdict
 * beside PyTorch's figures.
 */
final class PyTorchCheck {
    private PyTorchCheck() {
    }

    /** One convolution: batch, channels in and out, input side, "same" (pad 1) or "valid", 3x3 kernel. */
    private record Case(String model, int batch, int in, int out, int side, boolean same) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %d->%d at %dx%d%s", model, in, out, side, side,
                    same ? " same" : "");
        }
    }

    /** The worst relative error of the right input gradients, and the wrong ones with their errors. */
    record Result(double worstError, List<String> wrong, int cases) {
        boolean ok() {
            return wrong.isEmpty();
        }

        @Override
        public String toString() {
            return ok() ? String.format(Locale.ROOT, "right (%d convolutions, worst relative error %.1e)", cases,
                    worstError)
                    : String.format(Locale.ROOT, "WRONG in %d of %d convolutions: %s", wrong.size(), cases,
                    String.join(", ", wrong));
        }
    }

    /** The convolutions whose input gradient the lecture models need, at the models' batch sizes. */
    private static final List<Case> CASES = List.of(
            new Case("convnet", 64, 32, 64, 13, false),
            new Case("convnet", 64, 64, 128, 5, false),
            new Case("autoencoder", 256, 16, 8, 14, true),
            new Case("autoencoder", 256, 8, 4, 7, true),
            new Case("autoencoder", 256, 4, 4, 4, true),
            new Case("autoencoder", 256, 4, 8, 8, true),
            new Case("autoencoder", 256, 8, 16, 16, false),
            new Case("autoencoder", 256, 16, 1, 28, true));

    /** Runs every case once. */
    static Result run() {
        PyTorchTrainer.engine();
        double worst = 0;
        List<String> wrong = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Case c : CASES) {
                double error = relativeError(manager, c);
                if (error < 1e-4) {
                    worst = Math.max(worst, error);
                } else {
                    wrong.add(c + String.format(Locale.ROOT, " (relative error %.2g)", error));
                }
            }
        }
        return new Result(worst, wrong, CASES.size());
    }

    /** max |PyTorch - reference| / max |reference| for the input gradient of sum(conv(x) * g). */
    private static double relativeError(NDManager parent, Case c) {
        try (NDManager manager = parent.newSubManager()) {
            int pad = c.same() ? 1 : 0;
            int outSide = c.side() - 2 + 2 * pad;
            NDArray x = manager.randomUniform(0, 1, new Shape(c.batch(), c.in(), c.side(), c.side()));
            NDArray w = manager.randomUniform(-0.2f, 0.2f, new Shape(c.out(), c.in(), 3, 3));
            NDArray b = manager.zeros(new Shape(c.out()));
            NDArray g = manager.randomUniform(-1, 1, new Shape(c.batch(), c.out(), outSide, outSide));
            x.setRequiresGradient(true);
            try (GradientCollector collector = PyTorchTrainer.engine().newGradientCollector()) {
                NDArray y = x.getNDArrayInternal().convolution(x, w, b, new Shape(1, 1), new Shape(pad, pad),
                        new Shape(1, 1), 1).singletonOrThrow();
                collector.backward(y.mul(g).sum());
            }
            float[] gradient = x.getGradient().toFloatArray();
            float[] gOut = g.toFloatArray();
            float[] kernel = w.toFloatArray();
            double[] reference = new double[gradient.length];
            int side = c.side();
            for (int n = 0; n < c.batch(); n++) {
                for (int o = 0; o < c.out(); o++) {
                    for (int i = 0; i < outSide; i++) {
                        for (int j = 0; j < outSide; j++) {
                            double go = gOut[((n * c.out() + o) * outSide + i) * outSide + j];
                            for (int ci = 0; ci < c.in(); ci++) {
                                for (int kh = 0; kh < 3; kh++) {
                                    int r = i + kh - pad;
                                    if (r < 0 || r >= side) {
                                        continue;
                                    }
                                    for (int kw = 0; kw < 3; kw++) {
                                        int col = j + kw - pad;
                                        if (col >= 0 && col < side) {
                                            reference[((n * c.in() + ci) * side + r) * side + col] +=
                                                    go * kernel[((o * c.in() + ci) * 3 + kh) * 3 + kw];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            double maxDiff = 0;
            double maxRef = 0;
            for (int i = 0; i < gradient.length; i++) {
                double diff = Math.abs(gradient[i] - reference[i]);
                if (Double.isNaN(diff)) {
                    return Double.NaN;
                }
                maxDiff = Math.max(maxDiff, diff);
                maxRef = Math.max(maxRef, Math.abs(reference[i]));
            }
            return maxDiff / Math.max(maxRef, 1e-30);
        }
    }
}
