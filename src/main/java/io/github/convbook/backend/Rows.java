package io.github.convbook.backend;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies chosen samples (rows along the first axis) of a contiguous array into a batch, as memory copies. ND4J's
 * {@code pullRows} took 0.5 ms per batch of 64 MNIST images (2026-12-01), several times the copy itself.
 */
public final class Rows {
    private Rows() {
    }

    /**
     * True when {@link #gather} handles these arrays: same dtype, both contiguous, rows of the same length.
     *
     * @param source the samples {@code (count, ...)}
     * @param batch the array to copy them into {@code (picked, ...)}
     * @return whether {@link #gather} applies
     */
    public static boolean applies(INDArray source, INDArray batch) {
        return source.dataType() == batch.dataType() && Values.isContiguous(source) && Values.isContiguous(batch)
                && source.size(0) > 0 && batch.size(0) > 0
                && source.length() / source.size(0) == batch.length() / batch.size(0)
                && source.length() * source.dataType().width() <= Integer.MAX_VALUE;
    }

    /**
     * {@code batch[i] = source[picked[i]]} for every {@code i}: NumPy's {@code source[picked]} into a given array.
     *
     * @param source the samples {@code (count, ...)}, contiguous
     * @param picked the rows to copy, each in {@code 0..count-1}, as many as {@code batch} has rows
     * @param batch written, {@code (picked.length, ...)}, contiguous, of the source's dtype
     */
    public static void gather(INDArray source, int[] picked, INDArray batch) {
        int rowBytes = Math.toIntExact(source.length() / source.size(0) * source.dataType().width());
        ByteBuffer from = Values.bytes(source);
        ByteBuffer into = Values.bytes(batch);
        for (int i = 0; i < picked.length; i++) {
            into.put(i * rowBytes, from, picked[i] * rowBytes, rowBytes);
        }
    }
}
