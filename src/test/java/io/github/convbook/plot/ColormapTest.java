package io.github.convbook.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference colours come from matplotlib 3.x: {@code matplotlib.colormaps[name](t, bytes=True)}. */
class ColormapTest {
    @Test
    void grayGoesFromBlackToWhite() {
        Colormap gray = Colormap.get("gray");
        assertEquals(0x000000, gray.rgb(0.0));
        assertEquals(0x404040, gray.rgb(0.25));
        assertEquals(0x808080, gray.rgb(0.5));
        assertEquals(0xffffff, gray.rgb(1.0));
        // matplotlib's float-to-byte truncation makes entry 33 come out as 32: we match it
        assertEquals(0x202020, gray.rgb(33.5 / 256));
    }

    @Test
    void greysAndBinaryGoFromWhiteToBlack() {
        Colormap greys = Colormap.get("Greys");
        assertEquals(0xffffff, greys.rgb(0.0));
        assertEquals(0xd8d8d8, greys.rgb(0.25));
        assertEquals(0x959595, greys.rgb(0.5));
        assertEquals(0x000000, greys.rgb(1.0));
        Colormap binary = Colormap.get("binary");
        assertEquals(0xffffff, binary.rgb(0.0));
        assertEquals(0x7f7f7f, binary.rgb(0.5));
        assertEquals(0x000000, binary.rgb(1.0));
    }

    @Test
    void viridisMatchesMatplotlib() {
        Colormap viridis = Colormap.get("viridis");
        assertEquals(0x440154, viridis.rgb(0.0));    // dark purple
        assertEquals(0x3a528b, viridis.rgb(0.25));
        assertEquals(0x20908c, viridis.rgb(0.5));
        assertEquals(0xfde724, viridis.rgb(1.0));    // yellow
    }

    @Test
    void valuesOutsideTheRangeAreClippedAndNanIsWhite() {
        Colormap viridis = Colormap.get("viridis");
        assertEquals(viridis.rgb(0.0), viridis.rgb(-3));
        assertEquals(viridis.rgb(1.0), viridis.rgb(7));
        assertEquals(0xffffff, viridis.rgb(Double.NaN));
    }

    @Test
    void reversedMapsEndWithTheFirstColour() {
        Colormap reversed = Colormap.get("gray_r");
        assertEquals("gray_r", reversed.name());
        assertEquals(0xffffff, reversed.rgb(0.0));
        assertEquals(0x000000, reversed.rgb(1.0));
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Colormap.get("greys"));
        assertTrue(e.getMessage().contains("did you mean 'Greys'?"), e.getMessage());
        assertTrue(e.getMessage().contains("[viridis, gray, Greys, binary]"), e.getMessage());
    }
}
