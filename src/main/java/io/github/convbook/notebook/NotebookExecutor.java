package io.github.convbook.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every code cell of a notebook top to bottom in one JShell session and stores the outputs
 * in the notebook, as nbconvert --execute would with IJava: streams, results, displays, errors.
 * Execution stops at the first error. Not thread-safe: System.out/err are redirected while it runs.
 */
final class NotebookExecutor {
    /** How long one cell ran; reported as it finishes. */
    public record CellTiming(String notebook, int cell, int cells, double seconds) {
        @Override
        public String toString() {
            return String.format("[%s] cell %d/%d  %.2f s", notebook, cell, cells, seconds);
        }
    }

    /** What happened: the error that stopped the run (null if none) and the time per executed cell. */
    public record Result(CellError error, int errorCell, List<CellTiming> timings) {
        public boolean failed() {
            return error != null;
        }
    }

    private final Duration timeoutPerCell;
    private final Consumer<CellTiming> progress;

    public NotebookExecutor(Duration timeoutPerCell, Consumer<CellTiming> progress) {
        this.timeoutPerCell = timeoutPerCell;
        this.progress = progress;
    }

    /** Executes the notebook in place: its code cells get fresh outputs and execution counts. */
    public Result execute(Notebook notebook) {
        notebook.markAsJava();
        List<JsonObject> cells = notebook.cells(); // numbered as Jupyter shows them, markdown included
        notebook.codeCells().forEach(Notebook::clearOutputs);
        OutputRecorder recorder = new OutputRecorder();
        HeadlessKernel kernel = new HeadlessKernel(recorder);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        List<CellTiming> timings = new ArrayList<>();
        kernel.attach();
        System.setOut(new PrintStream(new CapturedStream("stdout", recorder), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new CapturedStream("stderr", recorder), true, StandardCharsets.UTF_8));
        try (JShellSession session = new JShellSession(timeoutPerCell)) {
            LineMagics magics = new LineMagics(folderOf(notebook), session);
            int executionCount = 0;
            for (int i = 0; i < cells.size(); i++) {
                JsonObject cell = cells.get(i);
                String source = Notebook.source(cell);
                if (!Notebook.isCode(cell) || source.isBlank()) {
                    continue; // markdown stays as it is; Jupyter does not execute empty cells
                }
                executionCount++;
                cell.addProperty("execution_count", executionCount);
                recorder.startCell(cell.getAsJsonArray("outputs"));
                long start = System.nanoTime();
                CellError error = runCell(source, i + 1, executionCount, session, magics, recorder);
                CellTiming timing = new CellTiming(notebook.name(), i + 1, cells.size(),
                        (System.nanoTime() - start) / 1e9);
                timings.add(timing);
                reportOnConsole(originalOut, originalErr, () -> progress.accept(timing));
                if (error != null) {
                    recorder.error(error);
                    return new Result(error, i + 1, timings);
                }
            }
            return new Result(null, 0, timings);
        } catch (CellError.Failure startupFailure) {
            return new Result(startupFailure.error, 0, timings);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            kernel.detach();
            recorder.startCell(new JsonArray()); // late writes from stray threads go nowhere
        }
    }

    /** Runs one cell; returns its error, or null when it ran through. */
    private static CellError runCell(String source, int cellNumber, int executionCount, JShellSession session,
                                     LineMagics magics, OutputRecorder recorder) {
        try {
            DisplayData result = runCode(source, cellNumber, session, magics, true);
            if (result != null) {
                recorder.executeResult(executionCount, result);
            }
            return null;
        } catch (CellError.Failure failure) {
            return failure.error;
        } catch (RuntimeException | LinkageError e) {
            // never let a broken cell take the executor down
            return CellError.of(e.getClass().getSimpleName(), "cell " + cellNumber + ": " + e.getMessage());
        }
    }

    /**
     * Code and magic lines in order; the result is the last code piece's, and none if a magic comes last (as in
     * IJava).
     */
    private static DisplayData runCode(String source, int cellNumber, JShellSession session, LineMagics magics,
                                       boolean wantResult) throws CellError.Failure {
        DisplayData result = null;
        List<CellSource.Piece> pieces = CellSource.pieces(source);
        for (int p = 0; p < pieces.size(); p++) {
            CellSource.Piece piece = pieces.get(p);
            boolean isLast = p == pieces.size() - 1;
            if (piece.isMagic()) {
                magics.apply(piece.magic(), cellNumber, code -> runCode(code, cellNumber, session, magics, false));
                result = null;
            } else {
                result = session.run(piece.code(), wantResult && isLast);
            }
        }
        return result;
    }

    /** Progress belongs on the console, not in the notebook: the real streams are back while it prints. */
    private static void reportOnConsole(PrintStream out, PrintStream err, Runnable report) {
        PrintStream capturedOut = System.out;
        PrintStream capturedErr = System.err;
        System.setOut(out);
        System.setErr(err);
        try {
            report.run();
        } finally {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
        }
    }

    private static Path folderOf(Notebook notebook) {
        Path parent = notebook.path().toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }
}
