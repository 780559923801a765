package threads.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * What a platform thread costs: starting and joining threads one at a time, and a thread per
 * task for tasks that mostly wait.
 */
public class ThreadCost {

    public static void main(String[] args) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("On " + cores + " cores.");

        // Warm up, so the figures below are the threads' cost, not the JIT's.
        startAndJoin(2_000);
        int n = 10_000;
        long start = System.nanoTime();
        startAndJoin(n);
        double perThread = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf("start() + join() of an empty thread, %,d times: %.0f µs each%n", n, perThread);

        for (int tasks : new int[] {100, 1_000, 4_000}) {
            start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        Thread.sleep(100); // a task that waits, like a request to a server
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            System.out.printf("%,5d tasks of 100 ms waiting, one thread each: %4.0f ms in all%n",
                    tasks, (System.nanoTime() - start) / 1e6);
        }
        System.out.println("One after another, 4,000 such tasks would take 400 s.");
    }

    static void startAndJoin(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> { });
            t.start();
            t.join();
        }
    }
}
