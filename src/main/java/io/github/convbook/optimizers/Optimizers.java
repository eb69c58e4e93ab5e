package io.github.convbook.optimizers;

import java.util.Locale;

/** Optimizers by the names Keras accepts in {@code compile(optimizer=...)}, with Keras's default settings. */
public final class Optimizers {
    private Optimizers() {
    }

    /**
     * The optimizer Keras's {@code compile(optimizer="adam")} creates for this name (case-insensitive), with Keras's
     * defaults: {@code "sgd"} is {@code SGD(0.01)}; {@code "rmsprop"}, {@code "adam"}, {@code "adadelta"} and
     * {@code "adagrad"} use learning rate 0.001.
     *
     * @param name {@code "sgd"}, {@code "rmsprop"}, {@code "adam"}, {@code "adadelta"} or {@code "adagrad"}, in any
     *             case, surrounding spaces ignored
     * @return a new optimizer with no state, as {@code new Adam()} and the like give
     * @throws IllegalArgumentException for null or a name Keras would not know here
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
