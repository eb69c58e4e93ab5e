package io.github.convbook.layers;

import static io.github.convbook.layers.ReferenceSupport.BATCH;
import static io.github.convbook.layers.ReferenceSupport.applyWith;
import static io.github.convbook.layers.ReferenceSupport.assertMatches;
import static io.github.convbook.layers.ReferenceSupport.toArray4;
import static io.github.convbook.layers.ReferenceSupport.uniform;

import io.github.convbook.layers.loops.Array4;
import io.github.convbook.layers.loops.Conv2DLoops;
import io.github.convbook.layers.loops.Conv2DTransposeLoops;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conv2D and Conv2DTranspose against {@link Conv2DLoops} and {@link Conv2DTransposeLoops}, over kernels, strides,
 * padding, sizes and channels.
 */
class ConvReferenceTest {

    /** One layer configuration and input; {@code toString} names the test and seeds its data. */
    record ConvCase(int kh, int kw, int sh, int sw, int dilation, String padding, int height, int width,
                    int channels, int filters, boolean useBias, DType dtype) {
        boolean same() {
            return padding.equals("same");
        }

        int[] strides() {
            return new int[] {sh, sw};
        }

        int[] dilations() {
            return new int[] {dilation, dilation};
        }

        /** A valid window must fit the input (a Keras ValueError otherwise). */
        boolean fits() {
            return same() || ((kh - 1) * dilation + 1 <= height && (kw - 1) * dilation + 1 <= width);
        }

        @Override
        public String toString() {
            return "kernel " + kh + "x" + kw + " strides " + sh + "x" + sw
                    + (dilation > 1 ? " dilation " + dilation : "") + " " + padding
                    + " input " + BATCH + "x" + height + "x" + width + "x" + channels + " filters " + filters
                    + (useBias ? "" : " no bias") + " " + dtype;
        }
    }

    /**
     * Square kernels {1,2,3,5} x strides {1,2,3}, dilation 2 with stride 1, and a few rectangular kernels and strides
     * (to catch swapped axes); each on every input size, channels {1,3}, filters {1,2,4}, padding and dtype.
     * The 3-channel, 1-filter cases run without bias.
     */
    static Stream<ConvCase> cases() {
        List<int[]> geometries = new ArrayList<>();      // {kh, kw, sh, sw, dilation}
        for (int k : new int[] {1, 2, 3, 5}) {
            for (int s : new int[] {1, 2, 3}) {
                geometries.add(new int[] {k, k, s, s, 1});
            }
        }
        geometries.add(new int[] {2, 2, 1, 1, 2});
        geometries.add(new int[] {3, 3, 1, 1, 2});
        geometries.addAll(List.of(new int[] {2, 3, 1, 2, 1}, new int[] {3, 1, 2, 3, 1}, new int[] {5, 2, 3, 1, 1},
                new int[] {1, 4, 2, 2, 1}));
        List<ConvCase> cases = new ArrayList<>();
        for (int[] g : geometries) {
            for (String padding : new String[] {"valid", "same"}) {
                for (int[] size : ReferenceSupport.INPUT_SIZES) {
                    for (int channels : new int[] {1, 3}) {
                        for (int filters : new int[] {1, 2, 4}) {
                            for (DType dtype : ReferenceSupport.DTYPES) {
                                cases.add(new ConvCase(g[0], g[1], g[2], g[3], g[4], padding, size[0], size[1],
                                        channels, filters, !(channels == 3 && filters == 1), dtype));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream().filter(ConvCase::fits);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conv2dMatchesReference(ConvCase c) {
        Random random = ReferenceSupport.random("conv2d " + c);
        Tensor x = uniform(random, c.dtype(), BATCH, c.height(), c.width(), c.channels());
        Tensor kernel = uniform(random, c.dtype(), c.kh(), c.kw(), c.channels(), c.filters());
        Tensor bias = uniform(random, c.dtype(), c.filters());
        Conv2D layer = new Conv2D(c.filters(), 1).kernelSize(c.kh(), c.kw()).strides(c.strides()).padding(c.padding())
                .dilationRate(c.dilations()).useBias(c.useBias());
        layer.dtype(c.dtype().toString());

        Tensor y = c.useBias() ? applyWith(layer, x, kernel, bias) : applyWith(layer, x, kernel);

        Array4 expected = Conv2DLoops.conv2d(toArray4(x), toArray4(kernel), c.useBias() ? bias.toDoubleArray() : null,
                c.strides(), c.dilations(), c.same());
        assertMatches(c, expected, y, layer, x.shape(), c.dtype());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conv2dTransposeMatchesReference(ConvCase c) {
        Random random = ReferenceSupport.random("conv2dTranspose " + c);
        Tensor x = uniform(random, c.dtype(), BATCH, c.height(), c.width(), c.channels());
        Tensor kernel = uniform(random, c.dtype(), c.kh(), c.kw(), c.filters(), c.channels());
        Tensor bias = uniform(random, c.dtype(), c.filters());
        Conv2DTranspose layer = new Conv2DTranspose(c.filters(), 1).kernelSize(c.kh(), c.kw()).strides(c.strides())
                .padding(c.padding()).dilationRate(c.dilations()).useBias(c.useBias());
        layer.dtype(c.dtype().toString());

        Tensor y = c.useBias() ? applyWith(layer, x, kernel, bias) : applyWith(layer, x, kernel);

        Array4 expected = Conv2DTransposeLoops.conv2dTranspose(toArray4(x), toArray4(kernel),
                c.useBias() ? bias.toDoubleArray() : null, c.strides(), c.dilations(), c.same());
        assertMatches(c, expected, y, layer, x.shape(), c.dtype());
    }

    /** A tensor wrapping a permuted (strided) view, e.g. NCHW data seen as NHWC, gives the same result as a copy. */
    @Test
    void conv2dReadsStridedViews() {
        ConvCase c = new ConvCase(3, 3, 1, 1, 1, "same", 7, 9, 3, 2, true, DType.FLOAT32);
        Random random = ReferenceSupport.random("strided view " + c);
        Tensor nchw = uniform(random, c.dtype(), BATCH, c.channels(), c.height(), c.width());
        Tensor x = Tensor.wrap(nchw.data().permute(0, 2, 3, 1));
        Tensor kernel = uniform(random, c.dtype(), c.kh(), c.kw(), c.channels(), c.filters());
        Tensor bias = uniform(random, c.dtype(), c.filters());
        Conv2D layer = new Conv2D(c.filters(), c.kh()).padding(c.padding());

        Tensor y = applyWith(layer, x, kernel, bias);

        Array4 expected = Conv2DLoops.conv2d(toArray4(x), toArray4(kernel), bias.toDoubleArray(), c.strides(),
                c.dilations(), c.same());
        assertMatches(c, expected, y, layer, x.shape(), c.dtype());
    }
}
