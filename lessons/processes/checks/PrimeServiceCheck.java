package processes.checks;

import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Words;
import processes.PrimeService;
import processes.ServiceClient;

/**
 * Exercise prime-service: a line protocol over pipes. The worker (PrimeService) is driven by the
 * check's own plumbing, where every read has a time-out; the client (ServiceClient) talks to the
 * check's workers, a correct one and one that never exits by itself.
 */
class PrimeServiceCheck {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /**
     * How long finish() may take: the 5 s it gives the worker, a kill and a wait, with room to spare
     * on a crowded machine. A client that waits for ever is caught when it runs out.
     */
    private static final Duration FINISH_GUARD = Duration.ofSeconds(10);
    private static final String ASK_ADVICE = "The check's worker answers every request at once, so yours never "
            + "reached it: it is probably still in your BufferedWriter. Call flush() after writing the line.";
    /** Requests sent at once by answersInOrder: a hundred slow ones, each with three quick ones behind it. */
    private static final int PIPELINED = 400;
    private static final List<String> PLAIN = List.of("2", "97", "91", "0", "1", "7919", "1000000", "2147483647");

    @Test
    @Order(1)
    @DisplayName("the worker answers each request as soon as it is asked (8 requests, one at a time)")
    void answersEachRequestAtOnce() throws Exception {
        try (Conversation worker = Conversation.with(PrimeService.class)) {
            for (String request : PLAIN) {
                worker.send(List.of(request));
                String answer = answerTo(worker, request);
                expect(request, answer);
            }
        }
        CheckReport.note(PLAIN.size() + " requests answered one at a time");
    }

    @Test
    @Order(2)
    @DisplayName("the worker answers " + PIPELINED + " requests sent at once, in the order they came")
    void answersInOrder() throws Exception {
        List<String> requests = mixedRequests(new SplittableRandom());
        try (Conversation worker = Conversation.with(PrimeService.class)) {
            worker.send(requests);
            for (int i = 0; i < requests.size(); i++) {
                String answer = answerTo(worker, requests.get(i));
                if (!answer.equals(ReferenceService.answer(requests.get(i)))) {
                    fail("Answer " + (i + 1) + " of " + requests.size() + " was \"" + answer + "\", but request "
                            + (i + 1) + " was " + requests.get(i) + ", so it should be \""
                            + ReferenceService.answer(requests.get(i)) + "\". The parent matches answers to "
                            + "requests by their order alone: answer each line before reading the next, on one "
                            + "thread.");
                }
            }
        }
        CheckReport.note(requests.size() + " pipelined requests answered in order");
    }

    /**
     * 100 slow requests (primes above two billion: the whole trial division) each followed by
     * three quick ones. Answers that come back in the order they finish then overtake, even on
     * one core: a thread switched out during a slow one lets the quick ones behind it through.
     * Quick requests alone once let a pool on one core answer in order by luck (1 of 20 gradings).
     */
    static List<String> mixedRequests(SplittableRandom random) {
        List<String> requests = new ArrayList<>();
        while (requests.size() < PIPELINED) {
            int n;
            do {
                n = random.nextInt(2_000_000_000, Integer.MAX_VALUE);
            } while (!BigInteger.valueOf(n).isProbablePrime(40));
            requests.add(Integer.toString(n));
            for (int quick = 0; quick < 3; quick++) {
                requests.add(Integer.toString(random.nextInt(1, 2_000_000)));
            }
        }
        return requests;
    }

    @Test
    @Order(3)
    @DisplayName("a bad request gets a line starting with \"error\", and the worker carries on")
    void badRequestGetsErrorLine() throws Exception {
        List<String> requests = List.of("abc", "13", "", "-7", "12x", "2147483648", "17");
        try (Conversation worker = Conversation.with(PrimeService.class)) {
            for (String request : requests) {
                worker.send(List.of(request));
                String answer = answerTo(worker, request);
                if (ReferenceService.answer(request).startsWith("error")) {
                    if (!answer.startsWith("error")) {
                        fail("The request \"" + request + "\" is not a whole number from 0 up, so the answer must "
                                + "start with \"error\"; it was \"" + answer + "\".");
                    }
                } else {
                    expect(request, answer);
                }
            }
        }
        CheckReport.note(requests.size() + " requests, 5 of them bad, all answered");
    }

