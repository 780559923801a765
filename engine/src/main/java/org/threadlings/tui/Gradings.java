package org.threadlings.tui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.threadlings.course.Exercise;
import org.threadlings.grading.Cancellation;
import org.threadlings.grading.GradingListener;
import org.threadlings.grading.protocol.ChildEvent.PlannedCheck;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.Verdict;

/**
 * Runs gradings one at a time on a worker thread and keeps, per exercise, what the UI shows:
 * the phase, the checks finished so far, and the last verdict. Only the UI thread reads or
 * changes that state; the worker reports through {@link App#post}. A new grading cancels the
 * one in progress, so the newest save always wins.
 */
final class Gradings implements AutoCloseable {

    enum Phase { QUEUED, COMPILING, RUNNING, DONE }

    /** What is known of one exercise's latest grading. UI thread only. */
    static final class Live {
        Phase phase = Phase.QUEUED;
        List<PlannedCheck> planned = List.of();
        final List<CheckResult> finished = new ArrayList<>();
        String runningCheck = "";
        Verdict verdict;
        Instant startedAt = Instant.now();
        Instant doneAt;
        String trigger = "";

        boolean inProgress() {
            return phase != Phase.DONE;
        }
    }

    private final Coursework work;
    private final App app;
    private final Telemetry telemetry;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "threadlings-grading");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Live> latest = new HashMap<>();
    private final List<BiConsumer<Exercise, Verdict>> verdictListeners = new ArrayList<>();
    private Cancellation current;

    Gradings(Coursework work, App app, Telemetry telemetry) {
        this.work = work;
        this.app = app;
        this.telemetry = telemetry;
    }

    /** The latest grading of an exercise in this session, or null. */
    Live live(String exerciseId) {
        return latest.get(exerciseId);
    }

    boolean busy() {
        return latest.values().stream().anyMatch(Live::inProgress);
    }

    void onVerdict(BiConsumer<Exercise, Verdict> listener) {
        verdictListeners.add(listener);
    }

    /** Grades {@code exercise}; {@code trigger} says why, for the screen ("saved", "r"). */
    void start(Exercise exercise, String trigger) {
        if (current != null) {
            current.cancel();
        }
        Live live = new Live();
        live.trigger = trigger;
        latest.put(exercise.id(), live);
        Cancellation cancellation = new Cancellation();
        current = cancellation;
        long requested = System.nanoTime();
        worker.submit(() -> {
            if (cancellation.isCancelled()) {
                return;
            }
            Verdict verdict = work.grade(exercise, new Progress(live), cancellation);
            if (verdict.judgedTheCode()) {
                work.record(exercise, verdict);
            }
            app.post(() -> {
                live.phase = Phase.DONE;
                live.verdict = verdict;
                live.doneAt = Instant.now();
                verdictListeners.forEach(l -> l.accept(exercise, verdict));
                if (trigger.equals("saved")) {
                    long total = (System.nanoTime() - requested) / 1_000_000;
                    long checksWork = verdict.checks().stream().mapToLong(CheckResult::millis).sum();
                    telemetry.record("save-to-verdict-millis", total);
                    telemetry.record("save-checks-work-millis", checksWork);
                }
            });
        });
    }

    /** Cancels the grading in progress, if any. */
    void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void close() {
        cancel();
        worker.shutdownNow();
    }

    /** Reports grading progress to the UI thread. */
    private final class Progress implements GradingListener {
        private final Live live;

        Progress(Live live) {
            this.live = live;
        }

        @Override
        public void phase(Phase phase) {
            app.post(() -> live.phase = phase == Phase.COMPILING ? Gradings.Phase.COMPILING : Gradings.Phase.RUNNING);
        }

        @Override
        public void planned(List<PlannedCheck> checks) {
            app.post(() -> live.planned = checks);
        }

        @Override
        public void checkStarted(String checkId) {
            app.post(() -> live.runningCheck = live.planned.stream().filter(p -> p.id().equals(checkId))
                    .map(PlannedCheck::name).findFirst().orElse(""));
        }

        @Override
        public void checkFinished(CheckResult result) {
            app.post(() -> live.finished.add(result));
        }
    }
}
