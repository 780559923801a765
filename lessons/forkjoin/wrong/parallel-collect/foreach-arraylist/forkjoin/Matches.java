package forkjoin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

// Wrong answer: matching() adds to a shared ArrayList from forEach: items lost and out of order
public final class Matches {

    private Matches() {
    }

    /** The items that pass {@code test}, in the order of {@code items}. */
    public static <T> List<T> matching(List<T> items, Predicate<? super T> test) {
        List<T> found = new ArrayList<>();
        items.parallelStream().filter(test).forEach(found::add);
        return found;
    }

    /** The first item, in the order of {@code items}, that passes {@code test}; empty if none does. */
    public static <T> Optional<T> firstMatch(List<T> items, Predicate<? super T> test) {
        return items.parallelStream().filter(test).findFirst();
    }

    /** The items grouped by {@code key}; in each group the items keep the order of {@code items}. */
    public static <T, K> Map<K, List<T>> groupBy(List<T> items, Function<? super T, ? extends K> key) {
        return items.parallelStream().collect(Collectors.groupingBy(key));
    }
}
