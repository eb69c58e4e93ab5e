package io.github.convbook.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {
    private Renderer renderer;

    @BeforeEach
    void kernelRenderer() {
        renderer = new Renderer();
        Renderers.register(renderer);
    }

    @Test
    void aTableShowsAsHtmlAndText() {
        Table table = Table.create("history",
                IntColumn.create("epoch", 1, 2),
                DoubleColumn.create("loss", 0.35, 0.2),
                StringColumn.create("note", "<b>best</b>", "a & b"));
        DisplayData data = renderer.render(table);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.startsWith("<table class=\"dataframe\">\n<caption>history</caption>"), html);
        assertTrue(html.contains("<th>epoch</th><th>loss</th><th>note</th>"), html);
        assertTrue(html.contains("<tr><td>1</td><td>0.35</td><td>&lt;b&gt;best&lt;/b&gt;</td></tr>"), html);
        assertTrue(html.contains("<td>a &amp; b</td>"), html);
        assertFalse(html.contains("more rows"), html);
        assertEquals(table.toString(), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aLongTableShowsItsFirstRowsAndHowManyMore() {
        Table table = Table.create("squares", IntColumn.create("n", IntStream.range(0, 25).map(i -> i * i).toArray()));
        String html = Renderers.html(table).orElseThrow();
        assertTrue(html.contains("<td>361</td>"), html);     // row 19, the 20th
        assertFalse(html.contains("<td>400</td>"), html);    // row 20 is not shown
        assertTrue(html.endsWith("<p>… 5 more rows (25 rows × 1 columns)</p>"), html);
    }

    @Test
    void aSmallTensorShowsAsAnHtmlTableWithItsOwnDigits() {
        Tensor tensor = Tensor.of(new float[][] {{1f, 2.5f}, {-3f, 0.125f}});
        DisplayData data = renderer.render(tensor);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<caption>shape=(2, 2), dtype=float32</caption>"), html);
        assertTrue(html.contains("<thead><tr><th></th><th>0</th><th>1</th></tr></thead>"), html);
        assertTrue(html.contains("<tr><th>0</th><td>1.</td><td>2.5</td></tr>"), html);
        assertTrue(html.contains("<tr><th>1</th><td>-3.</td><td>0.125</td></tr>"), html);
        assertEquals(tensor.toString(), data.getData(MIMEType.TEXT_PLAIN));
        assertTrue(Renderers.html(Tensor.of(1, 2, 3)).orElseThrow()
                .contains("<tr><th>0</th><td>1</td><td>2</td><td>3</td></tr>"));
    }

    @Test
    void largeTensorsShowAsTextOnly() {
        Tensor image = Tensor.zeros(28, 28);   // 784 values
        DisplayData data = renderer.render(image);
        assertFalse(data.hasDataForType(MIMEType.TEXT_HTML));
        assertEquals(image.toString(), data.getData(MIMEType.TEXT_PLAIN));
        assertEquals(Optional.empty(), Renderers.html(Tensor.zeros(2, 2, 2)));   // rank 3: text only too
        assertEquals(Optional.empty(), Renderers.html("just text"));
    }
}
