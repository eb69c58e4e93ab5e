package io.github.convbook.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.backend.Memory;
import io.github.convbook.image.Images;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.UpSampling2D;
import io.github.convbook.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Requests ND4J would crash on (SIGSEGV) or overflow on fail first with a message naming call, shape, dtype, bytes. */
class AllocationGuardTest {

    private static String refused(Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        return e.getMessage();
    }

    @Test
    void theLearnersCrashIsAClearError() {
        String m = refused(() -> Tensor.zeros(100000, 100000, 100));
        assertTrue(m.startsWith("Tensor.zeros: an array of shape (100000, 100000, 100) and dtype float32 needs 4.0 TB"),
                m);
        assertTrue(m.contains("available"), m);
    }

    @Test
    void overflowingCountsAreNamedNotArithmeticExceptions() {
        String m = refused(() -> Tensor.ones(Long.MAX_VALUE / 2, 4));
        assertTrue(m.contains("Tensor.ones") && m.contains("overflows"), m);
        m = refused(() -> Tensor.randn(1L << 40));
        assertTrue(m.contains("Tensor.randn"), m);
        m = refused(() -> Tensor.zeros(-3, 2));
        assertTrue(m.contains(">= 0"), m);
        assertThrows(IllegalArgumentException.class, () -> Shape.of(1L << 62, 1L << 62).size());
    }

    @Test
    void reshapeAstypeBroadcastAndMatmulAreChecked() {
        assertTrue(refused(() -> Tensor.zeros(4).reshape(-2, -2)).contains("reshape"));
        Tensor column = Tensor.zeros(200_000, 1);
        Tensor row = Tensor.zeros(1, 200_000_000);
        String m = refused(() -> column.add(row));
        assertTrue(m.startsWith("add: an array of shape (200000, 200000000)"), m);
        assertTrue(refused(() -> Tensor.zeros(3_000_000, 1).matmul(Tensor.zeros(1, 3_000_000))).startsWith("matmul"));
        assertEquals(DType.FLOAT64, Tensor.zeros(2, 2).astype("float64").dtype());
    }

    @Test
    void hugeLayersAndOutputsNameTheLayer() {
        Tensor in = Input.shape(100_000);
        String m = refused(() -> new Dense(1_000_000_000).name("huge").apply(in));
        assertTrue(m.contains("huge") && m.contains("kernel") && m.contains("(100000, 1000000000)"), m);

        Tensor images = Input.shape(64, 64, 3);
        Model up = new Model(images, new UpSampling2D(20_000).name("up").apply(images));
        m = refused(() -> up.predict(Tensor.zeros(1, 64, 64, 3)));
        assertTrue(m.contains("up") && m.contains("output"), m);
    }

    @Test
    void warpsToHugeSizesAreRefused() {
        Tensor image = Tensor.zeros(28, 28);
        String m = refused(() -> Images.warpAffine(image, Images.getRotationMatrix2D(14, 14, 0, 1), 2_000_000,
                2_000_000));
        assertTrue(m.startsWith("warpAffine"), m);
    }

    @Test
    void availableMemoryIsKnownAndPositive() {
        assertTrue(Memory.availableBytes() > 0);
        assertEquals("4.0 TB (4000000000000 bytes)", Memory.bytes(4_000_000_000_000L));
    }
}
