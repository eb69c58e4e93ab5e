package io.github.convbook.notebook;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs one notebook in a JVM of its own, as Jupyter gives each notebook its own kernel: a chapter then starts from
 * a clean library state (layer names count from {@code conv2d} again, no arrays left from the chapter before) and its
 * working directory is its own folder, exactly as in IJava.
 */
final class KernelProcess {
    private KernelProcess() {
    }

    /**
     * Runs {@code RunNotebooks options notebook} in a child JVM; its lines go to {@code console}; returns its exit
     * code.
     */
    static int run(Path notebook, List<String> options, PrintStream console) {
        List<String> command = command(notebook, options);
        try {
            Process process = new ProcessBuilder(command).directory(notebook.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(console::println);
            }
            return process.waitFor();
        } catch (IOException e) {
            console.println("could not start a JVM for " + notebook + ": " + e.getMessage());
            return RunNotebooks.NOTEBOOK_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunNotebooks.NOTEBOOK_FAILED;
        }
    }

    /** This JVM's java binary, JVM options and class path (made absolute: the child works in another folder). */
    static List<String> command(Path notebook, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(RunNotebooks.class.getName());
        command.addAll(options);
        command.add(notebook.toAbsolutePath().normalize().toString());
        return command;
    }
}
