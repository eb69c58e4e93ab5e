package io.github.convbook.models;

import io.github.convbook.display.Html;
import io.github.convbook.layers.Activation;
import io.github.convbook.layers.BatchNormalization;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Conv2DTranspose;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Dropout;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.GlobalPooling2D;
import io.github.convbook.layers.InputLayer;
import io.github.convbook.layers.Layer;
import io.github.convbook.layers.LeakyReLU;
import io.github.convbook.layers.Pooling2D;
import io.github.convbook.layers.ReLU;
import io.github.convbook.layers.Reshape;
import io.github.convbook.layers.UpSampling2D;
import io.github.convbook.ops.Padding;
import io.github.convbook.tensor.Shape;
import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@link Model#trace()} returns: {@code model.summary()}'s table with four more columns per layer, the shape
 * tracer of a convnet. It prints (its {@link #toString()}) as Keras's summary table widened to 116 characters, and
 * a notebook shows it as an HTML table (its {@code text/plain} is the printed table).
 *
 * <pre>
 * Layer (type)                 Output Shape              Param #   Receptive field  Jump   Activations  Mult-adds
 * ==================================================================================================================
 * conv2d (Conv2D)              (None, 26, 26, 32)        320       3x3              1      84.5 KiB     194,688
 * __________________________________________________________________________________________________________________
 * max_pooling2d (MaxPooling2D) (None, 13, 13, 32)        0         4x4              2      21.1 KiB     0
 * ...
 * dense (Dense)                (None, 64)                36928     26x26 of 28x28   -      256 B        36,864
 * ...
 * Total mult-adds: 2,794,240 per sample (2.79 M)
 * Activation memory: 146.9 KiB per sample (the outputs of the 8 layers; the input: 3.1 KiB)
 * </pre>
 *
 * <h2>Receptive field and jump</h2>
 * The <b>receptive field</b> of a layer is the window of input pixels, height x width, that one unit of its output
 * depends on; the <b>jump</b> (cumulative stride) is how many input pixels apart two neighbouring units of its output
 * are. The input has a receptive field of 1x1 and a jump of 1. Per axis, with {@code r} and {@code j} those of the
 * layer's input and {@code F = (k - 1) * dilation + 1} the dilated kernel (or pool) size:
 * <ul>
 * <li>Conv2D, MaxPooling2D, AveragePooling2D: {@code r + (F - 1) * j}, jump {@code j * stride}. Padding does not
 *     change the size: a unit at the border sees part of its window as padding, and with "same" padding the field
 *     may grow larger than the image.</li>
 * <li>Conv2DTranspose with stride {@code s}: each output unit gathers at most {@code m = ceil(F / s)} neighbouring
 *     input units, so {@code r + (m - 1) * j}, jump {@code j / s}.</li>
 * <li>UpSampling2D by {@code s}: "nearest" copies one input unit, so {@code r} stays; "bilinear" blends two
 *     neighbours ({@code r + j}, when {@code s > 1}); jump {@code j / s} (a fraction of a pixel: two output units per
 *     input pixel after one 2x upsampling of the image).</li>
 * <li>With a fractional jump a window of {@code m} units adds {@code ceil((m - 1) * j)} pixels (its units are
 *     {@code (m - 1) * j} pixels apart, rounded up to whole pixels); there the value is the largest any unit can
 *     reach, and some units (those that copy the same input unit twice) see less.</li>
 * <li>Dense on images (the last axis, a 1x1 convolution), BatchNormalization, Dropout, activations: unchanged.</li>
 * <li>Flatten (and Reshape): each unit still sees its own field; there is no grid any more, so the jump is
 *     "-".</li>
 * <li>Dense after Flatten, GlobalAveragePooling2D and GlobalMaxPooling2D: every unit depends on every unit before,
 *     so it sees the union of their fields: {@code 28x28 (all)} when that is the whole image, else how many rows and
 *     columns it covers, e.g. {@code 26x26 of 28x28}: a valid MaxPooling2D over an odd size drops the last row and
 *     column, and with them input pixels that no output depends on. Every later layer keeps that value.</li>
 * <li>"-": the model's input is not an image {@code (None, height, width, channels)} (an MLP on
 *     {@code (None, 784)}); "?": not known (a layer type this table does not know, a convolution after a Reshape
 *     from a flat vector, or a size that is None).</li>
 * </ul>
 *
 * <h2>Activations and mult-adds</h2>
 * <b>Activations</b> is the size of the layer's output for one sample in the layer's dtype (4 bytes per float32
 * value): {@code (None, 26, 26, 32)} holds 26 * 26 * 32 * 4 = 86,528 bytes = 84.5 KiB per image (KiB = 1024 bytes).
 * <b>Mult-adds</b> counts the multiply-adds of the forward pass for one sample, those between inputs and weights:
 * <ul>
 * <li>Conv2D: {@code outH * outW * filters * kh * kw * inChannels} (dilation and padding do not change it);</li>
 * <li>Conv2DTranspose: {@code inH * inW * inChannels * kh * kw * filters} (each input pixel spreads a kernel);</li>
 * <li>Dense: {@code in * units} (times the positions, {@code h * w}, on images);</li>
 * <li>BatchNormalization: one per output value (its scale and shift, as folded into one multiply-add at
 *     inference);</li>
 * <li>everything else 0: pooling (comparisons and sums), upsampling (copies; bilinear's blending weights are not
 *     counted), activations, Dropout, Flatten, Reshape, and the bias additions of every layer.</li>
 * </ul>
 * The totals below the table add up the multiply-adds and the activation memory of all layers (the outputs a training
 * step keeps for back-propagation; the input itself is given apart), per sample; a batch of 32 needs 32 times as much.
 */
public final class Trace implements DisplayDataRenderable {
    /** Where each printed column ends, as {@link Summary}'s 29, 55 and 65 followed by the traced columns. */
    static final int[] POSITIONS = {29, 55, 65, 82, 89, 102, 116};
    static final int LINE_LENGTH = 116;
    private static final List<String> HEADER = List.of("Layer (type)", "Output Shape", "Param #", "Receptive field",
            "Jump", "Activations", "Mult-adds");

    private final String modelName;
    private final List<Row> rows;
    private final long totalParams;
    private final long trainableParams;
    private final long inputBytes;

    /**
     * One traced layer, a row of the table.
     *
     * @param layer           the layer (the model's InputLayer for the first row of a functional model)
     * @param outputShape     its output shape, batch {@code None}, e.g. {@code (None, 26, 26, 32)}
     * @param params          its parameter count, as in {@code summary()}
     * @param receptiveField  as printed: {@code "3x3"}, {@code "28x28 (all)"}, {@code "26x26 of 28x28"}, {@code "-"}
     *                        or {@code "?"} (see {@link Trace})
     * @param jump            as printed: the cumulative stride in input pixels, {@code "1"}, {@code "4"},
     *                        {@code "0.5"}, {@code "2x1"} (height x width when they differ), or {@code "-"} where the
     *                        output has no grid
     * @param activationBytes the output's size for one sample in bytes, e.g. 86,528 for {@code (None, 26, 26, 32)} in
     *                        float32; -1 when a size is None
     * @param multAdds        the forward pass's multiply-adds for one sample (rule per layer type: see {@link Trace});
     *                        -1 when a size is None or the layer type is unknown here
     */
    public record Row(Layer layer, Shape outputShape, long params, String receptiveField, String jump,
            long activationBytes, long multAdds) {
    }

    private Trace(String modelName, List<Row> rows, long totalParams, long trainableParams, long inputBytes) {
        this.modelName = modelName;
        this.inputBytes = inputBytes;
        this.rows = List.copyOf(rows);
        this.totalParams = totalParams;
        this.trainableParams = trainableParams;
    }

    /** Traces a built model; {@link Model#trace()} checks that it is built. */
    static Trace of(Model model) {
        Tracer tracer = new Tracer(model.input.shape());
        // data arrives in the model's dtype, the first layer's
        Layer first = model.layers.isEmpty() ? model.inputLayer() : model.layers.get(0);
        long inputBytes = bytes(model.input.shape(), first);
        List<Row> rows = new ArrayList<>();
        if (model.showsInputLayer()) {
            rows.add(new Row(model.inputLayer(), model.input.shape(), 0, tracer.receptiveField(),
                    tracer.jump(), inputBytes, 0));
        }
        Shape in = model.input.shape();
        long total = 0;
        long trainable = 0;
        for (int i = 0; i < model.layers.size(); i++) {
            Layer layer = model.layers.get(i);
            Shape out = model.outputShapes.get(i);
            long multAdds = tracer.step(layer, in, out);
            long params = layer.countParams();
            rows.add(new Row(layer, out, params, tracer.receptiveField(), tracer.jump(), bytes(out, layer),
                    multAdds));
            total += params;
            trainable += params == 0 ? 0 : layer.countTrainableParams();
            in = out;
        }
        return new Trace(model.name(), rows, total, trainable, inputBytes);
    }

    /**
     * The rows, one per layer in order, as the table prints them; for a functional model the first row is its
     * InputLayer (receptive field 1x1, jump 1, its input's size, no mult-adds), as in {@code summary()}.
     *
     * @return an unmodifiable list
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The row of the layer with this name.
     *
     * @param layerName e.g. {@code "conv2d_2"}
     * @return its row
     * @throws IllegalArgumentException when no row has that name; the message lists the names there are
     */
    public Row row(String layerName) {
        return rows.stream().filter(r -> r.layer().name().equals(layerName)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No layer '" + layerName + "' in this trace. Layers: "
                        + rows.stream().map(r -> r.layer().name()).toList()));
    }

    /**
     * The forward pass's multiply-adds for one sample, all layers together (the "Total mult-adds" line).
     *
     * @return e.g. 2,794,240 for the lecture's MNIST convnet; the layers whose count is unknown (-1) left out
     */
    public long totalMultAdds() {
        return rows.stream().mapToLong(Row::multAdds).filter(m -> m > 0).sum();
    }

    /**
     * The memory of all layer outputs for one sample, in bytes (the "Activation memory" line): what a training step
     * keeps for back-propagation, per sample. The model's input is not included (nor an InputLayer row).
     *
     * @return e.g. 150,440 bytes (146.9 KiB) for the lecture's MNIST convnet in float32; sizes that are None left out
     */
    public long totalActivationBytes() {
        return layerRows().stream().mapToLong(Row::activationBytes).filter(b -> b > 0).sum();
    }

    private List<Row> layerRows() {
        return rows.stream().filter(r -> !(r.layer() instanceof InputLayer)).toList();
    }

    // ---------------------------------------------------------------- printing

    /**
     * The table as text: Keras's summary layout (its first three columns end at 29, 55 and 65, cells cut at the
     * column edge) with the traced columns after them, 116 characters wide, then the totals.
     *
     * @return the lines, separated by {@code \n}, without a final line break
     */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        lines.add("Model: \"" + modelName + "\"");
        lines.add("_".repeat(LINE_LENGTH));
        lines.add(row(HEADER.toArray(String[]::new)));
        lines.add("=".repeat(LINE_LENGTH));
        for (int i = 0; i < rows.size(); i++) {
            lines.add(row(cells(rows.get(i)).toArray(String[]::new)));
            lines.add((i == rows.size() - 1 ? "=" : "_").repeat(LINE_LENGTH));
        }
        lines.addAll(totals());
        lines.add("_".repeat(LINE_LENGTH));
        return String.join("\n", lines);
    }

    private static List<String> cells(Row r) {
        return List.of(r.layer().name() + " (" + r.layer().getClass().getSimpleName() + ")",
                r.layer() instanceof InputLayer ? "[" + r.outputShape() + "]"
                        : r.outputShape().toString(),
                Long.toString(r.params()), r.receptiveField(), r.jump(), formatBytes(r.activationBytes()),
                r.multAdds() < 0 ? "?" : String.format(Locale.ROOT, "%,d", r.multAdds()));
    }

    private List<String> totals() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Total params: %,d", totalParams));
        lines.add(String.format(Locale.ROOT, "Trainable params: %,d", trainableParams));
        lines.add(String.format(Locale.ROOT, "Non-trainable params: %,d", totalParams - trainableParams));
        boolean unknownOps = rows.stream().anyMatch(r -> r.multAdds() < 0);
        lines.add(String.format(Locale.ROOT, "Total mult-adds: %,d per sample (%s)%s", totalMultAdds(),
                compact(totalMultAdds()), unknownOps ? ", without the layers marked ?" : ""));
        List<Row> layers = layerRows();
        boolean unknownBytes = rows.stream().anyMatch(r -> r.activationBytes() < 0);
        lines.add("Activation memory: " + formatBytes(totalActivationBytes()) + " per sample (the outputs of the "
                + layers.size() + " layers" + (unknownBytes ? ", without the sizes that are None" : "")
                + "; the input: " + formatBytes(inputBytes) + ")");
        return lines;
    }

    /** Keras's {@code print_row} with this table's column ends (see {@link Summary#row}). */
    static String row(String... fields) {
        return Summary.row(POSITIONS, fields);
    }

    /**
     * The table as HTML, as a notebook shows it: a {@code dataframe} table (pandas' look) with the model's name as
     * caption, one row per layer with the cells of the text table (uncut), and the totals below it.
     *
     * @return the HTML, all text escaped
     */
    public String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"dataframe\">\n<caption>Model: \"")
                .append(Html.escape(modelName)).append("\"</caption>\n<thead><tr>");
        HEADER.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (Row r : rows) {
            html.append("<tr>");
            cells(r).forEach(c -> html.append("<td>").append(Html.escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p>");
        html.append(String.join("<br>\n", totals().stream().map(Html::escape).toList()));
        return html.append("</p>").toString();
    }

    /**
     * The notebook shows the HTML table; the kernel adds {@code text/plain} from {@link #toString()}.
     *
     * @return text/html and text/plain
     */
    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
    }

    /**
     * HTML first, where the front end can show it.
     *
     * @return text/html
     */
    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML);
    }

    /**
     * Called by the kernel when this is a cell's value or is passed to {@code display(...)}: adds the HTML table.
     *
     * @param context the kernel's render request
     */
    @Override
    public void render(RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, this::toHtml);
        context.renderIfRequested(MIMEType.TEXT_PLAIN, this::toString);
    }

    // ---------------------------------------------------------------- number formats

    /** The output's bytes for one sample: the sizes after the batch times the dtype's width; -1 for a None size. */
    private static long bytes(Shape shape, Layer layer) {
        long values = 1;
        for (int axis = 1; axis < shape.rank(); axis++) {
            if (shape.get(axis) < 0) {
                return -1;
            }
            values *= shape.get(axis);
        }
        return values * layer.dtype().nd4j().width();
    }

    /**
     * Bytes in binary units with one decimal: {@code 40 B}, {@code 84.5 KiB}, {@code 1.5 MiB}; {@code ?} for -1.
     *
     * @param bytes a byte count, or -1 for unknown
     * @return the text the table shows
     */
    static String formatBytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /**
     * A count with three significant digits and a decimal unit: {@code 640}, {@code 36.9 K}, {@code 2.79 M},
     * {@code 1.23 G}.
     *
     * @param count a count, 0 or more
     * @return the compact text
     */
    static String compact(long count) {
        if (count < 1000) {
            return Long.toString(count);
        }
        String[] units = {"K", "M", "G", "T", "P"};
        double value = count / 1000.0;
        int unit = 0;
        while (value >= 999.5 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        String digits = value >= 99.95 ? "%.0f" : value >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits + " %s", value, units[unit]);
    }

    // ---------------------------------------------------------------- the tracer

    /** An exact fraction of input pixels, for jumps below 1 after upsampling. */
    record Frac(long num, long den) {
        static final Frac ONE = new Frac(1, 1);

        static Frac of(long num, long den) {
            long g = gcd(num, den);
            return new Frac(num / g, den / g);
        }

        private static long gcd(long a, long b) {
            return b == 0 ? Math.abs(a) : gcd(b, a % b);
        }

        Frac times(long n) {
            return of(num * n, den);
        }

        Frac over(long n) {
            return of(num, den * n);
        }

        /** {@code ceil(n * this)}: the pixels that n steps of this jump span, rounded up. */
        long ceilTimes(long n) {
            return (n * num + den - 1) / den;
        }

        @Override
        public String toString() {
            if (den == 1) {
                return Long.toString(num);
            }
            String text = String.format(Locale.ROOT, "%.3f", (double) num / den);
            return text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
    }

    /** For one axis of one layer: which input positions an output position reads (inside the input). */
    private interface Reads {
        List<Integer> of(int out);
    }

    /** A spatial layer on the way from the input: its input length and what each output position reads, per axis. */
    private record Step(long[] inLength, Reads[] reads) {
    }

    /** Where the trace is: a grid of units over the image, a flat vector, every unit seeing everything, or none. */
    private enum Kind { GRID, FLAT, WHOLE, NONE, UNKNOWN }

    /** Follows the receptive field and jump from layer to layer. */
    private static final class Tracer {
        private final long[] image;             // the input's height and width, -1 when None; null: no image
        private Kind kind;
        private final long[] field = {1, 1};
        private final Frac[] jump = {Frac.ONE, Frac.ONE};
        private final List<Step> steps = new ArrayList<>();   // the spatial layers so far, for the coverage
        private long[] gridLength;              // the last grid's height and width, for the coverage
        private String whole;                   // the text of WHOLE

        Tracer(Shape input) {
            if (input.rank() == 4) {
                image = new long[] {input.get(1), input.get(2)};
                gridLength = image.clone();
                kind = Kind.GRID;
            } else {
                image = null;
                kind = Kind.NONE;
            }
        }

        String receptiveField() {
            return switch (kind) {
                case GRID, FLAT -> field[0] + "x" + field[1];
                case WHOLE -> whole;
                case NONE -> "-";
                case UNKNOWN -> "?";
            };
        }

        String jump() {
            if (kind == Kind.GRID) {
                return jump[0].equals(jump[1]) ? jump[0].toString() : jump[0] + "x" + jump[1];
            }
            return kind == Kind.UNKNOWN ? "?" : "-";
        }

        /** Moves the trace through one layer; returns its multiply-adds per sample (-1 when unknown). */
        long step(Layer layer, Shape in, Shape out) {
            if (layer instanceof Conv2DTranspose t) {
                window(in, out, t.kernelSize(), t.dilationRate(), t.strides(), t.padding(), true);
                return known(in, out) ? in.get(1) * in.get(2) * in.get(3) * t.kernelSize()[0] * t.kernelSize()[1]
                        * t.filters() : -1;
            }
            if (layer instanceof Conv2D c) {
                window(in, out, c.kernelSize(), c.dilationRate(), c.strides(), c.padding(), false);
                return known(in, out) ? out.get(1) * out.get(2) * c.filters() * c.kernelSize()[0]
                        * c.kernelSize()[1] * in.get(3) : -1;
            }
            if (layer instanceof Pooling2D<?> p) {
                window(in, out, p.poolSize(), new int[] {1, 1}, p.strides(), p.padding(), false);
                return 0;
            }
            if (layer instanceof UpSampling2D u) {
                upsample(in, out, u.size(), "bilinear".equals(u.interpolation()));
                return 0;
            }
            if (layer instanceof GlobalPooling2D<?>) {
                everything();
                return 0;
            }
            if (layer instanceof Dense d) {
                if (in.rank() == 2) {
                    everything();
                }   // on images, a 1x1 convolution: nothing changes
                long positions = size(out) < 0 ? -1 : size(out) / d.units();
                return positions < 0 ? -1 : positions * in.get(-1) * d.units();
            }
            if (layer instanceof Flatten || layer instanceof Reshape) {
                if (kind == Kind.GRID && !(layer instanceof Reshape && out.equals(in))) {
                    kind = Kind.FLAT;
                }
                return 0;
            }
            if (layer instanceof BatchNormalization) {
                return size(out);
            }
            if (layer instanceof Activation || layer instanceof ReLU || layer instanceof LeakyReLU
                    || layer instanceof Dropout) {
                return 0;
            }
            if (kind != Kind.NONE && kind != Kind.WHOLE) {
                kind = Kind.UNKNOWN;
            }
            return -1;
        }

        private static boolean known(Shape in, Shape out) {
            return size(in) >= 0 && size(out) >= 0;
        }

        /** The values per sample, -1 when a size is None. */
        private static long size(Shape shape) {
            long n = 1;
            for (int axis = 1; axis < shape.rank(); axis++) {
                if (shape.get(axis) < 0) {
                    return -1;
                }
                n *= shape.get(axis);
            }
            return n;
        }

        /** A convolution, pooling or transposed convolution window. */
        private void window(Shape in, Shape out, int[] kernel, int[] dilation, int[] strides, Padding padding,
                boolean transposed) {
            if (kind == Kind.FLAT) {
                kind = Kind.UNKNOWN;
            }
            if (kind != Kind.GRID) {
                return;
            }
            Reads[] reads = new Reads[2];
            for (int axis = 0; axis < 2; axis++) {
                int k = kernel[axis];
                int d = dilation[axis];
                int s = strides[axis];
                long f = (long) (k - 1) * d + 1;
                long n = in.get(axis + 1);
                long length = out.get(axis + 1);
                if (transposed) {
                    long gathered = (f + s - 1) / s;
                    field[axis] += jump[axis].ceilTimes(gathered - 1);
                    jump[axis] = jump[axis].over(s);
                    long full = (n - 1) * s + f;
                    long before = padding == Padding.SAME ? Math.max(full - length, 0) / 2 : 0;
                    reads[axis] = o -> {
                        List<Integer> from = new ArrayList<>();
                        long position = o + before;
                        for (int t = 0; t < k; t++) {
                            long rest = position - (long) t * d;
                            if (rest >= 0 && rest % s == 0 && rest / s < n) {
                                from.add((int) (rest / s));
                            }
                        }
                        return from;
                    };
                } else {
                    field[axis] += jump[axis].ceilTimes(f - 1);
                    jump[axis] = jump[axis].times(s);
                    long before = padding == Padding.SAME ? Math.max((length - 1) * s + f - n, 0) / 2 : 0;
                    reads[axis] = o -> {
                        List<Integer> from = new ArrayList<>();
                        for (int t = 0; t < k; t++) {
                            long i = (long) o * s - before + (long) t * d;
                            if (i >= 0 && i < n) {
                                from.add((int) i);
                            }
                        }
                        return from;
                    };
                }
            }
            addStep(in, out, reads);
        }

        /** UpSampling2D: nearest copies one unit, bilinear (TensorFlow's half-pixel centres) blends two. */
        private void upsample(Shape in, Shape out, int[] size, boolean bilinear) {
            if (kind == Kind.FLAT) {
                kind = Kind.UNKNOWN;
            }
            if (kind != Kind.GRID) {
                return;
            }
            Reads[] reads = new Reads[2];
            for (int axis = 0; axis < 2; axis++) {
                int s = size[axis];
                long n = in.get(axis + 1);
                long length = out.get(axis + 1);
                if (bilinear && s > 1) {
                    field[axis] += jump[axis].ceilTimes(1);
                    float scale = (float) n / length;
                    reads[axis] = o -> {
                        float at = (o + 0.5f) * scale - 0.5f;
                        int lower = (int) Math.max(Math.floor(at), 0);
                        int upper = (int) Math.min(Math.ceil(at), n - 1);
                        return lower == upper ? List.of(lower) : List.of(lower, upper);
                    };
                } else {
                    reads[axis] = o -> List.of(o / s);
                }
                jump[axis] = jump[axis].over(s);
            }
            addStep(in, out, reads);
        }

        private void addStep(Shape in, Shape out, Reads[] reads) {
            steps.add(new Step(new long[] {in.get(1), in.get(2)}, reads));
            gridLength = new long[] {out.get(1), out.get(2)};
        }

        /**
         * A layer whose every unit depends on every unit of its input: the union of their fields, found by following
         * the reads of all units back to the image, axis by axis.
         */
        private void everything() {
            if (kind != Kind.GRID && kind != Kind.FLAT) {
                return;
            }
            kind = Kind.WHOLE;
            if (image[0] < 0 || image[1] < 0 || gridLength[0] < 0 || gridLength[1] < 0) {
                whole = "?";
                return;
            }
            long[] seen = new long[2];
            for (int axis = 0; axis < 2; axis++) {
                boolean[] used = new boolean[(int) gridLength[axis]];
                Arrays.fill(used, true);
                for (int i = steps.size() - 1; i >= 0; i--) {
                    Step step = steps.get(i);
                    boolean[] before = new boolean[(int) step.inLength()[axis]];
                    for (int o = 0; o < used.length; o++) {
                        if (used[o]) {
                            for (int from : step.reads()[axis].of(o)) {
                                before[from] = true;
                            }
                        }
                    }
                    used = before;
                }
                for (boolean u : used) {
                    seen[axis] += u ? 1 : 0;
                }
            }
            whole = seen[0] == image[0] && seen[1] == image[1] ? image[0] + "x" + image[1] + " (all)"
                    : seen[0] + "x" + seen[1] + " of " + image[0] + "x" + image[1];
        }
    }
}
