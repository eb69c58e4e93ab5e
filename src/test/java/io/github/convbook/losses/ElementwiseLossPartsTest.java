package io.github.convbook.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.convbook.backend.Parallel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The element-wise losses score their values in parts on all cores and then add the scores in order: the loss and
 * its gradient are the very bits of one loop over the values, for every element-wise loss, float32 and float64.
 */
class ElementwiseLossPartsTest {
    @Test
    void partsGiveTheBitsOfOneLoop() {
        List<ElementwiseLoss> losses = List.of(new BinaryCrossentropy(), new BinaryCrossentropy().fromLogits(true),
                new BinaryCrossentropy().labelSmoothing(0.1), new MeanSquaredError(), new MeanAbsoluteError());
        int n = 3 * Parallel.PART + 77;
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Nd4j.getRandom().setSeed(5);
            INDArray yPred = Nd4j.rand(type, n, 1).muli(0.98).addi(0.01);
            INDArray yTrue = Nd4j.rand(type, n, 1).gt(0.5).castTo(type);
            for (ElementwiseLoss loss : losses) {
                String what = loss + " " + type;
                double total = 0;
                double[] slopes = new double[n];
                for (int i = 0; i < n; i++) {
                    double y = loss.target(yTrue.getDouble(i));
                    double p = yPred.getDouble(i);
                    total += Loss.round(loss.term(y, p, type), type);
                    slopes[i] = Loss.round(loss.slope(y, p, type) / n, type);
                }
                assertEquals(Loss.round(total / n, type), loss.value(yTrue, yPred), 0.0, what);
                assertArrayEquals(slopes, loss.gradient(yTrue, yPred).data().asDouble(), 0.0, what);
            }
        }
    }
}
