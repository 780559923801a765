package org.threadlings.loading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code lessons/course.yaml} and every lesson it lists, and checks them against each other
 * and against the files they name. Either returns a complete course or throws with every problem
 * found, each as {@code file:line:column: message}. The format is documented in lessons/README.md.
 */
public final class CourseLoader {

    /** The lesson format version this engine reads. */
    public static final int FORMAT = 1;

    static final String COURSE_FILE = "course.yaml";
    static final String LESSON_FILE = "lesson.yaml";

    private final Path courseRoot;
    private final Path lessonsDir;
    private final Path solutionsDir;

    /**
     * @param courseRoot   the folder that holds lessons/ and solutions/; problems name files
     *                     relative to it
     */
    public CourseLoader(Path courseRoot) {
        this.courseRoot = courseRoot.toAbsolutePath().normalize();
        this.lessonsDir = this.courseRoot.resolve("lessons");
        this.solutionsDir = this.courseRoot.resolve("solutions");
    }

    public Course load() throws CourseFormatException {
        Problems problems = new Problems();
        Path courseFile = lessonsDir.resolve(COURSE_FILE);
        Course course = YamlFile.read(courseFile, shown(courseFile), problems)
                .map(fields -> readCourse(fields, problems))
                .orElse(null);
        if (!problems.isEmpty() || course == null) {
            throw new CourseFormatException(problems.sorted());
        }
        return course;
    }

    private Course readCourse(Fields fields, Problems problems) {
        FormatVersion.check(fields);
        String title = fields.required("title");
        List<Fields.Scalar> lessonDirs = fields.scalars("lessons", true);
        fields.finish();

        List<Lesson> lessons = new ArrayList<>();
        Ids lessonIds = new Ids("lesson");
        Ids exerciseIds = new Ids("exercise");
        Ids exampleIds = new Ids("example");
        Map<String, String> fileOwners = new HashMap<>();
        List<LessonReader.Read> reads = new ArrayList<>();
        Map<Path, Integer> listedAt = new HashMap<>();
        for (Fields.Scalar dirName : lessonDirs) {
            Path dir = LessonPaths.resolve(lessonsDir, dirName.value()).orElse(lessonsDir);
            // lessons/ itself ("" or ".") holds course.yaml, not a lesson; nor is a name no path can have.
            if (dir.equals(lessonsDir) || !dir.startsWith(lessonsDir) || !Files.isDirectory(dir)) {
                fields.problem(dirName.node(), "no lesson folder 'lessons/" + LessonPaths.printable(dirName.value()) + "'");
                continue;
            }
            Integer first = listedAt.putIfAbsent(dir, dirName.node().getStartMark().getLine() + 1);
            if (first != null) {
                // The mistake is in this list, not in the lesson: say so here, and read the lesson once.
                fields.problem(dirName.node(), "lesson 'lessons/" + dirName.value() + "' is listed twice (first at line "
                        + first + "); list each lesson once");
                continue;
            }
            Path lessonFile = dir.resolve(LESSON_FILE);
            if (!Files.isRegularFile(lessonFile)) {
                fields.problem(dirName.node(), "the lesson folder 'lessons/" + dirName.value() + "' has no "
                        + LESSON_FILE + "; create it, or take the folder off this list");
                continue;
            }
            YamlFile.read(lessonFile, shown(lessonFile), problems).ifPresent(lessonFields -> {
                LessonReader.Read read = new LessonReader(dir, solutionsDir, courseRoot).read(lessonFields);
                reads.add(read);
                lessonIds.claim(read.idNode(), read.lesson().id(), lessonFields);
                List<Example> examples = read.lesson().examples();
                for (int i = 0; i < examples.size(); i++) {
                    exampleIds.claim(read.exampleNodes().get(i), examples.get(i).id(), lessonFields);
                }
                List<Exercise> exercises = read.lesson().exercises();
                for (int i = 0; i < exercises.size(); i++) {
                    Exercise exercise = exercises.get(i);
                    Node node = read.exerciseNodes().get(i);
                    exerciseIds.claim(node, exercise.id(), lessonFields);
                    for (String file : exercise.files()) {
                        String owner = fileOwners.putIfAbsent(file, exercise.id());
                        if (owner != null) {
                            lessonFields.problem(node, "file '" + file + "' already belongs to exercise '" + owner + "'");
                        }
                    }
                }
                lessons.add(read.lesson());
            });
        }
        Set<String> allExercises = lessons.stream().flatMap(l -> l.exercises().stream())
                .map(Exercise::id).collect(Collectors.toSet());
        for (LessonReader.Read read : reads) {
            List<Example> examples = read.lesson().examples();
            for (int i = 0; i < examples.size(); i++) {
                Example example = examples.get(i);
                for (Fields.Scalar used : read.exampleUses().get(i)) {
                    if (!allExercises.contains(used.value())) {
                        read.fields().problem(used.node(), "example '" + example.id()
                                + "' uses unknown exercise '" + used.value() + "'");
                    }
                }
            }
        }
        return new Course(lessonsDir, title, lessons);
    }

    private String shown(Path file) {
        return courseRoot.relativize(file).toString();
    }
}
