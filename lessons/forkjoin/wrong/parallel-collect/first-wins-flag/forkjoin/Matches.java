package forkjoin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

// Wrong answer: firstMatch() keeps the first match any thread sees in an AtomicReference (a stateful lambda)
public final class Matches {

    private Matches() {
    }

    /** The items that pass {@code test}, in the order of {@code items}. */
    public static <T> List<T> matching(List<T> items, Predicate<? super T> test) {
        return items.parallelStream().filter(test).toList();
    }

    /** The first item, in the order of {@code items}, that passes {@code test}; empty if none does. */
    public static <T> Optional<T> firstMatch(List<T> items, Predicate<? super T> test) {
        AtomicReference<T> first = new AtomicReference<>();
        items.parallelStream().filter(test).forEach(item -> first.compareAndSet(null, item));
        return Optional.ofNullable(first.get());
    }

    /** The items grouped by {@code key}; in each group the items keep the order of {@code items}. */
    public static <T, K> Map<K, List<T>> groupBy(List<T> items, Function<? super T, ? extends K> key) {
        return items.parallelStream().collect(Collectors.groupingBy(key));
    }
}
