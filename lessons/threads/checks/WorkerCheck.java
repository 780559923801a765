package threads.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import threads.Worker;

/**
 * Interrupts the worker at chosen moments (waiting for a job, in a step that sleeps, waits or
 * computes) and judges what it did: whether it ended in time, with its interrupt flag set, and
 * reported every job it took exactly once. The check aims its interrupts by watching which step
 * the worker is in, so no moment is left to chance; only the pause before each interrupt is
 * random.
 */
class WorkerCheck {

    /** How long a worker may take to stop: correct code stops within milliseconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final SplittableRandom RANDOM = new SplittableRandom();
    /** Numbers the workers' threads, so a report tells this check's worker from earlier ones. */
    private static final AtomicInteger WORKERS = new AtomicInteger();

    enum Kind {
        COMPUTE("that computes"), SLEEP("that sleeps"), WAIT("that waits");

        final String doing;

        Kind(String doing) {
            this.doing = doing;
        }
    }

    /** A job made by the check: its steps' kinds and length, and how many steps were done. */
    static final class TestJob implements Worker.Job {
        private final int id;
        private final List<Kind> kinds;
        private final long stepNanos;
        private final Run run;
        private final Object lock = new Object();
        final AtomicInteger stepsDone = new AtomicInteger();

        TestJob(int id, List<Kind> kinds, Duration step, Run run) {
            this.id = id;
            this.kinds = List.copyOf(kinds);
            this.stepNanos = step.toNanos();
            this.run = run;
        }

        @Override
        public int steps() {
            return kinds.size();
        }

        @Override
        public void step(int index) throws InterruptedException {
            Kind kind = kinds.get(index);
            run.phase = kind;
            long end = System.nanoTime() + stepNanos;
            switch (kind) {
                case COMPUTE -> {
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait(); // pure computation: it never looks at the interrupt flag
                    }
                }
                case SLEEP -> Thread.sleep(Duration.ofNanos(stepNanos));
                case WAIT -> {
                    synchronized (lock) {
                        long left;
                        while ((left = end - System.nanoTime()) > 0) {
                            lock.wait(Math.max(1, left / 1_000_000));
                        }
                    }
                }
            }
            stepsDone.incrementAndGet();
            run.phase = null;
        }

