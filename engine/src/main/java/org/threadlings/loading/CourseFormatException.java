package org.threadlings.loading;

import java.util.List;
import java.util.stream.Collectors;

/** The course files are not valid; carries every problem found, not just the first. */
public final class CourseFormatException extends Exception {

    private final List<Problem> problems;

    public CourseFormatException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
