package io.github.convbook.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keras's RMSprop and Adadelta update rules as DJL optimizers, for the PyTorch engine, whose DJL binding implements
 * neither ({@code PtNDArrayEx.rmspropUpdate} and {@code adadeltaUpdate} throw in DJL 0.35.1). The rules are
 * tf.keras 2.x's, the ones ConvBook's {@code RMSprop} and {@code Adadelta} follow, written as in-place PyTorch
 * tensor ops outside autograd (DJL calls {@link Optimizer#update} after the gradient collector has closed). Adam
 * needs nothing here: DJL's built-in {@code Adam} on PyTorch is Keras's rule (see {@link PyTorchModels#mlp}).
 *
 * <p>DJL hands {@link Optimizer#update} a copy of the gradient, and PyTorch adds each backward pass's gradients to
 * the last ones; DJL's own PyTorch optimizers zero the parameter's gradient after the update, and so do these.
 */
final class KerasOptimizers {
    private KerasOptimizers() {
    }

    /**
     * Keras's {@code RMSprop(learning_rate, rho, epsilon)} without momentum:
     * {@code ms = rho * ms + (1 - rho) * g^2; w -= lr * g / (sqrt(ms) + eps)}. (PyTorch's {@code torch.optim.RMSprop}
     * also adds eps outside the root, but its default alpha, rho here, is 0.99 and its eps 1e-8; Keras 3 moved eps
     * inside the root. The values here are the lecture's.)
     */
    static Optimizer rmsprop(float learningRate, float rho, float epsilon) {
        return new KerasRule() {
            private final Map<String, Map<Device, NDArray>> meanSquares = new ConcurrentHashMap<>();

            @Override
            void apply(String id, NDArray weight, NDArray grad) {
                NDArray ms = withDefaultState(meanSquares, id, weight.getDevice(), k -> weight.zerosLike());
                try (NDArray g2 = grad.square()) {
                    ms.muli(rho).addi(g2.muli(1 - rho));
                }
                try (NDArray root = ms.sqrt(); NDArray step = grad.div(root.addi(epsilon))) {
                    weight.subi(step.muli(learningRate));
                }
            }
        };
    }

    /**
     * Keras's {@code Adadelta(learning_rate, rho, epsilon)}: {@code acc = rho * acc + (1 - rho) * g^2;
     * d = sqrt(accDelta + eps) / sqrt(acc + eps) * g; w -= lr * d; accDelta = rho * accDelta + (1 - rho) * d^2}.
     * tf.keras's default learning rate is 0.001; PyTorch's {@code torch.optim.Adadelta} (and DJL's MXNet-era
     * {@code Adadelta}) use 1.0, the paper's, and PyTorch's eps defaults to 1e-6.
     */
    static Optimizer adadelta(float learningRate, float rho, float epsilon) {
        return new KerasRule() {
            private final Map<String, Map<Device, NDArray>> accumulated = new ConcurrentHashMap<>();
            private final Map<String, Map<Device, NDArray>> accumulatedDelta = new ConcurrentHashMap<>();

            @Override
            void apply(String id, NDArray weight, NDArray grad) {
                NDArray acc = withDefaultState(accumulated, id, weight.getDevice(), k -> weight.zerosLike());
                NDArray accDelta = withDefaultState(accumulatedDelta, id, weight.getDevice(), k -> weight.zerosLike());
                try (NDArray g2 = grad.square()) {
                    acc.muli(rho).addi(g2.muli(1 - rho));
                }
                try (NDArray numerator = accDelta.add(epsilon); NDArray denominator = acc.add(epsilon)) {
                    try (NDArray numeratorRoot = numerator.sqrt(); NDArray denominatorRoot = denominator.sqrt()) {
                        NDArray d = numeratorRoot.divi(denominatorRoot).muli(grad);   // in place: d is numeratorRoot
                        try (NDArray step = d.mul(learningRate)) {
                            weight.subi(step);
                        }
                        accDelta.muli(rho).addi(d.muli(d).muli(1 - rho));
                    }
                }
            }
        };
    }

    /** An optimizer that applies its rule, then zeroes the parameter's gradient for the next batch. */
    private abstract static class KerasRule extends Optimizer {
        KerasRule() {
            super(new Defaults());
        }

        abstract void apply(String parameterId, NDArray weight, NDArray grad);

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            updateCount(parameterId);
            apply(parameterId, weight, grad);
            try (NDArray accumulatedGradient = weight.getGradient()) {
                accumulatedGradient.subi(accumulatedGradient);
            }
        }
    }

    /** DJL's defaults: no gradient rescaling, clipping or weight decay, as Keras's. */
    private static final class Defaults extends Optimizer.OptimizerBuilder<Defaults> {
        @Override
        protected Defaults self() {
            return this;
        }
    }
}
