/**
 * Models, as Keras's {@code keras.Model} and {@code keras.Sequential}: chain layers into a {@link Model} (functional
 * API, from {@code Input.shape(28, 28, 1)} to the output) or stack them in a {@link Sequential}, then
 * {@code compile} with an optimizer, a loss and metrics, {@code fit} on data {@code x} {@code (N, ...)} with targets
 * {@code y} (integer labels {@code (N,)} or one-hot {@code (N, classes)}), {@code evaluate} and {@code predict}.
 * Shapes are batch first with {@code None} for a batch of any size, values are float32 unless the layers say
 * otherwise, and {@code fit}'s options ({@link Fit}) take Keras's defaults (batch size 32, one epoch, shuffled,
 * verbose 1). {@code fit} returns a {@link History}, {@code evaluate} an {@link Evaluation}; models are saved and
 * loaded in Keras's {@code .keras} and {@code .weights.h5} formats, and a failed read or write throws
 * {@link ModelFileException}.
 */
package io.github.convbook.models;
