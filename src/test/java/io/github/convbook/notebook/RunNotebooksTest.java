package io.github.convbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunNotebooksTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private int run(String... args) {
        console.reset();
        return RunNotebooks.run(args, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void executesWritesHtmlAndReportsEachCell() throws Exception {
        Path notebook = TestNotebooks.copyAll(folder).resolve("all-outputs.ipynb");
        assertEquals(0, run("--html", notebook.toString()));
        assertTrue(console().contains("[all-outputs] cell 2/11"), console());
        assertTrue(console().contains("ran 1 notebook(s), 9 cell(s)"), console());
        String html = Files.readString(folder.resolve("all-outputs.html"));
        assertTrue(html.contains("<img src=\"data:image/png;base64,iVBOR"));
        assertTrue(html.contains("<b>bold</b>"));
    }

    @Test
    void checkPassesOnFreshOutputsAndShowsADiffForAnEditedOne() throws Exception {
        Path notebook = TestNotebooks.copyAll(folder).resolve("all-outputs.ipynb");
        assertEquals(0, run(notebook.toString()));
        assertEquals(0, run("--check", notebook.toString()), console());

        Notebook edited = NotebookFile.read(notebook);
        JsonObject stream = TestNotebooks.outputs(edited.cells().get(2)).get(0);
        stream.add("text", new JsonPrimitive("out one\n"));
        NotebookFile.write(edited, notebook);
        String before = Files.readString(notebook);

        assertEquals(1, run("--check", notebook.toString()));
        assertTrue(console().contains("-cell 3 stdout | out one\n+cell 3 stdout | out 1\n"), console());
        assertTrue(console().contains("committed outputs differ from a fresh run"), console());
        assertEquals(before, Files.readString(notebook), "--check never writes");
    }

    @Test
    void checkIgnoresTimingLines() throws Exception {
        Path notebook = TestNotebooks.copyAll(folder).resolve("all-outputs.ipynb");
        assertEquals(0, run(notebook.toString()));
        Notebook edited = NotebookFile.read(notebook);
        JsonObject stream = TestNotebooks.outputs(edited.cells().get(2)).get(0);
        stream.add("text",
                new JsonPrimitive("out 1\n469/469 [==============================] - 3s 6ms/step - loss: 0.2\n"));
        NotebookFile.write(edited, notebook);
        assertEquals(0, run("--check", notebook.toString()), console());
    }

    @Test
    void failingNotebookGivesExitCodeOneAndNamesTheCell() {
        Path notebook = TestNotebooks.copyAll(folder).resolve("runtime-error.ipynb");
        assertEquals(1, run(notebook.toString()));
        assertTrue(console().contains("FAILED runtime-error: cell 2 EvalException: For input string: \"not a number\""),
                console());
    }

    @Test
    void badCommandLinesGiveExitCodeTwo() {
        assertEquals(2, run(folder.resolve("nothing-here").toString()));
        assertTrue(console().contains("nothing-here does not exist"), console());
        assertEquals(2, run("--frobnicate"));
        assertTrue(console().contains("unknown option --frobnicate"));
        assertEquals(2, run("--timeout-per-cell", "soon"));
    }

    @Test
    void timingPatternKeepsOrdinaryLines() {
        assertTrue(TimingLines.isTiming("469/469 [====] - 5s 10ms/step - loss: 0.1"));
        assertTrue(TimingLines.isTiming("Epoch 1/5 - ETA: 0:01:02"));
        assertTrue(TimingLines.isTiming("training took 12.5 s"));
        assertTrue(!TimingLines.isTiming("Epoch 1/5"));
        assertTrue(!TimingLines.isTiming("1단계 연산 준비: (64, 4, 2)"));
        assertTrue(!TimingLines.isTiming("loss: 0.2301 - accuracy: 0.9312"));
    }
}
