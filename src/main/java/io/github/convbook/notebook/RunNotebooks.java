package io.github.convbook.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command line: executes notebooks headless, or checks that their committed outputs are fresh.
 * <pre>
 * java -cp 'kernel-lib/*' io.github.convbook.notebook.RunNotebooks [options] [notebook.ipynb | folder]...
 *   (no paths)                  notebooks/
 *   --check                     run in memory, compare committed text outputs, write nothing
 *   --no-write                  run in memory and report errors only (CI's quick-mode pass), write nothing
 *   --html                      also write NAME.html beside each executed notebook
 *   --timeout-per-cell SECONDS  stop a cell running longer (default 600)
 * exit 0: all ran (and, with --check, all outputs fresh)
 * exit 1: a notebook failed: a cell error, a stale output, a dialect problem or an unreadable notebook
 * exit 2: the command line is wrong (unknown option, missing path)
 * </pre>
 */
public final class RunNotebooks {
    static final int OK = 0;
    static final int NOTEBOOK_FAILED = 1;
    static final int USAGE = 2;

    private final boolean check;
    private final boolean write;
    private final boolean html;
    private final Duration timeoutPerCell;
    private final PrintStream console;

    RunNotebooks(boolean check, boolean write, boolean html, Duration timeoutPerCell, PrintStream console) {
        this.check = check;
        this.write = write && !check;
        this.html = html;
        this.timeoutPerCell = timeoutPerCell;
        this.console = console;
    }

    /**
     * Runs the chapters and exits with {@link #run}'s status.
     *
     * @param args options and notebooks or folders, as the class comment lists them
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Everything main does except exiting, so tests can call it.
     *
     * @param args as {@link #main}
     * @param console where progress and results are printed
     * @return the exit status: 0 when every notebook ran (and, with {@code --check}, was fresh), 1 when one failed,
     *         2 for a wrong command line
     */
    public static int run(String[] args, PrintStream console) {
        List<String> options = new ArrayList<>();   // passed on to the JVM of each notebook
        boolean check = false;
        boolean write = true;
        boolean html = false;
        Duration timeout = Duration.ofSeconds(600);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--check" -> {
                    check = true;
                    options.add(args[i]);
                }
                case "--no-write" -> {
                    write = false;
                    options.add(args[i]);
                }
                case "--html" -> {
                    html = true;
                    options.add(args[i]);
                }
                case "--timeout-per-cell" -> {
                    if (i + 1 >= args.length || !args[i + 1].matches("\\d+")) {
                        console.println("error: --timeout-per-cell expects a whole number of seconds, got "
                                + (i + 1 < args.length ? "\"" + args[i + 1] + "\"" : "nothing"));
                        return USAGE;
                    }
                    timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
                    options.add("--timeout-per-cell");
                    options.add(args[i]);
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        console.println("error: unknown option " + args[i]
                                + "; expected --check, --no-write, --html or --timeout-per-cell SECONDS");
                        return USAGE;
                    }
                    paths.add(Path.of(args[i]));
                }
            }
        }
        if (paths.isEmpty()) {
            paths.add(Path.of("notebooks"));
        }
        List<Path> notebooks;
        try {
            notebooks = findNotebooks(paths);
        } catch (IllegalArgumentException e) {
            console.println("error: " + e.getMessage());
            return USAGE;
        }
        if (notebooks.size() > 1) {
            return runEachInItsOwnJvm(notebooks, options, console, check);
        }
        return new RunNotebooks(check, write, html, timeout, console).runAll(notebooks);
    }

    /** Several notebooks: one JVM each, as each would have its own kernel in Jupyter (see {@link KernelProcess}). */
    private static int runEachInItsOwnJvm(List<Path> notebooks, List<String> options, PrintStream console,
                                          boolean check) {
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Path notebook : notebooks) {
            if (KernelProcess.run(notebook, options, console) != OK) {
                failed.add(notebook.getFileName().toString());
            }
        }
        console.printf("%s %d notebook(s), each in its own JVM, in %.1f s: %d ok, %d failed%s%n",
                check ? "checked" : "ran", notebooks.size(), (System.nanoTime() - start) / 1e9,
                notebooks.size() - failed.size(), failed.size(), failed.isEmpty() ? "" : " " + failed);
        return failed.isEmpty() ? OK : NOTEBOOK_FAILED;
    }

    /** Notebooks named directly, and the .ipynb files of named folders (not recursive), in name order. */
    static List<Path> findNotebooks(List<Path> paths) {
        List<Path> notebooks = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                notebooks.add(path);
            } else {
                throw new IllegalArgumentException("expected a notebook (.ipynb) or a folder of notebooks, but "
                        + path.toAbsolutePath() + " does not exist");
            }
        }
        return notebooks;
    }

    private int runAll(List<Path> notebooks) {
        long start = System.nanoTime();
        int cells = 0;
        List<String> failures = new ArrayList<>();
        for (Path path : notebooks) {
            try {
                Outcome outcome = runOne(path);
                cells += outcome.cells;
                if (outcome.failure != null) {
                    failures.add(outcome.failure);
                }
            } catch (IllegalArgumentException | UncheckedIOException e) {
                console.println(e.getMessage());
                failures.add(path.getFileName() + ": " + e.getMessage());
            }
        }
        console.printf("%s %d notebook(s), %d cell(s) in %.1f s: %d ok, %d failed%n",
                check ? "checked" : "ran", notebooks.size(), cells, (System.nanoTime() - start) / 1e9,
                notebooks.size() - failures.size(), failures.size());
        failures.forEach(f -> console.println("  FAILED " + f));
        return failures.isEmpty() ? OK : NOTEBOOK_FAILED;
    }

    private record Outcome(int cells, String failure) {
    }

    private Outcome runOne(Path path) {
        Notebook committed = NotebookFile.read(path);
        List<String> problems = DialectLint.problems(committed);
        if (!problems.isEmpty()) {
            problems.forEach(console::println);
            return new Outcome(0, committed.name() + ": uses magics outside the IJava 1.3 dialect");
        }
        Notebook fresh = write ? committed : committed.copy();
        NotebookExecutor.Result result = new NotebookExecutor(timeoutPerCell, timing -> console.println(timing))
                .execute(fresh);
        String failure = null;
        if (result.failed()) {
            failure = committed.name() + ": cell " + result.errorCell() + " " + result.error().ename() + ": "
                    + result.error().evalue();
            result.error().traceback().forEach(line -> console.println("    " + line));
        }
        if (check) {
            String diff = FreshnessCheck.diff(committed, fresh);
            if (!diff.isEmpty()) {
                console.print(diff);
                failure = failure != null
                        ? failure
                        : committed.name() + ": committed outputs differ from a fresh run (diff above)";
            }
        } else if (write) {
            NotebookFile.write(fresh, path);
            if (html) {
                String name = path.getFileName().toString().replaceFirst("\\.ipynb$", "") + ".html";
                NotebookFile.writeAtomically(path.resolveSibling(name), HtmlExport.toHtml(fresh));
            }
        }
        return new Outcome(result.timings().size(), failure);
    }
}
