package org.threadlings.report;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.Verdict;

/**
 * {@code check --junit-xml DIR}: the verdicts in the XML format CI servers read, written by
 * JUnit's own legacy XML listener. The checks ran in another JVM (which may have been killed),
 * so the verdicts are replayed here through a small test engine: one test suite, one test class
 * per exercise, one test case per check. Inconclusive checks appear as skipped.
 */
public final class JunitXmlReport {

    static final String ENGINE_ID = "threadlings";

    private JunitXmlReport() {
    }

    public static void write(List<JsonReport.Entry> entries, Path dir) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestEngines(new ReplayEngine(entries))
                .build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectUniqueId(UniqueId.forEngine(ENGINE_ID)))
                        .build(),
                new LegacyXmlReportGeneratingListener(dir, new PrintWriter(System.err, true)));
    }

    /** Reports recorded verdicts as if the checks ran now. */
    private static final class ReplayEngine implements TestEngine {

        private final List<JsonReport.Entry> entries;

        ReplayEngine(List<JsonReport.Entry> entries) {
            this.entries = entries;
        }

        @Override
        public String getId() {
            return ENGINE_ID;
        }

        @Override
        public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
            EngineDescriptor root = new EngineDescriptor(uniqueId, "Threadlings");
            for (JsonReport.Entry entry : entries) {
                Verdict verdict = entry.verdict();
                UniqueId exerciseId = uniqueId.append("exercise", verdict.exerciseId());
                Node exercise = new Node(exerciseId, verdict.exerciseId(), TestDescriptor.Type.CONTAINER, null, verdict);
                root.addChild(exercise);
                List<CheckResult> checks = verdict.checks().isEmpty()
                        ? List.of(new CheckResult("run", "compiles and runs",
                        verdict.passed() ? CheckStatus.PASS : CheckStatus.ERROR, verdict.message(), null, List.of(), 0))
                        : verdict.checks();
                for (int i = 0; i < checks.size(); i++) {
                    CheckResult check = checks.get(i);
                    exercise.addChild(new Node(exerciseId.append("check", String.valueOf(i)), check.name(),
                            TestDescriptor.Type.TEST, check, verdict));
                }
            }
            return root;
        }

        @Override
        public void execute(ExecutionRequest request) {
            EngineExecutionListener listener = request.getEngineExecutionListener();
            TestDescriptor root = request.getRootTestDescriptor();
            listener.executionStarted(root);
            for (TestDescriptor exercise : root.getChildren()) {
                listener.executionStarted(exercise);
                boolean first = true;
                for (TestDescriptor test : exercise.getChildren()) {
                    Node node = (Node) test;
                    listener.executionStarted(test);
                    if (first && !node.verdict.output().isEmpty()) {
                        listener.reportingEntryPublished(test, ReportEntry.from("output", node.verdict.output().text()));
                    }
                    first = false;
                    listener.executionFinished(test, result(node.check));
                }
                listener.executionFinished(exercise, TestExecutionResult.successful());
            }
            listener.executionFinished(root, TestExecutionResult.successful());
        }

        private static TestExecutionResult result(CheckResult check) {
            String message = check.message() + (check.measurement() == null ? ""
                    : " [measured " + check.measurement().measured() + check.measurement().unit()
                    + ", required " + check.measurement().required() + check.measurement().unit() + "]");
            return switch (check.status()) {
                case PASS -> TestExecutionResult.successful();
                case INCONCLUSIVE -> TestExecutionResult.aborted(withoutStack(new TestAbortedException(message)));
                case FAIL -> TestExecutionResult.failed(withoutStack(new AssertionFailedError(message)));
                case ERROR -> TestExecutionResult.failed(withoutStack(new IllegalStateException(message)));
            };
        }

        /** The replay's own stack says nothing about the student's code; the message says it all. */
        private static Throwable withoutStack(Throwable t) {
            t.setStackTrace(new StackTraceElement[0]);
            return t;
        }
    }

    private static final class Node extends AbstractTestDescriptor {
        private final Type type;
        private final CheckResult check;
        private final Verdict verdict;

        Node(UniqueId id, String name, Type type, CheckResult check, Verdict verdict) {
            super(id, name);
            this.type = type;
            this.check = check;
            this.verdict = verdict;
        }

        @Override
        public Type getType() {
            return type;
        }

        @Override
        public String getLegacyReportingName() {
            return getDisplayName();
        }

        @Override
        public Optional<org.junit.platform.engine.TestSource> getSource() {
            return Optional.empty();
        }
    }
}
