package org.threadlings.grading.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.threadlings.checks.BuildsOn;

/** Which check methods a grading job runs, as JUnit selectors. */
final class ChecksToRun {

    private ChecksToRun() {
    }

    /**
     * The named check methods where {@code only} names some that exist, together with the earlier
     * checks they build on ({@link BuildsOn}, followed as far as it leads): run alone, such a check
     * would fail for a reason that is not the answer's. The other checks of the class are left
     * out, whatever their order: validation grades a wrong answer against the one check meant to
     * catch it, and the checks before it cost time and prove nothing about that. Every check
     * class when {@code only} is empty or names no method, so that a name no class has is
     * reported by the run of all checks.
     */
    static List<DiscoverySelector> selectors(List<Class<?>> classes, List<String> only) {
        List<DiscoverySelector> methods = new ArrayList<>();
        for (Class<?> type : classes) {
            Map<String, Method> checks = checksOf(type);
            Set<String> wanted = new LinkedHashSet<>();
            Deque<String> toVisit = new ArrayDeque<>(only.stream().filter(checks::containsKey).toList());
            while (!toVisit.isEmpty()) {
                String name = toVisit.pop();
                if (wanted.add(name)) {
                    BuildsOn basis = checks.get(name).getAnnotation(BuildsOn.class);
                    if (basis != null) {
                        Stream.of(basis.value()).filter(checks::containsKey).forEach(toVisit::push);
                    }
                }
            }
            checks.values().stream().filter(m -> wanted.contains(m.getName()))
                    .forEach(m -> methods.add(selectMethod(type, m)));
        }
        return !methods.isEmpty() ? methods : classes.stream().<DiscoverySelector>map(c -> selectClass(c)).toList();
    }

    /**
     * The {@link BuildsOn} declarations that name no check of the same class ordered before the
     * one declaring it, as sentences. A misspelt name would otherwise be dropped in silence, and
     * the check would run alone and fail for a reason that is not the code's.
     */
    static List<String> misdeclared(List<Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            Map<String, Method> checks = checksOf(type);
            for (Method check : checks.values()) {
                BuildsOn basis = check.getAnnotation(BuildsOn.class);
                for (String name : basis == null ? new String[0] : basis.value()) {
                    Method earlier = checks.get(name);
                    if (earlier == null || order(earlier) >= order(check)) {
                        problems.add("@BuildsOn(\"" + name + "\") on " + type.getSimpleName() + "." + check.getName()
                                + " names no check of " + type.getSimpleName() + " ordered before it (its checks: "
                                + String.join(", ", checks.keySet()) + "). This is a mistake in the course, not in "
                                + "your code: please report it.");
                    }
                }
            }
        }
        return problems;
    }

    /** The check methods of {@code type} by name, in their order (by name where it ties: reflection has none). */
    private static Map<String, Method> checksOf(Class<?> type) {
        Map<String, Method> checks = new LinkedHashMap<>();
        Stream.of(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class) && m.getParameterCount() == 0)
                .sorted(Comparator.comparingInt(ChecksToRun::order).thenComparing(Method::getName))
                .forEach(m -> checks.put(m.getName(), m));
        return checks;
    }

    /** A check's place in its class's order; checks without {@code @Order} come after all that have one. */
    private static int order(Method method) {
        Order order = method.getAnnotation(Order.class);
        return order == null ? Order.DEFAULT : order.value();
    }
}
