package executors.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Twenty tasks that each wait 200 ms (as a request to a slow server would), on three pools:
 * one thread per core, one thread per task, and a virtual thread per task. Then five tasks of
 * different lengths, collected in the order they were submitted and in the order they finished
 * (ExecutorCompletionService).
 */
public class BlockingPools {

    static final int TASKS = 20;
    static final Duration WAIT = Duration.ofMillis(200);

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println(TASKS + " tasks, each blocked for " + WAIT.toMillis() + " ms; this JVM sees " + cores
                + " cores.");
        System.out.println();
        // One untimed round each first: the first virtual thread also starts their scheduler.
        for (PoolMaker maker : List.<PoolMaker>of(() -> Executors.newFixedThreadPool(cores),
                () -> Executors.newFixedThreadPool(TASKS), Executors::newVirtualThreadPerTaskExecutor)) {
            run(maker, Duration.ofMillis(5));
        }
        System.out.printf("%-40s %7s  %s%n", "pool", "time", "speed-up over one thread");
        time("newFixedThreadPool(" + cores + "), one per core", () -> Executors.newFixedThreadPool(cores));
        time("newFixedThreadPool(" + TASKS + "), one per task", () -> Executors.newFixedThreadPool(TASKS));
        time("newVirtualThreadPerTaskExecutor()", Executors::newVirtualThreadPerTaskExecutor);
        System.out.println();
        completionOrder();
    }

    interface PoolMaker {
        ExecutorService make();
    }

    static void time(String name, PoolMaker maker) throws Exception {
        long start = System.nanoTime();
        run(maker, WAIT);
        double seconds = (System.nanoTime() - start) / 1e9;
        double oneThread = TASKS * WAIT.toMillis() / 1000.0;
        System.out.printf("%-40s %5.2f s  %5.1fx%n", name, seconds, oneThread / seconds);
    }

    static void run(PoolMaker maker, Duration wait) throws Exception {
        try (ExecutorService pool = maker.make()) {
            List<Future<?>> waits = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                waits.add(pool.submit(() -> {
                    Thread.sleep(wait);
                    return null;
                }));
            }
            for (Future<?> task : waits) {
                task.get();
            }
        }
    }

    static void completionOrder() throws Exception {
        int[] millis = {500, 100, 400, 200, 300};
        System.out.println("Five tasks that take 500, 100, 400, 200 and 300 ms, on a pool of 5:");
        try (ExecutorService pool = Executors.newFixedThreadPool(millis.length)) {
            long start = System.nanoTime();
            List<Future<String>> inOrder = new ArrayList<>();
            for (int ms : millis) {
                inOrder.add(pool.submit(task(ms)));
            }
            List<String> submitted = new ArrayList<>();
            for (Future<String> f : inOrder) {
                submitted.add(f.get() + " task, got at " + since(start));
            }

            ExecutorCompletionService<String> done = new ExecutorCompletionService<>(pool);
            start = System.nanoTime();
            for (int ms : millis) {
                done.submit(task(ms));
            }
            List<String> completed = new ArrayList<>();
            for (int i = 0; i < millis.length; i++) {
                completed.add(done.take().get() + " task, got at " + since(start));
            }
            System.out.printf("  %-32s %s%n", "get() in submission order", "take() in completion order");
            for (int i = 0; i < millis.length; i++) {
                System.out.printf("  %-32s %s%n", submitted.get(i), completed.get(i));
            }
        }
        System.out.println("In submission order the 100 ms result waits behind the 500 ms one;");
        System.out.println("take() hands each result over as soon as its task ends.");
    }

    static Callable<String> task(int ms) {
        return () -> {
            Thread.sleep(ms);
            return ms + " ms";
        };
    }

    static String since(long start) {
        return String.format("%4d ms", (System.nanoTime() - start) / 1_000_000);
    }
}
