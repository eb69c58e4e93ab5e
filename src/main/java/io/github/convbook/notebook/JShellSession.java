package io.github.convbook.notebook;

import io.github.convbook.display.Kernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * One JShell, run in this JVM (local execution, as IJava does), so library classes and the
 * executor share static state such as the attached {@link HeadlessKernel}.
 */
final class JShellSession implements AutoCloseable {
    /** IJava 1.3's ijava-jshell-init imports; its display functions come from {@link NotebookFunctions}. */
    private static final String STARTUP = """
            import java.util.*;
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import static io.github.convbook.notebook.NotebookFunctions.*;
            """;

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "notebook-cell-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    JShellSession(Duration timeout) throws CellError.Failure {
        this.timeout = timeout;
        this.shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build();
        this.analysis = shell.sourceCodeAnalysis();
        // The compiler must see the executor's own class path (this library, ND4J...), as IJava's does.
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        run(STARTUP, false);
    }

    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /**
     * Runs code snippet by snippet (split as IJava splits it) and returns what the cell shows as
     * its result: the rendered value of the last snippet when it is an expression, else null.
     */
    DisplayData run(String code, boolean wantResult) throws CellError.Failure {
        SnippetEvent last = null;
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            last = evalSnippet(info.source());
            info = analysis.analyzeCompletion(info.remaining());
        }
        if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
            throw new CellError.Failure(CellError.incomplete(info.remaining()));
        }
        return wantResult && last != null ? resultOf(last) : null;
    }

    /** Like IJava: variable references and expressions give a result; declarations and statements do not. */
    private DisplayData resultOf(SnippetEvent event) throws CellError.Failure {
        Snippet snippet = event.snippet();
        String name = switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND -> ((VarSnippet) snippet).name();
            case VAR_VALUE_SUBKIND -> ((ExpressionSnippet) snippet).name();
            case OTHER_EXPRESSION_SUBKIND -> null;
            default -> "";
        };
        if ("".equals(name)) {
            return null;
        }
        if (name == null) { // an unnamed value: only its text is known
            return event.value() == null ? null : new DisplayData(event.value());
        }
        evalSnippet(LastValue.class.getName() + ".keep(" + name + ");");
        Object value = LastValue.take();
        if (value == null) {
            return null;
        }
        return value instanceof DisplayData data ? data : Kernel.render(value);
    }

    private SnippetEvent evalSnippet(String source) throws CellError.Failure {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            timedOut.set(true);
            shell.stop();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<SnippetEvent> events;
        try {
            events = shell.eval(source);
        } finally {
            alarm.cancel(false);
        }
        if (timedOut.get()) {
            throw new CellError.Failure(CellError.timeout(source, timeout.toSeconds()));
        }
        SnippetEvent fresh = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet updated as a side effect, not the one we ran
            }
            fresh = event;
            if (event.exception() != null) {
                throw new CellError.Failure(CellError.runtime(event.exception()));
            }
            if (!event.status().isDefined()) {
                throw new CellError.Failure(CellError.compilation(shell, event.snippet()));
            }
        }
        return fresh;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        shell.close();
    }
}
