package io.github.convbook;

import java.util.function.Supplier;

/**
 * Thrown when the thread running a ConvBook call was interrupted (Jupyter's "Interrupt the kernel", which IJava
 * turns into {@link Thread#interrupt()} on the cell's thread) and the call stopped at a safe point.
 *
 * <p>IJava ends the cell as soon as it sets the interrupt flag, but the Java code keeps running unless it looks at
 * the flag: training would go on in the background, print into later cells and race a second {@code fit} on the
 * same model. So every loop that can run for seconds checks the flag once per step with {@link #checkpoint} and
 * stops there. The flag is left set, as the JDK's own blocking calls would leave it for the caller to see.
 */
public class CellInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An interruption reported with a message saying what stopped and where; {@link #checkpoint} builds it.
     *
     * @param message what was running and how far it got, e.g. {@code "Model.fit: interrupted at batch 12/1875"}
     */
    public CellInterruptedException(String message) {
        super(message);
    }

    /**
     * Whether the current thread has been asked to stop, as {@link Thread#isInterrupted()}; the flag is read, never
     * cleared (unlike {@link Thread#interrupted()}).
     *
     * @return true when the current thread's interrupt flag is set
     */
    public static boolean requested() {
        return Thread.currentThread().isInterrupted();
    }

    /**
     * Stops the current call when its thread was interrupted, with a message saying where.
     *
     * @param where what was running and how far it got, e.g. {@code "Images.rotate: interrupted at image 311/60000"};
     *              only called when the flag is set, so building the message costs nothing on the normal path
     * @throws CellInterruptedException when the current thread's interrupt flag is set (the flag stays set)
     */
    public static void checkpoint(Supplier<String> where) {
        if (requested()) {
            throw new CellInterruptedException(where.get());
        }
    }
}
