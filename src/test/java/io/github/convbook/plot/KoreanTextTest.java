package io.github.convbook.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.convbook.tensor.Tensor;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hangul in charts: drawn with the Nanum Gothic font shipped in the jar, so it reads the same on a machine with no CJK
 * font (where Java's "SansSerif" draws every syllable as the same empty box).
 */
class KoreanTextTest {
    private static final Tensor RAMP = Tensor.arange(16).reshape(4, 4);

    @Test
    void koreanTextGetsTheShippedFontAndOtherTextKeepsItsOwn() {
        Font korean = Style.forText(Style.TITLE, "학습 손실");
        assertEquals("NanumGothic", korean.getFontName().replace(" ", ""));
        assertEquals(Style.TITLE.getSize2D(), korean.getSize2D());
        assertEquals(Font.PLAIN, korean.getStyle());
        assertSame(Style.TEXT, Style.forText(Style.TEXT, "val_loss (epoch 3)"));
        assertTrue(Style.hasCjk("정확도: 0.98"));
        assertFalse(Style.hasCjk("accuracy: 0.98 ± 0.01 — μ"));
        assertFalse(Style.hasCjk(null));
    }

    @Test
    void everyHangulSyllableHasAGlyph() {
        Font korean = Style.forText(Style.TEXT, "가");
        StringBuilder all = new StringBuilder();
        for (char c = '\uac00'; c <= '\ud7a3'; c++) {
            all.append(c);
        }
        assertEquals(11_172, all.length());
        assertEquals(-1, korean.canDisplayUpTo(all.toString()), "the first syllable without a glyph");
        assertEquals(-1, korean.canDisplayUpTo("epoch 0123456789 (loss) %."), "Latin text beside the Hangul");
    }

    /** Two titles that differ in one syllable draw differently (empty boxes would not), and each draws the same. */
    private static void syllablesDrawApart(Function<String, Picture<?>> draw) {
        int[] ga = pixels(Pixels.png(draw.apply("가 손실")));
        int[] na = pixels(Pixels.png(draw.apply("나 손실")));
        assertFalse(Arrays.equals(ga, na), "'가' and '나' drew the same pixels: empty boxes?");
        assertArrayEquals(ga, pixels(Pixels.png(draw.apply("가 손실"))));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void chartTitlesAxisLabelsAndLegendsInKorean() {
        syllablesDrawApart(text -> Plot.lines("학습", List.of(0.3, 0.2, 0.1)).title(text));
        syllablesDrawApart(text -> Plot.lines("학습", List.of(0.3, 0.2, 0.1)).ylabel(text));
        syllablesDrawApart(text -> Plot.lines(text, List.of(0.3, 0.2, 0.1)));
    }

    @Test
    void figureTitlesLabelsAndTextInKorean() {
        syllablesDrawApart(text -> Plot.imshow(RAMP).suptitle(text));
        syllablesDrawApart(text -> {
            Figure fig = Plot.subplots(1, 1);
            fig.ax(0, 0).imshow(RAMP, "gray").title(text);
            return fig;
        });
        syllablesDrawApart(text -> {
            Figure fig = Plot.subplots(1, 1);
            fig.ax(0, 0).imshow(RAMP, "gray").ylabel(text).xlabel("원본");
            return fig;
        });
        syllablesDrawApart(text -> {
            Figure fig = Plot.subplots(1, 1);
            fig.ax(0, 0).imshow(RAMP, "gray").text(1.5, 1.5, text.substring(0, 1));
            return fig;
        });
    }
}
