package org.threadlings.grading.protocol;

import java.util.List;

/**
 * What the grading JVM is asked to do, sent as one JSON line on its standard input once the
 * parent has compiled everything (the JVM starts, and warms up, while compilation runs).
 *
 * @param classpath      folders with the compiled student classes and checks
 * @param checkClasses   classes to run through the JUnit Platform
 * @param timeLimitMillis wall-clock budget for the whole run
 * @param eventsFile     where to append {@link ChildEvent}s, one JSON object per line
 * @param focusPackages  packages of student and check code, to pick the interesting stack frames
 * @param sealKey        the secret that authenticates this grading's events ({@link EventSeal}); it
 *                       travels only on standard input, never in arguments, environment or files
 * @param onlyChecks     check methods to run, by name; empty for all. Validation runs a known-wrong
 *                       answer against the one check meant to catch it, which is most of its time
 * @param nextMayFollow  another job may follow on standard input: the JVM waits for it when this
 *                       run left nothing running ({@link ChildEvent.Done#waitsForNext}), instead
 *                       of halting. Only validation asks for it; a student's grading never does
 */
public record ChildJob(List<String> classpath, List<String> checkClasses, long timeLimitMillis,
                       String eventsFile, List<String> focusPackages, String sealKey, List<String> onlyChecks,
                       boolean nextMayFollow) {

    public ChildJob {
        onlyChecks = onlyChecks == null ? List.of() : List.copyOf(onlyChecks);
    }

    /** A job after which the JVM halts. */
    public ChildJob(List<String> classpath, List<String> checkClasses, long timeLimitMillis, String eventsFile,
                    List<String> focusPackages, String sealKey, List<String> onlyChecks) {
        this(classpath, checkClasses, timeLimitMillis, eventsFile, focusPackages, sealKey, onlyChecks, false);
    }

    /** Without the key: what may be printed or logged. */
    @Override
    public String toString() {
        return "ChildJob[classpath=" + classpath + ", checkClasses=" + checkClasses + ", timeLimitMillis="
                + timeLimitMillis + ", eventsFile=" + eventsFile + ", focusPackages=" + focusPackages + ", onlyChecks=" + onlyChecks
                + ", nextMayFollow=" + nextMayFollow + "]";
    }
}
