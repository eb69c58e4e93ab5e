package io.github.convbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was while something was measured: the CPU time every process used (the {@code cpu} line of
 * {@code /proc/stat}: user, nice, system, irq and softirq jiffies) minus this process's own ({@code utime + stime}
 * in {@code /proc/self/stat}, all its threads), divided by the elapsed time, gives the cores other processes used.
 * Time the hypervisor gave to other guests ({@code steal}) is kept apart. Take a {@link #now()} before and after a
 * measurement and ask the later one {@link #since}. Off Linux every figure is NaN.
 */
final class CpuLoad {
    private static final double TICKS_PER_SECOND = clockTicks();

    private final long nanos;
    private final long busy;
    private final long steal;
    private final long self;

    private CpuLoad(long nanos, long busy, long steal, long self) {
        this.nanos = nanos;
        this.busy = busy;
        this.steal = steal;
        this.self = self;
    }

    /** Cores used on average between two samples: by other processes, stolen by the hypervisor, by this one. */
    record Usage(double others, double steal, double self) {
        /** e.g. {@code others 0.02 cores} and, when the hypervisor took time, {@code , steal 0.31}. */
        @Override
        public String toString() {
            if (Double.isNaN(others)) {
                return "others n/a (no /proc)";
            }
            String text = String.format(Locale.ROOT, "others %.2f cores", others);
            return steal >= 0.05 ? text + String.format(Locale.ROOT, ", steal %.2f", steal) : text;
        }

        /** The table's cell: other processes' cores, with the steal when there is some. */
        String cell() {
            if (Double.isNaN(others)) {
                return "n/a";
            }
            String text = String.format(Locale.ROOT, "%.2f", others);
            return steal >= 0.05 ? text + String.format(Locale.ROOT, " (+%.2f steal)", steal) : text;
        }
    }

    /** A sample of the counters now. */
    static CpuLoad now() {
        long time = System.nanoTime();
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0).trim()
                    .split("\\s+");
            // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
            long busy = field(cpu, 1) + field(cpu, 2) + field(cpu, 3) + field(cpu, 6) + field(cpu, 7);
            long steal = field(cpu, 8);
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // after "pid (comm) " come fields 3 (state) onward; utime and stime are fields 14 and 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long self = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return new CpuLoad(time, busy, steal, self);
        } catch (IOException | RuntimeException e) {
            return new CpuLoad(time, -1, -1, -1);
        }
    }

    /**
     * The average use from {@code start} to this sample.
     *
     * @param start an earlier sample
     * @return cores used by other processes, stolen, and used by this process; NaN without /proc
     */
    Usage since(CpuLoad start) {
        double seconds = (nanos - start.nanos) / 1e9;
        if (busy < 0 || start.busy < 0 || seconds <= 0) {
            return new Usage(Double.NaN, Double.NaN, Double.NaN);
        }
        double own = (self - start.self) / TICKS_PER_SECOND / seconds;
        double all = (busy - start.busy) / TICKS_PER_SECOND / seconds;
        double stolen = (steal - start.steal) / TICKS_PER_SECOND / seconds;
        return new Usage(Math.max(0, all - own), stolen, own);
    }

    private static long field(String[] fields, int index) {
        return index < fields.length ? Long.parseLong(fields[index]) : 0;
    }

    /** USER_HZ, the unit of /proc's times: {@code getconf CLK_TCK}, 100 on every usual Linux. */
    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor() == 0) {
                return Double.parseDouble(out);
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
