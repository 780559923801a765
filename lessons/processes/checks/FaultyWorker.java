package processes.checks;

/**
 * A worker that fails: the one given the range that starts the count (FROM at most 2) writes a
 * message to its standard error and exits with code 3 at once, printing nothing; every other one
 * sleeps 3 s, then prints its true count and exits with 0. A parent that stops at the failure
 * must kill the sleepers, or they outlive its call.
 */
public final class FaultyWorker {

    static final int EXIT_CODE = 3;

    private FaultyWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        int from = Integer.parseInt(args[0]);
        int to = Integer.parseInt(args[1]);
        if (from <= 2) {
            System.err.println("FaultyWorker: failing on purpose for [" + from + ", " + to + ") with exit code "
                    + EXIT_CODE);
            System.exit(EXIT_CODE);
        }
        Thread.sleep(3_000);
        System.out.println(ReferenceWorker.countInRange(from, to));
    }
}
