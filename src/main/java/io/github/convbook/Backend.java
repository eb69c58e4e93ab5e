package io.github.convbook;

import io.github.convbook.backend.Naming;

/** Session-wide state, as {@code keras.backend}. */
public final class Backend {
    private Backend() {
    }

    /**
     * Starts naming afresh, as {@code keras.backend.clear_session()}: the next Conv2D is called {@code conv2d} again
     * and the next input {@code input_1}. Existing layers and models keep working.
     */
    public static void clearSession() {
        Naming.reset();
    }
}
