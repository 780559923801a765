package parallelism.checks;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Words;
import org.threadlings.checks.http.LoopbackServer;
import org.threadlings.checks.http.Route;
import parallelism.PageFetcher;

class SlowRequestsCheck {

    /** How long the server takes to answer each request in the concurrency check. */
    private static final Duration DELAY = Duration.ofMillis(200);

    /** Requests in the concurrency check: many more than the cores of a laptop. */
    private static final int MANY = 12;

    /**
     * The server holds each request until all {@value #MANY} are there, or this long: requests
     * sent together meet however busy the machine is, and a client that sends them one at a time
     * waits this long for each.
     */
    private static final Duration GATHERING = Duration.ofMillis(300);

    /**
     * Concurrent clients took 1.03 to 1.58 times one request's delay in measurements on a
     * 2-core machine, idle and busy; one at a time, at least ten times.
     */
    private static final int WALL_TIME_BAR = 3;

    /**
     * Concurrent code is done within about a second even on a busy machine; by this time a client
     * that sends fewer than all at once has shown it, and waiting for the rest would only use up
     * the time limit (one at a time, twelve requests take twelve times the gathering and delay).
     */
    private static final Duration ENOUGH_FOR_ANY_VERDICT = Duration.ofSeconds(4);

    @Test
    @Order(1)
    @DisplayName("returns all 8 bodies, in the order of the URIs")
    void allBodiesInOrder() throws Exception {
        int n = 8;
        // Later pages are answered sooner, so answers arrive in roughly the reverse order.
        Route pages = Route.at("/pages/")
                .delayBy(uri -> Duration.ofMillis(30L * (n - page(uri))))
                .body(uri -> "page " + page(uri));
        // Closed in reverse order: the server first, which ends any request still held there.
        try (HttpClient client = newClient();
             LoopbackServer server = LoopbackServer.start(pages)) {
            List<URI> uris = IntStream.range(0, n).mapToObj(i -> server.uri("/pages/" + i)).toList();
            List<String> bodies = fetchAll(client, uris, Duration.ofSeconds(10));
            letRequestsFinish(server, n);
            List<String> expected = IntStream.range(0, n).mapToObj(i -> "page " + i).toList();
            if (bodies == null) {
                throw new AssertionFailedError("fetchAll returned null; return a list with one body per URI.");
            }
            if (bodies.size() != n) {
                throw new AssertionFailedError("fetchAll returned " + Words.plural(bodies.size(), "body", "bodies")
                        + " for " + n + " URIs. Return exactly one body per URI, body i for uris.get(i).",
                        expected, bodies);
            }
            int missing = (int) bodies.stream().filter(b -> b == null).count();
            if (missing > 0) {
                throw new AssertionFailedError(Words.plural(missing, "body is", "bodies are") + " missing (null): "
                        + bodies + ". fetchAll returned before every thread had stored its body. join() every "
                        + "thread before you return.", expected, bodies);
            }
            if (!bodies.equals(expected)) {
                boolean sameSet = bodies.stream().sorted().toList().equals(expected.stream().sorted().toList());
                throw new AssertionFailedError("The bodies came back as " + bodies + ", but body i must belong to "
                        + "uris.get(i): expected " + expected + ". "
                        + (sameSet ? "These are all there, in the order the answers arrived: the server answers "
                        + "later pages sooner. Give each thread its index and let it store its body at that index "
                        + "(an array of " + n + " slots), instead of adding to a list as answers come in."
                        : "Some bodies are wrong or repeated: make thread i fetch uris.get(i), and only that."),
                        expected, bodies);
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("12 requests of 200 ms each are all in flight at once, done in about 200 ms")
    void allInFlightAtOnce() throws Exception {
        Route slow = Route.at("/slow/").gathering(MANY, GATHERING).delay(DELAY).body(uri -> "slow " + page(uri));
        try (HttpClient client = newClient();
             LoopbackServer server = LoopbackServer.start(slow)) {
            List<URI> uris = IntStream.range(0, MANY).mapToObj(i -> server.uri("/slow/" + i)).toList();
            FutureTask<List<String>> call = start(client, uris);
            int cores = Runtime.getRuntime().availableProcessors();
            try {
                call.get(ENOUGH_FOR_ANY_VERDICT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                // What the server has seen by now is enough to tell; closing it ends the requests left.
                if (server.peakInFlight() < MANY) {
                    throw new AssertionFailedError("fetchAll had not returned after "
                            + Words.duration(ENOUGH_FOR_ANY_VERDICT) + ". "
                            + notTogether(server.peakInFlight(), server.wallTime(), cores));
                }
            } catch (ExecutionException e) {
                // rethrown below, with the student's frames, by Await
            }
            List<String> bodies = snapshot(Await.result(call, Duration.ofSeconds(10),
                    "fetchAll of " + Words.plural(MANY, "URI", "URIs") + " to return"));
            letRequestsFinish(server, MANY);
            List<String> expected = IntStream.range(0, MANY).mapToObj(i -> "slow " + i).toList();
            if (!expected.equals(bodies)) {
                throw new AssertionFailedError("fetchAll returned " + bodies + " where " + expected
                        + " was expected: one body per URI, in the order of the URIs.", expected, bodies);
            }
            int peak = server.peakInFlight();
            Duration wall = server.wallTime();
            Duration bar = DELAY.multipliedBy(WALL_TIME_BAR);
            CheckReport.note("the server saw at most " + peak + " of " + MANY + " requests at once; first request to "
                    + "last answer " + Words.duration(wall) + " (one request takes " + Words.duration(DELAY) + ")");
            if (peak < MANY) {
                throw new AssertionFailedError(notTogether(peak, wall, cores));
            }
            if (wall.compareTo(bar) > 0) {
                // All were in flight together, which is the client's part; a slow finish is the machine's.
                throw new Inconclusive("All " + MANY + " requests were in flight at once, but from the first to the "
                        + "last answer took " + Words.duration(wall) + " (at most " + Words.duration(bar)
                        + " was expected): the machine is too busy to judge the time. Run the check again when it "
                        + "is quieter.");
            }
        }
    }

    private static String notTogether(int peak, Duration wall, int cores) {
        String took = "the server never had more than " + Words.plural(peak, "request", "requests")
                + " of " + MANY + " at once, and from the first request to the last answer took "
                + Words.duration(wall) + " (" + MANY + " × " + Words.duration(DELAY) + " one after another is "
                + Words.duration(DELAY.multipliedBy(MANY)) + "; all at once, about " + Words.duration(DELAY) + "). ";
        if (peak <= 1) {
            return "Your requests went one after another: " + took + "Start one thread per request, start them all, "
                    + "and only then join them. A thread joined right after it is started makes the next one wait.";
        }
        if (peak == cores) {
            return "Exactly as many requests as this machine has cores (" + cores + ") were in flight together: "
                    + took + "That is the mark of a pool sized by availableProcessors(), or of parallelStream(), "
                    + "whose common pool is about that size. One thread per core is right for work that keeps "
                    + "the processor busy; these threads only wait for the server, so a core can serve many of "
                    + "them. Use one thread per request.";
        }
        return "Only some of the requests were in flight together: " + took + "Something limits how many are "
                + "sent at once: a pool with too few threads, or parallelStream(), whose common pool is sized for "
                + "computing (about one thread per core, and a few more while they block), or a thread joined "
                + "before the others start. Use one thread per request, all started before any is joined.";
    }

    /**
     * Code that returns before its threads are done leaves requests on their way or in flight;
     * closing the server under them would make those threads die with exceptions that only
     * distract from the real message. A short, bounded wait lets them end normally.
     */
    private static void letRequestsFinish(LoopbackServer server, int sent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while ((server.requests().size() < sent || server.inFlight() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static int page(URI uri) {
        String path = uri.getPath();
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Calls fetchAll on a thread of the check's own, so that code which never returns cannot hang the check. */
    private static List<String> fetchAll(HttpClient client, List<URI> uris, Duration patience) throws Exception {
        return snapshot(Await.result(start(client, uris), patience,
                "fetchAll of " + Words.plural(uris.size(), "URI", "URIs") + " to return"));
    }

    /**
     * A copy of the list as it was returned: a list backed by an array that threads still write to
     * would otherwise fill up while the check looks at it, and hide a missing join().
     */
    private static List<String> snapshot(List<String> returned) {
        return returned == null ? null : new ArrayList<>(returned);
    }

    private static FutureTask<List<String>> start(HttpClient client, List<URI> uris) {
        FutureTask<List<String>> task = new FutureTask<>(() -> PageFetcher.fetchAll(client, uris));
        Thread thread = new Thread(task, "check-caller");
        thread.setDaemon(true);
        thread.start();
        return task;
    }
}
