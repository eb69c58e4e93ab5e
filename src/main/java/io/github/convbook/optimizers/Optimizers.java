package io.github.convbook.optimizers;

import java.util.Locale;

/** Optimizers by the names Keras accepts in {@code compile(optimizer=...)}, with Keras's default settings. */
public final class Optimizers {
    private Optimizers() {
    }

    public static Optimizer get(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sgd": return new SGD();
            case "rmsprop": return new RMSprop();
            case "adam": return new Adam();
            case "adadelta": return new Adadelta();
            default:
                throw new IllegalArgumentException("Unknown optimizer '" + name + "': expected sgd, rmsprop, adam or adadelta");
        }
    }
}
