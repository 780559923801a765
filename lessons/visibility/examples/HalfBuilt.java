package visibility.examples;

/**
 * Tries to catch a half-built object. A writer thread creates objects whose plain (not final)
 * fields are set in the constructor, and hands each one over through a plain field. A reader
 * thread spins on that field and checks every object it finds for a field still at its default
 * value. The Java memory model allows the reader to see that; whether it ever does depends on
 * the processor and the JIT. The program prints what it saw on this machine.
 */
public class HalfBuilt {

    static final int OBJECTS = 2_000_000;

    /** The writer stops after this long, however many objects it has published by then. */
    static final long BUDGET_NANOS = 3_000_000_000L;

    /** Three plain fields, set in the constructor: nothing guarantees another thread sees them set. */
    static class Point {
        int x;
        int y;
        int z;

        Point(int i) {
            x = i | 1; // never 0: a 0 seen by the reader can only be a field not yet written
            y = i | 1;
            z = i | 1;
        }
    }

    /** The hand-over: a plain field, written by the writer, read by the reader without a lock. */
    static Point shared;

    /** Only tells the reader to finish; its writes are not what this program tests. */
    static volatile boolean done;

    public static void main(String[] args) throws InterruptedException {
        long[] seen = new long[2]; // [0] objects looked at, [1] half-built ones
        Thread reader = new Thread(() -> {
            long looked = 0;
            long halfBuilt = 0;
            Point last = null;
            while (!done) {
                Point p = shared;
                if (p != null && p != last) {
                    looked++;
                    if (p.x == 0 || p.y == 0 || p.z == 0) {
                        halfBuilt++;
                    }
                    last = p;
                }
            }
            seen[0] = looked;
            seen[1] = halfBuilt;
        }, "reader");
        reader.start();
        long start = System.nanoTime();
        int published = 0;
        while (published < OBJECTS && System.nanoTime() - start < BUDGET_NANOS) {
            shared = new Point(published);
            published++;
        }
        done = true;
        reader.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        String arch = System.getProperty("os.arch");
        System.out.printf("on %s with %d cores:%n", arch, Runtime.getRuntime().availableProcessors());
        System.out.printf("published %,d objects through a plain field in %.2f s%n", published, seconds);
        System.out.printf("the reader caught %,d of them, and saw a field still at 0 in %,d%n", seen[0], seen[1]);
        System.out.println();
        if (seen[1] == 0) {
            System.out.println("Not one half-built object. On x86 the processor never lets a store");
            System.out.println("overtake an earlier store, so the fields are in memory before the");
            System.out.println("reference is. The Java memory model still allows it: the JIT may");
            System.out.println("reorder the stores, and ARM processors (phones, Apple silicon, many");
            System.out.println("servers) reorder them in hardware. A clean run here proves nothing");
            System.out.println("about there.");
        } else {
            System.out.println("Half-built objects, seen on this machine: the stores of the");
            System.out.println("constructor reached the reader after the store of the reference.");
            System.out.println("Final fields, or a volatile field for the hand-over, forbid that.");
        }
    }
}
