package io.github.convbook.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuickModeTest {
    @Test
    void quickModeCapsOnlyWhenAskedTo() {
        assertEquals(5, QuickMode.capped(5, null));
        assertEquals(1, QuickMode.capped(5, "1"));
        assertEquals(3, QuickMode.capped(3, "10"));
        assertEquals("quick mode: 1 epoch (full run: 5)", QuickMode.note("epoch", 5, 1));
        assertEquals("5 epochs", QuickMode.note("epochs", 5, 5));
        assertEquals("quick mode: 600 samples (full run: 60000)", QuickMode.note("samples", 60000, 600));
    }

    @Test
    void aBadCapOrUnitFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> QuickMode.capped(5, "0"));
        assertThrows(IllegalStateException.class, () -> QuickMode.capped(5, "many"));
        assertThrows(IllegalArgumentException.class, () -> QuickMode.note("steps", 5));
    }
}
