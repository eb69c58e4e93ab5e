package io.github.convbook.data;

import io.github.convbook.tensor.Tensor;

/**
 * One part of a dataset: images {@code x}, shape (n, rows, cols), and their labels {@code y}, shape (n,),
 * both uint8 as in Keras.
 *
 * @param x the images, {@code (n, rows, cols)} uint8 pixels 0..255 (0 is the background), e.g.
 *     {@code (60000, 28, 28)}; add a channel axis with {@code x.expandDims(-1)} for a Conv2D
 * @param y the labels, {@code (n,)} uint8 class numbers, e.g. 0..9
 */
public record Split(Tensor x, Tensor y) {
    /**
     * A split from images and labels read from {@code xSource} and {@code ySource} (file names, for the message),
     * after checking that they fit together, so a mismatched pair never reaches a model.
     */
    static Split checked(Tensor x, String xSource, Tensor y, String ySource) {
        if (x.rank() != 3) {
            throw new DatasetException(xSource + ": expected images of shape (n, rows, cols), found shape "
                    + x.shape());
        }
        if (y.rank() != 1) {
            throw new DatasetException(ySource + ": expected labels of shape (n,), found shape " + y.shape());
        }
        long images = x.shape().toArray()[0];
        long labels = y.shape().toArray()[0];
        if (images != labels) {
            throw new DatasetException(xSource + " holds " + images + " images but " + ySource + " holds " + labels
                    + " labels: expected one label per image");
        }
        return new Split(x, y);
    }

    /**
     * Shapes and dtypes only, not the values.
     *
     * @return e.g. {@code (x: (60000, 28, 28) uint8, y: (60000,) uint8)}
     */
    @Override
    public String toString() {
        return "(x: " + describe(x) + ", y: " + describe(y) + ")";
    }

    private static String describe(Tensor t) {
        return t.shape() + " " + t.dtype();
    }
}
