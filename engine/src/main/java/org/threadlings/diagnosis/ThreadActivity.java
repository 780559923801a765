package org.threadlings.diagnosis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the threads that run course or student code were doing: for reports of stuck runs. */
public final class ThreadActivity {

    private ThreadActivity() {
    }

    /**
     * One line per kind of activity among threads with a frame in one of {@code packages}:
     * {@code "worker-1" RUNNABLE at Counter.java:14 in races.Counter.increment}. Threads doing
     * exactly the same thing share a line ({@code "worker-2", "worker-3" (2 threads) BLOCKED …}).
     * Threads that share a name are told apart by id ({@code "worker-1" #41}), and threads that an
     * earlier check started say so.
     * The calling thread, busy taking the snapshot, is left out.
     */
    public static List<String> describe(ThreadSnapshot snapshot, Collection<String> packages, int limit) {
        long self = Thread.currentThread().threadId();
        List<ThreadRecord> shown = snapshot.threads().stream()
                .filter(t -> t.id() != self && packages.stream().anyMatch(t::runsCodeIn)).toList();
        // Two checks may both name a thread "worker-1": then the ids tell them apart.
        Set<String> repeated = shown.stream().collect(Collectors.groupingBy(ThreadRecord::name, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
        Optional<ThreadOrigins.Check> now = ThreadOrigins.current();
        Map<String, List<String>> namesByActivity = new LinkedHashMap<>();
        for (ThreadRecord thread : shown) {
            String origin = ThreadOrigins.checkThatStarted(thread.id())
                    .filter(check -> now.isEmpty() || !now.get().equals(check))
                    .map(check -> " (started while running '" + check.name() + "')").orElse("");
            String label = "\"" + thread.name() + "\"" + (repeated.contains(thread.name()) ? " #" + thread.id() : "");
            namesByActivity.computeIfAbsent(activity(thread, packages) + origin, k -> new ArrayList<>()).add(label);
        }
        List<String> lines = new ArrayList<>();
        namesByActivity.forEach((activity, names) -> lines.add(names(names) + " " + activity));
        return lines.size() <= limit ? lines : lines.subList(0, limit);
    }

    private static String names(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        String shown = names.size() <= 3 ? String.join(", ", names)
                : names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " more";
        return shown + " (" + names.size() + " threads)";
    }

    private static String activity(ThreadRecord thread, Collection<String> packages) {
        Frame own = thread.stack().stream()
                .filter(f -> packages.stream().anyMatch(f::isIn))
                .findFirst().orElse(thread.codeFrame());
        Frame top = thread.stack().isEmpty() ? null : thread.stack().get(0);
        StringBuilder line = new StringBuilder()
                .append(thread.virtual() ? "(virtual) " : "")
                .append(thread.state());
        if (own != null) {
            line.append(" at ").append(own.location()).append(" in ").append(own.className())
                    .append('.').append(own.methodName());
        }
        if (top != null && top.isJdk() && own != null && !own.equals(top)) {
            line.append(", inside ").append(top.simpleClassName()).append('.').append(top.methodName());
        }
        if (thread.waitingFor() != null) {
            line.append(", waiting for ").append(thread.waitingFor().displayName());
        }
        return line.toString();
    }
}
