package org.threadlings.grading.child;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.TestAbortedException;
import org.threadlings.checks.CheckReport;
import org.threadlings.diagnosis.ThreadOrigins;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;

/** Reports each check's start and result to the parent as it happens. */
final class CheckListener implements TestExecutionListener {

    private final EventSink sink;
    private final RunState state;
    private final FailureMessages messages;
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private TestPlan plan;
    /** Cancelled at the first check that fails, when the job asked to stop there. */
    private final CancellationToken stop;

    CheckListener(EventSink sink, RunState state, FailureMessages messages, CancellationToken stop) {
        this.sink = sink;
        this.state = state;
        this.messages = messages;
        this.stop = stop;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        List<ChildEvent.PlannedCheck> checks = new ArrayList<>();
        collectTests(testPlan, testPlan.getRoots(), checks);
        sink.emit(new ChildEvent.Planned(checks));
    }

    private static void collectTests(TestPlan plan, Iterable<TestIdentifier> ids, List<ChildEvent.PlannedCheck> into) {
        for (TestIdentifier id : ids) {
            if (id.isTest()) {
                into.add(new ChildEvent.PlannedCheck(id.getUniqueId(), id.getDisplayName()));
            }
            collectTests(plan, plan.getChildren(id), into);
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            CheckReport.takeAll(); // forget anything left by a class initialiser or a previous check
            startedAt.put(id.getUniqueId(), System.nanoTime());
            state.started(id.getUniqueId(), id.getDisplayName());
            ThreadOrigins.checkStarting(id.getUniqueId(), id.getDisplayName());
            sink.emit(new ChildEvent.Started(id.getUniqueId()));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            report(new CheckResult(id.getUniqueId(), id.getDisplayName(), CheckStatus.INCONCLUSIVE,
                    stop.isCancellationRequested() ? CheckSelection.NOT_RUN : "skipped: " + reason, null, List.of(), 0));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            finishedCheck(id, result);
            state.ended();
            ThreadOrigins.checkEnded();
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().isPresent()) {
            containerFailed(id, result);
        }
    }

    private void finishedCheck(TestIdentifier id, TestExecutionResult result) {
        Long start = startedAt.remove(id.getUniqueId());
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        CheckReport.Evidence evidence = CheckReport.takeAll();
        Throwable failure = result.getThrowable().orElse(null);
        CheckStatus status;
        String message;
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                status = CheckStatus.PASS;
                message = "";
            }
            case ABORTED -> {
                status = CheckStatus.INCONCLUSIVE;
                message = failure instanceof TestAbortedException && failure.getMessage() != null
                        ? failure.getMessage() : "no verdict was possible";
            }
            default -> {
                status = failure == null ? CheckStatus.ERROR : messages.statusOf(failure);
                message = failure == null ? "failed without saying why" : messages.describe(failure);
            }
        }
        report(new CheckResult(id.getUniqueId(), id.getDisplayName(), status, message,
                evidence.measurement(), evidence.notes(), millis));
        if (status == CheckStatus.FAIL || status == CheckStatus.ERROR) {
            stop.cancel();
        }
    }

    private void report(CheckResult result) {
        if (reported.add(result.id())) {
            sink.emit(new ChildEvent.Finished(result));
        }
    }

    /**
     * A class that could not even start its checks: most often a static initialiser or a
     * constructor in the student's code that throws. Each of its checks gets the reason.
     */
    private void containerFailed(TestIdentifier container, TestExecutionResult result) {
        String reason = result.getThrowable().map(messages::describe).orElse("failed to start");
        if (plan == null) {
            return;
        }
        for (TestIdentifier test : plan.getDescendants(container)) {
            if (test.isTest()) {
                report(new CheckResult(test.getUniqueId(), test.getDisplayName(),
                        CheckStatus.ERROR, "could not start: " + reason, null, List.of(), 0));
            }
        }
    }
}
