package forkjoin.checks;

import forkjoin.Matches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;

/**
 * Exercise parallel-collect: three methods on parallel streams whose results must equal one
 * thread's. A {@link Laggard} holds the first item back until other threads have done work, so
 * the checks see without a clock that the stream ran on several threads, and a result gathered
 * in arrival order, not encounter order, shows on every run.
 */
class MatchesCheck {

    private static final int SIZE = 20_000;
    private static final Duration PATIENCE = Duration.ofMillis(500);
    private static final int TESTED_TRIALS = 3;
    private static final int MAX_TRIALS = 8;
    private static final Duration CALL_LIMIT = Duration.ofSeconds(10);

    @Test
    @Order(1)
    @DisplayName("all three methods run a parallel stream (seen without a clock)")
    void runsOnSeveralThreads() throws Exception {
        List<String> sequential = new ArrayList<>();
        for (String method : List.of("matching", "firstMatch", "groupBy")) {
            Laggard laggard = new Laggard(0, PATIENCE);
            run(method, Item.list(SIZE, new SplittableRandom(11), true), laggard);
            CheckReport.note(method + "(): " + (laggard.parallelStream() ? "a parallel stream" : "not a parallel stream")
                    + " on " + Words.plural(laggard.threadCount(), "thread", "threads") + " (" + laggard.threadNames()
                    + ")");
            // findFirst() must look at the first item; findAny() may skip it, and the order check says why.
            if (!laggard.held() && !method.equals("firstMatch")) {
                throw new AssertionFailedError(method + "() never called " + function(method) + " for the first of "
                        + Words.count(SIZE) + " items. Every item must go through the function you are given.");
            }
            if (!laggard.parallelStream()) {
                sequential.add(method + "() called " + function(method) + " on " + laggard.threadNames());
            }
        }
        if (!sequential.isEmpty()) {
            throw new AssertionFailedError("A parallel stream calls your function from fork/join tasks of the common "
                    + "pool (the calling thread helps run them), but " + String.join("; ", sequential)
                    + ", with no such task on the way: a loop, a stream from stream(), or one turned back with "
                    + "sequential(). Start each method with items.parallelStream(), and do not call sequential().");
        }
    }

    @Test
    @Order(2)
    @DisplayName("matching() returns the matches in the order of the items, under parallel execution")
    void matchingInOrder() throws Exception {
        orderTrials("matching", seed -> expectMatching(Item.list(SIZE, new SplittableRandom(seed), true),
                new Laggard(0, PATIENCE)));
        Stress.trials().atLeast(4).atMost(40).within(Duration.ofMillis(600)).run(trial -> {
            int size = trial.between(0, 5) == 0 ? trial.between(0, 3) : trial.between(1_000, 30_000);
            trial.describe("matching() of " + Words.plural(size, "item", "items"));
            expectMatching(Item.list(size, trial.random(), false), null);
        });
    }

