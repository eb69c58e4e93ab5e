package io.github.convbook.data;

/**
 * A dataset split into training and test data, as Keras's {@code load_data()} returns it:
 * {@code (x_train, y_train), (x_test, y_test)} becomes {@code dataset.train().x()}, {@code dataset.train().y()},
 * {@code dataset.test().x()} and {@code dataset.test().y()}.
 */
public record Dataset(Split train, Split test) {
    /** Shapes and dtypes only: printing 60,000 images in a notebook would help nobody. */
    @Override
    public String toString() {
        return "Dataset(train=" + train + ", test=" + test + ")";
    }
}
