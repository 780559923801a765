package org.threadlings.course;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Something the student solves by editing files.
 *
 * @param files      the files the student edits, relative to the exercises folder
 * @param checks     hidden check sources (JUnit classes and their helpers), absolute
 * @param timeLimit  wall-clock limit for compiling nothing but running all checks
 * @param jvmOptions extra options for the JVM that runs the checks
 * @param wrongAnswers known-wrong submissions and the check meant to catch each
 */
public record Exercise(
        String id,
        String lessonId,
        String title,
        List<String> files,
        String task,
        List<String> hints,
        List<Path> checks,
        Duration timeLimit,
        List<String> tags,
        List<String> jvmOptions,
        List<WrongAnswer> wrongAnswers) {

    public Exercise {
        files = List.copyOf(files);
        hints = List.copyOf(hints);
        checks = List.copyOf(checks);
        tags = List.copyOf(tags);
        jvmOptions = List.copyOf(jvmOptions);
        wrongAnswers = List.copyOf(wrongAnswers);
    }
}
