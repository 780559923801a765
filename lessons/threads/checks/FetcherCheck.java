package threads.checks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Structure;
import org.threadlings.checks.Words;
import org.threadlings.checks.http.LoopbackServer;
import org.threadlings.checks.http.RecordedRequest;
import org.threadlings.checks.http.Route;
import threads.Fetcher;

/**
 * Judges fetchAll() from the server's side (how many requests were in flight at once, how long
 * the server was busy) and by the threads it started, seen on their stacks while it ran.
 */
class FetcherCheck {

    private static final Duration CALL_LIMIT = Duration.ofSeconds(15);
    private static final Random RANDOM = new Random();
    /** A token in every body, new each grading, so no list of bodies can be written in advance. */
    private static final String TOKEN = Integer.toString(RANDOM.nextInt(1 << 20, 1 << 24), 36);

    /**
     * One request through the JDK's HTTP client and server before any check: the first one loads
     * and compiles a great deal of code (seconds on a busy machine), which is not the student's.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/"))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try {
                client.send(HttpRequest.newBuilder(server.uri("/warm-up")).build(), HttpResponse.BodyHandlers.ofString());
            } finally {
                client.shutdownNow();
            }
        }
    }

    private static String bodyOf(URI uri) {
        return "resource " + uri.getPath() + " #" + TOKEN;
    }

    /** What one call of fetchAll did, and the threads of the student's still alive when it returned. */
    private record Call(List<String> bodies, Throwable thrown, Set<Thread> studentThreads, int mostAtOnce,
                        List<String> stillAlive) {
    }

