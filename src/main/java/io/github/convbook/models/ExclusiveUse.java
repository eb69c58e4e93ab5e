package io.github.convbook.models;

import io.github.convbook.CellInterruptedException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One model call at a time. Layers reuse their buffers from batch to batch, so two threads running the same model
 * (an interrupted {@code fit} still finishing its last batch while the next cell starts another) would overwrite each
 * other's activations and gradients. A second call waits a little for the first to stop (an interrupted call stops
 * within one batch) and otherwise fails with a message rather than corrupting the model.
 */
final class ExclusiveUse {
    /** Long enough for an interrupted call to finish the batch it is in, short enough not to look hung. */
    private static final long WAIT_SECONDS = 10;

    private final Model model;
    private final ReentrantLock lock = new ReentrantLock();

    ExclusiveUse(Model model) {
        this.model = model;
    }

    /**
     * Runs {@code work} holding the model. The same thread may nest calls (fit evaluates on validation data).
     *
     * @throws IllegalStateException when another thread keeps using the model
     * @throws CellInterruptedException when this thread is interrupted while waiting (the flag stays set)
     */
    <T> T run(String call, Supplier<T> work) {
        boolean acquired = lock.tryLock();   // the usual case: free, and no wait that an interrupt would cut short
        try {
            acquired = acquired || lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // keep the flag for the caller, as promised
            throw new CellInterruptedException(call + ": interrupted while waiting for model '" + model.name()
                    + "' to finish another call");
        }
        if (!acquired) {
            throw new IllegalStateException(call + ": model '" + model.name() + "' is still busy in another thread"
                    + " (a fit, evaluate or predict from an earlier cell)."
                    + " Interrupt the kernel and wait for it to stop.");
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
