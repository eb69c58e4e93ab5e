package io.github.convbook.data;

import io.github.convbook.tensor.Tensor;

/**
 * One part of a dataset: images {@code x}, shape (n, rows, cols), and their labels {@code y}, shape (n,),
 * both uint8 as in Keras.
 */
public record Split(Tensor x, Tensor y) {
    /**
     * A split from images and labels read from {@code xSource} and {@code ySource} (file names, for the message),
     * after checking that they fit together, so a mismatched pair never reaches a model.
     */
    static Split checked(Tensor x, String xSource, Tensor y, String ySource) {
        if (x.rank() != 3) {
            throw new DatasetException(xSource + ": expected images of shape (n, rows, cols), found shape " + x.shape());
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

    @Override
    public String toString() {
        return "(x: " + describe(x) + ", y: " + describe(y) + ")";
    }

    private static String describe(Tensor t) {
        return t.shape() + " " + t.dtype();
    }
}
