package io.github.convbook.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values print as NumPy 1.2x prints them; the expected strings are NumPy's own output for the same arrays. */
class TensorPrintTest {

    private static String values(Tensor t) {
        String text = t.toString();
        return text.substring(text.indexOf('\n') + 1);
    }

    @Test
    void shapesPrintAsPythonTuples() {
        assertEquals("(64, 4, 2)", Shape.of(64, 4, 2).toString());
        assertEquals("(2,)", Shape.of(2).toString());
        assertEquals("()", Shape.of(new long[0]).toString());
        assertEquals("(None, 28, 28, 1)", Shape.batchOf(28, 28, 1).toString());
    }

    @Test
    void headerNamesShapeAndDtype() {
        assertTrue(Tensor.zeros(2, 3).toString().startsWith("Tensor(shape=(2, 3), dtype=float32)\n"));
        assertEquals("Tensor(shape=(), dtype=float32)\n3.5", Tensor.scalar(3.5).toString());
    }

    @Test
    void floatsUseTheShortestDigitsAligned() {
        assertEquals("[[0. 0. 0.]\n [0. 0. 0.]]", values(Tensor.zeros(2, 3)));
        assertEquals("[0.25 0.5 ]", values(Tensor.of(0.25f, 0.5f)));
        assertEquals("[ 1.   2.5 -3. ]", values(Tensor.of(1f, 2.5f, -3f)));
        assertEquals("[-1.5   2.25]", values(Tensor.of(-1.5, 2.25)));
        assertEquals("[0.1        0.33333334]", values(Tensor.of(0.1f, 1f / 3)));
        assertEquals("[0.3]", values(Tensor.of(0.1 + 0.2)));
        assertEquals("[1.5 nan]", values(Tensor.of(1.5, Double.NaN)));
    }

    @Test
    void scientificNotationForWideRanges() {
        assertEquals("[1.0000e+00 1.2345e-05]", values(Tensor.of(1.0, 1.2345e-5)));
        assertEquals("[1.e-05 1.e+00]", values(Tensor.of(1e-5, 1.0)));
    }

    @Test
    void integersAndBooleansAlignRight() {
        assertEquals("[-1 10]", values(Tensor.of(-1, 10)));
        assertEquals("[  0 200 255]", values(Tensor.ofUint8(new byte[] {0, (byte) 200, (byte) 255}, 3)));
    }

    @Test
    void longRowsWrapAt75Characters() {
        assertEquals("[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n"
                + " 24 25 26 27 28 29]", values(Tensor.arange(30)));
    }

    @Test
    void largeTensorsAreSummarisedAndPrintInstantly() {
        assertEquals("[0. 0. 0. ... 0. 0. 0.]", values(Tensor.zeros(2000)));
        String big = values(Tensor.arange(6000).reshape(20, 100, 3));
        assertTrue(big.startsWith("[[[   0    1    2]\n  [   3    4    5]\n  [   6    7    8]\n  ...\n"
                + "  [ 291  292  293]"), big);
        assertTrue(big.contains("\n\n ...\n\n [[5100 5101 5102]"), big);
        long start = System.nanoTime();
        Tensor mnistSized = Tensor.zeros(60000, 28, 28);
        String text = mnistSized.toString();
        assertTrue(text.contains("..."));
        assertTrue((System.nanoTime() - start) / 1e9 < 2, "printing must not copy the whole tensor");
    }
}
