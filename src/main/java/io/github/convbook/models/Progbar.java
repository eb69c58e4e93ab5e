package io.github.convbook.models;

import io.github.convbook.display.Kernel;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keras's progress line:
 * {@code 938/938 [==============================] - 12s 13ms/step - loss: 0.1564 - accuracy: 0.9518}.
 * In a notebook it updates in place (one display per epoch); on a terminal it redraws with {@code \r}; elsewhere
 * (logs, tests) it prints only the finished line. verbose 2 prints one short line per epoch.
 */
final class Progbar {
    private static final int WIDTH = 30;
    private static final long REFRESH_NANOS = 200_000_000L;   // redraw at most five times a second

    private final int target;
    private final int verbose;
    private final boolean notebook = Kernel.isInteractive();
    private final boolean terminal = System.console() != null;
    /** In a notebook: the finished epochs' lines, shown above the current one in the same output. */
    private final StringBuilder finished = new StringBuilder();
    private long start = System.nanoTime();
    private String header = "";
    private long lastDrawn;
    private String displayId;

    /** A progress bar for one {@code fit}: {@code target} steps per epoch; its epochs share one notebook output. */
    Progbar(int target, int verbose) {
        this.target = target;
        this.verbose = verbose;
    }

    /**
     * Starts an epoch under its header ({@code Epoch 2/5}). In a notebook the header and the bar go into the
     * output the earlier epochs already use, so the whole log is one block of text as Keras's is in Jupyter (one
     * output per line would be drawn with gaps between them); elsewhere the header is printed on its own line.
     */
    void startEpoch(String epochHeader) {
        start = System.nanoTime();
        lastDrawn = 0;
        header = epochHeader;
        if (verbose == 0) {
            return;
        }
        if (notebook) {
            show("", false);
        } else {
            System.out.println(epochHeader);
        }
    }

    /**
     * Shows progress after {@code current} of {@code target} steps, with the running values (asked for only when
     * drawn).
     */
    void update(int current, Supplier<Map<String, Double>> values) {
        if (verbose != 1 || current >= target) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawn < REFRESH_NANOS) {
            return;
        }
        lastDrawn = now;
        double perStep = (now - start) / 1e9 / current;
        String line = counter(current) + " [" + bar(current) + "] - ETA: " + eta(perStep * (target - current))
                + values(values.get());
        show(line, false);
    }

    /** The finished line for the epoch, with validation values added. */
    void finish(Map<String, Double> values) {
        if (verbose == 0) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String perStep = perStep(seconds / Math.max(1, target));
        String line = verbose == 1
                ? counter(target) + " [" + bar(target) + "] - " + Math.round(seconds) + "s " + perStep + values(values)
                : counter(target) + " - " + Math.round(seconds) + "s" + values(values) + " - " + Math.round(seconds)
                        + "s/epoch - " + perStep;
        show(line, true);
    }

    /**
     * Replaces the progress line with where the run stopped ({@code Epoch 2/5: interrupted at batch 311/938}). In a
     * notebook this updates the display the interrupted cell already shows, so nothing lands in a later cell.
     */
    void interrupted(String where) {
        if (verbose == 0) {
            return;
        }
        header = "";   // the message names the epoch itself
        show(where, true);
    }

    private void show(String line, boolean last) {
        if (notebook) {
            String text = finished + (header.isEmpty() ? "" : header + (line.isEmpty() ? "" : "\n")) + line;
            if (displayId == null) {
                displayId = Kernel.display(text);
            } else {
                Kernel.updateDisplay(displayId, text);
            }
            if (last) {
                finished.append(text.substring(finished.length())).append('\n');
            }
        } else if (terminal) {
            System.out.print("\r" + line + (last ? "\n" : ""));
            System.out.flush();
        } else if (last) {
            System.out.println(line);
        }
    }

    private String counter(int current) {
        String total = Integer.toString(target);
        return " ".repeat(total.length() - Integer.toString(current).length()) + current + "/" + total;
    }

    /** {@code [=====>........]} as Keras draws it. */
    static String bar(int current, int target) {
        int done = (int) (WIDTH * (double) current / target);
        StringBuilder bar = new StringBuilder();
        if (done > 0) {
            bar.append("=".repeat(done - 1)).append(current < target ? '>' : '=');
        }
        return bar.append(".".repeat(WIDTH - done)).toString();
    }

    private String bar(int current) {
        return bar(current, target);
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        if (s > 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        }
        return s > 60 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60) : s + "s";
    }

    private static String perStep(double seconds) {
        if (seconds >= 1) {
            return Math.round(seconds) + "s/step";
        }
        return seconds >= 1e-3 ? Math.round(seconds * 1e3) + "ms/step" : Math.round(seconds * 1e6) + "us/step";
    }

    /** {@code - loss: 0.1564 - accuracy: 0.9518}; tiny values in scientific notation, as Keras prints them. */
    static String values(Map<String, Double> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((name, v) -> text.append(" - ").append(name).append(": ")
                .append(Math.abs(v) > 1e-3
                        ? String.format(Locale.ROOT, "%.4f", v)
                        : String.format(Locale.ROOT, "%.4e", v)));
        return text.toString();
    }
}
