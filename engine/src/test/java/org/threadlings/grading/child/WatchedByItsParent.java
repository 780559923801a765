package org.threadlings.grading.child;

/**
 * Stands in for a grading JVM whose student code interrupts every thread it can find, again and
 * again, and never ends: only the parent watch can end it, when its input closes.
 */
public final class WatchedByItsParent {

    private WatchedByItsParent() {
    }

    public static void main(String[] args) {
        new ParentWatch(System.in, new Leftovers()).start();
        Thread vandal = new Thread(() -> {
            while (true) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t != Thread.currentThread()) {
                        t.interrupt();
                    }
                }
            }
        }, "vandal");
        vandal.start();
        System.out.println("running");
        System.out.flush();
        while (true) {
            Thread.onSpinWait();
        }
    }
}
