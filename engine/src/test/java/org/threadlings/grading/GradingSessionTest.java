package org.threadlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Exercise;
import org.threadlings.sandbox.JvmLauncher;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.verdict.Verdict;

/**
 * A session grades submissions one after another in one JVM, and starts a fresh one whenever a
 * run left something running: a later submission never shares processors with an earlier one.
 */
class GradingSessionTest {

    @TempDir
    Path root;

    private final SourceCompiler compiler = new SourceCompiler();
    private final JvmLauncher jvm = JvmLauncher.forThisJvm();

    @Test
    void submissions_that_leave_nothing_running_share_one_jvm_and_each_gets_only_its_own_output() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "who", List.of());
        Path wrong = answer("wrong", "return 41;");
        try (Grader grader = new Grader(compiler, jvm); GradingSession session = grader.session()) {
            Verdict first = session.grade(exercise, WhoRunsTheChecks.studentDir(root), CheckSelection.all());
            Verdict second = session.grade(exercise, wrong, CheckSelection.all());
            Verdict third = session.grade(exercise, WhoRunsTheChecks.studentDir(root), CheckSelection.all());

            assertTrue(first.passed(), first.toString());
            assertFalse(second.passed(), "a failing check is a normal end: " + second);
            assertTrue(third.passed(), third.toString());
            long pid = WhoRunsTheChecks.pidOf(first);
            assertEquals(pid, WhoRunsTheChecks.pidOf(second));
            assertEquals(pid, WhoRunsTheChecks.pidOf(third));
            assertEquals(1, third.output().text().lines().filter(l -> l.startsWith("graded-by=")).count(),
                    "the output of earlier jobs is not repeated: " + third.output().text());
            assertEquals("1 JVM for 3 gradings", session.jvmsUsed());
        }
        assertEquals(List.of(), WhoRunsTheChecks.gradingJvmsAlive(), "closing the session ends the waiting JVM");
    }

    @Test
    void the_next_exercise_goes_on_in_the_same_jvm_unless_it_asks_for_other_jvm_options() throws Exception {
        Exercise first = WhoRunsTheChecks.exercise(root, "first", List.of());
        Exercise same = WhoRunsTheChecks.exercise(root, "same-options", List.of());
        Exercise other = WhoRunsTheChecks.exercise(root, "other-options", List.of("-Xss2m"));
        Path student = WhoRunsTheChecks.studentDir(root);
        try (Grader grader = new Grader(compiler, jvm); GradingSession session = grader.session()) {
            Verdict one = session.grade(first, student, CheckSelection.all());
            Verdict two = session.grade(same, student, CheckSelection.all());
            Verdict three = session.grade(other, student, CheckSelection.all());

            assertTrue(one.passed() && two.passed() && three.passed(), one + "\n" + two + "\n" + three);
            assertEquals(WhoRunsTheChecks.pidOf(one), WhoRunsTheChecks.pidOf(two));
            assertNotEquals(WhoRunsTheChecks.pidOf(two), WhoRunsTheChecks.pidOf(three),
                    "a JVM runs with the options its exercise asks for");
            assertEquals("2 JVMs for 3 gradings", session.jvmsUsed());
        }
        assertEquals(List.of(), WhoRunsTheChecks.gradingJvmsAlive());
    }

    @Test
    void a_run_that_leaves_a_thread_running_ends_its_jvm_and_the_next_gets_a_fresh_one() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "who", List.of());
        // A daemon thread is no leftover for a student's verdict, but it would take a processor
        // from the next submission's checks.
        Path spinner = answer("spinner", """
                Thread t = new Thread(() -> { while (true) { Thread.onSpinWait(); } });
                t.setDaemon(true);
                t.start();
                return 42;""");
        try (Grader grader = new Grader(compiler, jvm); GradingSession session = grader.session()) {
            Verdict spinning = session.grade(exercise, spinner, CheckSelection.all());
            Verdict next = session.grade(exercise, WhoRunsTheChecks.studentDir(root), CheckSelection.all());

            assertTrue(spinning.passed(), spinning.toString());
            assertTrue(next.passed(), next.toString());
            assertNotEquals(WhoRunsTheChecks.pidOf(spinning), WhoRunsTheChecks.pidOf(next));
            assertEquals("2 JVMs for 2 gradings", session.jvmsUsed());
        }
        assertEquals(List.of(), WhoRunsTheChecks.gradingJvmsAlive());
    }

    @Test
    void idle_pool_workers_of_the_jdk_may_stay_but_a_thread_parked_in_the_jobs_code_may_not() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "who", List.of());
        Path idlePool = answer("idle-pool", """
                java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2);
                return pool.submit(() -> 42).join();""");
        Path parked = answer("parked", """
                Thread t = new Thread(() -> {
                    try { new java.util.concurrent.CountDownLatch(1).await(); } catch (InterruptedException e) { }
                });
                t.setDaemon(true);
                t.start();
                return 42;""");
        try (Grader grader = new Grader(compiler, jvm); GradingSession session = grader.session()) {
            Verdict pool = session.grade(exercise, idlePool, CheckSelection.all());
            Verdict next = session.grade(exercise, parked, CheckSelection.all());
            Verdict last = session.grade(exercise, WhoRunsTheChecks.studentDir(root), CheckSelection.all());

            assertTrue(pool.passed() && next.passed() && last.passed(), pool + "\n" + next + "\n" + last);
            assertEquals(WhoRunsTheChecks.pidOf(pool), WhoRunsTheChecks.pidOf(next), "idle workers of the JDK may stay");
            assertNotEquals(WhoRunsTheChecks.pidOf(next), WhoRunsTheChecks.pidOf(last),
                    "a thread waiting in the job's own code may wake at any time");
            assertEquals("2 JVMs for 3 gradings", session.jvmsUsed());
        }
    }

    @Test
    void the_runtimes_own_threads_for_virtual_threads_may_stay() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "who", List.of());
        // The first virtual thread brings the JDK's scheduler and, since JDK 24, its unblocker
        // thread, which waits in native code for good: runnable to look at, idle in fact.
        Path virtual = answer("virtual", """
                try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                    Object lock = new Object();
                    var done = pool.submit(() -> { synchronized (lock) { Thread.sleep(20); } return 42; });
                    pool.submit(() -> { synchronized (lock) { return 0; } }).get();
                    return done.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }""");
        try (Grader grader = new Grader(compiler, jvm); GradingSession session = grader.session()) {
            Verdict first = session.grade(exercise, virtual, CheckSelection.all());
            Verdict next = session.grade(exercise, WhoRunsTheChecks.studentDir(root), CheckSelection.all());

            assertTrue(first.passed() && next.passed(), first + "\n" + next);
            assertEquals(WhoRunsTheChecks.pidOf(first), WhoRunsTheChecks.pidOf(next));
            assertEquals("1 JVM for 2 gradings", session.jvmsUsed());
        }
    }

    @Test
    void a_run_that_printed_a_lot_ends_its_jvm_at_once_with_its_verdict() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "who", List.of());
        // Past the kept beginning of the output a later job's output could not be told apart.
        Path talker = answer("talker", """
                System.out.print("x".repeat(40_000));
                return 42;""");
        try (Grader grader = new Grader(compiler, jvm); GradingSession session = grader.session()) {
            Verdict talking = session.grade(exercise, talker, CheckSelection.all());
            Verdict next = session.grade(exercise, WhoRunsTheChecks.studentDir(root), CheckSelection.all());

            assertTrue(talking.passed(), talking.toString());
            assertTrue(talking.elapsed().toSeconds() < 15, "ended with its job, not at the time limit: " + talking);
            assertTrue(next.passed(), next.toString());
            assertEquals("2 JVMs for 2 gradings", session.jvmsUsed());
        }
    }

    @Test
    void a_plain_grading_still_ends_its_jvm() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "who", List.of());
        try (Grader grader = new Grader(compiler, jvm)) {
            Verdict verdict = grader.grade(exercise, WhoRunsTheChecks.studentDir(root), GradingListener.NONE,
                    new Cancellation());
            assertTrue(verdict.passed(), verdict.toString());
            assertEquals(List.of(), WhoRunsTheChecks.gradingJvmsAlive(), "a student's grading JVM does one job");
        }
    }

    /** A student folder whose Answer.value() has {@code body}. */
    private Path answer(String name, String body) throws Exception {
        Path dir = root.resolve(name);
        Path file = dir.resolve("probe/Answer.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package probe;\npublic class Answer {\n    public static int value() {\n"
                + body.indent(8) + "    }\n}\n");
        return dir;
    }
}
