package io.github.convbook.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEveryCharacterWithAMeaningInHtml() {
        assertEquals("&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;",
                Html.escape("<b class=\"x\">Tom & Jerry's</b>"));
        assertEquals("", Html.escape(null));
    }
}
