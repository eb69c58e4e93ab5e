package io.github.convbook.data;

import java.util.List;

/**
 * The MNIST handwritten digits, as {@code keras.datasets.mnist.load_data()}: 60,000 training and 10,000 test
 * images of 28x28 pixels (uint8, 0..255) with their labels 0..9 (uint8).
 *
 * <pre>{@code
 * var mnist = Mnist.loadData();
 * var xTrain = mnist.train().x();   // (60000, 28, 28) uint8
 * var yTrain = mnist.train().y();   // (60000,) uint8
 * }</pre>
 *
 * <p>Read from {@code data/mnist/} (made by {@code bash data/fetch.sh}), else from Keras's cache
 * {@code ~/.keras/datasets/mnist.npz}, else downloaded into that cache as Keras does.
 */
public final class Mnist {
    /** Keras's file and its SHA-256, as pinned in keras/datasets/mnist.py. */
    static final DatasetSource SOURCE = new DatasetSource("MNIST", "mnist",
            List.of(new DatasetSource.RemoteFile("mnist.npz",
                    "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1")),
            files -> NpzDataset.read(files.get(0)));

    private Mnist() {
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
}
