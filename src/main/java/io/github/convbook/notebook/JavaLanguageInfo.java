package io.github.convbook.notebook;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;

/**
 * The language_info IJava 1.3 reports (JavaKernel: {@code new LanguageInfo.Builder("Java")
 * .version(Runtime.version().toString()).mimetype("text/x-java-source").fileExtension(".jshell")
 * .pygments("java").codemirror("java")}); Jupyter copies it into the notebook's metadata.
 */
final class JavaLanguageInfo {
    private JavaLanguageInfo() {
    }

    public static LanguageInfo create() {
        return new LanguageInfo.Builder("Java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    /** The same values as language_info JSON; Jupyter leaves out the fields the kernel did not set. */
    public static JsonObject asJson() {
        LanguageInfo info = create();
        JsonObject json = new JsonObject();
        json.addProperty("codemirror_mode", String.valueOf(info.getCodemirrorMode()));
        json.addProperty("file_extension", info.getFileExtension());
        json.addProperty("mimetype", info.getMimetype());
        json.addProperty("name", info.getName());
        json.addProperty("pygments_lexer", info.getPygmentsLexer());
        json.addProperty("version", info.getVersion());
        return json;
    }
}
