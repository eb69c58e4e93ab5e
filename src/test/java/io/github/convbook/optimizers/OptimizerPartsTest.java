package io.github.convbook.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.convbook.backend.Parallel;
import io.github.convbook.backend.Values;
import io.github.convbook.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A weight long enough to be updated in parts on several threads ({@link Parallel}) ends with the very bits one loop
 * over all of it gives, for every optimizer, in float32 and float64, over three steps (so momentum and running averages
 * carry from step to step), including the ragged last part.
 */
class OptimizerPartsTest {
    private static final int LENGTH = 3 * Parallel.PART + 77;

    @Test
    void partsGiveTheBitsOfOneLoop() {
        List<Supplier<Optimizer>> all = List.of(SGD::new, () -> new SGD(0.1, 0.9, true), Adam::new, RMSprop::new,
                Adagrad::new, Adadelta::new);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (Supplier<Optimizer> make : all) {
                Nd4j.getRandom().setSeed(5);
                INDArray start = Nd4j.randn(type, LENGTH);
                INDArray[] gradients = {Nd4j.randn(type, LENGTH), Nd4j.randn(type, LENGTH).muli(1e-3),
                    Nd4j.randn(type, LENGTH).muli(10)};

                Optimizer inParts = make.get();
                INDArray parted = start.dup();
                Optimizer oneLoop = make.get();
                INDArray whole = start.dup();
                INDArray[] slots = new INDArray[oneLoop.slotCount()];
                for (int i = 0; i < slots.length; i++) {
                    slots[i] = Nd4j.valueArrayOf(new long[] {LENGTH}, oneLoop.initialSlotValue(i), type);
                }
                for (int step = 1; step <= gradients.length; step++) {
                    INDArray g = gradients[step - 1];
                    inParts.apply(List.of(new Parameter("w", Tensor.wrap(parted), Tensor.wrap(g))));
                    Values[] slotValues = new Values[slots.length];
                    for (int i = 0; i < slots.length; i++) {
                        slotValues[i] = Values.of(slots[i]);
                    }
                    oneLoop.update(Values.of(whole), Values.of(g), slotValues, step);
                }
                String what = inParts + " " + type;
                if (type == DataType.FLOAT) {
                    assertArrayEquals(whole.toFloatVector(), parted.toFloatVector(), 0f, what);
                } else {
                    assertArrayEquals(whole.toDoubleVector(), parted.toDoubleVector(), 0d, what);
                }
            }
        }
    }
}
