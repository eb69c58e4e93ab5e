package io.github.convbook.backend;

import java.util.Random;

/**
 * The one random generator behind weight initialisation, shuffling, dropout and random tensors.
 * Seeding it once ({@code Utils.setRandomSeed(42)}) makes a whole notebook print the same numbers every run.
 */
public final class RandomState {
    private static Random random = new Random();

    private RandomState() {
    }

    public static synchronized void seed(long seed) {
        random = new Random(seed);
    }

    /** The shared generator; callers draw from it in program order, which keeps runs reproducible. */
    public static synchronized Random generator() {
        return random;
    }
}
