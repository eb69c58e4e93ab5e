package io.github.convbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Tensor;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real MNIST and Fashion-MNIST, once {@code bash data/fetch.sh} has fetched them. Without the data these tests
 * are skipped on a developer's machine but fail under CI (CI=true), which fetches the data first.
 */
class RealDataTest {
    private static Dataset mnist;
    private static Dataset fashion;

    private static synchronized Dataset mnist() {
        if (mnist == null) {
            requireFetched("mnist", "mnist.npz");
            mnist = Mnist.loadData();
        }
        return mnist;
    }

    private static synchronized Dataset fashion() {
        if (fashion == null) {
            requireFetched("fashion-mnist", "fashion-mnist/train-images-idx3-ubyte.gz");
            fashion = FashionMnist.loadData();
        }
        return fashion;
    }

    /** Skips (or under CI fails) when neither data/<folder> nor Keras's cache has the dataset: no download in tests. */
    private static void requireFetched(String folder, String kerasCacheFile) {
        DataLocations where = DataLocations.fromEnvironment();
        if (where.idxFolder(folder).isPresent() || Files.exists(where.kerasDatasets().resolve(kerasCacheFile))) {
            return;
        }
        String why = folder + " has not been fetched: run `bash data/fetch.sh` (looked in " + where.dataDirs()
                + " and " + where.kerasDatasets() + ")";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true, so the data must be there: " + why);
        }
        Assumptions.abort(why);
    }

    @Test
    void mnistHasKerasShapesAndDtypes() {
        Dataset data = mnist();
        assertShape(data.train().x(), 60000, 28, 28);
        assertShape(data.train().y(), 60000);
        assertShape(data.test().x(), 10000, 28, 28);
        assertShape(data.test().y(), 10000);
        assertPixelRange(data);
    }

    @Test
    void mnistLabelsPerClass() {
        Dataset data = mnist();
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                countPerClass(data.train().y()));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                countPerClass(data.test().y()));
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, data.train().y().slice(0, 10).toIntArray());
    }

    @Test
    void mnistLoadsInUnderTwoSeconds() {
        mnist();
        Tensor.zeros(1);   // ND4J's one-time start-up is not part of loading
        long start = System.nanoTime();
        Mnist.loadData();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "loading MNIST took " + millis + " ms, expected under 2000 ms");
    }

    @Test
    void fashionMnistHasKerasShapesAndBalancedClasses() {
        Dataset data = fashion();
        assertShape(data.train().x(), 60000, 28, 28);
        assertShape(data.train().y(), 60000);
        assertShape(data.test().x(), 10000, 28, 28);
        assertShape(data.test().y(), 10000);
        assertPixelRange(data);
        assertArrayEquals(filled(6000), countPerClass(data.train().y()));
        assertArrayEquals(filled(1000), countPerClass(data.test().y()));
    }

    private static void assertShape(Tensor t, long... shape) {
        assertArrayEquals(shape, t.shape().toArray());
        assertEquals(DType.UINT8, t.dtype());
    }

    private static void assertPixelRange(Dataset data) {
        for (Split split : new Split[] {data.train(), data.test()}) {
            assertEquals(0.0, split.x().min());
            assertEquals(255.0, split.x().max());
        }
    }

    private static int[] countPerClass(Tensor labels) {
        int[] counts = new int[10];
        for (int label : labels.toIntArray()) {
            counts[label]++;
        }
        return counts;
    }

    private static int[] filled(int value) {
        int[] a = new int[10];
        Arrays.fill(a, value);
        return a;
    }
}
