package org.threadlings.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Threads as the JDK's JSON thread dump lists them, virtual ones included. Since JDK 25 the dump
 * says which monitor a thread is blocked on ({@code blockedOn}), which it holds
 * ({@code monitorsOwned}) and what it is parked for ({@code parkBlocker}); older JDKs give names
 * and stacks only, and deadlocks between virtual threads then go unnamed. The dump does not say
 * whether a platform thread is a daemon; its records say false.
 */
final class VirtualThreadDump {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VirtualThreadDump() {
    }

    static List<ThreadRecord> take() {
        Path file = null;
        try {
            Path dir = Files.createTempDirectory("threadlings-dump");
            file = dir.resolve("threads.json");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            return parse(JSON.readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.getParent());
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    static List<ThreadRecord> parse(JsonNode root) {
        List<ThreadRecord> result = new ArrayList<>();
        for (JsonNode container : root.path("threadDump").path("threadContainers")) {
            for (JsonNode thread : container.path("threads")) {
                result.add(record(thread));
            }
        }
        return result;
    }

    private static ThreadRecord record(JsonNode thread) {
        List<Frame> stack = new ArrayList<>();
        thread.path("stack").forEach(f -> stack.add(Frame.parse(f.asText())));
        List<Lock> held = new ArrayList<>();
        thread.path("monitorsOwned").forEach(m -> m.path("locks").forEach(l -> held.add(new Lock(l.asText()))));
        // The dump may list the monitor a thread wait()s on among those it owns, but wait() let go
        // of it; and once notified, the thread is blocked on taking it back, so it does not hold it.
        for (String released : List.of("waitingOn", "blockedOn")) {
            if (thread.hasNonNull(released)) {
                held.removeIf(new Lock(thread.get(released).asText())::equals);
            }
        }
        Lock waiting = null;
        if (thread.hasNonNull("blockedOn")) {
            waiting = new Lock(thread.get("blockedOn").asText());
        } else if (thread.path("parkBlocker").hasNonNull("object")) {
            waiting = new Lock(thread.path("parkBlocker").get("object").asText());
        }
        boolean virtual = thread.path("virtual").asBoolean(false);
        return new ThreadRecord(thread.path("tid").asLong(-1), thread.path("name").asText(""), virtual, virtual,
                thread.path("state").asText("UNKNOWN"), stack, waiting, -1, held);
    }
}
