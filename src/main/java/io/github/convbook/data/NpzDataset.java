package io.github.convbook.data;

import io.github.convbook.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;

/** A dataset in one .npz file with the arrays x_train, y_train, x_test and y_test, as Keras's mnist.npz. */
final class NpzDataset {
    private NpzDataset() {
    }

    static Dataset read(Path file) {
        Map<String, Tensor> a = NpzReader.read(file, "x_train", "y_train", "x_test", "y_test");
        return new Dataset(
                Split.checked(a.get("x_train"), file + ":x_train", a.get("y_train"), file + ":y_train"),
                Split.checked(a.get("x_test"), file + ":x_test", a.get("y_test"), file + ":y_test"));
    }
}
