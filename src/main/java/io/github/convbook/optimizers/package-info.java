/**
 * The optimizers that {@code model.compile(...)} accepts, as Keras names and configures them: {@code SGD} (with
 * optional momentum and Nesterov), {@code RMSprop}, {@code Adam}, {@code Adadelta} and {@code Adagrad}, each with
 * tf.keras 2.x's default settings and update rule, plus {@link io.github.convbook.optimizers.Optimizers#get(String)}
 * to create one from the string Keras accepts ({@code "adam"}, {@code "rmsprop"}, ...). After every batch the
 * trainer hands an {@link io.github.convbook.optimizers.Optimizer} the trainable weights with their gradients as
 * {@link io.github.convbook.optimizers.Parameter}s, and the optimizer moves each weight in place, keeping its own
 * per-weight state (momentum, running averages of gradients) from one step to the next; call
 * {@link io.github.convbook.optimizers.Optimizer#apply(java.util.List)} yourself to take one step by hand.
 */
package io.github.convbook.optimizers;
