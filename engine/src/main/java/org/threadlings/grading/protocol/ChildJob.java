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
 * @param checks         which checks to run: all, for a student
 * @param nextMayFollow  another job may follow on standard input: the JVM waits for it when this
 *                       run left nothing running ({@link ChildEvent.Done#waitsForNext}), instead
 *                       of halting. Only validation asks for it; a student's grading never does
 */
public record ChildJob(List<String> classpath, List<String> checkClasses, long timeLimitMillis,
                       String eventsFile, List<String> focusPackages, String sealKey, CheckSelection checks,
                       boolean nextMayFollow) {

    public ChildJob {
        checks = checks == null ? CheckSelection.all() : checks;
    }

    /** A job after which the JVM halts. */
    public ChildJob(List<String> classpath, List<String> checkClasses, long timeLimitMillis, String eventsFile,
                    List<String> focusPackages, String sealKey, CheckSelection checks) {
        this(classpath, checkClasses, timeLimitMillis, eventsFile, focusPackages, sealKey, checks, false);
    }

    /** Without the key: what may be printed or logged. */
    @Override
    public String toString() {
        return "ChildJob[classpath=" + classpath + ", checkClasses=" + checkClasses + ", timeLimitMillis="
                + timeLimitMillis + ", eventsFile=" + eventsFile + ", focusPackages=" + focusPackages + ", checks=" + checks
                + ", nextMayFollow=" + nextMayFollow + "]";
    }
}
