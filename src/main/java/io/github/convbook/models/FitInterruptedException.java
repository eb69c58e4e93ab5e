package io.github.convbook.models;

import io.github.convbook.CellInterruptedException;

/**
 * {@code fit} stopped because its thread was interrupted. The model holds the weights after the last complete
 * optimizer step (the flag is only looked at before a step begins, never between the backward pass and the update),
 * so it can be evaluated, saved or trained again; {@link #history()} holds the epochs that finished.
 *
 * <p>Keras raises {@code KeyboardInterrupt} here and the partial history is lost; ConvBook throws too, so the stop
 * is visible wherever {@code fit} was called from, and carries the history in case the caller wants it.
 */
public class FitInterruptedException extends CellInterruptedException {
    private static final long serialVersionUID = 1L;

    private final transient History history;

    FitInterruptedException(String message, History history) {
        super(message);
        this.history = history;
    }

    /**
     * The loss and metrics of the epochs completed before the interruption, as {@code fit} would have returned them.
     *
     * @return the history of the finished epochs; empty when the first epoch did not finish
     */
    public History history() {
        return history;
    }
}
