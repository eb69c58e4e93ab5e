package io.github.convbook.models;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.validationData;
import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Utils;
import io.github.convbook.data.Dataset;
import io.github.convbook.data.Mnist;
import io.github.convbook.optimizers.Adadelta;
import io.github.convbook.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training on real MNIST (fetched by data/fetch.sh, which the build runs): the lecture's models learn. */
class MnistLearningTest {
    private static final Dataset MNIST = Mnist.loadData();

    private static Tensor images(Tensor x, int n) {
        return x.slice(0, n).astype("float32").div(255).reshape(n, 28, 28, 1);
    }

    @Test
    void lectureConvnetScoresAtLeast90PercentAfter3EpochsOn2000Images() {
        Utils.setRandomSeed(42);
        Model model = LectureModels.convnet();
        model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
        // the lecture's optimizer, Keras's default batch size of 32
        model.fit(images(MNIST.train().x(), 2000), MNIST.train().y().slice(0, 2000), epochs(3), verbose(0));
        Evaluation result = model.evaluate(images(MNIST.test().x(), 1000), MNIST.test().y().slice(0, 1000), verbose(0));
        assertTrue(result.get("accuracy") >= 0.90, "test accuracy " + result);
    }

    @Test
    void autoencoderLossFalls() {
        Utils.setRandomSeed(42);
        Model model = LectureModels.autoencoder();
        model.compile(new Adadelta(1.0), "binary_crossentropy");
        Tensor x = images(MNIST.train().x(), 1024);
        Tensor xTest = images(MNIST.test().x(), 256);
        History history = model.fit(x, x, epochs(3), batchSize(256), validationData(xTest, xTest), verbose(0));
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(2) < loss.get(0) - 0.05, "loss " + loss);
        assertTrue(history.get("val_loss").get(2) < history.get("val_loss").get(0),
                "val_loss " + history.get("val_loss"));
    }
}
