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

    /**
     * Replaces the generator with a new one started from {@code seed}, as {@code Utils.setRandomSeed(seed)} asks
     * (Keras's {@code keras.utils.set_random_seed}).
     *
     * @param seed the starting value of {@link java.util.Random}; the same seed gives the same sequence
     */
    public static synchronized void seed(long seed) {
        random = new Random(seed);
    }

    /**
     * The shared generator; callers draw from it in program order, which keeps runs reproducible. Until
     * {@link #seed} is called it starts from a different seed on every run, as {@code new Random()} does.
     *
     * @return the current generator; after a later {@link #seed} call it is no longer the one in use
     */
    public static synchronized Random generator() {
        return random;
    }
}
