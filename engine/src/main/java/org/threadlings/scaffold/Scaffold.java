package org.threadlings.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.threadlings.validation.PendingSolution;
import org.threadlings.workspace.Workspace;

/**
 * Lays out new lessons and exercises from the templates shipped with the engine, so that
 * {@code ./run.sh validate} accepts them as soon as they exist: a starter that compiles and fails,
 * a check for the chosen kind, one known-wrong answer that check catches, and a solution marked
 * as still to write. YAML files are edited as text, keeping the author's comments.
 */
public final class Scaffold {

    /** What a scaffolding step wrote: new files, and existing files it added to. */
    public record Result(List<Path> created, List<Path> changed) {
    }

    /** A request that cannot be carried out, in words for the author. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    /** Lesson folders become Java packages: lower-case letters and digits only. */
    private static final Pattern FOLDER = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String TEMPLATES = "/org/threadlings/scaffold/";

    private final Workspace workspace;

    public Scaffold(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A lesson folder with its lesson.yaml and a first section, listed last in course.yaml. */
    public Result newLesson(String lesson) throws IOException, Refusal {
        if (!FOLDER.matcher(lesson).matches()) {
            throw new Refusal("lesson id '" + lesson + "' must be lower-case letters and digits, starting with a "
                    + "letter (like 'races'): it is also the lesson's folder and its Java package");
        }
        Path folder = workspace.lessons().resolve(lesson);
        Path courseFile = workspace.lessons().resolve("course.yaml");
        if (Files.exists(folder)) {
            throw new Refusal("lessons/" + lesson + " already exists; choose another id");
        }
        boolean newCourse = !Files.isRegularFile(courseFile);
        // Every edit is worked out before anything is written: a refusal leaves the course as it was.
        String course = appended(newCourse ? newCourseFile() : Files.readString(courseFile), "lessons",
                "  - " + lesson, courseFile);
        Map<String, String> values = Map.of("lesson", lesson, "title", title(lesson));
        List<Path> created = new ArrayList<>();
        write(folder.resolve("lesson.yaml"), new Template(TEMPLATES + "lesson/lesson.yaml.tmpl").fill(values), created);
        write(folder.resolve("text/01-" + lesson + ".md"),
                new Template(TEMPLATES + "lesson/section.md.tmpl").fill(values), created);
        if (newCourse) {
            write(courseFile, course, created);
            for (String schema : List.of("course.schema.json", "lesson.schema.json")) {
                write(workspace.lessons().resolve(schema), new Template(TEMPLATES + "schema/" + schema).fill(Map.of()),
                        created);
            }
            return new Result(created, List.of());
        }
        Files.writeString(courseFile, course);
        return new Result(created, List.of(courseFile));
    }

    /** An exercise of {@code kind} appended to the lesson's exercises, with all its files. */
    public Result newExercise(String lesson, String exercise, ExerciseKind kind) throws IOException, Refusal {
        Path lessonFile = workspace.lessons().resolve(lesson).resolve("lesson.yaml");
        if (!Files.isRegularFile(lessonFile)) {
            throw new Refusal("no lesson folder lessons/" + lesson + " with a lesson.yaml; create it first with "
                    + "./run.sh new lesson " + lesson);
        }
        if (!ID.matcher(exercise).matches()) {
            throw new Refusal("exercise id '" + exercise + "' must be lower-case letters, digits and single dashes, "
                    + "like 'counter-atomic'");
        }
        String yaml = Files.readString(lessonFile);
        if (Pattern.compile("(?m)^\\s*- id: " + Pattern.quote(exercise) + "\\s*$").matcher(yaml).find()) {
            throw new Refusal("lessons/" + lesson + "/lesson.yaml already has an entry with id '" + exercise + "'");
        }
        String className = className(exercise);
        String file = lesson + "/" + className + ".java";
        Path starter = workspace.exercises().resolve(file);
        Path solution = workspace.solutions().resolve(file);
        for (Path existing : List.of(starter, solution)) {
            if (Files.exists(existing)) {
                throw new Refusal(workspace.shown(existing) + " already exists; choose another exercise id");
            }
        }
        Map<String, String> values = Map.of("lesson", lesson, "exercise", exercise, "Class", className);
        String kindFolder = TEMPLATES + kind.word() + "/";
        String starterText = new Template(kindFolder + "Starter.java.tmpl").fill(values);
        Path lessonFolder = lessonFile.getParent();
        String entry = appended(yaml, "exercises", new Template(kindFolder + "entry.yaml.tmpl").fill(values), lessonFile);
        List<Path> created = new ArrayList<>();
        write(starter, starterText, created);
        write(solution, pendingSolution(starterText), created);
        write(lessonFolder.resolve("checks/" + className + "Check.java"),
                new Template(kindFolder + "Check.java.tmpl").fill(values), created);
        write(lessonFolder.resolve("wrong/" + exercise + "/" + kind.wrongAnswer() + "/" + file),
                new Template(kindFolder + "Wrong.java.tmpl").fill(values), created);
        Files.writeString(lessonFile, entry);
        return new Result(created, List.of(lessonFile));
    }

    /** {@code yaml} with {@code entry} added to its list {@code key}, or a refusal that says why not. */
    private String appended(String yaml, String key, String entry, Path file) throws Refusal {
        try {
            return YamlListEdit.append(yaml, key, entry);
        } catch (IllegalArgumentException e) {
            throw new Refusal(workspace.shown(file) + ": " + e.getMessage());
        }
    }

    /** The course file of a course begun with its first lesson, titled after its folder. */
    private String newCourseFile() {
        Path name = workspace.root().getFileName();
        return "# yaml-language-server: $schema=./course.schema.json\nformat: 1\ntitle: "
                + (name == null ? "My course" : title(name.toString())) + "\nlessons:\n";
    }

    /** The starter, marked so that validate reports the solution as still to write. */
    private static String pendingSolution(String starter) {
        String marker = "// " + PendingSolution.MARKER + ": this is still the starter. Write the reference solution "
                + "here, then delete this line.\n";
        int afterPackage = starter.indexOf('\n') + 1;
        return starter.substring(0, afterPackage) + "\n" + marker + starter.substring(afterPackage);
    }

    private static void write(Path target, String text, List<Path> created) throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, text);
        created.add(target);
    }

    /** {@code tally-up} becomes {@code TallyUp}; a leading digit gets a word in front, as classes need. */
    static String className(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-")) {
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return Character.isDigit(name.charAt(0)) ? "Exercise" + name : name.toString();
    }

    /** {@code races} becomes {@code Races}: a title to replace, but one the loader accepts. */
    private static String title(String lesson) {
        return lesson.substring(0, 1).toUpperCase(Locale.ROOT) + lesson.substring(1);
    }
}
