package io.github.convbook.bench;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a reader needs to weigh a speed figure: the CPU ({@code /proc/cpuinfo}'s model name and its vector
 * extensions), the core count, the date, and the process environment the native libraries read when they load
 * (read and changed through libc, since {@link System#getenv} only shows the environment the JVM started with).
 */
final class Machine {
    private Machine() {
    }

    /** {@code /proc/cpuinfo}'s first model name, or the JVM's architecture where there is none. */
    static String cpuModel() {
        return cpuinfo("model name").orElse(System.getProperty("os.arch"));
    }

    /** True when the CPU has the extension, from {@code /proc/cpuinfo}'s flags (e.g. {@code avx512f}, {@code fma}). */
    static boolean hasFlag(String flag) {
        return cpuinfo("flags").map(flags -> List.of(flags.split("\\s+")).contains(flag)).orElse(false);
    }

    /** Cores the JVM may use. */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Now, to the minute, in UTC: {@code 2026-11-30 15:40 UTC}. */
    static String date() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }

    /** e.g. {@code AMD EPYC, 2 cores, avx2 yes, fma yes, avx512f yes}. */
    static String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s, %d cores", cpuModel(), cores()));
        for (String flag : List.of("avx2", "fma", "avx512f")) {
            text.append(", ").append(flag).append(hasFlag(flag) ? " yes" : " no");
        }
        return text.toString();
    }

    /**
     * A variable of this process's environment as the native libraries see it now.
     *
     * @return its value, or null when it is not set (or libc cannot be reached)
     */
    static String getenv(String name) {
        try {
            return libc("getenv").invokeString(new Object[] {name}, false);
        } catch (LinkageError | RuntimeException e) {
            return System.getenv(name);
        }
    }

    /** Removes a variable from this process's environment, so a native library loaded later sees it unset. */
    static void unsetenv(String name) {
        try {
            libc("unsetenv").invokeInt(new Object[] {name});
        } catch (LinkageError | RuntimeException e) {
            // not on Linux/glibc: nothing was set by us either
        }
    }

    private static Function libc(String function) {
        return NativeLibrary.getInstance("c").getFunction(function);
    }

    private static Optional<String> cpuinfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Optional.empty();
    }
}
