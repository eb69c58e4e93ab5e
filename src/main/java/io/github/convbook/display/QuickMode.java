package io.github.convbook.display;

/**
 * Lets CI run every chapter quickly: the environment variables CONVBOOK_MAX_EPOCHS and
 * CONVBOOK_MAX_SAMPLES cap what a chapter trains on. Unset (a learner's run), the full values pass
 * through. A chapter writes {@code model.fit(x, y, QuickMode.epochs(5))} and may print
 * {@code QuickMode.note("epoch", 5)} so readers know the recommended full run.
 */
public final class QuickMode {
    /** The environment variable capping the epochs. */
    public static final String MAX_EPOCHS = "CONVBOOK_MAX_EPOCHS";
    /** The environment variable capping the samples. */
    public static final String MAX_SAMPLES = "CONVBOOK_MAX_SAMPLES";

    private QuickMode() {
    }

    /**
     * The number of epochs to train.
     *
     * @param full the epochs of a full run
     * @return full, or the cap if one is set and smaller
     * @throws IllegalStateException if the cap is set but not a positive whole number
     */
    public static int epochs(int full) {
        return capped(full, System.getenv(MAX_EPOCHS));
    }

    /**
     * The number of samples to use.
     *
     * @param full the samples of a full run
     * @return full, or the cap if one is set and smaller
     * @throws IllegalStateException if the cap is set but not a positive whole number
     */
    public static int samples(int full) {
        return capped(full, System.getenv(MAX_SAMPLES));
    }

    /**
     * Whether a cap is set.
     *
     * @return true when any cap is set
     * @throws IllegalStateException if a cap is set but not a positive whole number
     */
    public static boolean isOn() {
        return epochs(Integer.MAX_VALUE) != Integer.MAX_VALUE || samples(Integer.MAX_VALUE) != Integer.MAX_VALUE;
    }

    /**
     * A line for readers, e.g. {@code note("epoch", 5)} gives "quick mode: 1 epoch (full run: 5)"
     * under CONVBOOK_MAX_EPOCHS=1 and "5 epochs" without a cap. The unit says which cap applies:
     * "epoch"/"epochs" or "sample"/"samples".
     *
     * @param unit "epoch", "epochs", "sample" or "samples"
     * @param full the value of a full run
     * @return the line to print
     * @throws IllegalArgumentException if the unit is none of those
     * @throws IllegalStateException if the cap is set but not a positive whole number
     */
    public static String note(String unit, int full) {
        if (unit.startsWith("sample")) {
            return note(unit, full, samples(full));
        }
        if (unit.startsWith("epoch")) {
            return note(unit, full, epochs(full));
        }
        throw new IllegalArgumentException("QuickMode.note: unit must be \"epoch(s)\" or \"sample(s)\""
                + " (it picks the cap), got \"" + unit + "\"");
    }

    static String note(String unit, int full, int used) {
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        if (used == full) {
            return full + " " + plural(singular, full);
        }
        return "quick mode: " + used + " " + plural(singular, used) + " (full run: " + full + ")";
    }

    private static String plural(String singular, int count) {
        return count == 1 ? singular : singular + "s";
    }

    /** full, limited by the cap text from the environment; a bad cap fails loudly rather than training fully. */
    static int capped(int full, String capValue) {
        if (capValue == null || capValue.isBlank()) {
            return full;
        }
        try {
            int cap = Integer.parseInt(capValue.trim());
            if (cap < 1) {
                throw new NumberFormatException("must be at least 1");
            }
            return Math.min(full, cap);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(MAX_EPOCHS + " and " + MAX_SAMPLES
                    + " must be positive whole numbers, got \"" + capValue + "\"");
        }
    }
}
