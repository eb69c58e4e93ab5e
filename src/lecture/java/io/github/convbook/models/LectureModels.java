package io.github.convbook.models;

import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Conv2DTranspose;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.MaxPooling2D;
import io.github.convbook.layers.UpSampling2D;
import io.github.convbook.tensor.Tensor;

/**
 * The lecture's models, built layer by layer in the lecture's order, as a notebook builds them (seed 000: the
 * autoencoders, seed 001: the convnet, seed 003: the MLP). Used by the tests and the benchmark; a chapter types
 * them out instead, since building them is the lesson.
 */
public final class LectureModels {
    private LectureModels() {
    }

    /** Seed 000: Conv2D + MaxPooling2D encoder, Conv2D + UpSampling2D decoder, 3,369 parameters. */
    public static Model autoencoder() {
        Tensor inputImg = Input.shape(28, 28, 1);
        Tensor encoded = new Conv2D(16, 3).activation("relu").padding("same").apply(inputImg);
        encoded = new MaxPooling2D(2).padding("same").apply(encoded);
        encoded = new Conv2D(8, 3).activation("relu").padding("same").apply(encoded);
        encoded = new MaxPooling2D(2).padding("same").apply(encoded);
        encoded = new Conv2D(4, 3).activation("relu").padding("same").apply(encoded);
        encoded = new MaxPooling2D(2).padding("same").apply(encoded);
        Tensor decoded = new Conv2D(4, 3).activation("relu").padding("same").apply(encoded);
        decoded = new UpSampling2D(2).apply(decoded);
        decoded = new Conv2D(8, 3).activation("relu").padding("same").apply(decoded);
        decoded = new UpSampling2D(2).apply(decoded);
        decoded = new Conv2D(16, 3).activation("relu").apply(decoded);
        decoded = new UpSampling2D(2).apply(decoded);
        decoded = new Conv2D(1, 3).activation("sigmoid").padding("same").apply(decoded);
        return new Model(inputImg, decoded);
    }

    /** Seed 000's variant: valid-padded encoder, Conv2DTranspose decoder, also 3,369 parameters. */
    public static Model transposeAutoencoder() {
        Tensor inputImg = Input.shape(28, 28, 1);
        Tensor encoded = new Conv2D(16, 3).activation("relu").apply(inputImg);
        encoded = new MaxPooling2D(2).apply(encoded);
        encoded = new Conv2D(8, 3).activation("relu").apply(encoded);
        encoded = new MaxPooling2D(2).apply(encoded);
        encoded = new Conv2D(4, 3).activation("relu").apply(encoded);
        Tensor decoded = new Conv2DTranspose(4, 3).activation("relu").padding("same").apply(encoded);
        decoded = new UpSampling2D(2).apply(decoded);
        decoded = new Conv2DTranspose(8, 3).activation("relu").padding("same").apply(decoded);
        decoded = new UpSampling2D(2).apply(decoded);
        decoded = new Conv2DTranspose(16, 3).activation("relu").apply(decoded);
        decoded = new UpSampling2D(2).apply(decoded);
        decoded = new Conv2DTranspose(1, 3).activation("sigmoid").padding("same").apply(decoded);
        return new Model(inputImg, decoded);
    }

    /** Seed 001 (code 8-1): the MNIST convnet, 104,202 parameters. */
    public static Model convnet() {
        Tensor inputs = Input.shape(28, 28, 1);
        Tensor x = new Conv2D(32, 3).activation("relu").apply(inputs);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(64, 3).activation("relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(128, 3).activation("relu").apply(x);
        x = new Flatten().apply(x);
        Tensor outputs = new Dense(10).activation("softmax").apply(x);
        return new Model(inputs, outputs);
    }

    /** Seed 003: the MLP 784-512-512-10, 669,706 parameters. */
    public static Model mlp() {
        Tensor inputs = Input.shape(784);
        Tensor x = new Dense(512).activation("relu").apply(inputs);
        x = new Dense(512).activation("relu").apply(x);
        Tensor outputs = new Dense(10).activation("softmax").apply(x);
        return new Model(inputs, outputs);
    }
}
