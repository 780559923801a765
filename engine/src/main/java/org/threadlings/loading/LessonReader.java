package org.threadlings.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.course.QuizQuestion;
import org.threadlings.course.Section;
import org.threadlings.course.WrongAnswer;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one {@code lesson.yaml} into a {@link Lesson}, recording problems as it goes. */
final class LessonReader {

    static final Duration DEFAULT_EXERCISE_LIMIT = Duration.ofSeconds(30);
    static final Duration DEFAULT_EXAMPLE_LIMIT = Duration.ofSeconds(30);
    static final Duration MAX_LIMIT = Duration.ofMinutes(10);

    /**
     * What reading produced, plus the nodes the course-wide checks need for positions. The lists
     * run parallel to the lesson's exercises and examples, not keyed by id: an id may be repeated
     * by mistake, and the repetition must still be seen to be reported.
     */
    record Read(Lesson lesson, Fields fields, Node idNode, List<Node> exerciseNodes,
                List<Node> exampleNodes, List<List<Fields.Scalar>> exampleUses) {
    }

    private final Path lessonDir;
    private final Path solutionsDir;
    private final Path courseRoot;

    LessonReader(Path lessonDir, Path solutionsDir, Path courseRoot) {
        this.lessonDir = lessonDir;
        this.solutionsDir = solutionsDir;
        this.courseRoot = courseRoot;
    }

    Read read(Fields fields) {
        FormatVersion.check(fields);
        Fields.Scalar id = fields.requiredScalar("id");
        Ids.checkSyntax(fields, id, "lesson");
        String title = fields.required("title");
        String summary = fields.required("summary");
        List<Section> sections = fields.mappings("sections", true).stream().map(this::section).toList();

        List<Node> exampleNodes = new ArrayList<>();
        List<List<Fields.Scalar>> exampleUses = new ArrayList<>();
        List<Example> examples = new ArrayList<>();
        for (Fields f : fields.mappings("examples", false)) {
            examples.add(example(f, id.value(), exampleUses));
            exampleNodes.add(f.node());
        }

        List<Node> exerciseNodes = new ArrayList<>();
        List<Exercise> exercises = new ArrayList<>();
        for (Fields f : fields.mappings("exercises", true)) {
            exercises.add(exercise(f, id.value()));
            exerciseNodes.add(f.node());
        }

        List<QuizQuestion> quiz = new ArrayList<>();
        Set<String> quizIds = new HashSet<>();
        for (Fields f : fields.mappings("quiz", false)) {
            QuizQuestion question = question(f);
            if (!question.id().isEmpty() && !quizIds.add(question.id())) {
                f.problem(f.node(), "duplicate quiz question id '" + question.id() + "' in this lesson");
            }
            quiz.add(question);
        }
        fields.finish();
        Lesson lesson = new Lesson(id.value(), title, summary, lessonDir, sections, examples, exercises, quiz);
        return new Read(lesson, fields, id.node(), exerciseNodes, exampleNodes, exampleUses);
    }

    private Section section(Fields f) {
        String title = f.required("title");
        boolean hasText = f.has("text");
        boolean hasFile = f.has("file");
        String markdown = "";
        if (hasText == hasFile) {
            f.problem(f.node(), "a section needs exactly one of 'text' (Markdown inline) or 'file' (a Markdown file)");
        } else if (hasText) {
            markdown = f.required("text");
        } else {
            Fields.Scalar file = f.requiredScalar("file");
            Path path = lessonFile(f, file, ".md");
            if (path != null) {
                markdown = LessonText.markdown(path, courseRoot.relativize(path).toString(), f.problems()).orElse("");
            }
        }
        f.finish();
        return new Section(title, markdown);
    }

    private Example example(Fields f, String lessonId, List<List<Fields.Scalar>> uses) {
        Fields.Scalar id = f.requiredScalar("id");
        Ids.checkSyntax(f, id, "example");
        String title = f.required("title");
        String description = f.optional("description", "");
        Path source = lessonFile(f, f.requiredScalar("file"), ".java");
        List<Fields.Scalar> used = f.scalars("uses", false);
        uses.add(used);
        List<String> args = f.strings("args");
        Duration limit = timeLimit(f, DEFAULT_EXAMPLE_LIMIT);
        f.finish();
        return new Example(id.value(), lessonId, title, description, source,
                used.stream().map(Fields.Scalar::value).toList(), args, limit);
    }

