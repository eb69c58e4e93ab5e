package io.github.convbook.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Parallel#forEachPart} covers every index exactly once, short or long, and rethrows a part's failure. */
class ParallelTest {
    @Test
    void everyIndexOnce() {
        for (int n : new int[] {0, 1, Parallel.PART, 2 * Parallel.PART - 1, 2 * Parallel.PART, 5 * Parallel.PART + 3}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(n);
            Parallel.forEachPart(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen.get(i), "n " + n + ", index " + i);
            }
        }
    }

    @Test
    void aFailingPartFailsTheCall() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallel.forEachPart(4 * Parallel.PART, (from, to) -> {
                    if (from > 0) {
                        throw new IllegalStateException("part at " + from);
                    }
                }));
        // thrown on a pool thread, it comes back as a copy whose message is the original's toString()
        assertTrue(e.getMessage().contains("part at "), e.getMessage());
    }
}
