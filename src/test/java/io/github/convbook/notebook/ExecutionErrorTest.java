package io.github.convbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionErrorTest {
    @TempDir
    Path folder;

    @Test
    void compileErrorIsReportedAndStopsTheRun() {
        List<JsonObject> cells =
                TestNotebooks.execute(TestNotebooks.copyAll(folder).resolve("compile-error.ipynb")).cells();
        assertEquals("before\n", MultilineText.join(TestNotebooks.outputs(cells.get(0)).get(0).get("text")));
        JsonObject error = TestNotebooks.outputs(cells.get(1)).get(0);
        assertEquals("error", error.get("output_type").getAsString());
        assertEquals("CompilationException", error.get("ename").getAsString());
        assertEquals("incompatible types: java.lang.String cannot be converted to int",
                error.get("evalue").getAsString());
        assertEquals("|   int b = \"text\";", error.getAsJsonArray("traceback").get(0).getAsString());
        assertEquals("|           ^^^^^^", error.getAsJsonArray("traceback").get(1).getAsString());
        assertTrue(TestNotebooks.outputs(cells.get(2)).isEmpty(), "the cell after the error must not run");
        assertTrue(cells.get(2).get("execution_count").isJsonNull());
    }

    @Test
    void runtimeExceptionIsReportedAsEvalExceptionWithTheRealClass() {
        List<JsonObject> cells =
                TestNotebooks.execute(TestNotebooks.copyAll(folder).resolve("runtime-error.ipynb")).cells();
        JsonObject error = TestNotebooks.outputs(cells.get(1)).get(0);
        assertEquals("EvalException", error.get("ename").getAsString());
        assertEquals("For input string: \"not a number\"", error.get("evalue").getAsString());
        assertEquals(CellError.RULE, error.getAsJsonArray("traceback").get(0).getAsString());
        assertEquals("java.lang.NumberFormatException: For input string: \"not a number\"",
                error.getAsJsonArray("traceback").get(1).getAsString());
        assertEquals(2, cells.get(1).get("execution_count").getAsInt());
        assertTrue(TestNotebooks.outputs(cells.get(2)).isEmpty());
        assertTrue(cells.get(2).get("execution_count").isJsonNull());
    }

    @Test
    void endlessLoopIsStoppedByTheCellTimeout() {
        Notebook notebook = NotebookTexts.notebook(folder, "while (true) { }", "System.out.println(\"after\");");
        NotebookExecutor.Result result = new NotebookExecutor(Duration.ofSeconds(1), t -> { }).execute(notebook);
        assertEquals("EvaluationTimeoutException", result.error().ename());
        assertEquals(1, result.errorCell());
        assertTrue(TestNotebooks.outputs(notebook.cells().get(1)).isEmpty());
    }

    @Test
    void unknownMagicNamesCellAndLine() {
        Notebook notebook = NotebookTexts.notebook(folder, "int a = 1;\n%time a");
        NotebookExecutor.Result result = new NotebookExecutor(Duration.ofSeconds(10), t -> { }).execute(notebook);
        assertEquals("UndefinedMagicException", result.error().ename());
        assertTrue(result.error().evalue().startsWith(
                "cell 1, line 2: line magic %time is not in the ConvBook dialect"), result.error().evalue());
    }

    @Test
    void missingJarsAreNamed() {
        Notebook notebook = NotebookTexts.notebook(folder, "%jars ../kernel-lib/*.jar");
        NotebookExecutor.Result result = new NotebookExecutor(Duration.ofSeconds(10), t -> { }).execute(notebook);
        assertTrue(result.error().evalue().contains("../kernel-lib/*.jar matched nothing"), result.error().evalue());
    }
}
