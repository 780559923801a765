package org.threadlings.loading;

import org.yaml.snakeyaml.nodes.Node;

/** The {@code format} key every course file starts with. */
final class FormatVersion {

    private FormatVersion() {
    }

    static void check(Fields fields) {
        Node at = fields.node("format").orElse(fields.node());
        fields.requiredInt("format").ifPresent(version -> {
            if (version != CourseLoader.FORMAT) {
                fields.problem(at, "this file is written in lesson format " + version
                        + ", but this version of Threadlings reads format " + CourseLoader.FORMAT
                        + (version > CourseLoader.FORMAT ? " (update Threadlings: git pull)" : ""));
            }
        });
    }
}
