package threads.examples;

import java.io.IOException;

/**
 * An exception thrown inside a thread: first lost (the default handler prints it, the thread
 * dies, the caller carries on), then seen by a handler, then carried back to the caller.
 */
public class LostException {

    static String result; // written by the worker, read by main after join()

    public static void main(String[] args) throws InterruptedException {
        System.out.println("1. Nobody catches it");
        Thread lost = new Thread(() -> {
            result = Integer.toString(Integer.parseInt("forty-two"));
        }, "parser-1");
        lost.start();
        lost.join();
        System.err.flush();
        System.out.println("   main: join() returned normally; result = " + result);
        System.out.println("   main: the exception went to standard error, and no further");

        System.out.println();
        System.out.println("2. An uncaught-exception handler sees it, as the thread dies");
        Thread handled = new Thread(() -> {
            result = Integer.toString(Integer.parseInt("forty-two"));
        }, "parser-2");
        handled.setUncaughtExceptionHandler((thread, e) ->
                System.out.println("   handler: " + thread.getName() + " died of "
                        + e.getClass().getSimpleName()));
        handled.start();
        handled.join();
        System.out.println("   main: result = " + result);

        System.out.println();
        System.out.println("3. Carried back: caught in the thread, rethrown after join()");
        Throwable[] failure = new Throwable[1];
        Thread carried = new Thread(() -> {
            try {
                result = Integer.toString(Integer.parseInt("forty-two"));
            } catch (RuntimeException e) {
                failure[0] = e; // join() makes this write visible to main
            }
        }, "parser-3");
        carried.start();
        carried.join();
        try {
            if (failure[0] != null) {
                throw new IOException("parsing the answer failed", failure[0]);
            }
        } catch (IOException e) {
            System.out.println("   main: caught IOException: " + e.getMessage());
            System.out.println("         caused by " + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage());
        }
    }
}