        @Override
        public String toString() {
            return "job " + id;
        }
    }

    /** One worker on a thread of the check's, with its inbox and what it reported. */
    static final class Run {
        final LinkedBlockingQueue<Worker.Job> inbox = new LinkedBlockingQueue<>();
        final List<Worker.Job> finished = Collections.synchronizedList(new ArrayList<>());
        final List<Worker.Job> handedBack = Collections.synchronizedList(new ArrayList<>());
        final List<TestJob> jobs = new ArrayList<>();
        final Thread thread;
        volatile Kind phase;
        volatile boolean returned;
        volatile boolean flagAtReturn;
        volatile Throwable thrown;
        Duration stoppedIn = Duration.ZERO;

        Run() {
            Worker worker = new Worker(inbox, new Worker.Outbox() {
                @Override
                public void finished(Worker.Job job) {
                    finished.add(job);
                }

                @Override
                public void handedBack(Worker.Job job) {
                    handedBack.add(job);
                }
            });
            // Daemon: a worker that never stops must not keep the grading JVM alive.
            thread = Thread.ofPlatform().daemon().name("worker-" + WORKERS.incrementAndGet()).unstarted(() -> {
                try {
                    worker.run();
                    flagAtReturn = Thread.currentThread().isInterrupted();
                    returned = true;
                } catch (Throwable e) {
                    thrown = e;
                }
            });
        }

        TestJob job(Duration step, Kind... kinds) {
            TestJob job = new TestJob(jobs.size(), List.of(kinds), step, this);
            jobs.add(job);
            inbox.add(job);
            return job;
        }

        Run start() {
            thread.start();
            return this;
        }

        /** Waits for the worker to be in a step of this kind, then pauses up to {@code maxPause} and interrupts. */
        void interruptWhile(Kind kind, int maxPauseMillis) throws InterruptedException {
            Await.until(() -> phase == kind, Duration.ofSeconds(5), "the worker to start a step " + kind.doing);
            Thread.sleep(RANDOM.nextInt(maxPauseMillis + 1));
            thread.interrupt();
        }

        /** Waits for the worker to report {@code n} finished jobs. */
        void awaitFinished(int n) {
            Await.until(() -> finished.size() >= n, Duration.ofSeconds(5),
                    "the worker to finish " + Words.plural(n, "job", "jobs") + " (it reported " + finished.size() + ")");
        }

        /** Fails unless the worker's thread ends within the deadline, with what it was doing. */
        void mustEnd(Duration limit, String when, String advice) {
            long start = System.nanoTime();
            try {
                Await.termination(limit, thread);
            } catch (AssertionError e) {
                throw new AssertionFailedError("The worker (thread \"" + thread.getName() + "\") was interrupted "
                        + when + " and was still running "
                        + Words.duration(limit) + " later. " + advice + "\n" + e.getMessage());
            }
            if (thrown != null) {
                throw new AssertionFailedError("After an interrupt " + when + ", run() threw " + thrown
                        + " instead of returning. Return from run() when interrupted; set the flag again "
                        + "with Thread.currentThread().interrupt() so the caller can see why.", thrown);
            }
            stoppedIn = Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private static Duration ms(int millis) {
        return Duration.ofMillis(millis);
    }

    private static Kind[] repeat(Kind kind, int times) {
        Kind[] steps = new Kind[times];
        Arrays.fill(steps, kind);
        return steps;
    }

    @Test
    @Order(1)
    @DisplayName("does every job, all its steps, in order, when nobody interrupts it")
    void doesEveryJob() {
        Run run = new Run();
        for (int i = 0; i < 4; i++) {
            run.job(ms(3), Kind.COMPUTE, Kind.SLEEP, Kind.WAIT);
        }
        run.start();
        try {
            run.awaitFinished(4);
            if (!run.finished.equals(run.jobs)) {
                throw new AssertionFailedError("expected the 4 jobs finished in the order of the inbox, " + run.jobs
                        + ", got " + run.finished + ". Take one job at a time from the inbox and report it with "
                        + "outbox.finished(job) when its steps are done.");
            }
            String incomplete = run.jobs.stream().filter(j -> j.stepsDone.get() != j.steps())
                    .map(j -> j + " (" + j.stepsDone.get() + " of " + j.steps() + " steps)")
                    .collect(Collectors.joining(", "));
            if (!incomplete.isEmpty()) {
                throw new AssertionFailedError("jobs were reported finished before all their steps were done: "
                        + incomplete + ". Call job.step(i) for every i from 0 to steps() - 1, then finished(job).");
            }
            if (!run.handedBack.isEmpty()) {
                throw new AssertionFailedError("nobody interrupted the worker, yet it handed back " + run.handedBack
                        + ". Hand a job back only when interrupted.");
            }
        } finally {
            run.thread.interrupt();
        }
    }

    @Test
    @Order(2)
    @DisplayName("stops within 1 s when interrupted while waiting in take() for a job")
    void stopsWhileTaking() throws InterruptedException {
        for (int trial = 0; trial < 3; trial++) {
            Run run = new Run();
            run.job(ms(2), Kind.COMPUTE);
            run.start();
            run.awaitFinished(1);
            Thread.sleep(RANDOM.nextInt(20, 100)); // the inbox is empty: the worker waits in take()
            Thread.State state = run.thread.getState();
            run.thread.interrupt();
            run.mustEnd(DEADLINE, "while its inbox was empty (its thread was " + state + ", waiting for a job)",
                    "inbox.take() answers an interrupt by throwing InterruptedException: catching it and "
                            + "going round the loop again swallows the request to stop. Return from run() "
                            + "instead, after setting the flag again with Thread.currentThread().interrupt().");
        }
    }

    private static void stopsDuring(Kind kind, String advice) throws InterruptedException {
        for (int trial = 0; trial < 2; trial++) {
            Run run = new Run();
            run.job(ms(150), repeat(kind, 12));
            run.start();
            run.interruptWhile(kind, 100);
            run.mustEnd(DEADLINE, "in the middle of a job of 12 steps of 150 ms, during a step " + kind.doing
                    + " (finishing the job would take another second or more)", advice);
            CheckReport.note("stopped " + Words.duration(run.stoppedIn) + " after an interrupt in a step " + kind.doing);
        }
    }

    @Test
    @Order(3)
    @DisplayName("stops within 1 s when interrupted in a step that sleeps")
    void stopsWhileSleeping() throws InterruptedException {
        stopsDuring(Kind.SLEEP, "The step threw InterruptedException out of Thread.sleep(): that is the request "
                + "to stop. Catching it and going on with the next step ignores it (and clears the flag). Hand "
                + "the job back with outbox.handedBack(job), set the flag again and return.");
    }

    @Test
    @Order(4)
    @DisplayName("stops within 1 s when interrupted in a step that waits")
    void stopsWhileWaiting() throws InterruptedException {
        stopsDuring(Kind.WAIT, "The step threw InterruptedException out of Object.wait(): that is the request "
                + "to stop. Catching it and going on with the next step ignores it (and clears the flag). Hand "
                + "the job back with outbox.handedBack(job), set the flag again and return.");
    }

    @Test
    @Order(5)
    @DisplayName("stops within 1 s when interrupted in a step that computes")
    void stopsMidWork() throws InterruptedException {
        stopsDuring(Kind.COMPUTE, "A step that only computes never throws InterruptedException: the interrupt "
                + "just sets the thread's flag. Look at it before every step, with "
                + "Thread.currentThread().isInterrupted(), and stop when it is set, not only between jobs.");
    }

    @Test
    @Order(6)
    @DisplayName("leaves its thread's interrupt flag set when it stops")
    void flagRestored() throws InterruptedException {
        List<String> lost = new ArrayList<>();
        for (Kind kind : new Kind[] {null, Kind.SLEEP, Kind.COMPUTE}) {
            Run run = new Run();
            String when;
            if (kind == null) {
                run.job(ms(2), Kind.COMPUTE);
                run.start();
                run.awaitFinished(1);
                Thread.sleep(RANDOM.nextInt(20, 60));
                run.thread.interrupt();
                when = "waiting in take()";
            } else {
                run.job(ms(100), repeat(kind, 10));
                run.start();
                run.interruptWhile(kind, 50);
                when = "in a step " + kind.doing;
            }
            run.mustEnd(Duration.ofSeconds(3), when, "It must stop; see the checks above.");
            if (!run.flagAtReturn) {
                lost.add(when);
            }
        }
        if (!lost.isEmpty()) {
            throw new AssertionFailedError("run() returned with the interrupt flag clear after an interrupt "
                    + String.join(" and ", lost) + ". The code running the worker cannot tell why it ended. "
                    + "Catching InterruptedException clears the flag, and so does Thread.interrupted(): call "
                    + "Thread.currentThread().interrupt() before returning, or test the flag with "
                    + "Thread.currentThread().isInterrupted(), which leaves it set.");
        }
    }

    @Test
    @Order(7)
    @DisplayName("reports every job it took exactly once, finished or handed back, interrupted at random moments")
    void exactlyOnce() {
        Stress.trials().within(Duration.ofMillis(1500)).atLeast(8).atMost(40).run(trial -> {
            Run run = new Run();
            int jobs = trial.between(2, 6);
            for (int j = 0; j < jobs; j++) {
                Kind[] steps = new Kind[trial.between(2, 8)];
                for (int s = 0; s < steps.length; s++) {
                    steps[s] = Kind.values()[trial.between(0, 2)];
                }
                run.job(ms(trial.between(2, 15)), steps);
            }
            int pause = trial.between(0, 200);
            trial.describe(jobs + " jobs " + run.jobs.stream().map(j -> j.steps() + " steps")
                    .collect(Collectors.joining(", ")) + ", interrupted after " + pause + " ms");
            run.start();
            Thread.sleep(pause);
            run.thread.interrupt();
            run.mustEnd(Duration.ofSeconds(3), pause + " ms after it started", "It must stop; see the checks above.");
            judgeAccounting(run);
        });
    }

    private static void judgeAccounting(Run run) {
        List<String> problems = new ArrayList<>();
        for (TestJob job : run.jobs) {
            boolean waiting = run.inbox.contains(job);
            long finished = run.finished.stream().filter(j -> j == job).count();
            long handedBack = run.handedBack.stream().filter(j -> j == job).count();
            if (waiting) {
                if (finished + handedBack > 0) {
                    problems.add(job + " is still in the inbox yet was reported");
                }
                continue;
            }
            if (finished + handedBack == 0) {
                problems.add(job + " was taken from the inbox (" + job.stepsDone.get() + " of " + job.steps()
                        + " steps done) and never reported: it is lost");
            } else if (finished + handedBack > 1) {
                problems.add(job + " was reported " + (finished + handedBack) + " times (finished " + finished
                        + ", handed back " + handedBack + "): it would be done twice");
            } else if (finished == 1 && job.stepsDone.get() != job.steps()) {
                problems.add(job + " was reported finished after " + job.stepsDone.get() + " of " + job.steps()
                        + " steps");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(String.join("; ", problems) + ". Every job taken from the inbox must be "
                    + "reported exactly once: finished(job) after its last step, or handedBack(job) if the "
                    + "interrupt came first. Jobs still in the inbox are left there.");
        }
    }

    @Test
    @Order(8)
    @DisplayName("blocks while its inbox is empty, instead of spinning")
    void blocksWhenIdle() throws InterruptedException {
        Run run = new Run().start();
        String spinning = "it spins, asking for work again and again and burning a core while there is none. "
                + "inbox.take() blocks (state WAITING, no CPU) until a job arrives, and still answers an "
                + "interrupt at once.";
        try {
            // A thread just started may wait for a core before it reaches take(), RUNNABLE all the
            // while: give it up to 2 s to block once. A spinning worker never does.
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (run.thread.getState() == Thread.State.RUNNABLE || run.thread.getState() == Thread.State.NEW) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionFailedError("with an empty inbox the worker's thread stayed RUNNABLE for "
                            + "2 s without ever blocking: " + spinning);
                }
                Thread.sleep(5);
            }
            int samples = 40;
            int runnable = 0;
            for (int i = 0; i < samples; i++) {
                if (run.thread.getState() == Thread.State.RUNNABLE) {
                    runnable++;
                }
                Thread.sleep(5);
            }
            if (runnable > samples / 2) {
                throw new AssertionFailedError("with an empty inbox the worker's thread was RUNNABLE in " + runnable
                        + " of " + samples + " looks over 0.2 s: " + spinning);
            }
            CheckReport.note("idle worker: RUNNABLE in " + runnable + " of " + samples + " looks, otherwise "
                    + run.thread.getState());
        } finally {
            run.thread.interrupt();
        }
    }
}
