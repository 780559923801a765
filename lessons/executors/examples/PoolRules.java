package executors.examples;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a task's exception goes (submit without get, execute, submit with get), and what a
 * pool with a bounded queue does when it is full: AbortPolicy throws, CallerRunsPolicy makes
 * the submitting thread run the task itself.
 */
public class PoolRules {

    public static void main(String[] args) throws Exception {
        exceptions();
        System.out.println();
        fullQueue("AbortPolicy", new ThreadPoolExecutor.AbortPolicy());
        System.out.println();
        fullQueue("CallerRunsPolicy", new ThreadPoolExecutor.CallerRunsPolicy());
    }

    static void exceptions() throws Exception {
        Runnable broken = () -> {
            throw new IllegalStateException("disk full");
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(1, named("worker-"))) {
            System.out.println("1. submit(), never get():");
            pool.submit(broken);
            Thread.sleep(100);
            System.out.println("   (nothing printed: the exception sits in a Future nobody reads)");

            System.out.println("2. execute():");
            pool.execute(broken);
            Thread.sleep(100);
            System.out.println("   (the worker thread died of it; the pool starts a new one for the next task)");

            System.out.println("3. submit(), then get():");
            Future<?> f = pool.submit(broken);
            try {
                f.get();
            } catch (ExecutionException e) {
                System.out.println("   get() threw " + e.getClass().getSimpleName() + ", cause: " + e.getCause());
            }
        }
    }

    static void fullQueue(String name, RejectedExecutionHandler policy) throws Exception {
        System.out.println(name + ": 2 threads, a queue of 2, 6 tasks of 200 ms submitted at once");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(2), named("io-"), policy);
        long start = System.nanoTime();
        try {
            for (int i = 1; i <= 6; i++) {
                int task = i;
                try {
                    pool.execute(() -> {
                        System.out.printf("   task %d runs on %-6s at %4d ms%n", task,
                                Thread.currentThread().getName(), (System.nanoTime() - start) / 1_000_000);
                        sleep(200);
                    });
                    System.out.printf("   submitted task %d at %4d ms%n", task,
                            (System.nanoTime() - start) / 1_000_000);
                } catch (RejectedExecutionException e) {
                    System.out.printf("   task %d rejected at %4d ms: %s%n", task,
                            (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> new Thread(task, prefix + next.incrementAndGet());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
