/**
 * Every layer written out as plain Java loops over plain arrays: the definition that the layers' fast code (ND4J,
 * oneDNN) is tested against, and the place to read what a layer computes. {@code Conv2DLoops.conv2d} is the
 * convolution's seven nested loops; {@code PoolingLoops}, {@code Conv2DTransposeLoops}, {@code UpSamplingLoops},
 * {@code DenseLoops}, {@code ActivationLoops}, {@code GlobalPoolingLoops}, {@code BatchNormalizationLoops},
 * {@code DropoutLoops} and {@code FlattenLoops} do the same for the other layers.
 *
 * <p>Images are {@link io.github.convbook.layers.loops.Array4}s in Keras's default layout, NHWC
 * ({@code channels_last}): (batch, height, width, channels). Everything is {@code double}; the rules (padding,
 * output sizes, rounding of arguments) are Keras's and TensorFlow's, named where they are used.
 *
 * <p>These classes use nothing but {@code java.*}: they share no code with the library, so a test that compares the
 * two checks one against something independent. They are slow on purpose: one multiplication at a time, in the
 * order a reader would do it by hand.
 */
package io.github.convbook.layers.loops;