    @Test
    @Order(3)
    @DisplayName("firstMatch() returns the first match in the order of the items, not any match")
    void firstMatchInOrder() throws Exception {
        orderTrials("firstMatch", seed -> expectFirst(Item.list(SIZE, new SplittableRandom(seed), true),
                new Laggard(0, PATIENCE)));
        // Edge cases: no match at all, and one match only, at the very end.
        List<Item> none = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            none.add(new Item(i, 3 * i + 1));
        }
        expectFirst(none, null);
        List<Item> last = new ArrayList<>(none);
        last.add(new Item(5_000, 9));
        expectFirst(last, null);
        Stress.trials().atLeast(4).atMost(40).within(Duration.ofMillis(400)).run(trial -> {
            int size = trial.between(0, 20_000);
            trial.describe("firstMatch() of " + Words.plural(size, "item", "items"));
            expectFirst(Item.list(size, trial.random(), false), null);
        });
    }

    @Test
    @Order(4)
    @DisplayName("groupBy() keeps each group's items in the order of the items")
    void groupsInOrder() throws Exception {
        orderTrials("groupBy", seed -> expectGroups(Item.list(SIZE, new SplittableRandom(seed), true),
                new Laggard(0, PATIENCE)));
        Stress.trials().atLeast(4).atMost(40).within(Duration.ofMillis(600)).run(trial -> {
            int size = trial.between(0, 5) == 0 ? trial.between(0, 3) : trial.between(1_000, 30_000);
            trial.describe("groupBy() of " + Words.plural(size, "item", "items"));
            expectGroups(Item.list(size, trial.random(), false), null);
        });
    }

    /** One trial of a method with the first item held back; returns the laggard that watched it. */
    private interface OrderTrial {
        Laggard run(long seed) throws Exception;
    }

    /**
     * Trials with the first item held back, until {@value #TESTED_TRIALS} of them saw a later
     * item that matters before the first was let go (each fails at once on a wrong result), or
     * {@value #MAX_TRIALS} ran. A stream that is not parallel gets no verdict here: the first
     * check says what is wrong with it.
     */
    private static void orderTrials(String method, OrderTrial trial) throws Exception {
        int tested = 0;
        int ran = 0;
        int later = 0;
        Laggard last = null;
        while (tested < TESTED_TRIALS && ran < MAX_TRIALS) {
            last = trial.run(1_000L * ran + method.length());
            ran++;
            if (!last.parallelStream()) {
                throw new Inconclusive("The order could not be put to the test: " + method + "() did not run a "
                        + "parallel stream (it ran on " + last.threadNames() + "). See the first check.");
            }
            if (last.testedOrder()) {
                tested++;
                later += last.laterBeforeFirst();
            }
        }
        CheckReport.note(method + "(): " + tested + " of " + Words.plural(ran, "trial", "trials") + " reached later "
                + "items before the first (" + Words.count(later) + " of them in all); every result kept the order");
        if (tested == 0) {
            throw new Inconclusive("The results were right, but the order could not be put to the test: in "
                    + Words.plural(ran, "trial", "trials") + " no thread reached a later item while the first one "
                    + "waited " + Words.duration(last.patience()) + " (the last ran on " + last.threadNames() + "). "
                    + "The machine is too busy for the common pool's worker to run. Close other busy programs "
                    + "and check again.");
        }
    }

    private static Laggard expectMatching(List<Item> items, Laggard laggard) throws Exception {
        List<Item> expected = items.stream().filter(Item::matches).toList();
        List<Item> got = call("matching() of " + Words.plural(items.size(), "item", "items"),
                () -> Matches.matching(items, test(laggard)));
        if (!expected.equals(got)) {
            throw new AssertionFailedError("matching() of " + Words.plural(items.size(), "item", "items") + " "
                    + difference(expected, got) + ". " + (sameItems(expected, got)
                    ? "The right items, in the order the threads reached them: adding to a list from forEach "
                    + "(even a synchronized list) takes items as they come. Let the stream collect them: "
                    + "filter(test) then toList() keeps the order of the items."
                    : "Items were lost or doubled: an ArrayList is not safe for two threads to add to at once. "
                    + "Let the stream collect them: filter(test) then toList()."), expected, got);
        }
        return laggard;
    }

    private static Laggard expectFirst(List<Item> items, Laggard laggard) throws Exception {
        Optional<Item> expected = items.stream().filter(Item::matches).findFirst();
        Optional<Item> got = call("firstMatch() of " + Words.plural(items.size(), "item", "items"),
                () -> Matches.firstMatch(items, test(laggard)));
        if (!expected.equals(got)) {
            throw new AssertionFailedError("firstMatch() of " + Words.plural(items.size(), "item", "items")
                    + " returned " + got.map(Item::toString).orElse("empty") + ", but the first match in the "
                    + "order of the items is " + expected.map(Item::toString).orElse("none (empty)") + ". "
                    + (got.isPresent() && got.get().matches()
                    ? "That is a match, but not the first: findAny(), or remembering whichever match a thread "
                    + "sees first, gives the one some thread reached first. findFirst() gives the first in "
                    + "the order of the items, on a parallel stream too."
                    : "Return the first item that passes test, and empty when none does."), expected, got);
        }
        return laggard;
    }

    private static Laggard expectGroups(List<Item> items, Laggard laggard) throws Exception {
        Map<Integer, List<Item>> expected = new LinkedHashMap<>();
        for (Item item : items) {
            expected.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
        }
        Map<Integer, List<Item>> got = call("groupBy() of " + Words.plural(items.size(), "item", "items"),
                () -> Matches.groupBy(items, item -> {
                    if (laggard != null) {
                        laggard.call(item, item.group() == 0);
                    }
                    return item.group();
                }));
        if (got == null || !expected.keySet().equals(got.keySet())) {
            throw new AssertionFailedError("groupBy() of " + Words.plural(items.size(), "item", "items")
                    + " returned the groups " + (got == null ? "null" : got.keySet()) + ", but the keys are "
                    + expected.keySet() + ". Every item's key must name a group, and every group must appear.");
        }
        for (Map.Entry<Integer, List<Item>> group : expected.entrySet()) {
            List<Item> mine = got.get(group.getKey());
            if (!group.getValue().equals(mine)) {
                throw new AssertionFailedError("groupBy() of " + Words.plural(items.size(), "item", "items")
                        + ": in group " + group.getKey() + ", " + difference(group.getValue(), mine) + ". "
                        + (sameItems(group.getValue(), mine)
                        ? "The right items, in the order the threads reached them: groupingByConcurrent, or "
                        + "adding to the lists of a shared map from forEach, takes items as they come. "
                        + "Collectors.groupingBy(key) lets each thread group its own part and joins the parts "
                        + "in order."
                        : "Items were lost or doubled: a HashMap or an ArrayList is not safe for two threads to "
                        + "change at once. Let the stream collect: collect(Collectors.groupingBy(key))."),
                        group.getValue(), mine);
            }
        }
        return laggard;
    }

    private static java.util.function.Predicate<Item> test(Laggard laggard) {
        return item -> {
            if (laggard != null) {
                laggard.call(item, item.matches());
            }
            return item.matches();
        };
    }

    private static String function(String method) {
        return method.equals("groupBy") ? "key" : "test";
    }

    private static boolean sameItems(List<Item> expected, List<Item> got) {
        if (got == null || got.size() != expected.size()) {
            return false;
        }
        List<Item> sorted = new ArrayList<>(got);
        sorted.sort(java.util.Comparator.comparingInt(item -> item == null ? -1 : item.id()));
        return sorted.equals(expected);
    }

    /** Where two lists first differ, in words. */
    private static String difference(List<Item> expected, List<Item> got) {
        if (got == null) {
            return "returned null";
        }
        int i = 0;
        while (i < expected.size() && i < got.size() && expected.get(i) == got.get(i)) {
            i++;
        }
        String sizes = " (" + Words.plural(got.size(), "item", "items") + " returned, "
                + Words.count(expected.size()) + " expected)";
        if (i == got.size()) {
            return "stops after " + Words.plural(i, "item", "items") + "; next should be " + expected.get(i) + sizes;
        }
        if (i == expected.size()) {
            return "has " + got.get(i) + " at position " + i + ", past the end" + sizes;
        }
        return "has " + got.get(i) + " at position " + i + " where " + expected.get(i) + " belongs" + sizes;
    }

    private static void run(String method, List<Item> items, Laggard laggard) throws Exception {
        switch (method) {
            case "matching" -> call(method + "()", () -> Matches.matching(items, test(laggard)));
            case "firstMatch" -> call(method + "()", () -> Matches.firstMatch(items, test(laggard)));
            default -> call(method + "()", () -> Matches.groupBy(items, item -> {
                laggard.call(item, item.group() == 0);
                return item.group();
            }));
        }
    }

    /** Calls the student's method on a thread of the check's own, so that a hang is reported, not waited out. */
    private static <T> T call(String what, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread caller = new Thread(task, "check-caller");
        caller.setDaemon(true);
        caller.start();
        return Await.result(task, CALL_LIMIT, what + " to return");
    }
}