    @Test
    @Order(4)
    @DisplayName("the worker exits with code 0 when its input is closed")
    void exitsWhenInputEnds() throws Exception {
        try (Conversation worker = Conversation.with(PrimeService.class)) {
            worker.send(List.of("5"));
            answerTo(worker, "5");
            worker.closeInput();
            Optional<Integer> exit = worker.exit(PATIENCE);
            if (exit.isEmpty()) {
                fail("The worker was still running " + Words.duration(PATIENCE) + " after its input was closed. "
                        + "When readLine() returns null, the parent has closed the pipe and nothing more will "
                        + "come: leave the loop and return from main.");
            }
            if (exit.get() != 0) {
                fail("The worker exited with code " + exit.get() + " when its input was closed; 0 says all went "
                        + "well. Return from main at the end of the input instead of calling System.exit with "
                        + "another code.");
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("the client's ask() sends each request and returns the worker's answer")
    void clientAsks() throws Exception {
        ServiceClient client = start(ReferenceService.class);
        try {
            for (String request : List.of("97", "91", "abc", "7919")) {
                Guarded.Outcome<String> answer = Guarded.call(() -> client.ask(request), PATIENCE,
                        "ask(\"" + request + "\") to return", ASK_ADVICE);
                if (answer.thrown() != null) {
                    throw new AssertionError("ask(\"" + request + "\") threw " + answer.thrown()
                            + " while the worker was running and answering.", answer.thrown());
                }
                if (!ReferenceService.answer(request).equals(answer.value())) {
                    fail("ask(\"" + request + "\") returned \"" + answer.value() + "\"; the worker answered \""
                            + ReferenceService.answer(request) + "\". Return the line you read, as it is.");
                }
            }
        } finally {
            Children.kill(Children.runningExcept(Set.of()));
        }
    }

    @Test
    @Order(6)
    @DisplayName("the client's finish() lets the worker exit by itself, returns 0 and leaves nothing running")
    void finishEndsAndReaps() throws Exception {
        Set<Long> before = Children.now();
        ServiceClient client = start(ReferenceService.class);
        Guarded.call(() -> client.ask("3"), PATIENCE, "ask(\"3\") to return", ASK_ADVICE);
        Guarded.Outcome<Integer> exit = Guarded.call(client::finish, FINISH_GUARD, "finish() to return",
                "Close the worker's input first, so that it sees the end and exits by itself, and wait for it "
                        + "at most 5 s (waitFor(5, TimeUnit.SECONDS)).");
        List<ProcessHandle> left = Children.runningExcept(before);
        if (!left.isEmpty()) {
            fail("finish() returned while the worker was still running (" + Children.kill(left) + "). After "
                    + "closing its input, wait for it: process.waitFor(5, TimeUnit.SECONDS).");
        }
        if (exit.thrown() != null) {
            throw new AssertionError("finish() threw " + exit.thrown() + ".", exit.thrown());
        }
        if (exit.value() != 0) {
            fail("finish() returned " + exit.value() + "; this worker exits with 0 when its input is closed. "
                    + "Close the worker's input first (the writer you send requests through), so that it "
                    + "sees the end and exits by itself; kill it only if it does not within the patience.");
        }
        CheckReport.note("worker ended with code 0 and was collected");
    }

    @Test
    @Order(7)
    @DisplayName("the client's finish() kills a worker that does not exit within 5 s, and waits for it")
    void finishKillsAStuckWorker() throws Exception {
        Set<Long> before = Children.now();
        ServiceClient client = start(StubbornService.class);
        Guarded.call(() -> client.ask("3"), PATIENCE, "ask(\"3\") to return", ASK_ADVICE);
        Guarded.Outcome<Integer> exit = Guarded.call(client::finish, FINISH_GUARD,
                "finish() to return", "This worker does not exit when its input is closed. Wait at most 5 s "
                        + "(waitFor(5, TimeUnit.SECONDS)); if it is still running then, destroyForcibly() it and "
                        + "waitFor() again.");
        List<ProcessHandle> left = Children.runningExcept(before);
        if (!left.isEmpty()) {
            fail("finish() returned while the worker was still running (" + Children.kill(left) + "). This worker "
                    + "ignores the end of its input: when waitFor(5, TimeUnit.SECONDS) returns false, call "
                    + "destroyForcibly() and then waitFor() again.");
        }
        if (exit.thrown() != null) {
            throw new AssertionError("finish() threw " + exit.thrown() + ".", exit.thrown());
        }
        if (exit.value() == 0) {
            fail("finish() returned 0 for a worker it had to kill; return the exit code waitFor() gives after "
                    + "the kill, so the caller can tell.");
        }
        CheckReport.note("stuck worker killed, exit code " + exit.value());
    }

    private static ServiceClient start(Class<?> worker) throws Exception {
        Guarded.Outcome<ServiceClient> started = Guarded.call(() -> ServiceClient.start(worker), PATIENCE,
                "ServiceClient.start to return");
        if (started.thrown() != null) {
            throw new AssertionError("ServiceClient.start(" + worker.getSimpleName() + ".class) threw "
                    + started.thrown() + "; keep the start method as given.", started.thrown());
        }
        return started.value();
    }

    /** The worker's answer to {@code request}; fails with the likely cause when none comes. */
    private static String answerTo(Conversation worker, String request) throws Exception {
        Optional<String> answer = worker.next(PATIENCE);
        if (answer.isPresent()) {
            return answer.get();
        }
        if (worker.ended()) {
            Optional<Integer> exit = worker.exit(Duration.ofSeconds(2));
            fail("The worker ended " + exit.map(c -> "with exit code " + c).orElse("its output") + " instead of "
                    + "answering \"" + request + "\". Catch what parsing a bad request throws "
                    + "(NumberFormatException) and answer with a line starting with \"error\" instead; the worker "
                    + "must keep serving until its input ends.");
        }
        fail("No answer to \"" + request + "\" within " + Words.duration(PATIENCE) + ". The worker's answers go "
                + "to a buffer first (a PrintWriter or BufferedWriter keeps 8 KB before writing): flush() after "
                + "every answer, or the parent waits for ever for a line that sits in the worker's memory. An "
                + "answer written to System.err does not reach the parent either.");
        return null;
    }

    private static void expect(String request, String answer) {
        String expected = ReferenceService.answer(request);
        if (!expected.equals(answer)) {
            fail("The answer to \"" + request + "\" was \"" + answer + "\"; expected \"" + expected + "\".");
        }
    }
}
