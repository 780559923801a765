package org.threadlings.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadlings.course.Exercise;
import org.threadlings.grading.child.ChildMain;
import org.threadlings.verdict.Verdict;

/**
 * A tiny exercise whose check prints the process id of the JVM that runs it, so that a test can
 * tell which grading JVM did the job; and a look at this JVM's grading children.
 */
final class WhoRunsTheChecks {

    private static final Pattern PID = Pattern.compile("graded-by=(\\d+)");

    private WhoRunsTheChecks() {
    }

    /** Writes the student's file under {@code root}/student and the check under {@code root}/checks. */
    static Exercise exercise(Path root, String id, List<String> jvmOptions) throws IOException {
        Path answer = root.resolve("student/probe/Answer.java");
        Files.createDirectories(answer.getParent());
        Files.writeString(answer, """
                package probe;
                public class Answer {
                    public static int value() { return 42; }
                }
                """);
        Path check = root.resolve("checks/probe/checks/WhoRunsCheck.java");
        Files.createDirectories(check.getParent());
        Files.writeString(check, """
                package probe.checks;
                import org.junit.jupiter.api.Assertions;
                import org.junit.jupiter.api.Test;
                class WhoRunsCheck {
                    @Test
                    void answers() {
                        System.out.println("graded-by=" + ProcessHandle.current().pid());
                        Assertions.assertEquals(42, probe.Answer.value());
                    }
                }
                """);
        return new Exercise(id, "probe", "Who runs the checks", List.of("probe/Answer.java"), "", List.of(),
                List.of(check), Duration.ofSeconds(20), List.of(), jvmOptions, List.of());
    }

    static Path studentDir(Path root) {
        return root.resolve("student");
    }

    /** The process id of the JVM that ran the checks of {@code verdict}. */
    static long pidOf(Verdict verdict) {
        Matcher matcher = PID.matcher(verdict.output().text());
        if (!matcher.find()) {
            throw new AssertionError("no process id in the output of " + verdict);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Grading JVMs that are children of this JVM and alive; the start-up cache's training run excepted. */
    static List<Long> gradingJvmsAlive() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> {
                    String command = p.info().commandLine().orElse("");
                    return command.contains(ChildMain.class.getName()) && !command.contains("--train");
                })
                .map(ProcessHandle::pid).toList();
    }

    /** Waits (up to a generous limit) for exactly one grading JVM to be alive, and returns it. */
    static long awaitOneWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<Long> only = Optional.empty();
        while (System.nanoTime() < deadline) {
            List<Long> alive = gradingJvmsAlive();
            if (alive.size() == 1) {
                only = Optional.of(alive.get(0));
                break;
            }
            Thread.sleep(10);
        }
        return only.orElseThrow(() -> new AssertionError("no single grading JVM waits: " + gradingJvmsAlive()));
    }
}
