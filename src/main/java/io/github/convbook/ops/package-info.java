/**
 * The low-level operations a lecture calls by hand, as TensorFlow's {@code tf.nn} module offers them:
 * {@link io.github.convbook.ops.Nn#conv2d(io.github.convbook.tensor.Tensor, io.github.convbook.tensor.Tensor, int,
 * String) Nn.conv2d} and {@link io.github.convbook.ops.Nn#maxPool(io.github.convbook.tensor.Tensor, int, int, String)
 * Nn.maxPool} on NHWC tensors, shaped {@code (batch, height, width, channels)} such as {@code (1, 28, 28, 1)} for one
 * MNIST digit, and the {@link io.github.convbook.ops.Padding} rule ("valid" or "same") that decides how a window
 * treats the border and how long the output is. The Conv2D and MaxPooling2D layers compute the same things, with
 * weights they own and a gradient for training; these functions take every input explicitly and return a fresh
 * tensor, which makes them the place to see what one convolution or pooling step does to an image.
 */
package io.github.convbook.ops;
