package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Tiny classes compiled here, as a student's would be, and read back through Structure. */
class StructureTest {

    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("SyncMethodCounter", """
                package sample;
                public class SyncMethodCounter {
                    private long count;
                    public synchronized void increment() {
                        count++;
                    }
                    public synchronized long get() {
                        return count;
                    }
                }
                """);
        SOURCES.put("SyncBlockCounter", """
                package sample;
                public class SyncBlockCounter {
                    private final Object lock = new Object();
                    private long count;
                    public void increment() {
                        synchronized (lock) {
                            count++;
                        }
                    }
                }
                """);
        SOURCES.put("PlainCounter", """
                package sample;
                public class PlainCounter {
                    private long count;
                    public void increment() {
                        count++;
                    }
                }
                """);
        SOURCES.put("NestedSync", """
                package sample;
                public class NestedSync {
                    static class Inner {
                        synchronized void touch() {
                        }
                    }
                }
                """);
        SOURCES.put("AtomicCounter", """
                package sample;
                import java.util.concurrent.atomic.AtomicLong;
                public class AtomicCounter {
                    private final AtomicLong count = new AtomicLong();
                    public void increment() {
                        count.incrementAndGet();
                    }
                    public long get() {
                        return count.get();
                    }
                }
                """);
        SOURCES.put("LockCounter", """
                package sample;
                import java.util.concurrent.locks.ReentrantLock;
                public class LockCounter {
                    private final ReentrantLock lock = new ReentrantLock();
                    private long count;
                    public void increment() {
                        lock.lock();
                        try {
                            count++;
                        } finally {
                            lock.unlock();
                        }
                    }
                }
                """);
        SOURCES.put("ThreadMaker", """
                package sample;
                public class ThreadMaker {
                    public void run(Runnable work) throws InterruptedException {
                        Thread platform = new Thread(work);
                        platform.start();
                        Thread virtual = Thread.ofVirtual().start(work);
                        platform.join();
                        virtual.join();
                    }
                }
                """);
        SOURCES.put("Worker", """
                package sample;
                public class Worker extends Thread {
                    @Override
                    public void run() {
                    }
                }
                """);
        SOURCES.put("DodgeCounter", """
                package sample;
                import java.util.concurrent.atomic.AtomicLong;
                public class DodgeCounter {
                    private final Tally tally = new Tally();
                    public void increment() {
                        tally.add();
                    }
                    public long get() {
                        return tally.total();
                    }
                    public synchronized void neverCalled() {
                    }
                }
                class Tally {
                    private final AtomicLong total = new AtomicLong();
                    void add() {
                        total.incrementAndGet();
                    }
                    long total() {
                        return total.get();
                    }
                }
                """);
        SOURCES.put("DecoyCounter", """
                package sample;
                public class DecoyCounter {
                    private long count;
                    public void increment() {
                        count++;
                    }
                    public synchronized long get() {
                        return count;
                    }
                }
                """);
        SOURCES.put("HelperCounter", """
                package sample;
                public class HelperCounter {
                    private long count;
                    private static long total;
                    public synchronized void increment() {
                        add();
                    }
                    public void incrementTwice() {
                        synchronized (this) {
                            add();
                            add();
                        }
                    }
                    private void add() {
                        count++;
                        total++;
                    }
                    public synchronized long get() {
                        return count;
                    }
                }
                """);
        SOURCES.put("SneakyCounter", """
                package sample;
                public class SneakyCounter {
                    private long count;
                    private final Runnable bump = () -> count++;
                    public synchronized void increment() {
                        bump.run();
                        new Object() {
                            void write() {
                                Elsewhere.hits++;
                            }
                        }.write();
                    }
                    public synchronized long get() {
                        return count;
                    }
                }
                class Elsewhere {
                    static long hits;
                }
                """);
        SOURCES.put("PoolUser", """
                package sample;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;
                import java.util.concurrent.Future;
                public class PoolUser {
                    public long sum() throws Exception {
                        ExecutorService pool = Executors.newFixedThreadPool(2);
                        try {
                            Future<Long> half = pool.submit(() -> 21L);
                            return half.get() * 2;
                        } finally {
                            pool.shutdown();
                        }
                    }
                }
                """);
    }

    @TempDir
    static Path dir;

    private static URLClassLoader loader;

    @BeforeAll
    static void compile() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/sample"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = src.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, () -> "the samples must compile:\n" + errors);
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, StructureTest.class.getClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        loader.close();
    }

    private static Structure of(String simpleName) throws ClassNotFoundException {
        return Structure.of(loader.loadClass("sample." + simpleName));
    }

    /** The 1-based line of the first line of {@code sample} containing {@code text}. */
    private static int lineOf(String sample, String text) {
        List<String> lines = SOURCES.get(sample).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text + " is not in " + sample);
    }

    @Test
    void aSynchronizedMethodIsFound() throws Exception {
        Structure s = of("SyncMethodCounter");

        assertTrue(s.usesSynchronized());
        assertEquals(Set.of("increment", "get"), Set.copyOf(s.synchronizedMethods()));
        assertEquals(List.of(), s.synchronizedBlocks(), "a synchronized method has no monitorenter");
        s.mustUseSynchronized("unused");
    }

    @Test
    void aSynchronizedBlockIsFoundInTheBytecode() throws Exception {
        Structure s = of("SyncBlockCounter");

        assertTrue(s.usesSynchronized());
        assertEquals(List.of(), s.synchronizedMethods());
        assertEquals(List.of("SyncBlockCounter.increment()"), s.synchronizedBlocks());
        s.mustUseSynchronized("unused");
    }

    @Test
    void mustNotUseSynchronizedNamesTheMethodsAndBlocks() throws Exception {
        AssertionFailedError method = assertThrows(AssertionFailedError.class,
                () -> of("SyncMethodCounter").mustNotUseSynchronized("Use an AtomicLong instead."));
        AssertionFailedError block = assertThrows(AssertionFailedError.class,
                () -> of("SyncBlockCounter").mustNotUseSynchronized("Use an AtomicLong instead."));

        assertTrue(method.getMessage().startsWith("SyncMethodCounter uses synchronized (synchronized method "),
                method.getMessage());
        assertTrue(method.getMessage().contains("synchronized method increment()"), method.getMessage());
        assertTrue(method.getMessage().endsWith("). Use an AtomicLong instead."), method.getMessage());
        assertEquals("SyncBlockCounter uses synchronized (synchronized block in SyncBlockCounter.increment()). "
                + "Use an AtomicLong instead.", block.getMessage());
    }

    @Test
    void withoutSynchronizedMustUseSynchronizedFailsNamingTheClass() throws Exception {
        Structure s = of("PlainCounter");

        assertFalse(s.usesSynchronized());
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> s.mustUseSynchronized("Mark increment() synchronized."));

        assertEquals("PlainCounter must use synchronized, as a synchronized method or a synchronized (lock) { ... } "
                + "block, but has neither. Mark increment() synchronized.", failure.getMessage());
        s.mustNotUseSynchronized("unused");
    }

    @Test
    void nestedClassesCountAsPartOfTheClass() throws Exception {
        Structure s = of("NestedSync");

        assertTrue(s.usesSynchronized());
        assertEquals(List.of("touch"), s.synchronizedMethods());
    }

    @Test
    void usesOfFindsTheAtomicFieldAndEveryCallWithItsLine() throws Exception {
        List<String> uses = of("AtomicCounter").usesOf(List.of("java.util.concurrent.atomic."));

        int field = lineOf("AtomicCounter", "new AtomicLong()");
        assertTrue(uses.contains("AtomicLong.new at AtomicCounter.java:" + field), uses.toString());
        assertTrue(uses.contains("AtomicLong.incrementAndGet() at AtomicCounter.java:"
                + lineOf("AtomicCounter", "incrementAndGet")), uses.toString());
        assertTrue(uses.contains("AtomicLong.get() at AtomicCounter.java:"
                + lineOf("AtomicCounter", "count.get()")), uses.toString());
        assertTrue(uses.contains("field count of type AtomicLong"), uses.toString());
    }

    @Test
    void usesOfMatchesAWholeClassNameToo() throws Exception {
        assertFalse(of("AtomicCounter").usesOf(List.of("java.util.concurrent.atomic.AtomicLong")).isEmpty());
        assertEquals(List.of(), of("AtomicCounter").usesOf(List.of("java.util.concurrent.atomic.LongAdder")));
        assertEquals(List.of(), of("SyncMethodCounter").usesOf(List.of("java.util.concurrent.atomic.")));
    }

    @Test
    void mustUseAndMustNotUseJudgeTheUses() throws Exception {
        Structure atomic = of("AtomicCounter");
        atomic.mustUse("an atomic", List.of("java.util.concurrent.atomic."), "unused");

        AssertionFailedError notUsed = assertThrows(AssertionFailedError.class,
                () -> of("PlainCounter").mustUse("an atomic", List.of("java.util.concurrent.atomic."),
                        "Make count an AtomicLong."));
        AssertionFailedError used = assertThrows(AssertionFailedError.class,
                () -> atomic.mustNotUse("an atomic", List.of("java.util.concurrent.atomic."),
                        "This exercise is about synchronized."));

        assertEquals("PlainCounter must use an atomic, but does not. Make count an AtomicLong.", notUsed.getMessage());
        assertTrue(used.getMessage().startsWith("AtomicCounter uses an atomic: "), used.getMessage());
        assertTrue(used.getMessage().contains("AtomicLong.incrementAndGet() at AtomicCounter.java:"
                + lineOf("AtomicCounter", "incrementAndGet")), used.getMessage());
        assertTrue(used.getMessage().endsWith(". This exercise is about synchronized."), used.getMessage());
    }

    @Test
    void callsToFindsLockAndUnlockWithTheirLines() throws Exception {
        Structure s = of("LockCounter");
        String lock = "java.util.concurrent.locks.ReentrantLock";

        assertEquals(List.of("ReentrantLock.lock() at LockCounter.java:" + lineOf("LockCounter", "lock.lock()")),
                s.callsTo(lock, "lock"));
        // Once, though javac copies the finally block onto both the normal and the exceptional exit.
        assertEquals(List.of("ReentrantLock.unlock() at LockCounter.java:" + lineOf("LockCounter", "lock.unlock()")),
                s.callsTo(lock, "unlock"));
        s.mustCall(lock, "unlock", "unused");
        AssertionFailedError never = assertThrows(AssertionFailedError.class,
                () -> s.mustCall(lock, "tryLock", "Try tryLock() with a timeout."));
        assertEquals("LockCounter never calls ReentrantLock.tryLock(). Try tryLock() with a timeout.", never.getMessage());
    }

    @Test
    void threadCreationsFindsConstructorsStartsAndBuilders() throws Exception {
        List<String> found = of("ThreadMaker").threadCreations();

        // In no particular order: ArchUnit hands over accesses as a set.
        assertEquals(Set.of(
                "Thread.new at ThreadMaker.java:" + lineOf("ThreadMaker", "new Thread(work)"),
                "Thread.start() at ThreadMaker.java:" + lineOf("ThreadMaker", "platform.start()"),
                "Thread.ofVirtual() at ThreadMaker.java:" + lineOf("ThreadMaker", "Thread.ofVirtual()")), Set.copyOf(found));
        assertEquals(3, found.size(), found.toString());
    }

    @Test
    void aClassExtendingThreadIsAThreadCreation() throws Exception {
        List<String> found = of("Worker").threadCreations();

        assertTrue(found.contains("class Worker extends Thread"), found.toString());
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> of("Worker").mustNotCreateThreads("Submit tasks to an executor."));
        assertTrue(failure.getMessage().startsWith("Worker creates threads itself: "), failure.getMessage());
        assertTrue(failure.getMessage().endsWith(". Submit tasks to an executor."), failure.getMessage());
    }

    @Test
    void executorOnlyCodeCreatesNoThreads() throws Exception {
        Structure s = of("PoolUser");

        assertEquals(List.of(), s.threadCreations());
        s.mustNotCreateThreads("unused");
        assertThrows(AssertionFailedError.class, () -> of("ThreadMaker").mustNotCreateThreads("Use an executor."));
    }

    @Test
    void aSecondTopLevelClassInTheSameFileIsSeen() throws Exception {
        Structure s = of("DodgeCounter");

        assertEquals(List.of("sample.DodgeCounter", "sample.Tally"), s.classNames());
        AssertionFailedError atomic = assertThrows(AssertionFailedError.class,
                () -> s.mustNotUse("an atomic", List.of("java.util.concurrent.atomic."), "Use synchronized."));
        assertTrue(atomic.getMessage().contains("AtomicLong.incrementAndGet() at DodgeCounter.java:"
                + lineOf("DodgeCounter", "total.incrementAndGet()")), atomic.getMessage());
        assertTrue(atomic.getMessage().contains("field Tally.total of type AtomicLong"), atomic.getMessage());
    }

    @Test
    void anUnusedSynchronizedMethodNextToAnUnguardedWriteFails() throws Exception {
        Structure s = of("DecoyCounter");

        assertTrue(s.usesSynchronized(), "get() is synchronized");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> s.mustUseSynchronized("Make increment() synchronized."));
        assertEquals("DecoyCounter uses synchronized, but not where its state changes: count written in "
                + "increment() at DecoyCounter.java:" + lineOf("DecoyCounter", "count++")
                + ", outside any synchronized method or block. Every write to a shared field must happen while "
                + "the lock is held. Make increment() synchronized.", failure.getMessage());
    }

    @Test
    void aPrivateHelperCalledOnlyUnderTheLockIsGuarded() throws Exception {
        Structure s = of("HelperCounter");

        assertEquals(List.of(), s.unguardedWrites());
        s.mustUseSynchronized("unused");
    }

    @Test
    void lambdasAndAnonymousClassesAreSeenAndTheirWritesJudged() throws Exception {
        Structure s = of("SneakyCounter");

        assertTrue(s.classNames().contains("sample.SneakyCounter$1"), s.classNames().toString());
        assertTrue(s.classNames().contains("sample.Elsewhere"), s.classNames().toString());
        List<String> writes = s.unguardedWrites();
        assertTrue(writes.contains("count written in a lambda in a constructor or field initialiser at SneakyCounter.java:"
                + lineOf("SneakyCounter", "count++")), writes.toString());
        assertTrue(writes.contains("hits written in write() at SneakyCounter.java:"
                + lineOf("SneakyCounter", "Elsewhere.hits++")), writes.toString());
    }

    @Test
    void theGradersListOfStudentClassesDecidesWhatIsSeen() throws Exception {
        Path root = Path.of(loader.getURLs()[0].toURI());
        Path list = root.resolve(Structure.STUDENT_CLASSES);
        Files.createDirectories(list.getParent());
        Files.write(list, List.of("sample.PlainCounter", "sample.AtomicCounter"));
        try {
            Structure s = of("PlainCounter");
            assertEquals(List.of("sample.AtomicCounter", "sample.PlainCounter"), s.classNames());
            assertFalse(s.usesOf(List.of("java.util.concurrent.atomic.")).isEmpty(),
                    "the atomic in another file of the exercise is seen");
        } finally {
            Files.delete(list);
        }
    }

    @Test
    void theLoadedSamplesBehave() throws Exception {
        Class<?> pool = loader.loadClass("sample.PoolUser");

        assertEquals(42L, pool.getMethod("sum").invoke(pool.getConstructor().newInstance()));
    }
}
