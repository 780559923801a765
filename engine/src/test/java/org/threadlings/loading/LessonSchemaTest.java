package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * lessons/lesson.schema.json and lessons/course.schema.json, which editors use to complete and
 * check keys, agree with the loader: every lesson of the course and every full YAML example in
 * lessons/README.md passes both, and each broken variant is refused by both.
 */
class LessonSchemaTest {

    private static final Path REPOSITORY = repository();
    private static final JsonSchema LESSON = schema("lesson.schema.json");
    private static final JsonSchema COURSE = schema("course.schema.json");

    @TempDir
    Path temp;

    @Test
    void every_lesson_of_the_course_passes_the_schema_and_the_loader() throws Exception {
        new CourseLoader(REPOSITORY).load();
        assertEquals(Set.of(), COURSE.validate(json(Files.readString(REPOSITORY.resolve("lessons/course.yaml")))));
        try (Stream<Path> lessons = Files.list(REPOSITORY.resolve("lessons"))) {
            List<Path> files = lessons.map(d -> d.resolve("lesson.yaml")).filter(Files::isRegularFile).toList();
            assertFalse(files.isEmpty());
            for (Path file : files) {
                String yaml = Files.readString(file);
                assertTrue(yaml.startsWith("# yaml-language-server: $schema=../lesson.schema.json\n"),
                        file + " must name its schema on the first line, for editors");
                assertEquals(Set.of(), LESSON.validate(json(yaml)), file.toString());
            }
        }
    }

    @Test
    void every_full_example_in_the_format_reference_passes_the_schema_and_the_loader() throws Exception {
        List<String> examples = readmeExamples();
        String course = examples.stream().filter(y -> y.contains("lessons:")).findFirst().orElseThrow();
        assertEquals(Set.of(), COURSE.validate(json(course)));
        List<String> lessons = examples.stream().filter(y -> y.contains("exercises:")).toList();
        assertFalse(lessons.isEmpty(), "lessons/README.md shows a complete lesson.yaml");
        for (String lesson : lessons) {
            assertEquals(Set.of(), LESSON.validate(json(lesson)), lesson);
            loadAlone(lesson);
        }
    }

    private static final String VALID = """
            format: 1
            id: basics
            title: Basics
            summary: A tiny lesson.
            sections:
              - title: Intro
                text: Hello.
            exercises:
              - id: counter
                title: Fix the counter
                files: [basics/Counter.java]
                task: Make it exact.
                time-limit: 30s
                checks: [checks/CounterCheck.java]
            """;

    @Test
    void the_valid_lesson_the_broken_ones_start_from_passes_both() throws Exception {
        assertEquals(Set.of(), LESSON.validate(json(VALID)));
        loadAlone(VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title: Fix the counter|titel: Fix the counter", "time-limit: 30s|time-limit: [30s]",
        "    task: Make it exact.\n|", "id: counter|id: Counter_1", "format: 1|format: \"1\""})
    void a_broken_lesson_is_refused_by_both(String change) throws Exception {
        String[] parts = change.split("\\|", -1);
        String broken = VALID.replace(parts[0], parts[1]);
        assertFalse(broken.equals(VALID), "the change must apply: " + change);

        assertFalse(LESSON.validate(json(broken)).isEmpty(), "the schema accepts:\n" + broken);
        assertThrows(CourseFormatException.class, () -> loadAlone(broken), "the loader accepts:\n" + broken);
    }

    @Test
    void a_course_file_with_a_misspelt_key_is_refused_by_the_schema() throws Exception {
        assertFalse(COURSE.validate(json("format: 1\ntitle: T\nlesson:\n  - races\n")).isEmpty());
        assertFalse(COURSE.validate(json("format: 1\ntitle: T\nlessons: []\n")).isEmpty());
    }

    /** Loads a course whose one lesson is {@code yaml}, with every file it names present. */
    @SuppressWarnings("unchecked")
    private void loadAlone(String yaml) throws Exception {
        Path root = Files.createTempDirectory(temp, "course");
        CourseFolder folder = new CourseFolder(root);
        folder.write("lessons/course.yaml", "format: 1\ntitle: T\nlessons:\n  - only\n");
        folder.write("lessons/only/lesson.yaml", yaml);
        Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (parsed instanceof Map<?, ?> lesson) {
            for (String list : List.of("sections", "examples", "exercises")) {
                if (lesson.get(list) instanceof List<?> items) {
                    for (Object item : items) {
                        Map<String, Object> entry = (Map<String, Object>) item;
                        if (entry.get("file") instanceof String file) {
                            folder.touch("lessons/only/" + file);
                        }
                        for (Object check : asList(entry.get("checks"))) {
                            folder.touch("lessons/only/" + check);
                        }
                        for (Object file : list.equals("exercises") ? asList(entry.get("files")) : List.of()) {
                            folder.touch("exercises/" + file).touch("solutions/" + file);
                        }
                    }
                }
            }
        }
        new CourseLoader(root).load();
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }

    /** The complete files shown in lessons/README.md: yaml blocks that start with format: 1. */
    private static List<String> readmeExamples() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("lessons/README.md"));
        Matcher block = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(readme);
        List<String> found = new ArrayList<>();
        while (block.find()) {
            String yaml = block.group(1);
            if (yaml.lines().dropWhile(l -> l.startsWith("#")).findFirst().orElse("").equals("format: 1")) {
                found.add(yaml);
            }
        }
        return found;
    }

    private static JsonNode json(String yaml) {
        return new ObjectMapper().valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }

    private static JsonSchema schema(String name) {
        try (InputStream in = Files.newInputStream(REPOSITORY.resolve("lessons").resolve(name))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read lessons/" + name, e);
        }
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("run.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
