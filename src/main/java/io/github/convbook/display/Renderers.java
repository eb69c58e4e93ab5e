package io.github.convbook.display;

import io.github.convbook.tensor.Tensor;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * How notebook cells show types ConvBook does not own or cannot make renderable itself: a Tablesaw {@link Table}
 * and a small {@link Tensor} also show as an HTML table (beside their {@code text/plain}, always their
 * {@code toString()}). Pictures from {@code io.github.convbook.plot} need nothing here: they render themselves as
 * PNG.
 * <p>
 * The startup script calls {@link #install()}, which registers them with the running kernel (IJava's or the headless
 * runner's) and does nothing in a plain JVM.
 */
public final class Renderers {
    /** A table shows at most this many rows; one line below says how many more there are. */
    public static final int MAX_ROWS = 20;
    /** A tensor of rank 1 or 2 with at most this many values also shows as an HTML table; larger ones as text only. */
    public static final int MAX_TENSOR_VALUES = 400;

    /** Renderers already taught, weakly held so that a finished kernel's can go. */
    private static final Set<Renderer> INSTALLED = Collections.newSetFromMap(new WeakHashMap<>());

    private Renderers() {
    }

    /** Registers with the running kernel's renderer, once per kernel; outside a kernel nothing is needed. */
    public static synchronized void install() {
        Kernel.running().map(BaseKernel::getRenderer).filter(INSTALLED::add).ifPresent(Renderers::register);
    }

    /**
     * Teaches {@code renderer} to show tables and small tensors as HTML.
     *
     * @param renderer a kernel's renderer, e.g. {@code getKernelInstance().getRenderer()}
     */
    public static void register(Renderer renderer) {
        renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, () -> tableHtml(table)));
        // a large tensor adds no HTML, and the notebook shows its text/plain alone
        renderer.createRegistration(Tensor.class).preferring(MIMEType.TEXT_HTML)
                .register((tensor, context) -> context.renderIfRequested(MIMEType.TEXT_HTML,
                        (type, out) -> tensorHtml(tensor).ifPresent(html -> out.putData(type, html))));
    }

    /**
     * The HTML a notebook shows for a value.
     *
     * @param value any value
     * @return the HTML table of a Tablesaw table or a small tensor, else empty (the value shows as text only)
     */
    public static Optional<String> html(Object value) {
        if (value instanceof Table table) {
            return Optional.of(tableHtml(table));
        }
        if (value instanceof Tensor tensor) {
            return tensorHtml(tensor);
        }
        return Optional.empty();
    }

    private static String tableHtml(Table table) {
        int shown = Math.min(table.rowCount(), MAX_ROWS);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < shown; r++) {
            int row = r;
            rows.add(IntStream.range(0, table.columnCount()).mapToObj(c -> table.column(c).getString(row)).toList());
        }
        int more = table.rowCount() - shown;
        String note = more > 0 ? "… " + more + " more rows (" + table.rowCount() + " rows × " + table.columnCount()
                + " columns)" : "";
        return HtmlTable.of(table.name() == null ? "" : table.name(), table.columnNames(), rows, false, note);
    }

    private static Optional<String> tensorHtml(Tensor tensor) {
        if (tensor.isSymbolic() || tensor.rank() < 1 || tensor.rank() > 2 || tensor.size() == 0
                || tensor.size() > MAX_TENSOR_VALUES) {
            return Optional.empty();
        }
        // the cells read exactly as the tensor prints: its text is NumPy's, one token per value
        String text = tensor.toString();
        String values = text.substring(text.indexOf('\n') + 1).replace('[', ' ').replace(']', ' ');
        String[] cells = values.trim().split("\\s+");
        if (cells.length != tensor.size()) {
            return Optional.empty();
        }
        int cols = (int) tensor.shape().get(tensor.rank() - 1);
        List<String> header = new ArrayList<>();
        header.add("");
        IntStream.range(0, cols).mapToObj(String::valueOf).forEach(header::add);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < cells.length / cols; r++) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(r));
            row.addAll(List.of(cells).subList(r * cols, (r + 1) * cols));
            rows.add(row);
        }
        String caption = "shape=" + tensor.shape() + ", dtype=" + tensor.dtype();
        return Optional.of(HtmlTable.of(caption, header, rows, true, ""));
    }
}
