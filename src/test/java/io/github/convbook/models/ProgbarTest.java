package io.github.convbook.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.display.InProcessKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** In a notebook, a whole fit's log is one output that grows, as Keras's log is one block of text in Jupyter. */
class ProgbarTest {
    /** Keeps the displays and updates it is asked to show, as a runner's kernel would. */
    private static final class RecordingKernel extends InProcessKernel {
        final List<String> ids = new ArrayList<>();
        final List<String> texts = new ArrayList<>();

        @Override
        public void display(DisplayData data) {
            ids.add(data.getDisplayId());
            texts.add(String.valueOf(data.getData(MIMEType.TEXT_PLAIN)));
        }

        @Override
        public void updateDisplay(String id, DisplayData data) {
            ids.add(id);
            texts.add(String.valueOf(data.getData(MIMEType.TEXT_PLAIN)));
        }

        @Override
        public LanguageInfo getLanguageInfo() {
            return new LanguageInfo.Builder("Java").build();
        }
    }

    private static Map<String, Double> loss(double value) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", value);
        return values;
    }

    @Test
    void twoEpochsAreOneGrowingOutputWithoutBlankLines() {
        RecordingKernel kernel = new RecordingKernel();
        kernel.attach();
        try {
            Progbar bar = new Progbar(3, 2);
            bar.startEpoch("Epoch 1/2");
            bar.finish(loss(0.5));
            bar.startEpoch("Epoch 2/2");
            bar.finish(loss(0.25));
        } finally {
            kernel.detach();
        }
        Set<String> ids = kernel.ids.stream().collect(Collectors.toSet());
        assertEquals(1, ids.size(), "one display, updated: " + kernel.ids);
        String[] lines = kernel.texts.get(kernel.texts.size() - 1).split("\n", -1);
        assertEquals(4, lines.length, String.join("|", lines));
        assertEquals("Epoch 1/2", lines[0]);
        assertTrue(lines[1].startsWith("3/3 - 0s - loss: 0.5000"), lines[1]);
        assertEquals("Epoch 2/2", lines[2]);
        assertTrue(lines[3].startsWith("3/3 - 0s - loss: 0.2500"), lines[3]);
    }

    @Test
    void anInterruptReplacesTheCurrentEpochsLineAndKeepsTheFinishedOnes() {
        RecordingKernel kernel = new RecordingKernel();
        kernel.attach();
        try {
            Progbar bar = new Progbar(3, 1);
            bar.startEpoch("Epoch 1/2");
            bar.finish(loss(0.5));
            bar.startEpoch("Epoch 2/2");
            bar.interrupted("Epoch 2/2: interrupted at batch 2/3 (1 batches done)");
        } finally {
            kernel.detach();
        }
        String[] lines = kernel.texts.get(kernel.texts.size() - 1).split("\n", -1);
        assertEquals(3, lines.length, String.join("|", lines));
        assertEquals("Epoch 1/2", lines[0]);
        assertTrue(lines[1].startsWith("3/3 [==============================] - 0s"), lines[1]);
        assertEquals("Epoch 2/2: interrupted at batch 2/3 (1 batches done)", lines[2]);
    }
}
