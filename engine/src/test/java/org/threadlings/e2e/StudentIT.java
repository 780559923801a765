package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student's day in a copy of the course: list, check, hint, reset, run an example. */
class StudentIT {

    @TempDir
    Path course;

    @BeforeEach
    void copyTheCourse() throws Exception {
        Courses.copyOfCourse(course);
    }

    @Test
    void list_json_has_every_exercise_with_status_and_files() throws Exception {
        RunScript.Run run = cli("list", "--json");

        assertEquals(0, run.exitCode(), run.all());
        JsonNode list = new ObjectMapper().readTree(run.stdout());
        assertEquals(3, list.size());
        JsonNode first = list.get(0);
        assertEquals("counter-synchronized", first.get("id").asText());
        assertEquals("races", first.get("lesson").asText());
        assertEquals("Fix the counter with synchronized", first.get("title").asText());
        assertEquals("pending", first.get("status").asText());
        assertEquals("races/SynchronizedCounter.java", first.get("files").get(0).asText());
    }

    @Test
    void a_passing_check_marks_the_exercise_done_and_moves_on() throws Exception {
        Files.copy(Courses.fixture().resolve("solutions/races/AtomicCounter.java"),
                course.resolve("exercises/races/AtomicCounter.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        RunScript.Run check = cli("check", "counter-atomic");
        assertEquals(0, check.exitCode(), check.all());
        assertTrue(check.stdout().contains("Next: counter-lock"), check.stdout());

        JsonNode list = new ObjectMapper().readTree(cli("list", "--json").stdout());
        assertEquals("done", list.get(1).get("status").asText());
        assertEquals("pending", list.get(0).get("status").asText());
        assertTrue(Files.isRegularFile(course.resolve(".threadlings/progress.json")));
    }

    @Test
    void check_without_an_id_grades_the_current_exercise() throws Exception {
        RunScript.Run run = cli("check");

        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.stdout().startsWith("counter-synchronized"), run.stdout());
    }

    @Test
    void hints_come_one_at_a_time_then_all_together() throws Exception {
        assertTrue(cli("hint", "counter-lock").stdout().startsWith("Hint 1 of 3:"));
        assertTrue(cli("hint", "counter-lock").stdout().startsWith("Hint 2 of 3:"));
        assertTrue(cli("hint", "counter-lock").stdout().startsWith("Hint 3 of 3:"));
        String again = cli("hint", "counter-lock").stdout();
        assertTrue(again.startsWith("All 3 hints for counter-lock:"), again);
    }

    @Test
    void reset_restores_the_starter_even_after_the_student_committed_and_keeps_a_backup() throws Exception {
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=Course", "-c", "user.email=course@example.org", "commit", "-qm", "course");
        Path file = course.resolve("exercises/races/LockCounter.java");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("count++;", "count += 1; // mine"));
        git("-c", "user.name=Student", "-c", "user.email=student@example.org", "commit", "-qam", "my attempt");

        RunScript.Run run = cli("reset", "counter-lock");

        assertEquals(0, run.exitCode(), run.all());
        assertEquals(original, Files.readString(file));
        try (Stream<Path> backups = Files.walk(course.resolve(".threadlings/backups/counter-lock"))) {
            List<Path> saved = backups.filter(Files::isRegularFile).toList();
            assertEquals(1, saved.size());
            assertTrue(Files.readString(saved.get(0)).contains("// mine"));
        }
        assertTrue(cli("reset", "counter-lock").stdout().contains("already the original starter"));
    }

    @Test
    void a_damaged_progress_file_is_set_aside_with_a_warning() throws Exception {
        Files.createDirectories(course.resolve(".threadlings"));
        Files.writeString(course.resolve(".threadlings/progress.json"), "{ \"format\": 1, \"exercises\": {");

        RunScript.Run run = cli("list");

        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.stderr().contains("progress file was damaged"), run.stderr());
        try (Stream<Path> files = Files.list(course.resolve(".threadlings"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("progress.json.damaged-")));
        }
    }

    @Test
    void the_race_demo_shows_lost_updates() throws Exception {
        RunScript.Run run = cli("run", "lost-updates");

        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.stdout().contains("round 5: count ="), run.stdout());
        assertTrue(run.stdout().contains("lost"), run.stdout());
    }

    @Test
    void without_a_terminal_the_course_view_explains_itself_in_one_line() throws Exception {
        RunScript.Run run = cli();

        assertEquals(2, run.exitCode(), run.all());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
        assertTrue(run.stderr().contains("./run.sh check") && run.stderr().contains("./run.sh list"), run.stderr());
    }

    @Test
    void completion_script_and_version_and_help() throws Exception {
        assertTrue(cli("completion").stdout().contains("complete -F _complete_threadlings"));
        assertTrue(cli("--version").stdout().startsWith("Threadlings "));
        String help = cli("--help").stdout();
        for (String command : List.of("check", "list", "hint", "reset", "run", "validate", "completion")) {
            assertTrue(help.contains(command), help);
        }
        assertTrue(help.contains("--course"), "instructors find the option for another course folder: " + help);
    }

    private RunScript.Run cli(String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 2];
        all[0] = "--course";
        all[1] = course.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return RunScript.run(all);
    }

    private void git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(course.toFile()).inheritIO().start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "git " + String.join(" ", args));
    }
}
