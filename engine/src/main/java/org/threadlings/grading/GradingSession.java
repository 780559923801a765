package org.threadlings.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.threadlings.course.Exercise;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.sandbox.SandboxProcess;
import org.threadlings.verdict.Verdict;

/**
 * Grades submissions one after another, in one grading JVM for as long as the runs allow: a JVM
 * whose run left a thread of its own or a process behind (idle threads of the JDK's own excepted),
 * ran out of time or died is replaced by a fresh one, and so is one started with other JVM options
 * than the next exercise asks for. Each job loads its classes in a class loader of its own, so the
 * submissions of different exercises can follow one another as those of one exercise do. For
 * validation, where starting a JVM for each submission cost about as much as all their checks
 * together.
 *
 * <p>A student's grading never runs this way: its JVM is fresh and halts after the one run.
 * Validation grades again, alone and in a fresh JVM, whatever did not come out as it should, and
 * that verdict decides.
 */
public final class GradingSession implements AutoCloseable {

    /** Starts a grading JVM. */
    interface Starter {
        SandboxProcess start() throws IOException;
    }

    private final Grader grader;
    /** The JVM waiting for the next job, or null; and the options it was started with. */
    private SandboxProcess waiting;
    private List<String> waitingOptions;
    /** The options of the JVM last handed out: the ones it has if it comes back to wait. */
    private List<String> lentOptions;
    private int started;
    private int graded;

    GradingSession(Grader grader) {
        this.grader = grader;
    }

    /** Grades the files of {@code exercise} under {@code studentDir}, running the checks {@code checks} selects. */
    public Verdict grade(Exercise exercise, Path studentDir, CheckSelection checks) {
        graded++;
        return grader.grade(this, exercise, studentDir, checks);
    }

    /** How many grading JVMs this session started. */
    public int jvmsStarted() {
        return started;
    }

    /** How many gradings it did. */
    public int gradings() {
        return graded;
    }

    /** How many JVMs this session started for how many gradings, as "3 JVMs for 9 gradings". */
    public String jvmsUsed() {
        return started + (started == 1 ? " JVM" : " JVMs") + " for " + graded + (graded == 1 ? " grading" : " gradings");
    }

    /** The waiting JVM if it is still alive and was started with {@code options}, else a fresh one. */
    SandboxProcess take(List<String> options, Starter starter) throws IOException {
        SandboxProcess child = waiting;
        boolean fits = options.equals(waitingOptions);
        waiting = null;
        waitingOptions = null;
        lentOptions = List.copyOf(options);
        if (child != null && child.isAlive() && fits) {
            return child;
        }
        if (child != null) {
            child.close();
        }
        started++;
        return starter.start();
    }

    /** The JVM last taken, which finished its job and reads the next. */
    void keep(SandboxProcess child) {
        if (waiting != null) {
            waiting.close();
        }
        waiting = child;
        waitingOptions = lentOptions;
    }

    /** Ends the waiting JVM, if any. */
    @Override
    public void close() {
        if (waiting != null) {
            waiting.close();
            waiting = null;
        }
    }
}
