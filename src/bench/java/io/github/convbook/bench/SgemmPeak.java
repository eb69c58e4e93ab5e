package io.github.convbook.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's practical peak for this work: ND4J's float32 matrix product ({@code Nd4j.gemm}, the BLAS that
 * ND4J's dense layers and its convolutions' GEMMs end in) on square n x n matrices, best of a few runs, in
 * GFLOP/s ({@code 2 n^3} floating-point operations per product).
 */
final class SgemmPeak {
    private SgemmPeak() {
    }

    /** The best rate and how busy the machine was meanwhile. */
    record Result(int size, double gflops, CpuLoad.Usage load) {
    }

    /**
     * Measures the rate.
     *
     * @param n the matrices' side, e.g. 2048
     * @param runs how many products to time after one untimed warm-up
     */
    static Result measure(int n, int runs) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.createUninitialized(DataType.FLOAT, n, n);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = Double.MAX_VALUE;
        CpuLoad start = CpuLoad.now();
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        CpuLoad.Usage load = CpuLoad.now().since(start);
        a.close();
        b.close();
        c.close();
        return new Result(n, 2.0 * n * n * n / best / 1e9, load);
    }
}
