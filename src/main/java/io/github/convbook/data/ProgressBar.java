package io.github.convbook.data;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line text progress bar, redrawn in place with a carriage return:
 * {@code mnist.npz [==========>         ]  52%   5.9 / 11.5 MB}.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final double MB = 1024 * 1024;

    private final String label;
    private final long total;      // -1 when the server did not say
    private final PrintStream out;
    private long lastShown = -1;   // the percent (or, with no total, the MB) last drawn: redraw only on change

    ProgressBar(String label, long total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    void update(long done) {
        long step = total > 0 ? done * 100 / total : (long) (done / MB);
        if (step == lastShown) {
            return;
        }
        lastShown = step;
        if (total > 0) {
            int filled = (int) (WIDTH * done / total);
            String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
            out.printf(Locale.ROOT, "\r%s [%s] %3d%%  %s / %s", label, bar, step, size(done), size(total));
        } else {
            out.printf(Locale.ROOT, "\r%s %s", label, size(done));
        }
        out.flush();
    }

    private static String size(long bytes) {
        return bytes < MB ? String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }

    /** Ends the line, so what is printed next starts on its own line. */
    void finish() {
        out.println();
        out.flush();
    }
}
