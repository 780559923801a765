package org.threadlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlings.grading.VerdictAssembler.Ending;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.ChildEvent.PlannedCheck;
import org.threadlings.verdict.CapturedOutput;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;

class VerdictAssemblerTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final ChildEvent.Planned PLAN = new ChildEvent.Planned(List.of(
            new PlannedCheck("a", "first"), new PlannedCheck("b", "second"), new PlannedCheck("c", "third")));

    private static ChildEvent.Finished finished(String id, CheckStatus status) {
        return new ChildEvent.Finished(new CheckResult(id, id, status, status == CheckStatus.PASS ? "" : "why",
                null, List.of(), 5));
    }

    private static Verdict assemble(Ending ending, int exit, CapturedOutput output, ChildEvent... events) {
        return VerdictAssembler.assemble("ex", List.of(events), ending, exit, LIMIT, output, Duration.ofMillis(100));
    }

    @Test
    void all_checks_passing_is_a_pass() {
        Verdict v = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN, finished("a", CheckStatus.PASS),
                finished("b", CheckStatus.PASS), finished("c", CheckStatus.PASS), new ChildEvent.Done());
        assertEquals(ExerciseStatus.PASS, v.status());
        assertEquals(Outcome.COMPLETED, v.outcome());
        assertEquals(3, v.checks().size());
    }

    @Test
    void an_inconclusive_check_makes_the_exercise_inconclusive_not_done_and_a_failed_one_fails_it() {
        Verdict inconclusive = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN, finished("a", CheckStatus.PASS),
                finished("b", CheckStatus.INCONCLUSIVE), finished("c", CheckStatus.PASS), new ChildEvent.Done());
        assertEquals(ExerciseStatus.INCONCLUSIVE, inconclusive.status());
        assertFalse(inconclusive.passed());
        assertTrue(inconclusive.message().startsWith("Not done yet: nothing failed, but one check could not reach a verdict"),
                inconclusive.message());
        Verdict inconclusiveAndFailed = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN,
                finished("a", CheckStatus.FAIL), finished("b", CheckStatus.INCONCLUSIVE), finished("c", CheckStatus.PASS),
                new ChildEvent.Done());
        assertEquals(ExerciseStatus.FAIL, inconclusiveAndFailed.status());
        Verdict failed = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN, finished("a", CheckStatus.PASS),
                finished("b", CheckStatus.FAIL), finished("c", CheckStatus.ERROR), new ChildEvent.Done());
        assertEquals(ExerciseStatus.FAIL, failed.status());
    }

    @Test
    void a_time_limit_marks_the_running_check_and_the_rest_as_not_run() {
        Verdict v = assemble(Ending.EXITED, 71, CapturedOutput.NONE, PLAN, finished("a", CheckStatus.PASS),
                new ChildEvent.Started("b"),
                new ChildEvent.Stopped(ChildEvent.StopReason.TIME_LIMIT, "b", "The time limit of 20 s was reached."));
        assertEquals(ExerciseStatus.TIMEOUT, v.status());
        assertEquals(Outcome.TIME_LIMIT, v.outcome());
        assertEquals(CheckStatus.FAIL, v.checks().get(1).status());
        assertTrue(v.checks().get(1).message().contains("time limit of 20 s"));
        assertTrue(v.checks().get(2).message().startsWith("not run"));
        assertTrue(v.message().startsWith("The time limit of 20 s was reached."));
        assertTrue(v.message().contains("Next:"), "says what to try");
    }

    @Test
    void a_time_limit_on_a_busy_machine_is_no_verdict_and_says_so() {
        Verdict v = assemble(Ending.EXITED, 71, CapturedOutput.NONE, PLAN, finished("a", CheckStatus.PASS),
                new ChildEvent.Started("b"),
                new ChildEvent.Stopped(ChildEvent.StopReason.TIME_LIMIT_ON_A_BUSY_MACHINE, "b",
                        "The time limit of 20 s was reached.\nMeanwhile other programs kept 1.4 of the machine's 2 cores busy"));
        assertEquals(ExerciseStatus.INCONCLUSIVE, v.status(), "never recorded as done, nor as wrong");
        assertEquals(Outcome.TIME_LIMIT, v.outcome());
        assertEquals(CheckStatus.INCONCLUSIVE, v.checks().get(1).status());
        assertTrue(v.checks().get(2).message().startsWith("not run"));
        assertTrue(v.message().contains("other programs kept 1.4"), v.message());
        assertTrue(v.message().contains("Next: close other busy programs"), v.message());
    }

    @Test
    void a_jvm_that_no_longer_answers_is_a_timeout_even_without_a_report() {
        Verdict v = assemble(Ending.TIME_LIMIT_KILLED, -1, CapturedOutput.NONE, PLAN, new ChildEvent.Started("a"));
        assertEquals(ExerciseStatus.TIMEOUT, v.status());
        assertEquals(CheckStatus.FAIL, v.checks().get(0).status());
        assertTrue(v.message().contains("did not answer"));
    }

    @Test
    void out_of_memory_is_recognised_from_what_the_jvm_printed() {
        CapturedOutput output = new CapturedOutput(
                "Terminating due to java.lang.OutOfMemoryError: Java heap space\n", 64, false);
        Verdict v = assemble(Ending.EXITED, 3, output, PLAN, new ChildEvent.Started("a"));
        assertEquals(Outcome.OUT_OF_MEMORY, v.outcome());
        assertEquals(ExerciseStatus.ERROR, v.status());
        assertTrue(v.message().contains("ran out of memory (Java heap space)"), v.message());
    }

    @Test
    void too_many_threads_is_explained_as_such() {
        CapturedOutput output = new CapturedOutput("Terminating due to java.lang.OutOfMemoryError: unable to create "
                + "native thread: possibly out of memory or process/resource limits reached\n", 120, false);
        Verdict v = assemble(Ending.EXITED, 3, output, PLAN, new ChildEvent.Started("a"));
        assertTrue(v.message().contains("started more threads than this machine allows"), v.message());
    }

    @Test
    void system_exit_and_a_flood_and_a_crash_each_get_their_own_outcome() {
        Verdict exit = assemble(Ending.EXITED, 3, CapturedOutput.NONE, PLAN, new ChildEvent.Started("a"),
                new ChildEvent.Stopped(ChildEvent.StopReason.SYSTEM_EXIT, "a", "System.exit was called at X."));
        assertEquals(Outcome.SYSTEM_EXIT, exit.outcome());
        assertTrue(exit.message().contains("exit status 3"));
        Verdict flood = assemble(Ending.FLOOD_KILLED, -1, new CapturedOutput("x", 9_000_000, true), PLAN);
        assertEquals(Outcome.OUTPUT_LIMIT, flood.outcome());
        Verdict crash = assemble(Ending.EXITED, 134, CapturedOutput.NONE, PLAN, new ChildEvent.Started("a"));
        assertEquals(Outcome.CRASHED, crash.outcome());
        assertTrue(crash.message().contains("exit status 134"));
    }

    @Test
    void a_signal_from_outside_is_a_cancellation_not_the_students_fault() {
        Verdict v = assemble(Ending.EXITED, 130, CapturedOutput.NONE, PLAN, new ChildEvent.Started("a"),
                new ChildEvent.Stopped(ChildEvent.StopReason.SIGNAL, "a", "The checks were stopped by a signal."));
        assertEquals(Outcome.CANCELLED, v.outcome());
        assertEquals(ExerciseStatus.ERROR, v.status());
        assertEquals("The checks were stopped by a signal.", v.message());
    }

    @Test
    void leftover_threads_fail_the_exercise_with_advice() {
        Verdict v = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN, finished("a", CheckStatus.PASS),
                finished("b", CheckStatus.PASS), finished("c", CheckStatus.PASS),
                new ChildEvent.Leftovers(List.of("\"pool-1-thread-1\" (WAITING in Unsafe.park)"), List.of()),
                new ChildEvent.Done());
        assertEquals(ExerciseStatus.FAIL, v.status());
        CheckResult leftovers = v.checks().get(3);
        assertEquals(CheckStatus.FAIL, leftovers.status());
        assertTrue(leftovers.message().contains("pool-1-thread-1"));
        assertTrue(leftovers.message().contains("Shut every executor down"));
    }

    @Test
    void a_thread_that_died_is_shown_under_the_check_it_died_in() {
        Verdict v = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN, new ChildEvent.Started("a"),
                new ChildEvent.ThreadDied("worker", "threw java.lang.ArithmeticException: / by zero", "a"),
                finished("a", CheckStatus.FAIL), finished("b", CheckStatus.PASS), finished("c", CheckStatus.PASS),
                new ChildEvent.Done());
        assertTrue(v.checks().get(0).details().get(0).contains("thread \"worker\" died"));
    }

    @Test
    void no_checks_at_all_is_a_course_error_not_a_pass() {
        Verdict v = assemble(Ending.EXITED, 0, CapturedOutput.NONE, new ChildEvent.Planned(List.of()), new ChildEvent.Done());
        assertEquals(ExerciseStatus.ERROR, v.status());
        assertTrue(v.message().contains("mistake in the course"));
    }

    @Test
    void a_printed_out_of_memory_line_without_the_jvms_exit_status_is_not_out_of_memory() {
        CapturedOutput output = new CapturedOutput(
                "Terminating due to java.lang.OutOfMemoryError: Java heap space\n", 64, false);
        Verdict v = assemble(Ending.EXITED, 0, output, PLAN, finished("a", CheckStatus.PASS),
                finished("b", CheckStatus.PASS), finished("c", CheckStatus.PASS), new ChildEvent.Done());
        assertEquals(Outcome.COMPLETED, v.outcome());
        Verdict halted = assemble(Ending.EXITED, 1, output, PLAN, new ChildEvent.Started("a"));
        assertEquals(Outcome.CRASHED, halted.outcome());
    }

    @Test
    void a_halt_with_status_0_is_named_with_the_check_it_happened_in() {
        Verdict v = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN, finished("a", CheckStatus.PASS),
                new ChildEvent.Started("b"));
        assertEquals(Outcome.CRASHED, v.outcome());
        assertEquals(ExerciseStatus.ERROR, v.status());
        assertTrue(v.message().contains("Runtime.getRuntime().halt(0)"), v.message());
        assertTrue(v.message().contains("while running 'second'"), v.message());
        assertTrue(v.message().contains("Next:"), v.message());
    }

    @Test
    void tampering_overrides_every_result_and_never_passes() {
        Verdict v = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN, finished("a", CheckStatus.PASS),
                finished("b", CheckStatus.FAIL),
                new ChildEvent.Tampered("a line the grader did not write appeared in its events file: {...}"),
                finished("c", CheckStatus.PASS), new ChildEvent.Done());
        assertEquals(ExerciseStatus.TAMPERED, v.status());
        assertEquals(Outcome.TAMPERED, v.outcome());
        assertEquals(CheckStatus.ERROR, v.checks().get(0).status(), "the first entry says what was seen");
        assertTrue(v.checks().get(0).message().contains("did not write"), v.checks().get(0).message());
        assertEquals(CheckStatus.FAIL, v.checks().get(2).status(), "the grader's own results are kept as they were");
        assertTrue(v.message().contains("does not count") && v.message().contains("Next:"), v.message());
    }

    @Test
    void an_exit_inside_a_shutdown_hook_replaces_the_first_exits_report_and_names_no_exit_status() {
        Verdict v = assemble(Ending.EXITED, 73, CapturedOutput.NONE, PLAN, new ChildEvent.Started("a"),
                new ChildEvent.Stopped(ChildEvent.StopReason.SYSTEM_EXIT, "a", "System.exit was called at X."),
                new ChildEvent.Stopped(ChildEvent.StopReason.EXIT_IN_SHUTDOWN_HOOK, "a",
                        "System.exit was called again, inside the shutdown hook \"h\" at Y."),
                new ChildEvent.Stopped(ChildEvent.StopReason.TIME_LIMIT, "a", "The time limit was reached."));
        assertEquals(Outcome.SYSTEM_EXIT, v.outcome());
        assertTrue(v.message().startsWith("System.exit was called again, inside the shutdown hook"), v.message());
        assertTrue(!v.message().contains("exit status") && v.message().contains("Next:"), v.message());
    }

    @Test
    void a_deadlock_among_threads_an_earlier_check_left_running_is_that_checks_failure() {
        Verdict v = assemble(Ending.EXITED, 72, CapturedOutput.NONE, PLAN, new ChildEvent.Started("a"),
                finished("a", CheckStatus.PASS), new ChildEvent.Started("b"),
                new ChildEvent.Stopped(ChildEvent.StopReason.DEADLOCK, "a",
                        "Deadlock among threads started while running 'first' (found while running 'second')"));
        assertEquals(Outcome.DEADLOCK, v.outcome());
        assertEquals(ExerciseStatus.FAIL, v.status());
        assertEquals(CheckStatus.FAIL, v.checks().get(0).status());
        assertTrue(v.checks().get(0).message().contains("threads it started deadlocked"), v.checks().get(0).message());
        assertEquals(CheckStatus.ERROR, v.checks().get(1).status());
        assertTrue(v.checks().get(1).message().contains("an earlier check"), v.checks().get(1).message());
        assertTrue(v.checks().get(2).message().startsWith("not run"));
    }

    @Test
    void a_result_missing_from_a_run_that_reported_its_end_is_tampering() {
        Verdict v = assemble(Ending.EXITED, 0, CapturedOutput.NONE, PLAN, new ChildEvent.Started("a"),
                new ChildEvent.Started("b"), finished("b", CheckStatus.PASS), new ChildEvent.Started("c"),
                finished("c", CheckStatus.PASS), new ChildEvent.Done());
        assertEquals(ExerciseStatus.TAMPERED, v.status());
        assertTrue(v.message().contains("the result of check 'first' never arrived"), v.message());
    }
}
