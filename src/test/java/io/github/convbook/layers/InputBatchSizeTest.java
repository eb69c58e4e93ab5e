package io.github.convbook.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Backend;
import io.github.convbook.models.Model;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code keras.Input(shape=(28, 28, 1), batch_size=32)} and {@code keras.Input(batch_shape=(32, 28, 28, 1))}: a known
 * batch axis that every layer's output shape carries.
 */
class InputBatchSizeTest {

    @Test
    void batchSizeAndBatchShapeGiveTheSameTensor() {
        Tensor a = Input.shape(new int[] {28, 28, 1}, 32);
        Tensor b = Input.batchShape(32, 28, 28, 1);
        assertEquals(Shape.of(32, 28, 28, 1), a.shape());
        assertEquals(Shape.of(32, 28, 28, 1), b.shape());
        assertEquals("(32, 28, 28, 1)", a.shape().toString());
        assertEquals(Shape.of(Shape.UNKNOWN, 28, 28, 1), Input.batchShape(-1, 28, 28, 1).shape());
        assertEquals(Shape.of(Shape.UNKNOWN, 28, 28, 1), Input.shape(28, 28, 1).shape());
        InputLayer layer = (InputLayer) ((Node) a.origin()).layer();
        assertEquals(32, layer.batchSize());
        assertEquals(-1, ((InputLayer) ((Node) Input.shape(3).origin()).layer()).batchSize());
    }

    @Test
    void everyLayerPassesTheBatchThrough() {
        Tensor in = Input.shape(new int[] {28, 28, 1}, 32);
        Tensor conv = new Conv2D(8, 3).activation("relu").apply(in);
        assertEquals(Shape.of(32, 26, 26, 8), conv.shape());
        Tensor pooled = new MaxPooling2D(2).apply(conv);
        assertEquals(Shape.of(32, 13, 13, 8), pooled.shape());
        assertEquals(Shape.of(32, 6, 6, 8), new AveragePooling2D(2).apply(pooled).shape());
        Tensor up = new UpSampling2D(2).apply(pooled);
        assertEquals(Shape.of(32, 26, 26, 8), up.shape());
        assertEquals(Shape.of(32, 52, 52, 8), new UpSampling2D(2).interpolation("bilinear").apply(up).shape());
        assertEquals(Shape.of(32, 28, 28, 4), new Conv2DTranspose(4, 3).apply(conv).shape());
        assertEquals(Shape.of(32, 54, 54, 4),
                new Conv2DTranspose(4, 3).strides(2).outputPadding(1).apply(conv).shape());
        Tensor flat = new Flatten().apply(new Dropout(0.5).apply(pooled));
        assertEquals(Shape.of(32, 13 * 13 * 8), flat.shape());
        Tensor dense = new Dense(10).activation("softmax").apply(flat);
        assertEquals(Shape.of(32, 10), dense.shape());

        Model model = new Model(in, dense);
        assertEquals(Shape.of(32, 10), model.outputShape());
        assertEquals(Shape.of(32, 28, 28, 1), model.inputShape());
    }

    @Test
    void summaryPrintsTheBatch() {
        Backend.clearSession();
        Tensor in = Input.batchShape(32, 28, 28, 1);
        Tensor conv = new Conv2D(8, 3).apply(in);
        Tensor out = new Dense(10).apply(new Flatten().apply(conv));
        List<String> lines = new ArrayList<>();
        new Model(in, out).summary(lines::add);
        assertEquals("input_1 (InputLayer)         [(32, 28, 28, 1)]         0         ", lines.get(4));
        assertEquals("conv2d (Conv2D)              (32, 26, 26, 8)           80        ", lines.get(6));
        assertEquals("flatten (Flatten)            (32, 5408)                0         ", lines.get(8));
        assertEquals("dense (Dense)                (32, 10)                  54090     ", lines.get(10));
    }

    @Test
    void badShapesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Input.shape(new int[] {28, 28, 1}, 0));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Input.shape(new int[] {28, 0, 1}, 32));
        e = assertThrows(IllegalArgumentException.class, () -> Input.batchShape(32));
        assertTrue(e.getMessage().contains("batchShape(32, 28, 28, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Input.batchShape(0, 28, 28, 1));
        assertThrows(IllegalArgumentException.class, () -> Input.batchShape(-2, 28, 28, 1));
        assertThrows(IllegalArgumentException.class, () -> Input.batchShape(32, 28, -1, 1));
    }
}