    /**
     * Calls fetchAll on a thread of its own. While it runs, notes every other thread with the
     * student's code on its stack; the moment it returns, the same thread lists the threads
     * started since that are still alive: the student's, apart from the HTTP client's own.
     */
    private static Call call(List<URI> uris) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<List<String>> aliveAtReturn = new AtomicReference<>(List.of());
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger mostAtOnce = new AtomicInteger();
            CompletableFuture<List<String>> result = new CompletableFuture<>();
            Thread caller = Thread.ofPlatform().daemon().name("fetchAll-caller").unstarted(() -> {
                Set<Thread> before = Thread.getAllStackTraces().keySet();
                List<String> bodies = null;
                try {
                    bodies = Fetcher.fetchAll(client, uris);
                } catch (Throwable e) {
                    thrown.set(e);
                }
                aliveAtReturn.set(Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !before.contains(t) && t != Thread.currentThread() && t.isAlive())
                        .filter(t -> !t.getName().startsWith("HttpClient-") && !t.getName().startsWith("ForkJoinPool"))
                        .filter(t -> !t.isDaemon() || seen.contains(t))
                        .map(t -> "\"" + t.getName() + "\" (" + t.getState() + ")")
                        .toList());
                result.complete(bodies);
            });
            caller.start();
            Await.until(() -> {
                mostAtOnce.accumulateAndGet(noteStudentThreads(caller, seen), Math::max);
                return result.isDone();
            }, CALL_LIMIT, "fetchAll() to return");
            return new Call(result.getNow(null), thrown.get(), Set.copyOf(seen), mostAtOnce.get(), aliveAtReturn.get());
        } finally {
            client.shutdownNow();
        }
    }

    /** Adds the threads running the student's code now to {@code seen}; returns how many there are. */
    private static int noteStudentThreads(Thread caller, Set<Thread> seen) {
        int now = 0;
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (thread == caller || thread == Thread.currentThread()) {
                continue;
            }
            for (StackTraceElement frame : entry.getValue()) {
                if (frame.getClassName().startsWith("threads.") && !frame.getClassName().startsWith("threads.checks.")) {
                    seen.add(thread);
                    now++;
                    break;
                }
            }
        }
        return now;
    }

    private static List<URI> uris(LoopbackServer server, String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> server.uri(prefix + i)).toList();
    }

    private static AssertionFailedError failure(String message) {
        return new AssertionFailedError(message);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Test
    @Order(1)
    @DisplayName("returns every body, in the order of the URIs, though answers arrive in another order")
    void bodiesInOrder() {
        int n = 8;
        // Distinct delays 40 ms apart in a shuffled order, never sorted: the answers come back
        // in an order other than the requests'.
        List<Integer> delays = new ArrayList<>(IntStream.range(0, n).mapToObj(i -> 150 + 40 * i).toList());
        do {
            Collections.shuffle(delays, RANDOM);
        } while (delays.equals(delays.stream().sorted().toList()));
        try (LoopbackServer server = LoopbackServer.start(Route.at("/item/")
                .delayBy(uri -> Duration.ofMillis(delays.get(Integer.parseInt(uri.getPath().substring(6)))))
                .body(FetcherCheck::bodyOf))) {
            List<URI> uris = uris(server, "/item/", n);
            Call call = call(uris);
            if (call.thrown() != null) {
                throw failure("fetchAll() threw " + describe(call.thrown()) + ", though every request was answered "
                        + "200 OK. Return the bodies; throw only when a fetch failed.");
            }
            List<String> expected = uris.stream().map(FetcherCheck::bodyOf).toList();
            List<String> got = call.bodies();
            if (got == null || got.size() != n) {
                throw failure("expected " + n + " bodies, got " + (got == null ? "null" : got.size()) + ". Return "
                        + "one body per URI, after every thread has finished.");
            }
            List<Integer> missing = IntStream.range(0, n).filter(i -> got.get(i) == null).boxed().toList();
            if (!missing.isEmpty()) {
                throw failure("the bodies at positions " + missing + " of " + n + " are null: fetchAll() returned "
                        + "before their threads had stored them. join() every thread before reading the results.");
            }
            if (!got.equals(expected)) {
                String order = got.stream().map(b -> expected.contains(b) ? "#" + expected.indexOf(b) : "?")
                        .collect(Collectors.joining(" "));
                throw failure("the bodies are not in the order of the URIs. Expected #0 to #" + (n - 1)
                        + " in order, got " + order + " (server delays in ms by request: " + delays + "). "
                        + "Answers arrive in any order: give each thread its own slot, such as an index into an "
                        + "array, instead of adding to a shared list as they arrive.");
            }
            CheckReport.note(n + " bodies in order; the server answered in the order of its delays " + delays);
        }
    }

    @Test
    @Order(2)
    @DisplayName("every thread it starts has ended when it returns (joined)")
    void allJoined() {
        int n = 5;
        // The first request is the slowest by far: a method that returns before joining every
        // thread returns while its first thread is still waiting for the server.
        try (LoopbackServer server = LoopbackServer.start(Route.at("/item/")
                .delayBy(uri -> Duration.ofMillis(uri.getPath().equals("/item/0") ? 700 : 40))
                .body(FetcherCheck::bodyOf))) {
            Call call = call(uris(server, "/item/", n));
            List<String> alive = call.stillAlive();
            if (!alive.isEmpty()) {
                throw failure("fetchAll() returned while " + Words.plural(alive.size(), "thread", "threads")
                        + " it started " + (alive.size() == 1 ? "was" : "were") + " still running: "
                        + String.join(", ", alive) + ". The first request takes the server 700 ms; whatever "
                        + "that thread fetches is lost if you do not wait for it. Call join() on every thread "
                        + "you started, after starting them all.");
            }
            CheckReport.note(Words.plural(call.studentThreads().size(), "thread", "threads")
                    + " of yours seen while it ran, none alive when it returned");
        }
    }

    @Test
    @Order(3)
    @DisplayName("has all 6 requests in flight at once, and takes about one request's time")
    void concurrent() {
        int n = 6;
        Duration delay = Duration.ofMillis(200);
        // Each request is held until all 6 are at the server (or 1 s passes), so requests sent
        // together meet however busy the machine is; the peak needs no clock. Requests sent one
        // at a time each wait out the second.
        try (LoopbackServer server = LoopbackServer.start(Route.at("/item/")
                .gathering(n, Duration.ofSeconds(1)).delay(delay).body(FetcherCheck::bodyOf))) {
            Call call = call(uris(server, "/item/", n));
            int peak = server.peakInFlight();
            List<Integer> atArrival = server.requests().stream().map(RecordedRequest::inFlightAtArrival).toList();
            if (peak == 1) {
                throw failure("the server saw the " + n + " requests one at a time (peak in flight 1; whole call "
                        + Words.duration(server.wallTime()) + " on the server, against " + Words.duration(delay)
                        + " for one request). "
                        + oneAtATime(call));
            }
            if (!call.stillAlive().isEmpty() && peak < n) {
                throw failure("fetchAll() returned while its threads were still at work ("
                        + String.join(", ", call.stillAlive()) + "), so the server saw only " + peak + " of the "
                        + n + " requests together. join() every thread before returning.");
            }
            if (peak == 0) {
                throw failure("no request reached the server before fetchAll() returned: it returned without "
                        + "waiting for the threads it started. join() every thread before returning.");
            }
            if (peak < n && call.mostAtOnce() >= n) {
                throw new Inconclusive("your " + n + " threads were all at work at once, yet the server saw at most "
                        + peak + " of the requests together (in flight as each arrived: " + atArrival + "): the "
                        + "machine seems too busy to deliver them in time. Run the check again.");
            }
            if (peak < n) {
                throw failure("at most " + peak + " of the " + n + " requests were in flight at once (requests in "
                        + "flight as each arrived: " + atArrival + "). Start one thread per URI, all before "
                        + "the first join().");
            }
            Duration wall = server.wallTime();
            if (wall.compareTo(delay.multipliedBy(5)) > 0) {
                throw new Inconclusive("all " + n + " requests were in flight at once, but the server was busy for "
                        + Words.duration(wall) + ", more than 5 × " + Words.duration(delay)
                        + ": the machine seems too busy to judge the time.");
            }
            CheckReport.note("peak in flight " + peak + " of " + n + "; the server was busy " + Words.duration(wall)
                    + " for requests that take " + Words.duration(delay) + " each (one at a time: "
                    + Words.duration(delay.multipliedBy(n)) + ")");
        }
    }

    @Test
    @Order(4)
    @DisplayName("a failed request makes it throw an IOException that carries the failure")
    void failureSurfaces() {
        int n = 5;
        int broken = 1 + RANDOM.nextInt(n - 1);
        try (LoopbackServer server = LoopbackServer.start(
                Route.at("/item/").delayBetween(Duration.ofMillis(50), Duration.ofMillis(150)).body(FetcherCheck::bodyOf),
                Route.at("/broken/").delay(Duration.ofMillis(100)).failing(1.0, 500))) {
            List<URI> uris = new ArrayList<>(uris(server, "/item/", n));
            uris.set(broken, server.uri("/broken/" + broken));
            Call call = call(uris);
            if (call.thrown() == null) {
                String returned = call.bodies() == null ? "null" : "a list with " + Words.plural(call.bodies().stream()
                        .filter(b -> b == null).count(), "null body", "null bodies");
                throw failure("the server answered " + uris.get(broken).getPath() + " with 500, so fetch() threw an "
                        + "IOException in its thread; fetchAll() returned " + returned + " instead of throwing. "
                        + "An exception in a thread never reaches the caller by itself: uncaught, it ends only "
                        + "that thread (the default handler prints it); caught and printed, it is gone too. Catch "
                        + "it inside the thread, keep it where the caller can see it (an array slot per thread), "
                        + "and after join() throw an IOException with it as the cause.");
            }
            if (!(call.thrown() instanceof IOException)) {
                throw failure("fetchAll() threw " + describe(call.thrown()) + "; expected an IOException (the "
                        + "method declares it). Wrap the failure: new IOException(\"...\", failure).");
            }
            if (!carries(call.thrown(), "HTTP 500")) {
                throw failure("fetchAll() threw " + describe(call.thrown()) + ", but neither it nor its causes "
                        + "say what went wrong (the server answered 500 for " + uris.get(broken).getPath() + "). "
                        + "Pass the exception from the thread as the cause: new IOException(\"...\", failure).");
            }
            CheckReport.note(uris.get(broken).getPath() + " failed with 500; fetchAll() threw " + describe(call.thrown()));
        }
    }

    /** Why requests went one at a time, from what the code calls and the threads seen. */
    private static String oneAtATime(Call call) {
        Structure structure = Structure.of(Fetcher.class);
        List<String> runs = structure.callsTo("java.lang.Thread", "run");
        if (!runs.isEmpty()) {
            return "You call " + String.join(", ", runs) + ": run() executes the thread's code on the calling "
                    + "thread, to its end, like any method call. start() is what makes a new thread run it.";
        }
        if (structure.threadCreations().isEmpty()) {
            return "fetchAll() starts no thread, so each request waits for the one before. Start one Thread "
                    + "per URI, all of them before joining any.";
        }
        return "Your " + Words.plural(call.studentThreads().size(), "thread", "threads") + " ran one after "
                + "another: did you join() each thread right after starting it? join() waits for that thread to "
                + "end before the loop starts the next. Start them all first, then join them all.";
    }

    private static boolean carries(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (carries(suppressed, text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    @Order(5)
    @DisplayName("uses plain threads: new Thread, start, join; no executor or async API")
    void plainThreads() {
        Structure structure = Structure.of(Fetcher.class);
        String advice = "This exercise is about plain threads: create them with new Thread(...), start() "
                + "and join() them yourself. Executors and async requests come later in the course.";
        structure.mustNotUse("an executor or a future",
                List.of("java.util.concurrent.Executor", "java.util.concurrent.ExecutorService",
                        "java.util.concurrent.Executors", "java.util.concurrent.CompletableFuture",
                        "java.util.concurrent.ForkJoinPool", "java.util.concurrent.Future",
                        "java.util.concurrent.ThreadPoolExecutor"), advice);
        List<String> async = new ArrayList<>(structure.callsTo("java.net.http.HttpClient", "sendAsync"));
        async.addAll(structure.callsTo("java.util.Collection", "parallelStream"));
        async.addAll(structure.callsTo("java.util.List", "parallelStream"));
        if (!async.isEmpty()) {
            throw failure("Fetcher uses " + String.join("; ", async) + ". " + advice);
        }
        if (structure.threadCreations().isEmpty()) {
            throw failure("Fetcher never creates or starts a thread, so every request waits for the one before. "
                    + "Create one Thread per URI and start() it.");
        }
        if (structure.callsTo("java.lang.Thread", "join").isEmpty()) {
            throw failure("Fetcher never calls join(): nothing waits for the threads it starts. Call join() on "
                    + "each of them before reading their results.");
        }
    }
}
