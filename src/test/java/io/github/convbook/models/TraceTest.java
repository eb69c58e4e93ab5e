package io.github.convbook.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.Backend;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Conv2DTranspose;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.GlobalAveragePooling2D;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.MaxPooling2D;
import io.github.convbook.layers.UpSampling2D;
import io.github.convbook.tensor.Tensor;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** model.trace(): receptive fields, jumps, activation memory and multiply-adds, each value worked out by hand. */
class TraceTest {

    /** The lecture's MNIST convnet (Chollet's 5.1): 93,322 parameters. */
    private static Sequential convnet() {
        return new Sequential(new Conv2D(32, 3).activation("relu").inputShape(28, 28, 1), new MaxPooling2D(2),
                new Conv2D(64, 3).activation("relu"), new MaxPooling2D(2), new Conv2D(64, 3).activation("relu"),
                new Flatten(), new Dense(64).activation("relu"), new Dense(10).activation("softmax"));
    }

    private static List<String> column(Trace trace, Function<Trace.Row, String> cell) {
        return trace.rows().stream().map(cell).toList();
    }

    @Test
    void lectureConvnetReceptiveFieldsAndJumps() {
        Backend.clearSession();
        Trace trace = convnet().trace();
        // r_out = r_in + (k - 1) * j_in, j_out = j_in * stride; the input has r = 1, j = 1
        // conv2d          k3 s1: 1 + 2 * 1 = 3,   j 1
        // max_pooling2d   k2 s2: 3 + 1 * 1 = 4,   j 2
        // conv2d_1        k3 s1: 4 + 2 * 2 = 8,   j 2
        // max_pooling2d_1 k2 s2: 8 + 1 * 2 = 10,  j 4
        // conv2d_2        k3 s1: 10 + 2 * 4 = 18, j 4
        // flatten: each unit is one conv2d_2 unit, 18x18, no grid any more
        // dense: all 3x3 conv2d_2 units; unit u (0..2) starts at input pixel 4u and covers 18, so rows 0..25:
        //   max_pooling2d_1 (11 -> 5, valid) never reads conv2d_1's row 10, the only one that reaches rows 26, 27
        assertEquals(List.of("3x3", "4x4", "8x8", "10x10", "18x18", "18x18", "26x26 of 28x28", "26x26 of 28x28"),
                column(trace, Trace.Row::receptiveField));
        assertEquals(List.of("1", "2", "2", "4", "4", "-", "-", "-"), column(trace, Trace.Row::jump));
    }

    @Test
    void lectureConvnetMemoryAndMultAdds() {
        Backend.clearSession();
        Trace trace = convnet().trace();
        // float32, 4 bytes a value, per image:
        // (26, 26, 32) 21,632 values = 86,528 B = 84.5 KiB    (13, 13, 32) 5,408 = 21,632 B = 21.125 KiB
        // (11, 11, 64) 7,744 = 30,976 B = 30.25 KiB            (5, 5, 64) 1,600 = 6,400 B = 6.25 KiB
        // (3, 3, 64) 576 = 2,304 B = 2.25 KiB, Flatten the same; Dense 64 = 256 B; Dense 10 = 40 B
        assertEquals(List.of(86_528L, 21_632L, 30_976L, 6_400L, 2_304L, 2_304L, 256L, 40L),
                trace.rows().stream().map(Trace.Row::activationBytes).toList());
        assertEquals(150_440L, trace.totalActivationBytes());   // 146.9 KiB
        // conv: outH * outW * filters * kh * kw * inC; dense: in * units; pooling and flatten 0
        // 26*26*32*3*3*1 = 194,688; 11*11*64*3*3*32 = 2,230,272; 3*3*64*3*3*64 = 331,776; 576*64 = 36,864; 64*10 = 640
        assertEquals(List.of(194_688L, 0L, 2_230_272L, 0L, 331_776L, 0L, 36_864L, 640L),
                trace.rows().stream().map(Trace.Row::multAdds).toList());
        assertEquals(2_794_240L, trace.totalMultAdds());
        assertEquals(List.of("84.5 KiB", "21.1 KiB", "30.3 KiB", "6.3 KiB", "2.3 KiB", "2.3 KiB", "256 B", "40 B"),
                trace.rows().stream().map(r -> Trace.formatBytes(r.activationBytes())).toList());
    }

