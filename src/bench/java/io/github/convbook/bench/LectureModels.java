package io.github.convbook.bench;

import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.MaxPooling2D;
import io.github.convbook.layers.UpSampling2D;
import io.github.convbook.models.Model;
import io.github.convbook.tensor.Tensor;

/** The three models the lecture trains, built with ConvBook's API exactly as a notebook builds them. */
final class LectureModels {
    private LectureModels() {
    }

    static Model convnet() {
        Tensor inputs = Input.shape(28, 28, 1);
        Tensor x = new Conv2D(32, 3).activation("relu").apply(inputs);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(64, 3).activation("relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(128, 3).activation("relu").apply(x);
        x = new Flatten().apply(x);
        return new Model(inputs, new Dense(10).activation("softmax").apply(x));
    }

    static Model mlp() {
        Tensor inputs = Input.shape(784);
        Tensor x = new Dense(512).activation("relu").apply(inputs);
        x = new Dense(512).activation("relu").apply(x);
        return new Model(inputs, new Dense(10).activation("softmax").apply(x));
    }

    static Model autoencoder() {
        Tensor inputs = Input.shape(28, 28, 1);
        Tensor x = new Conv2D(16, 3).activation("relu").padding("same").apply(inputs);
        x = new MaxPooling2D(2).padding("same").apply(x);
        x = new Conv2D(8, 3).activation("relu").padding("same").apply(x);
        x = new MaxPooling2D(2).padding("same").apply(x);
        x = new Conv2D(4, 3).activation("relu").padding("same").apply(x);
        x = new MaxPooling2D(2).padding("same").apply(x);
        x = new Conv2D(4, 3).activation("relu").padding("same").apply(x);
        x = new UpSampling2D(2).apply(x);
        x = new Conv2D(8, 3).activation("relu").padding("same").apply(x);
        x = new UpSampling2D(2).apply(x);
        x = new Conv2D(16, 3).activation("relu").apply(x);
        x = new UpSampling2D(2).apply(x);
        return new Model(inputs, new Conv2D(1, 3).activation("sigmoid").padding("same").apply(x));
    }
}
