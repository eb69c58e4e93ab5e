package io.github.convbook.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** matplotlib's default look, in one place: fonts (10 pt text, 12 pt titles at 100 dpi), colours, line widths. */
final class Style {
    /** matplotlib's default colour cycle ("tab10"): tab:blue, tab:orange, tab:green, ... */
    static final Color[] CYCLE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    /** Points to logical pixels at 100 dpi: 10 pt is 14 px. */
    private static int points(double pt) {
        return (int) Math.round(pt * Picture.DPI / 72);
    }

    static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, points(10));
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, points(12));
    static final Color INK = new Color(0x222222);
    static final Color FRAME = Color.BLACK;
    static final Color GRID = new Color(0xb0b0b0);

    /** matplotlib's colour names that lectures use, to 0xRRGGBB ("tab:" names are the {@link #CYCLE}). */
    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("blue", 0x0000ff), Map.entry("red", 0xff0000), Map.entry("green", 0x008000),
            Map.entry("orange", 0xffa500), Map.entry("purple", 0x800080), Map.entry("brown", 0xa52a2a),
            Map.entry("pink", 0xffc0cb), Map.entry("gray", 0x808080), Map.entry("grey", 0x808080),
            Map.entry("olive", 0x808000), Map.entry("cyan", 0x00ffff), Map.entry("magenta", 0xff00ff),
            Map.entry("yellow", 0xffff00), Map.entry("black", 0x000000), Map.entry("white", 0xffffff),
            Map.entry("b", 0x0000ff), Map.entry("g", 0x008000), Map.entry("r", 0xff0000), Map.entry("c", 0x00bfbf),
            Map.entry("m", 0xbf00bf), Map.entry("y", 0xbfbf00), Map.entry("k", 0x000000), Map.entry("w", 0xffffff));
    private static final List<String> TAB = List.of(
            "blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan");

    /**
     * Nanum Gothic (NAVER, SIL Open Font License 1.1, {@code NanumGothic-OFL.txt} beside it), shipped in the jar: text
     * with Hangul or other CJK characters is drawn in it, so that such a chart looks the same on every machine, with or
     * without a CJK font installed (Java's logical "SansSerif" draws Hangul as empty boxes where none is). Read the
     * first time a chart has such text (a holder class), so English-only charts never pay for the 4.7 MB font.
     */
    private static final class Korean {
        static final Font FONT = loadKorean();
    }

    private static Font loadKorean() {
        try (InputStream in = Style.class.getResourceAsStream("NanumGothic.ttf")) {
            if (in == null) {
                throw new IllegalStateException("NanumGothic.ttf is missing from the ConvBook jar (plot package)");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NanumGothic.ttf from the ConvBook jar", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("NanumGothic.ttf in the ConvBook jar is not a TrueType font", e);
        }
    }

    /**
     * Whether the text holds a Hangul, kana or CJK ideograph character, which fonts without CJK coverage draw as
     * empty boxes.
     */
    static boolean hasCjk(String text) {
        return text != null && text.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.BOPOMOFO
                    || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
        });
    }

    /** The font for drawing {@code text}: {@code base} itself, or Nanum Gothic at its size and style for CJK text. */
    static Font forText(Font base, String text) {
        return hasCjk(text) ? Korean.FONT.deriveFont(base.getStyle(), base.getSize2D()) : base;
    }

    /** A colour as matplotlib names it: {@code "red"}, {@code "r"}, {@code "tab:orange"} or {@code "#1f77b4"}. */
    static Color color(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.matches("#[0-9a-f]{6}")) {
            return new Color(Integer.parseInt(key.substring(1), 16));
        }
        if (key.startsWith("tab:") && TAB.contains(key.substring(4))) {
            return CYCLE[TAB.indexOf(key.substring(4))];
        }
        Integer rgb = NAMED.get(key);
        if (rgb == null) {
            throw new IllegalArgumentException("Unknown colour '" + name + "': use a name such as 'red' or 'blue', "
                    + "'tab:orange' (matplotlib's default colours), or '#rrggbb'");
        }
        return new Color(rgb);
    }

    private Style() {
    }
}
