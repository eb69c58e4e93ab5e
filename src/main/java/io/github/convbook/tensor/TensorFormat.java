package io.github.convbook.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Prints tensor values exactly as NumPy's {@code print(array)} does (NumPy 1.2x defaults: line width 75,
 * 8 digits of precision, tensors over 1,000 values summarised to 3 items at each edge with {@code ...}).
 * Only the values that are shown are read, so printing a 60,000-image tensor is instant.
 */
final class TensorFormat {
    static final int LINE_WIDTH = 75;
    static final int THRESHOLD = 1000;
    static final int EDGE_ITEMS = 3;
    static final int PRECISION = 8;

    private final INDArray array;
    private final long[] shape;
    private final boolean summarise;
    private final ElementFormat elements;

    private TensorFormat(Tensor tensor) {
        this.array = tensor.data();
        this.shape = tensor.shape().toArray();
        this.summarise = tensor.size() > THRESHOLD;
        List<Double> shown = new ArrayList<>();
        collect(new long[0], shown);
        this.elements = ElementFormat.of(tensor.dtype(), shown);
    }

    static String format(Tensor tensor) {
        if (tensor.size() == 0) {
            return "[]";
        }
        TensorFormat format = new TensorFormat(tensor);
        if (tensor.rank() == 0) {
            return format.elements.format(format.valueAt(new long[0])).strip();
        }
        return format.recurse(new long[0], " ", LINE_WIDTH);
    }

    private double valueAt(long[] index) {
        return index.length == 0 ? array.getDouble(0L) : array.getDouble(index);
    }

    /** The positions shown along one axis: all of them, or the edges when summarising. */
    private long[] shownPositions(int axis) {
        long n = shape[axis];
        if (summarise && n > 2L * EDGE_ITEMS) {
            long[] positions = new long[2 * EDGE_ITEMS];
            for (int i = 0; i < EDGE_ITEMS; i++) {
                positions[i] = i;
                positions[EDGE_ITEMS + i] = n - EDGE_ITEMS + i;
            }
            return positions;
        }
        long[] all = new long[(int) n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private void collect(long[] index, List<Double> out) {
        if (index.length == shape.length) {
            out.add(valueAt(index));
            return;
        }
        for (long i : shownPositions(index.length)) {
            collect(append(index, i), out);
        }
    }

    private static long[] append(long[] index, long i) {
        long[] next = new long[index.length + 1];
        System.arraycopy(index, 0, next, 0, index.length);
        next[index.length] = i;
        return next;
    }

    /** NumPy's {@code _formatArray}: nested brackets, rows wrapped at the line width. */
    private String recurse(long[] index, String hangingIndent, int currentWidth) {
        int axis = index.length;
        int axesLeft = shape.length - axis;
        if (axesLeft == 0) {
            return elements.format(valueAt(index));
        }
        String nextIndent = hangingIndent + " ";
        int nextWidth = currentWidth - 1;
        long n = shape[axis];
        boolean showSummary = summarise && n > 2L * EDGE_ITEMS;
        long leading = showSummary ? EDGE_ITEMS : 0;
        long trailing = showSummary ? EDGE_ITEMS : n;
        StringBuilder s = new StringBuilder();
        if (axesLeft == 1) {
            int elementWidth = currentWidth - 1;
            StringBuilder line = new StringBuilder(hangingIndent);
            for (long i = 0; i < leading; i++) {
                extendLine(s, line, recurse(append(index, i), nextIndent, nextWidth), elementWidth, hangingIndent);
                line.append(' ');
            }
            if (showSummary) {
                extendLine(s, line, "...", elementWidth, hangingIndent);
                line.append(' ');
            }
            for (long i = trailing; i > 1; i--) {
                extendLine(s, line, recurse(append(index, n - i), nextIndent, nextWidth), elementWidth, hangingIndent);
                line.append(' ');
            }
            extendLine(s, line, recurse(append(index, n - 1), nextIndent, nextWidth), elementWidth, hangingIndent);
            s.append(line);
        } else {
            String lineSeparator = "\n".repeat(axesLeft - 1);
            for (long i = 0; i < leading; i++) {
                s.append(hangingIndent).append(recurse(append(index, i), nextIndent, nextWidth)).append(lineSeparator);
            }
            if (showSummary) {
                s.append(hangingIndent).append("...").append(lineSeparator);
            }
            for (long i = trailing; i > 1; i--) {
                s.append(hangingIndent).append(recurse(append(index, n - i), nextIndent, nextWidth))
                        .append(lineSeparator);
            }
            s.append(hangingIndent).append(recurse(append(index, n - 1), nextIndent, nextWidth));
        }
        return "[" + s.substring(hangingIndent.length()) + "]";
    }

    private static void extendLine(StringBuilder s, StringBuilder line, String word, int width, String indent) {
        boolean wrap = line.length() + word.length() > width && line.length() > indent.length();
        if (wrap) {
            s.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append(indent);
        }
        line.append(word);
    }

    /** One formatter for all shown values, so they line up as NumPy lines them up. */
    private interface ElementFormat {
        String format(double value);

        static ElementFormat of(DType dtype, List<Double> values) {
            if (dtype == DType.BOOL) {
                boolean anyFalse = values.stream().anyMatch(v -> v == 0);
                return v -> pad(v != 0 ? "True" : "False", anyFalse ? 5 : 4);
            }
            if (!dtype.isFloating()) {
                int width = values.stream().mapToInt(v -> Long.toString((long) (double) v).length()).max().orElse(1);
                return v -> pad(Long.toString((long) v), width);
            }
            return FloatFormat.of(dtype, values);
        }

        static String pad(String text, int width) {
            return " ".repeat(Math.max(0, width - text.length())) + text;
        }
    }

    /** NumPy's FloatingFormat in 'maxprec' mode: shortest digits up to 8 decimals, positional or scientific. */
    private static final class FloatFormat implements ElementFormat {
        private final boolean float32;
        private final boolean scientific;
        private int padLeft;
        private int padRight;
        private int exponentDigits = 2;

        private FloatFormat(boolean float32, boolean scientific) {
            this.float32 = float32;
            this.scientific = scientific;
        }

        static FloatFormat of(DType dtype, List<Double> values) {
            double maxAbs = 0;
            double minAbs = Double.MAX_VALUE;
            for (double v : values) {
                if (Double.isFinite(v) && v != 0) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                    minAbs = Math.min(minAbs, Math.abs(v));
                }
            }
            boolean scientific = maxAbs > 0 && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3);
            FloatFormat f = new FloatFormat(dtype == DType.FLOAT32, scientific);
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                String[] parts = f.digits(v);
                f.padLeft = Math.max(f.padLeft, parts[0].length());
                f.padRight = Math.max(f.padRight, parts[1].length());
                if (scientific) {
                    f.exponentDigits = Math.max(f.exponentDigits, parts[2].length());
                }
            }
            for (double v : values) {
                if (!Double.isFinite(v)) {   // nan and inf reach into the integer part's room, as NumPy pads them
                    f.padLeft = Math.max(f.padLeft, special(v).length() - f.padRight - 1);
                }
            }
            return f;
        }