    private Exercise exercise(Fields f, String lessonId) {
        Fields.Scalar id = f.requiredScalar("id");
        Ids.checkSyntax(f, id, "exercise");
        String title = f.required("title");
        List<String> files = new ArrayList<>();
        for (Fields.Scalar file : f.scalars("files", true)) {
            if (studentFile(f, file)) {
                files.add(file.value());
            }
        }
        String task = f.required("task");
        List<String> hints = f.strings("hints");
        List<Path> checks = new ArrayList<>();
        for (Fields.Scalar check : f.scalars("checks", true)) {
            Path path = lessonFile(f, check, ".java");
            if (path != null) {
                checks.add(path);
            }
        }
        Duration limit = timeLimit(f, DEFAULT_EXERCISE_LIMIT);
        List<String> tags = new ArrayList<>();
        for (Fields.Scalar tag : f.scalars("tags", false)) {
            if (Ids.SYNTAX.matcher(tag.value()).matches()) {
                tags.add(tag.value());
            } else {
                f.problem(tag.node(), "tag '" + tag.value() + "' must be lower-case words joined by dashes, like 'cpu-bound'");
            }
        }
        List<String> jvmOptions = new ArrayList<>();
        for (Fields.Scalar option : f.scalars("jvm-options", false)) {
            if (!option.value().startsWith("-")) {
                f.problem(option.node(), "JVM option '" + option.value() + "' must start with '-'");
                continue;
            }
            JvmOptions.refusal(option.value()).ifPresentOrElse(
                    why -> f.problem(option.node(), "JVM option '" + option.value() + "' is not allowed: " + why),
                    () -> jvmOptions.add(option.value()));
        }
        List<WrongAnswer> wrong = new ArrayList<>();
        Set<String> wrongNames = new HashSet<>();
        for (Fields w : f.mappings("wrong", false)) {
            WrongAnswer answer = wrongAnswer(w, id.value(), files);
            if (answer != null && !wrongNames.add(answer.name())) {
                w.problem(w.node(), "duplicate wrong answer '" + answer.name() + "' in exercise '" + id.value() + "'");
            } else if (answer != null) {
                wrong.add(answer);
            }
        }
        f.finish();
        return new Exercise(id.value(), lessonId, title, files, task, hints, checks, limit, tags, jvmOptions, wrong);
    }

    /**
     * A known-wrong answer: a folder {@code wrong/<exercise>/<name>/} laid out like exercises/,
     * holding at least one of the exercise's files and nothing else.
     */
    private WrongAnswer wrongAnswer(Fields w, String exerciseId, List<String> files) {
        Fields.Scalar name = w.requiredScalar("name");
        Ids.checkSyntax(w, name, "wrong answer");
        Fields.Scalar caughtBy = w.requiredScalar("caught-by");
        if (!caughtBy.value().isEmpty() && !caughtBy.value().matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            w.problem(caughtBy.node(), "caught-by '" + caughtBy.value()
                    + "' must be the name of a check method, like 'tenThreads', or 'leftovers'");
        }
        String mistake = w.required("mistake");
        w.finish();
        if (name.value().isEmpty() || !Ids.SYNTAX.matcher(name.value()).matches()
                || !Ids.SYNTAX.matcher(exerciseId).matches()) {
            return null; // a malformed name or exercise id is reported already, and makes no folder name
        }
        Path folder = lessonDir.resolve("wrong").resolve(exerciseId).resolve(name.value());
        if (!Files.isDirectory(folder)) {
            w.problem(name.node(), "folder not found: " + courseRoot.relativize(folder)
                    + " (it holds the wrong version of the exercise's files, laid out as in exercises/)");
            return null;
        }
        List<String> given = wrongFiles(folder);
        List<String> strangers = given.stream().filter(g -> !files.contains(g)).toList();
        if (!strangers.isEmpty()) {
            w.problem(name.node(), "wrong answer '" + name.value() + "' holds files that are not the exercise's: "
                    + String.join(", ", strangers) + " (the exercise's files: " + String.join(", ", files) + ")");
        } else if (given.isEmpty()) {
            w.problem(name.node(), "wrong answer '" + name.value() + "' holds none of the exercise's files ("
                    + String.join(", ", files) + ") under " + courseRoot.relativize(folder));
        }
        return new WrongAnswer(name.value(), caughtBy.value(), mistake, folder);
    }

