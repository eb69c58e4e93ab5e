package io.github.convbook.backend;

import java.util.stream.IntStream;

/**
 * Runs an element-wise loop over a long array in parts on all cores. The Java loops of the training step (optimizer
 * rules, relu's gradient) run between ND4J's native operations, while ND4J's own threads wait, so one thread would
 * leave the other cores idle. Each value is computed the same way whichever thread does it: the results are the same
 * bits as one loop's.
 */
public final class Parallel {
    /** Values per part: about 0.1 ms of work, so forking pays; shorter arrays run as one loop on the caller. */
    public static final int PART = 1 << 15;

    private Parallel() {
    }

    /** The body of a loop over the indices {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface Range {
        /**
         * Runs the loop over one part.
         *
         * @param from the first index of the part
         * @param to one past its last index
         */
        void run(int from, int to);
    }

    /**
     * Calls {@code body} on consecutive parts of {@code 0..n} that together cover it once, on the common fork-join
     * pool and the calling thread; returns when every part is done.
     *
     * @param n the number of indices, 0 or more
     * @param body the loop over one part; must touch only the indices it is given
     * @throws RuntimeException whatever {@code body} throws, rethrown on the calling thread
     */
    public static void forEachPart(int n, Range body) {
        forEachPart(n, PART, body);
    }

    /**
     * As {@link #forEachPart(int, Range)} with parts of {@code part} indices, for loops whose indices each stand for
     * many values (a row of an image, say).
     *
     * @param n the number of indices, 0 or more
     * @param part the indices per part, at least 1
     * @param body the loop over one part; must touch only what its indices stand for
     * @throws RuntimeException whatever {@code body} throws, rethrown on the calling thread
     */
    public static void forEachPart(int n, int part, Range body) {
        if (n < 2 * part) {
            body.run(0, n);
            return;
        }
        int parts = (n + part - 1) / part;
        IntStream.range(0, parts).parallel().forEach(p -> body.run(p * part, Math.min(n, p * part + part)));
    }
}
