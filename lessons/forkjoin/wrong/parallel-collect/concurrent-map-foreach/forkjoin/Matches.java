package forkjoin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

// Wrong answer: groupBy() fills a ConcurrentHashMap of synchronized lists from forEach: thread-safe, but in arrival order
public final class Matches {

    private Matches() {
    }

    /** The items that pass {@code test}, in the order of {@code items}. */
    public static <T> List<T> matching(List<T> items, Predicate<? super T> test) {
        return items.parallelStream().filter(test).toList();
    }

    /** The first item, in the order of {@code items}, that passes {@code test}; empty if none does. */
    public static <T> Optional<T> firstMatch(List<T> items, Predicate<? super T> test) {
        return items.parallelStream().filter(test).findFirst();
    }

    /** The items grouped by {@code key}; in each group the items keep the order of {@code items}. */
    public static <T, K> Map<K, List<T>> groupBy(List<T> items, Function<? super T, ? extends K> key) {
        Map<K, List<T>> groups = new ConcurrentHashMap<>();
        items.parallelStream().forEach(item -> groups
                .computeIfAbsent(key.apply(item), k -> Collections.synchronizedList(new ArrayList<>())).add(item));
        return groups;
    }
}
