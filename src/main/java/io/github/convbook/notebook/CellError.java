package io.github.convbook.notebook;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * An error output as IJava reports it: ename is the simple name of IJava's exception
 * (EvalException for an exception thrown by the cell, CompilationException for code that does not
 * compile), evalue its message. The traceback is IJava's text without the ANSI colours, so that
 * saved notebooks and diffs stay readable.
 */
record CellError(String ename, String evalue, List<String> traceback) {
    /** IJava starts a runtime traceback with this rule (BaseKernel.formatError). */
    static final String RULE = "---------------------------------------------------------------------------";
    private static final String MARGIN = "|   ";

    /** Thrown to stop the cell; carries the error output. */
    static final class Failure extends Exception {
        final CellError error;

        Failure(CellError error) {
            super(error.ename() + ": " + error.evalue());
            this.error = error;
        }
    }

    static CellError compilation(JShell shell, Snippet snippet) {
        List<String> lines = new ArrayList<>();
        StringBuilder messages = new StringBuilder();
        shell.diagnostics(snippet).forEach(d -> {
            lines.addAll(highlight(snippet.source(), d));
            for (String line : d.getMessage(Locale.ROOT).split("\n")) {
                if (!line.strip().startsWith("location:")) {
                    lines.add(line);
                    messages.append(messages.length() == 0 ? "" : "; ").append(line.strip());
                }
            }
            lines.add("");
        });
        if (snippet instanceof jdk.jshell.DeclarationSnippet declaration) {
            List<String> unresolved = shell.unresolvedDependencies(declaration).toList();
            if (!unresolved.isEmpty()) {
                snippet.source().lines().forEach(l -> lines.add(MARGIN + l));
                lines.add("Unresolved dependencies:");
                unresolved.forEach(dep -> lines.add("   - " + dep));
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        // IJava's CompilationException has no message; we give the compiler's, which is more useful in CI logs.
        return new CellError("CompilationException", messages.toString(), lines);
    }

    static CellError runtime(JShellException e) {
        if (e instanceof UnresolvedReferenceException unresolved) {
            return new CellError("UnresolvedReferenceException", String.valueOf(e.getMessage()),
                    List.of(MARGIN + unresolved.getSnippet().source().strip(),
                            "Unresolved dependencies in this declaration"));
        }
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        if (e instanceof EvalException eval) {
            text = text.replace(EvalException.class.getName(), eval.getExceptionClassName()); // as IJava does
        }
        text.lines().filter(line -> !isExecutorFrame(line)).forEach(lines::add);
        String message = e.getMessage();
        return new CellError(e.getClass().getSimpleName(), message == null ? "" : message, lines);
    }

    static CellError timeout(String source, long seconds) {
        List<String> lines = new ArrayList<>();
        source.strip().lines().forEach(l -> lines.add(MARGIN + l));
        lines.add("Evaluation timed out after " + seconds + " seconds.");
        return new CellError("EvaluationTimeoutException", "Evaluation timed out after " + seconds + " seconds.",
                lines);
    }

    static CellError incomplete(String remaining) {
        List<String> lines = new ArrayList<>();
        lines.add("Incomplete input:");
        remaining.strip().lines().forEach(l -> lines.add(MARGIN + l));
        return new CellError("IncompleteSourceException", remaining.strip(), lines);
    }

    static CellError of(String ename, String evalue) {
        return new CellError(ename, evalue, List.of(ename + ": " + evalue));
    }

    /** Frames of JShell's and reflection's machinery differ between kernels and JDKs; the user's frames stay. */
    private static boolean isExecutorFrame(String line) {
        String frame = line.strip();
        return frame.startsWith("at ") && (frame.contains("jdk.jshell/") || frame.contains("jdk.internal.reflect")
                || frame.contains("java.lang.reflect.Method.invoke") || frame.contains("java.lang.Thread.run"));
    }

    /** The snippet's lines in a margin, with carets under the part the compiler complains about. */
    private static List<String> highlight(String source, Diag d) {
        List<String> lines = new ArrayList<>();
        long start = d.getStartPosition();
        long end = Math.max(d.getEndPosition(), start + 1);
        int offset = 0;
        for (String line : source.split("\n", -1)) {
            if (offset > source.length()) {
                break;
            }
            lines.add(MARGIN + line);
            int lineEnd = offset + line.length();
            if (start >= 0 && start <= lineEnd && end > offset) {
                int from = (int) Math.max(start, offset) - offset;
                int to = (int) Math.min(end, lineEnd) - offset;
                if (to > from) {
                    lines.add(MARGIN + " ".repeat(from) + "^".repeat(to - from));
                }
            }
            offset = lineEnd + 1;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).equals(MARGIN)) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
