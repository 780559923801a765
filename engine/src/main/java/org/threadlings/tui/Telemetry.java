package org.threadlings.tui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Timings for the UI benchmark, written only when it asks for them (system property
 * {@code threadlings.ui.telemetry} names a file): when the first frame was drawn, how long each
 * key took to redraw, when a save was noticed and its verdict shown. One line per event.
 */
final class Telemetry {

    private final Path file;

    private Telemetry(Path file) {
        this.file = file;
    }

    static Telemetry fromSystemProperty() {
        String name = System.getProperty("threadlings.ui.telemetry", "");
        return new Telemetry(name.isEmpty() ? null : Path.of(name));
    }

    /** Milliseconds since this JVM started, by the JVM's own clock. */
    static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    void record(String event, long value) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, event + " " + value + " " + System.currentTimeMillis() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a benchmark aid must never disturb the UI
        }
    }
}
