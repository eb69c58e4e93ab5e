package io.github.convbook.models;

import io.github.convbook.tensor.Tensor;

/**
 * The keyword arguments of Keras's {@code fit} and {@code evaluate}, as small options:
 * {@code model.fit(x, y, epochs(5), batchSize(64), validationSplit(0.2))} with {@code import static ...Fit.*}.
 * Defaults are Keras's: 1 epoch, batch size 32, shuffle each epoch, no validation, verbose 1.
 */
public final class Fit {
    /** One setting. */
    @FunctionalInterface
    public interface Option {
        void applyTo(Settings settings);
    }

    /** All settings of one call, starting from Keras's defaults. */
    public static final class Settings {
        int epochs = 1;
        int batchSize = 32;
        boolean shuffle = true;
        double validationSplit = 0;
        Tensor validationX;
        Tensor validationY;
        int verbose = 1;

        static Settings of(Option... options) {
            Settings s = new Settings();
            if (options == null) {
                return s;   // fit(x, y, (Option[]) null): the defaults
            }
            for (Option o : options) {
                if (o == null) {
                    throw new IllegalArgumentException("fit: an option is null; pass options such as epochs(5),"
                            + " batchSize(64), validationSplit(0.2)");
                }
                o.applyTo(s);
            }
            return s;
        }
    }

    private Fit() {
    }

    public static Option epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        return s -> s.epochs = epochs;
    }

    public static Option batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        return s -> s.batchSize = batchSize;
    }

    /** Whether the training samples are shuffled before each epoch (Keras's default: true). */
    public static Option shuffle(boolean shuffle) {
        return s -> s.shuffle = shuffle;
    }

    /** Keeps the LAST fraction of the data (taken before shuffling) for validation, as Keras does. */
    public static Option validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + fraction);
        }
        return s -> s.validationSplit = fraction;
    }

    /** Data to evaluate on after each epoch, reported as {@code val_loss}, {@code val_accuracy}, ... */
    public static Option validationData(Tensor x, Tensor y) {
        if (x == null || y == null || x.isSymbolic() || y.isSymbolic()) {
            throw new IllegalArgumentException("validationData expects validation inputs and targets with values, got x "
                    + x + " and y " + y);
        }
        return s -> {
            s.validationX = x;
            s.validationY = y;
        };
    }

    /** 0: silent, 1: a progress bar, 2: one line per epoch. */
    public static Option verbose(int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + verbose);
        }
        return s -> s.verbose = verbose;
    }
}
