package io.github.convbook.bench;

import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Layer;
import io.github.convbook.models.Model;
import io.github.convbook.tensor.Shape;

/**
 * Training FLOPs per image, computed from a built model's layer shapes: a convolution or dense layer does
 * {@code (output size / filters) x kernel size} multiply-adds per image forward (one per kernel weight per output
 * position), and as many again for the kernel's gradient and for the input's gradient, except the first such
 * layer, whose input gradient nothing needs. Two FLOPs per multiply-add; biases, activations, pooling, the loss and
 * the optimizer are left out (they are not GEMM work). The lecture's models give 18.2 M (convnet), 3.2 M (MLP) and
 * 4.05 M (conv autoencoder), as in PERF_NOTES.md.
 */
final class TrainingFlops {
    private TrainingFlops() {
    }

    /**
     * The count for one image.
     *
     * @param model a built model
     * @return training FLOPs per image
     */
    static double perImage(Model model) {
        double total = 0;
        boolean first = true;
        for (Layer layer : model.layers()) {
            if (!(layer instanceof Conv2D || layer instanceof Dense) || !layer.isBuilt()) {
                continue;
            }
            Shape kernel = layer.weights().get(0).shape();
            Shape output = layer.computeOutputShape(layer.builtInputShape()).withoutBatch();
            double macs = (double) output.size() / kernel.get(kernel.rank() - 1) * kernel.size();
            total += macs * (first ? 2 : 3);
            first = false;
        }
        return 2 * total;
    }
}
