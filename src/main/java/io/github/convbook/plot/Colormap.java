package io.github.convbook.plot;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A colour map, as matplotlib's {@code cmap}: it turns a value normalised to [0, 1] into a colour.
 * Each map is a table of 256 colours built exactly as matplotlib builds it, so our pixels match its pixels.
 * <ul>
 *   <li>{@code gray}: black to white, {@code binary} and {@code Greys}: white to black (MNIST's ink is dark);</li>
 *   <li>{@code viridis}: matplotlib's default, dark purple to yellow;</li>
 *   <li>any name with {@code _r} appended is the reversed map, e.g. {@code gray_r}.</li>
 * </ul>
 */
public final class Colormap {
    /** The names {@link #get} accepts (each also with {@code _r}). */
    public static final List<String> NAMES = List.of("viridis", "gray", "Greys", "binary");

    private static final int SIZE = 256;

    private final String name;
    private final int[] table;   // 0xRRGGBB per entry

    private Colormap(String name, int[] table) {
        this.name = name;
        this.table = table;
    }

    /**
     * The colour map called {@code name}, as {@code matplotlib.colormaps[name]}; names are case-sensitive as there.
     *
     * @param name one of {@link #NAMES}, optionally with {@code _r} for the reversed map
     * @return a new colour map of 256 colours
     * @throws IllegalArgumentException for another name (with a hint when only the case differs)
     */
    public static Colormap get(String name) {
        if (name.endsWith("_r")) {
            return get(name.substring(0, name.length() - 2)).reversed();
        }
        switch (name) {
            case "viridis": return new Colormap(name, VIRIDIS);
            case "gray": return new Colormap(name, segmented(0x000000, 0xffffff));
            case "binary": return new Colormap(name, segmented(0xffffff, 0x000000));
            // ColorBrewer's 9-step greys, as matplotlib's 'Greys'
            case "Greys": return new Colormap(name, segmented(0xffffff, 0xf0f0f0, 0xd9d9d9, 0xbdbdbd,
                    0x969696, 0x737373, 0x525252, 0x252525, 0x000000));
            default:
                String hint = NAMES.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
                        .map(n -> " (did you mean '" + n + "'?)").orElse("");
                throw new IllegalArgumentException("Unknown colour map '" + name + "'" + hint
                        + ": expected one of " + NAMES + ", or one of them with '_r' for reversed");
        }
    }

    /**
     * The map's name, as matplotlib's {@code cmap.name}.
     *
     * @return e.g. {@code gray} or {@code gray_r}
     */
    public String name() {
        return name;
    }

    /**
     * The colour (0xRRGGBB) of a value already normalised to [0, 1]; values outside are clipped to the ends,
     * as matplotlib does. NaN has no colour in matplotlib (it is transparent), so it is white here.
     *
     * @param t the value, 0 for the first colour and 1 for the last
     * @return the colour as 0xRRGGBB
     */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0xffffff;
        }
        // matplotlib's lookup: index = int(t * N), with t == 1 landing on the last entry
        int index = (int) Math.min(Math.max(t * SIZE, 0), SIZE - 1);
        return table[index];
    }

    /**
     * The same colours in the opposite order, as matplotlib's {@code cmap.reversed()}.
     *
     * @return a new map, named with {@code _r} added (or removed)
     */
    public Colormap reversed() {
        int[] flipped = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            flipped[i] = table[SIZE - 1 - i];
        }
        String reversedName = name.endsWith("_r") ? name.substring(0, name.length() - 2) : name + "_r";
        return new Colormap(reversedName, flipped);
    }

    /**
     * The map's name, in words.
     *
     * @return e.g. {@code Colormap(viridis)}
     */
    @Override
    public String toString() {
        return "Colormap(" + name + ")";
    }

    /**
     * 256 colours linearly interpolated between equally spaced control colours, computed in the same floating-point
     * steps as matplotlib's {@code LinearSegmentedColormap} (including its truncation to bytes), so that, e.g.,
     * {@code gray} maps entry 33 to 32 exactly as matplotlib does.
     */
    private static int[] segmented(int... colors) {
        int n = colors.length;
        double[] x = new double[n];   // control points on the table's scale, 0..255
        for (int k = 0; k < n; k++) {
            x[k] = (k == n - 1 ? 1.0 : k * (1.0 / (n - 1))) * (SIZE - 1);
        }
        IntFunction<double[]> channels = c -> new double[] {
            ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0};
        int[] table = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double xi = (SIZE - 1) * (i == SIZE - 1 ? 1.0 : i * (1.0 / (SIZE - 1)));
            int k = 1;
            while (k < n - 1 && x[k] < xi) {
                k++;
            }
            double[] lo = channels.apply(colors[k - 1]);
            double[] hi = channels.apply(colors[k]);
            double distance = (xi - x[k - 1]) / (x[k] - x[k - 1]);
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                double v = i == 0 ? lo[ch] : i == SIZE - 1 ? hi[ch] : distance * (hi[ch] - lo[ch]) + lo[ch];
                rgb = (rgb << 8) | (int) (v * 255);   // numpy's astype(uint8) truncates
            }
            table[i] = rgb;
        }
        return table;
    }

    /** matplotlib's viridis (van der Walt and Smith, CC0) as matplotlib turns it into bytes. */
    private static final int[] VIRIDIS = {
        0x440154, 0x440255, 0x440357, 0x450558, 0x45065a, 0x45085b, 0x46095c, 0x460b5e,
        0x460c5f, 0x460e61, 0x470f62, 0x471163, 0x471265, 0x471466, 0x471567, 0x471669,
        0x47186a, 0x48196b, 0x481a6c, 0x481c6e, 0x481d6f, 0x481e70, 0x482071, 0x482172,
        0x482273, 0x482374, 0x472575, 0x472676, 0x472777, 0x472878, 0x472a79, 0x472b7a,
        0x472c7b, 0x462d7c, 0x462f7c, 0x46307d, 0x46317e, 0x45327f, 0x45347f, 0x453580,
        0x453681, 0x443781, 0x443982, 0x433a83, 0x433b83, 0x433c84, 0x423d84, 0x423e85,
        0x424085, 0x414186, 0x414286, 0x404387, 0x404487, 0x3f4587, 0x3f4788, 0x3e4888,
        0x3e4989, 0x3d4a89, 0x3d4b89, 0x3d4c89, 0x3c4d8a, 0x3c4e8a, 0x3b508a, 0x3b518a,
        0x3a528b, 0x3a538b, 0x39548b, 0x39558b, 0x38568b, 0x38578c, 0x37588c, 0x37598c,
        0x365a8c, 0x365b8c, 0x355c8c, 0x355d8c, 0x345e8d, 0x345f8d, 0x33608d, 0x33618d,
        0x32628d, 0x32638d, 0x31648d, 0x31658d, 0x31668d, 0x30678d, 0x30688d, 0x2f698d,
        0x2f6a8d, 0x2e6b8e, 0x2e6c8e, 0x2e6d8e, 0x2d6e8e, 0x2d6f8e, 0x2c708e, 0x2c718e,
        0x2c728e, 0x2b738e, 0x2b748e, 0x2a758e, 0x2a768e, 0x2a778e, 0x29788e, 0x29798e,
        0x287a8e, 0x287a8e, 0x287b8e, 0x277c8e, 0x277d8e, 0x277e8e, 0x267f8e, 0x26808e,
        0x26818e, 0x25828e, 0x25838d, 0x24848d, 0x24858d, 0x24868d, 0x23878d, 0x23888d,
        0x23898d, 0x22898d, 0x228a8d, 0x228b8d, 0x218c8d, 0x218d8c, 0x218e8c, 0x208f8c,
        0x20908c, 0x20918c, 0x1f928c, 0x1f938b, 0x1f948b, 0x1f958b, 0x1f968b, 0x1e978a,
        0x1e988a, 0x1e998a, 0x1e998a, 0x1e9a89, 0x1e9b89, 0x1e9c89, 0x1e9d88, 0x1e9e88,
        0x1e9f88, 0x1ea087, 0x1fa187, 0x1fa286, 0x1fa386, 0x20a485, 0x20a585, 0x21a685,
        0x21a784, 0x22a784, 0x23a883, 0x23a982, 0x24aa82, 0x25ab81, 0x26ac81, 0x27ad80,
        0x28ae7f, 0x29af7f, 0x2ab07e, 0x2bb17d, 0x2cb17d, 0x2eb27c, 0x2fb37b, 0x30b47a,
        0x32b57a, 0x33b679, 0x35b778, 0x36b877, 0x38b976, 0x39b976, 0x3bba75, 0x3dbb74,
        0x3ebc73, 0x40bd72, 0x42be71, 0x44be70, 0x45bf6f, 0x47c06e, 0x49c16d, 0x4bc26c,
        0x4dc26b, 0x4fc369, 0x51c468, 0x53c567, 0x55c666, 0x57c665, 0x59c764, 0x5bc862,
        0x5ec961, 0x60c960, 0x62ca5f, 0x64cb5d, 0x67cc5c, 0x69cc5b, 0x6bcd59, 0x6dce58,
        0x70ce56, 0x72cf55, 0x74d054, 0x77d052, 0x79d151, 0x7cd24f, 0x7ed24e, 0x81d34c,
        0x83d34b, 0x86d449, 0x88d547, 0x8bd546, 0x8dd644, 0x90d643, 0x92d741, 0x95d73f,
        0x97d83e, 0x9ad83c, 0x9dd93a, 0x9fd938, 0xa2da37, 0xa5da35, 0xa7db33, 0xaadb32,
        0xaddc30, 0xafdc2e, 0xb2dd2c, 0xb5dd2b, 0xb7dd29, 0xbade27, 0xbdde26, 0xbfdf24,
        0xc2df22, 0xc5df21, 0xc7e01f, 0xcae01e, 0xcde01d, 0xcfe11c, 0xd2e11b, 0xd4e11a,
        0xd7e219, 0xdae218, 0xdce218, 0xdfe318, 0xe1e318, 0xe4e318, 0xe7e419, 0xe9e419,
        0xece41a, 0xeee51b, 0xf1e51c, 0xf3e51e, 0xf6e61f, 0xf8e621, 0xfae622, 0xfde724
    };
}
