package io.github.convbook.data;

import java.util.List;

/**
 * Zalando's Fashion-MNIST, as {@code keras.datasets.fashion_mnist.load_data()}: 60,000 training and 10,000 test
 * images of clothes, 28x28 pixels (uint8, 0..255), with their labels 0..9 (uint8):
 * 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot.
 *
 * <p>Read from {@code data/fashion-mnist/} (made by {@code bash data/fetch.sh}), else from Keras's cache
 * {@code ~/.keras/datasets/fashion-mnist/}, else downloaded into that cache as Keras does.
 */
public final class FashionMnist {
    /** The class names, by label: {@code CLASS_NAMES.get(9)} is "Ankle boot". */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Keras's four files and their SHA-256, as pinned in keras/datasets/fashion_mnist.py. */
    static final DatasetSource SOURCE = new DatasetSource("Fashion-MNIST", "fashion-mnist", List.of(
            file(IdxFiles.TRAIN_LABELS, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
            file(IdxFiles.TRAIN_IMAGES, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
            file(IdxFiles.TEST_LABELS, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
            file(IdxFiles.TEST_IMAGES, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073")),
            files -> IdxFiles.load(files.get(0).getParent()));

    private FashionMnist() {
    }

    /**
     * The training and test data, Keras's {@code (x_train, y_train), (x_test, y_test)}: images
     * {@code (60000, 28, 28)} and {@code (10000, 28, 28)}, labels {@code (60000,)} and {@code (10000,)}, all uint8.
     * A download, the first time, prints a progress bar on standard error.
     *
     * @return the dataset
     * @throws DatasetException when the data is on no searched folder and cannot be downloaded, or a file of it is
     *     truncated or corrupt; the message says where it looked and how to get the data
     */
    public static Dataset loadData() {
        return SOURCE.load(DataLocations.fromEnvironment(), System.err);
    }

    private static DatasetSource.RemoteFile file(String idxName, String sha256) {
        return new DatasetSource.RemoteFile("fashion-mnist/" + idxName + ".gz", sha256);
    }
}
