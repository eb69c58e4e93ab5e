package io.github.convbook.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A second process that keeps one core busy, for {@code --contention}: a shell loop of arithmetic, as a learner's
 * laptop has a browser or a build running beside the notebook. {@link #close} ends it (also from a shutdown hook,
 * when the benchmark fails or is interrupted); and the loop checks every ~0.1 s that its parent, this JVM, is still
 * alive, so it ends by itself even when the JVM is killed outright.
 */
final class BusyCore implements AutoCloseable {
    private static final String LOOP = "while kill -0 $PPID 2>/dev/null; do i=0; "
            + "while [ $i -lt 20000 ]; do i=$((i+1)); done; done";

    private final Process process;
    private final Thread hook;

    private BusyCore(Process process) {
        this.process = process;
        this.hook = new Thread(this::stop, "stop-busy-core");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts the loop and gives it a moment to be running. */
    static BusyCore start() {
        try {
            Process process = new ProcessBuilder("sh", "-c", LOOP).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            BusyCore busy = new BusyCore(process);
            Thread.sleep(500);
            if (!process.isAlive()) {
                busy.close();
                throw new IllegalStateException("the busy-loop process ended at once, exit code "
                        + process.exitValue());
            }
            return busy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the busy-loop process (sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the busy-loop process", e);
        }
    }

    /** The process id, to show in the log. */
    long pid() {
        return process.pid();
    }

    /** Ends the loop and waits until it is gone. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs stop() again, which is harmless
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
