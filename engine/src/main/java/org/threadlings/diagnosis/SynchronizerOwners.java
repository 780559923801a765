package org.threadlings.diagnosis;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Who holds the java.util.concurrent locks that threads are parked on. Neither the MXBean nor the
 * JSON dump names the owner when it is a virtual thread, so this asks the synchronizer itself.
 * It needs two doors into java.base that the grading JVM opens
 * ({@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} to list every thread, virtual ones
 * included, and {@code --add-opens java.base/java.util.concurrent.locks=ALL-UNNAMED} to read the
 * owner); without them it finds nothing and the report is simply less complete.
 */
final class SynchronizerOwners {

    private SynchronizerOwners() {
    }

    static Map<Lock, Long> find() {
        Map<Lock, Long> owners = new HashMap<>();
        try {
            Method ownerOf = AbstractOwnableSynchronizer.class.getDeclaredMethod("getExclusiveOwnerThread");
            ownerOf.setAccessible(true);
            allThreads().forEach(thread -> {
                if (LockSupport.getBlocker(thread) instanceof AbstractOwnableSynchronizer sync) {
                    try {
                        if (ownerOf.invoke(sync) instanceof Thread owner) {
                            owners.put(new Lock(Objects.toIdentityString(sync)), owner.threadId());
                        }
                    } catch (ReflectiveOperationException ignored) {
                        // leave this owner unknown
                    }
                }
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Map.of();
        }
        return owners;
    }

    /** Every live thread, virtual ones included, from the JDK's thread containers. */
    private static Stream<Thread> allThreads() throws ReflectiveOperationException {
        Class<?> containers = Class.forName("jdk.internal.vm.ThreadContainers");
        Object root = containers.getMethod("root").invoke(null);
        return threadsOf(root);
    }

    @SuppressWarnings("unchecked")
    private static Stream<Thread> threadsOf(Object container) {
        try {
            Class<?> type = Class.forName("jdk.internal.vm.ThreadContainer");
            Stream<Thread> own = (Stream<Thread>) type.getMethod("threads").invoke(container);
            Stream<Object> children = (Stream<Object>) type.getMethod("children").invoke(container);
            return Stream.concat(own, children.flatMap(SynchronizerOwners::threadsOf));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Stream.empty();
        }
    }
}
