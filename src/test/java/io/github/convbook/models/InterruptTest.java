package io.github.convbook.models;

import static io.github.convbook.models.Fit.batchSize;
import static io.github.convbook.models.Fit.epochs;
import static io.github.convbook.models.Fit.shuffle;
import static io.github.convbook.models.Fit.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.CellInterruptedException;
import io.github.convbook.Utils;
import io.github.convbook.image.Images;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Input;
import io.github.convbook.optimizers.SGD;
import io.github.convbook.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Jupyter's "interrupt" reaches IJava's cell thread as {@link Thread#interrupt()}; these tests do the same to a
 * background {@code fit} and check that training stops within a batch, prints nothing more, leaves consistent
 * weights, and that the model trains again afterwards.
 */
class InterruptTest {
    private static final int BATCH = 4;

    @AfterEach
    void clearFlag() {
        Thread.interrupted();   // a test that set the flag on the test thread must not leak it
    }

    private static Model model() {
        Tensor in = Input.shape(64);
        Tensor hidden = new Dense(256).activation("relu").apply(in);
        Model model = new Model(in, new Dense(10).activation("softmax").apply(hidden));
        model.compile(new SGD(0.01), "sparse_categorical_crossentropy", "accuracy");
        return model;
    }

    private static Tensor[] data(int n) {
        Tensor x = Tensor.randn(n, 64);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return new Tensor[] {x, Tensor.of(labels)};
    }

    @Test
    void anInterruptedFitStopsWithinABatchPrintsNothingMoreAndKeepsConsistentWeights() throws Exception {
        Utils.setRandomSeed(7);
        Tensor[] d = data(40_000);   // 10000 steps of 4 samples: far more than the test waits
        Model model = model();
        List<Tensor> initial = model.getWeights();

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread worker;
        long stoppedAfterNanos;
        int lengthAtStop;
        try {
            System.setOut(new PrintStream(captured, true));
            worker = new Thread(() -> {
                try {
                    model.fit(d[0], d[1], epochs(3), batchSize(BATCH), shuffle(false), verbose(1));
                } catch (Throwable t) {
                    thrown.set(t);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            }, "cell");
            worker.start();
            Thread.sleep(400);
            long interruptedAt = System.nanoTime();
            worker.interrupt();
            worker.join(5_000);
            stoppedAfterNanos = System.nanoTime() - interruptedAt;
            assertFalse(worker.isAlive(), "fit did not stop after the interrupt");
            lengthAtStop = captured.size();
            Thread.sleep(300);
            assertEquals(lengthAtStop, captured.size(), "output arrived after the interrupted fit stopped");
        } finally {
            System.setOut(original);
        }
        assertTrue(stoppedAfterNanos < 1_000_000_000L, "stopped only after " + stoppedAfterNanos / 1e6 + " ms");

        FitInterruptedException e = assertInstanceOf(FitInterruptedException.class, thrown.get());
        assertTrue(flagKept.get(), "the interrupt flag must stay set for IJava");
        assertEquals(0, e.history().epochs());
        Matcher m = Pattern.compile("Epoch 1/3: interrupted at batch (\\d+)/10000 \\((\\d+) batches done\\)")
                .matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        int done = Integer.parseInt(m.group(2));
        assertTrue(done > 0, "no batch ran before the interrupt: " + e.getMessage());
        assertTrue(captured.toString().contains("Epoch 1/3: interrupted at batch " + (done + 1) + "/10000"),
                "the progress line says where training stopped: " + captured);

        // The same number of complete steps from the same start gives the same weights: nothing half-applied.
        Model twin = model();
        twin.setWeights(initial);
        twin.fit(d[0].slice(0, (long) done * BATCH), d[1].slice(0, (long) done * BATCH), epochs(1), batchSize(BATCH),
                shuffle(false), verbose(0));
        List<Tensor> a = model.getWeights();
        List<Tensor> b = twin.getWeights();
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).allClose(b.get(i), 1e-6), "weight " + i + " differs from " + done + " clean steps");
        }

        // and the model trains again, in this (uninterrupted) thread
        History again = model.fit(d[0].slice(0, 64), d[1].slice(0, 64), epochs(1), batchSize(16), verbose(0));
        assertEquals(1, again.epochs());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void evaluateAndPredictStopBeforeTheirNextBatch() {
        Utils.setRandomSeed(3);
        Tensor[] d = data(64);
        Model model = model();
        Thread.currentThread().interrupt();
        CellInterruptedException e = assertThrows(CellInterruptedException.class,
                () -> model.evaluate(d[0], d[1], verbose(0)));
        assertTrue(e.getMessage().contains("evaluate: interrupted at batch 1/2"), e.getMessage());
        assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
        e = assertThrows(CellInterruptedException.class, () -> model.predict(d[0]));
        assertTrue(e.getMessage().contains("predict"), e.getMessage());
        assertThrows(FitInterruptedException.class, () -> model.fit(d[0], d[1], verbose(0)));
        assertTrue(Thread.interrupted());
        assertNotNull(model.predict(d[0]));   // cleared: everything works again
        assertEquals(1, model.fit(d[0], d[1], verbose(0)).epochs());
    }

    @Test
    void imageWarpsStopWhenInterrupted() {
        Tensor images = Tensor.zeros(10, 28, 28);
        Thread.currentThread().interrupt();
        CellInterruptedException e = assertThrows(CellInterruptedException.class, () -> Images.rotate(images, 10));
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(Thread.interrupted());
        assertEquals(images.shape(), Images.rotate(images, 10).shape());
    }

    @Test
    void aSecondFitWaitsForAnInterruptedOneInsteadOfTrainingConcurrently() throws Exception {
        Utils.setRandomSeed(5);
        Tensor[] d = data(40_000);
        Model model = model();
        Thread first = new Thread(() -> {
            try {
                model.fit(d[0], d[1], epochs(5), batchSize(BATCH), verbose(0));
            } catch (CellInterruptedException expected) {
                // the interrupted cell
            }
        });
        first.start();
        Thread.sleep(200);
        first.interrupt();
        // started at once, as the next cell would be: it waits for the first to stop, then trains alone
        History second = model.fit(d[0].slice(0, 32), d[1].slice(0, 32), epochs(1), verbose(0));
        assertEquals(1, second.epochs());
        first.join(5_000);
        assertFalse(first.isAlive());
    }
}
