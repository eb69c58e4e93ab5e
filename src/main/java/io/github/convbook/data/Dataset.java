package io.github.convbook.data;

/**
 * A dataset split into training and test data, as Keras's {@code load_data()} returns it:
 * {@code (x_train, y_train), (x_test, y_test)} becomes {@code dataset.train().x()}, {@code dataset.train().y()},
 * {@code dataset.test().x()} and {@code dataset.test().y()}.
 *
 * @param train the training split, e.g. MNIST's 60,000 images {@code (60000, 28, 28)} uint8 and labels
 *     {@code (60000,)} uint8
 * @param test the test split, e.g. MNIST's 10,000 images {@code (10000, 28, 28)} and labels {@code (10000,)}
 */
public record Dataset(Split train, Split test) {
    /**
     * Shapes and dtypes only: printing 60,000 images in a notebook would help nobody.
     *
     * @return e.g. {@code Dataset(train=(x: (60000, 28, 28) uint8, y: (60000,) uint8), test=(...))}
     */
    @Override
    public String toString() {
        return "Dataset(train=" + train + ", test=" + test + ")";
    }
}
