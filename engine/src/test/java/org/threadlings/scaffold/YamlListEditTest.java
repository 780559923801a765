package org.threadlings.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
    void class_names_come_from_exercise_ids() {
        assertEquals("NameList", Scaffold.className("name-list"));
        assertEquals("Exercise2Threads", Scaffold.className("2-threads"));
    }
}
