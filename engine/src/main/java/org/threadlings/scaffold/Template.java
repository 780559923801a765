package org.threadlings.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A text file shipped with the engine, with {{name}} placeholders filled in from a map. */
record Template(String resource) {

    String fill(Map<String, String> values) {
        String text = read();
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (text.contains("{{")) {
            // A template and the code that fills it disagree: better to stop than write half a file.
            throw new IllegalStateException("template " + resource + " has a placeholder with no value: "
                    + text.substring(text.indexOf("{{"), Math.min(text.length(), text.indexOf("{{") + 30)));
        }
        return text;
    }

    private String read() {
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " is missing from the engine");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
