/**
 * Keras's layers, with Keras's names, arguments and defaults: {@link io.github.convbook.layers.Conv2D},
 * {@link io.github.convbook.layers.MaxPooling2D}, {@link io.github.convbook.layers.Dense},
 * {@link io.github.convbook.layers.Dropout}, {@link io.github.convbook.layers.BatchNormalization} and the others,
 * configured with fluent setters ({@code new Conv2D(32, 3).activation("relu")} is
 * {@code Conv2D(32, 3, activation="relu")}), and {@link io.github.convbook.layers.Input} to start a functional model.
 * Images are NHWC, channels last, as in Keras: a batch of 28x28 grayscale images is {@code (batch, 28, 28, 1)}, and
 * shapes print the batch as {@code None} when it is not fixed, {@code (None, 28, 28, 1)}; a layer's
 * {@code computeOutputShape} gives its output shape without computing anything. A layer makes its weights (in
 * Keras's layouts, e.g. a Conv2D kernel {@code (kernel_height, kernel_width, in_channels, filters)}) the first time
 * it sees an input. {@code layer.apply(x)} is Python's {@code layer(x)} and {@code layer.apply(x, true)} is
 * {@code layer(x, training=True)}: both return fresh tensors that no later call changes, as do
 * {@code getWeights()} and {@code weights()}. ConvBook's models and trainer reach the batch-level passes, whose
 * results live in buffers reused from batch to batch, and the live weight arrays through
 * {@link io.github.convbook.layers.Layer#engine()}; notebooks do not need it.
 */
package io.github.convbook.layers;
