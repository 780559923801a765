package org.threadlings.tui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The student's own editor, from {@code $VISUAL} or {@code $EDITOR}, run in the terminal the UI lends it. */
final class Editor {

    private final Map<String, String> environment;

    Editor(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The command, or empty with no editor configured. */
    Optional<List<String>> command(Path file) {
        String configured = first("VISUAL").or(() -> first("EDITOR")).orElse(null);
        if (configured == null) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(configured.trim().split("\\s+")));
        command.add(file.toString());
        return Optional.of(command);
    }

    /** Runs the editor on {@code file} and waits for it; returns its exit status. */
    int edit(Path file) throws Exception {
        List<String> command = command(file).orElseThrow();
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private Optional<String> first(String variable) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
