"""Writes mlp.weights.h5 with h5py exactly as tf.keras 2.15's saving_lib (H5IOStore + _save_state) lays out
model.save_weights("mlp.weights.h5") for

    keras.Sequential([keras.Input((4,)), layers.Dense(3, activation="relu"), layers.BatchNormalization(),
                      layers.Dense(2, activation="softmax")])

Layout (a Sequential's model.layers has no InputLayer; groups are the snake_case class names, numbered per class;
variables are numbered trainable first, then non-trainable):
    vars/                                   the model's own variables: none
    layers/dense/vars/0  (4, 3) kernel      1  (3,) bias
    layers/batch_normalization/vars/0 gamma (3,), 1 beta, 2 moving_mean, 3 moving_variance
    layers/dense_1/vars/0 (3, 2) kernel     1  (2,) bias
Values: kernel[i, j] = (i * cols + j) / 10 and friends, so the test can check them.
Run: /usr/bin/python3 make_keras_weights.py (needs python3-h5py, numpy)."""
import h5py
import numpy as np

with h5py.File("mlp.weights.h5", "w") as f:
    f.create_group("vars")
    d = f.create_group("layers/dense").create_group("vars")
    d["0"] = (np.arange(12, dtype="float32") / 10).reshape(4, 3)
    d["1"] = np.array([0.1, 0.2, 0.3], dtype="float32")
    bn = f.create_group("layers/batch_normalization").create_group("vars")
    bn["0"] = np.array([1.0, 2.0, 3.0], dtype="float32")
    bn["1"] = np.array([0.5, 0.0, -0.5], dtype="float32")
    bn["2"] = np.array([0.25, 0.5, 0.75], dtype="float32")
    bn["3"] = np.array([1.5, 2.0, 2.5], dtype="float32")
    d1 = f.create_group("layers/dense_1").create_group("vars")
    d1["0"] = (np.arange(6, dtype="float32") / 10).reshape(3, 2)
    d1["1"] = np.array([-0.1, 0.1], dtype="float32")
