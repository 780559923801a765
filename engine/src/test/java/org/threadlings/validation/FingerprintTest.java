package org.threadlings.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.course.Exercise;
import org.threadlings.course.WrongAnswer;
import org.threadlings.workspace.StarterStore;
import org.threadlings.workspace.Workspace;

/**
 * An exercise's fingerprint changes with everything its validation grades, and with nothing
 * else: the student's own edits in exercises/ leave it alone.
 */
class FingerprintTest {

    @TempDir
    Path root;

    private Workspace workspace;
    private StarterStore starters;
    private Path check;
    private Path wrong;

    @BeforeEach
    void course() throws Exception {
        workspace = new Workspace(root);
        write("exercises/p/Answer.java", "class Answer { /* TODO */ }");
        write("solutions/p/Answer.java", "class Answer { int value = 42; }");
        check = write("lessons/l/checks/AnswerCheck.java", "class AnswerCheck { }");
        wrong = root.resolve("lessons/l/wrong/answer/off-by-one");
        write("lessons/l/wrong/answer/off-by-one/p/Answer.java", "class Answer { int value = 41; }");
        starters = new StarterStore(workspace);
        starters.record(List.of("p/Answer.java"), List.of(check));
    }

    @Test
    void the_same_inputs_give_the_same_fingerprint() throws Exception {
        assertTrue(print(exercise(Duration.ofSeconds(10))).isPresent());
        assertEquals(print(exercise(Duration.ofSeconds(10))), print(exercise(Duration.ofSeconds(10))));
    }

    @Test
    void what_the_student_did_to_exercises_does_not_count() throws Exception {
        Optional<String> before = print(exercise(Duration.ofSeconds(10)));
        write("exercises/p/Answer.java", "class Answer { int value = 7; }");

        assertEquals(before, print(exercise(Duration.ofSeconds(10))), "the original starter is what validation grades");
    }

    @Test
    void the_solution_a_check_a_wrong_answer_and_the_lesson_entry_each_count() throws Exception {
        Exercise exercise = exercise(Duration.ofSeconds(10));
        Optional<String> before = print(exercise);

        write("solutions/p/Answer.java", "class Answer { int value = 42; } // tidied");
        Optional<String> solution = print(exercise);
        write("lessons/l/checks/AnswerCheck.java", "class AnswerCheck { /* stricter */ }");
        Optional<String> checks = print(exercise);
        write("lessons/l/wrong/answer/off-by-one/p/Helper.java", "class Helper { }");
        Optional<String> wrongAnswer = print(exercise);
        Optional<String> timeLimit = print(exercise(Duration.ofSeconds(20)));

        List<Optional<String>> all = List.of(before, solution, checks, wrongAnswer, timeLimit);
        assertEquals(all.size(), all.stream().distinct().count(), all.toString());
    }

    @Test
    void a_starter_without_an_original_has_no_fingerprint_and_is_always_graded() throws Exception {
        Files.delete(root.resolve("lessons/starters.lock"));

        assertEquals(Optional.empty(), print(exercise(Duration.ofSeconds(10))));
    }

    private Optional<String> print(Exercise exercise) throws Exception {
        return Fingerprint.forThisEngine(workspace, starters).of(exercise);
    }

    private Exercise exercise(Duration timeLimit) {
        return new Exercise("answer", "l", "Answer", List.of("p/Answer.java"), "", List.of(), List.of(check), timeLimit,
                List.of(), List.of(), List.of(new WrongAnswer("off-by-one", "exact", "one less", wrong)));
    }

    private Path write(String file, String content) throws Exception {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return path;
    }
}
