package forkjoin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/*
 * Exercise parallel-collect -- collect the results of a parallel stream safely.
 *
 * Each method below loops over its items on the calling thread. Rewrite each one as a parallel
 * stream, items.parallelStream(), so that the calls of test and key run on several threads of
 * the common pool at once, AND the results come back exactly as one thread would give them:
 *   - matching(): the items that pass test, in the order of items.
 *   - firstMatch(): the first item (in the order of items) that passes test, or empty.
 *   - groupBy(): the items grouped by key, each group's items in the order of items.
 * Let the stream build the results (a terminal operation or a Collector). An ArrayList or a
 * HashMap filled from forEach is not safe to share between threads, and even a thread-safe one
 * receives the items in whatever order the threads reach them.
 *
 * Edit the bodies of the three methods. Keep the class name and the signatures: the checks call
 * them with items, tests and keys of their own, and watch which threads call test and key.
 *
 *   ./run.sh check parallel-collect     grade it
 *   ./run.sh hint parallel-collect      one hint at a time
 */
public final class Matches {

    private Matches() {
    }

    /** The items that pass {@code test}, in the order of {@code items}. */
    public static <T> List<T> matching(List<T> items, Predicate<? super T> test) {
        List<T> found = new ArrayList<>();
        for (T item : items) {
            if (test.test(item)) {
                found.add(item);
            }
        }
        return found;
    }

    /** The first item, in the order of {@code items}, that passes {@code test}; empty if none does. */
    public static <T> Optional<T> firstMatch(List<T> items, Predicate<? super T> test) {
        for (T item : items) {
            if (test.test(item)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** The items grouped by {@code key}; in each group the items keep the order of {@code items}. */
    public static <T, K> Map<K, List<T>> groupBy(List<T> items, Function<? super T, ? extends K> key) {
        Map<K, List<T>> groups = new HashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        return groups;
    }
}
