package org.threadlings.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.threadlings.course.Exercise;
import org.threadlings.verdict.CapturedOutput;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.CompileDiagnostic;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Measurement;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;

/** Fixed verdicts of every kind, for the golden report tests. */
final class SampleVerdicts {

    static final Path ROOT = Path.of("/course");

    private SampleVerdicts() {
    }

    static Exercise exercise(String id, String file) {
        return new Exercise(id, "races", "Title of " + id, List.of(file), "task", List.of("hint"), List.of(),
                Duration.ofSeconds(20), List.of("race"), List.of(), List.of());
    }

    static List<JsonReport.Entry> all() {
        return List.of(
                new JsonReport.Entry(exercise("counter-atomic", "races/AtomicCounter.java"), new Verdict("counter-atomic",
                        ExerciseStatus.FAIL, Outcome.COMPLETED, "", List.of(
                        new CheckResult("[engine:junit-jupiter]/[class:races.checks.AtomicCounterCheck]/[method:tenThreads()]",
                                "10 threads × 100,000 increments give exactly 1,000,000", CheckStatus.FAIL,
                                "lost 12,418 of 1,000,000 increments (10 threads × 100,000 each): get() returned 987,582.",
                                null, List.of(), 412),
                        new CheckResult("[engine:junit-jupiter]/[class:races.checks.AtomicCounterCheck]/[method:usesAnAtomic()]", "uses an atomic", CheckStatus.PASS, "", null, List.of("a note"), 88)),
                        List.of(), new CapturedOutput("debug line\n", 11, false), Duration.ofMillis(1870))),
                new JsonReport.Entry(exercise("primes-pool", "pool/Primes.java"), new Verdict("primes-pool",
                        ExerciseStatus.PASS, Outcome.COMPLETED, "", List.of(
                        new CheckResult("[engine:junit-jupiter]/[class:races.checks.PrimesCheck]/[method:fasterThanOneThread()]", "faster than one thread", CheckStatus.PASS, "",
                                new Measurement(1.8412, 1.4523, "×", true),
                                List.of("counting primes: one thread 360 ms, reference 190 ms (1.89×), yours 195 ms (1.85×)"), 5200),
                        new CheckResult("[engine:junit-jupiter]/[class:races.checks.PrimesCheck]/[method:busySpeedup()]", "speed-up on a busy machine", CheckStatus.INCONCLUSIVE,
                                "No verdict: the machine is too busy.", new Measurement(1.05, 1.1, "×", true), List.of(), 4100)),
                        List.of(), CapturedOutput.NONE, Duration.ofMillis(9800))),
                new JsonReport.Entry(exercise("counter-lock", "races/LockCounter.java"), new Verdict("counter-lock",
                        ExerciseStatus.ERROR, Outcome.COMPILE_ERROR, "Your code does not compile.", List.of(), List.of(
                        new CompileDiagnostic(ROOT.resolve("exercises/races/LockCounter.java"), 7, 16, "';' expected",
                                "        count++")),
                        CapturedOutput.NONE, Duration.ofMillis(300))),
                new JsonReport.Entry(exercise("counter-synchronized", "races/SynchronizedCounter.java"), new Verdict(
                        "counter-synchronized", ExerciseStatus.TIMEOUT, Outcome.TIME_LIMIT,
                        "The time limit of 20 s was reached while running 'exact'.\nNext: look for a loop.", List.of(
                        new CheckResult("[engine:junit-jupiter]/[class:races.checks.SynchronizedCounterCheck]/[method:exact()]", "exact", CheckStatus.FAIL, "did not finish within the time limit of 20 s",
                                null, List.of(), 0)),
                        List.of(), CapturedOutput.NONE, Duration.ofMillis(20400))));
    }

    /** What the grader makes of a run whose results were forged: see VerdictAssembler. */
    static JsonReport.Entry tampered() {
        String seen = "a line the grader did not write appeared in its events file: {\"event\":\"done\"}";
        return new JsonReport.Entry(exercise("counter-synchronized", "races/SynchronizedCounter.java"), new Verdict(
                "counter-synchronized", ExerciseStatus.TAMPERED, Outcome.TAMPERED,
                "This run does not count: something other than the grader wrote to its results.\n  - " + seen
                        + "\nNext: remove any code that writes files, and check again.", List.of(
                new CheckResult("tampered", "only the grader reports results", CheckStatus.ERROR,
                        "results were forged or the grader's reporting was interfered with: " + seen, null,
                        List.of(), 0),
                new CheckResult("[engine:junit-jupiter]/[class:races.checks.SynchronizedCounterCheck]/[method:exact()]", "exact", CheckStatus.PASS, "", null, List.of(), 900)),
                List.of(), CapturedOutput.NONE, Duration.ofMillis(1500)));
    }

    static String shown(Path path) {
        return ROOT.relativize(path).toString();
    }
}
