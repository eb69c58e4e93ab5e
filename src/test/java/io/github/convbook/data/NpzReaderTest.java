package io.github.convbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsNamedUint8Arrays() {
        Path file = TestFiles.write(dir.resolve("mnist.npz"), TestFiles.mnistNpz());
        Map<String, Tensor> arrays = NpzReader.read(file, "x_train", "y_test");
        Tensor x = arrays.get("x_train");
        assertArrayEquals(new long[] {5, 28, 28}, x.shape().toArray());
        assertEquals(DType.UINT8, x.dtype());
        assertArrayEquals(IdxReaderTest.unsigned(TestFiles.images(5, 0)), x.toIntArray());
        assertArrayEquals(new long[] {3}, arrays.get("y_test").shape().toArray());
        assertArrayEquals(new int[] {0, 1, 2}, arrays.get("y_test").toIntArray());
    }

    @Test
    void missingArrayListsWhatIsThere() {
        Path file = TestFiles.write(dir.resolve("a.npz"),
                TestFiles.zip(Map.of("x.npy", TestFiles.npy(new byte[2], 2))));
        String message = assertThrows(DatasetException.class, () -> NpzReader.read(file, "x_train")).getMessage();
        assertTrue(message.contains("no array 'x_train'") && message.contains("[x.npy]"), message);
    }

    @Test
    void otherDtypesAreRejected() {
        byte[] npy = TestFiles.npy(new byte[8], 2);
        String text = new String(npy, StandardCharsets.ISO_8859_1).replace("'|u1'", "'<f4'");
        Path file = TestFiles.write(dir.resolve("a.npz"),
                TestFiles.zip(Map.of("x.npy", text.getBytes(StandardCharsets.ISO_8859_1))));
        String message = assertThrows(DatasetException.class, () -> NpzReader.read(file, "x")).getMessage();
        assertTrue(message.contains("a.npz:x.npy") && message.contains("expected uint8") && message.contains("'<f4'"),
                message);
    }

    @Test
    void truncatedArrayGivesExpectedAndFound() {
        byte[] npy = TestFiles.npy(new byte[784], 1, 28, 28);
        Path file = TestFiles.write(dir.resolve("a.npz"),
                TestFiles.zip(Map.of("x.npy", Arrays.copyOf(npy, npy.length - 4))));
        String message = assertThrows(DatasetException.class, () -> NpzReader.read(file, "x")).getMessage();
        assertTrue(message.contains("truncated") && message.contains("needs 784") && message.contains("found only 780"),
                message);
    }

    @Test
    void truncatedZipIsReported() {
        byte[] npz = TestFiles.mnistNpz();
        Path file = TestFiles.write(dir.resolve("mnist.npz"), Arrays.copyOf(npz, npz.length / 2));
        String message = assertThrows(DatasetException.class, () -> NpzReader.read(file, "x_train")).getMessage();
        assertTrue(message.contains(file + " is not a complete .npz"), message);
    }
}
