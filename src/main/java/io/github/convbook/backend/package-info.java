/**
 * The engine room: the code under ConvBook's layers, models and optimizers that learners never import
 * ({@code startup.jsh} leaves this package out, and no learner-facing method hands out one of its types except
 * {@code Layer.engine()}). It holds the libnd4j calls behind convolution, pooling and upsampling on NHWC arrays
 * ({@link io.github.convbook.backend.NativeOps}), the per-layer scratch buffers reused from batch to batch
 * ({@link io.github.convbook.backend.Scratch}), direct in-place loops over a float32/float64 array's values
 * ({@link io.github.convbook.backend.Values}), the memory guard every allocation passes before ND4J sees it
 * ({@link io.github.convbook.backend.Memory}), argument checks with learner-readable messages
 * ({@link io.github.convbook.backend.Checks}), Keras-style default names such as {@code conv2d_1}
 * ({@link io.github.convbook.backend.Naming}), the one seeded random generator
 * ({@link io.github.convbook.backend.RandomState}) and the engine's batch-level handle on a layer
 * ({@link io.github.convbook.backend.LayerEngine}). Its methods work on ND4J's {@code INDArray} rather than on
 * {@code Tensor}, often write into buffers that the next call overwrites, and trust their callers to have checked
 * shapes already, so they are for ConvBook's own code; notebooks get the same operations, with checks and fresh
 * results, through {@code io.github.convbook.ops.Nn}, the layers and {@code Model}.
 */
package io.github.convbook.backend;
