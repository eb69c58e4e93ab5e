package io.github.convbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawImages() {
        byte[] pixels = TestFiles.images(5, 0);
        Path file = TestFiles.write(dir.resolve("train-images-idx3-ubyte"), TestFiles.idx(pixels, 5, 28, 28));
        Tensor x = IdxReader.read(file);
        assertArrayEquals(new long[] {5, 28, 28}, x.shape().toArray());
        assertEquals(DType.UINT8, x.dtype());
        assertArrayEquals(unsigned(pixels), x.toIntArray());
    }

    @Test
    void readsGzipLabels() {
        byte[] labels = TestFiles.labels(5, 0);
        Path file = TestFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"),
                TestFiles.gzip(TestFiles.idx(labels, 5)));
        Tensor y = IdxReader.read(file);
        assertArrayEquals(new long[] {5}, y.shape().toArray());
        assertEquals(DType.UINT8, y.dtype());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, y.toIntArray());
    }

    @Test
    void pixelsAbove127StayPositive() {
        byte[] pixels = {0, 127, (byte) 128, (byte) 255};
        Path file = TestFiles.write(dir.resolve("x"), TestFiles.idx(pixels, 1, 2, 2));
        assertArrayEquals(new int[] {0, 127, 128, 255}, IdxReader.read(file).toIntArray());
    }

    @Test
    void badMagicNumberNamesFileAndExpectedValue() {
        byte[] bytes = TestFiles.idx(TestFiles.labels(5, 0), 5);
        bytes[2] = 0x0D;   // type 0x0D = float, not unsigned byte
        Path file = TestFiles.write(dir.resolve("labels"), bytes);
        String message = assertThrows(DatasetException.class, () -> IdxReader.read(file)).getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("0x00000D01") && message.contains("expected 0x00000801"), message);
    }

    @Test
    void truncatedValuesGiveExpectedAndFoundSizes() {
        byte[] full = TestFiles.idx(TestFiles.images(5, 0), 5, 28, 28);
        Path file = TestFiles.write(dir.resolve("images"), Arrays.copyOf(full, full.length - 100));
        String message = assertThrows(DatasetException.class, () -> IdxReader.read(file)).getMessage();
        assertTrue(message.contains(file + " is truncated"), message);
        assertTrue(message.contains("needs 3920 bytes") && message.contains("found only 3820"), message);
    }

    @Test
    void fileEndingInsideTheHeaderIsTruncated() {
        Path file = TestFiles.write(dir.resolve("images"), new byte[] {0, 0, 8, 3, 0, 0});
        String message = assertThrows(DatasetException.class, () -> IdxReader.read(file)).getMessage();
        assertTrue(message.contains(file + " is truncated"), message);
    }

    @Test
    void shortGzipIsTruncated() {
        byte[] gz = TestFiles.gzip(TestFiles.idx(TestFiles.images(5, 0), 5, 28, 28));
        Path file = TestFiles.write(dir.resolve("images.gz"), Arrays.copyOf(gz, gz.length / 2));
        String message = assertThrows(DatasetException.class, () -> IdxReader.read(file)).getMessage();
        assertTrue(message.contains(file + " is truncated"), message);
    }

    @Test
    void extraBytesAreReported() {
        byte[] full = TestFiles.idx(TestFiles.labels(5, 0), 5);
        Path file = TestFiles.write(dir.resolve("labels"), TestFiles.concat(full, new byte[] {1}));
        String message = assertThrows(DatasetException.class, () -> IdxReader.read(file)).getMessage();
        assertTrue(message.contains("longer than its header says") && message.contains("needs 5 bytes"), message);
    }

    static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = Byte.toUnsignedInt(bytes[i]);
        }
        return values;
    }
}
