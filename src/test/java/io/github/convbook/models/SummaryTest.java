package io.github.convbook.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.convbook.Backend;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * summary() against the tables of seed 000. The expected files were written by Keras's own print_summary code
 * (see src/test/resources/summaries/) and agree token for token with the lecture's printed tables.
 */
class SummaryTest {

    private static String expected(String name) throws IOException {
        try (InputStream in = SummaryTest.class.getResourceAsStream("/summaries/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String summaryOf(Model model) {
        List<String> lines = new ArrayList<>();
        model.summary(lines::add);
        return String.join("\n", lines) + "\n";
    }

    /** The lecture creates one Conv2D, a Flatten and Dense layers before its autoencoder, so it starts at conv2d_1. */
    private static void lectureLayersBeforeTheAutoencoder() {
        Tensor conv = new Conv2D(16, 5).strides(5).useBias(false).apply(Tensor.zeros(1, 1920, 1080, 3));
        new Dense(1).useBias(false).apply(new Flatten().apply(conv));
    }

    @Test
    void autoencodersPrintTheLectureTablesCharacterForCharacter() throws IOException {
        Backend.clearSession();
        lectureLayersBeforeTheAutoencoder();
        assertEquals(expected("autoencoder.txt"), summaryOf(LectureModels.autoencoder()));
        assertEquals(expected("autoencoder_transpose.txt"), summaryOf(LectureModels.transposeAutoencoder()));
    }

    @Test
    void everyRowIs65CharactersWide() {
        Backend.clearSession();
        for (String line : summaryOf(LectureModels.convnet()).split("\n")) {
            if (!line.startsWith("Model:") && !line.contains("params")) {
                assertEquals(65, line.length(), "row: '" + line + "'");
            }
        }
    }

    @Test
    void sequentialSummaryHasNoInputRowAndCountsTheMlp() {
        Backend.clearSession();
        Sequential mlp = new Sequential(new Dense(512).activation("relu").inputShape(784),
                new Dense(512).activation("relu"), new Dense(10).activation("softmax"));
        String text = summaryOf(mlp);
        String[] lines = text.split("\n");
        assertEquals("Model: \"sequential\"", lines[0]);
        assertEquals("dense (Dense)                (None, 512)               401920    ", lines[4]);
        assertEquals("dense_2 (Dense)              (None, 10)                5130      ", lines[8]);
        assertEquals("Total params: 669,706", lines[10]);
    }
}
