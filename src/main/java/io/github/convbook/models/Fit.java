package io.github.convbook.models;

import io.github.convbook.tensor.Tensor;

/**
 * The keyword arguments of Keras's {@code fit} and {@code evaluate}, as small options:
 * {@code model.fit(x, y, epochs(5), batchSize(64), validationSplit(0.2))} with {@code import static ...Fit.*}.
 * Defaults are Keras's: 1 epoch, batch size 32, shuffle each epoch, no validation, verbose 1. An option is checked
 * when it is made, so {@code epochs(0)} fails at once; when an option is given twice, the last one counts.
 */
public final class Fit {
    /** One setting, made by the factory methods of {@link Fit}. */
    @FunctionalInterface
    public interface Option {
        /**
         * Sets this option's value in the settings of one {@code fit} or {@code evaluate} call; the model calls it.
         *
         * @param settings the call's settings, starting from Keras's defaults
         */
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

    /**
     * Keras's {@code epochs}: how many times {@code fit} goes through the training data. Default 1.
     *
     * @param epochs the number of epochs, at least 1
     * @return the option, for {@code model.fit(x, y, epochs(5))}
     * @throws IllegalArgumentException when {@code epochs} is less than 1
     */
    public static Option epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        return s -> s.epochs = epochs;
    }

    /**
     * Keras's {@code batch_size}: the number of samples per gradient step in {@code fit}, and per forward pass in
     * {@code evaluate}. Default 32; the last batch of an epoch holds what is left.
     *
     * @param batchSize the number of samples per batch, at least 1
     * @return the option, for {@code model.fit(x, y, batchSize(64))}
     * @throws IllegalArgumentException when {@code batchSize} is less than 1
     */
    public static Option batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        return s -> s.batchSize = batchSize;
    }

    /**
     * Keras's {@code shuffle}: whether the training samples are shuffled before each epoch (Keras's default: true),
     * in an order that {@code Utils.setRandomSeed} makes repeatable. Ignored by {@code evaluate}.
     *
     * @param shuffle false to take the samples in order
     * @return the option, for {@code model.fit(x, y, shuffle(false))}
     */
    public static Option shuffle(boolean shuffle) {
        return s -> s.shuffle = shuffle;
    }

    /**
     * Keras's {@code validation_split}: keeps the LAST fraction of the data (taken before shuffling) for validation,
     * as Keras does; {@code fit} trains on the rest and reports {@code val_loss}, {@code val_accuracy}, ... after
     * each epoch. Default 0.0 (no validation). Ignored when {@link #validationData} is given too (Keras:
     * "validation_data will override validation_split"), and by {@code evaluate}.
     *
     * @param fraction the share of samples kept aside, from 0 (inclusive) to 1 (exclusive), e.g. 0.2
     * @return the option, for {@code model.fit(x, y, validationSplit(0.2))}
     * @throws IllegalArgumentException when {@code fraction} is not in [0, 1) (NaN included)
     */
    public static Option validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + fraction);
        }
        return s -> s.validationSplit = fraction;
    }

    /**
     * Keras's {@code validation_data=(x, y)}: data to evaluate on after each epoch, reported as {@code val_loss},
     * {@code val_accuracy}, ... Default none. It overrides a {@link #validationSplit} given too (all of {@code x}
     * then trains), as in Keras. Ignored by {@code evaluate}.
     *
     * @param x validation inputs {@code (M, ...)} matching the model's input shape, as {@code fit}'s {@code x}
     * @param y validation targets with {@code M} rows, as {@code fit}'s {@code y}; both are checked when {@code fit}
     *     starts
     * @return the option, for {@code model.fit(x, y, validationData(xTest, yTest))}
     * @throws IllegalArgumentException when either is null or symbolic
     */
    public static Option validationData(Tensor x, Tensor y) {
        if (x == null || y == null || x.isSymbolic() || y.isSymbolic()) {
            throw new IllegalArgumentException("validationData expects validation inputs and targets with values,"
                    + " got x " + x + " and y " + y);
        }
        return s -> {
            s.validationX = x;
            s.validationY = y;
        };
    }

    /**
     * Keras's {@code verbose}: how much {@code fit} and {@code evaluate} print. Default 1.
     *
     * @param verbose 0: silent, 1: a progress bar, 2: one line per epoch
     * @return the option, for {@code model.fit(x, y, verbose(2))}
     * @throws IllegalArgumentException when {@code verbose} is not 0, 1 or 2
     */
    public static Option verbose(int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + verbose);
        }
        return s -> s.verbose = verbose;
    }
}
