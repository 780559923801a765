package org.threadlings.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A whole course: its lessons in the order students take them. */
public record Course(Path lessonsDir, String title, List<Lesson> lessons) {

    public Course {
        lessons = List.copyOf(lessons);
    }

    public Stream<Exercise> exercises() {
        return lessons.stream().flatMap(lesson -> lesson.exercises().stream());
    }

    public Stream<Example> examples() {
        return lessons.stream().flatMap(lesson -> lesson.examples().stream());
    }

    public Optional<Exercise> exercise(String id) {
        return exercises().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<Example> example(String id) {
        return examples().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
