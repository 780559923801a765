package org.threadlings.grading.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.ChildJob;
import org.threadlings.grading.protocol.Protocol;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;

/**
 * The grading JVM. It starts, loads the JUnit Platform while the parent compiles, then reads one
 * {@link ChildJob} from standard input, runs the checks and reports {@link ChildEvent}s. It never
 * returns normally: it halts, so that threads the student left running cannot keep it alive.
 */
public final class ChildMain {

    static final int EXIT_DONE = 0;
    static final int EXIT_BAD_JOB = 70;

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = Protocol.mapper();
        Launcher launcher = LauncherFactory.create();
        if (args.length == 1 && args[0].equals("--train")) {
            Training.run(launcher);
            return;
        }
        warmUp(launcher);
        InputStream input = System.in;
        String line = readLine(input);
        if (line == null) {
            // The parent no longer needs this JVM, or is gone already (its end of the pipe closed with it).
            Runtime.getRuntime().halt(EXIT_DONE);
        }
        // From here the input stays open until the parent goes: the watch halts this JVM then.
        Leftovers leftovers = new Leftovers();
        ParentWatch watch = new ParentWatch(input, leftovers);
        watch.start();
        ExitWitness witness = new ExitWitness(leftovers);
        witness.register();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        while (true) {
            ChildJob job;
            try {
                job = json.readValue(line, ChildJob.class);
            } catch (IOException e) {
                System.err.println("threadlings: unreadable grading job: " + e.getMessage());
                Runtime.getRuntime().halt(EXIT_BAD_JOB);
                return;
            }
            if (!run(job, launcher, leftovers, witness)) {
                Runtime.getRuntime().halt(EXIT_DONE);
            }
            line = watch.nextJob();
        }
    }

    /**
     * One line, read a byte at a time: a buffered reader would read ahead, and the rest of the
     * input belongs to the parent watch.
     */
    private static String readLine(InputStream input) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = input.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs one job's checks and reports them.
     *
     * @return whether this JVM stays for another job: the job allowed it and left nothing running
     */
    static boolean run(ChildJob job, Launcher launcher, Leftovers leftovers, ExitWitness witness) throws IOException {
        SealedWriter.Sinks sinks = SealedWriter.start(Path.of(job.eventsFile()), job.sealKey());
        EventSink sink = sinks.results();
        RunState state = new RunState();
        FailureMessages messages = new FailureMessages(job.focusPackages());
        System.setProperty(Await.FOCUS_PROPERTY, String.join(",", job.focusPackages()));
        new Watchdog(Duration.ofMillis(job.timeLimitMillis()), sink, state, job.focusPackages(), leftovers).start();
        witness.watch(sink, state);
        // The handler is public (Thread.getDefaultUncaughtExceptionHandler), so it gets a sink
        // that may report deaths and nothing else.
        EventSink deaths = sinks.deaths();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> deaths.emit(new ChildEvent.ThreadDied(
                thread.getName(), messages.describe(failure), state.currentId())));

        URLClassLoader loader = new URLClassLoader(urls(job.classpath()), ChildMain.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        List<Class<?>> classes = new ArrayList<>();
        for (String name : job.checkClasses()) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                sink.emit(new ChildEvent.Finished(new CheckResult(name, name, CheckStatus.ERROR,
                        "could not load the check class " + name + ": " + e, null, List.of(), 0)));
            }
        }
        for (String problem : ChecksToRun.misdeclared(classes)) {
            sink.emit(new ChildEvent.Finished(new CheckResult("@BuildsOn", "@BuildsOn", CheckStatus.ERROR, problem,
                    null, List.of(), 0)));
        }
        List<DiscoverySelector> selectors = ChecksToRun.selectors(classes, job.checks().only());
        // Checks already running finish; the ones after them are reported as not run.
        CancellationToken stop = job.checks().stopAtFirstFailure() ? CancellationToken.create()
                : CancellationToken.disabled();
        // Out of memory ends the JVM at once (-XX:+ExitOnOutOfMemoryError): the parent reports it.
        launcher.execute(LauncherExecutionRequestBuilder.request(request(selectors))
                .listeners(new CheckListener(sink, state, messages, stop))
                .cancellationToken(stop)
                .build());
        state.markFinished();
        List<String> threads = leftovers.threads();
        List<String> processes = leftovers.killProcesses();
        if (!threads.isEmpty() || !processes.isEmpty()) {
            sink.emit(new ChildEvent.Leftovers(threads, processes));
        }
        // Another job may share this JVM only if this one left nothing that could take a
        // processor or a lock from it, daemon threads included.
        boolean stays = job.nextMayFollow() && threads.isEmpty() && processes.isEmpty()
                && leftovers.nothingLeftRunning();
        System.out.flush();
        System.err.flush();
        sink.emit(new ChildEvent.Done(stays));
        if (stays) {
            state.markHandedOver();
            Thread.currentThread().setContextClassLoader(ChildMain.class.getClassLoader());
            loader.close();
        }
        return stays;
    }

    /**
     * Runs a trivial check while the parent is still compiling, so that the JUnit Platform's own
     * first-run costs (discovery, class loading, the JIT's first pass) are paid before the clock
     * of the real run starts.
     */
    private static void warmUp(Launcher launcher) {
        launcher.execute(request(List.of(selectClass(WarmUpCheck.class))));
        CheckReport.takeAll();
    }

    static LauncherDiscoveryRequest request(List<DiscoverySelector> selectors) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.displayname.generator.default",
                        "org.junit.jupiter.api.DisplayNameGenerator$ReplaceUnderscores")
                .configurationParameter("junit.jupiter.testmethod.order.default",
                        "org.junit.jupiter.api.MethodOrderer$OrderAnnotation")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
    }

    private static URL[] urls(List<String> paths) throws MalformedURLException {
        URL[] urls = new URL[paths.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(paths.get(i)).toUri().toURL();
        }
        return urls;
    }
}