    @Test
    void printsKerasSummaryWithTheTracedColumns() {
        Backend.clearSession();
        String[] lines = convnet().trace().toString().split("\n");
        assertEquals("Model: \"sequential\"", lines[0]);
        assertEquals("Layer (type)                 Output Shape              Param #   Receptive field  Jump   "
                + "Activations  Mult-adds     ", lines[2]);
        assertEquals("conv2d (Conv2D)              (None, 26, 26, 32)        320       3x3              1      "
                + "84.5 KiB     194,688       ", lines[4]);
        assertEquals("max_pooling2d_1 (MaxPooling2 (None, 5, 5, 64)          0         10x10            4      "
                + "6.3 KiB      0             ", lines[10]);
        assertEquals("dense (Dense)                (None, 64)                36928     26x26 of 28x28   -      "
                + "256 B        36,864        ", lines[16]);
        for (String line : List.of(lines).subList(1, lines.length - 6)) {   // the table, without the totals
            assertEquals(Trace.LINE_LENGTH, line.length(), "row: '" + line + "'");
        }
        List<String> tail = List.of(lines).subList(lines.length - 6, lines.length);
        assertEquals(List.of("Total params: 93,322", "Trainable params: 93,322", "Non-trainable params: 0",
                "Total mult-adds: 2,794,240 per sample (2.79 M)",
                "Activation memory: 146.9 KiB per sample (the outputs of the 8 layers; the input: 3.1 KiB)",
                "_".repeat(Trace.LINE_LENGTH)), tail);
    }

