package io.github.convbook.optimizers;

import java.util.Locale;

/** Optimizers by the names Keras accepts in {@code compile(optimizer=...)}, with Keras's default settings. */
public final class Optimizers {
    private Optimizers() {
    }

    /**
     * The optimizer Keras's {@code compile(optimizer="adam")} creates for this name (case-insensitive).
     *
     * @throws IllegalArgumentException for a name Keras would not know here
     */
    public static Optimizer get(String name) {
        if (name == null) {
            throw new IllegalArgumentException("An optimizer name is required, e.g. \"rmsprop\" or \"adam\"");
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sgd": return new SGD();
            case "rmsprop": return new RMSprop();
            case "adam": return new Adam();
            case "adadelta": return new Adadelta();
            case "adagrad": return new Adagrad();
            default:
                throw new IllegalArgumentException("Unknown optimizer '" + name
                        + "': expected sgd, rmsprop, adam, adadelta or adagrad");
        }
    }
}