    /** The files under a wrong answer's folder, as paths relative to it with forward slashes. */
    private static List<String> wrongFiles(Path folder) {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private QuizQuestion question(Fields f) {
        Fields.Scalar id = f.requiredScalar("id");
        Ids.checkSyntax(f, id, "quiz question");
        String question = f.required("question");
        List<QuizQuestion.Choice> choices = new ArrayList<>();
        for (Fields c : f.mappings("choices", true)) {
            String text = c.required("text");
            boolean correct = c.optionalBoolean("correct", false);
            String feedback = c.optional("feedback", "");
            c.finish();
            choices.add(new QuizQuestion.Choice(text, correct, feedback));
        }
        long correctCount = choices.stream().filter(QuizQuestion.Choice::correct).count();
        if (!choices.isEmpty() && choices.size() < 2) {
            f.problem(f.node(), "a quiz question needs at least two choices");
        }
        if (!choices.isEmpty() && correctCount != 1) {
            f.problem(f.node(), "a quiz question needs exactly one choice marked 'correct: true' (found "
                    + correctCount + ")");
        }
        String explanation = f.required("explanation");
        f.finish();
        return new QuizQuestion(id.value(), question, choices, explanation);
    }

    private Duration timeLimit(Fields f, Duration fallback) {
        if (!f.has("time-limit")) {
            return fallback;
        }
        Fields.Scalar text = f.requiredScalar("time-limit");
        if (!(text.node() instanceof ScalarNode)) {
            return fallback; // a list or mapping, reported already
        }
        Duration limit = Durations.parse(text.value()).orElse(null);
        if (limit == null) {
            f.problem(text.node(), "time-limit '" + text.value() + "' must look like 1500ms, 20s or 2m");
            return fallback;
        }
        if (limit.isZero() || limit.compareTo(MAX_LIMIT) > 0) {
            f.problem(text.node(), "time-limit must be more than 0 and at most 10m");
            return fallback;
        }
        return limit;
    }

    /** A file inside the lesson folder; null (after a problem) if it is missing or wrong. */
    private Path lessonFile(Fields f, Fields.Scalar name, String extension) {
        if (name.value().isEmpty()) {
            return null;
        }
        Path path = LessonPaths.resolve(lessonDir, name.value()).orElse(null);
        if (path == null) {
            f.problem(name.node(), "'" + LessonPaths.printable(name.value()) + "' is not a valid file name");
            return null;
        }
        if (!path.startsWith(lessonDir)) {
            f.problem(name.node(), "'" + name.value() + "' must be inside the lesson folder");
            return null;
        }
        if (!name.value().endsWith(extension)) {
            f.problem(name.node(), "'" + name.value() + "' must be a " + extension + " file");
            return null;
        }
        if (!Files.isRegularFile(path)) {
            f.problem(name.node(), "file not found: " + courseRoot.relativize(path));
            return null;
        }
        return path;
    }

    /** A student file: a relative .java path whose reference solution exists. */
    private boolean studentFile(Fields f, Fields.Scalar name) {
        String value = name.value();
        Path relative = LessonPaths.resolve(Path.of(""), value).orElse(null);
        if (relative == null || relative.isAbsolute() || relative.startsWith("..") || !value.endsWith(".java")) {
            f.problem(name.node(), "'" + LessonPaths.printable(value)
                    + "' must be a .java path relative to exercises/, like 'races/Counter.java'");
            return false;
        }
        if (!Files.isRegularFile(solutionsDir.resolve(relative))) {
            f.problem(name.node(), "no reference solution: " + courseRoot.relativize(solutionsDir.resolve(relative))
                    + " does not exist");
            return false;
        }
        return true;
    }
}
