package org.threadlings.grading.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.threadlings.verdict.CheckResult;

/**
 * What the grading JVM reports, as it happens, one JSON line each. The parent reads them while
 * the run goes on (live progress) and after it ends (the verdict). Everything the student's code
 * prints goes to standard output instead and never mixes with these.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChildEvent.Planned.class, name = "planned"),
        @JsonSubTypes.Type(value = ChildEvent.Started.class, name = "started"),
        @JsonSubTypes.Type(value = ChildEvent.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = ChildEvent.ThreadDied.class, name = "thread-died"),
        @JsonSubTypes.Type(value = ChildEvent.Stopped.class, name = "stopped"),
        @JsonSubTypes.Type(value = ChildEvent.Leftovers.class, name = "leftovers"),
        @JsonSubTypes.Type(value = ChildEvent.Done.class, name = "done"),
        @JsonSubTypes.Type(value = ChildEvent.Tampered.class, name = "tampered")
})
public sealed interface ChildEvent {

    /** The checks that are about to run, in order. */
    record Planned(List<PlannedCheck> checks) implements ChildEvent {
    }

    record PlannedCheck(String id, String name) {
    }

    record Started(String id) implements ChildEvent {
    }

    record Finished(CheckResult result) implements ChildEvent {
    }

    /** A thread other than the check's own died of an exception nobody caught. */
    record ThreadDied(String thread, String exception, String during) implements ChildEvent {
    }

    /** The run was cut short. {@code report} is the evidence, in words. */
    record Stopped(StopReason reason, String during, String report) implements ChildEvent {
    }

    /**
     * Why a run was cut short; {@code SIGNAL} is an interruption from outside, not the student's
     * code. {@code EXIT_IN_SHUTDOWN_HOOK}: a shutdown hook called System.exit while the JVM was
     * already shutting down, which would have waited for ever; it supersedes the first exit's report.
     * {@code TIME_LIMIT_ON_A_BUSY_MACHINE}: the time limit, reached while other programs kept a good
     * part of the machine busy, so that the code might have finished on a quiet one.
     */
    enum StopReason { TIME_LIMIT, TIME_LIMIT_ON_A_BUSY_MACHINE, DEADLOCK, SYSTEM_EXIT, SIGNAL, EXIT_IN_SHUTDOWN_HOOK }

    /** Threads and processes the student's code started and left running after the checks. */
    record Leftovers(List<String> threads, List<String> processes) implements ChildEvent {
    }

    /**
     * Every check ran; nothing more will come for this job.
     *
     * @param waitsForNext the JVM stays and reads another job: the job allowed it
     *                     ({@link ChildJob#nextMayFollow}) and the run left no thread or process behind
     */
    record Done(boolean waitsForNext) implements ChildEvent {
        public Done() {
            this(false);
        }
    }

    /**
     * Something tried to report in the grader's place: {@code seen} says what. Written by the
     * grading JVM when its own reporting is misused, and made up by the parent for lines in the
     * events file that the grading JVM did not seal.
     */
    record Tampered(String seen) implements ChildEvent {
    }
}