        private static String special(double v) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }

        /** The shortest decimal that reads back as the same float32/float64 value. */
        private BigDecimal shortest(double v) {
            return new BigDecimal(float32 ? Float.toString((float) v) : Double.toString(v));
        }

        /** {integer part with sign, fraction digits, exponent digits}. */
        private String[] digits(double v) {
            String sign = (v < 0 || (v == 0 && 1 / v < 0)) ? "-" : "";
            BigDecimal d = shortest(Math.abs(v));
            if (scientific) {
                int exponent = d.signum() == 0 ? 0 : d.precision() - d.scale() - 1;
                BigDecimal mantissa = d.movePointLeft(exponent)
                        .round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
                if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
                    mantissa = mantissa.movePointLeft(1);
                    exponent++;
                }
                String[] parts = split(mantissa.stripTrailingZeros());
                return new String[] {sign + parts[0], parts[1], Integer.toString(Math.abs(exponent)),
                    exponent < 0 ? "-" : "+"};
            }
            if (d.scale() > PRECISION) {
                d = d.setScale(PRECISION, RoundingMode.HALF_EVEN);
            }
            String[] parts = split(d.stripTrailingZeros());
            return new String[] {sign + parts[0], parts[1]};
        }

        private static String[] split(BigDecimal d) {
            String plain = d.toPlainString();
            int dot = plain.indexOf('.');
            return dot < 0 ? new String[] {plain, ""}
                    : new String[] {plain.substring(0, dot), plain.substring(dot + 1)};
        }

        @Override
        public String format(double v) {
            if (!Double.isFinite(v)) {
                int width = padLeft + 1 + padRight + (scientific ? 2 + exponentDigits : 0);
                return ElementFormat.pad(special(v), width);
            }
            String[] parts = digits(v);
            String left = ElementFormat.pad(parts[0], padLeft);
            if (scientific) {
                String fraction = parts[1] + "0".repeat(padRight - parts[1].length());
                String exponent = "0".repeat(exponentDigits - parts[2].length()) + parts[2];
                return left + "." + fraction + "e" + parts[3] + exponent;
            }
            return left + "." + parts[1] + " ".repeat(padRight - parts[1].length());
        }
    }
}
