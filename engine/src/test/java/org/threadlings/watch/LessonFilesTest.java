package org.threadlings.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonFilesTest {

    @TempDir
    Path lessons;

    private LessonFiles files;

    @BeforeEach
    void aCourse() throws IOException {
        write("course.yaml", "lessons: [races]");
        write("races/lesson.yaml", "id: races");
        write("races/text/01-intro.md", "# Intro");
        write("races/checks/CounterCheck.java", "class CounterCheck { }");
        write("races/target/classes/copy.md", "built");
        write("races/text/.01-intro.md.swp", "vim");
        files = new LessonFiles(lessons);
    }

    @Test
    void a_lesson_is_its_yaml_and_markdown_files_and_the_course_file_is_its_own() {
        assertEquals(Set.of("course.yaml", "races"), files.ids());
        assertEquals(List.of(lessons.resolve("races/lesson.yaml"), lessons.resolve("races/text/01-intro.md")),
                files.filesOf("races"));
        assertEquals(List.of(lessons.resolve("course.yaml")), files.filesOf("course.yaml"));
    }

    @Test
    void a_change_inside_a_lesson_folder_names_the_lesson() {
        assertEquals(Set.of("races"), files.idsAt(lessons.resolve("races/text/01-intro.md")));
        assertEquals(Set.of("races"), files.idsAt(lessons.resolve("races/text/02-new.md")));
        assertEquals(Set.of("races"), files.idsAt(lessons.resolve("races")));
        assertEquals(Set.of("course.yaml"), files.idsAt(lessons.resolve("course.yaml")));
        assertEquals(Set.of(), files.idsAt(lessons.resolve("README.md")));
        assertEquals(Set.of(), files.idsAt(lessons.resolve("races/target/classes/copy.md")));
    }

    @Test
    void builds_and_hidden_folders_are_not_watched() {
        assertTrue(files.leadsToWatchedFiles(lessons));
        assertTrue(files.leadsToWatchedFiles(lessons.resolve("races/text")));
        assertFalse(files.leadsToWatchedFiles(lessons.resolve("target")));
        assertFalse(files.leadsToWatchedFiles(lessons.resolve("races/target/classes")));
        assertFalse(files.leadsToWatchedFiles(lessons.resolve(".git")));
    }

    @Test
    void saving_a_section_reports_its_lesson_and_an_editor_file_alone_reports_nothing() throws Exception {
        Saves saves = new Saves();
        WatchStart start = SaveWatcher.lessons(lessons, saves, java.time.Duration.ofMillis(300));
        SaveWatcher watcher = org.junit.jupiter.api.Assertions.assertInstanceOf(WatchStart.Watching.class, start,
                start.toString()).watcher();
        try {
            write("races/text/01-intro.md", "# Intro, edited");
            assertEquals(List.of("races"), saves.awaitCount(1));
            write("races/text/.01-intro.md.swp", "vim again");
            write("races/text/01-intro.md~", "a backup");
            write("course.yaml", "lessons: [races, locks]"); // the sentinel: reported after anything before it
            assertEquals(List.of("races", "course.yaml"), saves.awaitReportOf("course.yaml"));
        } finally {
            watcher.close();
        }
    }

    private void write(String file, String text) throws IOException {
        Path path = lessons.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
