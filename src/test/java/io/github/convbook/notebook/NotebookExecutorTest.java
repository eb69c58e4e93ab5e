package io.github.convbook.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.convbook.display.Kernel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookExecutorTest {
    @TempDir
    static Path folder;
    static List<JsonObject> cells;

    @BeforeAll
    static void executeOnce() {
        Notebook notebook = TestNotebooks.execute(TestNotebooks.copyAll(folder).resolve("all-outputs.ipynb"));
        cells = notebook.cells();
    }

    private static List<JsonObject> outputs(int cellNumber) {
        return TestNotebooks.outputs(cells.get(cellNumber - 1));
    }

    private static String text(JsonObject output, String key) {
        return MultilineText.join(output.get(key));
    }

    @Test
    void markdownCellsAreLeftAlone() {
        assertFalse(cells.get(0).has("outputs"));
        assertEquals("# Every output kind\nA test notebook: 한국어 text stays literal.", Notebook.source(cells.get(0)));
    }

    @Test
    void loadRunsTheFileAsCellCode() {
        List<JsonObject> outputs = outputs(2);
        assertEquals(1, outputs.size());
        assertEquals("Hello, Ada!\n", text(outputs.get(0), "text"));
        assertEquals(1, cells.get(1).get("execution_count").getAsInt());
    }

    @Test
    void streamsKeepTheirOrderAndConsecutiveWritesMerge() {
        List<JsonObject> outputs = outputs(3);
        assertEquals(3, outputs.size());
        assertEquals("stdout", outputs.get(0).get("name").getAsString());
        assertEquals("out 1\n", text(outputs.get(0), "text"));
        assertEquals("stderr", outputs.get(1).get("name").getAsString());
        assertEquals("err 1\n", text(outputs.get(1), "text"));
        assertEquals("out 2\nsame stream, merged\n", text(outputs.get(2), "text"));
    }

    @Test
    void lastExpressionBecomesExecuteResult() {
        JsonObject result = outputs(4).get(0);
        assertEquals("execute_result", result.get("output_type").getAsString());
        assertEquals("3", text(result.getAsJsonObject("data"), "text/plain"));
        assertEquals(3, cells.get(3).get("execution_count").getAsInt(), "the third executed cell");
        assertEquals(3, result.get("execution_count").getAsInt());
    }

    @Test
    void bufferedImageBecomesPngWithReadableText() throws Exception {
        JsonObject data = outputs(5).get(0).getAsJsonObject("data");
        String png = data.get("image/png").getAsString();
        assertTrue(png.endsWith("\n"), "Jupyter stores base64 with a trailing newline");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(png)));
        assertEquals(4, image.getWidth());
        assertEquals(4, image.getHeight());
        assertEquals("Swatch 4x4", text(data, "text/plain"));
    }

    @Test
    void displayAsHtmlGivesHtmlAndPlainTextAndNoResultForADeclaration() {
        List<JsonObject> outputs = outputs(6);
        assertEquals(1, outputs.size());
        JsonObject display = outputs.get(0);
        assertEquals("display_data", display.get("output_type").getAsString());
        assertEquals("<b>bold</b>", text(display.getAsJsonObject("data"), "text/html"));
        assertEquals("<b>bold</b>", text(display.getAsJsonObject("data"), "text/plain"));
    }

    @Test
    void updateDisplayReplacesTheOutputInPlace() {
        List<JsonObject> outputs = outputs(7);
        assertEquals(1, outputs.size());
        assertEquals("step 3 of 3", text(outputs.get(0).getAsJsonObject("data"), "text/plain"));
    }

    @Test
    void nonAsciiTextStaysLiteral() {
        assertEquals("한국어 텍스트", text(outputs(8).get(0).getAsJsonObject("data"), "text/plain"));
    }

    @Test
    void declarationsShowNothingAndEmptyCellsAreNotExecuted() {
        assertTrue(outputs(9).isEmpty());
        assertTrue(cells.get(9).get("execution_count").isJsonNull());
        JsonObject result = outputs(11).get(0);
        assertEquals("10", text(result.getAsJsonObject("data"), "text/plain"));
        assertEquals(9, cells.get(10).get("execution_count").getAsInt());
    }

    @Test
    void theHeadlessKernelIsDetachedAfterTheRun() {
        assertFalse(Kernel.isInteractive(), "library code outside a run must not show into the finished notebook");
    }
}
