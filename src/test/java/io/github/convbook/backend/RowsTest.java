package io.github.convbook.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The batch copy picks the same rows as ND4J's {@code pullRows}, for every dtype and from a slice at an offset. */
class RowsTest {
    private static final int[] PICKED = {4, 0, 4, 2, 5};

    @Test
    void samePicksAsPullRowsForEveryDtype() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.INT, DataType.UBYTE,
            DataType.LONG}) {
            INDArray source = Nd4j.linspace(DataType.DOUBLE, 0, 6 * 3 * 2 * 2, 1).castTo(type).reshape('c', 6, 3, 2, 2);
            INDArray flat = source.reshape('c', 6, 12);
            INDArray expected = Nd4j.create(type, PICKED.length, 12);
            Nd4j.pullRows(flat, expected, 1, PICKED);
            INDArray batch = Nd4j.create(type, PICKED.length, 12);
            assertTrue(Rows.applies(flat, batch), type.toString());
            Rows.gather(flat, PICKED, batch);
            assertEquals(expected, batch, type.toString());
        }
    }

    @Test
    void aSliceIsReadFromItsOffset() {
        INDArray whole = Nd4j.linspace(DataType.FLOAT, 0, 80, 1).reshape('c', 10, 8);
        INDArray slice = whole.get(NDArrayIndex.interval(3, 9));
        INDArray batch = Nd4j.create(DataType.FLOAT, PICKED.length, 8);
        Rows.gather(slice, PICKED, batch);
        for (int i = 0; i < PICKED.length; i++) {
            assertEquals(whole.getRow(3 + PICKED[i]), batch.getRow(i));
        }
    }

    @Test
    void mismatchedArraysAreNotHandled() {
        INDArray source = Nd4j.rand(DataType.FLOAT, 6, 4);
        assertFalse(Rows.applies(source, Nd4j.create(DataType.DOUBLE, 2, 4)));
        assertFalse(Rows.applies(source, Nd4j.create(DataType.FLOAT, 2, 5)));
        assertFalse(Rows.applies(source.transpose(), Nd4j.create(DataType.FLOAT, 2, 6)));
    }
}
