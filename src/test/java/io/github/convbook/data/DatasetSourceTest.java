package io.github.convbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.DType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each place a dataset can come from, tried in order, on tiny generated files. */
class DatasetSourceTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final PrintStream progressOut = new PrintStream(progress, true, StandardCharsets.UTF_8);

    private DataLocations locations(String baseUrl) {
        return new DataLocations(List.of(tmp.resolve("work/data"), tmp.resolve("project/data")),
                tmp.resolve("keras/datasets"), baseUrl);
    }

    private DataLocations offline() throws IOException {
        return locations(closedPortUrl());
    }

    @Test
    void idxGzipFolderInTheSecondDataDir() throws IOException {
        TestFiles.writeIdxFolder(tmp.resolve("project/data/mnist"), true);
        assertTiny(Mnist.SOURCE.load(offline(), progressOut));
    }

    @Test
    void rawIdxFolder() throws IOException {
        TestFiles.writeIdxFolder(tmp.resolve("work/data/fashion-mnist"), false);
        assertTiny(FashionMnist.SOURCE.load(offline(), progressOut));
    }

    @Test
    void incompleteIdxFolderSaysWhatIsMissing() throws IOException {
        Path dir = TestFiles.writeIdxFolder(tmp.resolve("work/data/mnist"), true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        DataLocations where = offline();
        String message = assertThrows(DatasetException.class, () -> Mnist.SOURCE.load(where, progressOut)).getMessage();
        assertTrue(message.contains(dir + " is incomplete")
                && message.contains("missing [t10k-labels-idx1-ubyte(.gz)]"), message);
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreRejected() throws IOException {
        Path dir = TestFiles.writeIdxFolder(tmp.resolve("work/data/mnist"), false);
        TestFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), TestFiles.idx(TestFiles.labels(2, 0), 2));
        DataLocations where = offline();
        String message = assertThrows(DatasetException.class, () -> Mnist.SOURCE.load(where, progressOut)).getMessage();
        assertTrue(message.contains("holds 3 images but") && message.contains("holds 2 labels"), message);
    }

    @Test
    void kerasCacheNpzForMnist() throws IOException {
        TestFiles.write(tmp.resolve("keras/datasets/mnist.npz"), TestFiles.mnistNpz());
        assertTiny(Mnist.SOURCE.load(offline(), progressOut));
    }

    @Test
    void kerasCacheFolderForFashionMnist() throws IOException {
        TestFiles.writeIdxFolder(tmp.resolve("keras/datasets/fashion-mnist"), true);
        assertTiny(FashionMnist.SOURCE.load(offline(), progressOut));
    }

    @Test
    void downloadsMnistNpzIntoTheKerasCache() {
        byte[] npz = TestFiles.mnistNpz();
        DatasetSource source = new DatasetSource("MNIST", "mnist",
                List.of(new DatasetSource.RemoteFile("mnist.npz", TestFiles.sha256(npz))), Mnist.SOURCE.readCache());
        try (LocalServer server = new LocalServer(Map.of("mnist.npz", npz))) {
            assertTiny(source.load(locations(server.baseUrl()), progressOut));
        }
        assertArrayEquals(npz, read(tmp.resolve("keras/datasets/mnist.npz")));
        assertEquals(List.of("mnist.npz"), filesIn(tmp.resolve("keras/datasets")));
        String bar = progress.toString(StandardCharsets.UTF_8);
        assertTrue(bar.contains("Downloading http://127.0.0.1:") && bar.contains("100%"), bar);
    }

    @Test
    void downloadsTheFourFashionMnistFiles() {
        Map<String, byte[]> served = new HashMap<>();
        TestFiles.idxFiles().forEach((name, bytes) -> served.put(name + ".gz", TestFiles.gzip(bytes)));
        List<DatasetSource.RemoteFile> files = FashionMnist.SOURCE.cacheFiles().stream()
                .map(f -> new DatasetSource.RemoteFile(f.cachePath(), TestFiles.sha256(served.get(f.fileName()))))
                .toList();
        DatasetSource source = new DatasetSource("Fashion-MNIST", "fashion-mnist", files,
                FashionMnist.SOURCE.readCache());
        try (LocalServer server = new LocalServer(served)) {
            assertTiny(source.load(locations(server.baseUrl()), progressOut));
        }
        assertEquals(4, filesIn(tmp.resolve("keras/datasets/fashion-mnist")).size());
    }

    @Test
    void checksumMismatchLeavesNothingInTheCache() {
        // The tiny file is not the real mnist.npz, so Keras's pinned SHA-256 rejects it.
        try (LocalServer server = new LocalServer(Map.of("mnist.npz", TestFiles.mnistNpz()))) {
            DataLocations where = locations(server.baseUrl());
            String message = assertThrows(DatasetException.class, () -> Mnist.SOURCE.load(where, progressOut))
                    .getMessage();
            assertTrue(message.contains("is corrupt: its SHA-256 is " + TestFiles.sha256(TestFiles.mnistNpz())),
                    message);
            assertTrue(message.contains("expected 731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"),
                    message);
        }
        assertEquals(List.of(), filesIn(tmp.resolve("keras/datasets")));
    }

    @Test
    void truncatedDownloadLeavesNothingInTheCache() {
        byte[] npz = TestFiles.mnistNpz();
        DatasetSource source = new DatasetSource("MNIST", "mnist",
                List.of(new DatasetSource.RemoteFile("mnist.npz", TestFiles.sha256(npz))), Mnist.SOURCE.readCache());
        try (LocalServer server = new LocalServer(Map.of("mnist.npz", npz), "mnist.npz")) {
            DataLocations where = locations(server.baseUrl());
            String message = assertThrows(DatasetException.class, () -> source.load(where, progressOut)).getMessage();
            assertTrue(message.contains("mnist.npz was cut short")
                    && message.contains("of the " + npz.length + " expected"), message);
        }
        assertEquals(List.of(), filesIn(tmp.resolve("keras/datasets")));
    }

    @Test
    void offlineMessageSaysHowToGetTheData() throws IOException {
        DataLocations where = offline();
        String message = assertThrows(DatasetException.class, () -> Mnist.SOURCE.load(where, progressOut)).getMessage();
        assertTrue(message.startsWith("MNIST is not on this machine and could not be downloaded"), message);
        assertTrue(message.contains("bash data/fetch.sh"), message);
        assertTrue(message.contains(tmp.resolve("work/data/mnist").toString()), message);
        assertTrue(message.contains(tmp.resolve("keras/datasets/mnist.npz").toString()), message);
        assertTrue(message.contains(where.baseUrl() + "mnist.npz"), message);
        assertTrue(message.contains("CONVBOOK_DATA"), message);
    }

    @Test
    void missingFileOnTheServerIsReportedAsUnavailable() {
        try (LocalServer server = new LocalServer(Map.of())) {
            DataLocations where = locations(server.baseUrl());
            String message = assertThrows(DatasetException.class, () -> FashionMnist.SOURCE.load(where, progressOut))
                    .getMessage();
            assertTrue(message.contains("answered HTTP 404") && message.contains("bash data/fetch.sh"), message);
        }
    }

    /** The tiny dataset of TestFiles, as Keras returns it: uint8 images and labels. */
    private static void assertTiny(Dataset data) {
        assertArrayEquals(new long[] {5, 28, 28}, data.train().x().shape().toArray());
        assertArrayEquals(new long[] {5}, data.train().y().shape().toArray());
        assertArrayEquals(new long[] {3, 28, 28}, data.test().x().shape().toArray());
        assertEquals(DType.UINT8, data.train().x().dtype());
        assertEquals(DType.UINT8, data.test().y().dtype());
        assertArrayEquals(IdxReaderTest.unsigned(TestFiles.images(5, 0)), data.train().x().toIntArray());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, data.train().y().toIntArray());
        assertArrayEquals(IdxReaderTest.unsigned(TestFiles.images(3, 100)), data.test().x().toIntArray());
        assertArrayEquals(new int[] {0, 1, 2}, data.test().y().toIntArray());
    }

    /** A URL on 127.0.0.1 where nothing listens: connecting is refused at once, as with no network. */
    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
    }

    private static List<String> filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
