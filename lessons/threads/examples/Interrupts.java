package threads.examples;

/**
 * What interrupt() does: it sets a flag. Blocking calls notice and throw InterruptedException,
 * clearing the flag; computing code notices only if it looks.
 */
public class Interrupts {

    public static void main(String[] args) throws InterruptedException {
        Thread me = Thread.currentThread();

        me.interrupt();
        System.out.println("after interrupt():            isInterrupted() = " + me.isInterrupted());
        System.out.println("isInterrupted() only reads:   isInterrupted() = " + me.isInterrupted());
        try {
            Thread.sleep(1000);
            System.out.println("slept a whole second");
        } catch (InterruptedException e) {
            System.out.println("sleep() threw at once:        isInterrupted() = " + me.isInterrupted()
                    + "  (the throw cleared it)");
        }
        me.interrupt();
        System.out.println("Thread.interrupted() returns: " + Thread.interrupted() + ", and clears it: "
                + "isInterrupted() = " + me.isInterrupted());

        System.out.println();
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                System.out.println("sleeper: woken by an interrupt, stopping");
                Thread.currentThread().interrupt(); // restore: whoever runs us can still see it
            }
        }, "sleeper");
        sleeper.start();
        Thread.sleep(100);
        long start = System.nanoTime();
        sleeper.interrupt();
        sleeper.join();
        System.out.printf("main: the 60 s sleeper ended %.1f ms after interrupt()%n", (System.nanoTime() - start) / 1e6);

        Thread counter = new Thread(() -> {
            long n = 0;
            while (!Thread.currentThread().isInterrupted()) {
                n++; // computing: nothing throws, so the loop looks at the flag itself
            }
            System.out.printf("counter: saw the flag after %,d turns, stopping%n", n);
        }, "counter");
        counter.start();
        Thread.sleep(100);
        start = System.nanoTime();
        counter.interrupt();
        counter.join();
        System.out.printf("main: the counting loop ended %.1f ms after interrupt()%n", (System.nanoTime() - start) / 1e6);
    }
}