    /** The claim "26x26 of 28x28" checked on the network itself: the last two rows and columns change nothing. */
    @Test
    void theConvnetsOutputIgnoresTheLastTwoRowsAndColumns() {
        Backend.clearSession();
        Sequential model = convnet();
        Random random = new Random(13);
        float[] pixels = new float[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        float[] edges = pixels.clone();   // rows and columns 26, 27 changed
        float[] row25 = pixels.clone();   // row 25 changed
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                if (r >= 26 || c >= 26) {
                    edges[r * 28 + c] = 5 + random.nextFloat();
                }
                if (r == 25) {
                    row25[r * 28 + c] = 5 + random.nextFloat();
                }
            }
        }
        float[] base = model.predict(Tensor.of(pixels, 1, 28, 28, 1)).toFloatArray();
        assertArrayEquals(base, model.predict(Tensor.of(edges, 1, 28, 28, 1)).toFloatArray());
        assertFalse(Arrays.equals(base, model.predict(Tensor.of(row25, 1, 28, 28, 1)).toFloatArray()));
    }

    @Test
    void functionalModelHasTheInputRow() {
        Backend.clearSession();
        Trace trace = LectureModels.convnet().trace();   // the same geometry, Conv2D(128, 3), then Dense(10)
        Trace.Row input = trace.rows().get(0);
        assertEquals("input_1", input.layer().name());
        assertEquals("1x1", input.receptiveField());
        assertEquals("1", input.jump());
        assertEquals(28 * 28 * 4L, input.activationBytes());   // 3,136 B = 3.1 KiB
        assertEquals("18x18", trace.row("conv2d_2").receptiveField());
        assertEquals("26x26 of 28x28", trace.row("dense").receptiveField());
        // 3*3*128 = 1,152 values after Flatten; 1,152 * 10 = 11,520
        assertEquals(11_520L, trace.row("dense").multAdds());
        assertTrue(trace.toString().contains("input_1 (InputLayer)         [(None, 28, 28, 1)]       0         1x1"));
    }

    @Test
    void mlpHasNoSpatialColumns() {
        Backend.clearSession();
        Sequential mlp = new Sequential(new Dense(512).activation("relu").inputShape(784),
                new Dense(512).activation("relu"), new Dense(10).activation("softmax"));
        Trace trace = mlp.trace();
        assertEquals(List.of("-", "-", "-"), column(trace, Trace.Row::receptiveField));
        assertEquals(List.of("-", "-", "-"), column(trace, Trace.Row::jump));
        // 784*512 = 401,408; 512*512 = 262,144; 512*10 = 5,120
        assertEquals(List.of(401_408L, 262_144L, 5_120L), trace.rows().stream().map(Trace.Row::multAdds).toList());
        assertEquals(668_672L, trace.totalMultAdds());
        assertEquals(512 * 4 + 512 * 4 + 10 * 4L, trace.totalActivationBytes());   // 4,136 B
        assertTrue(trace.toString().contains("Total mult-adds: 668,672 per sample (669 K)"));
    }

    @Test
    void stridedSamePaddingAndDilation() {
        Backend.clearSession();
        Sequential model = new Sequential(new Conv2D(8, 3).strides(2).padding("same").inputShape(28, 28, 1),
                new Conv2D(8, 3).dilationRate(2).padding("same"), new Conv2D(4, 3).dilationRate(3),
                new GlobalAveragePooling2D());
        Trace trace = model.trace();
        // conv2d   k3 s2 same: 28 -> ceil(28 / 2) = 14; r = 1 + 2 * 1 = 3, j = 1 * 2 = 2
        // conv2d_1 k3 d2 same: dilated F = (3 - 1) * 2 + 1 = 5, 14 -> 14; r = 3 + (5 - 1) * 2 = 11, j 2
        // conv2d_2 k3 d3 valid: F = 7, 14 -> 14 - 7 + 1 = 8; r = 11 + (7 - 1) * 2 = 23, j 2
        // global pooling: every unit; conv2d_2 reads conv2d_1 0..13 (o + 3t), conv2d_1 (pad 2) reads
        //   {o - 2, o, o + 2}: 0..13, conv2d (pad before 0, after 1) reads 2o..2o+2: 0..27, the whole image
        assertEquals(List.of("3x3", "11x11", "23x23", "28x28 (all)"), column(trace, Trace.Row::receptiveField));
        assertEquals(List.of("2", "2", "2", "-"), column(trace, Trace.Row::jump));
        // 14*14*8*9*1 = 14,112; 14*14*8*9*8 = 112,896; 8*8*4*9*8 = 18,432
        assertEquals(List.of(14_112L, 112_896L, 18_432L, 0L), trace.rows().stream().map(Trace.Row::multAdds).toList());
    }

    @Test
    void transposedConvolutionAndUpsamplingDivideTheJump() {
        Backend.clearSession();
        Sequential model = new Sequential(new Conv2D(8, 3).strides(2).padding("same").inputShape(28, 28, 1),
                new Conv2DTranspose(4, 3).strides(2).padding("same"), new UpSampling2D(2),
                new Conv2D(1, 3).padding("same"), new UpSampling2D(2).interpolation("bilinear"));
        Trace trace = model.trace();
        // conv2d: 28 -> 14, r 3, j 2
        // conv2d_transpose k3 s2: each output gathers at most ceil(3 / 2) = 2 inputs: r = 3 + (2 - 1) * 2 = 5,
        //   j = 2 / 2 = 1; 14 -> 28
        // up_sampling2d (nearest, 2): copies one unit, r 5, j 1 / 2 = 0.5; 28 -> 56
        // conv2d_1 k3: r = 5 + ceil((3 - 1) * 0.5) = 6, j 0.5 (the largest any unit reaches is in fact 5: its three
        //   upsampled units are two transposed-convolution units, one of which sees only 3 pixels; 6 is the bound)
        // up_sampling2d_1 (bilinear, 2): blends two neighbours, r = 6 + ceil(1 * 0.5) = 7, j 0.25; 56 -> 112
        assertEquals(List.of("3x3", "5x5", "5x5", "6x6", "7x7"), column(trace, Trace.Row::receptiveField));
        assertEquals(List.of("2", "1", "0.5", "0.5", "0.25"), column(trace, Trace.Row::jump));
        // transposed: inH * inW * inC * kh * kw * filters = 14*14*8*9*4 = 56,448; conv2d_1: 56*56*1*9*4 = 112,896
        assertEquals(List.of(14_112L, 56_448L, 0L, 112_896L, 0L),
                trace.rows().stream().map(Trace.Row::multAdds).toList());
        assertEquals(112 * 112 * 4L, trace.rows().get(4).activationBytes());   // 50,176 B = 49.0 KiB
        assertEquals("49.0 KiB", Trace.formatBytes(trace.rows().get(4).activationBytes()));
    }

    @Test
    void lectureTransposeAutoencoder() {
        Backend.clearSession();
        // the lecture's transposed-convolution autoencoder: valid encoder, same/valid Conv2DTranspose decoder
        Trace trace = LectureModels.transposeAutoencoder().trace();
        // encoder: conv 3 (r 3, j 1), pool 2 (4, 2), conv 3 (8, 2), pool 2 (10, 4), conv 3 (18, 4): as the convnet
        // conv2d_transpose k3 s1 same: gathers ceil(3 / 1) = 3 units: r = 18 + 2 * 4 = 26, j 4
        // up_sampling2d: r 26, j 2; conv2d_transpose_1 k3 s1: 26 + 2 * 2 = 30, j 2; up_sampling2d_1: 30, j 1
        // conv2d_transpose_2 k3 s1 valid: 30 + 2 * 1 = 32, j 1; up_sampling2d_2: 32, j 0.5
        // conv2d_transpose_3 k3 s1 same: 32 + ceil(2 * 0.5) = 33, j 0.5
        assertEquals(List.of("1x1", "3x3", "4x4", "8x8", "10x10", "18x18", "26x26", "26x26", "30x30", "30x30",
                "32x32", "32x32", "33x33"), column(trace, Trace.Row::receptiveField));
        assertEquals(List.of("1", "1", "2", "2", "4", "4", "4", "2", "2", "1", "1", "0.5", "0.5"),
                column(trace, Trace.Row::jump));
        // conv2d_transpose_2 (valid): input (12, 12, 8) -> (14, 14, 16): 12*12*8*9*16 = 165,888
        assertEquals(165_888L, trace.rows().get(10).multAdds());
    }

    @Test
    void unbuiltSequentialNamesTraceAndTheFix() {
        Backend.clearSession();
        Sequential model = new Sequential(new Conv2D(32, 3), new Flatten(), new Dense(10));
        IllegalStateException e = assertThrows(IllegalStateException.class, model::trace);
        assertTrue(e.getMessage().contains("trace()"), e.getMessage());
        assertTrue(e.getMessage().contains("inputShape(28, 28, 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("build("), e.getMessage());
        model.build(28, 28, 1);
        assertEquals("3x3", model.trace().rows().get(0).receptiveField());
    }

    @Test
    void notebookShowsHtmlAndTheTextTable() {
        Backend.clearSession();
        Trace trace = convnet().trace();
        DisplayData data = new Renderer().render(trace);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.startsWith("<table class=\"dataframe\">"), html);
        assertTrue(html.contains("<td>max_pooling2d_1 (MaxPooling2D)</td><td>(None, 5, 5, 64)</td><td>0</td>"
                + "<td>10x10</td><td>4</td><td>6.3 KiB</td><td>0</td>"), html);
        assertTrue(html.contains("Total mult-adds: 2,794,240 per sample (2.79 M)"), html);
        assertEquals(trace.toString(), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void compactCounts() {
        assertEquals("640", Trace.compact(640));
        assertEquals("36.9 K", Trace.compact(36_864));
        assertEquals("669 K", Trace.compact(668_672));
        assertEquals("1.00 M", Trace.compact(999_999));
        assertEquals("2.79 M", Trace.compact(2_794_240));
    }

    @Test
    void stepsOfInputShapeOnlyGiveTheInputRow() {
        Backend.clearSession();
        Tensor in = Input.shape(28, 28, 1);
        Trace trace = new Model(in, new MaxPooling2D(2).apply(in)).trace();
        assertEquals(List.of("1x1", "2x2"), column(trace, Trace.Row::receptiveField));
    }
}
