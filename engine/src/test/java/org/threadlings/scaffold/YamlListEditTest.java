package org.threadlings.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.workspace.Workspace;

class YamlListEditTest {

    @Test
    void an_entry_goes_at_the_end_of_its_list_and_before_the_next_key_and_its_comment() {
        String yaml = """
                # kept
                exercises:
                  - id: one   # also kept

                # about the quiz
                quiz:
                  - id: q
                """;
        String entry = "\n  - id: two\n";

        assertEquals("""
                # kept
                exercises:
                  - id: one   # also kept

                  - id: two

                # about the quiz
                quiz:
                  - id: q
                """, YamlListEdit.append(yaml, "exercises", entry));
    }

    @Test
    void a_missing_list_is_added_at_the_end() {
        assertEquals("format: 1\n\nexercises:\n  - id: two\n",
                YamlListEdit.append("format: 1\n\n", "exercises", "\n  - id: two\n"));
    }

    @Test
    void a_lesson_is_appended_to_course_yaml() {
        assertEquals("lessons:\n  - races\n  - pools\n", YamlListEdit.append("lessons:\n  - races\n", "lessons", "  - pools"));
    }

    @Test
    void a_flow_list_of_plain_ids_becomes_a_block_list() {
        assertEquals("title: T\nlessons:\n  - pools\nend: 1\n", YamlListEdit.append("title: T\nlessons: []\nend: 1\n", "lessons", "  - pools"));
        assertEquals("lessons:\n  - races\n  - locks\n  - pools\n",
                YamlListEdit.append("lessons: [races, locks]  # in order\n", "lessons", "  - pools"));
    }

    @Test
    void a_flow_list_it_cannot_read_is_refused_with_the_line() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YamlListEdit.append("lessons: [{id: x}]\n", "lessons", "  - pools"));

        assertTrue(e.getMessage().contains("(lessons: [{id: x}])"), e.getMessage());
    }

    @Test
    void a_new_course_is_begun_with_its_first_lesson_and_the_schemas(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("lessons"));

        Scaffold.Result result = new Scaffold(new Workspace(root)).newLesson("pools");

        String course = Files.readString(root.resolve("lessons/course.yaml"));
        assertTrue(course.contains("format: 1\n") && course.endsWith("lessons:\n  - pools\n"), course);
        assertTrue(Files.readString(root.resolve("lessons/lesson.schema.json")).contains("\"$schema\""));
        assertTrue(result.created().contains(root.resolve("lessons/course.schema.json")), result.toString());
    }

    @Test
    void a_refused_edit_writes_nothing(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("lessons"));
        Files.writeString(root.resolve("lessons/course.yaml"), "format: 1\ntitle: T\nlessons: [{id: x}]\n");

        Scaffold.Refusal refusal = assertThrows(Scaffold.Refusal.class, () -> new Scaffold(new Workspace(root)).newLesson("pools"));

        assertTrue(refusal.getMessage().startsWith("lessons/course.yaml: 'lessons:' is written on one line"), refusal.getMessage());
        assertFalse(Files.exists(root.resolve("lessons/pools")));
    }

    @Test
    void class_names_come_from_exercise_ids() {
        assertEquals("NameList", Scaffold.className("name-list"));
        assertEquals("Exercise2Threads", Scaffold.className("2-threads"));
    }
}
