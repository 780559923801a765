package org.threadlings.cli;

import org.threadlings.session.Session;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.progress.Position;
import org.threadlings.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code list}: the lessons and their exercises, with what is done. */
@Command(name = "list", description = "List the lessons and exercises, and which are done.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Option(names = "--json", description = "Print a JSON array of exercises: id, lesson, title, status (done|pending), files.")
    boolean json;

    @Option(names = "--examples", description = "List the runnable examples instead.")
    boolean examples;

    @Override
    public Integer call() throws CourseFormatException, JsonProcessingException {
        Session session = root.session();
        Console console = root.console();
        Course course = session.course();
        Progress progress = session.progress().load();
        if (json) {
            console.println(examples ? examplesJson(course) : exercisesJson(course, progress));
        } else if (examples) {
            printExamples(console, course);
        } else {
            printExercises(console, course, progress);
        }
        return ExitCodes.OK;
    }

    private static String exercisesJson(Course course, Progress progress) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        Optional<Exercise> current = Position.current(course, progress);
        course.exercises().forEach(exercise -> {
            ObjectNode node = array.addObject();
            node.put("id", exercise.id());
            node.put("lesson", exercise.lessonId());
            node.put("title", exercise.title());
            node.put("status", progress.isDone(exercise.id()) ? "done" : "pending");
            ArrayNode files = node.putArray("files");
            exercise.files().forEach(files::add);
            Progress.ExerciseProgress state = progress.exercise(exercise.id());
            node.put("lastResult", state.lastResult());
            node.put("current", current.map(c -> c.id().equals(exercise.id())).orElse(false));
            ArrayNode tags = node.putArray("tags");
            exercise.tags().forEach(tags::add);
        });
        return mapper.writeValueAsString(array);
    }

    private static String examplesJson(Course course) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        course.examples().forEach(example -> {
            ObjectNode node = array.addObject();
            node.put("id", example.id());
            node.put("lesson", example.lessonId());
            node.put("title", example.title());
        });
        return mapper.writeValueAsString(array);
    }

    private static void printExercises(Console console, Course course, Progress progress) {
        Optional<Exercise> current = Position.current(course, progress);
        int width = course.exercises().mapToInt(e -> e.id().length()).max().orElse(10);
        long done = course.exercises().filter(e -> progress.isDone(e.id())).count();
        for (Lesson lesson : course.lessons()) {
            console.println(new AttributedStringBuilder().style(AttributedStyle.BOLD).append(lesson.title())
                    .toAttributedString());
            for (Exercise exercise : lesson.exercises()) {
                boolean isDone = progress.isDone(exercise.id());
                boolean isCurrent = current.map(c -> c.id().equals(exercise.id())).orElse(false);
                String last = progress.exercise(exercise.id()).lastResult();
                AttributedStringBuilder line = new AttributedStringBuilder().append("  ");
                if (isDone) {
                    line.style(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)).append(console.symbols().pass());
                } else if (isCurrent) {
                    line.style(AttributedStyle.BOLD).append(console.symbols().arrow());
                } else {
                    line.style(AttributedStyle.DEFAULT.faint()).append(console.symbols().bullet());
                }
                line.style(AttributedStyle.DEFAULT).append(' ')
                        .append(String.format("%-" + width + "s", exercise.id())).append("  ").append(exercise.title());
                if (!isDone && last != null) {
                    line.style(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).append("  (last check: " + last + ")");
                }
                if (isCurrent) {
                    line.style(AttributedStyle.DEFAULT.faint()).append("  <- you are here");
                }
                console.println(line.toAttributedString());
            }
        }
        console.println(done + " of " + course.exercises().count() + " exercises done."
                + current.map(c -> " Next: ./run.sh check " + c.id()).orElse(""));
    }

    private static void printExamples(Console console, Course course) {
        int width = course.examples().mapToInt(e -> e.id().length()).max().orElse(10);
        for (Example example : course.examples().toList()) {
            console.println("  " + String.format("%-" + width + "s", example.id()) + "  " + example.title());
        }
        console.println("Run one with ./run.sh run EXAMPLE");
    }
}
