package org.threadlings.workspace;

import java.nio.file.Path;

/**
 * The folders of a course checkout: lessons and checks, the student's exercises, the reference
 * solutions, and the student's private state (progress, backups), which git ignores.
 */
public record Workspace(Path root) {

    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    public Path lessons() {
        return root.resolve("lessons");
    }

    public Path exercises() {
        return root.resolve("exercises");
    }

    public Path solutions() {
        return root.resolve("solutions");
    }

    /** The student's own state; listed in .gitignore. */
    public Path state() {
        return root.resolve(".threadlings");
    }

    public Path progressFile() {
        return state().resolve("progress.json");
    }

    /** The exercises validation found consistent, and what they were graded on. */
    public Path validationRecord() {
        return state().resolve("validated.json");
    }

    public Path backups() {
        return state().resolve("backups");
    }

    /** {@code path} as the student knows it: relative to the course folder when inside it. */
    public String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
